"""quote-pairs: straight quotes in Chinese text, and quotes or brackets left unpaired.

What it detects
    Straight quotes typed on a Western keyboard (``他说:"要把'两个先行'落到实处"``);
    quotes turned the wrong way (``践行”八八战略“``); an opening quote, bracket or
    title mark with no partner in its paragraph (``学习《条例`` …, ``“我们要……。``).
Why
    Chinese print uses curly quotes, double outside and single inside (GB/T 15834).
    A straight ``"`` does not say whether it opens or closes, so straight quotes are
    paired by their order in the paragraph together with the curly ones there: the
    first opens, the next closes. Only pairs that hold or touch Chinese are converted
    (LIKELY); ``He said "yes"`` in a Latin sentence and apostrophes (``Xi'an``,
    ``it's``) are left alone; an odd straight quote out is converted by its order but
    only asked (DOUBTFUL).

    A missing partner cannot be placed by a machine: the closing quote of a speech may
    belong after any of its sentences. But a :class:`~app.fixes.Fix` needs a real edit
    (an empty-effect edit is not allowed), and a flag the editor cannot act on is
    easily lost. So an unpaired mark is reported as a DOUBTFUL fix that inserts the
    missing mark at the paragraph's end (a missing opening mark: at its start), worded
    as a question. It is never applied by default; accepting it is the editor's answer
    "yes, there", and rejecting it leaves the text as it was. Quotes turned the wrong
    way (the marks of a paragraph, read in order, do not alternate open-close) are
    asked about as a swap. A quotation running over several paragraphs (each opens
    with ``“``, only the last closes) is the convention, not an error.

    Paragraph breaks in extracted text are guesses, so a mark left open is first
    looked for in the next three paragraphs: if one of them starts by closing it
    (``《人工智能`` / ``产业发展行动计划》``, ``（记者`` / ``赵磊）``) the stretch is one.
    Marks doubled by faux bold (``““八八战略””``, or ``懂“`` / ``“八`` one pair per
    line) are left to dup-glyph, and columns extracted side by side (lines with wide
    gaps of spaces, ``pdftotext -layout``) are not in reading order and not checked.
Example
    ``他说:"要把'两个先行'落到实处"。`` — ``区委组织部召开部委理论学习中心组学习（扩大会议。``
Fixed
    ``他说:“要把‘两个先行’落到实处”。`` — asked: ``……学习（扩大会议。）``?
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..fixes import Category, Confidence, Edit, Fix
from ..page_lines import Paragraph
from ..text import FULLWIDTH_PUNCT, SPACE_CHARS, in_spans, is_cjk, link_spans

RULE_ID = "quote-pairs"
CATEGORY = Category.PUNCTUATION

# Brackets and title marks, paired by nesting; half-width parentheses count with the
# full-width ones but are never reported themselves (``1)`` numbers a list).
BRACKETS = {"（": "）", "《": "》", "〈": "〉", "【": "】", "「": "」", "『": "』", "〔": "〕", "〖": "〗"}
HALF = {"(": "（", ")": "）"}
# Quotes, paired by order: (opening, closing, straight).
QUOTES = (("“", "”", '"'), ("‘", "’", "'"))
_SEE_THROUGH = SPACE_CHARS + "\n"
LOOKAHEAD = 3  # paragraphs after an unclosed mark searched for its partner
_CLOSER = {**BRACKETS, "“": "”", "‘": "’"}
_COLUMN_GAP = re.compile(f"[^{SPACE_CHARS}][{SPACE_CHARS}]{{4,}}[^{SPACE_CHARS}]")
_MARKS = re.compile("[" + re.escape("".join(_CLOSER) + "".join(_CLOSER.values()) + "\"'()") + "]")
_OPENER = {v: k for k, v in _CLOSER.items()}
_BRACKET_MARKS = set(BRACKETS) | set(BRACKETS.values()) | set(HALF)
_NAMES = {
    "“": "前引号",
    "”": "后引号",
    "‘": "前单引号",
    "’": "后单引号",
    "（": "前括号",
    "）": "后括号",
    "《": "前书名号",
    "》": "后书名号",
    "〈": "前单书名号",
    "〉": "后单书名号",
    "【": "前方头括号",
    "】": "后方头括号",
    "「": "前直角引号",
    "」": "后直角引号",
    "『": "前双直角引号",
    "』": "后双直角引号",
    "〔": "前六角括号",
    "〕": "后六角括号",
    "〖": "前方头括号",
    "〗": "后方头括号",
}


def _zh(ch: str) -> bool:
    return bool(ch) and (is_cjk(ch) or ch in FULLWIDTH_PUNCT)


def _visible(text: str, pos: int, step: int) -> str:
    while 0 <= pos < len(text) and text[pos] in _SEE_THROUGH:
        pos += step
    return text[pos] if 0 <= pos < len(text) else ""


def _apostrophe(text: str, i: int) -> bool:
    """``it's``, ``Xi'an``, ``Xi’an``, ``90's``, ``5'10``: not a quote."""
    left = text[i - 1] if i else ""
    right = text[i + 1] if i + 1 < len(text) else ""
    return left.isascii() and left.isalnum() and (right.isascii() and right.isalnum() or left.isdigit())


def _doubled(para) -> bool:
    return any(ln.doubling is not None and (ln.doubling.whole or ln.doubling.strong) for ln in para.lines)


def _end_of(analysis, para) -> int:
    """Where a missing closing mark would go: after the paragraph's last character,
    before a byline glued to it."""
    last = para.lines[-1]
    if last.glued_byline_at is None:
        return para.end
    end = last.glued_byline_at
    while end > last.content_start and analysis.text[end - 1] in SPACE_CHARS:
        end -= 1
    return end


@dataclass
class _Balance:
    """What is left unpaired among the marks of a stretch of text."""

    unclosed: list[tuple[int, str]] = field(default_factory=list)  # (position, opening mark)
    orphans: list[tuple[int, str]] = field(default_factory=list)  # (position, closing mark)
    swaps: list[Fix] = field(default_factory=list)  # marks turned the wrong way

    def families(self, which: str) -> set[str]:
        marks = self.unclosed if which == "unclosed" else self.orphans
        return {_OPENER.get(c, c) for _, c in marks}


def _side_by_side(para) -> bool:
    """Columns extracted side by side (``pdftotext -layout``): lines with wide gaps of
    spaces are not in reading order, and marks in them cannot be paired."""
    return any(ln.has_blank and _COLUMN_GAP.search(ln.text.strip(SPACE_CHARS)) for ln in para.lines)


def check(analysis) -> list[Fix]:
    fixes, stretch = _read_paragraphs(analysis)
    return fixes + _unpaired(analysis, stretch)


def check_defaults(analysis) -> list[Fix]:
    """The fixes of :func:`check` that may apply by default: the straight quotes (a
    mark left unpaired or turned the wrong way is only ever asked about): none in a
    text without a straight quote, which spares reading its paragraphs."""
    if not any(straight in analysis.text for _, _, straight in QUOTES):
        return []
    return _read_paragraphs(analysis)[0]


_Stretch = list[tuple[Paragraph, list[int]] | None]


def _read_paragraphs(analysis) -> tuple[list[Fix], _Stretch]:
    """The straight-quote fixes, and each paragraph with its marks to pair (None for a
    paragraph that cannot be read)."""
    text = analysis.text
    links = link_spans(text)
    doubled = _doubled_marks(text)
    paragraphs = analysis.paragraphs
    fixes: list[Fix] = []
    stretch: _Stretch = []
    for para in paragraphs:
        if _doubled(para) or _side_by_side(para):
            stretch.append(None)
            continue
        found = [m.start() for m in _MARKS.finditer(text, para.start, _end_of(analysis, para))]
        found = [i for i in found if i not in doubled and not (links and in_spans(i, links))]
        if not found:
            stretch.append((para, []))  # most paragraphs of running text
            continue
        marks = []
        for opening, closing, straight in QUOTES:
            family = [i for i in found if text[i] in (opening, closing, straight)]
            if opening == "‘":
                family = [i for i in family if text[i] == opening or not _apostrophe(text, i)]
            if any(text[i] == straight for i in family):
                # Straight quotes are paired in their paragraph and converted; the
                # kind is not checked for balance here.
                fixes.extend(_straight(text, family, opening, closing, straight))
                continue
            marks.extend(family)
        marks.extend(i for i in found if text[i] in _BRACKET_MARKS)
        stretch.append((para, sorted(marks)))
    return fixes, stretch


def _unpaired(analysis, stretch: _Stretch) -> list[Fix]:
    """Questions about the marks left unpaired or turned the wrong way. Paragraph
    breaks in extracted text are guesses: when a paragraph leaves a mark open and one
    of the next few starts by closing it (``《人工智能`` / ``产业发展行动计划》``,
    ``（记者`` / ``安然`` / ``施晓）``), they are paired as one stretch."""
    text = analysis.text
    fixes: list[Fix] = []
    k = 0
    while k < len(stretch):
        if stretch[k] is None:
            k += 1
            continue
        unit, marks = [stretch[k][0]], list(stretch[k][1])
        last = k
        if not marks:
            k += 1  # nothing to pair, nothing to report
            continue
        balance = _balance(text, marks)
        while open_kinds := balance.families("unclosed"):
            partner = None
            for j in range(last + 1, min(last + 1 + LOOKAHEAD, len(stretch))):
                if stretch[j] is None:
                    break
                if _balance(text, stretch[j][1]).families("orphans") & open_kinds:
                    partner = j
                    break
            if partner is None:
                break
            for para, more in stretch[last + 1 : partner + 1]:
                unit.append(para)
                marks.extend(more)
            last = partner
            balance = _balance(text, marks)
        nxt = stretch[last + 1][0] if last + 1 < len(stretch) and stretch[last + 1] is not None else None
        fixes.extend(_report(analysis, unit, balance, nxt))
        k = last + 1
    return fixes


def _report(analysis, unit: list, b: _Balance, nxt) -> list[Fix]:
    """The fixes for the paragraphs of *unit*, whose marks left *b* unpaired."""
    text = analysis.text
    fixes = list(b.swaps)
    start, end = unit[0].start, _end_of(analysis, unit[-1])
    # A quotation over several paragraphs opens each and closes only the last.
    continued = nxt is not None and text[nxt.start] == "“"
    at_end = [(i, _CLOSER[o]) for i, o in b.unclosed if not (continued and o == "“")]
    at_start = [c for _, c in b.orphans]
    where, where_en = ("本段", "this paragraph") if len(unit) == 1 else ("这几段", "these paragraphs")
    if at_end:
        closers = "".join(c for _, c in sorted(at_end, reverse=True))
        names = "、".join(f"{_NAMES[_OPENER[c]]} {_OPENER[c]} " for _, c in sorted(at_end))
        zh = f"{where}的{names}没有配对：是否在段末补上 {closers} ？请对照原文确定位置"
        en = f"Unclosed mark(s) in {where_en}: add {closers} at the end? Check the original for the place"
        fixes.append(Fix(RULE_ID, (Edit(end, end, closers),), CATEGORY, Confidence.DOUBTFUL, zh, en, (("kind", "unclosed"),)))
    if at_start:
        openers = "".join(_OPENER[c] for c in at_start)
        names = "、".join(f"{_NAMES[c]} {c} " for c in at_start)
        zh = f"{where}的{names}前面没有配对：是否在段首补上 {openers} ？请对照原文确定位置"
        en = f"Closing mark(s) without an opening one in {where_en}: add {openers} at the start? Check the original for the place"
        fixes.append(Fix(RULE_ID, (Edit(start, start, openers),), CATEGORY, Confidence.DOUBTFUL, zh, en, (("kind", "unopened"),)))
    return fixes


def _doubled_marks(text: str) -> set[int]:
    """Marks repeated with nothing but spaces or line breaks between (``懂“`` / ``“八``):
    faux-bold doubling that dup-glyph did not see, never real punctuation."""
    out: set[int] = set()
    prev = None
    for m in _MARKS.finditer(text):
        i = m.start()
        if prev is not None and text[prev] == text[i] and text[i] not in "\"'()" and not text[prev + 1 : i].strip(SPACE_CHARS + "\n"):
            out.update((prev, i))
        prev = i
    return out


# Which family each mark belongs to (a half-width bracket with its full-width pair).
_QUOTE_FAMILY = {c: (o, cl) for o, cl, _ in QUOTES for c in (o, cl)}
_BRACKET_FAMILY = {c: (o, cl) for o, cl in BRACKETS.items() for c in (o, cl)}
_BRACKET_FAMILY.update({half: _BRACKET_FAMILY[full] for half, full in HALF.items()})


def _balance(text: str, marks: list[int]) -> _Balance:
    """Quotes by order (they must alternate open, close), brackets by nesting."""
    out = _Balance()
    quotes: dict[tuple[str, str], list[int]] = {}
    brackets: dict[tuple[str, str], list[int]] = {}
    for i in marks:  # one pass sorts the marks into their families, in text order
        ch = text[i]
        if ch in _QUOTE_FAMILY:
            quotes.setdefault(_QUOTE_FAMILY[ch], []).append(i)
        if ch in _BRACKET_FAMILY:
            brackets.setdefault(_BRACKET_FAMILY[ch], []).append(i)
    for opening, closing, _ in QUOTES:
        if (opening, closing) in quotes:
            _order(text, quotes[(opening, closing)], opening, closing, out)
    for opening, closing in BRACKETS.items():
        if (opening, closing) in brackets:
            _nesting(text, brackets[(opening, closing)], opening, closing, out)
    return out


def _shown(text: str, a: int, b: int) -> str:
    shown = text[a : b + 1] if b - a <= 20 else text[a : a + 10] + "…" + text[b - 8 : b + 1]
    return shown.replace("\n", "")


def _order(text: str, marks: list[int], opening: str, closing: str, out: _Balance) -> None:
    expected = [opening if n % 2 == 0 else closing for n in range(len(marks))]
    actual = [text[i] for i in marks]
    if actual == expected[: len(actual)]:
        if len(marks) % 2:
            out.unclosed.append((marks[-1], opening))  # the last one opens and is not closed
        return
    if len(marks) % 2 == 0:
        wrong = [i for i, a, e in zip(marks, actual, expected) if a != e]
        edits = tuple(Edit(i, i + 1, opening if text[i] == closing else closing) for i in wrong)
        shown = _shown(text, marks[0], marks[-1])
        zh = f"引号方向颠倒（{shown}）：{opening}与{closing}应成对交替，是否改正？"
        en = f"Quotes turned the wrong way ({shown}): {opening} and {closing} should alternate; correct them?"
        out.swaps.append(Fix(RULE_ID, edits, CATEGORY, Confidence.DOUBTFUL, zh, en, (("kind", "direction"),)))
    elif actual == expected[1:] + [closing]:
        out.orphans.append((marks[0], closing))  # the first one closes a quote never opened
    else:
        out.unclosed.append((marks[-1], opening))


def _nesting(text: str, marks: list[int], opening: str, closing: str, out: _Balance) -> None:
    """Brackets and title marks: （ with ）, 《 with 》; a swapped pair (``）扩大（``) is
    a swap, a lone mark a missing partner. Half-width parentheses pair with the
    full-width ones but are never reported (``1)`` numbers a list)."""
    stack: list[int] = []
    lone: list[int] = []
    for i in marks:
        if HALF.get(text[i], text[i]) == opening:
            stack.append(i)
        elif stack:
            stack.pop()
        elif text[i] not in HALF:
            lone.append(i)
    unclosed = [i for i in stack if text[i] not in HALF]
    if lone and len(lone) == len(unclosed) and all(a < b for a, b in zip(lone, unclosed)):
        edits = tuple(Edit(i, i + 1, opening) for i in lone) + tuple(Edit(i, i + 1, closing) for i in unclosed)
        shown = _shown(text, lone[0], unclosed[-1])
        zh = f"{_NAMES[opening][1:]}方向颠倒（{shown}）：{opening}与{closing}应成对，是否改正？"
        en = f"{opening}{closing} turned the wrong way ({shown}); correct them?"
        out.swaps.append(Fix(RULE_ID, edits, CATEGORY, Confidence.DOUBTFUL, zh, en, (("kind", "direction"),)))
        return
    out.unclosed.extend((i, opening) for i in unclosed)
    out.orphans.extend((i, closing) for i in lone)


def _straight(text: str, marks: list[int], opening: str, closing: str, straight: str) -> list[Fix]:
    """Pair the marks of one kind by order, curly and straight together, and convert
    the straight ones of pairs in Chinese context."""
    fixes: list[Fix] = []
    open_at: int | None = None
    pairs: list[tuple[int, int | None]] = []
    for i in marks:
        c = text[i]
        if c == opening or (c == straight and open_at is None):
            if open_at is not None:
                pairs.append((open_at, None))
            open_at = i
        elif open_at is not None:
            pairs.append((open_at, i))
            open_at = None
        elif c == straight:
            pairs.append((i, None))
    if open_at is not None:
        pairs.append((open_at, None))
    for o, c in pairs:
        straights = [p for p in (o, c) if p is not None and text[p] == straight]
        if not straights:
            continue
        if c is None:
            # An odd one out: converted by its order, but only asked.
            if not (_zh(_visible(text, o - 1, -1)) or _zh(_visible(text, o + 1, 1))):
                continue
            edits = (Edit(o, o + 1, opening),)
            shown = text[max(0, o - 4) : o + 5].replace("\n", "")
            zh = f"直引号无法配对（{shown}）：是{_NAMES[opening]} {opening} 吗？"
            en = f"Straight quote without a partner ({shown}): an opening {opening}?"
            fixes.append(Fix(RULE_ID, edits, CATEGORY, Confidence.DOUBTFUL, zh, en, (("kind", "straight"),)))
            continue
        content = text[o + 1 : c]
        if not (any(is_cjk(ch) for ch in content) or _zh(_visible(text, o - 1, -1)) or _zh(_visible(text, c + 1, 1))):
            continue  # a Latin quotation: He said "yes".
        edits = tuple(Edit(p, p + 1, opening if p == o else closing) for p in straights)
        shown = text[o : c + 1] if c - o <= 16 else text[o : o + 8] + "…" + text[c - 6 : c + 1]
        shown = shown.replace("\n", "")
        zh = f"中文里的直引号{shown}应为弯引号{opening}{closing}"
        en = f"Straight quotes in Chinese text {shown}: use {opening}{closing}"
        fixes.append(Fix(RULE_ID, edits, CATEGORY, Confidence.LIKELY, zh, en, (("kind", "straight"),)))
    return fixes
