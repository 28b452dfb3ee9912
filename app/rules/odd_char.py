"""odd-char: invisible, private-use and control characters.

What it detects
    Characters that print nothing or print the wrong thing, left by the PDF's fonts or
    by the tools the text passed through: zero-width spaces and joiners, soft hyphens,
    a byte-order mark inside the text (``推进\\u200b共同富裕``), direction marks, the
    object-replacement and replacement characters (``\\ufffc``, ``\\ufffd``), control characters
    (form feeds from ``pdftotext``, C1 codes from a mis-decoded file) and private-use
    code points U+E000–U+F8FF (``\\ue2a3``), which fonts with their own encoding
    (Founder's 方正 fonts put rare characters there, symbol fonts their bullets) leave
    in place of a glyph.
Why
    They are invisible on screen or render as boxes, yet they break search, word
    counts and the typesetting system that receives the copy. Each is reported once,
    with its code point:

    * zero-width characters, soft hyphens, a BOM and the invisible operators
      U+2061–U+2064 are removed (SURE); a zero-width joiner inside an emoji sequence
      is kept;
    * direction marks and U+FFFC are removed (LIKELY); a vertical tab, line or
      paragraph separator becomes a line break, a form feed goes (LIKELY);
    * C0 control characters go (SURE); C1 controls usually stand for a quote or dash
      of a file decoded as Latin-1 instead of Windows-1252 (``\\x93`` for ``“``), so
      that character is only suggested (DOUBTFUL);
    * a private-use character cannot be read: which glyph the font drew there is not
      in the text. It is asked about (DOUBTFUL) with ``□``, the conventional mark of a
      missing character, as the suggestion — except in U+F020–U+F0FF, where symbol
      fonts put bullets and arrows, whose suggestion is to delete it. U+FFFD (a
      character already lost in decoding) is asked about the same way.

    stray-space, which runs first, removes the zero-width characters of
    ``app.text.ZERO_WIDTH_CHARS`` in most places (between ideographs, beside spaces,
    at line ends, on blank lines: ``精神，\\u200b 研究``), but not inside bylines or
    labels. Where it is enabled, this rule asks it which ones it removes and leaves
    those to it, so that no character is reported twice.
Example
    ``推进\\u200b共同富裕示范区建设\\u00ad。``, ``公司董事长张\\ue2a3表示``
Fixed
    ``推进共同富裕示范区建设。``, asked: ``公司董事长张□表示``
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from types import SimpleNamespace

from ..fixes import Category, Confidence, Edit, Fix
from ..text import FULLWIDTH_PUNCT, SPACE_CHARS, ZERO_WIDTH_CHARS, is_cjk
from . import stray_space

RULE_ID = "odd-char"
CATEGORY = Category.CHARACTERS
# "stray_space": stray-space's options when that rule runs (set by app.analyze), so
# that the zero-width characters it removes are not reported here as well.
DEFAULT_OPTIONS: dict = {"stray_space": None}

MISSING = "□"  # the mark for a character that cannot be read (缺字)

# Invisible format characters: removed (SURE).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u2061\u2062\u2063\u2064"
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
# (A plain class: re searches a whole text for it several times faster than regex.)
_ODD = re.compile(
    "[" + _INVISIBLE + _BIDI + "\ufffc\ufffd\ufffe\uffff\u2028\u2029"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)
_NAMES_ZH = {
    "\u200b": "零宽空格",
    "\u200c": "零宽不连字",
    "\u200d": "零宽连字",
    "\u2060": "字连接符",
    "\ufeff": "字节顺序标记（BOM）",
    "\u00ad": "软连字符",
    "\ufffc": "对象替换符",
    "\ufffd": "替换字符（原字在解码时已丢失）",
    "\x0c": "换页符",
    "\x0b": "垂直制表符",
    "\u2028": "行分隔符",
    "\u2029": "段分隔符",
}


def _name_en(ch: str) -> str:
    return unicodedata.name(ch, "").lower() or ("private-use character" if _private(ch) else "control character")


def _private(ch: str) -> bool:
    return unicodedata.category(ch) == "Co"


def _plain_neighbour(ch: str) -> bool:
    """A neighbour in Chinese or Latin text (a joiner there joins nothing)."""
    return not ch or ch == "\n" or is_cjk(ch) or ch in FULLWIDTH_PUNCT or ch in SPACE_CHARS or ch.isascii()


def judge(text: str, start: int, end: int) -> tuple[Confidence, str, str, str] | None:
    """(confidence, replacement, zh, en) for the run ``text[start:end]`` of one odd
    character, or None to leave it."""
    ch = text[start]
    run = text[start:end]
    code = f"U+{ord(ch):04X}"
    count = f"×{end - start}" if end - start > 1 else ""
    name_zh = _NAMES_ZH.get(ch)
    left = text[start - 1] if start else ""
    right = text[end] if end < len(text) else ""
    if ch in "\u200c\u200d" and not (_plain_neighbour(left) and _plain_neighbour(right)):
        return None  # inside an emoji sequence or a script that joins letters
    if ch in _INVISIBLE:
        name = name_zh or "不可见格式字符"
        return Confidence.SURE, "", f"不可见字符：{name}（{code}）{count}", f"Invisible character: {_name_en(ch)} ({code}){count}"
    if ch in _BIDI:
        return Confidence.LIKELY, "", f"不可见的文字方向控制符（{code}）{count}", f"Invisible direction mark ({code}){count}"
    if ch == "\ufffc":
        return Confidence.LIKELY, "", f"对象替换符（{code}，图片或对象的占位符）", f"Object replacement character ({code}), a placeholder for an image"
    if ch in "\ufffe\uffff":
        return Confidence.SURE, "", f"非字符码位（{code}）", f"Noncharacter ({code})"
    if ch in "\x0b\u2028\u2029\x85":
        return Confidence.LIKELY, "\n" * len(run), f"{name_zh or '下一行控制符'}（{code}）应为换行", f"{_name_en(ch).capitalize()} ({code}): a line break"
    if ch == "\x0c":
        repl = "" if left in ("", "\n") or right in ("", "\n") else "\n"
        return Confidence.LIKELY, repl, f"换页符（{code}，提取工具留下的分页标记）", f"Form feed ({code}), a page break left by the extractor"
    if ch == "\ufffd":
        return Confidence.DOUBTFUL, MISSING * len(run), f"无法解码的字符“{run}”（{code}），原字已丢失：以“{MISSING}”标出，请对照原版补正", f"Undecodable character ({code}); the original is lost: mark it “{MISSING}” and restore it from the printed page"
    if _private(ch):
        if 0xF020 <= ord(ch) <= 0xF0FF:
            return Confidence.DOUBTFUL, "", f"私用区字符（{code}）：符号字体的项目符号或箭头，删除吗？", f"Private-use character ({code}): a symbol font's bullet or arrow; delete it?"
        return (
            Confidence.DOUBTFUL,
            MISSING * len(run),
            f"私用区字符（{code}）{count}：字体编码遗留，无法知道原字，以“{MISSING}”标出，请对照原版补正",
            f"Private-use character ({code}){count} left by a font's own encoding; the glyph cannot be known: mark it “{MISSING}” and restore it from the printed page",
        )
    if 0x80 <= ord(ch) <= 0x9F:
        # Windows-1252 puts curly quotes and dashes at these bytes; a file decoded as
        # Latin-1 shows them as C1 controls.
        try:
            meant = bytes([ord(ch)]).decode("cp1252") * len(run)
        except UnicodeDecodeError:
            meant = ""
        if meant:
            return Confidence.DOUBTFUL, meant, f"C1控制字符（{code}）：文件编码有误，原字可能是“{meant[0]}”，替换吗？", f"C1 control character ({code}): a wrongly decoded file; was it “{meant[0]}”? Replace it?"
        return Confidence.DOUBTFUL, "", f"C1控制字符（{code}）：文件编码有误留下的字符，删除吗？", f"C1 control character ({code}) left by a wrongly decoded file; delete it?"
    return Confidence.SURE, "", f"控制字符（{code}）{count}", f"Control character ({code}){count}"


def _runs(text: str, skip: set[int] = frozenset()):
    """Runs of one repeated odd character, leaving out the positions in *skip*."""
    pos = 0
    for m in _ODD.finditer(text):
        start = m.start()
        if start < pos or start in skip:
            continue
        end = start + 1
        while end < len(text) and text[end] == text[start] and end not in skip:
            end += 1
        pos = end
        yield start, end


def _left_to_stray_space(analysis, positions: list[int], options: dict) -> set[int]:
    """The positions among *positions* that stray-space (run with *options*) removes."""
    lines = analysis.lines
    starts = [ln.start for ln in lines]
    wanted = sorted({bisect_right(starts, p) - 1 for p in positions})
    view = SimpleNamespace(text=analysis.text, body_lines=analysis.body_lines, gaps=analysis.gaps, lines=[lines[i] for i in wanted])
    covered: set[int] = set()
    for fix in stray_space.check(view, options):
        for e in fix.edits:
            covered.update(positions[bisect_left(positions, e.start) : bisect_left(positions, e.end)])
    return covered


def check(analysis, options: dict | None = None) -> list[Fix]:
    options = {**DEFAULT_OPTIONS, **(options or {})}
    text = analysis.text
    if not _ODD.search(text):
        return []
    skip: set[int] = set()
    if options.get("stray_space") is not None:
        shared = [m.start() for m in _ODD.finditer(text) if m.group() in ZERO_WIDTH_CHARS]
        if shared:
            skip = _left_to_stray_space(analysis, shared, options["stray_space"])
    fixes: list[Fix] = []
    for start, end in _runs(text, skip):
        verdict = judge(text, start, end)
        if verdict is None:
            continue
        conf, repl, zh, en = verdict
        fixes.append(Fix(RULE_ID, (Edit(start, end, repl),), CATEGORY, conf, zh, en, (("codepoint", f"U+{ord(text[start]):04X}"),)))
    return fixes
