"""cjk-latin-space: the space the web style puts between Chinese and Latin or digits.

What it detects
    In the web house style (the ``web`` preset, the convention of pangu.js and of most
    Chinese web style guides) one space separates Chinese from Latin letters and
    digits: ``全市 GDP 增长 6.5%``, ``5G 基站``. Copy written for print has none.
Why
    Print style (GB/T 15834, the ``print`` preset and the default) sets no space
    there, and stray-space removes such spaces; this rule is the web style's other
    half, so it is enabled only by the ``web`` preset. It inserts a plain space where
    an ideograph (or kana, hangul) meets an ASCII letter or digit directly, and after
    a percent sign that follows a number (``5% 的``). Spaces that are already there
    are stray-space's (it turns odd ones into one plain space). Nothing is inserted
    across a line break.
Example
    ``全市GDP增长6.5%，5G基站新建1200个。``
Fixed
    ``全市 GDP 增长 6.5%，5G 基站新建 1200 个。``
"""

from __future__ import annotations

import regex

from ..fixes import Category, Confidence, Edit, Fix
from ..text import CJK_CLASS

RULE_ID = "cjk-latin-space"
CATEGORY = Category.SPACING

_BOUNDARY = regex.compile(f"(?<=[{CJK_CLASS}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9]|(?<=[0-9])%)(?=[{CJK_CLASS}])")


def check(analysis) -> list[Fix]:
    text = analysis.text
    fixes: list[Fix] = []
    for m in _BOUNDARY.finditer(text):
        p = m.start()
        a = text.rfind("\n", 0, p) + 1
        b = text.find("\n", p)
        b = len(text) if b < 0 else b
        shown = text[max(a, p - 4) : p] + " " + text[p : min(b, p + 4)]
        fixes.append(
            Fix(
                RULE_ID,
                (Edit(p, p, " "),),
                CATEGORY,
                Confidence.LIKELY,
                f"网络排版：“{text[p - 1]}”与“{text[p]}”之间加一个空格（{shown}）",
                f"Web style: one space between “{text[p - 1]}” and “{text[p]}” ({shown})",
                (("kind", "web-space"),),
            )
        )
    return fixes
