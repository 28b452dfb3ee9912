"""stray-space: spaces the extractor invented, and odd whitespace.

What it detects
    Justified columns make extractors insert spaces after full-width punctuation
    (``精神， 研究``), between digits and CJK (``6 月 22 日``), around operators
    (``党建 + 检察``), between ideographs, at line starts and ends; and leave odd
    whitespace (tabs, no-break and ideographic spaces, zero-width characters).
Why
    Newspaper (print) style has no space in any of those places (GB/T 15834). But a
    space can be meant: between the two phrases of a headline
    (``践行“八八战略” 投身“两个先行”``) or of a slogan (``“法安衢江 我心向党”``); such
    spaces are asked about (a wide gap keeps one space by default, ``青年说理论  宣讲接地气``
    → ``青年说理论 宣讲接地气``, and asks about that one), never removed by default, unless the line shows the
    extractor spacing its quote marks apart (a space just inside a quote mark, which no
    one means: ``老旧小区“ 改” 出幸福新生活``). The web style (spaces between CJK and
    Latin or digits, as pangu does) keeps those spaces.
Example
    ``6 月 27 日上午，区委组织部`` — ``区委常委、 组织部部长`` — ``“5G+ 急救”`` —
    ``1.8% 和`` — ``建 成 5G 基 站 1.8 万 个`` (a letter-spaced headline)
Fixed
    ``6月27日上午，区委组织部`` — ``区委常委、组织部部长`` — ``“5G+急救”`` — ``1.8%和`` —
    ``建成5G基站1.8万个``
"""

from __future__ import annotations

import re
from bisect import bisect_left

import regex

from ..fixes import Category, Confidence, Edit, Fix, kind_detail
from ..page_lines import TWO_PART_HEADLINE
from ..text import (
    CJK_CLASS,
    CJK_RE,
    CLOSING_PUNCT,
    FULLWIDTH_PUNCT,
    OPENING_PUNCT,
    SPACE_CHARS,
    ZERO_WIDTH_CHARS,
    is_cjk,
    is_fullwidth_punct,
)

RULE_ID = "stray-space"
CATEGORY = Category.SPACING
DEFAULT_OPTIONS = {"style": "print"}

# Runs of whitespace and invisible characters inside a line.
_RUN = re.compile(f"[{SPACE_CHARS}{ZERO_WIDTH_CHARS}]+")
_OPERATORS = "+=×÷&/|~-"
_PHRASE_STOP = FULLWIDTH_PUNCT + SPACE_CHARS + "\n"


def _fix(start: int, end: int, repl: str, conf: Confidence, zh: str, en: str, kind: str) -> Fix:
    return Fix(RULE_ID, (Edit(start, end, repl),), CATEGORY, conf, zh, en, kind_detail(kind))


def _reach(text: str, pos: int, step: int, skip: dict[int, int]) -> tuple[int, str]:
    """Length of the run of CJK characters from *pos* going left (step -1) or right
    (step 1), and the character that ends it ("\n" at the text's edge). Stretches in
    *skip* (first position in the reading direction → the position past them) are
    read through: what the suggested version removes."""
    n = 0
    size = len(text)
    while 0 <= pos < size:
        if is_cjk(text[pos]):
            n += 1
            pos += step
        elif pos in skip:
            pos = skip[pos]
        else:
            return n, text[pos]
    return n, "\n"


def _is_slogan_space(text: str, start: int, end: int, back: dict[int, int] | None = None, fwd: dict[int, int] | None = None) -> bool:
    """Two parallel phrases of equal length (2–8 ideographs), each bounded by
    punctuation, a space that stays or the paragraph's edge: ``法安衢江 我心向党``,
    ``新时代 新征程``. The phrases are read as the suggested version will show them
    (*back* / *fwd*: the spaces it removes and the line breaks it joins), so that a
    second pass over it judges the space the same way."""
    left, before = _reach(text, start - 1, -1, back or {})
    right, after = _reach(text, end, 1, fwd or {})
    return 2 <= left <= 8 and left == right and before in _PHRASE_STOP and after in _PHRASE_STOP


def check(analysis, options: dict | None = None) -> list[Fix]:
    style = (options or DEFAULT_OPTIONS).get("style", "print")
    text = analysis.text
    body = analysis.body_lines
    fixes: list[Fix] = []
    removed: list[tuple[int, int]] = []  # spans this rule removes by default
    slogans: list[tuple[int, int]] = []  # spaces between ideographs in running text
    for line in analysis.lines:
        if not line.has_blank:
            continue  # nothing for this rule in a line without a space
        if line.blank:
            if line.end > line.start:
                fixes.append(_fix(line.start, line.end, "", Confidence.SURE, "空行中的空格", "Spaces on an empty line", "blank-line"))
            continue
        if line.label or line.byline:
            limit = line.content_start  # keep the spaces inside a byline (记者 张三)
        elif line.glued_byline_at is not None:
            limit = line.glued_byline_at
        else:
            limit = line.content_end
        in_body = line.index in body
        if line.content_start > line.start:
            fixes.append(_fix(line.start, line.content_start, "", Confidence.SURE, "行首多余空白", "Whitespace at the start of a line", "line-start"))
        if line.end > line.content_end:
            fixes.append(_fix(line.content_end, line.end, "", Confidence.SURE, "行尾多余空白", "Whitespace at the end of a line", "line-end"))
        spaced = _letter_spaced(text, line.content_start, limit, style)
        if not spaced and not in_body:
            spaced = _unevenly_spaced(text, line.content_start, limit)
        taken = _NONE_TAKEN  # most lines hold no letter-spaced run
        if spaced:
            fixes.extend(f for f, _ in spaced)
            taken = {pos for _, positions in spaced for pos in positions}
            removed.extend((pos, pos + 1) for pos in taken)
        for m in _RUN.finditer(text, line.content_start, limit):
            start, end = m.span()
            if start in taken or (line.glued_byline_at is not None and end >= line.glued_byline_at):
                continue
            if in_body and is_cjk(text[start - 1]) and is_cjk(text[end]) and not _invisible_only(text, start, end):
                slogans.append((start, end))  # settled below, together
                continue
            fix = _judge(text, start, end, in_body, style)
            if fix is not None:
                fixes.extend(_one_space_asked(text, fix))
                if fix.confidence is not Confidence.DOUBTFUL and not fix.edits[0].replacement:
                    removed.append((start, end))
    if slogans:
        fixes.extend(_settle_slogans(analysis, slogans, removed))
    return fixes


_NONE_TAKEN: frozenset[int] = frozenset()
_REACH = 64  # characters around a slogan space within which line joins are read through


def _gap_end(gap) -> int:
    return gap.before.content_end


def _invisible_only(text: str, start: int, end: int) -> bool:
    return not text[start:end].strip(ZERO_WIDTH_CHARS)


def _settle_slogans(analysis, slogans: list[tuple[int, int]], removed: list[tuple[int, int]]) -> list[Fix]:
    """Spaces between ideographs in running text: kept (asked about) between two
    parallel phrases, removed otherwise. A phrase reads through the spaces removed and
    the line breaks joined by default, and ends at punctuation, a space that stays or a
    paragraph's edge. Removing one space can lengthen the phrase next to another, so the
    spaces are settled together: all start as kept, and those that fail the test go,
    until none does."""
    text = analysis.text
    fwd = {start: end for start, end in removed}
    back = {end - 1: start - 1 for start, end in removed}

    def skip(start: int, end: int) -> None:
        fwd[start] = end
        back[end - 1] = start - 1

    # The joins a phrase can reach: those near a candidate (a phrase has at most eight
    # ideographs, but a line may hold fewer).
    gaps = analysis.gaps
    for start, end in slogans:
        g = bisect_left(gaps, start - _REACH, key=_gap_end)
        while g < len(gaps) and _gap_end(gaps[g]) <= end + _REACH:
            gap = gaps[g]
            if gap.default_join and gap.reason != TWO_PART_HEADLINE:  # (that join keeps a space)
                skip(gap.before.content_end, gap.after.content_start)
            g += 1
    kept = set(slogans)
    changed = True
    while changed:
        changed = False
        for start, end in slogans:
            if (start, end) in kept and not _is_slogan_space(text, start, end, back, fwd):
                kept.discard((start, end))
                skip(start, end)
                changed = True
    return [f for start, end in slogans for f in _one_space_asked(text, _cjk_space_fix(start, end, _shown(text, start, end), (start, end) in kept))]


def _one_space_asked(text: str, fix: Fix) -> list[Fix]:
    """A question about a run of spaces between two phrases (``青年说理论  宣讲接地气``,
    a wide gap in the extraction) asks about one space; the others go by default: the
    phrases keep one space between them, or none when the editor says so."""
    edit = fix.edits[0]
    if fix.confidence is not Confidence.DOUBTFUL or edit.end - edit.start < 2 or text.count(" ", edit.start, edit.end) != edit.end - edit.start:
        return [fix]
    shown = _shown(text, edit.start, edit.end)
    extra = _fix(edit.start + 1, edit.end, "", Confidence.SURE, f"短语之间的多个空格“{shown}”：保留一个", f"Repeated spaces between two phrases “{shown}”: one is kept", "repeated")
    asked = Fix(RULE_ID, (Edit(edit.start, edit.start + 1, ""),), CATEGORY, fix.confidence, fix.message_zh, fix.message_en, fix.detail)
    return [asked, extra]


def _shown(text: str, start: int, end: int) -> str:
    """A space run with its neighbours, tabs and ideographic spaces made visible."""
    return f"{text[start - 1]}{text[start:end]}{text[end]}".replace("\u3000", "□").replace("\t", "→")


def _cjk_space_fix(start: int, end: int, shown: str, kept: bool) -> Fix:
    """A space between two ideographs: a question where it may be meant (*kept*: a
    slogan or headline separator), else removed."""
    if kept:
        return _fix(start, end, "", Confidence.DOUBTFUL, f"汉字之间的空格“{shown}”：可能是标语或标题的分隔，请确认", f"Space between two phrases “{shown}”: may be a slogan or headline separator", "phrase")
    return _fix(start, end, "", Confidence.LIKELY, f"汉字之间的多余空格“{shown}”", f"Space between Chinese characters “{shown}”", "cjk")


# Four or more ideographs or marks each followed by one space: letter-spaced setting
# (a headline spread to its width), which pdftotext renders as ``溪 南 互 通 正 式``.
_LETTER_SPACED = regex.compile(f"(?:[{CJK_CLASS}{regex.escape(FULLWIDTH_PUNCT)}] ){{3,}}[{CJK_CLASS}{regex.escape(FULLWIDTH_PUNCT)}]")
# The same with numbers and Latin words among the letters (``建 成 5G 基 站 1.8 万 个``):
# each painted as one unit, never two of them in a row (that is a Latin phrase).
_C = f"[{CJK_CLASS}{regex.escape(FULLWIDTH_PUNCT)}]"
_A = "[A-Za-z0-9][A-Za-z0-9.,%+]*"
_LETTER_SPACED_UNITS = regex.compile(f"(?:{_A} )?(?:{_C} (?:{_A} )?){{3,}}{_C}(?: {_A}(?![ ]?[A-Za-z0-9]))?")


def _letter_spaced(text: str, start: int, end: int, style: str = "print") -> list[tuple[Fix, list[int]]]:
    """One fix per letter-spaced run: every space inside it goes (likely: a phrase gap
    that was wider than the letter spacing cannot be told apart in the text)."""
    out = []
    if text.count(" ", start, end) < 3:
        return out  # a run spaces at least four letters: most lines have fewer spaces
    # Print style has no space between CJK and Latin or digits, so a letter-spaced run
    # with numbers in it goes as a whole; the web style keeps those spaces.
    pattern = _LETTER_SPACED_UNITS if style == "print" else _LETTER_SPACED
    for m in pattern.finditer(text, start, end):
        positions = [i for i in range(m.start(), m.end()) if text[i] == " "]
        word = text[m.start() : m.end()].replace(" ", "")
        edits = tuple(Edit(i, i + 1, "") for i in positions)
        fix = Fix(RULE_ID, edits, CATEGORY, Confidence.LIKELY, f"字间加空格的排版（字距）：“{text[m.start():m.end()]}”应为“{word}”", f"Letter-spaced setting: “{text[m.start():m.end()]}” reads “{word}”", kind_detail("letter-spacing"))
        out.append((fix, positions))
    return out


_CJK_OR_MARK = regex.compile(f"[{CJK_CLASS}{regex.escape(FULLWIDTH_PUNCT)}]")


def _unevenly_spaced(text: str, start: int, end: int) -> list[tuple[Fix, list[int]]]:
    """A line outside running text whose letter spacing the extractor wrote as spaces
    here and there: pdfminer writes a space wherever the gap between two glyphs passes
    a tenth of an em, so a headline spread by about that much comes out with spaces at
    random places (``抢抓 农 时备 春 耕``, ``消防安全 “大 体 检”守护群 众平 安``). The
    evidence is a lone ideograph: a piece between two spaces (or a space and the line's
    edge) that holds one ideograph and nothing but marks besides (``农``, ``“大``);
    no phrase is one character. Then every single space between two ideographs or
    marks in the line is the extractor's: one fix removes them all (likely: a phrase
    gap, ``读懂“八八战略” 走好新的赶考路``, cannot be told from the others there). A
    two-part headline (``践行“八八战略” 投身“两个先行”``), a slogan (``法安衢江 我心向党``),
    a line with digits or Latin in its pieces (``6.8万名考生 走进高考考场``) has no lone
    ideograph and stays a question."""
    if text.count(" ", start, end) < 1:
        return []
    pieces = text[start:end].split(" ")
    if any(not p for p in pieces):
        return []  # a run of spaces: a wide gap, meant or a column's edge
    lone = any(len(CJK_RE.findall(p)) == 1 and len(_CJK_OR_MARK.findall(p)) == len(p) for p in pieces)
    if not lone:
        return []
    positions = [i for i in range(start, end) if text[i] == " " and _CJK_OR_MARK.match(text[i - 1]) and _CJK_OR_MARK.match(text[i + 1])]
    if not positions:
        return []
    shown = text[start:end]
    gone = set(positions)
    word = "".join(text[i] for i in range(start, end) if i not in gone)
    edits = tuple(Edit(i, i + 1, "") for i in positions)
    fix = Fix(RULE_ID, edits, CATEGORY, Confidence.LIKELY, f"字距不匀处被写成空格：“{shown}”应为“{word}”", f"Uneven letter spacing written as spaces: “{shown}” reads “{word}”", (("kind", "letter-spacing"),))
    return [(fix, positions)]


def _judge(text: str, start: int, end: int, in_body: bool, style: str) -> Fix | None:
    run = text[start:end]
    if _invisible_only(text, start, end):
        return _fix(start, end, "", Confidence.SURE, "不可见字符（零宽空格、软连字符或BOM）", "Invisible character (zero-width space, soft hyphen or BOM)", "zero-width")
    fix = _judge_space(text, start, end, in_body, style)
    if fix is None and run != " " and (text[start - 1].isascii() or text[end].isascii()):
        return _fix(start, end, " ", Confidence.SURE, "异常空白（制表符、不换行空格、零宽字符或多个空格）", "Odd whitespace (tab, no-break space, zero-width character or repeated spaces)", "odd")
    return fix


def _judge_space(text: str, start: int, end: int, in_body: bool, style: str) -> Fix | None:
    left, right = text[start - 1], text[end]
    run = text[start:end]
    # Zero-width characters between the run and its neighbours are handled apart.
    cjk_l, cjk_r = is_cjk(left), is_cjk(right)
    punct_l, punct_r = is_fullwidth_punct(left), is_fullwidth_punct(right)
    shown = _shown(text, start, end)
    if punct_l or punct_r:
        if not in_body and (cjk_l or left in CLOSING_PUNCT) and (cjk_r or right in OPENING_PUNCT) and not _quoted_term_opens(text, start) and not _quotes_spaced(text, start):
            return _fix(start, end, "", Confidence.DOUBTFUL, f"标题中两个短语之间的空格“{shown}”：可能有意为之，请确认", f"Space between two phrases of a headline “{shown}”: may be intended", "phrase")
        quote = left in "“”‘’" or right in "“”‘’"
        conf = Confidence.LIKELY if quote else Confidence.SURE
        return _fix(start, end, "", conf, f"全角标点旁的多余空格“{shown}”", f"Space next to full-width punctuation “{shown}”", "punct")
    if cjk_l and cjk_r:
        # Outside running text (headlines, labels): a question. In running text these
        # spaces never come here: check() settles them together (_settle_slogans).
        return _cjk_space_fix(start, end, shown, kept=True)
    # An operator between ideographs: 党建 + 检察
    if (left in _OPERATORS and _word_char(_prev_visible(text, start - 2)) and cjk_r) or (right in _OPERATORS and _word_char(_next_visible(text, end + 1)) and cjk_l) or (left in _OPERATORS and is_cjk(_prev_visible(text, start - 2))) or (right in _OPERATORS and is_cjk(_next_visible(text, end + 1))):
        if cjk_l or cjk_r:
            return _fix(start, end, "", Confidence.LIKELY, f"运算符两侧的多余空格“{shown}”", f"Space around an operator between Chinese words “{shown}”", "operator")
    # A percentage ends a number: ``1.8% 和`` is a number next to an ideograph.
    latin_l = left.isascii() and (left.isalnum() or (left == "%" and text[start - 2 : start - 1].isdigit()))
    latin_r = right.isascii() and right.isalnum()
    if (cjk_l and latin_r) or (latin_l and cjk_r):
        digit = left.isdigit() or right.isdigit() or left == "%"
        if style == "web":
            if run != " ":
                return _fix(start, end, " ", Confidence.SURE, f"中西文之间应为一个普通空格“{shown}”", f"One plain space between CJK and Latin “{shown}”", "width")
            return None
        conf = Confidence.SURE if digit else Confidence.LIKELY
        what = "数字" if digit else "西文"
        return _fix(start, end, "", conf, f"汉字与{what}之间的多余空格“{shown}”（报纸排版不加空格）", f"Space between Chinese and {'digits' if digit else 'Latin'} “{shown}” (print style has none)", "cjk-latin")
    return None


def _quoted_term_opens(text: str, start: int) -> bool:
    """``“双减” 让课后服务…``, ``以“法安衢江” 品牌…``: the space follows a closing quote whose
    phrase has at most one ideograph outside the quotes, a term, not the first phrase of
    a two-part headline (``践行“八八战略” 投身“两个先行”``)."""
    if text[start - 1] not in "”’":
        return False
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    opening = head.rfind("“" if text[start - 1] == "”" else "‘")
    if opening < 0:
        return False
    outside = head[:opening]
    return sum(1 for c in outside if is_cjk(c)) <= 1


def _quotes_spaced(text: str, start: int) -> bool:
    """Does the line holding *start* have a space just inside a quote mark (``“ 改”``,
    ``“双减 ”``)? No one means that space: the extractor spaces the line's quote marks
    apart, and a space after a closing quote there is the same artefact
    (``老旧小区“ 改” 出幸福新生活``). Spaces of a letter-spaced setting
    (``践 行 “ 八 八 战 略 ”  投 身 “ 两 个 先 行 ”``) are the typesetter's, not this."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return _SPACE_INSIDE_QUOTES.search(_LETTER_SPACED_UNITS.sub("", line)) is not None


_SPACE_INSIDE_QUOTES = regex.compile(f"[“‘][{SPACE_CHARS}]|[{SPACE_CHARS}][”’]")


def _word_char(ch: str) -> bool:
    return bool(ch) and (is_cjk(ch) or (ch.isascii() and ch.isalnum()))


def _prev_visible(text: str, pos: int) -> str:
    while pos >= 0 and text[pos] in SPACE_CHARS:
        pos -= 1
    return text[pos] if pos >= 0 else ""


def _next_visible(text: str, pos: int) -> str:
    while pos < len(text) and text[pos] in SPACE_CHARS:
        pos += 1
    return text[pos] if pos < len(text) else ""
