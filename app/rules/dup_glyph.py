"""dup-glyph: faux-bold doubling.

What it detects
    Headlines set in faux bold (each glyph painted twice, or three times for fill plus
    stroke) come out of text extraction with every character repeated:
    ``践践行行““八八八八战战略略”” 投投身身““两两个个先先行行””``. It also finds a short
    line printed twice in a row (the whole string painted twice).
Why
    Real Chinese has reduplication (常常, 人人, 谢谢, 高高兴兴, 八八战略), so "delete every
    repeat" corrupts text. Evidence is taken in pairs and from the line: a run of three
    or more doubled characters with at least two different ones is faux bold; a line
    doubled from end to end is a headline; an AABB word in running text is left alone.
Example
    ``践践行行““八八八八战战略略””`` (pairs 践践 行行 ““ 八八 八八 战战 略略 ””)
Fixed
    ``践行“八八战略”`` — collapsed pair by pair, so ``八八八八`` gives ``八八``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..fixes import Category, Confidence, Edit, Fix
from ..text import SPACE_CHARS, ZERO_WIDTH_CHARS, is_cjk

# Looked through when pairs are matched: spaces and invisible characters (``直\u200b直播播``).
_SKIP = SPACE_CHARS + ZERO_WIDTH_CHARS
_DROP_INVISIBLE = {ord(c): None for c in ZERO_WIDTH_CHARS}
_NO_SPACE = {ord(c): None for c in SPACE_CHARS}

RULE_ID = "dup-glyph"
CATEGORY = Category.DUPLICATE


@dataclass(frozen=True)
class Run:
    """``line[start:end]`` is made of ``k``-fold repeated characters. Spaces are looked
    through (an extractor may put one inside a pair); ``units`` holds the line span of
    each repeated unit, so spaces between units survive and spaces inside one go."""

    start: int
    end: int
    k: int
    units_spans: tuple[tuple[int, int], ...] = ()

    def collapsed(self, line: str) -> str:
        out = []
        for n, (a, b) in enumerate(self.units_spans):
            out.append(line[a])
            nxt = self.units_spans[n + 1][0] if n + 1 < len(self.units_spans) else b
            out.append(line[b:nxt].translate(_DROP_INVISIBLE))  # spaces between units stay
        return "".join(out)

    @property
    def units(self) -> int:
        return len(self.units_spans)

    def letters(self, line: str) -> str:
        return "".join(line[a] for a, _ in self.units_spans)


# Two equal characters in a row (spaces between allowed): most lines have none, and
# this one regex search spares them the scan below.
_ANY_PAIR = ANY_PAIR = re.compile(f"([^{_SKIP}\\n])[{_SKIP}]*\\1")
# The same among the visible characters alone.
_PAIR = re.compile(r"(.)\1", re.DOTALL)
_NO_SKIP = {ord(c): None for c in _SKIP}


def find_runs(line: str) -> list[Run]:
    """Maximal runs of two or more doubled (or tripled) characters, left to right."""
    if not _ANY_PAIR.search(line):
        return []
    chars = line.translate(_NO_SKIP)
    pos = range(len(line)) if len(chars) == len(line) else [i for i, c in enumerate(line) if c not in _SKIP]
    n = len(chars)
    runs: list[Run] = []
    i = 0
    while i < n - 1:
        # A run starts with a pair: skip to the next one (a regex scan, not a walk).
        pair = _PAIR.search(chars, i)
        if pair is None:
            break
        i = pair.start()
        best: tuple[int, int] | None = None  # (k, end index in chars)
        for k in (3, 2):
            j = i
            while j + k <= n and chars[j + 1] == chars[j] and (k == 2 or chars[j + 2] == chars[j]):
                j += k
            if (j - i) // k >= 2 and (best is None or j - i > best[1] - i):
                best = (k, j)
        if best is None:
            i += 1
            continue
        k, j = best
        spans = tuple((pos[u], pos[u + k - 1] + 1) for u in range(i, j, k))
        runs.append(Run(pos[i], pos[j - 1] + 1, k, spans))
        i = j
    return runs


_BULLETS = "■□●○▲△◆◇★☆▶►•"


def is_strong_run(run: Run, line: str) -> bool:
    """Doubling inside a line that is not doubled as a whole: only a bold run-in head,
    three or more doubled characters (two different ideographs among them) that open
    the line and stand apart as a token: ``本本报报讯讯 6月22日……``, ``■■记记者者观观察察：``.
    Elsewhere in running text no text-only evidence is strong enough (a line break can
    bring ``一一`` and ``上上两两`` together)."""
    if run.units < 3 or len({c for c in run.letters(line) if is_cjk(c)}) < 2:
        return False
    head = line[: run.start].strip(SPACE_CHARS + _BULLETS)
    after = line[run.end] if run.end < len(line) else " "
    return not head and (after in SPACE_CHARS or not (is_cjk(after) or after.isalnum()))


def doubled_line(line: str, runs: list[Run] | None = None) -> list[Run] | None:
    """The runs of a line that is repeated from end to end (spaces aside), or None."""
    content = line.strip(_SKIP)
    if len(content) < 4:
        return None
    runs = find_runs(line) if runs is None else runs
    if not runs:
        return None
    covered = sum(len(line[r.start : r.end].translate(_NO_SKIP)) for r in runs)
    if covered < len(line.translate(_NO_SKIP)):
        return None
    units = "".join(r.letters(line) for r in runs)
    # A headline: at least two different ideographs.
    if len({c for c in units if is_cjk(c)}) < 2:
        return None
    return runs


@dataclass(frozen=True)
class Doubling:
    """What a line shows of faux-bold doubling, computed once per line."""

    whole: list[Run] | None  # the line is doubled from end to end
    strong: list[Run]  # runs strong enough on their own (inside a normal line)
    collapsed: str  # the line as it reads with the doubling removed


NO_DOUBLING_RUNS: list[Run] = []


def analyse_line(line: str, paragraph_start: bool = True) -> Doubling:
    """*paragraph_start*: the line may begin a paragraph (so may open with a run-in head)."""
    runs = find_runs(line)
    if not runs:
        return Doubling(None, NO_DOUBLING_RUNS, line)
    whole = doubled_line(line, runs)
    strong = [] if whole or not paragraph_start else [r for r in runs[:1] if is_strong_run(r, line)]
    chosen = whole or strong
    if not chosen:
        return Doubling(None, strong, line)
    out = []
    pos = 0
    for r in chosen:
        out.append(line[pos : r.start])
        out.append(r.collapsed(line))
        pos = r.end
    out.append(line[pos:])
    return Doubling(whole, strong, "".join(out))


def collapse_line(line: str) -> str:
    """The line as it reads once doubling is removed (used to measure widths)."""
    return analyse_line(line).collapsed


def _message(before: str, after: str) -> tuple[str, str]:
    return (
        f"伪粗体导致字符重复：“{before}”应为“{after}”",
        f"Faux-bold doubling: “{before}” should read “{after}”",
    )


def check(analysis) -> list[Fix]:
    """Fixes for doubled glyphs and doubled lines, from the page analysis."""
    fixes: list[Fix] = []
    lines = analysis.lines
    for line in lines:
        if line.blank:
            continue
        if line.doubling is None:
            continue  # no two equal characters in a row
        text = line.text
        whole = line.doubling.whole
        if whole is not None:
            units = sum(r.units for r in whole)
            standalone = line.standalone
            if units >= 3 or standalone:
                confidence = Confidence.SURE if units >= 3 and standalone else Confidence.LIKELY
                edits = tuple(Edit(line.start + r.start, line.start + r.end, r.collapsed(text)) for r in whole)
                zh, en = _message(text.strip(SPACE_CHARS), line.doubling.collapsed.strip(SPACE_CHARS))
                fixes.append(Fix(RULE_ID, edits, CATEGORY, confidence, zh, en, (("units", str(units)),)))
            continue
        for r in line.doubling.strong:
            zh, en = _message(text[r.start : r.end], r.collapsed(text))
            fixes.append(Fix(RULE_ID, (Edit(line.start + r.start, line.start + r.end, r.collapsed(text)),), CATEGORY, Confidence.LIKELY, zh, en, (("units", str(r.units)),)))
    fixes.extend(_repeated_lines(analysis))
    content = analysis.content_lines
    for stair in analysis.staircases:
        first, last = content[stair.first], content[stair.last]
        shown = " / ".join(ln.content for ln in content[stair.first : stair.last + 1][:6])
        zh = f"伪粗体标题被拆成阶梯状的{stair.last - stair.first + 1}行（{shown}…），应为“{stair.text}”"
        en = f"Faux-bold headline cut into {stair.last - stair.first + 1} steps ({shown}…): it reads “{stair.text}”"
        fixes.append(Fix(RULE_ID, (Edit(first.content_start, last.content_end, stair.text),), CATEGORY, Confidence.LIKELY, zh, en, (("steps", str(stair.last - stair.first + 1)),)))
    return fixes


@dataclass(frozen=True)
class Staircase:
    """Content lines ``first..last`` (indices into the content lines) hold one doubled
    headline cut into steps; *text* is the headline read once."""

    first: int
    last: int
    text: str


STEP_MAX = 3  # visible characters on one step of a staircase
STEPS_MIN = 4
STEP_LONG_MAX = 16  # visible characters on a step holding doubled characters
TRIM_MAX = 8  # short lines before a staircase that may be read off it
# A step holding a run painted glyph by glyph on one line: the second copy of one
# character, doubled characters, the first copy of the next (``客118866..55万``, ``CPPII同``).
_PAIRED_STEP = re.compile(r".?(?:(.)\1)+.?")


def _step_text(t: str) -> str | None:
    """The visible characters of a line that may be a step, else None."""
    if len(t) > 4 * STEP_MAX and (len(t) > 2 * STEP_LONG_MAX or (t[0] != t[1] and t[1] != t[2])):
        return None  # cheap refusal: ordinary lines are longer and open with no pair
    v = t.translate(_NO_SPACE)
    if 0 < len(v) <= STEP_MAX or (len(v) <= STEP_LONG_MAX and _PAIRED_STEP.fullmatch(v)):
        return v
    return None


def _linked(upper: str, lower: str) -> bool:
    """Two steps in a row: the lower starts with the character the upper ends with (its
    second copy), or both are one character (the gap between two phrases)."""
    return upper[-1] == lower[0] or (len(upper) == 1 and len(lower) == 1)


def _staircase_at(visible: list[str], i: int, j: int) -> Staircase | None:
    # The first step may be longer: a doubled number or word set on one line
    # before the steps begin (``66..88万`` / ``万名`` / ``名考`` …).
    steps = visible[i:j]
    before = "".join(c for c in visible[i - 1] if c not in SPACE_CHARS) if i > 0 and visible[i - 1] else ""
    if before and before[-1] == steps[0][0]:
        head = before[:-1]
        if len(head) >= 2 and len(head) % 2 == 0 and all(head[p] == head[p + 1] for p in range(0, len(head), 2)):
            i -= 1
            steps = [before] + steps
    joined = "".join(steps)
    runs = doubled_line(joined)
    if runs is not None and len(joined) >= 8 and all(r.k == 2 for r in runs):
        return Staircase(i, j - 1, _read_steps(steps, joined, runs))
    return None


def find_staircases(contents: list[str]) -> list[Staircase]:
    """Faux bold drawn with a vertical offset makes line-grouping extractors (PyMuPDF)
    cut a headline into steps of one or two characters: ``读`` / ``读懂`` / ``懂“`` /
    ``“八`` / ``八八`` … Each step holds the second copy of one character and the first
    copy of the next, so the steps read together are the doubled headline. A step of a
    single character inside the run marks the gap between two phrases of the headline.
    Narrow glyphs (digits, Latin) may keep both copies on one step: ``客118866..55万``.
    Short lines before the steps (a byline cut into its parts) are not steps."""
    # Only short lines (or short ones holding pairs) can be steps.
    long = 4 * STEP_MAX
    steps = [None if len(t) > long and (t[0] != t[1] and t[1] != t[2]) else _step_text(t) for t in contents]
    step = [v is not None for v in steps]
    visible = [t if v is None else v for t, v in zip(contents, steps)]
    out: list[Staircase] = []
    i = 0
    n = len(contents)
    while i < n:
        if not step[i]:
            i += 1
            continue
        # A chain of linked steps.
        j = i + 1
        while j < n and step[j] and _linked(visible[j - 1], visible[j]):
            j += 1
        found = None
        for a in range(i, min(i + TRIM_MAX, j - STEPS_MIN) + 1):
            found = _staircase_at(visible, a, j)
            if found:
                out.append(found)
                break
        i = j
    taken = {k for st in out for k in range(st.first, st.last + 1)}
    out.extend(find_unit_staircases(contents, taken))
    out.sort(key=lambda st: st.first)
    return out


# A Latin word or number is painted as one unit, so it steps as one: ``市CPI`` / ``CPI同``.
_UNIT = re.compile(r"[A-Za-z0-9.%+]+|.")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
UNIT_STEP_MAX = 3  # units on one step
UNIT_MAX = 6  # characters in one Latin or digit unit


def _step_units(content: str) -> list[str] | None:
    """The units of a line that may be a step (one to three units), else None."""
    if len(content) > 2 * UNIT_STEP_MAX * UNIT_MAX or (len(content) > UNIT_STEP_MAX and not _LATIN_OR_DIGIT.search(content)):
        return None  # cheap refusal: ordinary lines are longer, or all one-character units
    units = _UNIT.findall(content.translate(_NO_SPACE))
    if not 1 <= len(units) <= UNIT_STEP_MAX or any(len(u) > UNIT_MAX for u in units):
        return None
    return units


def find_unit_staircases(contents: list[str], taken: set[int]) -> list[Staircase]:
    """Staircases whose steps hold Latin words or numbers, which
    :func:`find_staircases` (one character per unit) cannot read:
    ``55月`` / ``月份`` / ``份全`` / ``全市`` / ``市CPI`` / ``CPI同`` / ``同比`` / ``比上`` /
    ``上涨`` / ``涨0.3%`` / ``0.3%`` reads ``5月份全市CPI同比上涨0.3%``. Each step ends
    with the unit the next step begins with; lines already in a staircase (*taken*) are
    skipped."""
    out: list[Staircase] = []
    n = len(contents)
    units = [None if k in taken else _step_units(c) for k, c in enumerate(contents)]
    i = 0
    while i < n:
        if units[i] is None:
            i += 1
            continue
        j = i + 1
        while j < n and units[j] is not None and units[j - 1][-1] == units[j][0]:
            j += 1
        if j - i >= STEPS_MIN:
            steps = units[i:j]
            first = steps[0][:-1]
            # A doubled unit on the first step (``55月``): read it once.
            if first and len(first[0]) % 2 == 0 and first[0][::2] == first[0][1::2]:
                first = [first[0][::2]] + first[1:]
            parts = ["".join(first)]
            for k in range(1, len(steps) - 1):
                # Two one-unit steps in a row mark the gap between two phrases.
                if len(steps[k]) == 1 and len(steps[k + 1]) == 1 and k + 1 < len(steps) - 1:
                    parts.append(" ")
                parts.append("".join(steps[k][:-1]))
            parts.append("".join(steps[-1]))
            text = "".join(parts).strip()
            # Steps of ideographs alone are read by find_staircases, which checks that
            # every character comes twice; here a Latin or digit unit must be among them
            # (else a list of short words, ``常常`` / ``常来`` / ``来往`` / ``往返``, would do).
            latin = any(_LATIN_OR_DIGIT.search(u) for step in steps for u in step)
            if latin and len({c for c in text if is_cjk(c)}) >= 2 and len(text) >= 4:
                out.append(Staircase(i, j - 1, text))
                i = j
                continue
        i += 1
    return out


def _read_steps(steps: list[str], joined: str, runs: list[Run]) -> str:
    # Where each step starts in the joined text; a gap falls between two one-character
    # steps inside the run.
    starts = []
    pos = 0
    for step in steps:
        starts.append(pos)
        pos += len(step)
    gaps = {starts[k + 1] for k in range(1, len(steps) - 2) if len(steps[k]) == 1 and len(steps[k + 1]) == 1}
    out = []
    for r in runs:
        for a, b in r.units_spans:
            if a in gaps:
                out.append(" ")
            out.append(joined[a])
    return "".join(out)


def is_repeated_headline(content: str) -> bool:
    """A line that, repeated on the next line, is a headline painted twice."""
    return 4 <= len(content) <= 40 and _headline_like(content)


# A question or exclamation mark ending a headline, with the closing marks after it.
_HEADLINE_END = re.compile("[！？][”’」』）》]*$")


def _headline_like(s: str) -> bool:
    """A headline: two or more different ideographs, no sentence punctuation but a
    question or exclamation mark ending it (``商家标注“不支持七天无理由退货”有效吗？``),
    and not itself a repetition (``践行践行`` twice would collapse again on a second
    pass)."""
    if any(c in s for c in "。！？；") and any(c in _HEADLINE_END.sub("", s, count=1) for c in "。！？；"):
        return False  # sentences: a paragraph may repeat on purpose, a headline does not
    return len({c for c in s if is_cjk(c)}) >= 2 and s not in (s + s)[1:-1]


REPEATED_LINE_MAX = 24  # characters on one line of a headline painted twice


def repeated_blocks(contents: list[str], indices: list[int]) -> list[tuple[int, int]]:
    """A headline of two or three lines painted twice as a whole: ``非遗进景区`` /
    ``老手艺焕新颜`` / ``非遗进景区`` / ``老手艺焕新颜``. Returns (first content line,
    lines per copy) for each; *indices* are the lines' numbers in the text (at most one
    blank line between two lines of a block)."""
    out: list[tuple[int, int]] = []
    n = len(contents)
    # A block starts with a line repeated two or three lines further down.
    starts = [i for i in range(n - 3) if contents[i] == contents[i + 2] or contents[i] == contents[i + 3]]
    next_free = 0  # blocks do not overlap
    for i in starts:
        if i < next_free:
            continue
        for k in (2, 3):
            if (
                i + 2 * k <= n
                and contents[i] == contents[i + k]
                and indices[i + 2 * k - 1] - indices[i] <= 2 * k + 1
                and contents[i : i + k] == contents[i + k : i + 2 * k]
                and all(0 < len(x) <= REPEATED_LINE_MAX for x in contents[i : i + k])
                and is_repeated_headline("".join(contents[i : i + k]))
            ):
                out.append((i, k))
                next_free = i + 2 * k
                break
    return out


def same_line_twice(a: str, b: str) -> bool:
    """Two lines that are one headline painted twice: the same text, spaces aside (an
    extractor may put a space at a glyph gap in one copy: ``区市场监 管局开展……``).
    *a* and *b* are line contents, which start with no space."""
    if a[:1] != b[:1]:
        return False  # cheap refusal: most neighbouring lines differ from the start
    if a == b:
        return is_repeated_headline(a)
    if a.replace(" ", "") != b.replace(" ", ""):
        return False
    return is_repeated_headline(a.replace(" ", ""))


def _spaces(text: str) -> int:
    return sum(1 for c in text if c in SPACE_CHARS)


def _repeated_lines(analysis) -> list[Fix]:
    """A short line painted twice: ``践行“八八战略”`` on two lines in a row, or twice in
    one line (``践行“八八战略”践行“八八战略”``)."""
    fixes: list[Fix] = []
    content = analysis.content_lines
    # The lines and blocks painted twice were found with the page's standalone lines.
    for k in analysis.repeated_lines:
        prev, cur = content[k], content[k + 1]
        a = prev.content
        b = cur.content
        # Delete one copy with the line break between: the second, unless only the
        # first holds a space the extractor put at a glyph gap.
        if _spaces(b) <= _spaces(a) and a != b:
            edit = Edit(prev.start, cur.start, "")
            a = b
        else:
            edit = Edit(prev.end, cur.end, "")
        fixes.append(Fix(RULE_ID, (edit,), CATEGORY, Confidence.LIKELY, f"重复的行：“{a}”出现两次", f"Repeated line: “{a}” appears twice", ()))
    for i, k in analysis.repeated_blocks:
        first, second = content[i : i + k], content[i + k : i + 2 * k]
        edits = [Edit(a.content_end, b.content_start, " ") for a, b in zip(first, first[1:])]
        edits.append(Edit(first[-1].content_end, second[-1].content_end, ""))
        shown = " / ".join(ln.content for ln in first)
        fixes.append(Fix(RULE_ID, tuple(edits), CATEGORY, Confidence.LIKELY, f"重复的标题：“{shown}”出现两次", f"Repeated headline: “{shown}” appears twice", (("lines", str(k)),)))
    for a, b, c in zip(content, content[1:], content[2:]):
        # A two-part headline painted twice with a vertical offset, read line by line:
        # the first part's first copy, both parts on the middle line (the first part's
        # second copy beside the second part's first copy), the second part's second
        # copy: ``践行“八八战略”`` / ``践行“八八战略” 投身“两个先行”`` / ``投身“两个先行”``.
        # Cheap refusal first: the middle line starts with the first line.
        m, x, z = b.content, a.content, c.content
        if len(m) <= len(x) + len(z) or not m.startswith(x) or not m.endswith(z) or m[len(x) : len(m) - len(z)].strip(SPACE_CHARS):
            continue
        if not (c.index - a.index <= 4 and len(x) <= REPEATED_LINE_MAX and len(z) <= REPEATED_LINE_MAX and _headline_like(x) and _headline_like(z)):
            continue
        edits = (Edit(a.start, b.start, ""), Edit(b.end, c.end, ""))
        fixes.append(Fix(RULE_ID, edits, CATEGORY, Confidence.LIKELY, f"重复的标题：“{b.content}”的两部分各多出一遍", f"Repeated headline: each part of “{b.content}” appears twice", (("lines", "3"),)))
    for line in content:
        text = line.content
        # Cheap refusal first: a line painted twice starts its second half with its
        # first character (spaces aside).
        if len(text) < 8 or text[0] not in text[len(text) // 2 - 1 :]:
            continue
        # Compare without spaces, so a copy separated by a space is found too (a line
        # without blanks is compared as it is: long paragraphs come here).
        chars = line.text.translate(_NO_SPACE) if line.has_blank else line.text
        half = len(chars) // 2
        if len(chars) % 2 or half < 4 or chars[:half] != chars[half:] or not _headline_like(chars[:half]):
            continue
        pos = [i for i, c in enumerate(line.text) if c not in SPACE_CHARS]
        edit = Edit(line.start + pos[half - 1] + 1, line.start + pos[-1] + 1, "")
        fixes.append(Fix(RULE_ID, (edit,), CATEGORY, Confidence.LIKELY, f"整行重复：“{chars[:half]}”重复了一遍", f"Text painted twice: “{chars[:half]}” repeated", ()))
    return fixes
