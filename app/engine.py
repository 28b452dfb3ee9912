"""Apply a set of fixes to the raw text in one batch, with an offset map both ways.

The batch is all-or-none: edits are sorted, any conflict raises :class:`ConflictError`
before a character changes (as python-ly's ``document.py`` does). Applying no fix gives
back the raw text exactly.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from operator import itemgetter
from typing import Iterable, NamedTuple, Sequence

from .fixes import Edit, Fix, edits_conflict
from .gc_pause import gc_paused


class ConflictError(ValueError):
    """Two accepted fixes edit the same text; the batch is refused."""


class Segment(NamedTuple):
    """``raw[raw_start:raw_end]`` became ``clean[clean_start:clean_end]``.

    ``fix_id`` is None for text copied unchanged (then both lengths are equal). A named
    tuple: applying a page's fixes makes two segments per fix."""

    raw_start: int
    raw_end: int
    clean_start: int
    clean_end: int
    fix_id: str | None


class OffsetMap:
    """Maps positions between the raw text and the cleaned text.

    Inside an unchanged segment the mapping is exact; inside an edited one, a position
    maps to the start of the counterpart (the end for the segment's end)."""

    def __init__(self, segments: Sequence[Segment], raw_len: int, clean_len: int):
        self.segments = tuple(segments)
        self.raw_len = raw_len
        self.clean_len = clean_len
        self._raw_starts = [s.raw_start for s in self.segments]
        self._clean_starts = [s.clean_start for s in self.segments]

    def _segment_at(self, starts: list[int], pos: int) -> Segment | None:
        i = bisect_right(starts, pos) - 1
        return self.segments[i] if i >= 0 else None

    def raw_to_clean(self, pos: int) -> int:
        if not 0 <= pos <= self.raw_len:
            raise IndexError(pos)
        if pos == self.raw_len:
            return self.clean_len
        # Zero-length raw segments (insertions) share a start with the next segment;
        # bisect lands on the last one, which is the segment that holds the character.
        seg = self._segment_at(self._raw_starts, pos)
        assert seg is not None
        if seg.fix_id is None:
            return seg.clean_start + (pos - seg.raw_start)
        return seg.clean_start

    def clean_to_raw(self, pos: int) -> int:
        if not 0 <= pos <= self.clean_len:
            raise IndexError(pos)
        if pos == self.clean_len:
            return self.raw_len
        seg = self._segment_at(self._clean_starts, pos)
        assert seg is not None
        if seg.fix_id is None:
            return seg.raw_start + (pos - seg.clean_start)
        return seg.raw_start

    def clean_spans(self, fix_id: str) -> list[tuple[int, int]]:
        """Where the edits of an applied fix stand in the cleaned text."""
        return [(s.clean_start, s.clean_end) for s in self.segments if s.fix_id == fix_id]


@dataclass(frozen=True)
class Applied:
    text: str
    offsets: OffsetMap


def check_no_conflicts(fixes: Iterable[Fix]) -> list[tuple[Edit, str]]:
    """Sorted (edit, fix id) pairs; raises ConflictError if any two edits conflict."""
    tagged = sorted([(e, f.id) for f in fixes for e in f.edits], key=itemgetter(0))
    # Sorted by start, an edit can only conflict with the earlier edit that reaches
    # furthest, or with its direct predecessor (insertions at one point); neither when
    # it starts past the furthest reach (the usual case).
    reach: tuple[Edit, str] | None = None
    reach_end = -1
    for i, (edit, fid) in enumerate(tagged):
        if edit[0] > reach_end:
            reach, reach_end = tagged[i], edit[1]
            continue
        for other in (reach, tagged[i - 1] if i else None):
            if other is not None and edits_conflict(other[0], edit):
                raise ConflictError(f"fixes {other[1]} and {fid} both edit the text at {edit.start}")
        if edit[1] > reach_end:
            reach, reach_end = tagged[i], edit[1]
    return tagged


@gc_paused()
def apply_fixes(raw: str, fixes: Iterable[Fix]) -> Applied:
    """Apply every fix in *fixes* to *raw* at once."""
    fixes = list(fixes)
    size = len(raw)
    for f in fixes:
        for e in f.edits:
            if e.end > size:
                raise ConflictError(f"fix {f.id} reaches past the end of the text")
    tagged = check_no_conflicts(fixes)
    parts: list[str] = []
    segments: list[Segment] = []
    raw_pos = clean_pos = 0
    for (start, end, replacement), fid in tagged:
        if start > raw_pos:
            parts.append(raw[raw_pos:start])
            clean_end = clean_pos + start - raw_pos
            segments.append(Segment(raw_pos, start, clean_pos, clean_end, None))
            clean_pos = clean_end
        parts.append(replacement)
        clean_end = clean_pos + len(replacement)
        segments.append(Segment(start, end, clean_pos, clean_end, fid))
        clean_pos = clean_end
        raw_pos = end
    if raw_pos < size or not segments:
        chunk = raw[raw_pos:]
        segments.append(Segment(raw_pos, size, clean_pos, clean_pos + len(chunk), None))
        parts.append(chunk)
        clean_pos += len(chunk)
    return Applied("".join(parts), OffsetMap(segments, size, clean_pos))


def applied_text(text: str, fixes: list[Fix]) -> str:
    """*text* with *fixes* (conflict-free) applied: what :func:`apply_fixes` gives as
    text, without its checks and offset map."""
    edits = sorted(e for f in fixes for e in f.edits)
    parts: list[str] = []
    pos = 0
    for start, end, replacement in edits:
        parts.append(text[pos:start])
        parts.append(replacement)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


class EditIndex:
    """Edits sorted by start, each with its owner, to find those an edit conflicts with."""

    def __init__(self, tagged: list[tuple[Edit, str | None]]):
        tagged.sort(key=itemgetter(0))
        self._tagged = tagged
        self._starts = [e.start for e, _ in tagged]
        self._longest = max((e.end - e.start for e, _ in tagged), default=0)

    def conflicts(self, edit: Edit) -> list[str | None]:
        lo = bisect_right(self._starts, edit.start - self._longest - 1)
        hi = bisect_right(self._starts, edit.end)
        return [fid for e, fid in self._tagged[lo:hi] if edits_conflict(e, edit)]


def drop_conflicting(fixes: Sequence[Fix], priority: dict[str, int]) -> tuple[list[Fix], list[Fix]]:
    """Resolve conflicts deterministically: keep fixes in (rule priority, position) order,
    dropping any that conflicts with one already kept. Returns (kept, dropped)."""
    # Most fixes touch nothing else: find the ones in a conflict with one sweep, and
    # settle only those by priority. Edits are grouped in clusters of overlapping
    # spans; every fix of a cluster that holds a conflict goes to the settlement.
    # (Plain int tuples: this runs over every edit of every fix.)
    items = sorted([(e[0], e[1], n) for n, f in enumerate(fixes) for e in f[1]])
    involved_n: set[int] = set()
    cluster: list[tuple[int, int, int]] = []
    cluster_end = -1
    conflicted = False
    for item in items:
        start, end, n = item
        if start > cluster_end:
            # A new cluster: the usual case, an edit that touches nothing before it.
            if conflicted:
                involved_n.update(c[2] for c in cluster)
                conflicted = False
            cluster = [item]
            cluster_end = end
            continue
        if not conflicted:
            for a_start, a_end, m in cluster:
                if m != n and (
                    (a_start == a_end == start == end)
                    or (a_start < a_end and start < a_end and (a_start < start or start < end))
                ):
                    conflicted = True
                    break
        cluster.append(item)
        if end > cluster_end:
            cluster_end = end
    if conflicted:
        involved_n.update(c[2] for c in cluster)
    involved = {id(fixes[n]) for n in involved_n}
    if not involved:
        return sorted(fixes, key=review_order), []
    free = [f for f in fixes if id(f) not in involved]
    contested = [f for f in fixes if id(f) in involved]
    kept_contested, dropped = _settle(contested, priority)
    kept = free + kept_contested
    kept.sort(key=review_order)
    return kept, dropped


def review_order(f: Fix) -> tuple[int, int, str]:
    """The sort key of fixes in the review: (start, end, id)."""
    return (f[1][0][0], f.end, f.id)


def _settle(fixes: Sequence[Fix], priority: dict[str, int]) -> tuple[list[Fix], list[Fix]]:
    order = sorted(fixes, key=lambda f: (priority.get(f.rule, 99), f.start, f.end, f.id))
    kept: list[Fix] = []
    dropped: list[Fix] = []
    starts: list[int] = []  # kept edits sorted by start, with their owners alongside
    owners: list[tuple[Edit, Fix]] = []
    longest = 0
    for fix in order:
        clash = False
        for e in fix.edits:
            lo = bisect_right(starts, e.start - longest - 1)
            hi = bisect_right(starts, e.end)
            if any(edits_conflict(o, e) for o, _ in owners[lo:hi]):
                clash = True
                break
        if clash:
            dropped.append(fix)
            continue
        kept.append(fix)
        for e in fix.edits:
            i = bisect_right(starts, e.start)
            starts.insert(i, e.start)
            owners.insert(i, (e, fix))
            longest = max(longest, e.end - e.start)
    kept.sort(key=review_order)
    return kept, dropped
