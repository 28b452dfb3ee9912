"""punct-width: half-width punctuation in Chinese text, full-width letters and digits,
ellipsis and dash forms.

What it detects
    Copy typed on a Western keyboard or converted from another system carries ASCII
    punctuation into Chinese sentences (``会议指出,要聚焦学深悟透;``, ``会议(扩大)``);
    fonts with full-width Latin glyphs leave ``ＧＤＰ增长６．５%``; ellipses and dashes
    come out as ``...``, ``。。。``, a single ``…``, ``--`` or a single ``—``.
Why
    GB/T 15834 sets Chinese text with full-width punctuation (，。；：？！（）), a
    two-em ellipsis ``……`` and a two-em dash ``——``; GB/T 15835 sets numbers and Latin
    letters half-width. But half-width punctuation is right inside numbers (``3.5``,
    ``1,200``, ``14:30``), in web and e-mail addresses, in Latin sentences
    (``“Stay hungry, stay foolish.”``) and after list numbers (``1.``), so each mark is
    judged by what stands on either side of it, looking through spaces and line breaks:

    * a comma, semicolon, colon, question or exclamation mark between two Chinese
      characters (or Chinese punctuation) is SURE; with Chinese on one side only it is
      LIKELY, unless a space follows it after a Latin word (Latin typing); between two
      Latin tokens that are themselves set in Chinese (``增长6.5%,5G基站``) it is LIKELY;
    * a full stop after an ideograph is LIKELY at a sentence's end (line end, space,
      closing quote) and DOUBTFUL between two ideographs, where it may stand for the
      ``·`` of a foreign name (``马克.吐温`` → ``马克·吐温``, not ``。``);
    * parentheses are paired (half- and full-width together) and converted when the
      pair holds or touches Chinese (LIKELY); ``f(x)`` and ``Windows(R)`` stay;
    * a lone ``—`` between ideographs may be a range dash (``北京—上海``, GB/T 15834
      一字线), so making it ``——`` is only asked (DOUBTFUL).
Example
    ``会议指出,要聚焦学深悟透;召开部委理论学习中心组学习(扩大)会议...全市ＧＤＰ增长``
Fixed
    ``会议指出，要聚焦学深悟透；召开部委理论学习中心组学习（扩大）会议……全市GDP增长``

Option ``parentheses``: ``"full"`` (print style, the default) converts parentheses;
``"keep"`` (web preset) leaves them to the writer.
"""

from __future__ import annotations

import re

import regex

from ..fixes import Category, Confidence, Edit, Fix, kind_detail
from ..text import CLOSING_PUNCT, FULLWIDTH_PUNCT, SPACE_CHARS, ZERO_WIDTH_CHARS, in_spans, is_cjk, link_spans

RULE_ID = "punct-width"
CATEGORY = Category.PUNCTUATION
DEFAULT_OPTIONS = {"parentheses": "full"}

FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。", "(": "（", ")": "）"}
_NAMES = {",": ("逗号", "comma"), ";": ("分号", "semicolon"), ":": ("冒号", "colon"), "?": ("问号", "question mark"), "!": ("叹号", "exclamation mark")}
_SEE_THROUGH = SPACE_CHARS + ZERO_WIDTH_CHARS + "\n"
# Marks that become their full-width forms one by one. (Plain character classes use the
# standard engine, quicker per call than regex's; the module's other patterns do not.)
_SIMPLE = re.compile(r"[,;:?!]")
_PERIOD = regex.compile(r"(?<![.．。])\.(?![.．。])")
_ELLIPSIS = regex.compile(r"\.{3,6}|．{3,6}|。{3,}|(?<!…)…(?!…)")
_DASH = regex.compile(r"-{2,3}|―{2}|－{2}|─{2}|(?<![—―])—(?![—―])")
_WIDE_ALNUM = regex.compile(r"[０-９Ａ-Ｚａ-ｚ]+(?:．[０-９]+)*")
_WIDE_TOKEN = re.compile(r"[０-９Ａ-Ｚａ-ｚ．％]")  # full-width letters and digits, made half-width below
_ZH = "zh"


def _kind(ch: str) -> str:
    """zh (ideograph or Chinese punctuation), digit, latin, edge (nothing) or other."""
    if not ch:
        return "edge"
    if is_cjk(ch) or ch in FULLWIDTH_PUNCT:
        return _ZH
    if ch.isascii() and ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return "other"


def _visible(text: str, pos: int, step: int) -> str:
    """The nearest character from *pos* going left (-1) or right (1), looking through
    spaces and line breaks ("" at either end of the text)."""
    while 0 <= pos < len(text) and text[pos] in _SEE_THROUGH:
        pos += step
    return text[pos] if 0 <= pos < len(text) else ""


def _at(text: str, pos: int) -> str:
    return text[pos] if 0 <= pos < len(text) else ""


def _fix(edits, conf: Confidence, zh: str, en: str, kind: str) -> Fix:
    return Fix(RULE_ID, tuple(edits), CATEGORY, conf, zh, en, kind_detail(kind))


def _shown(text: str, start: int, end: int) -> str:
    """The mark with a little context, on one line, for messages."""
    a = max(start - 4, text.rfind("\n", 0, start) + 1)
    b = text.find("\n", end)
    b = min(end + 4, len(text) if b < 0 else b)
    return text[a:b]


def check(analysis, options: dict | None = None) -> list[Fix]:
    options = {**DEFAULT_OPTIONS, **(options or {})}
    text = analysis.text
    links = link_spans(text)
    fixes: list[Fix] = []
    taken: set[int] = set()  # positions already in a fix (ellipses and dashes first)

    def free(start: int, end: int) -> bool:
        return not in_spans(start, links) and not any(p in taken for p in range(start, end))

    for m in _ELLIPSIS.finditer(text):
        fix = _ellipsis(text, m.start(), m.end())
        if fix and free(m.start(), m.end()):
            fixes.append(fix)
            taken.update(range(m.start(), m.end()))
    for m in _DASH.finditer(text):
        fix = _dash(text, m.start(), m.end())
        if fix and free(m.start(), m.end()):
            fixes.append(fix)
            taken.update(range(m.start(), m.end()))
    for m in _SIMPLE.finditer(text):
        if free(m.start(), m.end()):
            fix = _simple(text, m.start())
            if fix:
                fixes.append(fix)
    for m in _PERIOD.finditer(text):
        if free(m.start(), m.end()):
            fix = _period(text, m.start())
            if fix:
                fixes.append(fix)
    for m in _WIDE_ALNUM.finditer(text):
        run = m.group()
        half = "".join(chr(ord(c) - 0xFEE0) for c in run)
        fixes.append(_fix([Edit(m.start(), m.end(), half)], Confidence.SURE, f"全角字母数字“{run}”应为半角“{half}”", f"Full-width letters or digits “{run}” should be half-width “{half}”", "alnum"))
    if options.get("parentheses", "full") == "full":
        fixes.extend(_parentheses(analysis, text, links))
    return fixes


def _simple(text: str, i: int) -> Fix | None:
    c = text[i]
    left, right = _at(text, i - 1), _at(text, i + 1)
    if c in ",:" and left.isascii() and left.isdigit() and right.isascii() and right.isdigit():
        return None  # 1,200  14:30  2:1
    j = i - 1
    while c in "?!" and j >= 0 and text[j] in "?!":
        j -= 1  # 真的吗?! — the ! follows the question
    kl, kr = _kind(_visible(text, j, -1)), _kind(_visible(text, i + 1, 1))
    if kl != _ZH and kr != _ZH:
        if c in "?!" or not (_embedded(text, i - 1, -1) and _embedded(text, i + 1, 1)):
            return None
        kl = kr = "latin"  # 增长6.5%,5G基站: between two Latin tokens set in Chinese
    if kl != _ZH and right in SPACE_CHARS:
        return None  # Latin typing: "He said, “……”"
    if c == ":" and kl == "latin" and right == "/":
        return None
    conf = Confidence.SURE if kl == kr == _ZH else Confidence.LIKELY
    zh_name, en_name = _NAMES[c]
    shown = _shown(text, i, i + 1)
    return _fix(
        [Edit(i, i + 1, FULL[c])],
        conf,
        f"中文里的半角{zh_name}“{shown}”应为全角“{FULL[c]}”",
        f"Half-width {en_name} in Chinese text “{shown}”: use full-width “{FULL[c]}”",
        "punct",
    )


def _embedded(text: str, pos: int, step: int) -> bool:
    """Does the Latin token starting at *pos* (going left or right) touch an ideograph
    at its far end, with no space in between?"""
    start = pos
    while 0 <= pos < len(text) and ("!" <= text[pos] <= "~" or _WIDE_TOKEN.match(text[pos])):
        pos += step
    return pos != start and 0 <= pos < len(text) and is_cjk(text[pos])


def _period(text: str, i: int) -> Fix | None:
    right = _at(text, i + 1)
    j = i - 1
    while j >= 0 and text[j] in CLOSING_PUNCT:
        j -= 1  # 的责任”. — but not “yes”.
    left = _at(text, j)
    if not is_cjk(left):
        return None  # 3.5  No.1  1.  example.com  Latin sentences
    shown = _shown(text, i, i + 1)
    if right in ("", "\n") or right in SPACE_CHARS or right in CLOSING_PUNCT:
        return _fix([Edit(i, i + 1, "。")], Confidence.LIKELY, f"中文句末的半角句点“{shown}”应为句号“。”", f"Half-width full stop ending a Chinese sentence “{shown}”: use “。”", "period")
    if is_cjk(right):
        return _fix(
            [Edit(i, i + 1, "。")],
            Confidence.DOUBTFUL,
            f"汉字之间的半角句点“{shown}”：是句号“。”吗？（若是外国人名的间隔号，应为“·”）",
            f"Half-width full stop between Chinese characters “{shown}”: a “。”? (in a foreign name it should be “·”)",
            "period",
        )
    return None


def _ellipsis(text: str, start: int, end: int) -> Fix | None:
    run = text[start:end]
    left, right = _visible(text, start - 1, -1), _visible(text, end, 1)
    kl, kr = _kind(left), _kind(right)
    if run[0] in ".．":
        if not (kl == _ZH or (kr == _ZH and kl not in ("latin", "digit"))):
            return None  # "Wait..." and 1...10 stay
    elif run == "…" and kl != _ZH and kr != _ZH:
        return None
    shown = _shown(text, start, end)
    return _fix([Edit(start, end, "……")], Confidence.LIKELY, f"省略号“{shown}”应为“……”", f"Ellipsis “{shown}” should be “……”", "ellipsis")


def _dash(text: str, start: int, end: int) -> Fix | None:
    run = text[start:end]
    left, right = _visible(text, start - 1, -1), _visible(text, end, 1)
    kl, kr = _kind(left), _kind(right)
    shown = _shown(text, start, end)
    if run == "—":
        if kl == _ZH and kr == _ZH and is_cjk(left) and (is_cjk(right) or right in "“‘《（"):
            return _fix(
                [Edit(start, end, "——")],
                Confidence.DOUBTFUL,
                f"单个“—”：“{shown}”是破折号“——”吗？（表示起止的连接号可用一字线“—”）",
                f"Single “—” in “{shown}”: a dash “——”? (a range such as 北京—上海 keeps one)",
                "dash",
            )
        return None
    if kl != _ZH and kr != _ZH:
        return None
    if _at(text, start - 1).isascii() and _at(text, start - 1).isalnum() and _at(text, end).isascii() and _at(text, end).isalnum():
        return None  # a--b
    return _fix([Edit(start, end, "——")], Confidence.LIKELY, f"破折号“{shown}”应为“——”", f"Dash “{shown}” should be “——”", "dash")


def _paragraph_spans(analysis) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in analysis.paragraphs]


def _parentheses(analysis, text: str, links) -> list[Fix]:
    fixes: list[Fix] = []
    for start, end in _paragraph_spans(analysis):
        chunk = text[start:end]
        if "(" not in chunk and ")" not in chunk:
            continue
        stack: list[int] = []
        for i in range(start, end):
            c = text[i]
            if c in "(（":
                stack.append(i)
            elif c in ")）" and stack:
                o = stack.pop()
                if text[o] == "（" and c == "）":
                    continue
                fix = _pair(text, o, i, links)
                if fix:
                    fixes.append(fix)
    return fixes


def _pair(text: str, o: int, c: int, links) -> Fix | None:
    if in_spans(o, links) or in_spans(c, links):
        return None
    content = text[o + 1 : c]
    has_cjk = any(is_cjk(ch) for ch in content)
    before = _at(text, o - 1)
    if not has_cjk and before.isascii() and before.isalnum():
        return None  # f(x)  Windows(R)  GDP(AI)
    if not (has_cjk or _kind(_visible(text, o - 1, -1)) == _ZH or _kind(_visible(text, c + 1, 1)) == _ZH):
        return None
    edits = [Edit(p, p + 1, FULL[text[p]]) for p in (o, c) if text[p] in "()"]
    conf = Confidence.LIKELY if len(content) <= 60 else Confidence.DOUBTFUL
    shown = text[o : c + 1] if c - o <= 16 else text[o : o + 8] + "…" + text[c - 6 : c + 1]
    shown = shown.replace("\n", "")
    return _fix(edits, conf, f"中文里的半角括号“{shown}”应为全角“（）”", f"Half-width parentheses in Chinese text “{shown}”: use “（）”", "parentheses")
