"""The cleaned text kept up to date one decision at a time.

Re-applying every fix for each decision costs O(text) Python work (a quarter of a
second for 1 MB). Here the raw text is cut once into fixed *slots*: the gaps of
unchanged text and the edits of every fix. A slot shows its replacement when its fix
is applied and its raw text otherwise, so a decision only changes the length of its
own slots. Clean positions are prefix sums of slot lengths, kept in a Fenwick tree:
a toggle, a position lookup and a mapping each cost O(log n), and the cleaned string
is spliced in place.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable, Iterator

from .engine import Segment, check_no_conflicts
from .fixes import Fix


class _Fenwick:
    def __init__(self, values: list[int]):
        n = len(values)
        tree = [0] * (n + 1)
        for i, v in enumerate(values, 1):
            tree[i] += v
            j = i + (i & -i)
            if j <= n:
                tree[j] += tree[i]
        self.tree = tree
        self.n = n
        self.top = 1 << (n.bit_length())

    def add(self, i: int, delta: int) -> None:
        i += 1
        tree, n = self.tree, self.n
        while i <= n:
            tree[i] += delta
            i += i & -i

    def prefix(self, i: int) -> int:
        """Sum of values[0:i]."""
        s = 0
        tree = self.tree
        while i > 0:
            s += tree[i]
            i -= i & -i
        return s

    def find(self, target: int) -> int:
        """The largest i with prefix(i) <= target (so values[i] holds position target)."""
        pos = 0
        rem = target
        step = self.top
        tree, n = self.tree, self.n
        while step:
            nxt = pos + step
            if nxt <= n and tree[nxt] <= rem:
                pos = nxt
                rem -= tree[nxt]
            step >>= 1
        return pos


class LiveText:
    """Cleaned text and raw↔clean mapping for a set of non-overlapping fixes whose
    applied state changes one at a time."""

    def __init__(self, raw: str, fixes: Iterable[Fix], applied: Iterable[str]):
        self.raw = raw
        fixes = list(fixes)
        tagged = check_no_conflicts(fixes)
        applied = set(applied)
        # Slots: raw_start, raw_end, replacement (None for a gap), fix id.
        starts: list[int] = []
        ends: list[int] = []
        repl: list[str | None] = []
        owner: list[str | None] = []
        pos = 0
        for edit, fid in tagged:
            starts.append(pos), ends.append(edit.start), repl.append(None), owner.append(None)
            starts.append(edit.start), ends.append(edit.end), repl.append(edit.replacement), owner.append(fid)
            pos = edit.end
        starts.append(pos), ends.append(len(raw)), repl.append(None), owner.append(None)
        self._starts, self._ends, self._repl, self._owner = starts, ends, repl, owner
        self._slots_of: dict[str, list[int]] = {}
        for i, fid in enumerate(owner):
            if fid is not None:
                self._slots_of.setdefault(fid, []).append(i)
        self._applied = {fid for fid in applied if fid in self._slots_of}
        lengths = [self._shown_len(i) for i in range(len(starts))]
        self._lengths = lengths
        self._tree = _Fenwick(lengths)
        self.text = "".join(self._shown(i) for i in range(len(starts)))

    # -- slots ---------------------------------------------------------------------------

    def _is_applied_slot(self, i: int) -> bool:
        fid = self._owner[i]
        return fid is not None and fid in self._applied

    def _shown(self, i: int) -> str:
        return self._repl[i] if self._is_applied_slot(i) else self.raw[self._starts[i] : self._ends[i]]

    def _shown_len(self, i: int) -> int:
        return len(self._repl[i]) if self._is_applied_slot(i) else self._ends[i] - self._starts[i]

    def clean_start(self, i: int) -> int:
        return self._tree.prefix(i)

    # -- changes -------------------------------------------------------------------------

    def set_applied(self, fix_id: str, applied: bool) -> list[tuple[int, int, str]]:
        return self.set_many({fix_id: applied})

    # Above this many changed slots, one rebuild of the string beats splicing it.
    SPLICE_LIMIT = 64

    def set_many(self, changes: dict[str, bool]) -> list[tuple[int, int, str]]:
        """Apply or unapply fixes; returns (start, end, text) splices of the OLD cleaned
        text, from the end backwards (or one splice of the whole text for big batches)."""
        slots: list[int] = []
        for fid, applied in changes.items():
            if fid not in self._slots_of or (fid in self._applied) == applied:
                continue
            (self._applied.add if applied else self._applied.discard)(fid)
            slots.extend(self._slots_of[fid])
        if not slots:
            return []
        slots.sort(reverse=True)
        if len(slots) > self.SPLICE_LIMIT:
            old_len = len(self.text)
            for i in slots:
                new_len = self._shown_len(i)
                self._tree.add(i, new_len - self._lengths[i])
                self._lengths[i] = new_len
            self.text = "".join(self._shown(i) for i in range(len(self._starts)))
            return [(0, old_len, self.text)]
        splices = []
        text = self.text
        # Last slot first: the prefix sums of earlier slots are still the old ones.
        for i in slots:
            start = self.clean_start(i)
            old = self._lengths[i]
            new = self._shown(i)
            text = text[:start] + new + text[start + old :]
            splices.append((start, start + old, new))
            self._tree.add(i, len(new) - old)
            self._lengths[i] = len(new)
        self.text = text
        return splices

    def is_applied(self, fix_id: str) -> bool:
        return fix_id in self._applied

    # -- the OffsetMap interface -----------------------------------------------------------

    @property
    def raw_len(self) -> int:
        return len(self.raw)

    @property
    def clean_len(self) -> int:
        return len(self.text)

    def _slot_at_raw(self, pos: int) -> int:
        # The last slot starting at or before pos; an empty slot (insertion) shares its
        # start with the next one, which holds the character.
        return bisect_right(self._starts, pos) - 1

    def raw_to_clean(self, pos: int) -> int:
        if not 0 <= pos <= len(self.raw):
            raise IndexError(pos)
        if pos == len(self.raw):
            return len(self.text)
        i = self._slot_at_raw(pos)
        base = self.clean_start(i)
        return base if self._is_applied_slot(i) else base + (pos - self._starts[i])

    def clean_to_raw(self, pos: int) -> int:
        if not 0 <= pos <= len(self.text):
            raise IndexError(pos)
        if pos == len(self.text):
            return len(self.raw)
        i = self._tree.find(pos)
        base = self.clean_start(i)
        return self._starts[i] if self._is_applied_slot(i) else self._starts[i] + (pos - base)

    def clean_spans(self, fix_id: str) -> list[tuple[int, int]]:
        if fix_id not in self._applied:
            return []
        out = []
        for i in self._slots_of.get(fix_id, ()):
            s = self.clean_start(i)
            out.append((s, s + self._lengths[i]))
        return out

    def edit_span(self, fix_id: str, n: int) -> tuple[int, int]:
        """Where edit *n* of a fix stands in the cleaned text, applied or not."""
        i = self._slots_of[fix_id][n]
        s = self.clean_start(i)
        return s, s + self._lengths[i]

    def segments_between(self, start: int, end: int) -> Iterator[Segment]:
        """The changed segments (applied edits) meeting clean positions [start, end]."""
        i = self._tree.find(max(0, start - 1)) if start > 0 else 0
        pos = self.clean_start(i)
        n = len(self._starts)
        while i < n and pos <= end:
            length = self._lengths[i]
            if self._is_applied_slot(i):
                yield Segment(self._starts[i], self._ends[i], pos, pos + length, self._owner[i])
            pos += length
            i += 1

    @property
    def segments(self) -> list[Segment]:
        """Every segment, in order (O(n): for tests and small texts)."""
        out = []
        pos = 0
        for i in range(len(self._starts)):
            length = self._lengths[i]
            fid = self._owner[i] if self._is_applied_slot(i) else None
            if length or fid is not None or self._ends[i] > self._starts[i]:
                out.append(Segment(self._starts[i], self._ends[i], pos, pos + length, fid))
            pos += length
        return out

    @property
    def offsets(self) -> "LiveText":
        return self
