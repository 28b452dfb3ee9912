"""Positions in a Python string versus positions in a Qt text document.

The session counts in Python characters (code points). A QTextDocument counts UTF-16
code units and turns every line end into one block separator, so two things shift
positions: a character outside the BMP (CJK Extension B names such as 𠮷) takes two
units, and the CR of a CRLF pair disappears. :class:`TextMapper` converts both ways
for one text; without such characters (the usual case) it is the identity.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# The characters that shift positions: a CR (of CRLF: dropped; alone: becomes a block
# separator, no shift) and anything beyond U+FFFF (one extra UTF-16 unit).
_SPECIAL = re.compile("\r\n|[\U00010000-\U0010ffff]")
# A lone surrogate (a byte of the file that was not valid UTF-8, see app.document):
# PySide6 passes it into a QString but drops it on the way back, so the pane's text
# would no longer match the model and a hand edit would delete it. The pane shows
# U+FFFD instead, one UTF-16 unit like the surrogate, so positions do not move.
_SURROGATE = re.compile("[\ud800-\udfff]")


def qt_safe(text: str) -> str:
    """*text* with every lone surrogate shown as U+FFFD (same length)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def lf_line_ends(text: str) -> str:
    """*text* with CRLF and lone CR line ends as LF (nothing else changed)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def display_text(text: str) -> str:
    """The text as a QTextDocument holds it (line ends normalised, lone surrogates
    shown as U+FFFD)."""
    return lf_line_ends(qt_safe(text))


def utf16_len(text: str) -> int:
    if text.isascii() or not _SPECIAL.search(text):
        return len(text)
    return len(text.encode("utf-16-le")) // 2


class TextMapper:
    """Model (Python str) positions <-> Qt document positions of one text."""

    def __init__(self, text: str):
        self.length = len(text)
        self._points: list[int] = []
        self._shifts: list[int] = []
        self._qt_points: list[int] = []
        self.qt_length = self.length
        if "\r\n" not in text and len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
            return  # the usual case, found by one C-speed pass
        points: list[int] = []  # model index of each special character
        shifts: list[int] = []  # cumulative shift after each of them
        total = 0
        for m in _SPECIAL.finditer(text):
            points.append(m.start())
            total += -1 if m.group() == "\r\n" else 1
            shifts.append(total)
        self._points = points
        self._shifts = shifts
        # Qt position of each special character, for the way back.
        self._qt_points = [p + (shifts[i - 1] if i else 0) for i, p in enumerate(points)]
        self.qt_length = self.length + total

    @property
    def identity(self) -> bool:
        return not self._points

    def to_qt(self, pos: int) -> int:
        if not self._points:
            return pos
        k = bisect_left(self._points, pos)  # specials strictly before pos
        return pos + (self._shifts[k - 1] if k else 0)

    def to_model(self, qt_pos: int) -> int:
        """The model position at *qt_pos*; a position between the halves of a
        surrogate pair maps to the start of that character."""
        if not self._points:
            return qt_pos
        k = bisect_left(self._qt_points, qt_pos)  # specials standing before qt_pos
        if not k:
            return qt_pos
        i = k - 1
        before = self._shifts[i - 1] if i else 0
        if self._shifts[i] > before and qt_pos == self._qt_points[i] + 1:
            return self._points[i]
        return qt_pos - self._shifts[i]


@dataclass(frozen=True)
class Replacement:
    """Replace ``old[start:end]`` with *text* (model coordinates of the old text)."""

    start: int
    end: int
    text: str


def narrow(old: str, new: str) -> Replacement | None:
    """The single smallest replacement turning *old* into *new* (None if equal).

    Compares slices by halving, so even a megabyte costs a few memcmp calls."""
    if old == new:
        return None
    limit = min(len(old), len(new))
    lo, hi = 0, limit  # common prefix length lies in [lo, hi]
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[lo:mid] == new[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    prefix = lo
    lo, hi = 0, limit - prefix
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[len(old) - mid : len(old) - lo] == new[len(new) - mid : len(new) - lo]:
            lo = mid
        else:
            hi = mid - 1
    suffix = lo
    # Never split a CRLF pair: the document shows it as one separator.
    start, end_old, end_new = prefix, len(old) - suffix, len(new) - suffix
    if start and old[start - 1] == "\r" and (start < len(old) and old[start] == "\n" or start < len(new) and new[start] == "\n"):
        start -= 1
    if end_old < len(old) and old[end_old] == "\n" and end_old > start and old[end_old - 1] == "\r":
        end_old += 1
        end_new += 1
    elif end_old < len(old) and old[end_old] == "\n" and end_new > start and new[end_new - 1] == "\r":
        end_old += 1
        end_new += 1
    return Replacement(start, end_old, new[start:end_new])


class PendingEdit:
    """Hand edits typed in a burst, merged into one replacement of *base* (the cleaned
    text as the session last reported it), so the session gets one undo step and one
    re-application per burst instead of one per keystroke."""

    def __init__(self, base: str, start: int, end: int, text: str):
        self.base = base
        self.start = start
        self.end = end
        self.text = text

    def touches(self, a: int, b: int) -> bool:
        """Does ``current[a:b]`` touch the text this edit replaced?"""
        return not (b < self.start or a > self.start + len(self.text))

    def merge(self, a: int, b: int, t: str) -> None:
        """Fold in ``current[a:b] = t`` (coordinates of the text as edited so far); an
        edit further away widens the replacement over the text between."""
        cur_lo, cur_hi = self.start, self.start + len(self.text)
        lo, hi = min(a, cur_lo), max(b, cur_hi)
        tail = hi - cur_hi  # unchanged base text after the pending replacement
        window = self.base[lo : self.start] + self.text + self.base[self.end : self.end + tail]
        self.text = window[: a - lo] + t + window[b - lo :]
        self.start, self.end = lo, self.end + tail

    def result(self) -> str:
        return self.base[: self.start] + self.text + self.base[self.end :]
