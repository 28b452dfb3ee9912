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

from dataclasses import dataclass

from ..fixes import Category, Confidence, Edit, Fix
from ..text import SPACE_CHARS, is_cjk

RULE_ID = "dup-glyph"
CATEGORY = Category.DUPLICATE


@dataclass(frozen=True)
class Run:
    """``line[start:end]`` is made of ``k``-fold repeated characters."""

    start: int
    end: int
    k: int

    def collapsed(self, line: str) -> str:
        return line[self.start : self.end : self.k]

    @property
    def units(self) -> int:
        return (self.end - self.start) // self.k


def _run_at(line: str, i: int, k: int) -> int:
    """End of the longest run of k-fold characters starting at i."""
    j = i
    n = len(line)
    while j + k <= n and line[j] not in SPACE_CHARS and line.count(line[j], j, j + k) == k:
        j += k
    return j


def find_runs(line: str) -> list[Run]:
    """Maximal runs of two or more doubled (or tripled) characters, left to right."""
    runs: list[Run] = []
    i = 0
    n = len(line)
    while i < n - 1:
        best: Run | None = None
        for k in (3, 2):
            end = _run_at(line, i, k)
            if (end - i) // k >= 2 and (best is None or end - i > best.end - best.start):
                best = Run(i, end, k)
        if best is None:
            i += 1
            continue
        runs.append(best)
        i = best.end
    return runs


def _distinct(run: Run, line: str) -> int:
    return len(set(run.collapsed(line)))


def _cjk_units(run: Run, line: str) -> int:
    return sum(1 for c in run.collapsed(line) if is_cjk(c))


def is_strong_run(run: Run, line: str) -> bool:
    """Three or more repeated units, at least two different, two of them ideographs:
    text-only evidence strong enough on its own (no AABB word is that long)."""
    return run.units >= 3 and _distinct(run, line) >= 2 and _cjk_units(run, line) >= 2


def doubled_line(line: str) -> list[Run] | None:
    """The runs of a line that is repeated from end to end (spaces aside), or None."""
    content = line.strip(SPACE_CHARS)
    if len(content) < 4:
        return None
    runs = find_runs(line)
    covered = sum(r.end - r.start for r in runs)
    visible = sum(1 for c in line if c not in SPACE_CHARS)
    if not runs or covered < visible:
        return None
    if sum(r.units for r in runs) < 2 or len({c for r in runs for c in r.collapsed(line)}) < 2:
        return None
    return runs


def collapse_line(line: str) -> str:
    """The line as it reads once doubling is removed (used to measure widths)."""
    runs = doubled_line(line) or [r for r in find_runs(line) if is_strong_run(r, line)]
    if not runs:
        return line
    out = []
    pos = 0
    for r in runs:
        out.append(line[pos : r.start])
        out.append(r.collapsed(line))
        pos = r.end
    out.append(line[pos:])
    return "".join(out)


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
        text = line.text
        whole = doubled_line(text)
        if whole is not None:
            units = sum(r.units for r in whole)
            standalone = line.standalone
            if units >= 3 or standalone:
                confidence = Confidence.SURE if units >= 3 and standalone else Confidence.LIKELY
                edits = tuple(Edit(line.start + r.start, line.start + r.end, r.collapsed(text)) for r in whole)
                zh, en = _message(text.strip(SPACE_CHARS), collapse_line(text).strip(SPACE_CHARS))
                fixes.append(Fix(RULE_ID, edits, CATEGORY, confidence, zh, en, (("units", str(units)),)))
            continue
        for r in find_runs(text):
            if is_strong_run(r, text):
                zh, en = _message(text[r.start : r.end], r.collapsed(text))
                fixes.append(Fix(RULE_ID, (Edit(line.start + r.start, line.start + r.end, r.collapsed(text)),), CATEGORY, Confidence.LIKELY, zh, en, (("units", str(r.units)),)))
    fixes.extend(_repeated_lines(analysis))
    return fixes


def _repeated_lines(analysis) -> list[Fix]:
    """A short line painted twice: ``践行“八八战略”`` on two lines in a row, or twice in
    one line (``践行“八八战略”践行“八八战略”``)."""
    fixes: list[Fix] = []
    content = [ln for ln in analysis.lines if not ln.blank]
    for prev, cur in zip(content, content[1:]):
        a = prev.text.strip(SPACE_CHARS)
        b = cur.text.strip(SPACE_CHARS)
        if a == b and 4 <= len(a) <= 40 and cur.index - prev.index <= 2:
            # Delete the second copy with the line break before it.
            edit = Edit(prev.end, cur.end, "")
            fixes.append(Fix(RULE_ID, (edit,), CATEGORY, Confidence.LIKELY, f"重复的行：“{a}”出现两次", f"Repeated line: “{a}” appears twice", ()))
    for line in content:
        s = line.text.strip(SPACE_CHARS)
        half = len(s) // 2
        for sep in ("", " "):
            if len(s) == 2 * half + len(sep) and half >= 4 and s[:half] == s[half + len(sep):] and s[half:half + len(sep)] == sep:
                offset = line.text.index(s)
                edit = Edit(line.start + offset + half, line.start + offset + len(s), "")
                fixes.append(Fix(RULE_ID, (edit,), CATEGORY, Confidence.LIKELY, f"整行重复：“{s[:half]}”重复了一遍", f"Text painted twice: “{s[:half]}” repeated", ()))
    return fixes
