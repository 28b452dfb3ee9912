"""Typeset the clean corpus as newspaper pages, then extract their text with real tools.

    .venv/bin/python -m bench.pages.generate            # rebuild bench/pages/data
    .venv/bin/python -m bench.pages.generate --pdf-dir /tmp/pages --no-extract
    .venv/bin/python -m bench.pages.generate --corpus bench/pages/heldout/articles --seed 3001 --data /tmp/x3001

Needs the ``bench`` extra (reportlab, pymupdf, pdfminer.six), poppler's ``pdftotext`` and the AR PL
UMing TrueType font (Debian: poppler-utils, fonts-arphic-uming). Deterministic: the same
corpus and seeds give byte-identical PDFs (reportlab's invariant mode) and so the same
extracted texts for the same extractor versions (recorded in data/VERSIONS.txt).

What the pages look like (README.md in this folder has the conventions and why):

* An *edition* is one PDF of 1-3 pages sharing one grid: 3-6 columns of 11-16
  characters, body type 8.5-10.5 pt, leading 1.3-1.4, gutters of 2-2.5 em. Every
  corpus article appears twice (two shuffled passes), in different editions and styles.
* Each article: an optional boxed section label above the headline; the headline over
  all its columns, centred, spaced out to span at least 60 % of them; an optional
  subtitle; the body balanced over the columns; the byline after the last sentence (on
  its last line when it fits and the page does so, else on a line of its own,
  right-aligned), its parts set apart by gaps, not space characters.
* Body lines are justified: CJK text fills the column exactly; a line with Latin or
  digits (Times, proportional), or one a character was pushed off, is spread evenly
  or after punctuation first (up to half an em each); a mark that may not start a line
  hangs in the gutter (，。、 on some pages) or pushes the last character over; an
  opening mark that may not end a line moves on. Some pages put a quarter em between
  Han and Latin/digits. A deliberate space (slogans, two-part headlines) is a gap.
* First-line indents are 2-em offsets (no space characters). Most pages separate
  paragraphs by the indent only; every fourth page adds 0.3 line of leading.
* Headlines in faux bold, by page: each glyph drawn twice (offset 0.03-0.05 em: faux
  bold; 0.12-0.2 em: a grey drop shadow drawn first), the whole string drawn twice
  (same offsets), or fill+stroke rendering (text render mode 2).
* Labels are drawn before the headline in the content stream, or (every other page)
  after the article body, so stream-order extractors emit them after the article.
* On a page that is not its edition's last, an article that does not fit runs on to
  the top of the next page, broken wherever its columns end (mid-sentence).
* Articles stand side by side only at the foot of a page (see :func:`plan`).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "articles"
DATA = Path(__file__).resolve().parent / "data"
EXTRACTORS = ("pymupdf", "pdftotext", "pdftotext-layout", "pdfminer")

# Fonts: a CJK TrueType font reportlab can embed (Noto CJK is CFF, which reportlab
# refuses), and Times for Latin letters and digits, as newspapers set them.
CJK_FONT_FILES = (
    "/usr/share/fonts/truetype/arphic/uming.ttc",  # Debian fonts-arphic-uming
)
CJK = "CJK"
LATIN = "Times-Roman"
LATIN_BOLD = "Times-Bold"

# Kinsoku (line-breaking rules of Chinese typesetting).
NO_START = set("，。、；：？！”’）》」』〕】〉%·") | {"……"}
NO_END = set("“‘（《「『〔【〈")
HANGABLE = set("，。、")
PAUSE_PUNCT = set("，。、；：？！”’）》")
PUNCT_STRETCH = 0.5  # em a justified line may add after one punctuation mark

SEED = 20240611
BAND_GAP = 1.5  # lines between bands
HEADLINE_FILL = 0.6  # a headline spans at least this much of its article's width
HEADLINE_TRACKING = 0.5  # em at most added between headline characters to do so


# -- corpus ------------------------------------------------------------------------------


def load_corpus(directory: Path = CORPUS) -> dict[str, dict]:
    """The articles of *directory* (``*.json``, in the format of tests/corpus) by id."""
    return {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(directory.glob("*.json"))}


def corpus_name(directory: Path) -> str:
    """*directory* as the manifest records it: relative to the repository when inside it."""
    directory = directory.resolve()
    return directory.relative_to(ROOT).as_posix() if directory.is_relative_to(ROOT) else str(directory)


def article_blocks(article: dict) -> list[tuple[str, str]]:
    """(role, text) of an article's blocks in the order of the expected text."""
    out = []
    if article["label"]:
        out.append(("label", article["label"]))
    out.append(("headline", article["headline"]))
    if article["subtitle"]:
        out.append(("subtitle", article["subtitle"]))
    out += [("paragraph", p) for p in article["paragraphs"]]
    if article["byline"]:
        out.append(("byline", article["byline"]))
    return out


def expected_text(articles: list[dict]) -> str:
    """ProofDesk's TXT export of the articles: one block per line."""
    return "".join(text + "\n" for a in articles for _, text in article_blocks(a))


# -- fonts and measuring -----------------------------------------------------------------

_fonts_ready = False


def find_cjk_font() -> str:
    """AR PL UMing: the page layout (and so the data) depends on the font's metrics, so
    no other font stands in for it."""
    for path in CJK_FONT_FILES:
        if Path(path).exists():
            return path
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", "AR PL UMing CN"], capture_output=True, text=True, check=False).stdout
    except FileNotFoundError:
        out = ""
    if out.endswith("uming.ttc"):
        return out
    raise SystemExit("bench.pages.generate: AR PL UMing not found; install Debian's fonts-arphic-uming (apt-get install fonts-arphic-uming)")


def setup_fonts() -> str:
    global _fonts_ready
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = find_cjk_font()
    if not _fonts_ready:
        pdfmetrics.registerFont(TTFont(CJK, path, subfontIndex=0))
        _fonts_ready = True
    return path


def width_em(text: str, font: str) -> float:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(text, font, 1.0)


# -- units and line breaking ---------------------------------------------------------------


@dataclass
class Unit:
    text: str
    font: str  # CJK or LATIN
    w: float  # natural width, em
    pre: float = 0.0  # fixed space before it (a deliberate space, the CJK-Latin gap), em
    glued: bool = False  # no line break before it (a deliberate space between phrases)


_TOKEN = re.compile(r"……|——|[!-~]+(?: [!-~]+)*| |.", re.S)


def units_of(text: str, cjk_latin_gap: float, space_em: float = 0.5) -> list[Unit]:
    out: list[Unit] = []
    pending_space = False
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok == " ":
            pending_space = True
            continue
        latin = tok[0].isascii()
        u = Unit(tok, LATIN if latin else CJK, width_em(tok, LATIN if latin else CJK))
        if pending_space and out:
            u.pre, u.glued = space_em, True
        elif out and cjk_latin_gap and (latin != (out[-1].font == LATIN)):
            # Han next to Latin/digits (not punctuation next to them) gets a thin space.
            left, right = out[-1].text[-1], tok[0]
            if _is_han(left if not latin else right):
                u.pre = cjk_latin_gap
        pending_space = False
        out.append(u)
    return out


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@dataclass
class Line:
    """One typeset line of a column: units at x offsets (em from the column's left)."""

    items: list[tuple[Unit, float]]
    para: int  # paragraph index in the article (-1 for a byline line)
    para_start: bool = False  # first line of a paragraph (gets the extra leading)
    last: bool = False  # last line of its paragraph


def break_paragraph(units: list[Unit], cols: float, indent: float, style: "PageStyle", para: int) -> list[Line]:
    lines: list[Line] = []
    n = len(units)
    i = 0
    while i < n:
        first = i == 0
        x0 = indent if first else 0.0
        cap = cols - x0
        x = 0.0
        j = i
        while j < n:
            gap = units[j].pre if j > i else 0.0
            if x + gap + units[j].w <= cap + 1e-6:
                x += gap + units[j].w
                j += 1
            else:
                break
        if j == i:
            j = i + 1  # wider than the column: let it overflow
        hang = None
        nxt = j
        if j < n:
            can_hang = (
                style.kinsoku == "hang"
                and units[j].text in HANGABLE
                and not units[j].glued
                and not (j + 1 < n and units[j + 1].text in NO_START)
            )
            if can_hang:
                hang, nxt = j, j + 1
            else:
                k = j
                while k > i + 1 and (units[k].text in NO_START or units[k - 1].text in NO_END or units[k].glued):
                    k -= 1
                j = nxt = k
        body = units[i:j]
        last = nxt >= n
        xs = _justify(body, cap, style.justify if not last else None)
        items = [(u, x0 + dx) for u, dx in zip(body, xs)]
        if hang is not None:
            items.append((units[hang], x0 + cap))
        lines.append(Line(items, para, para_start=first, last=last))
        i = nxt
    return lines


def _justify(body: list[Unit], cap: float, mode: str | None) -> list[float]:
    gaps = [0.0] + [u.pre for u in body[1:]]
    natural = sum(u.w for u in body) + sum(gaps)
    slack = cap - natural
    if mode and slack > 1e-6 and len(body) > 1:
        targets = list(range(1, len(body)))
        if mode == "punct":
            # After punctuation first, up to half an em each; the rest evenly.
            at_punct = [k for k in targets if body[k - 1].text in PAUSE_PUNCT]
            if at_punct:
                each = min(PUNCT_STRETCH, slack / len(at_punct))
                for k in at_punct:
                    gaps[k] += each
                slack -= each * len(at_punct)
        if slack > 1e-6:
            for k in targets:
                gaps[k] += slack / len(targets)
    xs, x = [], 0.0
    for u, g in zip(body, gaps):
        x += g
        xs.append(x)
        x += u.w
    return xs


# -- page styles and layout ----------------------------------------------------------------


@dataclass
class Grid:
    """Shared by the pages of an edition."""

    n_cols: int
    col_chars: int
    fs: float  # body type size, pt
    leading: float  # line pitch / type size
    gutter: float  # em
    page_lines: int  # body lines per column on a page

    @property
    def pitch(self) -> float:
        return self.fs * self.leading

    @property
    def col_w(self) -> float:
        return self.col_chars * self.fs

    @property
    def gutter_w(self) -> float:
        return self.gutter * self.fs

    def cols_width(self, n: int) -> float:
        return n * self.col_w + (n - 1) * self.gutter_w


@dataclass
class PageStyle:
    bold: str  # glyph | string | stroke
    bold_offset: float  # em of the headline size
    label_after: bool  # labels drawn after the article body in the content stream
    para_gap: float  # extra leading before a paragraph, in lines (0: indent only)
    cjk_latin_gap: float  # em between Han and Latin/digits
    justify: str  # even | punct
    kinsoku: str  # hang | push
    byline_inline: bool  # a byline goes on the last line when it fits
    column_rules: bool
    headline_scale: float

    def describe(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Region:
    article: dict
    col0: int  # first page column
    ncols: int
    top: float  # pt from the top of the body area
    head: bool  # label/headline/subtitle drawn (False on a continuation)
    lines: list[tuple[int, float, Line]]  # (column within region, y from body top, line)
    body_top: float = 0.0  # pt from region top where the columns start
    height: float = 0.0


@dataclass
class Page:
    style: PageStyle
    regions: list[Region] = field(default_factory=list)
    carry: "tuple[dict, list[Line]] | None" = None  # what runs on to the next page


@dataclass
class Edition:
    id: str
    grid: Grid
    pages: list[Page]
    order: list[str]  # article ids in reading order, by where they start

    def manifest(self) -> dict:
        return {
            "pages": len(self.pages),
            "articles": self.order,
            "grid": dict(self.grid.__dict__),
            "page_styles": [p.style.describe() for p in self.pages],
            "continued": [r.article["id"] for p in self.pages for r in p.regions if not r.head],
        }


def article_lines(article: dict, grid: Grid, style: PageStyle, rng: random.Random) -> list[Line]:
    lines: list[Line] = []
    for k, para in enumerate(article["paragraphs"]):
        units = units_of(para, style.cjk_latin_gap)
        lines += break_paragraph(units, grid.col_chars, 2.0, style, k)
    if article["byline"]:
        lines = _place_byline(lines, article["byline"], grid, style, rng)
    return lines


def byline_units(byline: str, gap: float) -> list[Unit]:
    """A byline's parts (``记者 张三 通讯员 李四``) set apart by gaps, not space characters."""
    out: list[Unit] = []
    for n, piece in enumerate(byline.split(" ")):
        us = units_of(piece, 0.0)
        if n and us:
            us[0].pre = gap
        out += us
    return out


def _place_byline(lines: list[Line], byline: str, grid: Grid, style: PageStyle, rng: random.Random) -> list[Line]:
    units = byline_units(byline, rng.choice((0.5, 1.0)))
    bw = sum(u.w + u.pre for u in units)
    last = lines[-1]
    end_x = max(x + u.w for u, x in last.items)
    cols = grid.col_chars
    if style.byline_inline and end_x + 1.0 + bw <= cols + 1e-6:
        # On the last line: right-aligned, or one em after the last sentence.
        x = cols - bw if rng.random() < 0.5 else end_x + 1.0
        last.items += _laid(units, x)
        return lines
    x = max(0.0, cols - bw)
    return lines + [Line(_laid(units, x), -1, para_start=False, last=True)]


def _laid(units: list[Unit], x: float) -> list[tuple[Unit, float]]:
    out = []
    for u in units:
        x += u.pre
        out.append((u, x))
        x += u.w
    return out


def fill(lines: list[Line], ncols: int, height: float, grid: Grid, style: PageStyle) -> tuple[list[tuple[int, float, Line]], int]:
    """Flow *lines* into *ncols* columns of *height* pt; returns the placements and how
    many lines fitted."""
    out = []
    col, y = 0, 0.0
    pitch = grid.pitch
    for n, ln in enumerate(lines):
        extra = style.para_gap * pitch if ln.para_start and y > 0 else 0.0
        if y + extra + pitch > height + 1e-6:
            col, y, extra = col + 1, 0.0, 0.0
            if col >= ncols:
                return out, n
        y += extra
        out.append((col, y, ln))
        y += pitch
    return out, len(lines)


def balanced_height(lines: list[Line], ncols: int, grid: Grid, style: PageStyle) -> float:
    h = max(1, -(-len(lines) // ncols)) * grid.pitch
    while fill(lines, ncols, h, grid, style)[1] < len(lines):
        h += grid.pitch / 2
    return h


def head_height(article: dict, grid: Grid) -> float:
    h = 0.0
    if article["label"]:
        h += grid.fs * 1.15 * 2.2
    h += grid.fs * 2.4 * 1.45
    if article["subtitle"]:
        h += grid.fs * 1.3 * 1.7
    return h + grid.pitch * 0.6


def page_style(rng: random.Random, n: int) -> PageStyle:
    # The main switches cycle with the page number so that every combination appears.
    return PageStyle(
        bold=("glyph", "string", "stroke")[n % 3],
        # Up to ~0.08 em both extractors drop the copy; wider offsets (a drop shadow)
        # survive extraction.
        bold_offset=rng.choice((0.03, 0.05, 0.12, 0.2)),
        label_after=n % 2 == 1,
        para_gap=0.3 if n % 4 == 2 else 0.0,
        cjk_latin_gap=rng.choice((0.0, 0.25)),
        justify=rng.choice(("even", "punct")),
        kinsoku=rng.choice(("hang", "push")),
        byline_inline=rng.random() < 0.6,
        column_rules=rng.random() < 0.5,
        headline_scale=rng.choice((2.0, 2.4, 2.8)),
    )


def edition_grid(rng: random.Random, n: int) -> Grid:
    return Grid(
        n_cols=(3, 4, 5, 6)[n % 4],
        # Six columns of 13 or more characters put short headlines over 90 em and more
        # of columns: pdftotext then reads the outer columns before the headline.
        col_chars=rng.randint(11, 12 if n % 4 == 3 else 16),
        fs=rng.choice((8.5, 9.0, 9.5, 10.0, 10.5)),
        leading=rng.choice((1.3, 1.35, 1.4)),
        # Narrower gutters (1-1.5 em) make pdftotext read across columns, interleaving
        # their lines: no text cleaner can repair that, so the bench keeps clear of it.
        gutter=rng.choice((2.0, 2.5)),
        page_lines=rng.randint(56, 84),
    )


def plan(corpus: dict[str, dict], seed: int = SEED, passes: int = 2) -> list[Edition]:
    """Lay the corpus out in editions: each article once per pass, in a shuffled order.

    A page is filled from the top with articles over its full width, each balanced over
    all the columns. When the next article does not fit, then on a page that is not its
    edition's last the article runs on to the top of the next page, broken wherever its
    columns end; otherwise the rest of the page is filled with an article further on,
    or with two side by side (pages of four columns or more). Articles stand side by
    side only at the foot of a page: higher up, pdftotext reads down the left one into
    the article below it."""
    queue: list[str] = []
    for p in range(passes):
        ids = sorted(corpus)
        random.Random(seed + p).shuffle(ids)
        queue += ids
    editions: list[Edition] = []
    page_no = 0
    while queue:
        n = len(editions)
        rng = random.Random(seed * 1000 + n)
        grid = edition_grid(rng, n)
        n_pages = rng.choice((1, 2, 2, 3))
        ed = Edition(f"ed{n + 1:02d}", grid, [], [])
        carry: tuple[dict, list[Line]] | None = None
        p = 0
        while (p < n_pages and queue) or carry:
            style = page_style(rng, page_no)
            page_no += 1
            page = Page(style)
            ed.pages.append(page)
            _fill_page(page, ed, p, n_pages, queue, corpus, carry, seed)
            carry = page.carry
            p += 1
        editions.append(ed)
    return editions


def _fill_page(page: Page, ed: Edition, p: int, n_pages: int, queue: list[str], corpus: dict[str, dict], carry, seed: int) -> None:
    grid, style = ed.grid, page.style
    ncols = grid.n_cols
    height = grid.page_lines * grid.pitch
    cache: dict[str, list[Line]] = {}

    def lines_of(aid: str) -> list[Line]:
        if aid not in cache:
            cache[aid] = article_lines(corpus[aid], grid, style, random.Random(f"{seed}/{ed.id}/{p}/{aid}"))
        return cache[aid]

    def region_height(aid: str, k: int) -> float:
        return head_height(corpus[aid], grid) + balanced_height(lines_of(aid), k, grid, style)

    def foot_band(candidates: list[str], room: float) -> list[tuple[str, int, int]] | None:
        if ncols >= 4:
            for a, b in itertools.combinations(candidates, 2):
                k = min(range(2, ncols - 1), key=lambda k: max(region_height(a, k), region_height(b, ncols - k)))
                if max(region_height(a, k), region_height(b, ncols - k)) <= room:
                    return [(a, 0, k), (b, k, ncols - k)]
        for a in candidates:
            if region_height(a, ncols) <= room:
                return [(a, 0, ncols)]
        return None

    y = 0.0
    if carry:
        art, rest = carry
        h = balanced_height(rest, ncols, grid, style)
        placed, fitted = fill(rest, ncols, min(h, height), grid, style)
        page.regions.append(Region(art, 0, ncols, y, False, placed, 0.0, h))
        if fitted < len(rest):
            page.carry = (art, rest[fitted:])
            return
        y += h + grid.pitch * BAND_GAP
    min_run = 4 * grid.pitch  # the least of an article worth starting before a page turn
    while queue:
        room = height - y
        if p < n_pages - 1:
            # Before a page turn, an article that will not fit is started here and runs
            # on, rather than leaving the page to shorter pieces: pages that continue an
            # article on the next are the rule on news pages.
            a = queue[0]
            leaves = room - region_height(a, ncols) - grid.pitch * BAND_GAP
            if leaves < min(head_height(corpus[b], grid) for b in queue[:6]) + min_run:
                runs_on = [b for b in queue[:6] if region_height(b, ncols) > room and room - head_height(corpus[b], grid) >= min_run]
                if runs_on:
                    queue.insert(0, queue.pop(queue.index(runs_on[0])))
        head = corpus[queue[0]]
        hh = head_height(head, grid)
        if region_height(head["id"], ncols) <= room:
            band = [(head["id"], 0, ncols)]
        elif p < n_pages - 1 and room - hh >= min_run:
            # Runs on to the next page, broken where the columns end.
            lines = lines_of(head["id"])
            placed, fitted = fill(lines, ncols, room - hh, grid, style)
            page.regions.append(Region(head, 0, ncols, y, True, placed, hh, room))
            ed.order.append(head["id"])
            page.carry = (head, lines[fitted:])
            queue.pop(0)
            return
        else:
            band = foot_band(queue[:6], room)
            if not band:
                return
        bottom = 0.0
        for aid, k0, k in band:
            art = corpus[aid]
            hh = head_height(art, grid)
            bh = balanced_height(lines_of(aid), k, grid, style)
            placed, _ = fill(lines_of(aid), k, bh, grid, style)
            page.regions.append(Region(art, k0, k, y, True, placed, hh, hh + bh))
            ed.order.append(aid)
            queue.remove(aid)
            bottom = max(bottom, hh + bh)
        y += bottom + grid.pitch * BAND_GAP
        if len(band) > 1:
            return


# -- drawing ------------------------------------------------------------------------------

MARGIN = 36.0


def render_pdf(ed: Edition, path: Path) -> None:
    from reportlab.pdfgen import canvas
    from reportlab import rl_config

    rl_config.invariant = 1
    grid = ed.grid
    width = 2 * MARGIN + grid.cols_width(grid.n_cols)
    height = 2 * MARGIN + grid.page_lines * grid.pitch
    c = canvas.Canvas(str(path), pagesize=(width, height), invariant=1, pageCompression=1)
    c.setTitle(f"ProofDesk accuracy bench {ed.id}")
    for page in ed.pages:
        if page.style.column_rules:
            c.setLineWidth(0.3)
            for k in range(1, grid.n_cols):
                x = MARGIN + k * grid.col_w + (k - 0.5) * grid.gutter_w
                c.line(x, MARGIN, x, height - MARGIN)
        for region in page.regions:
            _draw_region(c, region, grid, page.style, height)
        c.showPage()
    c.save()


def _draw_region(c, r: Region, grid: Grid, style: PageStyle, page_h: float) -> None:
    x0 = MARGIN + r.col0 * (grid.col_w + grid.gutter_w)
    top = MARGIN + r.top
    width = grid.cols_width(r.ncols)

    def Y(y_from_top: float) -> float:
        return page_h - y_from_top

    art = r.article
    y = top
    label_at = None
    if r.head:
        if art["label"]:
            lf = grid.fs * 1.15
            label_at = (x0, y, lf)
            y += lf * 2.2
            if not style.label_after:
                _draw_label(c, art["label"], *label_at, Y)
        hs = grid.fs * style.headline_scale
        hunits = units_of(art["headline"], 0.0, space_em=1.0)
        hw = sum(u.w + u.pre for u in hunits)
        hs = min(hs, width / (hw + 0.5))
        hy = y + grid.fs * 2.4 * 1.45 * 0.8
        # A short headline over a wide article is spaced out to span most of it.
        span = max(hw, min(HEADLINE_FILL * width / hs, hw + HEADLINE_TRACKING * (len(hunits) - 1)))
        hx = x0 + (width - span * hs) / 2
        _draw_headline(c, hunits, hx, Y(hy), hs, style, span)
        y += grid.fs * 2.4 * 1.45
        if art["subtitle"]:
            ss = grid.fs * 1.3
            sunits = units_of(art["subtitle"], 0.0)
            sw = sum(u.w + u.pre for u in sunits)
            ss = min(ss, width / (sw + 0.5))
            sx = x0 + (width - sw * ss) / 2
            _draw_units(c, [(u, x) for u, x in zip(sunits, _justify(sunits, sw, None))], sx, Y(y + grid.fs * 1.3 * 1.2), ss)
    body_top = MARGIN + r.top + r.body_top
    for col, ly, ln in r.lines:
        cx = x0 + col * (grid.col_w + grid.gutter_w)
        _draw_units(c, ln.items, cx, Y(body_top + ly + grid.fs * 1.05), grid.fs)
    if label_at and style.label_after:
        _draw_label(c, art["label"], *label_at, Y)


def _draw_units(c, items: list[tuple[Unit, float]], x0: float, baseline: float, size: float, font_latin: str = LATIN) -> None:
    """Draw positioned units, one text run per stretch of evenly spaced CJK characters
    (the spacing set as character spacing, Tc), as typesetting systems write them."""
    t = c.beginText()
    runs: list[list] = []  # [font, x, text, cs]
    prev_end = None
    for u, x in items:
        font = u.font if u.font == CJK else font_latin
        single = u.font == CJK and len(u.text) == 1
        if runs and single and runs[-1][0] == CJK and runs[-1][4] and prev_end is not None:
            gap = x - prev_end
            run = runs[-1]
            if run[3] is None or abs(run[3] - gap) < 1e-6:
                run[3] = gap
                run[2] += u.text
                prev_end = x + u.w
                continue
        runs.append([font, x, u.text, None, single])
        prev_end = x + u.w
    for font, x, text, cs, _ in runs:
        t.setFont(font, size)
        t.setCharSpace((cs or 0.0) * size)
        t.setTextOrigin(x0 + x * size, baseline)
        t.textOut(text)
    t.setCharSpace(0)
    c.drawText(t)


def _draw_headline(c, units: list[Unit], x0: float, baseline: float, size: float, style: PageStyle, span: float) -> None:
    items = [(u, x) for u, x in zip(units, _justify(units, span, "even"))]
    d = style.bold_offset * size
    # A small offset thickens the strokes (faux bold); a wide one is a grey drop shadow,
    # drawn first, under the glyph.
    shadow = style.bold_offset >= 0.1
    copies = ((d, -d * 0.3, 0.6), (0.0, 0.0, 0.0)) if shadow else ((0.0, 0.0, 0.0), (d, -d * 0.3, 0.0))
    if style.bold == "stroke":
        t = c.beginText()
        t.setTextRenderMode(2)
        c.setLineWidth(size * 0.035)
        for u, x in items:
            t.setFont(u.font if u.font == CJK else LATIN_BOLD, size)
            t.setTextOrigin(x0 + x * size, baseline)
            t.textOut(u.text)
        t.setTextRenderMode(0)
        c.drawText(t)
    elif style.bold == "string":
        for dx, dy, grey in copies:
            c.setFillGray(grey)
            _draw_units(c, items, x0 + dx, baseline + dy, size, LATIN_BOLD)
        c.setFillGray(0)
    else:  # each glyph twice
        t = c.beginText()
        for u, x in items:
            font = u.font if u.font == CJK else LATIN_BOLD
            t.setFont(font, size)
            gx = x0 + x * size
            for ch in u.text:
                for dx, dy, grey in copies:
                    t.setFillGray(grey)
                    t.setTextOrigin(gx + dx, baseline + dy)
                    t.textOut(ch)
                gx += width_em(ch, font) * size
        t.setFillGray(0)
        c.drawText(t)


def _draw_label(c, text: str, x: float, y_top: float, size: float, Y) -> None:
    w = width_em(text, CJK) * size
    pad = size * 0.4
    c.setLineWidth(0.6)
    c.rect(x, Y(y_top + size * 1.8), w + 2 * pad, size * 1.6, stroke=1, fill=0)
    t = c.beginText()
    t.setFont(CJK, size)
    t.setTextOrigin(x + pad, Y(y_top + size * 1.8) + size * 0.45)
    t.textOut(text)
    c.drawText(t)


# -- extraction ---------------------------------------------------------------------------


def extract(extractor: str, pdf: Path) -> str:
    """The page texts as the tool writes them for the whole PDF: each page followed by a
    form feed (pdftotext does so; so does PyMuPDF's documented text-extraction recipe)."""
    if extractor == "pymupdf":
        import pymupdf

        with pymupdf.open(pdf) as doc:
            return "".join(page.get_text() + "\f" for page in doc)
    if extractor == "pdfminer":
        # pdfminer.six's own entry point with its default layout analysis (LAParams());
        # it ends every page with a form feed itself.
        from pdfminer.high_level import extract_text

        return extract_text(str(pdf))
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if extractor == "pdftotext-layout" else []) + [str(pdf), "-"]
    return subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")


def versions(font: str) -> str:
    import pdfminer
    import pymupdf
    import reportlab

    pdftotext = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.splitlines()[0]
    return (
        f"pymupdf {pymupdf.VersionBind} (MuPDF {pymupdf.VersionFitz})\n"
        f"{pdftotext}\n"
        f"pdfminer.six {pdfminer.__version__}\n"
        f"reportlab {reportlab.Version}\n"
        f"CJK font {font}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pages.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pdf-dir", type=Path, default=ROOT / "bench" / "pages" / "build", help="where the PDFs go (not committed)")
    parser.add_argument("--data", type=Path, default=DATA, help="where the expected and extracted texts go")
    parser.add_argument("--no-extract", action="store_true", help="only write the PDFs and the expected texts")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the articles to typeset (default tests/corpus/articles; a held-out set: bench/pages/heldout/articles)")
    args = parser.parse_args(argv)
    font = setup_fonts()
    corpus = load_corpus(args.corpus)
    if not corpus:
        raise SystemExit(f"bench.pages.generate: no articles (*.json) in {args.corpus}")
    editions = plan(corpus, args.seed)
    args.pdf_dir.mkdir(parents=True, exist_ok=True)
    if not args.no_extract and shutil.which("pdftotext") is None:
        raise SystemExit("bench.pages.generate: pdftotext not found; install Debian's poppler-utils")
    for sub in ("expected",) + (() if args.no_extract else EXTRACTORS):
        d = args.data / sub
        d.mkdir(parents=True, exist_ok=True)
        for old in d.glob("*.txt"):
            old.unlink()
    manifest: dict = {"seed": args.seed}
    if args.corpus.resolve() != CORPUS:
        # So bench.accuracy finds the articles; a manifest without the key means tests/corpus
        # (every set made before the option, and the default set unchanged byte for byte).
        manifest["corpus"] = corpus_name(args.corpus)
    manifest["editions"] = {}
    for ed in editions:
        pdf = args.pdf_dir / f"{ed.id}.pdf"
        render_pdf(ed, pdf)
        (args.data / "expected" / f"{ed.id}.txt").write_text(expected_text([corpus[a] for a in ed.order]), "utf-8", newline="\n")
        manifest["editions"][ed.id] = ed.manifest()
        if not args.no_extract:
            for ex in EXTRACTORS:
                (args.data / ex / f"{ed.id}.txt").write_text(extract(ex, pdf), "utf-8", newline="\n")
        print(f"{ed.id}: {len(ed.pages)} page(s), {len(ed.order)} articles -> {pdf}", file=sys.stderr)
    (args.data / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")
    if not args.no_extract:
        (args.data / "VERSIONS.txt").write_text(versions(font), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
