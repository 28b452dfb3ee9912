"""byline: a reporter's name glued to the last paragraph of an article.

What it detects
    Extraction often sets the byline on the same line as the article's last sentence:
    ``……打造一支唯实惟先、善作善成的组工干部队伍。 周靖``. Recognised forms: a bare
    name (a known surname and one or two characters), names joined by 、, and keyword
    forms (``记者 张三``, ``本报记者 王芳 通讯员 李四``, ``（记者 赵磊）``, ``文/图 孙悦``,
    ``钱程 摄``). PyMuPDF also splits a byline one part per line (``文/图`` / ``孙悦``,
    ``记者`` / ``叶知秋、郑好``; pdftotext with blank lines between) or drops the gaps
    between its parts (``本报记者柯蓝、李静``, ``（记者安然通讯员施晓）``, ``钱程摄``).
    A one-word credit run into the next word is no byline (``文明城市``, ``摄影展``).
Why
    Left glued, the name reads as part of the sentence and ends up in the body of the
    reprint. It is only taken as a byline where the article ends (end of text, a blank
    line, a label or another byline follows), so ``。 周靖表示……`` is never split.
Example
    ``……组工干部队伍。 周靖``
Fixed
    ``……组工干部队伍。`` / ``周靖`` on a line of its own; a split byline on one line
    (``文/图 孙悦``), the dropped spaces put back (``本报记者 柯蓝、李静``, ``钱程 摄``).
"""

from __future__ import annotations

from .. import patterns
from ..fixes import Category, Confidence, Edit, Fix
from ..text import SPACE_CHARS, ZERO_WIDTH_CHARS, ends_sentence

RULE_ID = "byline"
CATEGORY = Category.BYLINE


def check(analysis) -> list[Fix]:
    fixes: list[Fix] = []
    for line in analysis.lines:
        at = line.glued_byline_at
        if at is None:
            continue
        # The run of spaces before the byline becomes a line break.
        start = at
        while start > line.start and analysis.text[start - 1] in SPACE_CHARS:
            start -= 1
        name = analysis.text[at : line.content_end]
        edits = [Edit(start, at, "\n")]
        spaced = patterns.spaced_byline(name)
        if spaced and spaced != patterns.visible(name):
            # Set without its spaces (记者徐晓航通讯员李婷): on its own line it would be
            # spaced on the next pass, so it is spaced now, in the same fix.
            edits.extend(_spacing(at, name, spaced))
        fixes.append(
            Fix(
                RULE_ID,
                tuple(edits),
                CATEGORY,
                Confidence.SURE,
                f"署名“{name}”粘在正文末尾，应另起一行",
                f"Byline “{name}” is glued to the last paragraph; put it on its own line",
                (("byline", name),),
            )
        )
    content = analysis.content_lines
    early = _read_early(analysis)
    moved = {line.index for line, _ in early}
    for line, last in early:
        name = patterns.spaced_byline(line.content) or line.content
        fixes.append(
            Fix(
                RULE_ID,
                (Edit(line.start, last.start, ""), Edit(last.end, last.end, "\n" + name)),
                CATEGORY,
                Confidence.LIKELY,
                f"署名“{name}”被提取到段落末行之前，应移到段末",
                f"Byline “{name}” was read before the last line of the paragraph; move it after that line",
                (("byline", name),),
            )
        )
    for line in content:
        if line.index in moved:
            continue
        spaced = patterns.spaced_byline(line.content) if line.byline else None
        if spaced and spaced != patterns.visible(line.content):
            # Insert the spaces the extractor dropped between role words and names.
            edits = _spacing(line.content_start, line.content, spaced)
            fixes.append(
                Fix(RULE_ID, tuple(edits), CATEGORY, Confidence.LIKELY, f"署名缺少空格：“{line.content}”应为“{spaced}”", f"Byline without spaces: “{line.content}” reads “{spaced}”", (("byline", spaced),))
            )
    for first, last in analysis.split_bylines:
        lines = content[first : last + 1]
        name = " ".join(ln.content for ln in lines)
        edits = tuple(Edit(a.content_end, b.content_start, " ") for a, b in zip(lines, lines[1:]))
        fixes.append(
            Fix(
                RULE_ID,
                edits,
                CATEGORY,
                Confidence.LIKELY,
                f"署名“{name}”被拆成{len(lines)}行，应合为一行",
                f"Byline “{name}” is split over {len(lines)} lines; put it on one line",
                (("byline", name),),
            )
        )
    return fixes


def _read_early(analysis) -> list:
    """(byline line, paragraph's last line): a byline read one line before the last
    line of the article's last paragraph. A byline set on that last line, right of its
    text, stands a little higher than the body type, and pdfminer, ordering a box's
    lines top down, writes it first: ``……农民工创业担保`` / ``记者 盛夏`` / ``贷款。``.
    The line above stops in mid-sentence, the line below is shorter than it, ends a
    sentence and ends the paragraph (a blank line, a label or the end of the text
    follows); the byline (also a bare name, ``按照标`` / ``吴昊`` / ``志标线减速慢行。``)
    goes after it. A byline between two whole paragraphs, or before a line that goes
    on, is left alone."""
    lines = analysis.lines
    split = {k for first, last in analysis.split_bylines for k in range(first, last + 1)}
    content_index = {ln.index: k for k, ln in enumerate(analysis.content_lines)}
    out = []
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if line.blank or content_index.get(line.index) in split:
            continue
        if not line.byline and not (patterns.may_be_byline(line.content) and patterns.is_byline(line.content)):
            continue  # a bare name (``吴昊``) is a byline only where the article ends: here too
        above, last = lines[i - 1], lines[i + 1]
        if above.blank or last.blank or above.byline or last.byline or above.label or last.label or above.standalone or last.glued_byline_at is not None:
            continue
        if ends_sentence(above.collapsed) or not ends_sentence(last.collapsed) or last.width >= above.width:
            continue
        after = lines[i + 2] if i + 2 < len(lines) else None
        if after is not None and not (after.blank or after.label):
            continue
        out.append((line, last))
    return out


def _spacing(start: int, raw: str, spaced: str) -> list[Edit]:
    """The insertions that turn *raw* (at *start*) into *spaced*; zero-width characters
    in *raw* are skipped (they are removed apart)."""
    shown = [i for i, c in enumerate(raw) if c not in ZERO_WIDTH_CHARS]
    edits, k = [], 0
    for part in spaced.split(" ")[:-1]:
        k += len(part)
        pos = start + shown[k - 1] + 1
        edits.append(Edit(pos, pos, " "))
    return edits
