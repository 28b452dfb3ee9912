"""A review session: the editor's decisions on each fix, hand edits, and their history.

The window only sends intents (accept this, reject that kind, undo, the editor typed
here); the session changes its state, records one undo step per intent, and reports
what changed so the window can refresh just that (Anki's collection, Meld's
``UndoSequence``).

Decisions: a fix is PENDING until the editor decides; a pending fix is applied when its
rule's default says so (sure and likely fixes). SUPERSEDED fixes were overridden by a
hand edit of the cleaned text and are no longer offered.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
import time
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Iterable

from .analyze import AnalysisResult, analyse
from .document import LONE_SURROGATE, Document
from .livetext import LiveText
from .fixes import Category, Confidence, Edit, Fix, edits_conflict
from .errors import UserError
from .fsutil import atomic_write_text
from .settings import Settings

REVIEW_FORMAT = "proofdesk-review"
REVIEW_VERSION = 1
MANUAL_RULE = "manual"


class Decision(str, Enum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    SUPERSEDED = "superseded"


class ReviewFileError(UserError):
    """A review file that cannot be used; the message says why. The document itself
    opens regardless."""


@dataclass(frozen=True)
class TextDelta:
    """Replace ``old_clean[start:end]`` with *text*; deltas of one change do not
    overlap and are listed from the end of the text backwards."""

    start: int
    end: int
    text: str


@dataclass
class Change:
    """What one intent changed: the fixes whose state moved and the cleaned-text edits."""

    fix_ids: set[str] = field(default_factory=set)
    deltas: list[TextDelta] = field(default_factory=list)
    description: str = ""

    def __bool__(self) -> bool:
        return bool(self.fix_ids or self.deltas)


@dataclass(frozen=True)
class _Step:
    description: str
    before: dict[str, Decision]
    after: dict[str, Decision]
    manual_before: tuple[Fix, ...]
    manual_after: tuple[Fix, ...]


def manual_fix(edit: Edit) -> Fix:
    return Fix(MANUAL_RULE, (edit,), Category.MANUAL, Confidence.SURE, "手工修改", "Edited by hand")


class ReviewSession:
    def __init__(self, document: Document, result: AnalysisResult | None = None, settings: Settings | None = None):
        self.document = document
        self.settings = settings
        self.result = result or analyse(document, settings)
        self.fixes: list[Fix] = sorted(self.result.fixes, key=lambda f: (f.start, f.end))
        self.by_id: dict[str, Fix] = {f.id: f for f in self.fixes}
        self.decisions: dict[str, Decision] = {f.id: Decision.PENDING for f in self.fixes}
        self.manual: tuple[Fix, ...] = ()
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._live: LiveText | None = None
        self.revision = 0  # bumps on every change; autosave compares it
        self.saved_revision = 0
        self.exported_revision = 0

    # -- state -------------------------------------------------------------------------

    @property
    def raw(self) -> str:
        return self.document.raw

    def default_applied(self, fix_id: str) -> bool:
        return fix_id in self.result.applied_by_default

    def is_applied(self, fix_id: str) -> bool:
        d = self.decisions[fix_id]
        return d is Decision.ACCEPTED or (d is Decision.PENDING and self.default_applied(fix_id))

    def applied_fixes(self) -> list[Fix]:
        return [f for f in self.fixes if self.is_applied(f.id)] + list(self.manual)

    @property
    def applied(self) -> LiveText:
        """The cleaned text (``.text``) and the raw-to-clean map (``.offsets``), kept up
        to date decision by decision."""
        if self._live is None:
            offered = [f for f in self.fixes if self.decisions[f.id] is not Decision.SUPERSEDED]
            on = [f.id for f in offered if self.is_applied(f.id)] + [m.id for m in self.manual]
            self._live = LiveText(self.raw, offered + list(self.manual), on)
        return self._live

    @property
    def cleaned(self) -> str:
        return self.applied.text

    def counts(self) -> dict[str, int]:
        out = {d.value: 0 for d in Decision}
        for d in self.decisions.values():
            out[d.value] += 1
        return out

    def fixes_of_rule(self, rule: str) -> list[Fix]:
        return [f for f in self.fixes if f.rule == rule]

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_text(self) -> str:
        return self._undo[-1].description if self._undo else ""

    @property
    def redo_text(self) -> str:
        return self._redo[-1].description if self._redo else ""

    @property
    def dirty(self) -> bool:
        """Work not yet exported."""
        return self.revision != self.exported_revision

    # -- intents -----------------------------------------------------------------------

    def decide(self, fix_ids: Iterable[str], decision: Decision, description: str = "") -> Change:
        """Set *decision* on every fix in *fix_ids*; one undo step for all of them."""
        if decision is Decision.SUPERSEDED:
            raise ValueError("superseded is set by hand edits only")
        after = {fid: decision for fid in fix_ids if self.decisions[fid] not in (decision, Decision.SUPERSEDED)}
        if not after:
            return Change()
        before = {fid: self.decisions[fid] for fid in after}
        step = _Step(description or f"{decision.value} {len(after)}", before, after, self.manual, self.manual)
        return self._do(step, record=True)

    def accept(self, fix_ids: Iterable[str]) -> Change:
        return self.decide(fix_ids, Decision.ACCEPTED, "accept")

    def reject(self, fix_ids: Iterable[str]) -> Change:
        return self.decide(fix_ids, Decision.REJECTED, "reject")

    def toggle(self, fix_id: str) -> Change:
        decision = Decision.REJECTED if self.is_applied(fix_id) else Decision.ACCEPTED
        return self.decide([fix_id], decision, "toggle")

    def accept_rule(self, rule: str) -> Change:
        return self.decide([f.id for f in self.fixes_of_rule(rule)], Decision.ACCEPTED, f"accept all {rule}")

    def reject_rule(self, rule: str) -> Change:
        return self.decide([f.id for f in self.fixes_of_rule(rule)], Decision.REJECTED, f"reject all {rule}")

    def accept_all(self) -> Change:
        return self.decide(list(self.by_id), Decision.ACCEPTED, "accept all")

    def reject_all(self) -> Change:
        return self.decide(list(self.by_id), Decision.REJECTED, "reject all")

    def reset(self, fix_ids: Iterable[str]) -> Change:
        return self.decide(fix_ids, Decision.PENDING, "reset")

    def edit_cleaned(self, start: int, end: int, text: str) -> Change:
        """The editor replaced ``cleaned[start:end]`` with *text* by hand.

        The edit is stored in raw coordinates, so it survives later decisions. Applied
        fixes it touches are absorbed into it; unapplied fixes it touches are superseded
        (they could no longer apply). Other edits of a touched multi-edit fix are kept as
        they stand, as hand edits of their own."""
        applied = self.applied
        clean = applied.text
        if not 0 <= start <= end <= len(clean):
            raise IndexError((start, end))
        # Widen to whole changed segments, so raw and clean boundaries line up.
        lo, hi = start, end
        for seg in applied.segments_between(start, end):
            if seg.fix_id is None:
                continue
            touches = seg.clean_start < hi and lo < seg.clean_end if hi > lo else seg.clean_start < lo < seg.clean_end or (seg.clean_start == seg.clean_end == lo)
            if touches or (seg.clean_start < end and start < seg.clean_end):
                lo, hi = min(lo, seg.clean_start), max(hi, seg.clean_end)
        new_text = clean[lo:start] + text + clean[end:hi]
        raw_lo = applied.offsets.clean_to_raw(lo) if lo < len(clean) else len(self.raw)
        raw_hi = self._raw_end(applied, hi)
        region = Edit(raw_lo, raw_hi, new_text)
        # Which fixes does the region touch?
        touched = [f for f in self._fixes_touching(region) if self.decisions[f.id] is not Decision.SUPERSEDED]
        old_manual = [m for m in self.manual if _touch(m.edits[0], region)]
        keep_manual = [m for m in self.manual if m not in old_manual]
        extra: list[Fix] = []
        for f in touched:
            if self.is_applied(f.id):
                extra.extend(manual_fix(e) for e in f.edits if not _touch(e, region))
        if raw_lo == raw_hi and not new_text:
            new_manual = tuple(sorted(keep_manual + extra, key=lambda m: m.start))
        else:
            new_manual = tuple(sorted(keep_manual + extra + [manual_fix(region)], key=lambda m: (m.start, m.end)))
        before = {f.id: self.decisions[f.id] for f in touched}
        after = {f.id: Decision.SUPERSEDED for f in touched}
        step = _Step("edit", before, after, self.manual, new_manual)
        return self._do(step, record=True)

    def _fixes_touching(self, region: Edit) -> list[Fix]:
        """The fixes with an edit that touches *region*, in review order: a bisect over
        all edits sorted by start, not a scan of every fix (a hand edit must stay
        instant on a long text)."""
        index = self.__dict__.get("_edit_index")
        if index is None:
            edits = sorted((e.start, n, e) for n, f in enumerate(self.fixes) for e in f.edits)
            longest = max((e.end - e.start for _, _, e in edits), default=0)
            index = self.__dict__["_edit_index"] = ([s for s, _, _ in edits], [(n, e) for _, n, e in edits], longest)
        starts, owners, longest = index
        found = {n for n, e in owners[bisect_left(starts, region.start - longest) : bisect_right(starts, region.end)] if _touch(e, region)}
        return [self.fixes[n] for n in sorted(found)]

    def _raw_end(self, applied: LiveText, clean_pos: int) -> int:
        if clean_pos >= applied.clean_len:
            return applied.raw_len
        # The raw position of a boundary: the end of a changed segment ending here, if any.
        for seg in applied.segments_between(clean_pos, clean_pos):
            if seg.clean_end == clean_pos:
                return seg.raw_end
        return applied.clean_to_raw(clean_pos)

    def undo(self) -> Change:
        if not self._undo:
            return Change()
        step = self._undo.pop()
        inverse = _Step(step.description, step.after, step.before, step.manual_after, step.manual_before)
        change = self._do(inverse, record=False)
        self._redo.append(step)
        return change

    def redo(self) -> Change:
        if not self._redo:
            return Change()
        step = self._redo.pop()
        change = self._do(step, record=False)
        self._undo.append(step)
        return change

    def _do(self, step: _Step, record: bool) -> Change:
        live = self.applied
        old_text = live.text
        for fid, d in step.after.items():
            self.decisions[fid] = d
        manual_changed = step.manual_before != step.manual_after
        self.manual = step.manual_after
        superseding = any(Decision.SUPERSEDED in (step.before.get(f), step.after.get(f)) for f in step.after)
        if manual_changed or superseding:
            # Hand edits change which edits exist: cut the text into slots again.
            self._live = None
            deltas = _narrow(old_text, self.applied.text)
        else:
            splices = live.set_many({fid: self.is_applied(fid) for fid in step.after})
            deltas = [TextDelta(*sp) for sp in splices]
            if len(deltas) == 1 and deltas[0].start == 0 and deltas[0].end == len(old_text):
                deltas = _narrow(old_text, live.text)
        if record:
            self._undo.append(step)
            self._redo.clear()
        self.revision += 1
        return Change(set(step.after), deltas, step.description)

    # -- persistence -------------------------------------------------------------------

    def to_json(self) -> dict:
        return {
            "format": REVIEW_FORMAT,
            "version": REVIEW_VERSION,
            "document": {
                "path": str(self.document.path) if self.document.path else None,
                "sha256": self.document.sha256,
                "encoding": self.document.encoding,
            },
            "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "decisions": {fid: d.value for fid, d in self.decisions.items() if d is not Decision.PENDING},
            "manual": [{"start": m.start, "end": m.end, "replacement": m.edits[0].replacement} for m in self.manual],
            "exported": self.exported_revision == self.revision,
        }

    def save_review(self, path: str | Path) -> Path:
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=1)
        # A hand edit next to an undecodable byte of the source holds a lone surrogate
        # (see app.document), which UTF-8 cannot encode: JSON's \u escape carries it.
        text = LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
        out = atomic_write_text(path, text, protect=self.document.path)
        self.saved_revision = self.revision
        return out

    def restore(self, data: dict) -> list[str]:
        """Apply a saved review to this session (fresh, nothing decided yet).

        Returns warnings (decisions for fixes no longer found). Raises ReviewFileError
        when the review is for another version of the document or is malformed."""
        if not isinstance(data, dict) or data.get("format") != REVIEW_FORMAT:
            raise ReviewFileError("not a ProofDesk review file", "不是 ProofDesk 审校记录文件")
        version = data.get("version")
        if not isinstance(version, int) or version > REVIEW_VERSION:
            raise ReviewFileError(
                f"review format version {version!r} is newer than this ProofDesk understands ({REVIEW_VERSION})",
                f"审校记录的格式版本 {version!r} 比当前 ProofDesk 支持的版本（{REVIEW_VERSION}）新",
            )
        digest = (data.get("document") or {}).get("sha256")
        if digest != self.document.sha256:
            raise ReviewFileError(
                "the document has changed since this review was saved; its decisions cannot be matched safely",
                "保存审校记录之后，原文件已被修改；无法安全地对应原来的决定",
            )
        warnings = []
        decisions = data.get("decisions") or {}
        manual_data = data.get("manual") or []
        try:
            manual = tuple(manual_fix(Edit(int(m["start"]), int(m["end"]), str(m["replacement"]))) for m in manual_data)
            parsed = {fid: Decision(v) for fid, v in decisions.items()}
        except (KeyError, TypeError, ValueError) as exc:
            raise ReviewFileError(f"malformed review data ({exc})", f"审校记录内容有误（{exc}）") from None
        if any(m.end > len(self.raw) for m in manual):
            raise ReviewFileError("a hand edit lies outside the document", "有一处手工修改超出了文档范围")
        missing = [fid for fid in parsed if fid not in self.by_id]
        if missing:
            warnings.append(f"{len(missing)} saved decisions refer to fixes no longer found (rules or settings changed)")
        for fid, d in parsed.items():
            if fid in self.by_id:
                self.decisions[fid] = d
        self.manual = manual
        try:
            self._live = None
            self.applied  # noqa: B018 - validates that the restored state applies cleanly
        except ValueError as exc:
            self.manual = ()
            self.decisions = {f.id: Decision.PENDING for f in self.fixes}
            self._live = None
            raise ReviewFileError(f"the saved review does not apply cleanly ({exc})", f"保存的审校记录无法正确套用（{exc}）") from None
        self.revision = self.saved_revision = 1
        self.exported_revision = 1 if data.get("exported") else 0
        return warnings


def _touch(a: Edit, b: Edit) -> bool:
    """Do two raw edits touch (overlap, or one inserts at or inside the other)?"""
    if edits_conflict(a, b):
        return True
    if a.is_insertion or b.is_insertion:
        return b.start <= a.start <= b.end or a.start <= b.start <= a.end
    return False


def _narrow(old: str, new: str) -> list[TextDelta]:
    """One delta covering only what differs between two texts (common prefix and
    suffix found by halving, so a megabyte costs a few memcmp calls)."""
    if old == new:
        return []
    lo, hi = 0, min(len(old), len(new))
    while lo < hi:  # longest common prefix
        mid = (lo + hi + 1) // 2
        if old[:mid] == new[:mid]:
            lo = mid
        else:
            hi = mid - 1
    prefix = lo
    lo, hi = 0, min(len(old), len(new)) - prefix
    while lo < hi:  # longest common suffix not overlapping the prefix
        mid = (lo + hi + 1) // 2
        if old[len(old) - mid :] == new[len(new) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    suffix = lo
    return [TextDelta(prefix, len(old) - suffix, new[prefix : len(new) - suffix])]


def load_review(path: str | Path) -> dict:
    try:
        return json.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReviewFileError(f"{path}: unreadable review file ({exc})", f"{path}：审校记录文件无法读取（{exc}）") from None


def review_path_for(document_path: str | Path) -> Path:
    p = Path(document_path)
    return p.with_name(p.name + ".proofdesk-review.json")
