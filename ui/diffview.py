"""Short before → after texts for the issue list, and a character-level diff of the
changed paragraph for the detail area (difflib), as HTML. No Qt here."""

from __future__ import annotations

import difflib
import html

from app.fixes import Fix

from .colors import DIFF_DELETED_BG, DIFF_DELETED_FG, DIFF_INSERTED_BG, DIFF_INSERTED_FG

# Invisible characters made visible where they are what changed.
VISIBLE = {" ": "␣", "\u3000": "⬚", "\t": "⇥", "\n": "↵", "\r": "", "\u00a0": "⍽"}
# Control characters as their control pictures (␀ for U+0000), lone surrogates (bytes
# of the file that were not valid UTF-8) as U+FFFD, wherever they are shown.
_CONTROL = {c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\t\n\r"}
_CONTROL.update({c: "\ufffd" for c in range(0xD800, 0xE000)})


def shown(text: str) -> str:
    """*text* as the issue list and the diff show it (no control character, no lone
    surrogate reaches Qt)."""
    return text.translate(_CONTROL)


def visible(text: str) -> str:
    return "".join(VISIBLE.get(c, c) for c in shown(text))


def _context_bounds(raw: str, start: int, end: int, width: int) -> tuple[int, int]:
    """Up to *width* characters either side of raw[start:end], on the same lines."""
    lo = max(0, start - width)
    nl = raw.rfind("\n", lo, start)
    if nl != -1:
        lo = nl + 1
    hi = min(len(raw), end + width)
    nl = raw.find("\n", end, hi)
    if nl != -1:
        hi = nl
    return lo, hi


def before_after(raw: str, fix: Fix, context: int = 3) -> tuple[str, str]:
    """The fix in a few characters: (before, after), whitespace made visible; the
    edits of a move are joined with " … "."""
    befores, afters = [], []
    for e in fix.edits:
        lo, hi = _context_bounds(raw, e.start, e.end, context)
        left, right = raw[lo : e.start], raw[e.end : hi]
        left, right = shown(left.replace("\r", "")), shown(right.replace("\r", ""))
        befores.append(left + visible(raw[e.start : e.end]) + right)
        afters.append(left + visible(e.replacement) + right)
    return " … ".join(befores), " … ".join(afters)


def _paragraph_bounds(raw: str, start: int, end: int, limit: int) -> tuple[int, int]:
    """The paragraph around raw[start:end] (between blank lines), at most *limit*
    characters either side."""
    lo = raw.rfind("\n\n", 0, start)
    lo = 0 if lo == -1 else lo + 2
    hi = raw.find("\n\n", end)
    hi = len(raw) if hi == -1 else hi
    return max(lo, start - limit), min(hi, end + limit)


def diff_html(raw: str, fix: Fix, limit: int = 60) -> str:
    """Each changed paragraph, before and after this fix, as one line with deleted
    characters struck through in red and inserted ones underlined in green."""
    parts = []
    for group in _groups(fix):
        start, end = group[0].start, max(e.end for e in group)
        lo, hi = _paragraph_bounds(raw, start, end, limit)
        before = raw[lo:hi]
        pieces, pos = [], lo
        for e in group:
            pieces.append(raw[pos : e.start])
            pieces.append(e.replacement)
            pos = e.end
        pieces.append(raw[pos:hi])
        after = "".join(pieces)
        body = _render(before.replace("\r\n", "\n"), after.replace("\r\n", "\n"))
        prefix = "…" if lo > 0 and raw[lo - 1] not in "\n" else ""
        suffix = "…" if hi < len(raw) and raw[hi] not in "\n" else ""
        parts.append(f"<p style='margin:0 0 6px 0'>{prefix}{body}{suffix}</p>")
    return "".join(parts)


def _groups(fix: Fix) -> list[list]:
    """Edits close together form one excerpt; a move's far ends get one each."""
    groups: list[list] = []
    for e in fix.edits:
        if groups and e.start - groups[-1][-1].end <= 40:
            groups[-1].append(e)
        else:
            groups.append([e])
    return groups


def _render(before: str, after: str) -> str:
    out = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(html.escape(shown(before[a1:a2])).replace("\n", "<br>"))
            continue
        if a2 > a1:
            out.append(
                f"<span style='background:{DIFF_DELETED_BG};color:{DIFF_DELETED_FG};text-decoration:line-through'>"
                f"{html.escape(visible(before[a1:a2]))}</span>"
            )
        if b2 > b1:
            out.append(
                f"<span style='background:{DIFF_INSERTED_BG};color:{DIFF_INSERTED_FG};text-decoration:underline'>"
                f"{html.escape(visible(after[b1:b2]))}</span>"
            )
    return "".join(out)
