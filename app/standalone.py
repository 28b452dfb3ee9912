"""Standalone lines of a page: headlines painted twice, bylines (whole, split over
lines, glued to a paragraph's end) and section labels, which no paragraph rejoins.

A mixin of :class:`app.layout.PageAnalysis`: the marks are made while its lines are
read, and the checks that need the column widths (a glued byline that fills its
column, a label line that opens a paragraph) run once the first marks are made.
"""

from __future__ import annotations

import re
from functools import cached_property

import regex

from . import patterns
from .page_lines import (
    INDENT, INDENT_TOLERANCE, MIN_COLUMN, Line, _short_by_kinsoku, headline_parts, _ANY_MARK, _BYLINE_WORD, _CLAUSE_PUNCT, _GLUED_BYLINE, _GLUED_BYLINE_ANYWHERE, _drop_spaces,
    _lines_matching, _width, fills_column, first_line_width, full_tolerance, wider_tolerance,
)
from .rules import dup_glyph
from .text import SPACE_CHARS, ends_comma, ends_continuing, ends_sentence, width_counts


_LETTER_SPACED = re.compile(r"(?:(?:[A-Za-z]+|\S)[ \u3000]){3,}(?:[A-Za-z]+|\S)")  # a Latin word is one unit (``“ 村 BA ” 燃 动``)
# A number is one unit too (``2.6 万 名 跑 者``), but a body line spread around a number
# (``还 有 2,500 元 左 右 的 收``) looks the same: taken only right after an article's end.
_PHRASE_GAP = re.compile(r"[ \u3000]{2,}")
_LETTER_SPACED_NUMBER = re.compile(r"(?:(?:[A-Za-z0-9.,%]+|\S)[ \u3000]){3,}(?:[A-Za-z0-9.,%]+|\S)")


# The first line of a byline cut at the line's end: a role word, then more words
# (``本报记者 闻笛 实习生`` / ``白露``).
_CUT_BYLINE_START = regex.compile(rf"(?:{patterns.ROLE_WORDS})(?:[{SPACE_CHARS}]+{_BYLINE_WORD.pattern})+")
_ROLE_FIRST = frozenset(word[0] for word in regex.findall(r"\p{Han}+", patterns.ROLE_WORDS))  # (a cheap test first)


def _in_column_flow(ln: Line, prev: Line | None, nxt: Line | None) -> bool:
    """A line in the flow of a column (as wide as its neighbours, after a line that does
    not end a sentence) is running text, even when it happens to end with an
    organisation's suffix (``小李原本在杭州一家互联网公司``)."""
    return (
        prev is not None
        and nxt is not None
        and not prev.standalone
        and prev.glued_byline_at is None
        and ln.width >= MIN_COLUMN
        and (abs(ln.width - prev.width) <= 1 or abs(ln.width - nxt.width) <= 1)
        and not ends_sentence(prev.collapsed)
    )


def _two_parts(content: list[Line], k: int) -> bool:
    """Content lines *k* and *k* + 1 read as the two parts of a two-part headline: of
    the same length (within a character, 4–8 each), no mark at all, and the line after
    them is not a third such line."""
    if k + 2 >= len(content):
        return False
    x, y, z = content[k].collapsed, content[k + 1].collapsed, content[k + 2].collapsed
    if not headline_parts(len(x), len(y)):
        return False
    if _ANY_MARK.search(x) or _ANY_MARK.search(y) or content[k + 1].standalone:
        return False
    return abs(len(z) - len(y)) > 1 or _ANY_MARK.search(z) is not None


def _two_spaced_parts(content: str) -> bool:
    """Two letter-spaced phrases of a length (4–8 characters each, within one) with a
    wider gap between them: a two-part headline set with wide tracking."""
    parts = _PHRASE_GAP.split(content)
    if len(parts) != 2 or not all(_LETTER_SPACED.fullmatch(p) for p in parts):
        return False
    n0, n1 = (len(p.replace(" ", "").replace("\u3000", "")) for p in parts)
    return headline_parts(n0, n1)


def _column_ends(ln: Line, nxt: Line | None) -> bool:
    """The column ends after *ln*: at the end of the text, a blank line or a page break
    (a form feed) before the next content line *nxt*."""
    return nxt is None or nxt.index - ln.index > 1 or "\x0c" in nxt.text[: nxt.content_start - nxt.start]


class StandaloneLines:
    """Marks standalone lines (headlines, bylines, labels) and finds labels read inside
    a paragraph; needs the page's column estimates (PageAnalysis)."""

    def _mark_letter_spaced_heads(self, lines: list[Line]) -> None:
        """pdftotext writes a headline set with wide tracking one character at a time
        (``书 香 浸 润 全 城``; a Latin word stays whole: ``“ 村 BA ” 燃 动``; right after
        a byline a number too: ``2.6 万 名 跑 者``), as a block of its own after a blank
        line; a headline holds no clause mark and ends no sentence. A body line spread that wide is a short line
        justified because the number or Latin word opening the next line did not fit
        (``“ 小 城 慢 游 ”`` over ``“City Walk”等……``), after a column break or not."""
        last = None  # the last content line before line i
        for i, ln in enumerate(lines):
            prev, last = last, (last if ln.blank else ln)
            if ln.blank or not ln.has_blank or _CLAUSE_PUNCT.search(ln.collapsed) or ends_sentence(ln.collapsed):
                continue
            own_block = i == 0 or lines[i - 1].blank or "\x0c" in ln.text[: ln.content_start - ln.start]
            if _two_spaced_parts(ln.content):
                # A two-part headline, its phrase gap wider than the tracking, two parts
                # of a length (``留 住 乡 愁 记 忆  守 护 古 村 新 颜``): a headline also
                # where it is no block of its own (columns put back from -layout).
                ln.spaced_head = ln.standalone = True
                continue
            if not own_block:
                continue
            # Right after an article's end (its byline) a spread line is a headline,
            # whatever it holds and whatever follows (a subtitle may open with a number).
            after_article = prev is None or patterns.is_byline(prev.content, bare_names=False)
            if not (_LETTER_SPACED_NUMBER if after_article else _LETTER_SPACED).fullmatch(ln.content):
                continue
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if not after_article and nxt is not None and not nxt.blank and self.first_unit_width(nxt) > 1.0:
                continue
            ln.spaced_head = ln.standalone = True

    def _mark_split_bylines(self, lines: list[Line]) -> None:
        """PyMuPDF ends a line at any wide gap, so ``记者 严谨 通讯员 潘婷`` comes out one
        word per line. Short lines after a sentence end that read together as a keyword
        byline are one byline (also where the article's label was read between the two:
        ``……“双稳定”。`` / ``县农业农村局`` / ``通讯员`` / ``郑丽`` / ``记者`` / ``黄海``)."""
        content = [ln for ln in lines if not ln.blank]
        self.split_bylines = []
        k = 1
        while k < len(content):
            prev = content[k - 1]
            after_end = ends_sentence(prev.collapsed)
            if not after_end and not (k >= 2 and ends_sentence(content[k - 2].collapsed)):
                k += 1  # (the common case, cheaply)
                continue
            word = _BYLINE_WORD.fullmatch(content[k].content) or (content[k].content[:1] in _ROLE_FIRST and _CUT_BYLINE_START.fullmatch(content[k].content))
            if not word or not (after_end or patterns.is_section_label(prev.content)):
                k += 1
                continue
            best = None
            for m in range(k + 1, min(len(content), k + 8)):
                if not _BYLINE_WORD.fullmatch(content[m].content) or content[m].index - content[m - 1].index > 2:
                    break
                if patterns.is_byline(" ".join(ln.content for ln in content[k : m + 1]), bare_names=False):
                    best = m
            if best is None:
                k += 1
                continue
            for ln in content[k : best + 1]:
                ln.byline = True
            self.split_bylines.append((k, best))
            k = best + 1

    def _mark_staircases(self, lines: list[Line]) -> None:
        """Headlines painted twice that come out over several lines stand alone: steps
        of a staircase, and a line repeated on the next line."""
        content = [ln for ln in lines if not ln.blank]
        contents = [ln.content for ln in content]
        self.staircases = dup_glyph.find_staircases(contents)
        for stair in self.staircases:
            for ln in content[stair.first : stair.last + 1]:
                ln.doubled = True  # a headline: stands alone, never joined
        self.repeated_blocks = dup_glyph.repeated_blocks(contents, [ln.index for ln in content])
        for i, k in self.repeated_blocks:
            for ln in content[i : i + 2 * k]:
                ln.doubled = True
        self.repeated_lines = [k for k, (a, b) in enumerate(zip(content, content[1:])) if b.index - a.index <= 2 and dup_glyph.same_line_twice(a.content, b.content)]
        for k in self.repeated_lines:
            content[k].doubled = content[k + 1].doubled = True

    def _check_glued_bylines(self, lines: list[Line]) -> None:
        """A name after a full stop, before a blank line, may just be the next sentence
        cut by a column break (``……26.8%。 区民政`` / blank / ``局负责人表示``). A line
        that ends an article ends short of the margin; if this one fills its column and
        more column text follows, it goes on: no byline. A byline with a role word
        (``记者``, ``文/图``) is one whatever the width."""
        content = [ln for ln in lines if not ln.blank]
        suspects = []
        for k, ln in enumerate(content):
            if ln.glued_byline_at is None or k + 1 >= len(content):
                continue
            nxt = content[k + 1]
            if nxt.standalone or patterns.is_section_label(nxt.content):
                continue
            if patterns.is_byline(ln.text[ln.glued_byline_at - ln.start :], bare_names=False):
                continue  # a role word (记者, 文/图, 摄……) is no sentence going on
            suspects.append((k, ln))
        if not suspects:
            return
        self.__dict__["content_lines"] = content
        undone = False
        for k, ln in suspects:
            collapsed = _drop_spaces(ln.doubling.collapsed if ln.doubling else ln.text)
            whole = _width(width_counts(collapsed), self.punct_width, self.squeeze)
            col, _ = self.column_width(k)
            if col is not None and whole >= col - full_tolerance(col):
                self._undone_bylines.append((ln, ln.glued_byline_at, ln.collapsed, ln.width))
                ln.glued_byline_at = None
                ln.collapsed = collapsed
                ln.width = whole
                undone = True
        if undone:
            self._forget_columns()

    def _check_labels(self, lines: list[Line]) -> None:
        """A paragraph may open with an organisation's name on a line of its own when
        its indent is lost (``区民政局养老服务科`` / ``负责人介绍，专业养老机``). Such a
        line is as wide as a first line (two ems short of the column, or short by the
        unit that did not fit), comes after a sentence end or a headline and before a
        full column line that goes on: running text, no label. A label read inside its
        article is shorter, or is followed by a heading or a paragraph's first line."""
        content = [ln for ln in lines if not ln.blank]
        suspects = [
            k
            for k, ln in enumerate(content[1:-1], 1)
            if ln.label
            and content[k + 1].index == ln.index + 1
            and not (content[k - 1].byline or content[k - 1].label)
            and content[k - 1].glued_byline_at is None
            and not content[k + 1].standalone
            and not ends_sentence(content[k + 1].collapsed)
            and (content[k - 1].standalone or ends_sentence(content[k - 1].collapsed) or self._heading_at(content, k - 1))
        ]
        if not suspects:
            return
        self.__dict__["content_lines"] = content
        undone = False
        for k in suspects:
            ln, nxt = content[k], content[k + 1]
            col = self.column_width(k + 1)[0]  # the column the next line fills, if any
            if col is None:
                continue
            first_line = col - INDENT - INDENT_TOLERANCE - max(0.0, self.first_unit_width(nxt) - 1.0) <= ln.width <= col + wider_tolerance(col)
            if first_line and fills_column(nxt.width, col) and not self._heading_over_wider(content, k + 1, col):
                ln.label = ln.standalone = False
                undone = True
        if undone:
            self._forget_columns()

    def _check_bare_bylines(self, lines: list[Line]) -> None:
        """A bare name after an article's last sentence (``……无偿献血。`` / ``柏青``) is its
        byline where the next article's headline, not painted twice, follows it: a
        line with no clause mark over a subtitle wider than the column
        (``6.8万名考生走进高考考场`` / ``全市设置考点21个、考场2,268个``), or the two parts of
        a two-part headline (``留住乡愁记忆`` / ``守护古村新颜``). A name alone on a line is
        no running text, but a bare name is read as a byline only with such evidence
        that the article ends there."""
        content = [ln for ln in lines if not ln.blank]
        found = [
            k
            for k in range(1, len(content) - 2)
            if len(content[k].collapsed) <= 4
            and not content[k].standalone
            and content[k].glued_byline_at is None
            and ends_sentence(content[k - 1].collapsed)
            and not content[k + 1].standalone
            and _CLAUSE_PUNCT.search(content[k + 1].collapsed) is None
            and patterns.may_be_byline(content[k].content)
            and patterns.is_byline(content[k].content, bare_names=True)
        ]
        if not found:
            return
        self.__dict__["content_lines"] = content
        changed = False
        for k in found:
            col = self.dominant_column(k - 1)
            if (col is not None and self._heading_over_wider(content, k + 1, col)) or _two_parts(content, k + 1):
                content[k].byline = content[k].standalone = True
                changed = True
        if changed:
            self._forget_columns()

    @staticmethod
    def _heading_over_wider(content: list[Line], k: int, col: float) -> bool:
        """Content line *k* is a headline as wide as the column by chance, not running
        text: no clause mark, and the line after it is wider than the column
        (``6.8 万名考生走进高考考场`` over ``全市设置考点21个、考场2,268个``)."""
        return _CLAUSE_PUNCT.search(content[k].collapsed) is None and k + 1 < len(content) and content[k + 1].width > col + wider_tolerance(col)

    @staticmethod
    def _heading_at(content: list[Line], k: int) -> bool:
        """Content line *k* is a headline: no clause mark, at the top of the text or
        after a byline or label."""
        before = content[k - 1] if k else None
        return not _CLAUSE_PUNCT.search(content[k].collapsed) and (before is None or before.standalone or before.glued_byline_at is not None)

    def _mark_bylines_and_labels(self, lines: list[Line]) -> None:
        content = [ln for ln in lines if not ln.blank]
        may_be_byline = patterns.may_be_byline
        may_glue = _lines_matching(_GLUED_BYLINE_ANYWHERE, self.line_text)
        for k, ln in enumerate(content):
            nxt = content[k + 1] if k + 1 < len(content) else None
            prev = content[k - 1] if k else None
            if not ln.doubled and patterns.is_section_label(ln.content) and not _in_column_flow(ln, prev, nxt):
                # A short line that is an organisation's name: never a column line (it
                # would be full) nor a paragraph's last line (it would end a sentence).
                ln.label = ln.standalone = True
                continue
            if may_be_byline(ln.content):
                after_sentence = prev is None or ends_sentence(prev.collapsed) or prev.glued_byline_at is not None
                # A bare name after a sentence closes the article where the column
                # ends, or before a label or a headline painted twice (the next head).
                if patterns.is_byline(ln.content, bare_names=after_sentence and (_column_ends(ln, nxt) or nxt.doubled or patterns.is_section_label(nxt.content))):
                    ln.byline = ln.standalone = True
                    continue
            if ln.index not in may_glue:
                ln.standalone = ln.byline or ln.doubled or ln.spaced_head  # a byline split over lines
                continue
            # Only the tail after the last sentence end can be a byline.
            tail_start = max(0, len(ln.text) - 48)
            m = _GLUED_BYLINE.search(ln.text.rstrip(SPACE_CHARS), tail_start)
            if m and may_be_byline(m.group(1)) and patterns.is_byline(m.group(1), bare_names=True) and self._ends_article(ln, nxt):
                ln.glued_byline_at = ln.start + m.start(1)
                # Measure the line without its byline: the paragraph's real last line.
                body = ln.text[: m.start()]
                ln.collapsed = _drop_spaces(dup_glyph.collapse_line(body))
                ln.width = _width(width_counts(ln.collapsed), self.punct_width, self.squeeze)
            ln.standalone = ln.byline or ln.doubled or ln.spaced_head  # a byline split over lines

    @staticmethod
    def _ends_article(ln: Line, nxt: Line | None) -> bool:
        """A name after a sentence is a byline only where the article ends: at the end of
        the text, before a blank line, or before a label or another byline."""
        if _column_ends(ln, nxt):
            return True
        return patterns.is_section_label(nxt.content) or patterns.is_byline(nxt.content, bare_names=False)

    @cached_property
    def labels_inside(self) -> frozenset[int]:
        """Indices of label lines that an extractor emitted inside a paragraph: the line
        before goes on mid-sentence at the margin of its column, the line after is a line
        of that column. (A label drawn after its article's body comes out where the
        content stream reached it: at the end of the article's part on a page, which may
        be the middle of a sentence the next page continues.)"""
        content = self.content_lines
        out = set()
        for k in [k for k, ln in enumerate(content) if ln.label]:
            if not 0 < k < len(content) - 1:
                continue
            a, c = content[k - 1], content[k + 1]
            if a.standalone or c.standalone or a.glued_byline_at is not None or ends_sentence(a.collapsed):
                continue
            col, _ = self.column_width(k - 1)
            if col is None:
                continue
            # A line that goes on: full, or ending a clause, or a paragraph's first line
            # (two ems short, or a character more where it went down with its mark:
            # ``“孩子在学校里吃得好、学得`` / ``好、玩得好，……``, after a sentence end)
            # that is cut there, or short of the margin by the number opening the line
            # after the label (it did not fit).
            first_line = (first_line_width(a.width, col) or _short_by_kinsoku(a, c, col)) and k >= 2 and not content[k - 2].standalone and ends_sentence(content[k - 2].collapsed)
            goes_on = ends_comma(a.collapsed) or ends_continuing(a.collapsed) or a.width >= col - full_tolerance(col) or first_line or self.unit_did_not_fit(a, c, col)
            if goes_on and c.width <= col + wider_tolerance(col):
                out.add(content[k].index)
        return frozenset(out)
