"""The fix model: frozen records that every rule returns and the engine applies.

A :class:`Fix` is one reviewable decision. It holds one or more :class:`Edit` s on the
*raw* text (a move of a section label is a deletion plus an insertion, accepted or
rejected as a whole), a message in Chinese and English, a category for colouring and
filtering, and a :class:`Confidence` that decides whether the suggested version applies
it by default.
"""

from __future__ import annotations

import hashlib
from enum import Enum
from functools import lru_cache
from typing import NamedTuple


class Confidence(str, Enum):
    """How sure a rule is. SURE and LIKELY fixes are applied in the suggested version;
    DOUBTFUL ones are shown as questions and applied only when the editor says so."""

    SURE = "sure"
    LIKELY = "likely"
    DOUBTFUL = "doubtful"

    @property
    def applied_by_default(self) -> bool:
        return self is not Confidence.DOUBTFUL


class Category(str, Enum):
    """What kind of artifact a fix repairs; the window colours and filters by it."""

    DUPLICATE = "duplicate"
    LINE_BREAK = "line-break"
    SPACING = "spacing"
    BYLINE = "byline"
    LABEL = "label"
    PUNCTUATION = "punctuation"  # punctuation width, quotes and brackets
    CHARACTERS = "characters"  # invisible or odd characters, traditional/simplified forms
    WORDING = "wording"  # the newsroom's list of wrong words
    MANUAL = "manual"


class _EditFields(NamedTuple):
    start: int
    end: int
    replacement: str = ""


class Edit(_EditFields):
    """Replace ``raw[start:end]`` with *replacement* (an insertion when start == end).

    Frozen and ordered by (start, end, replacement). A named tuple rather than a frozen
    dataclass: a page of text makes tens of thousands of edits, and a tuple is built
    several times faster."""

    __slots__ = ()

    def __new__(cls, start: int, end: int, replacement: str = "") -> "Edit":
        if not 0 <= start <= end:
            raise ValueError(f"bad edit span {start}..{end}")
        return tuple.__new__(cls, (start, end, replacement))

    @property
    def is_insertion(self) -> bool:
        return self[0] == self[1]


_BLAKE2S_4 = hashlib.blake2s(digest_size=4)


class _FixFields(NamedTuple):
    rule: str
    edits: tuple[Edit, ...]
    category: Category
    confidence: Confidence
    message_zh: str
    message_en: str
    # Rule-specific facts for the review panel ("pairs": 8, "name": "周靖" ...).
    detail: tuple[tuple[str, str], ...] = ()


class _IdOnce:
    """The descriptor of :attr:`Fix.id`: computed on first use and kept in the fix's
    ``__dict__``, where every later read finds it without a call (a descriptor without
    ``__set__`` gives way to the instance's own attribute). Every fix's id is read
    several times, and there are some 30,000 fixes per MB."""

    def __get__(self, fix: "Fix | None", owner: type | None = None):
        if fix is None:
            return self
        rule, edits = fix[0], fix[1]
        if len(edits) == 1:
            start, end, replacement = edits[0]
            key = f"{rule}|{start}:{end}:{replacement}"
        else:
            key = rule + "|" + "|".join(f"{start}:{end}:{replacement}" for start, end, replacement in edits)
        h = _BLAKE2S_4.copy()  # copying a fresh hasher is cheaper than making one
        h.update(key.encode("utf-8", "surrogatepass"))
        value = fix.__dict__["id"] = f"{rule}:{edits[0][0]}:{h.hexdigest()}"
        return value


class Fix(_FixFields):
    """One reviewable decision: frozen (a named tuple, like :class:`Edit`), its edits
    sorted. Instances keep a ``__dict__`` only to cache their id."""

    def __new__(
        cls,
        rule: str,
        edits: tuple[Edit, ...],
        category: Category,
        confidence: Confidence,
        message_zh: str,
        message_en: str,
        detail: tuple[tuple[str, str], ...] = (),
    ) -> "Fix":
        if not edits:
            raise ValueError("a fix needs at least one edit")
        if len(edits) > 1 or not isinstance(edits, tuple):
            edits = tuple(sorted(edits))
        return tuple.__new__(cls, (rule, edits, category, confidence, message_zh, message_en, detail))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Fix is frozen: cannot set {name}")

    @property
    def start(self) -> int:
        return self[1][0][0]

    @property
    def end(self) -> int:
        edits = self[1]
        return edits[0][1] if len(edits) == 1 else max(e[1] for e in edits)

    # Stable identifier: the same rule finding the same edits in the same text gets the
    # same id in every run, so saved decisions can be matched again.
    id = _IdOnce()

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh


@lru_cache(maxsize=None)
def kind_detail(kind: str) -> tuple[tuple[str, str], ...]:
    """The detail ``(("kind", kind),)``, one tuple shared by every fix of that kind: a
    page makes tens of thousands of fixes, and each tuple made is one more object for
    the collector to scan once the analysis ends."""
    return (("kind", kind),)


def edits_conflict(a: Edit, b: Edit) -> bool:
    """Two edits conflict when applying both is ambiguous: their spans share a character,
    an insertion falls strictly inside the other's span, or both insert at one point."""
    if a.is_insertion and b.is_insertion:
        return a.start == b.start
    if a.is_insertion:
        return b.start < a.start < b.end
    if b.is_insertion:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end
