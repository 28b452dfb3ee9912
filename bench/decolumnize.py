"""Prototype, for the rule authors: ``pdftotext -layout`` text back in column order.

``-layout`` keeps the page's geometry: the lines of side-by-side columns share one text
line, separated by runs of spaces, so any line-joining rule joins across columns. This
sketch shows that the columns can be recovered from the text alone; it is not part of
ProofDesk and ``python -m bench.accuracy --prototype`` only measures it.

Per page (form feeds) and per band (text between two or more blank lines): each line
splits into segments at runs of two or more spaces; the start positions of the segments
of lines with two or more segments cluster into column starts (clusters closer than 8
characters are one column: a first-line indent); lines above the band's first
multi-segment line (label, headline, subtitle) stay in front; every other segment goes
to the column that starts at or left of it; the columns are read one after the other,
segments of one line in the same column rejoined with a space.
"""

from __future__ import annotations

import re

_SEGMENT = re.compile(r"\S(?:.*?\S)?(?= {2,}|$)")
JITTER = 3  # characters a segment may start left of its column (wide glyphs, Latin)
INDENT = 8  # column starts closer than this are one column


def _segments(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _SEGMENT.finditer(line)]


def _column_starts(starts: list[int]) -> list[int]:
    clusters: list[list[int]] = []
    for s in sorted(starts):
        if clusters and s - clusters[-1][-1] <= JITTER:
            clusters[-1].append(s)
        else:
            clusters.append([s])
    out: list[int] = []
    for c in clusters:
        if len(c) < 3:
            continue
        if out and min(c) - out[-1] < INDENT:
            continue
        out.append(min(c))
    return out


def _bands(lines: list[str]) -> list[list[str]]:
    bands: list[list[str]] = []
    cur: list[str] = []
    blanks = 0
    for ln in lines:
        if not ln.strip():
            blanks += 1
            continue
        if blanks >= 2 and cur:
            bands.append(cur)
            cur = []
        blanks = 0
        cur.append(ln)
    if cur:
        bands.append(cur)
    return bands


def decolumnize(text: str) -> str:
    out: list[str] = []
    for page in text.split("\f"):
        for band in _bands(page.split("\n")):
            segs = [_segments(ln) for ln in band]
            multi = [i for i, s in enumerate(segs) if len(s) >= 2]
            cols = _column_starts([st for i in multi for st, _ in segs[i]]) if multi else []
            if len(cols) < 2:
                out += [ln.strip() for ln in band]
                continue
            first = multi[0]
            out += [ln.strip() for ln in band[:first]]
            columns: list[list[tuple[int, str]]] = [[] for _ in cols]
            for i in range(first, len(band)):
                for st, seg in segs[i]:
                    k = max((j for j, c in enumerate(cols) if c <= st + JITTER), default=0)
                    col = columns[k]
                    if col and col[-1][0] == i:
                        col[-1] = (i, col[-1][1] + " " + seg)
                    else:
                        col.append((i, seg))
            for col in columns:
                out += [seg for _, seg in col]
        out.append("\f")
    return "\n".join(out)
