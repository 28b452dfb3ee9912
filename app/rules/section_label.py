"""section-label: a section label extracted after its article instead of before it.

What it detects
    Pages head each article with a boxed label naming the organisation it comes from
    (``区委组织部``, ``区人民法院``). Extractors often emit the box after the article
    text, so the label sits between one article's byline and the next article.
Why
    A label in the wrong place is attributed to the wrong article. The move is decided
    from evidence on the page, never from position alone: which neighbouring article
    names the organisation (above all in its first paragraph), whether the label follows
    a byline, whether the page ends with a label (labels trail throughout), and whether
    the pattern repeats (on a page that opens and closes inside articles, the labels
    only one neighbouring article names set the order for the others). A label that
    the next article names stays where it is. A label in the middle of a sentence (the
    extractor reached the box at a page or column break: ``……劳动等各`` / ``区教育局``
    / ``类社团课程……``) belongs to the article it interrupts, and so does one read
    between two paragraphs of an article, the paragraph above not closing the article
    with a byline (``……学习建议。`` / ``市科技局`` / ``在城郊的一处智慧农`` / ``场，……``).
    Unless that article never names the organisation and the next one (after its
    byline) does: pdfminer orders boxes by nearness and reaches the label, set above
    the next article's headline, at the foot of a column of the article above
    (``……把工作做`` / ``市发展和改革委员会`` / ``到群众心坎上。``, the next article:
    ``5月份我市CPI同比上涨0.3%`` / ``近日，市统计局、市发展和改革委员会发布数据……``);
    the label then goes above that next article's headline. A township's label
    (``溪口镇党委``) counts as named where the town is (``走进溪口镇下坞村``).
    Where articles without a label share the run above a label, the label goes with
    the article whose byline it follows, even when one further up names the
    organisation first. On a page that puts labels after their articles, a label after a
    byline (or one the article above names first thing) goes up even when the article
    below names the organisation further down (``市妇联联合市人力资源和社会保障局……``).
Example
    ``……干部队伍。`` / ``周靖`` / ``区委组织部`` / ``6月30日，区委宣传部……``
    where the article above begins ``6月27日上午，区委组织部召开……``
Fixed
    ``区委组织部`` moved to the line before ``6月27日上午，区委组织部召开……``; the move is
    one fix (a deletion and an insertion) accepted or rejected as a whole. An article
    with a headline of its own gets the label above the headline, where the box sits on
    the page (``区委组织部`` / ``践行“八八战略” 投身“两个先行”`` / ``9月22日，……``),
    also when the article above it ended without a byline under a headline of its own;
    a page banner that heads running text above the article (a lead with no headline
    of its own) keeps the label below it. A label moved out of a paragraph closes the
    paragraph up.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import regex

from ..fixes import Category, Confidence, Edit, Fix
from ..page_lines import Paragraph
from ..text import SPACE_CHARS, ZERO_WIDTH_CHARS

RULE_ID = "section-label"
CATEGORY = Category.LABEL


_WHITESPACE = re.compile(f"[{SPACE_CHARS}{ZERO_WIDTH_CHARS}\n]+")  # and invisible characters
_FORM_FEED = regex.compile("\x0c")


def _plain(text: str) -> str:
    return _WHITESPACE.sub("", text)


def _is_label(p: Paragraph) -> bool:
    return len(p.lines) == 1 and p.lines[0].label


def _is_byline_end(p: Paragraph) -> bool:
    last = p.lines[-1]
    return last.byline or last.glued_byline_at is not None


def _head(analysis, segment: list[Paragraph], name: str, cut_last: bool = False) -> Paragraph | None:
    """The first body paragraph of the article in *segment*, below its headline and
    subtitle. The paragraph that names the label's organisation anchors the search (a
    lead or intertitle elsewhere in the segment does not mislead it); without one, the
    headings among the segment's first paragraphs are skipped. *cut_last*: the last
    paragraph is running text that a label interrupts (a lone cut line may look like a
    heading)."""
    body = analysis.body_lines

    def is_body(p: Paragraph) -> bool:
        return p.lines[0].index in body or (cut_last and p is segment[-1])

    def is_heading(p: Paragraph) -> bool:
        return not (cut_last and p is segment[-1]) and _is_heading(body, p)

    anchor = next((k for k, p in enumerate(segment) if is_body(p) and _mentions(analysis, p, name)), None)
    limit = anchor if anchor is not None else min(len(segment), 4)
    last_heading = max((k for k in range(limit) if is_heading(segment[k])), default=-1)
    return next((p for p in segment[last_heading + 1 :] if is_body(p)), None)


def _above_headings(analysis, segment, head):
    """The paragraph a label goes before: its article's own headline block (a headline
    that follows a byline, a label, an article under a headline of its own, or opens
    the segment); a heading after running text with no headline above it is the page's
    banner, and the label stays below it."""
    body = analysis.body_lines
    k = segment.index(head)
    while k > 0 and _is_heading(body, segment[k - 1]):
        k -= 1
    if k > 0 and not (_is_byline_end(segment[k - 1]) or _is_label(segment[k - 1])):
        # Running text above the headline block. A page's banner heads the running
        # text of the page (a lead with no headline of its own above it); after an
        # article under a headline of its own (one that ended without a byline), the
        # block is the next article's headline.
        j = _running_text_start(body, segment, k - 1) - 1
        if j < 0 or _is_byline_end(segment[j]) or _is_label(segment[j]):
            return head
    return segment[k]


def _is_heading(body: frozenset[int], p: Paragraph) -> bool:
    """A headline, subtitle or intertitle: not running text, a byline or a label."""
    return p.lines[0].index not in body and not _is_byline_end(p) and not _is_label(p)


def _running_text_start(body: frozenset[int], segment: list[Paragraph], k: int) -> int:
    """Where the run of running-text paragraphs that ends at segment[k] starts."""
    while k >= 0 and segment[k].lines[0].index in body:
        k -= 1
    return k + 1


def _last_article(analysis, segment: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs of the last article of *segment* (the run above a label): after the
    last byline that ends an article before it, or from the last headline block (two
    headings or more in a row: a headline of two lines, a headline and its subtitle;
    an intertitle is one line) that follows an article's running text (not a lead that
    opens the run: then the block is a page banner). Articles without a label of
    their own share the run with the labelled one; the label goes with the article it
    follows, not with one further up that happens to name the same organisation."""
    body = analysis.body_lines
    k = len(segment)
    while k and _is_byline_end(segment[k - 1]):
        k -= 1  # its own byline (a split one takes several paragraphs)
    for j in range(k - 1, 0, -1):  # j: where the last article may start
        above = segment[j - 1]
        if _is_byline_end(above):
            return segment[j:]
        if above.lines[0].index in body and j + 1 < k and _is_heading(body, segment[j]) and _is_heading(body, segment[j + 1]):
            # A headline block after running text, unless that text is a lead with no
            # headline above it: then the block is the page's banner over the article.
            if _running_text_start(body, segment, j - 1) > 0:
                return segment[j:]
    return segment


def _mentions(analysis, p: Paragraph | None, name: str) -> bool:
    if p is None:
        return False
    # Most paragraphs do not hold the name's first character at all: no need to clean
    # them (the cleaned text only drops characters).
    if analysis.text.find(name[:1], p.start, p.end) < 0:
        return False
    return name in _plain(analysis.text[p.start : p.end])


def _article_text(analysis, segment: list[Paragraph]) -> str:
    text = analysis.text
    return _plain("".join([text[p.start : p.end] for p in segment]))  # one clean per article


def page_pattern(analysis, paras: list[Paragraph], labels: list[int], votes=lambda: (0, 0)) -> str:
    """Where this page puts labels: "trailing" when it ends with a label and its first
    article has none before it, "leading" when it starts with one and does not end with
    one, else "unknown". A label between two articles is no evidence either way: in both
    orders it follows one article's byline and precedes the next article. A page that
    opens and closes inside articles (continued from and onto other pages) says nothing
    by its ends; there the labels that only one neighbouring article names set the order
    (*votes*: a function giving the count of labels only the article above names and of
    those only the article below names), when two or more agree and none disagrees."""
    body = analysis.body_lines
    first_body = next((i for i, p in enumerate(paras) if p.lines[0].index in body), None)
    ends = _is_label(paras[-1])
    starts = first_body is not None and labels[0] < first_body
    if ends and not starts:
        return "trailing"
    if starts and not ends:
        return "leading"
    if not ends and not starts:
        # The page's ends say nothing (it opens and closes inside articles): the labels
        # whose place the naming decides set the order for the others.
        trailing, leading = votes()
        if trailing >= 2 and not leading:
            return "trailing"
        if leading >= 2 and not trailing:
            return "leading"
    return "unknown"


def _patterns_by_page(analysis, paras: list[Paragraph], labels: list[int], texts: list[str]) -> dict[int, str]:
    """The label order (see :func:`page_pattern`) of the page each label is on, by label.
    Pages are told apart by form feeds; an edition may mix pages that set labels first
    with pages that set them after the article."""
    breaks = [m.start() for m in _FORM_FEED.finditer(analysis.text)]
    page_of = [bisect_right(breaks, p.start) for p in paras]
    by_page: dict[int, str] = {}
    out: dict[int, str] = {}
    for i in labels:
        page = page_of[i]
        if page not in by_page:
            # Paragraphs come in reading order, so a page's paragraphs are one run.
            first = bisect_left(page_of, page)
            last = bisect_right(page_of, page)
            here = [j for j in labels if page_of[j] == page]
            by_page[page] = page_pattern(analysis, paras[first:last], [j - first for j in here], lambda here=here: _votes(paras, labels, texts, here))
        out[i] = by_page[page]
    return out


def _votes(paras: list[Paragraph], labels: list[int], texts: list[str], here: list[int]) -> tuple[int, int]:
    """(trailing, leading): labels among *here* that only the article above names, and
    labels that only the article below names (*texts*: the text between labels)."""
    trailing = leading = 0
    first = labels.index(here[0])
    for n, j in enumerate(here, first):
        name = _plain(paras[j].lines[0].content)
        above = name in texts[n]
        below = name in texts[n + 1]
        if above and not below:
            trailing += 1
        elif below and not above:
            leading += 1
    return trailing, leading


def check(analysis) -> list[Fix]:
    paras = analysis.paragraphs
    labels = [i for i, p in enumerate(paras) if _is_label(p)]
    if not labels:
        return []
    bounds = [-1] + labels + [len(paras)]
    # The text of each run of paragraphs between two labels, whitespace removed.
    texts = [_article_text(analysis, paras[bounds[n] + 1 : bounds[n + 1]]) for n in range(len(bounds) - 1)]
    patterns = _patterns_by_page(analysis, paras, labels, texts)
    fixes: list[Fix] = []
    inside = analysis.labels_inside
    for n, i in enumerate(labels):
        pattern = patterns[i]
        if paras[i].lines[0].index in inside:
            fix = _move_from_inside(analysis, paras, i, _last_article(analysis, paras[bounds[n] + 1 : i]), pattern, texts[n])
            if fix is not None:
                fixes.append(fix)
            continue
        prev_seg = _last_article(analysis, paras[bounds[n] + 1 : i])
        # The label may have been read just before the byline of the article above
        # (``……“双稳定”。`` / ``县农业农村局`` / ``通讯员 郑丽 记者 黄海``): the next article
        # starts after that byline, and the label follows an article's end as after one.
        j = i + 1
        while j < bounds[n + 2] and _is_byline_end(paras[j]):
            j += 1
        before_byline = j > i + 1
        next_seg = paras[j : bounds[n + 2]]
        name = _plain(paras[i].lines[0].content)
        if _between_paragraphs(analysis, paras, i):
            fix = _move_from_between(analysis, paras, i, prev_seg, next_seg, name, pattern, texts[n])
            if fix is not None:
                fixes.append(fix)
            continue
        prev_head = _head(analysis, prev_seg, name)
        if prev_head is None:
            continue
        next_head = _head(analysis, next_seg, name)
        prev_named = _mentions(analysis, prev_head, name) or _place_named(name, _article_text(analysis, [prev_head]))
        next_named = name in texts[n + 1] or _place_named(name, texts[n + 1])
        after_byline = (i > 0 and _is_byline_end(paras[i - 1])) or before_byline
        if next_named or pattern == "leading":
            # The article below names it, or the page puts labels first: it is in place,
            # unless the article above names it first thing and the one below only
            # further down; or the page puts labels after their articles and the
            # article above names it first thing, or the label follows a byline and
            # the article below does not name it first thing.
            next_head_named = _mentions(analysis, next_head, name)
            trailing = pattern == "trailing" and (prev_named or (after_byline and not next_head_named))
            if not ((prev_named and not next_head_named and pattern != "leading") or trailing):
                continue
        if prev_named and not next_named and (pattern == "trailing" or after_byline):
            confidence = Confidence.SURE
        elif prev_named and not next_named:
            confidence = Confidence.LIKELY
        elif pattern == "trailing" and (after_byline or prev_named):
            confidence = Confidence.LIKELY
        elif after_byline and not next_named and name in texts[n]:
            # The article above names it further down, the one below not at all.
            confidence = Confidence.LIKELY
        elif pattern == "trailing":
            confidence = Confidence.DOUBTFUL
        else:
            continue
        fixes.append(_move(analysis, paras, i, _above_headings(analysis, prev_seg, prev_head), name, confidence, prev_named))
    return fixes


def _move_from_inside(analysis, paras: list[Paragraph], i: int, prev_seg: list[Paragraph], pattern: str, prev_text: str) -> Fix | None:
    """A label extracted in the middle of a paragraph (see ``PageAnalysis.labels_inside``)
    belongs to the article it interrupts: it goes above that article's headline, and the
    paragraph closes up around the place it leaves."""
    name = _plain(paras[i].lines[0].content)
    head = _head(analysis, prev_seg, name, cut_last=True)
    if head is None or i + 1 >= len(paras):
        return None
    named = name in prev_text
    delete = Edit(paras[i - 1].lines[-1].end, paras[i + 1].lines[0].start, "")
    below = _next_article_naming(analysis, paras, i, name, prev_text)
    if below is not None:
        return _move(analysis, paras, i, below, name, Confidence.LIKELY, _mentions(analysis, below, name), delete, inside=True, below=True)
    confidence = Confidence.LIKELY if named or pattern == "trailing" else Confidence.DOUBTFUL
    return _move(analysis, paras, i, _above_headings(analysis, prev_seg, head), name, confidence, _mentions(analysis, head, name), delete, inside=True)


_PARAGRAPH_TAIL = re.compile(r"[。…][”’）」』]*$")  # no headline ends so


def _next_article_naming(analysis, paras: list[Paragraph], i: int, name: str, prev_text: str) -> Paragraph | None:
    """Where a label read inside an article that never names it goes when the article
    below does: pdfminer orders the page's boxes by nearness, and reaches the label,
    which sits above the next article's headline, at the foot of one of the columns
    of the article above (``……把工作做`` / ``市发展和改革委员会`` / ``到群众心坎上。``, the
    article below: ``5月份我市CPI同比上涨0.3%`` / …… ``市发展和改革委员会价格监测中心负责人
    分析……``). The interrupted article (above the label and down to its byline) must
    not name the organisation, the next article (after that byline, up to the next
    label, or its byline) must; the label goes above its headline, the first thing after
    that byline. None when that evidence is missing."""
    if name in prev_text:
        return None
    end = next((k for k in range(i + 1, len(paras)) if _is_byline_end(paras[k]) or _is_label(paras[k])), None)
    if end is None or not _is_byline_end(paras[end]):
        return None
    while end + 1 < len(paras) and _is_byline_end(paras[end + 1]):
        end += 1  # a byline split over paragraphs
    if end + 1 < len(paras) and len(paras[end + 1].lines) == 1 and _PARAGRAPH_TAIL.search(paras[end + 1].lines[0].content):
        end += 1  # the paragraph's last line, read after the byline (``文/图 章华`` / ``去。”``)
    if name in _article_text(analysis, paras[i + 1 : end + 1]):
        return None
    stop = next((k for k in range(end + 1, len(paras)) if _is_label(paras[k]) or _is_byline_end(paras[k])), len(paras))
    segment = paras[end + 1 : stop + 1] if stop < len(paras) and _is_byline_end(paras[stop]) else paras[end + 1 : stop]
    if not segment or name not in _article_text(analysis, segment):
        return None
    return segment[0]  # right after the byline: the next article's headline


def _between_paragraphs(analysis, paras: list[Paragraph], i: int) -> bool:
    """The label at *i* sits between two paragraphs of running text, the one above not
    ending its article (no byline): the extractor reached the box in the middle of the
    article's text."""
    if not 0 < i < len(paras) - 1:
        return False
    body = analysis.body_lines
    above, below = paras[i - 1], paras[i + 1]
    return above.lines[0].index in body and not _is_byline_end(above) and below.lines[0].index in body and len(below.lines) > 1


def _move_from_between(analysis, paras, i, prev_seg, next_seg, name, pattern, prev_text) -> Fix | None:
    """A label read between two paragraphs of an article goes above that article's
    headline. Sure enough when the article names the organisation above the label, or
    below it on a page that does not set labels first; a question otherwise."""
    head = _head(analysis, prev_seg, name)
    if head is None:
        return None
    rest = []
    for p in next_seg:
        rest.append(p)
        if _is_byline_end(p):
            break
    named_above = name in prev_text or _place_named(name, prev_text)
    named_below = name in _article_text(analysis, rest)
    below = _next_article_naming(analysis, paras, i, name, prev_text)
    if below is not None:
        return _move(analysis, paras, i, below, name, Confidence.LIKELY, _mentions(analysis, below, name), below=True)
    if named_above or (named_below and pattern != "leading"):
        confidence = Confidence.LIKELY
    elif pattern == "leading":
        return None
    else:
        confidence = Confidence.DOUBTFUL
    return _move(analysis, paras, i, _above_headings(analysis, prev_seg, head), name, confidence, _mentions(analysis, head, name), inside=True)


_PLACE = re.compile(r"^\w{2,6}?(?:街道|镇|乡)")


def _place_named(name: str, text: str) -> bool:
    """The place a township's label names is named in *text* (``溪口镇党委``: the article
    walks ``走进溪口镇下坞村``): a town or street-office name is no word of running text."""
    m = _PLACE.match(name)
    return m is not None and m.end() < len(name) and m.group() in text


def _move(
    analysis,
    paras: list[Paragraph],
    i: int,
    head: Paragraph,
    name: str,
    confidence: Confidence,
    named: bool,
    delete: Edit | None = None,
    *,
    inside: bool = False,
    below: bool = False,
) -> Fix:
    label_line = paras[i].lines[0]
    if delete is None:
        if i + 1 < len(paras):
            delete = Edit(label_line.start, paras[i + 1].lines[0].start, "")
        else:
            delete = Edit(paras[i - 1].lines[-1].end, label_line.end, "")
    first = head.lines[0]
    # At the head's line start, but after a page break (form feed) that opens the line:
    # the label goes with its article onto the article's page.
    at = first.start
    page_break = first.text.rfind("\x0c", 0, first.content_start - first.start)
    if page_break >= 0:
        at = first.start + page_break + 1
    insert = Edit(at, at, name + "\n")
    if below:
        zh = f"栏目标签“{name}”被提取到上一篇文章中间（该文未提及，下一篇提及），应移到下一篇文章开头"
        en = f"Section label “{name}” was extracted in the middle of the article above (which does not name it; the next one does); move it to the next article's head"
    elif inside:
        zh = f"栏目标签“{name}”被提取到文章中间，应移到其文章开头"
        en = f"Section label “{name}” was extracted in the middle of its article; move it to the article's head"
    else:
        why_zh = "本文首段提到该单位" if named else "位于署名之后"
        why_en = "the article's first paragraph names it" if named else "it follows a byline"
        zh = f"栏目标签“{name}”排在文章之后，应移到其文章开头（{why_zh}）"
        en = f"Section label “{name}” comes after its article; move it to the article's head ({why_en})"
    return Fix(RULE_ID, (delete, insert), CATEGORY, confidence, zh, en, (("label", name),))
