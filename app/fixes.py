"""The fix model: frozen records that every rule returns and the engine applies.

A :class:`Fix` is one reviewable decision. It holds one or more :class:`Edit` s on the
*raw* text (a move of a section label is a deletion plus an insertion, accepted or
rejected as a whole), a message in Chinese and English, a category for colouring and
filtering, and a :class:`Confidence` that decides whether the suggested version applies
it by default.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum


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


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``raw[start:end]`` with *replacement* (an insertion when start == end)."""

    start: int
    end: int
    replacement: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}..{self.end}")

    @property
    def is_insertion(self) -> bool:
        return self.start == self.end



@dataclass(frozen=True)
class Fix:
    rule: str
    edits: tuple[Edit, ...]
    category: Category
    confidence: Confidence
    message_zh: str
    message_en: str
    # Rule-specific facts for the review panel ("pairs": 8, "name": "周靖" ...).
    detail: tuple[tuple[str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.edits:
            raise ValueError("a fix needs at least one edit")
        if len(self.edits) > 1 or not isinstance(self.edits, tuple):
            object.__setattr__(self, "edits", tuple(sorted(self.edits)))

    @property
    def start(self) -> int:
        return self.edits[0].start

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)

    @property
    def id(self) -> str:
        """Stable identifier: the same rule finding the same edits in the same text
        gets the same id in every run, so saved decisions can be matched again.
        (Computed once, on first use; a plain attribute lookup after that, since every
        fix's id is read many times and there are some 30,000 fixes per MB.)"""
        try:
            return self.__dict__["_id"]
        except KeyError:
            pass
        edits = self.edits
        if len(edits) == 1:
            e = edits[0]
            key = f"{self.rule}|{e.start}:{e.end}:{e.replacement}"
        else:
            key = self.rule + "|" + "|".join(f"{e.start}:{e.end}:{e.replacement}" for e in edits)
        digest = hashlib.blake2s(key.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
        value = self.__dict__["_id"] = f"{self.rule}:{edits[0].start}:{digest}"
        return value

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh



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
