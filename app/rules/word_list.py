"""word-list: the newsroom's own list of wrong and right words.

What it detects
    Misspellings a spell checker cannot know because every character in them is a
    real character: homophones in set phrases (``再接再励``, ``一股作气``,
    ``迫不急待``) and words the desk has ruled on. The list is a plain UTF-8 file, one
    entry per line::

        # a comment
        再接再励 => 再接再厉        applied in the suggested version (LIKELY)
        既使 => 即使 ?              only asked (DOUBTFUL): "既使……又……" is right
        !按装置                     an exception: no entry is matched inside it

    The default is ``resources/word-list.txt``; ``[word-list] file = "…"`` in a
    settings file names the newsroom's own (a relative path is read from the settings
    file's folder).
Why
    A word list is the cheapest way for a desk to encode what it learns; a match is
    LIKELY rather than SURE because a list entry can still meet a word boundary it did
    not foresee (``按装置要求`` is 按 + 装置, hence the exceptions). Only the
    characters that differ are edited (``再接再励`` → ``励`` becomes ``厉``), and a
    match may run over a line break or spaces, as extracted column text does
    (``再接`` / ``再励``), without touching them.
Example
    ``全区上下要再接再励，一股作气完成全年目标任务。``
Fixed
    ``全区上下要再接再厉，一鼓作气完成全年目标任务。``
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex

from ..fixes import Category, Confidence, Edit, Fix
from ..settings import SettingsError
from ..text import SPACE_CHARS

RULE_ID = "word-list"
CATEGORY = Category.WORDING
# file: "" is the bundled resources/word-list.txt
DEFAULT_OPTIONS = {"file": ""}
BUNDLED = "word-list.txt"

# Between two characters of an entry: spaces, and a line break with blank lines.
_GAP = f"[{SPACE_CHARS}\n]{{0,8}}"
_WS = re.compile(f"[{SPACE_CHARS}\n]")


@dataclass(frozen=True)
class Entry:
    wrong: str
    right: str
    ask: bool = False


@dataclass(frozen=True)
class WordList:
    source: str
    entries: dict[str, Entry]
    exceptions: tuple[str, ...]

    @property
    def pattern(self) -> regex.Pattern | None:
        return _alternation(tuple(self.entries))

    @property
    def exception_pattern(self) -> regex.Pattern | None:
        return _alternation(self.exceptions)


@lru_cache(maxsize=32)
def _alternation(words: tuple[str, ...]) -> regex.Pattern | None:
    if not words:
        return None

    def one(word: str) -> str:
        body = _GAP.join(regex.escape(c) for c in word)
        if word[0].isascii() and word[0].isalnum():
            body = r"(?<![A-Za-z0-9])" + body
        if word[-1].isascii() and word[-1].isalnum():
            body += r"(?![A-Za-z0-9])"
        return body

    return regex.compile("|".join(one(w) for w in sorted(words, key=len, reverse=True)))


def parse(text: str, source: str) -> WordList:
    entries: dict[str, Entry] = {}
    exceptions: list[str] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = regex.sub(r"(?:^|\s)#.*$", "", raw).strip()
        if not line:
            continue
        if line.startswith("!"):
            word = line[1:].strip()
            if not word:
                raise SettingsError(f"{source}:{n}: “!” must be followed by the exception word")
            exceptions.append(word)
            continue
        if "=>" not in line:
            raise SettingsError(f"{source}:{n}: expected “wrong => right”, got {raw.strip()!r}")
        wrong, right = (part.strip() for part in line.split("=>", 1))
        ask = right.endswith("?")
        right = right.rstrip("?").strip() if ask else right
        if not wrong or not right or _WS.search(wrong) or wrong == right:
            raise SettingsError(f"{source}:{n}: expected “wrong => right” with two different words, got {raw.strip()!r}")
        entries[wrong] = Entry(wrong, right, ask)
    return WordList(source, entries, tuple(exceptions))


@lru_cache(maxsize=8)
def _load_file(path: str, mtime_ns: int) -> WordList:
    try:
        text = Path(path).read_text("utf-8")
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: the word list must be saved as UTF-8") from None
    return parse(text, path)


@lru_cache(maxsize=1)
def bundled() -> WordList:
    return parse(resources.files("resources").joinpath(BUNDLED).read_text("utf-8"), f"resources/{BUNDLED}")


def load(path: str | None) -> WordList:
    if not path:
        return bundled()
    try:
        mtime = Path(path).stat().st_mtime_ns
    except OSError as exc:
        raise SettingsError(f"[word-list] file: {path}: cannot be read ({exc.strerror})") from None
    return _load_file(str(path), mtime)


def check(analysis, options: dict | None = None) -> list[Fix]:
    options = {**DEFAULT_OPTIONS, **(options or {})}
    words = load(options.get("file"))
    pattern = words.pattern
    if pattern is None:
        return []
    text = analysis.text
    excepted: list[tuple[int, int]] = []
    if words.exception_pattern is not None:
        excepted = [m.span() for m in words.exception_pattern.finditer(text, overlapped=True)]
    fixes: list[Fix] = []
    for m in pattern.finditer(text):
        start, end = m.span()
        if any(a <= start and end <= b for a, b in excepted):
            continue
        letters = [i for i in range(start, end) if not _WS.match(text[i])]
        wrong = "".join(text[i] for i in letters)
        entry = words.entries.get(wrong)
        if entry is None:
            continue
        fixes.append(_fix(text, letters, entry, words.source))
    return fixes


def _fix(text: str, letters: list[int], entry: Entry, source: str) -> Fix:
    """Edit only the characters that differ between the wrong and the right word."""
    wrong, right = entry.wrong, entry.right
    p = 0
    while p < min(len(wrong), len(right)) and wrong[p] == right[p]:
        p += 1
    q = 0
    while q < min(len(wrong), len(right)) - p and wrong[-1 - q] == right[-1 - q]:
        q += 1
    if p + q < len(wrong):
        edit = Edit(letters[p], letters[len(wrong) - q - 1] + 1, right[p : len(right) - q])
    else:  # the right word only adds characters
        edit = Edit(letters[p], letters[p], right[p : len(right) - q]) if p < len(wrong) else Edit(letters[-1] + 1, letters[-1] + 1, right[p : len(right) - q])
    conf = Confidence.DOUBTFUL if entry.ask else Confidence.LIKELY
    if entry.ask:
        zh, en = f"“{wrong}”是否应为“{right}”？（新闻用语表）", f"Should “{wrong}” read “{right}”? (newsroom word list)"
    else:
        zh, en = f"“{wrong}”应为“{right}”（新闻用语表）", f"“{wrong}” should read “{right}” (newsroom word list)"
    return Fix(RULE_ID, (edit,), CATEGORY, conf, zh, en, (("list", source), ("right", right)))
