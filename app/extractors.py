"""Recognising how a text was extracted, where it matters for the analysis.

``pdftotext -layout`` keeps the page's geometry: the columns of a newspaper page stand
side by side on each line, separated by runs of spaces. No line rule can rejoin such
text (the lines of different columns alternate), so :mod:`app.document` puts its columns
back in reading order (:mod:`app.columns`) and says so; the editor may keep the file as
it is instead (``--columns keep``), and is then told what that means.
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


# Gutters, but no column ProofDesk could put in order.
LAYOUT_WARNING_EN = (
    "this text looks like `pdftotext -layout` output: the page's columns stand side by side on each line, "
    "which no line rule can rejoin, and ProofDesk found no columns it could put back in reading order. "
    "Extract the page again without -layout (plain pdftotext or PyMuPDF) for a useful review."
)
LAYOUT_WARNING_ZH = "这份文字看起来是 pdftotext -layout 的输出：版面的各栏并排在同一行上，无法逐行拼接，ProofDesk 也未能找出可按阅读顺序重排的分栏。请不加 -layout 重新提取（普通 pdftotext 或 PyMuPDF），再来校对。"

# The editor asked to review a layout-mode text as it is.
LAYOUT_KEPT_EN = (
    "this `pdftotext -layout` text is reviewed as it is, as asked: its columns stand side by side on each line, "
    "so the line rules cannot rejoin them and will suggest wrong joins. Open it with its columns in reading order "
    "(the default: --columns auto; in the window File ▸ Put Columns in Reading Order) or extract the page again without -layout."
)
LAYOUT_KEPT_ZH = (
    "按要求原样校对这份 pdftotext -layout 文字：各栏并排在同一行上，逐行拼接规则无法正确处理，会提出错误的拼接。"
    "请按阅读顺序重排分栏后再打开（默认：--columns auto；窗口中“文件 ▸ 按阅读顺序排列分栏”），或不加 -layout 重新提取。"
)


def columns_notice(report) -> tuple[str, str]:
    """What :func:`app.columns.restore_columns` did, for the editor (English, Chinese)."""
    blocks = report.blocks
    lo, hi = (min(blocks), max(blocks)) if blocks else (0, 0)
    cols_en = f"{lo}" if lo == hi else f"{lo}–{hi}"
    pages_en = f"{report.pages} page{'s' if report.pages != 1 else ''}"
    what_en = f"{pages_en}, {len(blocks)} block{'s' if len(blocks) != 1 else ''} of {cols_en} columns" if blocks else pages_en
    what_zh = f"{report.pages} 页，{len(blocks)} 个分栏区块，每块 {cols_en} 栏" if blocks else f"{report.pages} 页"
    if report.staircases:
        n = report.staircases
        what_en += f", {n} staircase headline{'s' if n != 1 else ''} (painted twice) straightened"
        what_zh += f"，{n} 个阶梯状重影标题已理顺"
    en = (
        f"this looks like `pdftotext -layout` output (columns side by side); its columns were put back in reading order "
        f"({what_en}). ProofDesk reviews that text: rejecting every fix gives it back, not the file byte for byte; "
        "line and column numbers still refer to the file. To review the file as it is: --columns keep "
        "(in the window: File ▸ Put Columns in Reading Order, off)."
    )
    zh = (
        f"这份文字看起来是 pdftotext -layout 的输出（各栏并排），已按阅读顺序重排分栏（{what_zh}）。"
        "ProofDesk 校对的是重排后的文字：全部拒绝修改时得到的是重排后的文字，而不是原文件的逐字节内容；行号和列号仍指原文件。"
        "如需按原样校对：--columns keep（窗口中取消勾选“文件 ▸ 按阅读顺序排列分栏”）。"
    )
    return en, zh
