"""Page analysis shared by the rules: lines, column widths, bylines and paragraph breaks.

Extracted newspaper text has a hard line break at the end of every column line and
blank lines wherever a column or page ends. To tell a wrapped line from a paragraph
end, each line is measured (CJK one em, Latin and digits half, spaces nothing, doubled
glyphs collapsed; full-width punctuation at the page's own width, runs of marks
squeezed or not as the page sets them, both calibrated per text) against the width of
the column it sits in, estimated from the lines around it: the most common width at
least as wide as the line itself. A line is full when it ends short of the margin by
less than the number or Latin word opening the next line (never broken, it did not
fit). Then:

* a line that ends without sentence punctuation and fills its column goes on;
* a paragraph under way (its lines hold a clause mark) never ends on a line that does
  not end its sentence: a short line inside it was cut short (a unit that did not fit,
  PyMuPDF cutting a spread line at its wide gaps, down to one character per line);
* a line that ends a sentence short of the margin ends its paragraph;
* a line that ends a sentence at the margin goes on, unless the next line is indented
  (kept leading spaces, or about two ems short: the lost first-line indent) or a blank
  line precedes a next line that does not fill the column;
* short standalone lines (headlines, labels, bylines) stand alone; two short parallel
  heading lines where an article begins are the two parts of one headline.

The analysis is computed once per document text and cached; rules only read it.
"""

from __future__ import annotations

import re
from functools import cached_property

from .page_lines import (
    BLANK_CHARS, HEADLINE_PART_MAX, HEADLINE_WIDTH, headline_parts, INDENT, INDENT_MIN, INDENT_TOLERANCE, MAX_BRIDGED_BLANKS, MAX_COLUMN,
    JOIN, MIN_COLUMN, OVERFULL, PARAGRAPH, TWO_PART_HEADLINE, WINDOW, Break, Gap, Line, Paragraph, _ANY_BLANK,
    _ANY_MARK, _CLAUSE_PUNCT, _LATIN_WRAP, _LEAD_UNIT, _LINE_SEPARATOR,
    _LETTER_GAP, _NOT_HEADLINE_PART, _count_between, _drop_spaces, _first_line_clause, _first_line_pushed, _indented, _lines_matching, _spread,
    _unwrapped_around, _width, calibrate_punctuation, calibrate_squeeze, column_in, fills_column, first_line_width, full_tolerance,
    tolerances, wider_tolerance,
)
from .rules import dup_glyph
from .standalone import StandaloneLines
from .text import CATEGORIES, CJK_RE, CLOSING_PUNCT, OPENING_PUNCT, ends_comma, ends_continuing, ends_sentence, width_counts, width_from_counts


_QUOTE_PAIRS = ("“”", "‘’", "「」", "『』", "《》")
_NO_QUOTES = str.maketrans("", "", "".join(_QUOTE_PAIRS))


def _quotes_closed(part: str) -> bool:
    """Every quotation opened in *part* closes in it, after it opened."""
    return all(part.count(o) == part.count(c) and part.find(o) <= part.find(c) for o, c in _QUOTE_PAIRS)


class PageAnalysis(StandaloneLines):
    def __init__(self, text: str):
        self.text = text
        self.line_text = text  # the text with odd-char's line separators as line feeds (set with the lines)
        self.staircases: list[dup_glyph.Staircase] = []
        # Headlines painted twice, found with the staircases (dup-glyph's fixes read them):
        # content lines repeated on the next one, and blocks of lines repeated as a whole.
        self.repeated_lines: list[int] = []
        self.repeated_blocks: list[tuple[int, int]] = []  # (first content line, lines per copy)
        self.split_bylines: list[tuple[int, int]] = []  # content-line ranges
        self.squeeze = True  # runs of punctuation squeezed (calibrated with the lines)
        self.two_part_headlines: frozenset[int] = frozenset()  # first lines (set with the gaps)
        self._columns: dict[int, tuple[float | None, int]] = {}
        # The column a line finds among the widths around it, by (its width, whether it
        # stands alone, *the widths): lines of a uniform column see the same widths over
        # and over. (Kept when the lines change: it depends on the values alone.)
        self._column_of: dict[tuple[float, ...], tuple[float | None, int]] = {}
        self._undone_bylines: list[tuple[Line, int, str, float]] = []  # glued bylines taken back

    @cached_property
    def lines(self) -> list[Line]:
        text = self.text
        if "\x0b" in text or "\x0c" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
            # The characters odd-char turns into line breaks end lines here too: the page
            # is measured as the suggested version will show it (same length, so every
            # position holds).
            text = _LINE_SEPARATOR.sub("\n", text)
        self.line_text = text
        # Most lines hold neither a space nor two equal characters in a row: for them
        # the content is the line and nothing needs collapsing. Two scans over the whole
        # text find the others, which take the slow path below.
        spaced = _lines_matching(_ANY_BLANK, text)
        paired = _lines_matching(dup_glyph.ANY_PAIR, text)
        cats = text.translate(CATEGORIES)
        # The categories with everything but punctuation as x: runs of marks start at "xp".
        flat = cats.replace("w", "x").replace("s", "x").replace("z", "x").replace("n", "x").replace("u", "x")
        count = cats.count

        def width_counts_at(start: int, end: int) -> tuple[int, ...]:
            """width_counts of text[start:end], a line without blanks, from the scan."""
            return (count("p", start, end), flat.count("xp", start, end) + (flat[start] == "p"), count("w", start, end), 0, 0, end - start, count("u", start, end))

        out: list[Line] = []
        counts: dict[int, tuple[int, ...]] = {}
        pos = 0
        for i, raw_line in enumerate(text.split("\n")):
            end = pos + len(raw_line)
            if i not in spaced and i not in paired:
                if raw_line:
                    ln = Line(i, pos, end, raw_line, False, pos, end, raw_line, content=raw_line, has_blank=False)
                    counts[i] = width_counts_at(pos, end)
                else:
                    ln = Line(i, pos, end, raw_line, True, has_blank=False)
            else:
                ln = Line(i, pos, end, raw_line, not raw_line.strip(BLANK_CHARS))
                if not ln.blank:
                    lead = len(raw_line) - len(raw_line.lstrip(BLANK_CHARS))
                    trail = len(raw_line.rstrip(BLANK_CHARS))
                    ln.content_start = pos + lead
                    ln.content_end = pos + trail
                    ln.content = raw_line[lead:trail]
                    if i in paired:
                        prev = out[-1] if out else None
                        may_open = prev is None or prev.blank or ends_sentence(prev.collapsed) or prev.doubled
                        ln.doubling = dup_glyph.analyse_line(raw_line, may_open)
                        ln.doubled = ln.doubling.whole is not None
                        ln.collapsed = _drop_spaces(ln.doubling.collapsed)
                    else:
                        ln.collapsed = _drop_spaces(raw_line)
                    # A pair that collapses nothing in a line without blanks (most pairs
                    # in running text: 常常, 。。) leaves the line to be measured as it is.
                    counts[i] = width_counts_at(pos, end) if i not in spaced and ln.collapsed == raw_line else width_counts(ln.collapsed)
            pos = end + 1
            out.append(ln)
        self.punct_width = calibrate_punctuation(list(counts.values()))
        self.squeeze = calibrate_squeeze(list(counts.values()), self.punct_width)
        p, squeeze = self.punct_width, self.squeeze
        if squeeze:
            for i, c in counts.items():
                out[i].width = width_from_counts(c, p)
        else:
            for i, c in counts.items():
                out[i].width = _width(c, p, False)
        self._mark_staircases(out)
        self._mark_split_bylines(out)
        self._mark_letter_spaced_heads(out)
        self._mark_bylines_and_labels(out)
        self._check_glued_bylines(out)
        self._check_labels(out)
        self._check_bare_bylines(out)
        return out

    @cached_property
    def content_lines(self) -> list[Line]:
        return [ln for ln in self.lines if not ln.blank]

    # -- column widths ---------------------------------------------------------------------

    def _forget_columns(self) -> None:
        """Drop the column estimates after a line's width or standing changed."""
        self._columns.clear()
        self.__dict__.pop("_column_lines", None)

    def column_width(self, k: int) -> tuple[float | None, int]:
        """(width, support) of the column that content line *k* sits in: among nearby
        lines at least as wide as it (less the tolerance), the width shared by the most
        lines (the widest of equally shared ones). None when no other line lines up with
        it."""
        known = self._columns.get(k)
        if known is None:
            line = self.content_lines[k]
            widths, before = self._column_lines
            lo, hi = max(0, k - WINDOW), min(len(before) - 1, k + WINDOW + 1)
            # The widths around as they stand, unsorted: they make the window.
            key = (line.width, line.standalone, *widths[before[lo] : before[hi]])
            known = self._column_of.get(key)
            if known is None:
                known = self._column_of[key] = column_in(line.width, self._window(k, keep=k))
            self._columns[k] = known
        return known

    def _window(self, k: int, keep: int | None = None) -> list[float]:
        """Sorted widths of the non-standalone lines within WINDOW lines of line k
        (line *keep* counts even if standalone)."""
        widths, before = self._column_lines
        lo, hi = max(0, k - WINDOW), min(len(before) - 1, k + WINDOW + 1)
        out = widths[before[lo] : before[hi]]
        if keep is not None and self.content_lines[keep].standalone:
            out.append(self.content_lines[keep].width)
        out.sort()
        return out

    @cached_property
    def _column_lines(self) -> tuple[list[float], list[int]]:
        """The widths of the column lines (content lines that are not standalone), and
        for each content line index the number of column lines before it (one more
        entry at the end), so a window of content lines is one slice."""
        widths: list[float] = []
        before = [0]
        for c in self.content_lines:
            if not c.standalone:
                widths.append(c.width)
            before.append(len(widths))
        return widths, before

    def dominant_column(self, k: int) -> float | None:
        """The best-supported column width near content line *k*, whatever its width."""
        neighbours = self._window(k)
        best: tuple[float | None, int] = (None, 1)
        for cand in sorted({x for x in neighbours if MIN_COLUMN <= x <= MAX_COLUMN}):
            support = _count_between(neighbours, cand - full_tolerance(cand), cand + wider_tolerance(cand))
            if support > best[1] and not _unwrapped_around(neighbours, cand, support):
                best = (cand, support)
        return best[0]

    # -- paragraph breaks ------------------------------------------------------------------

    @cached_property
    def gaps(self) -> list[Gap]:
        out = self._decide_gaps()
        if self._undone_bylines:
            # A name after a full stop was taken for the next sentence because its line
            # fills the column; if the text does not go on there after all (a paragraph
            # break follows), the name ends the article: a byline again.
            ends = {g.before.index for g in out if g.decision is PARAGRAPH}
            restore = [u for u in self._undone_bylines if u[0].index in ends]
            if restore:
                for ln, at, collapsed, width in restore:
                    ln.glued_byline_at, ln.collapsed, ln.width = at, collapsed, width
                self._forget_columns()
                out = self._decide_gaps()
        return out

    def _decide_gaps(self) -> list[Gap]:
        content = self.content_lines
        out: list[Gap] = []
        two_part: set[int] = set()
        para_start = 0
        for k, (a, b) in enumerate(zip(content, content[1:])):
            blanks = b.index - a.index - 1
            # Decided in reading order: whether line a starts a paragraph is known.
            starts = k == 0 or out[-1].decision is PARAGRAPH
            if starts:
                para_start = k
            if k and out[-1].reason == TWO_PART_HEADLINE:
                # Both parts of a headline read: the headline ends (a subtitle or the
                # text follows, even where the second part looks as wide as the column).
                decision, confident, reason, col = PARAGRAPH, True, "two-part headline ends", None
            else:
                decision, confident, reason, col = self._decide(k, a, b, blanks, starts, para_start)
            if reason == TWO_PART_HEADLINE:
                two_part.add(a.index)
            out.append(Gap(a, b, blanks, decision, confident, reason, col))
        self.two_part_headlines = frozenset(two_part)
        return out

    def _decide(self, k: int, a: Line, b: Line, blanks: int, a_starts: bool, para_start: int = 0) -> tuple[Break, bool, str, float | None]:
        P, J = PARAGRAPH, JOIN
        standalone = a.standalone or b.standalone
        # Two letter-spaced headline lines stand alone, and may be the parts of one.
        if a_starts and blanks <= 1 and (not standalone or (a.spaced_head and b.spaced_head)) and self._two_part_headline(k, a, b):
            return J, False, "two-part headline", None
        if standalone:
            return P, True, "standalone line", None
        if a.glued_byline_at is not None:
            return P, True, "byline ends the article", None
        if blanks > MAX_BRIDGED_BLANKS:
            return P, True, "long blank gap", None
        if b.collapsed[:1] in _NEVER_OPENS_A_LINE and a.collapsed[-1:] != b.collapsed[:1]:
            # A closing or pausing mark never starts a line (kinsoku): the extractor cut
            # it off the line it ends (``“ 小城慢游`` / ``”`` / ``“City Walk”等新``). (The
            # same mark ending the line above is a headline painted in steps: ``办”`` / ``”让``.)
            return J, False, "short line inside a paragraph", None
        col, support = self.column_width(k)
        if col is not None and col >= HEADLINE_WIDTH and not self._wraps_at(k, col):
            col, support = None, 0
        terminal = ends_sentence(a.collapsed)
        prev = self.content_lines[k - 1] if k else None
        if (prev.byline or prev.label if prev is not None else CJK_RE.search(a.collapsed)) and not terminal and not _CLAUSE_PUNCT.search(a.collapsed) and a.width <= HEADLINE_WIDTH + 10:
            # After an article's end, or first in a Chinese text, a line with no clause
            # mark and no sentence end is a heading (``让“小切口”撬动“大民生”`` over the
            # one-sentence paragraph ``民生无小事，枝叶总关情。``, even as wide as the
            # column), unless it is a paragraph's line: two ems short of the column that
            # the next line fills with running text (a clause mark, no sentence end),
            # a label read between two paragraphs of its article; first in the text, any
            # line over running text (the text may start inside a paragraph: a line
            # ending its sentence counts as one unless it is as short as a first line,
            # a one-sentence paragraph of its own). The next
            # line is a subtitle, not running text, where a first line follows it.
            running_below = self._first_line_below(k, a, b) or (prev is None and _CLAUSE_PUNCT.search(b.collapsed) is not None and not (ends_sentence(b.collapsed) and col is not None and first_line_width(b.width, col)))
            subtitle = not ends_sentence(b.collapsed) and k + 3 < len(self.content_lines) and self._first_line_below(k + 2, self.content_lines[k + 2], self.content_lines[k + 3])
            if not running_below or subtitle:
                return P, False, "heading after an article end", col
        # Indented: leading spaces (a form feed or an invisible character is no indent).
        b_leading = _indented(b)
        if col is None:
            # Nothing lines up with this line. It may still be an over-full line of the
            # column around it (compressed punctuation); otherwise it is a headline or a
            # one-line paragraph, unless it ends mid-sentence with a comma.
            around = self.dominant_column(k)
            if around is not None and not terminal and self._wraps_at(k, around) and around <= a.width <= around * (1 + OVERFULL) + 1 and b.width <= around + wider_tolerance(around):
                col, support = around, 2
            elif ends_comma(a.collapsed):
                return J, False, "ends with a comma", None
            elif not terminal and not a_starts and len(a.collapsed) <= 2 and self._clause_before(para_start, k):
                # A glyph or two of a spread line PyMuPDF cut at its wide gaps (``至`` /
                # ``xuanjiang@example.com`` / ``报`` / ``名。``), too short to measure.
                return J, False, "short line inside a paragraph", None
            elif not terminal and a.width >= 16 and b.width < a.width and ends_sentence(b.collapsed) and not b_leading:
                return J, False, "long line, last line follows", None
            else:
                return P, True, "no column", None
        full_tol, wider_tol, short_tol = tolerances(col)
        full = a.width >= col - full_tol
        # A paragraph's first line is short by its indent already (about two ems).
        short = a.width < col - short_tol - (2.0 if a_starts else 0.0)
        if not full and not terminal:
            # Short of the margin by less than the next line's first unit: that unit (a
            # number or Latin word, never broken) did not fit.
            need = self.first_unit_width(b)
            if need > 1.0:
                if short:
                    short = col - a.width - (need - 1.0) > short_tol + (2.0 if a_starts else 0.0)
                full = col - a.width < need
        b_continues = k + 2 < len(self.content_lines) and not b.standalone and not ends_sentence(b.collapsed)
        b_indented = (b_leading or (b.width <= col - INDENT_MIN - 0.5 and not self._letter_spaced_full(k + 1, col))) and b_continues
        if not terminal:
            if b.collapsed[:1].islower() and _LATIN_WRAP.search(a.collapsed):  # (rare first)
                return J, False, "Latin words wrap", col
            b_fits = b.width <= col * (1 + OVERFULL) + 1
            if ends_comma(a.collapsed) or (full and b_fits and ends_continuing(a.collapsed)):
                return J, not short, "ends mid-sentence", col
            if not b_fits:
                # The next line is not in this column: a heading over a wider block.
                return P, False, "next line is wider than the column", col
            b_fills = col - full_tol <= b.width <= col + wider_tol
            indent_short = first_line_width(a.width, col)
            if a_starts and blanks and not _CLAUSE_PUNCT.search(a.collapsed) and not (indent_short and b_fills):
                # A line of its own with no comma before a blank line: a heading. (A first
                # line cut by a column break reads as a clause: ``要转变作风，强化``.)
                return P, False, "heading before a blank line", col
            if not full and ends_continuing(a.collapsed) and not (a_starts and not short):
                # A short line ending with a colon or semicolon: an intro or list item
                # (a paragraph's first line may end so too: it is short by the indent).
                return P, False, "list item or introduction", col
            if not a_starts and not full and (len(a.collapsed) <= 2 or self._clause_before(para_start, k) or self._quote_open(para_start, k)):
                # A paragraph under way (its lines so far hold a clause mark: running
                # text, not a heading) does not end without ending its sentence: a line
                # inside it ends short only when the typesetter or the extractor had to
                # (a unit that did not fit, PyMuPDF cutting a spread line at its wide
                # gaps: ``还容易看走`` / ``眼。”……``, ``“`` / ``小`` / ``城`` / ……).
                return J, False, "short line inside a paragraph", col
            if short:
                return P, True, "short line without punctuation", col
            if not full:
                # Short of the column without ending a sentence: the first line of a
                # paragraph (its indent lost), unless a blank line or an indented next
                # line says it is a heading of its own.
                if b_indented and not (a_starts and (_first_line_clause(a, col) or _first_line_pushed(a, b, col))):
                    return P, False, "next line starts a paragraph", col
                if support < 3 and col < HEADLINE_WIDTH:
                    return P, False, "too few lines to trust the column", col
                if not a_starts:
                    # Inside a paragraph a line ends short only when the typesetter had
                    # to: a character pushed down with its punctuation (kinsoku), wide
                    # Latin or digits measured as half an em. The sentence goes on.
                    return J, False, "short line inside a paragraph", col
                if not _CLAUSE_PUNCT.search(a.collapsed) and not _first_line_clause(a, col) and k + 2 < len(self.content_lines) and self._first_line_below(k + 1, b, self.content_lines[k + 2]):
                    # No clause mark, and the next line is itself a first line (two
                    # ems short of the column the line after it fills): a heading.
                    return P, False, "next line is a first line", col
                if not _CLAUSE_PUNCT.search(a.collapsed) and b.width > col + 0.75 and not _ANY_MARK.search(b.collapsed):
                    # Over a line wider than the column with no mark a typesetter could
                    # have squeezed to overfill it: a headline over its subtitle
                    # (``“村BA”燃动乡村夏夜`` / ``全县24支村级篮球队角逐冠军``).
                    return P, False, "heading over a wider line", col
                return J, True, "first line of a paragraph", col
            if a_starts and b_indented and b.width <= col - INDENT_MIN - 0.5 and not _indented(a):
                # A full line of its own, then a line two ems short: a heading as wide
                # as the column over the first line of a paragraph (whose own first line
                # would have been indented, not full).
                return P, False, "heading over a first line", col
            if support < 3 and col < HEADLINE_WIDTH and (a_starts or not ends_sentence(b.collapsed)):
                # Two lines of a width headlines have: a heading over a short paragraph
                # (a paragraph's own first line would be indented, not full).
                return P, False, "too few lines to trust the column", col
            return J, True, "fills the column", col
        # The line ends a sentence.
        need = self.first_unit_width(b) if not full else 1.0
        if col - a.width < need:
            full = True  # the number or word opening the next line did not fit
        if not full:
            b_full = col - full_tol <= b.width <= col + wider_tol or self._spread_full(k + 1, col)
            first_line = a_starts and (first_line_width(a.width, col, 0.5) or (need > 1.0 and 0 <= col - INDENT - a.width < need))
            if first_line and b_full and not b_leading and not blanks and support >= 3:
                # A paragraph's first line (two ems short: the indent) that happens to
                # end a sentence at the margin, followed by a full line.
                return J, False, "first line ends a sentence at the margin", col
            return P, True, "sentence ends short of the margin", col
        if b.width > col + wider_tol:
            return P, True, "next line is wider than the column", col
        if b_leading:
            return P, True, "next line is indented", col
        if b.width <= col - INDENT_MIN and b_continues and not self._opening_mark_carried_over(k + 1, col) and not self._unit_carried_over(k + 1, col) and not self._spread_full(k + 1, col):
            return P, False, "next line is a first line (indent lost)", col
        if self._one_sentence_first_line(k + 1, col):
            return P, False, "next line is a first line ending its sentence", col
        if blanks and b.width < col - full_tol:
            return P, False, "blank line, next line short", col
        if support < 3 or self._wrapped_lines(k, col) < 2:
            # Evidence that text wraps at this width is needed before joining after a
            # full stop: lines of this width that stop mid-sentence.
            return P, False, "too few lines to trust the column", col
        return J, False, "sentence ends at the margin", col

    def _opening_mark_carried_over(self, k: int, col: float) -> bool:
        """Content line *k* is one em short of the column because the opening mark that
        would have ended it opens the next line instead (an opening quote or bracket
        never ends a line): a full line, not a first line (``20年来，我区始终沿着`` /
        ``“八八战略”指引的路子``)."""
        content = self.content_lines
        if k + 1 >= len(content):
            return False
        b, c = content[k], content[k + 1]
        return c.collapsed[:1] in OPENING_PUNCT and c.index == b.index + 1 and b.width + 1.0 >= col - 0.25

    def _spread_full(self, k: int, col: float) -> bool:
        """Content line *k* was spread to fill its column: its glyphs alone take at least
        what an indented first line holds and the typesetter still had room to spread
        them, and the line after it is no first line either (a headline set with wide
        tracking is spread too, and a paragraph's first line follows it): a full line,
        not a first line (``市公安局以“ 反诈有`` under ``预防是最好的止损。``). Running
        text (a clause mark) may be followed by another spread line (``旧 社 区 ， 60 岁
        以 上 老 人 有`` / ``1,380 人 ， 占 常 住 人 口 的``: numbers that would not break)."""
        content = self.content_lines
        if k + 1 >= len(content):
            return False
        b, c = content[k], content[k + 1]
        if not _spread(b, col):
            return False
        return c.width > col - INDENT + INDENT_TOLERANCE or (_spread(c, col - 0.75, _LETTER_GAP) and _CLAUSE_PUNCT.search(b.collapsed) is not None)

    def _letter_spaced_full(self, k: int, col: float) -> bool:
        """:meth:`_spread_full`, with gaps between two ideographs (a space after a mark is
        what some extractors write after every full-width mark: ``11月12日7时30分， 随``
        is a first line)."""
        return _spread(self.content_lines[k], col, _LETTER_GAP) and self._spread_full(k, col)

    def _unit_carried_over(self, k: int, col: float) -> bool:
        """Content line *k* is short of the column because the number or Latin word that
        opens the next line did not fit (``这是今年我市开行的第`` / ``500列中欧班列。``),
        and it is too wide for a first line with its indent: a full line."""
        content = self.content_lines
        if k + 1 >= len(content):
            return False
        b, c = content[k], content[k + 1]
        return c.index == b.index + 1 and b.width > col - INDENT + INDENT_TOLERANCE and col - b.width < self.first_unit_width(c)

    def _one_sentence_first_line(self, k: int, col: float) -> bool:
        """Content line *k* is a paragraph's first line (indent lost: two ems short of
        the column) that ends a sentence at its margin, and the paragraph goes on below
        it in a full line (``打击是最有力的防范。`` / ``今年4月，市公安局成功``). A last
        line ending its paragraph is followed by a first line or a heading, never by a
        full line."""
        content = self.content_lines
        if k + 1 >= len(content):
            return False
        b, c = content[k], content[k + 1]
        return (
            ends_sentence(b.collapsed)
            and first_line_width(b.width, col, 0.5)
            and c.index == b.index + 1
            and not c.standalone
            and fills_column(c.width, col)
        )

    def _first_line_below(self, k: int, a: Line, b: Line) -> bool:
        """Content line *k* (*a*) is a paragraph's first line with its indent lost: two
        ems short of the column that the next line (*b*) fills with running text."""
        if ends_sentence(b.collapsed) or not _CLAUSE_PUNCT.search(b.collapsed):
            return False
        col, _ = self.column_width(k + 1)
        return col is not None and first_line_width(a.width, col) and fills_column(b.width, col)

    def _clause_before(self, start: int, k: int) -> bool:
        """Do the lines of the paragraph from content line *start* up to line *k* hold a
        clause mark (running text, not a heading)?"""
        search = _CLAUSE_PUNCT.search
        return any(search(ln.collapsed) for ln in self.content_lines[start:k])

    def _quote_open(self, start: int, k: int) -> bool:
        """Do the lines of the paragraph from content line *start* up to line *k*
        (included) leave a quotation open? A paragraph does not end inside one
        (``……“新生儿出生‘一件事’联`` / ``办”……``)."""
        text = "".join(ln.collapsed for ln in self.content_lines[start : k + 1])
        return text.count("“") > text.count("”")

    def _two_part_headline(self, k: int, a: Line, b: Line) -> bool:
        """A headline in two parallel parts (``青年说理论 宣讲接地气``) is set on one line
        with a gap that PyMuPDF and pdftotext cut into two lines: two short heading-like
        lines of the same length (within a character) where an article begins (after a
        label, a byline or a page break, or at the start of the text), followed by
        something that is not a third such line."""
        x, y = a.collapsed, b.collapsed
        # Quotation marks do not count (``手机成了“新农具”`` has seven characters), but a
        # part quotes whole words: an open quotation is running text (``“每一道工序都要认``).
        if len(x) > 2 * HEADLINE_PART_MAX or len(y) > 2 * HEADLINE_PART_MAX:
            return False  # (the common case, cheaply: running text)
        nx, ny = len(x.translate(_NO_QUOTES)), len(y.translate(_NO_QUOTES))
        if not headline_parts(nx, ny):
            return False
        if (nx < len(x) or ny < len(y)) and not (_quotes_closed(x) and _quotes_closed(y)):
            return False
        content = self.content_lines
        prev = content[k - 1] if k else None
        if not (prev is None or prev.label or prev.byline or prev.glued_byline_at is not None or "\x0c" in a.text[: a.content_start - a.start]):
            return False
        if _NOT_HEADLINE_PART.search(x) or _NOT_HEADLINE_PART.search(y) or not dup_glyph.is_repeated_headline(x) or not dup_glyph.is_repeated_headline(y):
            return False
        c = content[k + 2] if k + 2 < len(content) else None
        return c is None or c.standalone or abs(len(c.collapsed) - len(y)) > 1 or _NOT_HEADLINE_PART.search(c.collapsed) is not None

    def first_unit_width(self, line: Line) -> float:
        """The room *line*'s first unit takes: a number or Latin word with the opening
        marks before it, or a short bracketed enumerator (``（一）``: an opening bracket
        may not end a line nor a closing one start it), else one em (a character). A line
        before it that ends short of the margin by less than this is full: the unit did
        not fit."""
        text = line.collapsed.lstrip("\x0c")  # a page break opening the line takes no room
        first = text[:1]
        if not first or (first not in OPENING_PUNCT and not "!" <= first <= "~"):
            return 1.0
        m = _LEAD_UNIT.match(text) or _BRACKETED_UNIT.match(text)
        return _width(width_counts(m.group()), self.punct_width, self.squeeze) if m else 1.0

    def unit_did_not_fit(self, line: Line, nxt: Line, col: float) -> bool:
        """*line* ends short of its column by less than the unit opening *nxt*: the
        number or word did not fit, so the line is as full as it could be."""
        return 0 <= col - line.width < self.first_unit_width(nxt)

    def _wraps_at(self, k: int, col: float) -> bool:
        """Does text wrap at this width near line k? A column wider than headlines are
        needs two lines of its width that stop mid-sentence: in text already unwrapped,
        whole paragraphs agree in length by chance, and they end their sentences."""
        return col < HEADLINE_WIDTH or self._wrapped_lines(k, col, 2) >= 2

    def _wrapped_lines(self, k: int, col: float, enough: int | None = None) -> int:
        """Lines within WINDOW lines of line k as wide as *col* that stop mid-sentence
        (counted up to *enough*)."""
        content = self.content_lines
        lo, hi = max(0, k - WINDOW), min(len(content), k + WINDOW + 1)
        least, most = col - full_tolerance(col), col + wider_tolerance(col)
        n = 0
        for c in content[lo:hi]:
            if not c.standalone and least <= c.width <= most and not ends_sentence(c.collapsed):
                n += 1
                if n == enough:
                    break
        return n

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        content = self.content_lines
        if not content:
            return []
        paras = [Paragraph([content[0]])]
        for gap in self.gaps:
            if gap.decision is JOIN:
                paras[-1].lines.append(gap.after)
            else:
                paras.append(Paragraph([gap.after]))
        return paras

    @cached_property
    def body_lines(self) -> frozenset[int]:
        """Indices of lines that belong to running text (as opposed to headlines,
        labels and bylines): lines of a paragraph of two or more lines, or of a one-line
        paragraph that reads as a sentence."""
        out: set[int] = set()
        paragraphs = self.paragraphs
        two_part = self.two_part_headlines  # set with the gaps the paragraphs come from
        for para in paragraphs:
            first = para.lines[0]
            if first.standalone:
                continue
            if first.index in two_part:
                continue
            if len(para.lines) > 1 or ends_sentence(first.collapsed) or first.width > 30:
                out.update(ln.index for ln in para.lines)
        return frozenset(out)


_BRACKETED_UNIT = re.compile(r"[（〔【][^（）〔〕【】\s]{1,3}[）〕】]")
_NEVER_OPENS_A_LINE = CLOSING_PUNCT + "。！？，、；："
