"""The line model of an extracted page and the page-wide measures, for :mod:`app.layout`.

The lines of the text (:class:`Line`), the breaks between them (:class:`Gap`,
:class:`Break`) and the paragraphs they make (:class:`Paragraph`); the column geometry
in em and its tolerances; the patterns lines are read with (glued bylines, clause marks,
headline parts); and the measures calibrated once per text: the width of full-width
punctuation and whether runs of marks are squeezed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

import re

import regex

from .rules import dup_glyph
from .text import (
    CLOSING_PUNCT,
    FULLWIDTH_PUNCT,
    OPENING_PUNCT,
    SENTENCE_END,
    SPACE_CHARS,
    ZERO_WIDTH_CHARS,
    width_from_counts,
)

# A form feed (a page break, as pdftotext and PyMuPDF write it) is no content either.
BLANK_CHARS = SPACE_CHARS + ZERO_WIDTH_CHARS + "\x0c"

# Column geometry, in em.
INDENT_MIN = 1.0  # a first line is at least this much short of the column
INDENT = 2.0  # a paragraph's first-line indent
INDENT_TOLERANCE = 0.75  # a first line is this close to the column less its indent
MIN_COLUMN = 8.0  # narrower "columns" are labels and bylines lining up by chance
MAX_COLUMN = 60.0  # wider lines are whole paragraphs, already unwrapped
WINDOW = 8  # lines either side used to estimate a column's width
HEADLINE_WIDTH = 20.0  # a pair of lines narrower than this may be a two-line headline
MAX_BRIDGED_BLANKS = 3  # blank lines a mid-sentence join may bridge


def first_line_width(width: float, column: float, tolerance: float = INDENT_TOLERANCE) -> bool:
    """A line *width* ems wide is as wide as a paragraph's first line in a *column*-em
    column: short of it by the indent, within *tolerance*."""
    return abs(width - (column - INDENT)) <= tolerance


def full_tolerance(column: float) -> float:
    """A line this close to the column width fills it."""
    # A full line may be one em short: an opening bracket or quote cannot end a line,
    # so the typesetter carries it over and spreads the rest.
    return max(1.0, 0.05 * column)


def wider_tolerance(column: float) -> float:
    """A line wider than the column by more than this is not in it."""
    return max(1.75, 0.08 * column)


def fills_column(width: float, column: float) -> bool:
    """A line *width* ems wide fills a *column*-em column: no more than the full
    tolerance short of it, no wider than the wider tolerance past it."""
    return column - full_tolerance(column) <= width <= column + wider_tolerance(column)


def short_margin(column: float) -> float:
    """A line short of its column by more than this cannot be a mid-paragraph line
    (a first line is short by its two-em indent)."""
    return max(2.75, 0.2 * column)


@lru_cache(maxsize=None)
def tolerances(column: float) -> tuple[float, float, float]:
    """(full_tolerance, wider_tolerance, short_margin) of a *column*, remembered: the
    break after every line asks them, and a page has few column widths."""
    return full_tolerance(column), wider_tolerance(column), short_margin(column)


OVERFULL = 0.2  # a line up to 20 % wider than its column still belongs to it


TWO_PART_HEADLINE = "two-part headline"  # gap reasons
LONG_LINE_LAST_FOLLOWS = "long line, last line follows"


class Break(str, Enum):
    JOIN = "join"
    PARAGRAPH = "paragraph"


# The members as module names: every line break's decision reads them, and a module
# name is read several times faster than an enum member.
JOIN, PARAGRAPH = Break.JOIN, Break.PARAGRAPH


@dataclass(slots=True)
class Line:
    index: int
    start: int  # span in the analysis text, without the line feed
    end: int
    text: str
    blank: bool
    content_start: int = 0  # first and past-last non-space positions (absolute)
    content_end: int = 0
    collapsed: str = ""  # content with doubling collapsed and spaces removed
    width: float = 0.0
    doubled: bool = False
    doubling: "dup_glyph.Doubling | None" = None  # None: no repeated characters at all
    byline: bool = False  # the whole line is a byline
    glued_byline_at: int | None = None  # absolute start of a byline glued to the line's end
    label: bool = False
    standalone: bool = False  # headline, label, byline: never joined to a neighbour
    spaced_head: bool = False  # a headline set letter by letter (pdftotext: ``书 香 浸 润 全 城``)
    content: str = ""  # the text without leading and trailing whitespace
    has_blank: bool = True  # False: not a single space or invisible character in the line



@dataclass(slots=True)
class Gap:
    """The line break(s) between two consecutive non-blank lines."""

    before: Line
    after: Line
    blanks: int
    decision: Break
    confident: bool
    reason: str
    column: float | None = None

    @property
    def default_join(self) -> bool:
        """A join the suggested version applies (line-join only asks about the weakest)."""
        return self.decision is JOIN and self.reason != LONG_LINE_LAST_FOLLOWS


@dataclass
class Paragraph:
    lines: list[Line] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.lines[0].content_start

    @property
    def end(self) -> int:
        return self.lines[-1].content_end


# The tail of a line after its last sentence end: a candidate glued byline.
_GLUED_BYLINE = re.compile(rf"(?<=[{SENTENCE_END}{CLOSING_PUNCT}])[{SPACE_CHARS}]*([^{SPACE_CHARS}{SENTENCE_END}{CLOSING_PUNCT}][^{SENTENCE_END}]{{1,39}})$")


# The same, over a whole text: a line without a match here has no glued byline. (The
# sentence end is matched, not looked behind at: a pattern that opens with a character
# class is searched for several times faster, and the match is on the same line. The
# tail is taken possessively, up to 39 characters at once, and the rest of the line
# must be spaces: the same lines match, without trying every shorter tail after each
# of a paragraph's sentence ends.)
_GLUED_BYLINE_ANYWHERE = re.compile(rf"[{SENTENCE_END}{CLOSING_PUNCT}][{SPACE_CHARS}]*[^{SPACE_CHARS}{SENTENCE_END}{CLOSING_PUNCT}\n][^{SENTENCE_END}\n]{{1,39}}+[{SPACE_CHARS}]*$", re.MULTILINE)

_LATIN_WRAP = re.compile(r"[a-z,;]$")
# A number or Latin word opening a line (with the opening marks before it, which cannot
# end a line): set as one unit, never broken, so the line before may end short of the
# margin by up to its width.
_LEAD_UNIT = re.compile(rf"[{OPENING_PUNCT}]*[\x21-\x7e]+[，。、；：！？”’）》」』]?")  # with the mark that may not open a line
# One word of a byline on a line of its own: a role word or credit (``记者``, ``文/图``,
# ``摄``), a name, or names joined by 、 (``叶知秋、郑好``).
_BYLINE_WORD = regex.compile(r"[（(]?\p{Han}{1,5}(?:[/／、]\p{Han}{1,5}){0,3}[)）]?")
_CLAUSE_PUNCT = re.compile("[，、；。！？,;]")
_ANY_MARK = re.compile(f"[{re.escape(FULLWIDTH_PUNCT)}]")  # any full-width mark
# A clause break a headline does not hold (an enumeration comma it may).
_CLAUSE_BREAK = re.compile("[，；。！？]")
# A character and the marks it carries, which may not open a line (kinsoku): the
# typesetter pushes the character down with them, leaving the line above a character short.
KINSOKU_UNIT = re.compile("^[^，。、；：！？”’）》」』〕〗]([，。、；：！？”’）》」』〕〗]+)")
# A sentence end with more text after it on the line: running text.
_MID_SENTENCE_END = re.compile(f"[。！？][{CLOSING_PUNCT}]*[^{CLOSING_PUNCT}{SENTENCE_END}]")
# What a part of a two-part headline does not hold: clause marks, Latin or digits (a
# line with a figure is a subtitle: ``一季度生产总值增长6%``).
_NOT_HEADLINE_PART = re.compile("[，、；：。！？,;:\x21-\x7e]")
HEADLINE_PART_MIN = 4  # characters in one part of a two-part headline (对仗: 4-8 each)
HEADLINE_PART_MAX = 8


def headline_parts(nx: int, ny: int) -> bool:
    """Can phrases of *nx* and *ny* characters be the two parts of a two-part headline:
    four to eight each, within one of each other?"""
    return HEADLINE_PART_MIN <= nx <= HEADLINE_PART_MAX and HEADLINE_PART_MIN <= ny <= HEADLINE_PART_MAX and abs(nx - ny) <= 1


_EXTRACTION_SPACE = re.compile(rf"[{SPACE_CHARS}]+(?![\x21-\x7e])|(?<![\x21-\x7e])[{SPACE_CHARS}]+")


def _drop_spaces(line: str) -> str:
    """The line without extraction spacing: spaces go, except one between two Latin
    characters (a real word space, which takes room in the column)."""
    return _EXTRACTION_SPACE.sub("", line.strip(SPACE_CHARS))


_ANY_BLANK = re.compile(f"[{BLANK_CHARS}]")
# Line separators (U+000B, U+0085, U+2028, U+2029), and form feeds inside a line (not at
# its start or end, where they mark a page break): odd-char's line breaks.
_LINE_SEPARATOR = re.compile("[\x0b\x85\u2028\u2029]|(?<=[^\n\x0c])\x0c(?=[^\n\x0c])")
# Leading characters that are no indent: a form feed (a page break), invisible ones.
_NO_INDENT = ZERO_WIDTH_CHARS + "\x0c"


def _lines_matching(pattern: re.Pattern, text: str) -> set[int]:
    """Indices of the lines of *text* in which *pattern* (which never matches a line
    feed) matches: one scan, skipping to the next line after each hit."""
    out: set[int] = set()
    pos = 0
    line = 0
    search = pattern.search
    count = text.count
    while True:
        m = search(text, pos)
        if m is None:
            return out
        start = m.start()
        line += count("\n", pos, start)
        out.add(line)
        nl = text.find("\n", start)
        if nl < 0:
            return out
        pos = nl + 1
        line += 1


PUNCT_WIDTHS = (1.0, 0.75, 0.5)


def _column_width_counts(lines: list[tuple[int, ...]], measure, grain: int) -> Counter | None:
    """How many lines have each width (rounded to 1/*grain* em), among the widths a
    column line may have; None when too few lines are left to calibrate on."""
    widths = [round(measure(c) * grain) / grain for c in lines]
    counts = Counter(w for w in widths if MIN_COLUMN <= w <= MAX_COLUMN)
    return counts if counts.total() >= 8 else None


def _may_be_column_lines(lines: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """The lines that may measure as a column line under some setting: the others (a
    headline, a paragraph already unwrapped) are left out of the calibration before
    measuring. A character takes at most one em, a visible one at least half an em."""
    return [c for c in lines if c[5] >= MIN_COLUMN - 1 and (c[5] - c[3] - c[4]) / 2 <= MAX_COLUMN + 1]


def calibrate_punctuation(lines: list[tuple[int, ...]]) -> float:
    """The width of full-width punctuation on this page (1, 3/4 or 1/2 em): the one
    under which column lines agree best in width. Houses differ (全角 or 半角 setting),
    and a wrong guess makes lines full of punctuation look over-full. Near ties go to
    the widest setting."""
    lines = _may_be_column_lines(lines[:: max(1, len(lines) // 2000)])  # a sample is enough on long texts
    scores: dict[float, float] = {}
    for p in PUNCT_WIDTHS:
        counts = _column_width_counts(lines, lambda c: width_from_counts(c, p), 2)
        if counts is None:
            return 1.0
        mode = max(counts, key=lambda w: (counts[w], w))
        scores[p] = sum(n for w, n in counts.items() if abs(w - mode) <= 0.5) / counts.total()
    best = max(scores.values())
    return max(p for p, score in scores.items() if score >= best - 0.03)


def calibrate_squeeze(lines: list[tuple[int, ...]], punct: float) -> bool:
    """Whether this page squeezes runs of punctuation (``”，`` in one and a half em, not
    two; 标点挤压): the setting under which more lines are exactly as wide as the most
    common width. Houses differ, and a wrong guess makes every line holding a run of
    marks look half an em short of the margin per extra mark. A near tie keeps the
    squeeze."""
    if punct <= 0.5:
        return True  # half-width marks: nothing to squeeze
    lines = _may_be_column_lines(lines[:: max(1, len(lines) // 2000)])
    scores = []
    for squeeze in (True, False):
        counts = _column_width_counts(lines, lambda c: _width(c, punct, squeeze), 4)
        if counts is None:
            return True
        scores.append(max(counts.values()) / counts.total())
    return scores[0] >= scores[1] - SQUEEZE_MARGIN


SQUEEZE_MARGIN = 0.03  # share of lines the unsqueezed setting must add to be chosen


def _width(counts: tuple[int, ...], punct: float, squeeze: bool = True) -> float:
    """A line's width from its category counts; unsqueezed, every mark of a run of
    punctuation takes the full *punct*."""
    w = width_from_counts(counts, punct)
    if not squeeze:
        w += (counts[0] - counts[1]) * (punct - min(0.5, punct))
    return w


def _first_line_clause(a: Line, col: float) -> bool:
    """A line as wide as an indented first line (within 3/4 em) that holds a clause break,
    a line with a sentence end and more text after it, or one cut inside a quotation it
    opened: running text, not a heading (``2001年12月11日，中国`` over ``正式加入世界贸易组织``)."""
    s = a.collapsed
    if _MID_SENTENCE_END.search(s) or _open_quote_cut(s):
        return True
    return first_line_width(a.width, col) and _CLAUSE_BREAK.search(s) is not None


def _short_by_kinsoku(a: Line, b: Line, col: float) -> bool:
    """*a* is as wide as a first line less the character that *b* opens with the mark it
    carries (kinsoku: the typesetter pushed it down with its mark; a page break opening
    *b* takes no room)."""
    return KINSOKU_UNIT.match(b.collapsed.lstrip("\x0c")) is not None and first_line_width(a.width + 1.0, col)


def _first_line_pushed(a: Line, b: Line, col: float) -> bool:
    """A paragraph's first line holding a clause break, short of a first line's width by
    the character that the next line opens with the mark it carries (kinsoku:
    ``近年来，我县大力发展农村电`` / ``商，建成县级电商……``): running text going on."""
    return _short_by_kinsoku(a, b, col) and _CLAUSE_BREAK.search(a.collapsed) is not None


def _open_quote_cut(s: str) -> bool:
    """A line cut inside a quotation it opened (``“党建和业务不是‘两张``): the quote
    goes on below. A headline closes what it opens (``“双减”让课后服务“活”起来``)."""
    return s[-1:].isalnum() and s.count("“") + s.count("‘") > s.count("”") + s.count("’")


UNWRAPPED_FACTOR = 2.0


def _unwrapped_around(neighbours: list[float], col: float, support: int) -> bool:
    """At least as many of the nearby lines (sorted widths) are more than twice as wide
    as this "column" as line up with it: the text around is already unwrapped (whole
    paragraphs on a line, as in a cleaned text), and the few short lines that agree in
    width (headlines, subtitles, a cut paragraph) agree by chance."""
    return len(neighbours) - bisect_right(neighbours, UNWRAPPED_FACTOR * col) >= support


def column_in(w: float, neighbours: list[float]) -> tuple[float | None, int]:
    """(width, support) of the column a line *w* ems wide sits in, given the sorted widths
    of the column lines around it (*neighbours*): see :meth:`app.layout.PageAnalysis.column_width`."""
    best, best_support = None, 0
    # Candidates: the distinct widths of the window, from MIN_COLUMN up to
    # MAX_COLUMN, that the line does not overshoot by more than the tolerance. A line
    # may overshoot its column a little (hanging punctuation, wide digits), so
    # columns somewhat narrower than the line are candidates too. (Tolerances
    # inlined, and no candidate below the least one that can pass: this runs once
    # per line.)
    first = bisect_left(neighbours, max(MIN_COLUMN, min(w - 1.75, w / 1.08) - 1e-9))
    last = bisect_right(neighbours, MAX_COLUMN)
    for cand in dict.fromkeys(neighbours[first:last]):  # distinct, ascending
        if cand < 21.875:
            hi = cand + 1.75
            lo = cand - (1.0 if cand < 20 else 0.05 * cand)
        else:
            hi = cand + 0.08 * cand
            lo = cand - 0.05 * cand
        if hi < w:
            continue
        support = bisect_right(neighbours, hi) - bisect_left(neighbours, lo)
        # On a tie the wider width wins: lines fall short of their column for many
        # reasons (indent, paragraph end, kinsoku, wide Latin), and overshoot it
        # only by a hanging mark.
        if support >= 2 and support >= best_support:
            best, best_support = cand, support
    if best is None:
        return None, 0
    # The column is the median of the lines that line up, not the narrowest of them.
    lo = bisect_left(neighbours, best - full_tolerance(best))
    hi = bisect_right(neighbours, best + wider_tolerance(best))
    col = neighbours[(lo + hi) // 2]
    if len(neighbours) - bisect_right(neighbours, UNWRAPPED_FACTOR * col) >= best_support:
        return None, 0  # unwrapped text around (see _unwrapped_around)
    return col, best_support


def _count_between(sorted_values: list[float], lo: float, hi: float) -> int:
    return bisect_right(sorted_values, hi) - bisect_left(sorted_values, lo)


# A gap the extractor wrote as a space between two CJK characters or marks: the line was
# justified, its glyphs spread apart (CJK text has no word spaces).
_SPREAD_GAP = re.compile(r"[^\x00-\x7f\s][ \u3000]+[^\x00-\x7f\s]")
# Such a gap between two CJK ideographs (extractors also write one after a full-width
# mark, or between digits and ideographs: ``6 月 22 日``, on lines that were not spread).
_LETTER_GAP = re.compile(r"[\u3400-\u9fff][ \u3000]+[\u3400-\u9fff]")


def _spread(line: Line, col: float, gap: re.Pattern | None = None) -> bool:
    """The line's glyphs were spread apart (gaps written as spaces between CJK
    characters or marks, or only between characters with *gap*) and alone take at least
    what an indented first line holds."""
    return line.width >= col - INDENT - 0.25 and line.content != line.collapsed and (gap or _SPREAD_GAP).search(line.content) is not None


def _indented(line: Line) -> bool:
    """Leading spaces before the line's content (a form feed or an invisible character
    is no indent)."""
    return line.content_start > line.start and (line.text[0] not in _NO_INDENT or any(c in SPACE_CHARS for c in line.text[: line.content_start - line.start]))
