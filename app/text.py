"""Character classes and visual widths shared by the rules.

Widths are measured in em (one CJK ideograph = 1.0): Latin letters and digits set in a
proportional font take about half an em, which is how a column's fill is judged.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import lru_cache

import regex

# Ideographs and the other scripts set on the CJK em grid (kana, bopomofo, hangul).
CJK_CLASS = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Bopomofo}\p{Hangul}〇"
CJK_RE = regex.compile(f"[{CJK_CLASS}]")

# Full-width punctuation used in Chinese text.
OPENING_PUNCT = "“‘（《〈【「『〔〖"
CLOSING_PUNCT = "”’）》〉】」』〕〗"
# Marks that end a sentence (and so may end a paragraph).
SENTENCE_END = "。！？…"
# Marks after which the sentence certainly goes on.
CONTINUING_PUNCT = "，、；：—·～"
FULLWIDTH_PUNCT = SENTENCE_END + CONTINUING_PUNCT + OPENING_PUNCT + CLOSING_PUNCT + "！？｜／"

# Whitespace an extractor may leave: ASCII and no-break spaces, tabs, the ideographic
# space and the typographic spaces U+2000..U+200A, U+202F, U+205F.
SPACE_CHARS = " \t\u00a0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
# Invisible characters that never belong in proofread copy.
ZERO_WIDTH_CHARS = "\u200b\u2060\ufeff\u00ad"


@lru_cache(maxsize=65536)
def is_cjk(ch: str) -> bool:
    """Does *ch* (a character, or the first of a text) belong to the CJK em grid?
    (Remembered: the rules ask it of the characters around every space.)"""
    return bool(ch) and CJK_RE.match(ch) is not None


def is_fullwidth_punct(ch: str) -> bool:
    return bool(ch) and ch in FULLWIDTH_PUNCT


@lru_cache(maxsize=65536)
def char_width(ch: str) -> float:
    """Width of one character in em, as it is set in a newspaper column."""
    if ch == " ":
        return 0.3  # a Latin word space; extraction spaces are dropped before measuring
    if ch in SPACE_CHARS:
        return 0.0 if ch != "\u3000" else 1.0
    if ch in ZERO_WIDTH_CHARS:
        return 0.0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if "A" <= ch <= "Z":
        return 0.65  # capitals of a proportional Latin face are wider than half an em
    # Curly quotes are 'ambiguous' width; in Chinese typesetting they take a full em.
    if ch in "“”‘’…—·":
        return 1.0
    return 0.5


class _Categories(dict):
    """str.translate table from code point to a width category letter: p punctuation,
    w wide, s Latin space, z no width, u Latin capital, n narrow. Filled on first sight of each
    character, so translating a line is one C-level pass."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in FULLWIDTH_PUNCT:
            cat = "p"
        elif ch == " ":
            cat = "s"
        elif (ch in SPACE_CHARS and ch != "\u3000") or ch in ZERO_WIDTH_CHARS:
            cat = "z"
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            cat = "w"
        elif "A" <= ch <= "Z":
            cat = "u"
        else:
            cat = "n"
        self[code] = cat
        return cat


CATEGORIES = _CATEGORIES = _Categories()


def width_counts(text: str) -> tuple[int, ...]:
    """(punctuation marks, runs of punctuation, wide characters, Latin spaces,
    zero-width characters, all characters, Latin capitals): enough to measure *text* for any
    punctuation width without walking it again."""
    cats = text.translate(_CATEGORIES)
    n_punct = cats.count("p")
    # A run starts at a mark that is first or follows something else.
    runs = ("x" + cats).replace("w", "x").replace("s", "x").replace("z", "x").replace("n", "x").replace("u", "x").count("xp")
    return (n_punct, runs, cats.count("w"), cats.count("s"), cats.count("z"), len(text), cats.count("u"))


def width_from_counts(counts: tuple[int, ...], punct: float = 1.0) -> float:
    n_punct, n_runs, n_wide, n_space, n_zero, n, n_upper = counts
    narrow = n - n_punct - n_wide - n_space - n_zero - n_upper
    # The first mark of a run takes *punct*; the marks after it are compressed.
    return n_wide + 0.5 * narrow + 0.65 * n_upper + 0.3 * n_space + n_runs * punct + (n_punct - n_runs) * min(0.5, punct)


def text_width(text: str, punct: float = 1.0) -> float:
    """Visual width of a line's content; spaces count nothing (extraction spacing is not
    part of the column's fill, and a real Latin word space is too small to matter).

    *punct* is the width of full-width punctuation: a full em in some houses, half an em
    in others (Founder's 半角标点 setting); :mod:`app.layout` calibrates it per page.
    Consecutive punctuation is compressed as typesetters do (``”，`` takes one and a
    half em at most, not two)."""
    return width_from_counts(width_counts(text), punct)


def text_width_slow(text: str, punct: float = 1.0) -> float:
    """Character by character: the definition :func:`text_width` must agree with."""
    width = 0.0
    prev_punct = False
    for c in text:
        is_punct = c in FULLWIDTH_PUNCT
        if is_punct:
            width += min(0.5, punct) if prev_punct else punct
        else:
            width += char_width(c)
        prev_punct = is_punct
    return width


_SENTENCE_END_ANY = SENTENCE_END + ".!?"
_COMMA_OR_OPENING = "，、," + OPENING_PUNCT
_CONTINUING_ANY = CONTINUING_PUNCT + ",;:"
# What ends_sentence reads past at a text's end. Most lines end otherwise: the three
# tests below answer from the last character alone then (an empty text, "" being in
# every string, takes the long way).
_SPACE_OR_CLOSING = SPACE_CHARS + CLOSING_PUNCT


def ends_sentence(text: str) -> bool:
    """True when *text* ends with sentence-final punctuation, possibly inside closing
    quotes or brackets: ``……队伍。``, ``“……。”``, ``（完）``-like closings excluded."""
    last = text[-1:]
    if last not in _SPACE_OR_CLOSING:
        return last in _SENTENCE_END_ANY
    stripped = text.rstrip(SPACE_CHARS).rstrip(CLOSING_PUNCT)
    return bool(stripped) and stripped[-1] in _SENTENCE_END_ANY


def ends_comma(text: str) -> bool:
    """True when *text* ends with a comma, an enumeration comma or an opening quote or
    bracket: a sentence never ends there (a semicolon or colon may end a list item)."""
    last = text[-1:]
    if last not in SPACE_CHARS:
        return last in _COMMA_OR_OPENING
    stripped = text.rstrip(SPACE_CHARS)
    return bool(stripped) and stripped[-1] in _COMMA_OR_OPENING


def ends_continuing(text: str) -> bool:
    """True when *text* ends with punctuation after which the sentence must go on."""
    last = text[-1:]
    if last not in SPACE_CHARS:
        return last in _CONTINUING_ANY
    stripped = text.rstrip(SPACE_CHARS)
    return bool(stripped) and stripped[-1] in _CONTINUING_ANY


# Web addresses and e-mail addresses: their punctuation is never Chinese punctuation.
# (ASCII only, so an address runs up to the first ideograph: ``至a@b.com报名``.)
LINK_RE = regex.compile(
    r"(?i)(?<![a-z0-9.])(?:(?:https?|ftp)://|www\.)[\x21-\x7e]+|[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}"
)
_LINK_TAIL = ".,;:!?)]}'\""


def link_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the web and e-mail addresses in *text*, in order; punctuation that ends
    a sentence after an address is not part of it (``见www.gov.cn,或``)."""
    if "@" not in text and "ww" not in text and "://" not in text:
        return []
    spans = []
    for m in LINK_RE.finditer(text):
        start, end = m.span()
        while end > start + 1 and text[end - 1] in _LINK_TAIL:
            end -= 1
        spans.append((start, end))
    return spans


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Is *pos* inside one of the sorted, disjoint *spans*?"""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
