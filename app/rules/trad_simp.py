"""trad-simp: traditional characters in simplified text (and the reverse), with OpenCC.

What it detects
    Copy assembled from several sources, or typed with a traditional input method,
    leaves traditional characters in a simplified page (``推进共同富裕示範區建設``);
    a traditional page may carry simplified ones (``推動經濟发展``).
Why
    Which script a page is in is decided by counting: characters that exist only in
    simplified form against those that exist only in traditional form (the counts,
    and "simplified", "traditional" or "mixed" when the minority passes a fifth, are
    in each fix's detail; :func:`document_script` gives them to the CLI). The minority
    is flagged. Characters are never converted one by one: the whole text goes through
    OpenCC at once, so its phrase dictionaries pick ``發展`` → ``发展`` but keep
    ``乾隆``, ``瞭望`` and ``著名``; the fix covers the changed characters of a word
    (two changes at most two characters apart are one fix). Some traditional forms
    are right in simplified copy (《通用规范汉字表》 keeps 乾 in 乾隆, 瞭 in 瞭望, 夥,
    names such as 毕昇): ``resources/simplified-whitelist.txt`` lists them. In a
    traditional page a character counts as simplified only if no regional standard
    (OpenCC s2t, s2tw, s2hk) writes it so (台, 裡, 着 are all right somewhere).
    Quotations, names and titles may legitimately keep the other script, so every fix
    is DOUBTFUL: asked, never applied by default.
Example
    ``会议强调，要推进共同富裕示範區建設，擴大中等收入群体。``
Fixed (when the editor accepts)
    ``会议强调，要推进共同富裕示范区建设，扩大中等收入群体。``

Options: ``script`` = ``"auto"`` (count), ``"simplified"`` or ``"traditional"``
(the page's script is known); ``whitelist`` = a file replacing the bundled list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import opencc
import regex

from ..fixes import Category, Confidence, Edit, Fix
from ..settings import SettingsError

RULE_ID = "trad-simp"
CATEGORY = Category.CHARACTERS
DEFAULT_OPTIONS = {"script": "auto", "whitelist": ""}
ONLY_ASKS = True  # every fix is DOUBTFUL (see above)
BUNDLED = "simplified-whitelist.txt"
MIXED_SHARE = 0.2  # the minority script above this share of the script-specific characters: "mixed"
MAX_GAP = 2  # unchanged characters between two changes of one fix
CONTEXT = 2  # characters of context shown around a change

_HAN = regex.compile(r"\p{Han}")


_LONE_SURROGATE = regex.compile("[\ud800-\udfff]")


@lru_cache(maxsize=None)
def converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _convert(config: str, text: str) -> str:
    """*text* through OpenCC, position for position: the configs used here map
    characters one to one; a line where that fails is left as it was. Lone surrogates
    (undecodable bytes kept by the loader) cannot cross into OpenCC: they stand in as
    U+FFFD, one for one, so positions hold."""
    text = _LONE_SURROGATE.sub("\ufffd", text)
    out = converter(config).convert(text)
    if len(out) == len(text):
        return out
    lines = []
    for line in text.split("\n"):
        conv = converter(config).convert(line)
        lines.append(conv if len(conv) == len(line) else line)
    return "\n".join(lines)


@dataclass(frozen=True)
class Whitelist:
    chars: frozenset[str]
    words: tuple[str, ...]

    def allowed(self, text: str) -> set[int]:
        """Positions in *text* that the whitelist allows."""
        out = {i for i, c in enumerate(text) if c in self.chars} if self.chars else set()
        if self.words:
            for m in _words_pattern(self.words).finditer(text, overlapped=True):
                out.update(range(m.start(), m.end()))
        return out


@lru_cache(maxsize=8)
def _words_pattern(words: tuple[str, ...]) -> regex.Pattern:
    return regex.compile("|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)))


def parse_whitelist(text: str) -> Whitelist:
    tokens = [t for line in text.splitlines() for t in line.split("#", 1)[0].split()]
    return Whitelist(frozenset(t for t in tokens if len(t) == 1), tuple(t for t in tokens if len(t) > 1))


@lru_cache(maxsize=8)
def _whitelist_file(path: str, mtime_ns: int) -> Whitelist:
    return parse_whitelist(Path(path).read_text("utf-8"))


@lru_cache(maxsize=1)
def _bundled() -> Whitelist:
    return parse_whitelist(resources.files("resources").joinpath(BUNDLED).read_text("utf-8"))


def whitelist(path: str | None = None) -> Whitelist:
    if not path:
        return _bundled()
    try:
        return _whitelist_file(str(path), Path(path).stat().st_mtime_ns)
    except OSError as exc:
        raise SettingsError(f"[trad-simp] whitelist: {path}: cannot be read ({exc.strerror})") from None


@dataclass(frozen=True)
class Script:
    """What a text is written in: ``simplified``, ``traditional``, ``mixed`` or
    ``none`` (no character that tells), with the counts it rests on."""

    script: str
    majority: str  # "simplified" or "traditional": the direction of the fixes
    simplified: int  # characters written only in simplified Chinese
    traditional: int  # characters written only in traditional Chinese


class _Views:
    """The text and its conversions, computed once."""

    def __init__(self, text: str):
        self.text = text
        self.t2s = _convert("t2s", text)
        self.traditional = [i for i, (a, b) in enumerate(zip(text, self.t2s)) if a != b and _HAN.match(a)]
        self.variants = {"s2t": _convert("s2t", text)}
        candidates = [i for i, (a, b) in enumerate(zip(text, self.variants["s2t"])) if a != b and _HAN.match(a)]
        if not self.traditional:
            # Nothing traditional: every candidate is simplified, no regional form to spare.
            self.simplified = candidates
            return
        self.variants.update((cfg, _convert(cfg, text)) for cfg in ("s2tw", "s2hk"))
        others = [self.variants["s2tw"], self.variants["s2hk"]]
        self.simplified = [i for i in candidates if all(v[i] != text[i] for v in others)]

    def closest_standard(self) -> str:
        """The traditional standard (s2t, s2tw, s2hk) the text agrees with most."""
        text = self.text
        scores = {cfg: sum(1 for a, b in zip(text, v) if a == b) for cfg, v in self.variants.items()}
        return max((c for c in ("s2tw", "s2hk", "s2t") if c in scores), key=lambda c: scores[c])


def document_script(text: str) -> Script:
    views = _Views(text)
    return _script(len(views.simplified), len(views.traditional))


def _script(simplified: int, traditional: int) -> Script:
    majority = "traditional" if traditional > simplified else "simplified"
    total = simplified + traditional
    if total == 0:
        label = "none"
    elif min(simplified, traditional) > MIXED_SHARE * total:
        label = "mixed"
    else:
        label = majority
    return Script(label, majority, simplified, traditional)


def check(analysis, options: dict | None = None) -> list[Fix]:
    options = {**DEFAULT_OPTIONS, **(options or {})}
    text = analysis.text
    if not _HAN.search(text):
        return []
    target = options.get("script", "auto")
    if target not in ("auto", "simplified", "traditional"):
        raise SettingsError(f"[trad-simp] script must be auto, simplified or traditional, not {target!r}")
    if target != "traditional" and _convert("t2s", text) == text:
        # No traditional character at all (the common case): nothing to flag, and no
        # need to count simplified ones character by character.
        return []
    views = _Views(text)
    script = _script(len(views.simplified), len(views.traditional))
    direction = script.majority if target == "auto" else target
    if direction == "simplified":
        allowed = whitelist(options.get("whitelist")).allowed(text) if views.traditional else set()
        flagged = [i for i in views.traditional if i not in allowed]
        converted = views.t2s
    else:
        flagged = views.simplified
        converted = views.variants[views.closest_standard()]
    return [_fix(text, converted, group, direction, script) for group in _groups(text, flagged)]


def _groups(text: str, flagged: list[int]) -> list[list[int]]:
    """Flagged positions in runs of ideographs, two changes at most MAX_GAP apart
    taken together."""
    groups: list[list[int]] = []
    for i in flagged:
        if groups:
            last = groups[-1][-1]
            if i - last - 1 <= MAX_GAP and all(_HAN.match(c) for c in text[last:i]):
                groups[-1].append(i)
                continue
        groups.append([i])
    return groups


def _fix(text: str, converted: str, group: list[int], direction: str, script: Script) -> Fix:
    start, end = group[0], group[-1] + 1
    marked = set(group)
    replacement = "".join(converted[i] if i in marked else text[i] for i in range(start, end))
    a = start
    while a > max(0, start - CONTEXT) and _HAN.match(text[a - 1]):
        a -= 1
    b = end
    while b < min(len(text), end + CONTEXT) and _HAN.match(text[b]):
        b += 1
    before = text[a:b]
    after = text[a:start] + replacement + text[end:b]
    mixed = "（全文简繁混杂）" if script.script == "mixed" else ""
    mixed_en = " (the page mixes both scripts)" if script.script == "mixed" else ""
    if direction == "simplified":
        zh = f"简体文本中的繁体字{mixed}：“{before}”是否应为“{after}”？"
        en = f"Traditional character in simplified text{mixed_en}: should “{before}” read “{after}”?"
    else:
        zh = f"繁体文本中的简体字{mixed}：“{before}”是否应为“{after}”？"
        en = f"Simplified character in traditional text{mixed_en}: should “{before}” read “{after}”?"
    detail = (("script", script.script), ("simplified", str(script.simplified)), ("traditional", str(script.traditional)))
    return Fix(RULE_ID, (Edit(start, end, replacement),), CATEGORY, Confidence.DOUBTFUL, zh, en, detail)
