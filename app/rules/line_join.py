"""line-join: hard line breaks and blank lines inside a paragraph.

What it detects
    Narrow newspaper columns (11–16 characters) end every line with a hard break, which
    splits words (``对标对`` / ``表``); column and page breaks add blank lines in the
    middle of a sentence (``强化`` / blank / ``落实``). PyMuPDF also cuts a line at every
    wide gap: a justified line spread out comes out in pieces (``1,800件，`` /
    ``还容易看走`` / ``眼。”……``, or one character per line), and a two-part headline
    set on one line with a gap comes out as two lines (``青年说理论`` / ``宣讲接地气``).
Why
    Real paragraph ends must survive, so each break is decided from the page itself
    (see :mod:`app.layout`): the column width, whether the line fills it, sentence-final
    punctuation, the lost first-line indent of the next line. A wrong join is harder to
    see than a missed one, so joins that rest on weak evidence are only suggested.
Example
    ``会议强调，要转变作风，强化`` / (blank) / ``落实， 把讲政治体现到贯彻落实``
Fixed
    ``会议强调，要转变作风，强化落实， 把讲政治体现到贯彻落实`` (CJK joined with nothing,
    Latin words with a space, ``inter-`` / ``national`` de-hyphenated); the two parts
    of a headline are joined with the space that separated them on the page
    (``青年说理论 宣讲接地气``).
"""

from __future__ import annotations

from ..fixes import Category, Confidence, Edit, Fix
from ..page_lines import TWO_PART_HEADLINE, Break

RULE_ID = "line-join"
CATEGORY = Category.LINE_BREAK


def _joiner(left: str, right: str) -> tuple[str, bool]:
    """What replaces the break between *left* and *right* (their stripped contents),
    and whether a trailing hyphen of *left* is dropped."""
    a, b = left[-1:], right[:1]
    if a == "-" and left[-2:-1].isascii() and left[-2:-1].isalpha() and b.isascii() and b.islower():
        return "", True
    if a.isascii() and b.isascii() and (a.isalnum() or a in ",.;:!?)") and (b.isalnum() or b in "("):
        return " ", False
    return "", False


def check(analysis) -> list[Fix]:
    fixes: list[Fix] = []
    append = fixes.append
    # One detail tuple per (reason, column, blank lines): few differ, and each tuple
    # made is one more object for the collector to scan once the analysis ends.
    details: dict[tuple[str, float | None, int], tuple[tuple[str, str], ...]] = {}
    JOIN = Break.JOIN
    SURE, LIKELY, DOUBTFUL = Confidence.SURE, Confidence.LIKELY, Confidence.DOUBTFUL  # (read per fix)
    for gap in analysis.gaps:
        if gap.decision is not JOIN:
            continue
        a, b = gap.before, gap.after
        joiner, dehyphen = _joiner(a.content, b.content)
        if gap.reason == TWO_PART_HEADLINE:
            joiner = " "  # the gap between the two parts is the headline's own space
        # The edit covers the line feed(s) and blank lines only; trailing and leading
        # spaces belong to stray-space, so each can be accepted on its own.
        start = a.content_end - 1 if dehyphen else a.end
        end = b.start
        if end <= start:
            continue
        reason = gap.reason
        if not gap.default_join:
            confidence = DOUBTFUL
        else:
            confidence = SURE if gap.confident else LIKELY
        left, right = a.content[-6:], b.content[:6]
        if gap.blanks:
            zh = f"段落中间的空行（{_REASONS_ZH.get(reason, reason)}）：“{left}”与“{right}”应连接"
            en = f"Blank line inside a paragraph ({reason}): join “{left}” and “{right}”"
        else:
            zh = f"段落中间的换行（{_REASONS_ZH.get(reason, reason)}）：“{left}”与“{right}”应连接"
            en = f"Line break inside a paragraph ({reason}): join “{left}” and “{right}”"
        detail = details.get((reason, gap.column, gap.blanks))
        if detail is None:
            column = f"{gap.column:g}" if gap.column else "-"
            detail = details[reason, gap.column, gap.blanks] = (("reason", reason), ("column", column), ("blank_lines", str(gap.blanks)))
        append(Fix(RULE_ID, (Edit(start, end, joiner),), CATEGORY, confidence, zh, en, detail))
    return fixes


_REASONS_ZH = {
    "fills the column": "该行排满栏宽",
    "ends mid-sentence": "句子未完",
    "ends with a comma": "以逗号结尾",
    "sentence ends at the margin": "句末恰在行尾，下一行无缩进",
    "long line, last line follows": "长行后接段末行",
    "Latin words wrap": "西文单词折行",
    "first line ends a sentence at the margin": "段首行句末恰在行尾",
    "first line of a paragraph": "段首行（缩进两字）",
    "short line inside a paragraph": "段落中间的短行（避头尾、西文较宽或提取时被拆开）",
    "two-part headline": "两段式标题被拆成两行",
}

