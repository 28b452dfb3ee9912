"""Putting the columns of ``pdftotext -layout`` text back in reading order.

What: ``pdftotext -layout`` (and any extraction that "keeps the layout") writes a
newspaper page as it looks: the lines of side-by-side columns share one text line,
separated by runs of spaces; a headline stands over its columns; a faux-bold headline
painted twice with an offset comes out as a staircase of short lines.
:func:`restore_columns` rebuilds the reading order from the text alone: the text comes
back one column after the other, as a plain extraction gives it, with a report (pages,
blocks set in columns and their columns, staircases).

Why: no line rule can rejoin such text (the lines of different columns alternate, so
every join glues two articles together). Read back in order, it gets the same review
as any plain extraction. :mod:`app.document` does this when a file opens and looks like
layout mode (:func:`app.extractors.looks_like_layout_mode`); the editor can keep the
file as it is instead.

Example (two columns under a headline; · is a space)::

    ········市政府召开常务会议
    ····会议指出，今年以来全市经济      调整、数字化改革持续深化。
    运行总体平稳，产业结构加快          会议要求……

becomes::

    市政府召开常务会议

    ····会议指出，今年以来全市经济
    运行总体平稳，产业结构加快
    调整、数字化改革持续深化。
    会议要求……

How, from the geometry of the text only (nothing is tuned to particular pages):

* **Pages** end at form feeds, which are kept. A page is cut into **blocks** at two or
  more blank lines (the space around an article; one blank line may be a paragraph
  gap); blocks are written with one blank line between them.
* Each line splits into **segments** at runs of two or more spaces (one space is a word
  space or letter spacing: ``溪 南 互 通``). Positions are counted in characters:
  ``pdftotext -layout`` gives every character, CJK or not, one position and spaces the
  columns from the x coordinates, so a column starts at about the same offset on every
  line. A tool that pads to display cells instead (a CJK character two cells) is
  recognised: positions are then counted in cells, whichever of the two lines the
  column starts up better on the document.
* **Column starts** are the offsets where segments of lines with two or more segments
  start, clustered (two apart at most). A cluster is a column only if more segments
  start there than run across it (the first-line indent, two to six right of its
  column's start, is crossed by every full line of the column; a column start only by
  headlines) and if it lies past where the previous column's lines usually end (before
  that: segments pushed right by a long neighbour). A short last column (an article's
  last lines set right of its other columns, a right-aligned byline under them) starts
  where the last segments of two or more lines start past the last column's reach, or
  where a byline alone does (an article's last lines carried over to a page, its byline
  in a column of its own beside them), or a sentence's end with a byline after it (the
  one line of an article's last column, carried over to the top of a page).
* Each segment of a line gets a column, in order, at the least cost: never left of its
  column's start (``-layout`` only pushes text right), free at the start or indented,
  cheap when the segment before it runs into the column and pushed it, dearer
  elsewhere in the column (a centred headline), or in the same column as the segment
  before it when it ends inside that column (a byline set after the last sentence).
* Two **articles side by side** in one block are read one after the other: they are
  split at a gutter no line crosses when each side has a head centred over its own
  columns (a two-part headline over the whole width is not) and the left one's body
  ends a paragraph (a sentence end, a byline, a short last line).
* A block's **head** (headline, subtitle, a label: the lines above the first line set
  in two or more columns that starts in the first column or fills most of them; a
  two-part headline may start at two column starts, but leaves the others empty) is
  read first, line by line, followed by a blank line. The **body** is read column by
  column, top to bottom, left to right; a blank line inside a column is kept, and a
  first-line indent is kept as its spaces, both paragraph clues for the line rules.
  A line that spans columns in the body (the headline of an article set below or
  beside another) cuts it: at a gutter nothing crosses first (articles side by side),
  else at that line (an article below another). Letter spacing (``-layout`` writes a
  space wherever a justified line is spread) does not make a line span: its glyphs are
  counted. A line whose text runs into the next column with a single space at that
  column's start is two columns written too close, and is split there.
* A headline painted twice with a vertical offset comes out as a **staircase**: three or
  more short lines, each starting and ending at or right of the one above and sharing
  a character at the same position with it (``读`` / ``读懂懂“`` / ``“八八八`` / …). It is
  one printed line: its characters are sorted by position and dealt into the two
  copies, written one under the other (``读懂“八八战略” 走好新的赶考路`` twice), which the
  dup-glyph rule removes as a line painted twice. When the copies do not match, the
  characters are written on one line in the order of their positions. A step may hold
  a wide gap where the step above stands (narrow glyphs painted one by one alternate
  between two lines: ``我市 CPPII 同`` / ``市C     同比比上``), and the gap between a
  headline's two parts may fall inside a step (``区`` … ``老`` between ``进景景区`` and
  ``老手手艺``): both are one staircase.

Only spaces and line breaks change: every other character of the input is in the
output exactly once (nothing is dropped or invented), and :meth:`Restored.to_source`
maps each output position back to the input, for line and column numbers in the file.
Text in which no block is set in columns and no staircase is found comes back
unchanged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

import regex

from .column_geometry import INDENT, JITTER, _Measure, _Seg, _blocks, _column_starts, _fit, _pages, _segments, _staircases, _units
from .patterns import is_byline
from .text import CJK_CLASS, ends_comma, ends_sentence

# Three ideographs each set one space apart: a letter-spaced headline (``青 年 说 理 论``).
_LETTER_SPACED = regex.compile(f"[{CJK_CLASS}] [{CJK_CLASS}] [{CJK_CLASS}]")

ATTACH = 6  # a segment pushed right by its neighbour starts at most twice this far behind it


@dataclass(frozen=True)
class ColumnReport:
    """What :func:`restore_columns` found."""

    pages: int = 0  # pages with text
    blocks: tuple[int, ...] = ()  # the number of columns of each block set in two or more
    staircases: int = 0  # headlines painted twice put back on their line
    cells: bool = False  # positions counted in display cells (CJK two), not characters

    @property
    def columns(self) -> int:
        return sum(self.blocks)

    @property
    def changed(self) -> bool:
        return bool(self.blocks) or self.staircases > 0


@dataclass
class Restored:
    text: str
    report: ColumnReport
    # (output offset, input offset, length) of every piece copied from the input, in
    # output order.
    pieces: list[tuple[int, int, int]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [p[0] for p in self.pieces]

    @property
    def changed(self) -> bool:
        return self.report.changed

    def to_source(self, pos: int) -> int:
        """The input offset of output offset *pos*; a space or line break the
        restoration wrote maps to the end of the piece before it."""
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return self.pieces[0][1] if self.pieces else pos
        out, src, n = self.pieces[i]
        return src + min(pos - out, n)


# -- segments in columns, in reading order --------------------------------------------------------


def _column_of(pos: int, cols: list[int]) -> int:
    return max(0, bisect_right(cols, pos + JITTER) - 1)


def _assign(segs: list[_Seg], cols: list[int]) -> list[int]:
    """The column each segment of one line belongs to: the cheapest assignment, in
    order, where a segment never starts left of its column (``-layout`` only pushes
    text right), sits at its column's start or indented (free), pushed right by the
    segment before it running into its column (cheap), elsewhere in its column (a
    centred headline: dearer), or after another segment in the same column when it
    ends inside it (a byline set right)."""
    n, k_max = len(segs), len(cols)
    if not n:
        return []
    inf = float("inf")
    cost = [[inf] * k_max for _ in range(n)]
    back = [[0] * k_max for _ in range(n)]
    for k in range(k_max):
        cost[0][k] = _at(segs[0], k, None, cols)
    for i in range(1, n):
        s, prev = segs[i], segs[i - 1]
        best, arg = inf, 0
        for k in range(k_max):
            # best over the previous segment's columns before k, built up as k grows
            if k and cost[i - 1][k - 1] < best:
                best, arg = cost[i - 1][k - 1], k - 1
            c = best + _at(s, k, prev, cols)
            inside = s.start + s.glyphs < _column_end(k, cols)
            if inside and cost[i - 1][k] + 0.5 < c:
                c, back[i][k] = cost[i - 1][k] + 0.5, k
            else:
                back[i][k] = arg
            cost[i][k] = c
    k = min(range(k_max), key=lambda k: cost[n - 1][k])
    if cost[n - 1][k] == inf:
        return [_column_of(s.start, cols) for s in segs]
    out = [k]
    for i in range(n - 1, 0, -1):
        k = back[i][k]
        out.append(k)
    return out[::-1]


def _column_end(k: int, cols: list[int]) -> int:
    """Where column k ends at the latest: the next column's start (the last column is
    taken as wide as the one before it)."""
    return cols[k + 1] if k + 1 < len(cols) else 2 * cols[k] - cols[k - 1]


def _at(s: _Seg, k: int, prev: _Seg | None, cols: list[int]) -> float:
    """The cost of segment *s* starting in column *k* (after *prev* on its line)."""
    d = s.start - cols[k]
    if d < -JITTER:
        return float("inf")
    if d <= INDENT:
        return 0.0
    if prev is not None and prev.end >= cols[k] - JITTER and s.start - prev.end <= 2 * ATTACH:
        return 0.1 * (d - INDENT)  # pushed right by its neighbour
    return 1.0 + 0.2 * (d - INDENT)


def _aligned(s: _Seg, k: int, cols: list[int]) -> bool:
    return cols[k] - JITTER <= s.start <= cols[k] + INDENT


@dataclass
class _Placed:
    seg: _Seg
    first: int  # the columns it covers
    last: int
    follows: bool = False  # placed by the segment before it: pushed right, or after it in its column


def _place(segs: list[_Seg], cols: list[int]) -> list[_Placed]:
    """The segments of one line with the columns they cover: a segment covers the next
    column when its glyphs reach past that column's start and nothing else on the line
    is there (a headline, a subtitle). A segment pushed right by its neighbour is
    measured from its column's start."""
    firsts = _assign(segs, cols)
    out = []
    for i, (s, f) in enumerate(zip(segs, firsts)):
        pushed = i > 0 and segs[i - 1].end >= cols[f] - JITTER and s.start > cols[f] and s.start - segs[i - 1].end <= 2 * ATTACH
        behind = i > 0 and firsts[i - 1] == f
        limit = (firsts[i + 1] - 1) if i + 1 < len(segs) else len(cols) - 1
        out.append(_Placed(s, f, _cover(cols[f] if pushed else s.start, s.glyphs, f, limit, cols), pushed or behind))
    return out


def _cover(start: int, glyphs: int, first: int, limit: int, cols: list[int]) -> int:
    """The last column (at most *limit*) that glyphs from *start* in column *first* reach."""
    last = first
    while last < limit and start + glyphs > cols[last + 1] + JITTER:
        last += 1
    return last


def _split_body_row(row: list[_Placed], cols: list[int], m: _Measure) -> list[_Placed]:
    """A body line whose text, set at its column's start, runs into the next column with
    a single space at that column's start is two columns written too close: split."""
    out = []
    for p in row:
        cut = _split_at(p.seg, cols[p.first + 1], m) if p.last > p.first and _aligned(p.seg, p.first, cols) else None
        if cut is None:
            out.append(p)
        else:
            right = cut[1]
            out += [_Placed(cut[0], p.first, p.first, p.follows), _Placed(right, p.first + 1, _cover(right.start, right.glyphs, p.first + 1, p.last, cols), True)]
    return out


def _split_at(s: _Seg, col: int, m: _Measure) -> tuple[_Seg, _Seg] | None:
    """*s* cut at a single space whose next character starts at *col* (± JITTER)."""
    for j, ch in enumerate(s.text):
        if ch != " " or j == 0 or s.text[j - 1] == " " or j + 1 >= len(s.text):
            continue
        pos = s.start + m.width(s.text[: j + 1])
        if abs(pos - col) <= JITTER:
            left, right = s.text[:j], s.text[j + 1 :]
            if left.count(" ") * 3 > len(left) or right.count(" ") * 3 > len(right):
                return None  # letter spacing, not two columns
            wl, wr = m.width(left), m.width(right)
            return _Seg(s.row, s.start, wl, wl, left, s.src), _Seg(s.row, pos, wr, wr, right, s.src + j + 1)
    return None


def _read(placed: list[_Placed], a: int, b: int) -> list[list[list[_Placed]]]:
    """The body segments of columns a..b in reading order: runs of lines, each line
    the segments read together."""
    if not placed:
        return []
    if a == b or all(p.first == p.last == a for p in placed):
        return [_by_row(placed)]
    # A line spanning every column: what is above it, the line, what is below it.
    for p in placed:
        if p.first <= a and p.last >= b:
            return _cut(placed, p.seg.row, a, b)
    # Gutters nothing crosses: left of them, then right of them.
    cuts = [j for j in range(a + 1, b + 1) if not any(p.first < j <= p.last for p in placed)]
    if cuts:
        out = []
        lo = a
        for j in cuts + [b + 1]:
            out += _read([p for p in placed if lo <= p.first < j], lo, j - 1)
            lo = j
        return out
    # Spanning lines that leave no gutter: cut at the first of them.
    return _cut(placed, min(p.seg.row for p in placed if p.last > p.first), a, b)


def _cut(placed: list[_Placed], row: int, a: int, b: int) -> list[list[list[_Placed]]]:
    above = [q for q in placed if q.seg.row < row]
    here = [q for q in placed if q.seg.row == row]
    below = [q for q in placed if q.seg.row > row]
    return _read(above, a, b) + [_by_row(here)] + _read(below, a, b)


def _by_row(placed: list[_Placed]) -> list[list[_Placed]]:
    rows: dict[int, list[_Placed]] = {}
    for p in sorted(placed, key=lambda p: (p.seg.row, p.seg.start)):
        rows.setdefault(p.seg.row, []).append(p)
    return list(rows.values())


# -- writing ----------------------------------------------------------------------------------------


class _Writer:
    """The output text and its map to the input."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.pieces: list[tuple[int, int, int]] = []
        self.n = 0
        self.lines = 0  # lines written on the current page

    def copy(self, text: str, src: int) -> None:
        if text:
            if self.pieces and self.pieces[-1][0] + self.pieces[-1][2] == self.n and self.pieces[-1][1] + self.pieces[-1][2] == src:
                o, s, n = self.pieces[-1]
                self.pieces[-1] = (o, s, n + len(text))
            else:
                self.pieces.append((self.n, src, len(text)))
            self.parts.append(text)
            self.n += len(text)

    def put(self, text: str) -> None:
        self.parts.append(text)
        self.n += len(text)

    def new_line(self, blank: bool = False) -> None:
        if self.lines:
            self.put("\n\n" if blank else "\n")
        self.lines += 1

    def segments(self, segs: list[_Seg], indent: int = 0) -> None:
        """One line: the segments joined by a space (two next to a letter-spaced segment,
        ``青 年 说 理 论  宣 讲 接 地 气``: one space there reads as more letter spacing,
        and the two phrases of a headline would run together); a first-line indent (two
        to INDENT positions) is kept as the input's spaces before the first segment."""
        for k, s in enumerate(segs):
            if k:
                self.put("  " if _LETTER_SPACED.search(segs[k - 1].text) or _LETTER_SPACED.search(s.text) else " ")
            elif 2 <= indent <= INDENT:
                n = 0
                while n < indent and s.src - n - 1 >= 0 and self.source[s.src - n - 1] == " ":
                    n += 1
                self.copy(" " * n, s.src - n)
            self.copy(s.text, s.src)


def _write_staircase(rows: list[list[_Seg]], w: _Writer, m: _Measure) -> None:
    """The staircase as the two copies of its line, one under the other; or, when its
    units do not pair up, all of them on one line in the order of their positions."""
    units = sorted(((pos, r, wd, t, src) for r, segs in enumerate(rows) for pos, wd, t, src in _units(segs, m)), key=lambda u: (u[0], u[1]))
    # Two copies of a digit or letter run that touch read as one word (``55``): split it.
    counts = Counter(u[3] for u in units)
    split = []
    for pos, r, wd, t, src in units:
        half = len(t) // 2
        if counts[t] % 2 and len(t) % 2 == 0 and t[:half] == t[half:]:
            split += [(pos, r, wd // 2, t[:half], src), (pos + wd // 2, r, wd - wd // 2, t[half:], src + half)]
        else:
            split.append((pos, r, wd, t, src))
    units = sorted(split, key=lambda u: (u[0], u[1]))
    taken = {p for pos, _, wd, _, _ in units for p in range(pos, pos + wd)}
    seen: Counter = Counter()
    copies: tuple[list, list] = ([], [])
    for u in units:
        copies[seen[u[3]] % 2].append(u)
        seen[u[3]] += 1
    if [u[3] for u in copies[0]] == [u[3] for u in copies[1]]:
        _write_units(copies[0], taken, w)
        w.new_line()
        _write_units(copies[1], taken, w)
    else:
        _write_units(units, taken, w)


def _write_units(units: list, taken: set[int], w: _Writer) -> None:
    """Units in order, with a space where the staircase has a position no unit takes."""
    reach = None
    for pos, _, wd, text, src in units:
        if reach is not None and any(p not in taken for p in range(reach, pos)):
            w.put(" ")
        w.copy(text, src)
        reach = max(reach or 0, pos + wd)


def _write_rows(rows: list[list[_Seg]], w: _Writer, m: _Measure, indents: bool = True) -> int:
    """Each row as one line (with its first-line indent, if *indents*), a staircase as
    its line; returns the staircases."""
    stairs = _staircases(rows, m)
    starts = Counter(segs[0].start for segs in rows if segs)
    base = min(p for p, n in starts.items() if n == max(starts.values())) if starts else 0
    i = 0
    while i < len(rows):
        segs = rows[i]
        if not segs:
            i += 1
            continue
        w.new_line()
        if i in stairs:
            _write_staircase(rows[i : stairs[i]], w, m)
            i = stairs[i]
            continue
        w.segments(segs, segs[0].start - base if indents else 0)
        i += 1
    return len(stairs)


def _restore_block(rows: list[list[_Seg]], w: _Writer, m: _Measure) -> tuple[int, int]:
    """Write one block; returns (its columns, 0 when not set in columns; staircases)."""
    cols = _column_starts(rows)
    if len(cols) < 2:
        return 0, _write_rows(rows, w, m)
    placed = [_place(segs, cols) for segs in rows]
    return len(cols), _region(placed, 0, len(cols) - 1, cols, w, m)


def _region(prows: list[list[_Placed]], a: int, b: int, cols: list[int], w: _Writer, m: _Measure) -> int:
    """Write columns a..b of a block (*prows*: the segments of each line placed there):
    two articles side by side one after the other, else the head line by line, then
    the body in reading order. Returns the staircases found."""
    for j in range(a + 1, b + 1):
        if any(p.first < j <= p.last for row in prows for p in row):
            continue
        left = [[p for p in row if p.last < j] for row in prows]
        right = [[p for p in row if p.first >= j] for row in prows]
        if _side_by_side(left, right, a, j, b, cols):
            return _region(left, a, j - 1, cols, w, m) + _region(right, j, b, cols, w, m)
    top = _body_top(prows, a, b, cols)
    stairs = _write_rows([[p.seg for p in row] for row in prows[:top]], w, m, indents=False)
    gap = any(prows[:top])
    for run in _read([p for row in prows[top:] for p in _split_body_row(row, cols, m)], a, b):
        prev = None
        for line in run:
            row = line[0].seg.row
            # A blank line after the head, and where the column has an empty line.
            w.new_line(blank=gap or (prev is not None and row > prev + 1))
            gap = False
            prev = row
            first = line[0]
            w.segments([p.seg for p in line], first.seg.start - cols[first.first] if first.first == first.last else 0)
    return stairs


def _body_top(prows: list[list[_Placed]], a: int, b: int, cols: list[int]) -> int:
    """The first line of the body of columns a..b (the lines above are its head): the
    first line set in two or more of the columns, each segment at its column's start
    (or indented, or close behind its neighbour) and inside it, and either in the first
    column or in most of them. A two-part headline may happen to start at two column
    starts, but it leaves the first column and most others empty. In one column: the
    first line at the column's start."""
    for i, row in enumerate(prows):
        if not row:
            continue
        if a == b:
            if _aligned(row[0].seg, a, cols):
                return i
            continue
        used = {p.first for p in row}
        if len(used) < 2 or any(p.last != p.first for p in row) or not (a in used or 2 * len(used) > b - a + 1):
            continue
        # At its column's start, pushed right by its neighbour, or after another
        # segment in its column (a byline set right).
        if all(_aligned(p.seg, p.first, cols) or p.follows for p in row):
            return i
    return len(prows)


def _side_by_side(left: list[list[_Placed]], right: list[list[_Placed]], a: int, j: int, b: int, cols: list[int]) -> bool:
    """Are columns a..j-1 and j..b two articles side by side? Each has a head over a
    body, its first head line is centred over its own columns (a two-part headline
    over both is not), and the left one's body ends a paragraph."""
    tops = _body_top(left, a, j - 1, cols), _body_top(right, j, b, cols)
    for part, top, lo, hi in ((left, tops[0], a, j - 1), (right, tops[1], j, b)):
        head = [row for row in part[:top] if row]
        if not head or top >= len(part):
            return False
        first, last = head[0][0].seg, head[0][-1].seg
        ends = sorted(p.seg.start + p.seg.glyphs for row in part[top:] for p in row if p.first == hi and _aligned(p.seg, hi, cols))
        body_end = ends[len(ends) // 2] if ends else cols[hi]
        centre, span = (cols[lo] + body_end) / 2, body_end - cols[lo]
        if abs((first.start + last.start + last.glyphs) / 2 - centre) > max(3, span / 10):
            return False
    run = _read([p for row in left[tops[0] :] for p in row], a, j - 1)
    if not run or not run[-1]:
        return False
    # Its last line ends a sentence (maybe before a byline), is a byline, is short, or
    # is set off its column's start.
    last = run[-1][-1]
    return (
        any(ends_sentence(p.seg.text) for p in last[-2:])
        or is_byline(last[-1].seg.text)
        or _short(last[-1].seg, left, last[-1].first)
        or not _aligned(last[0].seg, last[0].first, cols)
    )


def _short(s: _Seg, part: list[list[_Placed]], k: int) -> bool:
    """Is *s* the short last line of a paragraph in column k (not ending with a comma)?"""
    full = max((p.seg.glyphs for row in part for p in row if p.first == k == p.last), default=0)
    return s.glyphs + INDENT <= full and not ends_comma(s.text)


def restore_columns(text: str) -> Restored:
    """*text* with the columns of every page read one after the other (see the module
    docstring). Unchanged when nothing is set in columns."""
    cells = _fit(text, _Measure(True)) > _fit(text, _Measure(False)) + 0.02
    m = _Measure(cells)
    newline = "\r\n" if "\r\n" in text and not re.search(r"\r(?!\n)|(?<!\r)\n", text) else "\n"
    w = _Writer(text)
    blocks: list[int] = []
    stairs = 0
    pages = _pages(text)
    for n, page in enumerate(pages):
        if n:
            w.put("\f")
        w.lines = 0
        rows = [_segments(line, src, i, m) for i, (line, src) in enumerate(page)]
        for b, (lo, hi) in enumerate(_blocks(rows)):
            if b:
                w.put("\n")  # a blank line between blocks
            block = [[_Seg(s.row - lo, s.start, s.width, s.glyphs, s.text, s.src) for s in segs] for segs in rows[lo:hi]]
            cols, st = _restore_block(block, w, m)
            if cols:
                blocks.append(cols)
            stairs += st
        # A page that ended with a line end (all but maybe the last) keeps it.
        if w.lines and (n + 1 < len(pages) or (len(page) > 1 and page[-1][0] == "")):
            w.put("\n")
    report = ColumnReport(sum(1 for p in pages if any(ln.strip() for ln, _ in p)), tuple(blocks), stairs, cells)
    if not report.changed:
        return Restored(text, report, [(0, 0, len(text))] if text else [])
    out = "".join(w.parts)
    if newline == "\n":
        return Restored(out, report, w.pieces)
    # CRLF throughout: the same text with CRLF line ends (pieces never hold a line end).
    lfs = [i for i, c in enumerate(out) if c == "\n"]
    pieces = [(o + bisect_right(lfs, o), s, k) for o, s, k in w.pieces]
    return Restored(out.replace("\n", "\r\n"), report, pieces)
