"""The pieces of a plain extraction and the line evidence about their ends, for
:mod:`app.block_order`.

A **piece** is a run of content lines between blank lines (a blank line the line rules
would bridge, a sentence going on in a piece of two or more lines, stays inside it).
How a piece starts and ends, read from :mod:`app.layout`'s line evidence (column width,
indent, punctuation), is what tells a piece read out of order: a piece that stops in
mid-sentence (an open end, or a paragraph's first line cut by the column end), one
whose first line fills its column after a sentence end (a loose start: it may go on
from a sentence elsewhere), an article's head, a byline.
"""

from __future__ import annotations

from dataclasses import dataclass

from .layout import PageAnalysis
from .page_lines import INDENT, INDENT_TOLERANCE, KINSOKU_UNIT, _indented, fills_column, first_line_width, wider_tolerance
from .text import ends_comma, ends_sentence

HANGING = "，、；：,;:"  # marks a typesetter may hang past the margin


@dataclass
class Piece:
    first: int  # content-line indices, inclusive
    last: int
    start: int  # offsets in the text: whole lines (a page break opening the first one excepted)
    end: int
    head: bool = False  # only headlines, labels and the like: an article's head
    loose: bool = False  # its first line may go on from a sentence elsewhere
    dangling: bool = False  # a lone short line ending a sentence after a sentence end
    ends: str = ""  # how its last line ends: "closed", "byline", "open" or ""
    stops: bool = False  # its sentence goes on elsewhere: an open end or a cut first line
    followed: str = ""  # the piece after it: "paragraph" (starts one), "article" (a head)


def column_of(page: PageAnalysis, k: int) -> float | None:
    """The column content line *k* is set in: as the break after it or before it was
    judged, else the column around it."""
    gaps = page.gaps
    for g in (gaps[k] if k < len(gaps) else None, gaps[k - 1] if k else None):
        if g is not None and g.column is not None:
            return g.column
    return page.dominant_column(k)


def first_line(page: PageAnalysis, k: int, col: float) -> bool:
    """Content line *k* is the first line of a paragraph (that goes on below it, or after
    a column break): indented, or short of the column by the two-em indent (a trailing comma may hang past the
    margin; a number or word that did not fit may leave it shorter)."""
    lines = page.content_lines
    b = lines[k]
    if k + 1 >= len(lines) or ends_sentence(b.collapsed) or stands_alone(b):
        return False
    if _indented(b):
        return True
    short = col - INDENT - b.width
    if b.collapsed[-1:] in HANGING and abs(short + page.punct_width) <= INDENT_TOLERANCE:
        return True  # the mark hangs past the margin
    return first_line_width(b.width, col) or 0 <= short < page.first_unit_width(lines[k + 1])


def stands_alone(line) -> bool:
    return line.standalone or line.label or line.byline


def line_ending(page: PageAnalysis, k: int) -> str:
    """How content line *k*, the last of a piece, ends."""
    a = page.content_lines[k]
    if a.byline or a.glued_byline_at is not None:
        return "byline"
    if stands_alone(a):
        return ""
    if ends_sentence(a.collapsed):
        return "closed"
    col = column_of(page, k)
    if col is not None and (fills_column(a.width, col) or ends_comma(a.collapsed)):
        return "open"
    return ""


def loose(page: PageAnalysis, k: int) -> bool:
    """Content line *k*, the first of a piece, may go on from a sentence cut elsewhere: it
    fills its column (no indent) after a sentence end."""
    lines = page.content_lines
    b = lines[k]
    if not k or stands_alone(b) or b.content_start > b.start:
        return False
    a = lines[k - 1]
    if stands_alone(a) or a.glued_byline_at is not None or not ends_sentence(a.collapsed):
        return False  # after a byline comes a head (a full-width headline looks the same)
    col = column_of(page, k)
    return col is not None and fills_column(b.width, col)


def hangs_past(page: PageAnalysis, k: int) -> bool:
    """Content line *k* may be a paragraph's first line whose final comma hangs past the
    margin: short of its column by the two-em indent less that mark (``如今，随着农村电商
    的发展，``, 13 ems in a 14-em column), unless the unit opening the next line did not
    fit (then it is a full line)."""
    lines = page.content_lines
    b = lines[k]
    col = column_of(page, k)
    if col is None or b.collapsed[-1:] not in HANGING or k + 1 >= len(lines):
        return False
    return abs(col - INDENT - b.width + page.punct_width) <= INDENT_TOLERANCE and not page.unit_did_not_fit(b, lines[k + 1], col)


def dangling(page: PageAnalysis, k: int) -> bool:
    """Content line *k* alone ends a sentence short of its column, after a sentence end:
    the last line of a paragraph whose start is elsewhere (``借通还。``)."""
    lines = page.content_lines
    b = lines[k]
    if not k or stands_alone(b) or b.content_start > b.start or not ends_sentence(b.collapsed):
        return False
    a = lines[k - 1]
    col = column_of(page, k)
    return not stands_alone(a) and ends_sentence(a.collapsed) and col is not None and b.width < col - INDENT - INDENT_TOLERANCE


def lone_tail(page: PageAnalysis, pieces: list[Piece], i: int) -> bool:
    """Piece *i* is one line ending a sentence short of its column or at its margin (not
    set in by a first line's indent), after a piece that
    neither stops in mid-sentence (it would go on there) nor is a head or byline: the
    last line of a paragraph whose start is elsewhere, which may go on from an open end
    read later. :func:`dangling` when that piece ends a sentence; pdfminer also reads one
    after a paragraph's lone first line cut short (``6 月 10 日 是 “文化和 自然遗产`` /
    ``只精巧的小花篮就成形了。``, the end of ``……不一会儿，一``)."""
    p, q = pieces[i], pieces[i - 1]
    if not i or p.first != p.last or (q.stops and q.last > q.first):
        return False  # (a lone line stopping in mid-sentence may go on anywhere)
    lines = page.content_lines
    b, a = lines[p.first], lines[pieces[i - 1].last]
    if stands_alone(b) or stands_alone(a) or a.glued_byline_at is not None or _indented(b) or not ends_sentence(b.collapsed):
        return False
    col = column_of(page, p.first)
    return col is not None and (b.width < col - INDENT - INDENT_TOLERANCE or fills_column(b.width, col))


def cut_pieces(page: PageAnalysis, bridge: bool = True) -> list[Piece]:
    """The content lines between blank lines, with how each starts and ends; with
    *bridge*, a blank line the line rules bridge stays inside its piece."""
    lines = page.content_lines
    pieces: list[Piece] = []
    first = 0
    for k, g in enumerate(page.gaps):
        if g.blanks:
            pieces.append(Piece(first, k, _piece_start(lines[first]), lines[k].end))
            first = k + 1
    pieces.append(Piece(first, len(lines) - 1, _piece_start(lines[first]), lines[-1].end))
    if bridge:
        pieces = _bridged(page, pieces)
    for p in pieces:
        p.head = all(stands_alone(ln) and not ln.byline for ln in lines[p.first : p.last + 1])
        p.loose = loose(page, p.first)
        p.dangling = p.first == p.last and dangling(page, p.first)
        p.ends = line_ending(page, p.last)
        p.stops = cut_first_line(page, p.last)
    for p, q in zip(pieces, pieces[1:]):
        head = lines[q.first]
        col = column_of(page, p.last)
        if head.label or (head.standalone and not head.byline) or (p.stops and col is not None and _over_the_column(head, col)):
            p.followed = "article"
        elif p.stops and col is not None and first_line(page, q.first, col):
            p.followed = "paragraph"
    return pieces


def _bridged(page: PageAnalysis, pieces: list[Piece]) -> list[Piece]:
    """*pieces* with a sentence cut by a blank line that the line rules bridge (a column
    break, no paragraph starting after it) kept in its piece."""
    lines = page.content_lines
    merged: list[Piece] = [pieces[0]]
    for q in pieces[1:]:
        p = merged[-1]
        nxt = lines[q.first]
        col = column_of(page, p.last)
        if (
            line_ending(page, p.last) == "open"
            and q.last > q.first  # a lone line between blank lines may be anything
            and not stands_alone(nxt)
            and nxt.content_start == nxt.start
            and col is not None
            and not first_line(page, q.first, col)
            and not _over_the_column(nxt, col)
        ):
            p.last, p.end = q.last, q.end
        else:
            merged.append(q)
    return merged


def _piece_start(line) -> int:
    """Where a piece starting with *line* starts: the whole line, indent and invisible
    characters included (a moved piece takes them along; nothing is lost), but a page
    break opening the line stays where it is."""
    return line.start + 1 if line.text.startswith("\x0c") else line.start


def _over_the_column(line, col: float) -> bool:
    """A line wider than the column: a headline over a wider block (the next article's)."""
    return line.width > col + wider_tolerance(col)


def short_by_unit(page: PageAnalysis, k: int, nxt: int) -> bool:
    """Content line *k*, inside a paragraph, stops in mid-sentence short of its column
    by less than the number or word that opens content line *nxt*: that unit did not
    fit."""
    lines = page.content_lines
    a = lines[k]
    if not k or stands_alone(a) or ends_sentence(a.collapsed) or stands_alone(lines[k - 1]) or ends_sentence(lines[k - 1].collapsed):
        return False  # (a paragraph's first line is short by its indent)
    col = column_of(page, k)
    return col is not None and page.unit_did_not_fit(a, lines[nxt], col)


def opens_paragraph(page: PageAnalysis, p: Piece) -> bool:
    """Piece *p* (two lines or more) starts with a paragraph's first line."""
    if p.last == p.first:
        return False
    col = column_of(page, p.first)
    return col is not None and first_line(page, p.first, col)


def cut_first_line(page: PageAnalysis, k: int) -> bool:
    """Content line *k* goes on elsewhere: it fills its column without ending its
    sentence, or it is a paragraph's first line (two ems short, after a sentence end or
    a byline) that a column end cut (``市图书馆馆长表示，将``)."""
    if line_ending(page, k) == "open":
        return True
    lines = page.content_lines
    ln = lines[k]
    if not k or ends_sentence(ln.collapsed) or stands_alone(ln):
        return False
    a = lines[k - 1]
    if not (ends_sentence(a.collapsed) or a.byline or a.glued_byline_at is not None):
        return False
    col = column_of(page, k)
    return col is not None and first_line_width(ln.width, col)


def fills_first(page: PageAnalysis, p: Piece) -> bool:
    """The first line of piece *p* is a column line in mid-paragraph (see
    :func:`full_line_going_on`)."""
    return full_line_going_on(page, p.first, p.last)


def full_line_going_on(page: PageAnalysis, k: int, last: int) -> bool:
    """Content line *k* is a column line in mid-paragraph: not indented, as wide as its
    column, and more lines follow it up to content line *last*."""
    lines = page.content_lines
    ln = lines[k]
    if last <= k or ln.content_start > ln.start or stands_alone(ln):
        return False
    col = column_of(page, k)
    if col is None:
        return False
    # Short by a character the typesetter pushed down with the marks after it, which
    # may not open a line (kinsoku): ``也开心，比看电视还过`` / ``瘾！”据了解，……``.
    pushed = KINSOKU_UNIT.match(lines[k + 1].collapsed)
    need = 1.0 + (len(pushed.group()) - 1) * page.punct_width if pushed else 0.0
    return fills_column(ln.width, col) or (need > 0 and 0 <= col - ln.width <= need + 0.5)
