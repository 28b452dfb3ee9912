"""A small typesetter of ``pdftotext -layout``-like text, for the column tests.

It sets articles in columns the way ``-layout`` writes them (observed on
bench/pages/data/pdftotext-layout): every column line at its column's start, a
first-line indent as a few spaces, at least two spaces between segments (a line too
long for its column pushes the next one right), letter-spaced justified lines
(``市 各 级 各 部 门 的 186 名``), a headline centred over its columns, a subtitle, a
byline close behind the last line, a faux-bold headline as a staircase, blocks two or
three blank lines apart, pages ending with a form feed. Positions are counted in
characters (as pdftotext does) or in display cells (a CJK character two).

:func:`page` returns the layout text and the lines in reading order that
:func:`app.columns.restore_columns` must give back (spaces stripped).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field


def cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


@dataclass
class Article:
    headline: str
    paragraphs: list[str]
    subtitle: str = ""
    label: str = ""
    byline: str = ""
    staircase: bool = False  # the headline painted twice with an offset


@dataclass
class Style:
    width: int = 14  # characters per column line
    gutter: int = 4  # positions between columns
    indent: int = 2  # first-line indent, in characters (written as positions)
    in_cells: bool = False  # positions in display cells (CJK two) instead of characters
    spaced: float = 0.0  # share of lines written letter-spaced
    jitter: int = 0  # a column line may start this much right of its column
    seed: int = 0
    rng: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def w(self, text: str) -> int:
        return cells(text) if self.in_cells else len(text)

    @property
    def col_width(self) -> int:
        return self.width * (2 if self.in_cells else 1)


def wrap(art: Article, st: Style) -> list[tuple[str, bool]]:
    """The column lines of an article's body: (text, first line of a paragraph)."""
    out: list[tuple[str, bool]] = []
    for para in art.paragraphs:
        first, rest = para[: st.width - st.indent], para[st.width - st.indent :]
        out.append((first.strip(" "), True))
        while rest:
            if rest[: st.width].strip(" "):
                out.append((rest[: st.width].strip(" "), False))
            rest = rest[st.width :]
    return out


class Canvas:
    """Rows of text, each built left to right at positions."""

    def __init__(self, st: Style):
        self.st = st
        self.rows: list[str] = []

    def put(self, row: int, pos: int, text: str, min_gap: int = 2) -> None:
        while len(self.rows) <= row:
            self.rows.append("")
        line = self.rows[row]
        used = self.st.w(line)
        gap = pos - used if line else pos
        if line and gap < min_gap:
            gap = min_gap  # -layout never lets two segments touch: pushed right
        self.rows[row] = line + " " * max(0, gap) + text


def staircase(headline: str) -> list[tuple[int, str]]:
    """The rows of a headline painted twice with a diagonal offset, as -layout writes
    them: (offset from the headline's start, text)."""
    rows = [(0, headline[0])]
    i = 1
    while 2 * i - 2 < len(headline):
        chars = [headline[k] for k in (2 * i - 2, 2 * i - 1, 2 * i - 1, 2 * i) if k < len(headline)]
        rows.append((3 * (i - 1), "".join(chars)))
        i += 1
    return rows


def set_article(cv: Canvas, row: int, art: Article, first_col: int, ncols: int, st: Style, expected: list[str]) -> int:
    """Set *art* over columns first_col.. at *row*; returns the row below it."""
    x0 = first_col * (st.col_width + st.gutter)
    span = ncols * st.col_width + (ncols - 1) * st.gutter
    head = st.w(art.headline)
    x = x0 + max(0, (span - head) // 2)
    if art.staircase and not (st.in_cells and cells(art.headline) != 2 * len(art.headline)):
        for k, (dx, text) in enumerate(staircase(art.headline)):
            cv.put(row + k, x + dx * (2 if st.in_cells else 1), text)
        row += len(staircase(art.headline))
        expected += [art.headline.strip(), art.headline.strip()]
    else:
        cv.put(row, x, art.headline)
        row += 1
        expected.append(art.headline)
    if art.subtitle:
        cv.put(row, x0 + max(0, (span - st.w(art.subtitle)) // 2 + 4), art.subtitle)
        row += 1
        expected.append(art.subtitle)
    lines = wrap(art, st)
    # Balanced columns: as even as they come, the first ones one line longer.
    size, extra = divmod(len(lines), ncols)
    bounds = [c * size + min(c, extra) for c in range(ncols + 1)]
    per = size + (1 if extra else 0)
    for c in range(ncols):
        col = lines[bounds[c] : bounds[c + 1]]
        for r, (text, first) in enumerate(col):
            if st.spaced and not st.in_cells and st.rng.random() < st.spaced and len(text) > 4:
                # -layout gives every glyph of a spread line its own position and a
                # space between them: the line grows and pushes the next column right.
                text = " ".join(c for c in text if c != " ")
            pos = x0 + c * (st.col_width + st.gutter) + (st.indent * (2 if st.in_cells else 1) if first else 0)
            pos += st.rng.randint(0, st.jitter) if st.jitter else 0
            cv.put(row + r, pos, text)
            expected.append(text)
            if bounds[c] + r == len(lines) - 1 and art.byline:
                # Right-aligned in the column: after the last line if there is room,
                # else on a line of its own.
                col_end = x0 + c * (st.col_width + st.gutter) + st.col_width
                right = col_end - st.w(art.byline)
                if right >= pos + st.w(text) + 3:
                    cv.put(row + r, right, art.byline, min_gap=3)
                    expected[-1] += " " + art.byline
                else:
                    # Lines of their own, as many as it takes (a long byline wraps).
                    parts: list[str] = []
                    for word in art.byline.split(" "):
                        if parts and st.w(parts[-1] + " " + word) <= st.col_width:
                            parts[-1] += " " + word
                        else:
                            parts.append(word)
                    for k, part in enumerate(parts):
                        cv.put(row + r + 1 + k, max(col_end - st.w(part), pos), part)
                        expected.append(part)
                    per = max(per, r + 1 + len(parts))
    return row + per


def page(blocks: list[list[tuple[Article, int, int]]], ncols: int, st: Style) -> tuple[str, list[str]]:
    """One page: *blocks* of articles (article, first column, columns), two or three
    blank lines apart. Articles of one block stand side by side. Returns the text
    (ending with a form feed) and the expected lines in reading order."""
    out: list[str] = []
    expected: list[str] = []
    for block in blocks:
        if out:
            out += [""] * st.rng.choice((2, 3))
        labels = [a.label for a, _, _ in block if a.label]
        if labels and len(block) == 1:
            out += [labels[0], "", ""]
            expected.append(labels[0])
        cv = Canvas(st)
        for art, first, n in block:
            set_article(cv, 0, art, first, n, st, expected)
        out += [r.rstrip(" ") for r in cv.rows]
    return "\n".join(out) + "\n\f", expected
