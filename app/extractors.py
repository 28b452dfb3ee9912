"""Recognising how a text was extracted, where it matters for the analysis.

``pdftotext -layout`` keeps the page's geometry: the columns of a newspaper page stand
side by side on each line, separated by runs of spaces. No line rule can rejoin such
text (the lines of different columns alternate), so ProofDesk says so and advises a
plain extraction instead of proposing thousands of wrong joins.
"""

from __future__ import annotations

import regex

from .text import SPACE_CHARS

# A gutter: three or more spaces between two visible characters.
_GUTTER = regex.compile(f"[^{SPACE_CHARS}][{SPACE_CHARS}]{{3,}}[^{SPACE_CHARS}]")
LAYOUT_SHARE = 0.3  # share of lines with a gutter that marks side-by-side columns
MIN_LINES = 10


def looks_like_layout_mode(text: str) -> bool:
    """True when most of the page's lines hold columns side by side."""
    lines = [ln for ln in text.split("\n") if ln.strip(SPACE_CHARS)]
    if len(lines) < MIN_LINES:
        return False
    with_gutter = sum(1 for ln in lines if _GUTTER.search(ln.strip(SPACE_CHARS)))
    return with_gutter >= LAYOUT_SHARE * len(lines)


LAYOUT_WARNING_EN = (
    "this text looks like `pdftotext -layout` output: the page's columns stand side by side on each line, "
    "which no line rule can rejoin. Extract the page again without -layout (plain pdftotext or PyMuPDF) for a useful review."
)
LAYOUT_WARNING_ZH = "这份文字看起来是 pdftotext -layout 的输出：版面的各栏并排在同一行上，无法逐行拼接。请不加 -layout 重新提取（普通 pdftotext 或 PyMuPDF），再来校对。"
