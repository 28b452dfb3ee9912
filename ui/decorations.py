"""What to draw where in the two panes, computed for a visible range only.

The panes ask for the decorations between two positions of their own text (raw or
cleaned, model coordinates) and draw them; nothing here knows about Qt. Raw spans
never move, so they are indexed once per session; cleaned positions come from the
session's offset map, which the session rebuilds after every decision.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from enum import Enum
from operator import itemgetter

from app.fixes import Category, Edit, Fix
from app.session import Decision, ReviewSession


class Style(str, Enum):
    SUGGESTED = "suggested"  # pending, applied by default
    ACCEPTED = "accepted"
    QUESTION = "question"  # pending, not applied: the editor is asked
    REJECTED = "rejected"
    MANUAL = "manual"  # a hand edit


class Marker(str, Enum):
    """How a decoration that cannot be a coloured span is drawn."""

    SPAN = "span"  # background over text
    DELETED = "deleted"  # text removed here (caret)
    JOINED = "joined"  # a line break removed here (join mark)
    BREAK = "break"  # a line break (only) inserted or shown here
    INSERTED = "inserted"  # text will be inserted here (raw pane)


@dataclass(frozen=True)
class Decoration:
    start: int
    end: int
    fix_id: str
    category: Category
    style: Style
    marker: Marker
    current: bool = False
    note: str = ""  # the text removed or inserted, for tooltips




def _is_line_end(text: str) -> bool:
    return bool(text) and not text.strip("\r\n")


def _raw_marker(raw_text: str, edit: Edit) -> Marker:
    if edit.is_insertion:
        return Marker.INSERTED
    if _is_line_end(raw_text):
        return Marker.JOINED
    return Marker.SPAN


class Decorator:
    """Decorations of one session's panes."""

    def __init__(self, session: ReviewSession):
        self.session = session
        # by_id lists the fixes in order with their ids (Fix.id hashes on every call).
        entries = sorted(((e.start, e.end, e, f, fid) for fid, f in session.by_id.items() for e in f.edits), key=itemgetter(0, 1))
        self._starts = [t[0] for t in entries]
        self._entries = [(t[1], t[2], t[3]) for t in entries]
        self._longest = max((t[1] - t[0] for t in entries), default=0)
        self._ids = {id(t[3]): t[4] for t in entries}

    def fix_id(self, fix: Fix) -> str:
        return self._ids.get(id(fix)) or fix.id

    def _style(self, fix_id: str) -> Style | None:
        decision = self.session.decisions[fix_id]
        if decision is Decision.SUPERSEDED:
            return None
        if decision is Decision.REJECTED:
            return Style.REJECTED
        if decision is Decision.ACCEPTED:
            return Style.ACCEPTED
        return Style.SUGGESTED if self.session.default_applied(fix_id) else Style.QUESTION

    def raw_edits(self, start: int, end: int) -> list[tuple[Edit, Fix]]:
        """Edits of fixes touching raw[start:end] (insertions at either end included)."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_right(self._starts, end)
        return [(edit, fix) for end_, edit, fix in self._entries[lo:hi] if end_ >= start]

    # -- raw pane --------------------------------------------------------------------

    def raw(self, start: int, end: int, current: str | None) -> list[Decoration]:
        raw = self.session.raw
        out: list[Decoration] = []
        for edit, fix in self.raw_edits(start, end):
            fid = self.fix_id(fix)
            style = self._style(fid)
            if style is None:
                continue
            text = raw[edit.start : edit.end]
            note = edit.replacement if edit.is_insertion else text
            out.append(Decoration(edit.start, edit.end, fid, fix.category, style, _raw_marker(text, edit), fid == current, note))
        for m in self.session.manual:
            e = m.edits[0]
            if e.end >= start and e.start <= end:
                text = raw[e.start : e.end]
                marker = _raw_marker(text, e)
                out.append(Decoration(e.start, e.end, m.id, Category.MANUAL, Style.MANUAL, marker, False, e.replacement))
        return out

    # -- cleaned pane ----------------------------------------------------------------

    def clean(self, start: int, end: int, current: str | None) -> list[Decoration]:
        session = self.session
        applied = session.applied
        offsets = applied.offsets
        raw = session.raw
        out: list[Decoration] = []
        shown: set[str] = set()
        manual = {m.id: m for m in session.manual}
        # Only the changed segments of the visible range: O(log n) to find them.
        for seg in offsets.segments_between(start, end):
            if seg.fix_id is None or seg.clean_end < start or seg.clean_start > end:
                continue
            fid = seg.fix_id
            fix = session.by_id.get(fid)
            removed = raw[seg.raw_start : seg.raw_end]
            inserted = applied.text[seg.clean_start : seg.clean_end]
            if fix is not None:
                category, style = fix.category, (self._style(fid) or Style.SUGGESTED)
            elif fid in manual:
                category, style = Category.MANUAL, Style.MANUAL
            else:
                continue
            if seg.clean_start == seg.clean_end:
                marker = Marker.JOINED if _is_line_end(removed) else Marker.DELETED
                note = removed
            elif _is_line_end(inserted):
                marker, note = Marker.BREAK, removed
            else:
                marker, note = Marker.SPAN, removed
            out.append(Decoration(seg.clean_start, seg.clean_end, fid, category, style, marker, fid == current, note))
            shown.add(fid)
        # Fixes not applied stand in the cleaned text as the raw text they would change.
        raw_lo = offsets.clean_to_raw(min(start, offsets.clean_len))
        raw_hi = offsets.clean_to_raw(min(end, offsets.clean_len))
        for edit, fix in self.raw_edits(raw_lo, raw_hi):
            fid = self.fix_id(fix)
            if fid in shown or session.is_applied(fid):
                continue
            style = self._style(fid)
            if style is None or (style is Style.REJECTED and fid != current):
                continue
            pos = offsets.raw_to_clean(edit.start)
            text = raw[edit.start : edit.end]
            marker = _raw_marker(text, edit)
            end_pos = pos if marker is not Marker.SPAN else pos + len(text)
            out.append(Decoration(pos, end_pos, fid, fix.category, style, marker, fid == current, edit.replacement))
        return out

    # -- where a fix stands ------------------------------------------------------------

    def raw_span(self, fix_id: str) -> tuple[int, int]:
        fix = self.session.by_id[fix_id]
        return fix.start, fix.end

    def clean_span(self, fix_id: str) -> tuple[int, int]:
        """Where the fix shows in the cleaned text: its first changed span if applied,
        else where its first edit's raw text stands."""
        offsets = self.session.applied.offsets
        spans = offsets.clean_spans(fix_id)
        if spans:
            return spans[0]
        fix = self.session.by_id[fix_id]
        first = fix.edits[0]
        pos = offsets.raw_to_clean(first.start)
        return pos, pos + (first.end - first.start)

    def fix_at_raw(self, pos: int) -> str | None:
        return self._best(self.raw(pos, pos, None), pos)

    def fix_at_clean(self, pos: int) -> str | None:
        return self._best(self.clean(pos, pos, None), pos)

    def _best(self, decorations: list[Decoration], pos: int) -> str | None:
        # A span under the position wins over a marker beside it; hand edits are not fixes.
        inside = [d for d in decorations if d.start <= pos < d.end and d.fix_id in self.session.by_id]
        if inside:
            return min(inside, key=lambda d: d.end - d.start).fix_id
        near = [d for d in decorations if d.start == d.end == pos and d.fix_id in self.session.by_id]
        return near[0].fix_id if near else None
