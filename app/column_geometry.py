"""The geometry of ``pdftotext -layout`` text, for :mod:`app.columns`.

What: positions measured in characters or display cells (and which of the two fits a
document), the segments of a line (the text between runs of two or more spaces),
pages (at form feeds) and blocks (at blank lines), the column starts of a block, and
the staircases of a headline painted twice.

Why a module of its own: this part only measures and finds; :mod:`app.columns` reads
the blocks in order and writes them out on top of it (imports go that way only). The
method is explained in the docstring of :mod:`app.columns`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

import regex

from .patterns import is_byline
from .text import ends_sentence

# Segments are the text between runs of two or more spaces.
_GAP = re.compile(r" {2,}")
_LINE_END = re.compile(r"\r\n|\r|\n")
# A unit of a staircase: one character.
_UNIT = re.compile(r"[^ ]")

JITTER = 2  # positions the starts of one column's segments may differ by
INDENT = 6  # a segment up to this far right of its column's start is aligned to it (first-line indent)
BLOCK_GAP = 2  # blank lines that end a block
STAIR_MIN = 3  # lines of a staircase
STAIR_GAP = 4  # widest gap between the segments of one staircase line
MIN_SUPPORT = 2  # segments that must start at a column start


# -- measuring ---------------------------------------------------------------------------------


_WIDE = regex.compile(r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]")


class _Measure:
    """Positions in characters, or in display cells (CJK two)."""

    def __init__(self, cells: bool):
        self.cells = cells

    def width(self, text: str) -> int:
        return len(text) + len(_WIDE.findall(text)) if self.cells else len(text)


class _Seg(NamedTuple):
    row: int  # line index in the block
    start: int  # position in the line
    width: int  # in the same measure
    glyphs: int  # width without the single spaces of letter spacing
    text: str
    src: int  # input offset of its first character

    @property
    def end(self) -> int:
        return self.start + self.width


def _segments(line: str, src: int, row: int, m: _Measure) -> list[_Seg]:
    out: list[_Seg] = []
    if not line.strip(" "):
        return out
    start = prev = 0
    for a, b in _pieces(line):
        text = line[a:b]
        start += m.width(line[prev:a])
        prev = a
        width = m.width(text)
        spaces = text.count(" ")
        # Letter spacing (a space after every glyph or so) takes no room of its own.
        glyphs = width - spaces if spaces * 3 > len(text) else width
        out.append(_Seg(row, start, width, glyphs, text, src + a))
    return out


def _pieces(line: str) -> list[tuple[int, int]]:
    """[start, end) of the text between runs of two or more spaces."""
    out = []
    pos = 0
    for gap in _GAP.finditer(line):
        if gap.start() > pos:
            out.append((pos, gap.start()))
        pos = gap.end()
    if pos < len(line):
        out.append((pos, len(line)))
    # A single space at either end of a piece (the line's first or last character).
    return [(a + (line[a] == " "), b - (line[b - 1] == " ")) for a, b in out if line[a:b].strip(" ")]


# -- lines, pages and blocks ---------------------------------------------------------------------


def _pages(text: str) -> list[list[tuple[str, int]]]:
    """The lines of each page as (line, input offset); pages end at form feeds."""
    pages: list[list[tuple[str, int]]] = [[]]
    pos = 0
    ends = list(_LINE_END.finditer(text))
    for k in range(len(ends) + 1):
        end = ends[k].start() if k < len(ends) else len(text)
        start = pos
        for n, part in enumerate(text[pos:end].split("\f")):
            if n:
                pages.append([])
                start += 1
            pages[-1].append((part, start))
            start += len(part)
        if k < len(ends):
            pos = ends[k].end()
    return pages


def _blocks(rows: list[list[_Seg]]) -> list[tuple[int, int]]:
    """[start, end) row ranges of a page's blocks (split at BLOCK_GAP blank lines)."""
    out: list[tuple[int, int]] = []
    start = last = None
    for i, segs in enumerate(rows):
        if not segs:
            continue
        if start is None:
            start = i
        elif i - last - 1 >= BLOCK_GAP:
            out.append((start, last + 1))
            start = i
        last = i
    if start is not None:
        out.append((start, last + 1))
    return out


# -- column starts --------------------------------------------------------------------------------


def _clusters(counts: Counter) -> list[list[int]]:
    clusters: list[list[int]] = []
    for pos in sorted(counts):
        if clusters and pos - clusters[-1][-1] <= JITTER:
            clusters[-1].append(pos)
        else:
            clusters.append([pos])
    return clusters


def _column_starts(rows: list[list[_Seg]]) -> list[int]:
    """Positions where a block's columns start (fewer than two: not set in columns)."""
    counts = Counter(s.start for segs in rows if len(segs) >= 2 for s in segs)
    candidates = [c for c in _clusters(counts) if sum(counts[p] for p in c) >= MIN_SUPPORT]
    if len(candidates) < 2:
        return []
    every = [s for segs in rows for s in segs]
    starts: list[int] = []
    reach = 0
    for cluster in candidates:
        lo, hi = cluster[0], cluster[-1]
        support = sum(counts[p] for p in cluster)
        # Segments that run across this position without starting near it.
        across = sum(1 for s in every if s.start < lo - JITTER and s.start + s.glyphs > hi + JITTER)
        if support <= across:
            continue
        pos = max(cluster, key=lambda p: (counts[p], -p))
        if starts and (pos - starts[-1] <= INDENT or pos < reach):
            continue
        starts.append(pos)
        # Where this column's lines usually end: a cluster before that is not a column
        # but segments pushed right by a long neighbour.
        ends = sorted(s.start + s.glyphs for s in every if pos - JITTER <= s.start <= pos + INDENT)
        reach = ends[len(ends) // 2] if ends else pos
    if len(starts) >= 2:
        # A short last column (the end of an article set to the right of its other
        # columns, a right-aligned byline under it) starts on too few lines, at
        # positions too far apart, to make a cluster: the last segments of two or more
        # lines that all start past where the last column's lines end, clear of the
        # segment before them, are a column of their own; so is a byline alone there
        # (an article's last lines carried over to a page where its byline stands in
        # a column of its own beside them), or an article's last line ending a sentence
        # with its byline set after it (the one line of its last column, at a page top).
        beyond = []
        byline = False
        top = next((n for n, segs in enumerate(rows) if len(segs) >= 2), -1)
        for n, segs in enumerate(rows):
            # The line's last group of segments (a byline's words are segments of their
            # own when set wide: ``本报记者   王芳``).
            k = len(segs) - 1
            while k > 0 and segs[k].start - segs[k - 1].end < 2 * JITTER + 1:
                k -= 1
            if k > 0 and segs[k].start > reach + JITTER:
                # A byline's words may stand wider apart than a group's (``通讯员     潘婷``):
                # read it from the first segment past the last column's reach.
                j = k
                while j > 1 and segs[j - 1].start > reach + JITTER:
                    j -= 1
                beyond.append(segs[j].start)
                text = " ".join(x.text for x in segs[j:])
                # An article's last line alone at the top of its last column, ending its
                # sentence (``全体人民。`` right of ``百姓的笑脸，是最好的``), closes it too.
                byline = _closes_article(text) or (n == top and ends_sentence(text))
        if len(beyond) >= MIN_SUPPORT or (len(beyond) == 1 and byline):
            starts.append(min(beyond))
    return starts


def _closes_article(text: str) -> bool:
    """Is *text* a byline, or a sentence's end followed by a byline (``到99.7%。 记者 王芳``)?
    Either closes an article, so it is no stray text glued to the line it shares."""
    if is_byline(text, bare_names=False):
        return True
    return any(ends_sentence(text[:i]) and is_byline(text[i + 1 :], bare_names=False) for i, ch in enumerate(text) if ch == " ")


# -- staircases: a line painted twice with a vertical offset ------------------------------------


def _units(segs: list[_Seg], m: _Measure) -> list[tuple[int, int, str, int]]:
    """(position, width, text, input offset) of each unit of a line."""
    return [(s.start + m.width(s.text[: u.start()]), m.width(u.group()), u.group(), s.src + u.start()) for s in segs for u in _UNIT.finditer(s.text)]


def _compact(segs: list[_Seg]) -> bool:
    return bool(segs) and all(b.start - a.end <= STAIR_GAP for a, b in zip(segs, segs[1:]))


def _interleaved(lower: list[_Seg], upper: list[_Seg]) -> bool:
    """A step whose wide gaps lie under the step above: narrow glyphs (``CPPII``) set
    the two copies' characters on the two lines in turn (``我市 CPPII 同`` /
    ``市C     同比比上``); the gap is where the other copy stands, not a phrase gap."""
    a0, a1 = upper[0].start, upper[-1].end
    return bool(lower) and all(b.start - a.end <= STAIR_GAP or (a0 <= a.end and b.start <= a1) for a, b in zip(lower, lower[1:]))


def _steps(upper: list[_Seg], lower: list[_Seg], m: _Measure, first: bool) -> bool:
    """Is *lower* the next step of a staircase below *upper*? Each step starts right of
    the one above (the second may start with it: the first is one character) and ends
    at or right of it, overlapping it. The first step is compact; a later one may have
    gaps under the step above (:func:`_interleaved`)."""
    if not ((_compact(upper) or not first) and _interleaved(lower, upper)):
        return False
    a0, a1 = upper[0].start, upper[-1].end
    b0, b1 = lower[0].start, lower[-1].end
    if b0 < a0 or (b0 == a0 and not first) or b1 < a1 or (a0, a1) == (b0, b1) or b0 > a1:
        return False
    up, low = _units(upper, m), _units(lower, m)
    head, tail = low[0], up[-1]
    near = 2 if m.cells else 1  # a twin's offset
    return any(t == head[2] and abs(p - head[0]) <= near for p, _, t, _ in up) or any(t == tail[2] and abs(p - tail[0]) <= near for p, _, t, _ in low)


def _bridge(upper: list[_Seg], row: list[_Seg], below: list[_Seg], m: _Measure, first: bool) -> list[_Seg] | None:
    """A two-part headline's phrase gap falling inside a step: *row* holds the last step
    of the first part and, past the gap, the first step of the second part (``区`` …
    ``老``, under ``进景景区`` and over ``老手手艺``). Returns the second part's step."""
    if len(row) < 2 or not below:
        return None
    k = max(range(1, len(row)), key=lambda q: row[q].start - row[q - 1].end)
    left, right = row[:k], row[k:]
    if row[k].start - row[k - 1].end <= STAIR_GAP or not _compact(left) or not _compact(right):
        return None
    return right if _steps(upper, left, m, first) and _steps(right, below, m, True) else None


def _staircases(rows: list[list[_Seg]], m: _Measure) -> dict[int, int]:
    """{first row: past-last row} of the staircases among *rows*. Two staircases one
    right below and beside the other are one (a headline's two parts, the gap between
    them falling between two steps, or inside one: :func:`_bridge`)."""
    runs: list[list[int]] = []
    i = 0
    n = len(rows)
    while i < n:
        j = i
        upper = rows[i]
        while j + 1 < n:
            if _steps(upper, rows[j + 1], m, j == i):
                upper = rows[j + 1]
                j += 1
                continue
            right = _bridge(upper, rows[j + 1], rows[j + 2] if j + 2 < n else [], m, j == i) if j > i else None
            if right is None:
                break
            upper = rows[j + 2]
            j += 2
        if j + 1 - i >= STAIR_MIN:
            prev = runs[-1] if runs else None
            if prev and prev[1] == i and 0 < rows[i][0].start - rows[i - 1][-1].end <= STAIR_GAP:
                prev[1] = j + 1
            else:
                runs.append([i, j + 1])
            i = j + 1
        else:
            i += 1
    return {a: b for a, b in runs}


# -- characters or cells --------------------------------------------------------------------------


FIT_SAMPLE = 200_000  # characters read to choose between characters and cells


def _fit(text: str, m: _Measure) -> float:
    """Share of the segment starts of multi-segment lines that fall on a column start
    (on the first FIT_SAMPLE characters)."""
    hit = total = 0
    for page in _pages(text[:FIT_SAMPLE]):
        rows = []
        for i, (line, src) in enumerate(page):
            if "  " in line.strip(" "):
                rows.append(_segments(line, src, i, m))
        counts = Counter(s.start for segs in rows if len(segs) >= 2 for s in segs)
        many = max(3, sum(1 for segs in rows if len(segs) >= 2) // 10)
        # Starts within one of the most common start of a frequent cluster (clusters
        # chain: in the wrong measure, starts spread over a wide run of positions).
        good = set()
        for c in _clusters(counts):
            if sum(counts[q] for q in c) >= many:
                mode = max(c, key=lambda q: counts[q])
                good |= {mode - 1, mode, mode + 1}
        total += sum(counts.values())
        hit += sum(n for p, n in counts.items() if p in good)
    return hit / total if total else 0.0
