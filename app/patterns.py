"""Recognisers for bylines and section labels, shared by the rules and the role classifier.

A byline names the reporters of an article: a bare name after its last sentence
(``……队伍。 周靖``), or a keyword form (``本报记者 张三 通讯员 李四``, ``（记者 王五）``,
``文/图 赵六``, ``钱七 摄``). A section label is a short standalone line naming an
organisation (``区委组织部``, ``区人民法院``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import re

import regex

from .text import SPACE_CHARS, ZERO_WIDTH_CHARS


def _words(name: str) -> list[str]:
    text = resources.files("resources").joinpath(name).read_text("utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    words = _words("surnames.txt")
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


@lru_cache(maxsize=1)
def org_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_words("org-suffixes.txt"), key=len, reverse=True))


_SP = f"[{SPACE_CHARS}]"
_HAN = r"\p{Han}"
ROLE_WORDS = r"(?:本报|本刊|新华社|人民网|央视)?(?:首席|特约|见习|实习)?(?:记者|通讯员|实习生|摄影记者|编辑|责编|责任编辑|撰稿|作者|编者|整理|供稿)"
_ROLE_RE = regex.compile(ROLE_WORDS)
# 文/图  图/文  文 图  摄影  (with full- or half-width slash and an optional colon)
_CREDIT_RE = regex.compile(r"(?:文|图|摄影|图片|视频)(?:[/／、](?:文|图|摄影|视频))*")
_NAME_CHARS = regex.compile(rf"{_HAN}{{2,4}}")
_NAME_SEPARATORS = regex.compile(rf"[、，,{SPACE_CHARS}]+")
# One to four words of two to four ideographs between separators: the shape a list of
# bare names has (each word must still be a name). Most short lines fail it at once.
_NAME_LIST = regex.compile(rf"[、，,{SPACE_CHARS}]*{_HAN}{{2,4}}(?:[、，,{SPACE_CHARS}]+{_HAN}{{2,4}}){{0,3}}[、，,{SPACE_CHARS}]*")
_CREDIT_AFTER = regex.compile(rf"(.+?){_SP}*(?:摄|摄影|报道|文|供图|图)")
_LABEL_CHARS = regex.compile(rf"[{_HAN}·]+")
_LONG_LABEL_SUFFIXES = ("局", "厅", "委员会", "办公室", "中心", "公司", "集团", "医院", "法院", "检察院", "大学", "学院", "政府", "管理处")
_BYLINE_HINT = re.compile(rf"^[^。！？；“”《》]*(?:[{SPACE_CHARS}、]|^[（(]|^(?:{ROLE_WORDS}|{_CREDIT_RE.pattern})|(?:摄|摄影|报道|文|供图|图)$)")


_ZERO_WIDTH = {ord(c): None for c in ZERO_WIDTH_CHARS}
_ANY_ZERO_WIDTH = re.compile(f"[{ZERO_WIDTH_CHARS}]")


def visible(text: str) -> str:
    """*text* without zero-width characters (ZWSP, word joiner, BOM, soft hyphen): a
    pattern reads through them, as the text reads once they are removed."""
    return text.translate(_ZERO_WIDTH) if _ANY_ZERO_WIDTH.search(text) else text


def is_person_name(word: str) -> bool:
    """A plausible Chinese personal name: a known surname and one or two given-name
    characters (a compound surname allows one or two more)."""
    if not _NAME_CHARS.fullmatch(word):
        return False
    single, compound = surnames()
    if len(word) in (3, 4) and word[:2] in compound:
        return True
    return len(word) in (2, 3) and word[0] in single


def _names(tokens: list[str]) -> bool:
    return bool(tokens) and all(is_person_name(t) for t in tokens)


def _split_names(text: str) -> list[str]:
    return [t for t in _NAME_SEPARATORS.split(text) if t]


def may_be_byline(content: str) -> bool:
    """A cheap necessary condition for :func:`is_byline` on a stripped line: ordinary
    column lines fail it, so the full test runs on few lines."""
    return 0 < len(content) <= 8 or (len(content) <= 40 and _BYLINE_HINT.search(content) is not None)


def is_byline(text: str, *, bare_names: bool = True) -> bool:
    """True when *text* (one line's content) is a byline.

    Keyword forms are accepted on their own; bare names (``周靖``, ``张三、李四``) only
    when *bare_names* is set, since outside an article's end a name is just a name."""
    s = visible(text).strip(SPACE_CHARS)
    if not s or len(s) > 40:
        return False
    # A byline is short, or holds a separator between names, or starts with a role word
    # or bracket, or ends with a credit (_BYLINE_HINT). The bracket, keyword and credit
    # forms below hold a hint by their shape; only bare names are checked for one (the
    # callers mostly ask of lines that may_be_byline found a hint in already).
    # （记者 张三）  (记者张三 通讯员李四)
    if s[0] in "（(" and s[-1] in "）)":
        return is_byline(s[1:-1], bare_names=False) or _keyword_byline(s[1:-1])
    # Keyword forms start with a role word or a credit.
    if _ROLE_AT.match(s) and (_keyword_byline(s) or spaced_byline(s)):
        return True
    # 张三 摄 / 张三摄 / 张三 文
    if s.endswith(_CREDIT_ENDINGS):
        m = _CREDIT_AFTER.fullmatch(s)
        if m and _names(_split_names(m.group(1))):
            return True
    if not bare_names or len(s) > 16 or (len(s) > 8 and not _BYLINE_HINT.search(s)) or not _NAME_LIST.fullmatch(s):
        return False
    return _names(_split_names(s))


_CREDIT_ENDINGS = ("摄", "摄影", "报道", "文", "供图", "图")


# A role word or credit, at the start or after a separator, with its colon or spaces.
_ROLE_TOKEN = regex.compile(
    rf"(?:^|(?<=[{SPACE_CHARS}、，]))(?:{ROLE_WORDS}|{_CREDIT_RE.pattern}){_SP}*[:：/／]?{_SP}*"
)


def _keyword_byline(s: str) -> bool:
    """``本报记者 张三 通讯员 李四``, ``文/图 王五``, ``记者：赵六``: the text starts with
    a role word and every role word is followed by one or more names."""
    tokens = list(_ROLE_TOKEN.finditer(s))
    if not tokens or tokens[0].start() != 0:
        return False
    for tok, nxt in zip(tokens, tokens[1:] + [None]):
        if tok.group(0) in _BARE_CREDITS:
            return False  # 文明城市, 图说: a one-word credit needs a space or colon after it
        names = s[tok.end() : nxt.start() if nxt else len(s)]
        if not _names(_split_names(names)):
            return False
    return True


_ROLE_AT = regex.compile(rf"(?:{ROLE_WORDS}|{_CREDIT_RE.pattern})")


def spaced_byline(text: str) -> str | None:
    """A byline set without spaces (PyMuPDF drops the gaps between its parts):
    ``记者徐晓航通讯员李婷`` → ``记者 徐晓航 通讯员 李婷``, ``本报记者柯蓝、李静`` →
    ``本报记者 柯蓝、李静``, ``（记者安然通讯员施晓）`` → ``（记者 安然 通讯员 施晓）``,
    ``钱程摄`` → ``钱程 摄``; None when *text* does not read as one (zero-width
    characters are read through and left out)."""
    s = visible(text).strip(SPACE_CHARS)
    if not s or any(c in SPACE_CHARS for c in s):
        return None
    opening = closing = ""
    if len(s) > 2 and s[0] in "（(" and s[-1] in "）)":
        opening, closing, s = s[0], s[-1], s[1:-1]

    def name_lists(pos: int):
        """(names, end) for one name or several joined by 、 starting at *pos*, longest
        names first."""
        for size in (4, 3, 2):
            name = s[pos : pos + size]
            if len(name) == size and is_person_name(name):
                end = pos + size
                if s[end : end + 1] == "、":
                    for more, stop in name_lists(end + 1):
                        yield name + "、" + more, stop
                yield name, end

    def parse(pos: int) -> list[str] | None:
        if pos == len(s):
            return []
        m = _ROLE_AT.match(s, pos)
        if not m or m.group(0) in _BARE_CREDITS:
            # A one-word credit glued to what follows reads as a word more often than as
            # a byline (文明城市, 摄影展): only role words and 文/图 forms qualify.
            return None
        for names, end in name_lists(m.end()):
            rest = parse(end)
            if rest is not None:
                return [m.group(0), names] + rest
        return None

    parts = parse(0)
    if not parts:
        # 钱程摄: names, then the photo credit.
        credit = next((c for c in _PHOTO_CREDITS if s.endswith(c)), None)
        if credit is not None and not opening:
            names = next((n for n, end in name_lists(0) if end == len(s) - len(credit)), None)
            parts = [names, credit] if names else None
    if not parts:
        return None
    return opening + " ".join(parts) + closing


_PHOTO_CREDITS = ("摄影", "摄")
_BARE_CREDITS = frozenset(("文", "图", "摄影", "图片", "视频"))


@lru_cache(maxsize=1)
def _label_endings() -> frozenset[str]:
    """The characters a section label can end with: the last ones of the suffixes, or a
    zero-width character (read through)."""
    return frozenset(suffix[-1] for suffix in org_suffixes()) | frozenset(ZERO_WIDTH_CHARS)


def is_section_label(text: str) -> bool:
    """A short standalone line naming an organisation: ``区委组织部``, ``区人民法院``,
    ``市交通运输局``. Three to fourteen characters, no punctuation but ``·``, ending with
    an organisation suffix, and not a personal name (zero-width characters read through)."""
    s = text.strip(SPACE_CHARS)
    if s[-1:] not in _label_endings():
        return False  # cheap refusal: most lines end otherwise
    if not 3 <= len(s) <= 14 or not _LABEL_CHARS.fullmatch(s):
        if not _ANY_ZERO_WIDTH.search(s):
            return False
        s = visible(s)
        if not 3 <= len(s) <= 14 or not _LABEL_CHARS.fullmatch(s):
            return False
    if len(s) > 10 and not s.endswith(_LONG_LABEL_SUFFIXES):
        # Long names (市人力资源和社会保障局) end with a bureau-like word; a column
        # line that happens to end with 社 or 会 must not pass for one.
        return False
    return s.endswith(org_suffixes()) and not (len(s) <= 3 and is_person_name(s))
