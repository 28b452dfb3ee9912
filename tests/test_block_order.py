"""Pieces of a plain extraction read before the column they continue, put back in reading
order on opening (app/block_order.py), and how the document, the command line and the
window's review files treat it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from app.analyze import analyse
from app.block_order import restore_block_order
from app.document import load_document
from app.engine import apply_fixes

from .conftest import ROOT, SAMPLE

WIDTH = 12  # characters per column line, as on a narrow newspaper column
HANGING = tuple("，。、；：！？”’）")

# A short article, typed for the purpose: three paragraphs, the middle one cut by a column
# break in mid-sentence (after 务实, before 举措).
P1 = "今年以来，县人民检察院深入推进党建与业务融合发展，以党建品牌为抓手，推动工作提质增效。"
P2A = "在未成年人检察工作中，该院联合县教育局、团县委等多家单位开展法治进校园巡讲活动，推出一系列务实"
P2B = "举措，覆盖师生一万余人次。检察官们用一个个真实案例，教孩子们学会保护自己。"
P3 = "下一步，该院将持续擦亮党建品牌，以高质量党建引领检察工作高质量发展，服务大局。"


def wrap(text: str, first: bool) -> list[str]:
    """Lines of a column WIDTH wide; a paragraph's first line two characters short (its
    indent, which a plain extraction drops)."""
    lines, width = [], WIDTH - 2 if first else WIDTH
    while text:
        if text[width : width + 1] in HANGING:
            width += 1  # a closing mark never starts a line: it hangs past the margin
        lines.append(text[:width])
        text, width = text[width:], WIDTH
    return lines


def block(*lines: list[str]) -> str:
    return "\n".join(ln for part in lines for ln in part)


def test_wrap_gives_full_lines():
    # The cut falls at a line end: the open end fills its column.
    assert len(wrap(P2A, True)[-1]) == WIDTH


# As read: the top of the next column (P2B, starting in mid-sentence) before the bottom
# of the column it continues (P2A, stopping in mid-sentence before a new paragraph).
MISORDERED = "\n\n".join([block(wrap(P1, True)), block(wrap(P2B, False)), block(wrap(P2A, True)), block(wrap(P3, True))]) + "\n"
IN_ORDER = "\n\n".join([block(wrap(P1, True)), block(wrap(P2A, True), wrap(P2B, False)), block(wrap(P3, True))]) + "\n"


def test_piece_read_too_early_goes_after_the_text_it_continues():
    restored = restore_block_order(MISORDERED)
    assert restored is not None and restored.report.moved == 1
    assert restored.text == IN_ORDER
    # Nothing lost or added but the line breaks around the moved piece.
    assert Counter(restored.text.replace("\n", "")) == Counter(MISORDERED.replace("\n", ""))


def test_restored_text_is_cleaned_into_its_paragraphs():
    restored = restore_block_order(MISORDERED)
    from app.document import Document

    doc = Document(restored.text)
    result = analyse(doc)
    cleaned = apply_fixes(doc.raw, [f for f in result.fixes if f.id in result.applied_by_default]).text
    assert [ln for ln in cleaned.split("\n") if ln] == [P1, P2A + P2B, P3]


def test_map_goes_back_to_the_file():
    restored = restore_block_order(MISORDERED)
    for pos in range(len(restored.text)):
        ch = restored.text[pos]
        if ch != "\n":
            assert MISORDERED[restored.to_source(pos)] == ch


def test_crlf_file_keeps_its_line_ends_and_its_map():
    crlf = MISORDERED.replace("\n", "\r\n")
    restored = restore_block_order(crlf)
    assert restored is not None
    assert restored.text == IN_ORDER.replace("\n", "\r\n")
    for pos, ch in enumerate(restored.text):
        if ch not in "\r\n":
            assert crlf[restored.to_source(pos)] == ch


def test_a_moved_piece_keeps_its_indent():
    # An ideographic indent (Founder's TXT export writes them) is a paragraph clue: the
    # piece that moves takes it along, and nothing but line breaks changes.
    first = wrap(P2A, True)
    first[0] = "\u3000\u3000" + first[0]
    text = "\n\n".join([block(wrap(P1, True)), block(wrap(P2B, False)), block(first), block(wrap(P3, True))]) + "\n"
    restored = restore_block_order(text)
    assert restored is not None
    assert restored.text == "\n\n".join([block(wrap(P1, True)), block(first, wrap(P2B, False)), block(wrap(P3, True))]) + "\n"


def test_two_pieces_read_early_pair_in_order():
    """Two column tops read before two column bottoms (seen with pdftotext): the first
    top goes on from the first bottom, the second from the second."""
    q1a = "县检察院检察长沈立新说：“党建和业务不是‘两张皮’，而是要拧成‘一股"
    q1b = "绳’。”该院把党支部建在办案一线，组建党员先锋办案组六个，由党员检察官牵头办理重大疑难案件。"
    q2a = "在公益诉讼工作中，该院推行党建加公益诉讼模式，围绕生态环境和资源保护等领域开展专项监督，年内立"
    q2b = "案办理公益诉讼案件五十八件，发出诉前检察建议四十一份，督促修复受损林地二十六亩。"
    a1, a2 = wrap(q1a, True), wrap(q2a, True)
    assert len(a1[-1]) == WIDTH and len(a2[-1]) == WIDTH
    text = "\n\n".join([block(wrap(P1, True)), block(wrap(q1b, False)), block(wrap(q2b, False)), block(a1), block(a2), block(wrap(P3, True))]) + "\n"
    restored = restore_block_order(text)
    assert restored is not None and restored.report.moved == 2
    expected = "\n\n".join([block(wrap(P1, True)), block(a1, wrap(q1b, False)), block(a2, wrap(q2b, False)), block(wrap(P3, True))]) + "\n"
    assert restored.text == expected


# A whole paragraph read between the top of a column and the open bottom it continues
# (seen with pdftotext): the top goes after the open end, the paragraph keeps its place.
P_BETWEEN = "与此同时，县人民检察院还组织干警深入社区和企业走访，收集意见建议三十二条，逐条研究整改。"


def test_piece_read_before_a_whole_paragraph_goes_after_the_open_end():
    text = "\n\n".join([block(wrap(P1, True)), block(wrap(P2B, False)), block(wrap(P_BETWEEN, True)), block(wrap(P2A, True)), block(wrap(P3, True))]) + "\n"
    restored = restore_block_order(text)
    assert restored is not None and restored.report.moved == 1
    expected = "\n\n".join([block(wrap(P1, True)), block(wrap(P_BETWEEN, True)), block(wrap(P2A, True), wrap(P2B, False)), block(wrap(P3, True))]) + "\n"
    assert restored.text == expected


def test_two_candidates_before_an_open_end_move_nothing():
    # Two pieces that could each go on from the open end: which one does is not clear.
    other = "检察官们还走进课堂开展法治讲座，以案释法，引导青少年明辨是非、遵纪守法。"
    text = "\n\n".join([block(wrap(P1, True)), block(wrap(other, False)), block(wrap(P2B, False)), block(wrap(P_BETWEEN, True)), block(wrap(P2A, True)), block(wrap(P3, True))]) + "\n"
    assert restore_block_order(text) is None


def test_a_loose_start_another_open_end_may_claim_stays():
    # Right after the open end, a paragraph's first line cut by the column end: the piece
    # read early may go on from either.
    cut_first = wrap(P_BETWEEN, True)[0]
    text = "\n\n".join([block(wrap(P1, True)), block(wrap(P2B, False)), block(wrap(P3, True)), block(wrap(P2A, True)), cut_first, block(wrap(P3, True))]) + "\n"
    assert restore_block_order(text) is None


# A paragraph's first line cut by the column end, read after the rest of its paragraph,
# just before the next article's head (seen with pdftotext): the rest goes after it.
Q_LAST = "百姓的笑脸，是最好的答卷。只要我们始终把群众的冷暖放在心上，就一定能把实事办到群众心坎上。"


def test_rest_of_a_paragraph_read_before_its_cut_first_line_goes_after_it():
    first, *rest = wrap(Q_LAST, True)
    text = "\n\n".join([block(wrap(P1, True)), block(rest), first, "市图书馆", C_ARTICLE]) + "\n"
    restored = restore_block_order(text)
    assert restored is not None and restored.report.moved == 1
    assert restored.text == "\n\n".join([block(wrap(P1, True)), block([first], rest), "市图书馆", C_ARTICLE]) + "\n"


def test_article_tail_read_before_its_first_line_goes_after_it():
    # The rest of the last paragraph with the byline, then the cut first line of that
    # paragraph right after the byline, then the next article's head.
    first, *rest = wrap(Q_LAST, True)
    text = "\n\n".join([block(wrap(P1, True)), block(rest, ["记者 孟冬"]), first, "市图书馆", C_ARTICLE]) + "\n"
    restored = restore_block_order(text)
    assert restored is not None and restored.report.moved == 1
    assert restored.text == "\n\n".join([block(wrap(P1, True)), block([first], rest, ["记者 孟冬"]), "市图书馆", C_ARTICLE]) + "\n"


# An article's last column read before its own head, right after the article above
# (seen with pdftotext): the tail (its first line full, its last line the byline) sits
# between the byline above and the article's label and headline; the article's body
# stops in mid-sentence just before the next article's headline (letter-spaced, as pdftotext
# writes a headline set with wide tracking).
A_END = block(wrap("会议要求，各级各部门要把学习成果转化为推动工作的实际行动，确保取得实效。", True), ["记者 刘洋"])
B_BODY = "4月23日是世界读书日。当天，市图书馆举办全民阅读活动，吸引了众多市民参与。近年来，我市大力推进书香城市的建设，构建起以市图书馆为中心、县级图书馆为总馆的四级公共图"
B_TAIL = "书馆服务体系。目前，全市已建成城市书房八十六家，实现全天开放。"
C_ARTICLE = block(["一 粒 种 子 的 科 研 长 跑"], wrap("在农业科学院的试验田里，一株株稻穗沉甸甸地垂着，研究员陈立平蹲在田边察看。", True))


def _b_body_lines() -> list[str]:
    lines = wrap(B_BODY, True)
    assert len(lines[-1]) == WIDTH  # the body stops at the margin, in mid-word
    return lines


TAIL_FIRST = "\n\n".join([A_END, block(wrap(B_TAIL, False), ["记者 孟冬"]), "市图书馆", block(["书 香 浸 润 全 城"], _b_body_lines()), C_ARTICLE]) + "\n"
TAIL_AFTER = "\n\n".join([A_END, "市图书馆", block(["书 香 浸 润 全 城"], _b_body_lines(), wrap(B_TAIL, False), ["记者 孟冬"]), C_ARTICLE]) + "\n"


def test_article_tail_read_before_its_head_goes_after_its_body():
    restored = restore_block_order(TAIL_FIRST)
    assert restored is not None and restored.report.moved == 1
    assert restored.text == TAIL_AFTER
    assert restore_block_order(TAIL_AFTER) is None  # in reading order: nothing moves


def test_article_tail_cut_in_two_goes_between_the_body_and_its_rest():
    # The tail read before the head stops at the end of a paragraph's first line
    # (``市图书馆馆长表示，将``); its rest follows the body on the next page.
    tail = wrap(B_TAIL, False) + ["市图书馆馆长表示，将"]
    rest = ["继续创新阅读服务方式，推", "出更多优质阅读活动。"]
    text = "\n\n".join([A_END, block(tail), "市图书馆", block(["书 香 浸 润 全 城"], _b_body_lines()), "\x0c" + block(rest, ["记者 孟冬"]), C_ARTICLE]) + "\n"
    restored = restore_block_order(text)
    assert restored is not None
    # One line break before the rest: the line rules join the sentence across the page.
    expected = "\n\n".join([A_END, "市图书馆", block(["书 香 浸 润 全 城"], _b_body_lines(), tail) + "\n\x0c" + block(rest, ["记者 孟冬"]), C_ARTICLE]) + "\n"
    assert restored.text == expected


B_CLOSED = "4月23日是世界读书日。当天，市图书馆举办全民阅读活动，吸引了众多市民参与。"
B_LAST = "市图书馆馆长表示，将继续创新阅读服务方式，让爱读书在全市蔚然成风。"


@pytest.mark.parametrize("after", [[C_ARTICLE], []], ids=["next-article", "end-of-text"])
def test_article_last_paragraph_read_before_its_head_goes_after_its_body(after):
    # The tail is a whole paragraph (its first line two ems short) with the byline; the
    # article's body ends its last sentence right before the next article's head (or
    # where the text ends) and has no byline of its own.
    text = "\n\n".join([A_END, block(wrap(B_LAST, True), ["记者 孟冬"]), "市图书馆", block(["书 香 浸 润 全 城"], wrap(B_CLOSED, True)), *after]) + "\n"
    restored = restore_block_order(text)
    assert restored is not None
    expected = "\n\n".join([A_END, "市图书馆", block(["书 香 浸 润 全 城"], wrap(B_CLOSED, True), wrap(B_LAST, True), ["记者 孟冬"]), *after]) + "\n"
    assert restored.text == expected


def test_last_article_tail_with_a_pushed_down_first_line_goes_after_its_body():
    # The text's last article: its tail read before its head (a letter-spaced headline
    # holding a Latin word), the tail's first line short because a character went down
    # with the marks after it (kinsoku); the body stops in mid-sentence where the text ends.
    tail_text = "也开心，比看电视还过瘾！”据了解，联赛由县文化和广电旅游体育局等单位联合主办，带动消费超过三百万元。"
    tail = [tail_text[:10]] + wrap(tail_text[10:], False) + ["文/图 孙悦"]
    head = "“ 村 BA ” 燃 动 乡 村 夏 夜"
    text = "\n\n".join([A_END, block(tail), block([head], _b_body_lines())]) + "\n"
    restored = restore_block_order(text)
    assert restored is not None and restored.report.moved == 1
    assert restored.text == "\n\n".join([A_END, block([head], _b_body_lines(), tail)]) + "\n"


# An article's second column read before its first, right under its headline (seen
# with pdftotext): the body opens with a full line going on from elsewhere and stops in
# mid-sentence; the next piece starts the article and, after a column break in
# mid-sentence, goes on with the third column.
HEAD_TWICE = ["溪南互通正式建成通车", "溪南互通正式建成通车"]
COL1 = ["二十八日上午十时，随", "着第一辆小轿车缓缓驶过收", "费车道，溪南互通正式建成", "通车。项目总投资四亿元，", "新建的连接线全长为二点三"]
COL2 = ["公里，设置收费车道八条。", "项目于去年九月开工建设，", "建设者们克服了地质条件复", "杂等困难，比计划工期提前", "三个月完成。当地群众说，", "互通开通以后，出行更加方"]
COL3 = ["便了，到市区的车程缩短了", "二十多分钟。", "记者 吴昊"]


def test_second_column_read_before_the_first_goes_after_it():
    text = block(HEAD_TWICE, COL2) + "\n\n" + block(COL1) + "\n\n" + block(COL3) + "\n"
    restored = restore_block_order(text)
    assert restored is not None
    assert restored.text == block(HEAD_TWICE, COL1, COL2, COL3) + "\n"


@pytest.mark.parametrize(
    "body_top",
    [
        pytest.param(["县交通局推进路网建设纪实"] + COL2[1:], id="subtitle-as-wide-as-the-column"),
        pytest.param(["“每天往市区送两趟货，以"] + COL2[1:], id="first-line-opening-a-quotation"),
        # No wider than the first column's first line (``二十八日上午十时，随``): either
        # may be the article's start, which lost two ems to its indent.
        pytest.param(
            ["公里，设置收费车道八", "条。项目于去年九月开工建", "设，建设者们克服了地质条", "件复杂等困难，比计划工期", "提前三个月完成。当地群众", "说，开通以后，出行更加方"],
            id="first-line-as-short-as-the-other-start",
        ),
    ],
)
def test_a_body_that_may_start_the_article_stays(body_top):
    text = block(HEAD_TWICE, body_top) + "\n\n" + block(COL1) + "\n\n" + block(COL3) + "\n"
    assert restore_block_order(text) is None


def test_article_tail_goes_after_a_body_short_by_the_number_opening_the_tail():
    # The body stops in mid-sentence short of the margin: the number opening the tail
    # (``3,200名、``) did not fit on its last line. The head is letter-spaced around a
    # number, over a subtitle that opens with one.
    head = ["2.6 万 名 跑 者 激 情 开 跑", "2023城市马拉松鸣枪开赛"]
    body = ["11月12日7时30分，随着", "一声枪响，来自国内外的跑者", "从市民广场出发，沿江岸一路", "奔跑，用脚步丈量城市之美。", "为保障赛事顺利进行，组委", "会安排了各类安保人员"]
    tail = ["3,200名、志愿者2,600名、", "医疗人员420名，沿途设置", "补给站21个、医疗站24个，", "实时监测跑者的身体状况。", "钱程 摄"]
    text = "\n\n".join([A_END, block(tail), block(head, body), C_ARTICLE]) + "\n"
    restored = restore_block_order(text)
    assert restored is not None and restored.report.moved == 1
    assert restored.text == "\n\n".join([A_END, block(head, body, tail), C_ARTICLE]) + "\n"


def test_paragraph_start_read_after_the_byline_goes_back_before_its_rest():
    # The start of a paragraph (stopping in mid-sentence) read after the article's
    # byline, before the next article's head; its rest read earlier in the article.
    start = ["为提升妇女就业技能，", "市妇联联合市人力资源和社"]
    rest = wrap("会保障局开展技能提升行动，今年以来组织刺绣、家政、电商直播等技能培训八十六期。", False)
    later = block(wrap("截至目前，全市已建成巾帼共富工坊一百五十八家，带动一万余名农村妇女实现家门口就业。", True), ["记者 柯蓝"])
    text = "\n\n".join([block(wrap(P1, True)), block(rest), later, block(start), "市图书馆", C_ARTICLE]) + "\n"
    restored = restore_block_order(text)
    assert restored is not None and restored.report.moved == 1
    assert restored.text == "\n\n".join([block(wrap(P1, True)), block(start, rest), later, "市图书馆", C_ARTICLE]) + "\n"


def test_two_shapes_claiming_one_piece_move_it_once():
    # pdftotext text of a generated page (seed 2035, edition 3, its top): a column top
    # read before its open end, and a paragraph's first line after the byline whose rest
    # ends with that byline. The paragraph-start shape would claim the first column top
    # too; the stronger pairings stand and no character is written twice.
    text = (ROOT / "tests" / "extracts" / "pdftotext-seed2035-ed03-top.txt").read_text(encoding="utf-8")
    restored = restore_block_order(text)
    assert restored is not None and restored.report.moved == 2
    assert Counter(restored.text.replace("\n", "")) == Counter(text.replace("\n", ""))
    assert "对126处\n地质灾害隐患点" in restored.text and "未来三天我县\n仍有阵雨" in restored.text


def test_open_end_before_a_headline_wider_than_the_column_is_no_bridge():
    # The last paragraph's start, after the byline its tail came with, stops in
    # mid-sentence right before the next article's headline, which is wider than the
    # column: a head, not text the blank line may be bridged into.
    start = ["业内人士认为，在多边", "贸易规则框架下，中欧班列", "以其稳定、快捷安全高效、"]
    tail = wrap("绿色的优势，为畅通国际物流、稳定产业链供应链发挥了积极作用。", False) + ["本报记者 顾北"]
    head = ["中国入世二十余年：开放的大门越开越大"] + wrap("二〇〇一年十二月十一日，中国正式加入世界贸易组织。", True)
    text = "\n\n".join([block(wrap(P1, True)), block(tail), block(start), block(head)]) + "\n"
    restored = restore_block_order(text)
    assert restored is not None and restored.report.moved == 1
    assert restored.text == "\n\n".join([block(wrap(P1, True)), block(start, tail), block(head)]) + "\n"


def test_a_headless_piece_with_a_byline_stays_when_the_next_article_has_its_own():
    # Both articles end with a byline: nothing says the first piece belongs below.
    text = "\n\n".join([A_END, block(wrap(B_LAST, True), ["记者 孟冬"]), "市图书馆", block(["书 香 浸 润 全 城"], wrap(B_CLOSED, True), ["记者 王芳"]), C_ARTICLE]) + "\n"
    assert restore_block_order(text) is None


def test_article_tail_stays_when_the_body_closes_its_sentence():
    closed = _b_body_lines()[:-1] + [_b_body_lines()[-1][:-2] + "。"]
    text = "\n\n".join([A_END, block(wrap(B_TAIL, False), ["记者 孟冬"]), "市图书馆", block(["书 香 浸 润 全 城"], closed), C_ARTICLE]) + "\n"
    assert restore_block_order(text) is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(IN_ORDER, id="in-order"),
        # A column break after a sentence end, the paragraph going on: no open end.
        pytest.param("\n\n".join([block(wrap(P1, True)), block(wrap(P2A + "。", True)), block(wrap(P3, True))]) + "\n", id="sentence-end-at-column-end"),
        # Open end before a new paragraph but nothing read early before it: the
        # continuation is elsewhere (another page); nothing moves.
        pytest.param("\n\n".join([block(wrap(P1, True)), block(wrap(P2A, True)), block(wrap(P3, True))]) + "\n", id="open-end-without-candidate"),
        # A page break between: an article continued on another page is not moved.
        pytest.param("\n\n".join([block(wrap(P1, True)), block(wrap(P2B, False)) + "\n\x0c", block(wrap(P2A, True)), block(wrap(P3, True))]) + "\n", id="page-break"),
        # A lone last line of a paragraph before the candidate: which piece goes on from
        # the open end is not clear; nothing moves.
        pytest.param("\n\n".join([block(wrap(P1, True)), "借通还。", block(wrap(P2B, False)), block(wrap(P2A, True)), block(wrap(P3, True))]) + "\n", id="ambiguous"),
    ],
)
def test_nothing_moves_without_all_the_evidence(text):
    assert restore_block_order(text) is None


def test_clean_and_extracted_texts_in_order_never_change():
    texts = [SAMPLE.read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "bench" / "pages" / "data" / "pymupdf").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "bench" / "pages" / "data" / "expected").glob("*.txt"))]
    for path in sorted((ROOT / "tests" / "corpus" / "articles").glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        texts.append("\n".join([article["headline"], *article["paragraphs"]]))
    assert [i for i, t in enumerate(texts) if restore_block_order(t) is not None] == []


def test_reordered_extractions_keep_every_character_and_map_back():
    # Every plain pdftotext edition of the accuracy benchmark: whatever moves, nothing
    # is lost or added but line breaks, and each character maps back to itself.
    moved = 0
    for path in sorted((ROOT / "bench" / "pages" / "data" / "pdftotext").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        restored = restore_block_order(text)
        if restored is None:
            continue
        moved += restored.report.moved
        assert Counter(restored.text.replace("\n", "")) == Counter(text.replace("\n", ""))
        for pos, ch in enumerate(restored.text):
            if ch != "\n":
                assert text[restored.to_source(pos)] == ch
    assert moved >= 5  # the benchmark's editions do hold pieces read out of order


# -- on opening --------------------------------------------------------------------------


def test_document_opens_in_reading_order_and_says_so(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(MISORDERED, encoding="utf-8")
    doc = load_document(path)
    assert doc.raw == IN_ORDER and doc.file_text == MISORDERED
    assert doc.reorderable and not doc.columns_kept and not doc.layout_mode
    assert any("移回阅读顺序" in n.zh for n in doc.notices)
    kept = load_document(path, columns="keep")
    assert kept.raw == MISORDERED and kept.columns_kept and kept.reorderable
    assert any("按原样校对" in w.zh for w in kept.warnings)


def test_kept_and_reordered_reviews_use_their_own_files(tmp_path):
    from ui.controller import review_file_for

    path = tmp_path / "page.txt"
    path.write_text(MISORDERED, encoding="utf-8")
    assert review_file_for(load_document(path)) != review_file_for(load_document(path, columns="keep"))


def test_cli_reports_the_move_and_lines_of_the_file(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(MISORDERED, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "app.cli", "check", str(path), "--json"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    assert report["columns"] == {"rearranged": True, "pieces_moved": 1}
    assert "移回" in run.stderr or "put back" in run.stderr
    out = tmp_path / "out.txt"
    run = subprocess.run([sys.executable, "-m", "app.cli", "clean", str(path), "-o", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert [ln for ln in out.read_text(encoding="utf-8").split("\n") if ln] == [P1, P2A + P2B, P3]
    assert Path(path).read_text(encoding="utf-8") == MISORDERED  # the input is untouched


def test_analysis_made_on_opening_is_used_once_and_gives_the_same_fixes(tmp_path):
    from app.document import Document

    path = tmp_path / "page.txt"
    path.write_bytes(SAMPLE.read_bytes())
    doc = load_document(path)
    handed = doc.take_page()
    assert handed is not None and handed.text == doc.text
    doc.hand_over(handed)
    first = analyse(doc)
    assert first.page is handed and doc.take_page() is None  # once only
    fresh = analyse(Document(doc.raw))
    assert [(f.rule, f.edits) for f in first.fixes] == [(f.rule, f.edits) for f in fresh.fixes]
    assert first.applied_by_default == fresh.applied_by_default


# An article's first column read after its byline (seen with pdfminer, which orders the
# page's boxes by nearness): under the head the body opens with a full line going on
# from elsewhere; after the byline come the article's first paragraphs, the last one
# stopping in mid-sentence at the margin just before the next article's head.
D_HEAD = "山 区 邮 路 上 的 绿 色 信 使"
D_FIRST = wrap("天还没亮，五十五岁的乡村邮递员潘志刚就骑着摩托车出发了。", True)
D_OPEN = wrap("“山里的路弯多坡陡，遇到下雨下雪，摩托车骑不了，就只能推着车走。”潘志刚说，最难的一次，他在大雪中冒着严寒走了整整一", True)
D_REST = wrap("天，才把一封大学录取通知书送到了学生手中。", False)
D_LAST = block(wrap("三十年来，潘志刚兢兢业业，从未出过差错，被乡亲们称为山里的信使。", True), ["文/图 章华"])


def test_first_column_read_after_the_byline_goes_back_under_the_head():
    assert len(D_OPEN[-1]) == WIDTH and len(D_REST[0]) == WIDTH  # the cut falls at the margin
    text = "\n\n".join([A_END, D_HEAD, block(D_REST), D_LAST, block(D_FIRST), block(D_OPEN), "市图书馆", C_ARTICLE]) + "\n"
    in_order = "\n\n".join([A_END, D_HEAD, block(D_FIRST), block(D_OPEN, D_REST), D_LAST, "市图书馆", C_ARTICLE]) + "\n"
    restored = restore_block_order(text)
    assert restored is not None and restored.report.moved == 1
    assert restored.text == in_order
    assert restore_block_order(in_order) is None  # in reading order: nothing moves


def test_paragraphs_after_a_byline_that_close_their_sentence_stay():
    # The same, but the pieces after the byline end their sentence: nothing says they
    # belong under the head above (and the body there may start a paragraph).
    closed = wrap("“山里的路弯多坡陡，遇到下雨下雪，摩托车骑不了，就只能推着车走。”", True)
    text = "\n\n".join([A_END, D_HEAD, block(D_REST), D_LAST, block(D_FIRST), block(closed), "市图书馆", C_ARTICLE]) + "\n"
    assert restore_block_order(text) is None


def test_a_headline_as_wide_as_the_column_over_a_first_line_is_no_body_going_on():
    # pdftotext: the label, then a letter-spaced headline as wide as the column in one
    # piece with the article's first paragraph (its first line two ems short); later an
    # open end before the next head. The headline is no column line going on: nothing
    # moves under it.
    body = block(["全 市 累 计 建 成 5G 基 站 1.8 万 个"], wrap("记者从市经济和信息化局获悉，截至六月底，全市累计建成基站一万八千个，实现全覆盖。", True))
    text = "\n\n".join([A_END, "市图书馆", body, D_LAST, block(D_OPEN), "区教育局", C_ARTICLE]) + "\n"
    assert restore_block_order(text) is None


def test_open_end_at_a_page_foot_going_on_after_the_page_break_stays():
    """A page break opening the next line is no indent: the open end at the foot of the
    page goes on at the top of the next (``……加快推`` / ``\\f进226个省市重点项目建``,
    pdfminer), so a loose start read before it is no continuation of it."""
    other = "检察官们还走进课堂开展法治讲座，以案释法，引导青少年明辨是非、遵纪守法。"
    loose = wrap(other, False)
    rest = wrap("举措，覆盖全县中小学师生一万余人次，检察官们用一个个真实案例教孩子们学会保护自己。", False)
    assert len(loose[0]) == WIDTH and len(rest[0]) == WIDTH
    text = "\n\n".join([block(wrap(P1, True)), block(loose), block(wrap(P2A, True)), "\x0c" + block(rest), block(wrap(P3, True))]) + "\n"
    assert restore_block_order(text) is None


def test_a_lone_paragraph_tail_before_a_loose_start_makes_the_pairing_ambiguous():
    """pdfminer reads an article's first line, then the last line of a paragraph from
    further down (``只精巧的小花篮就成形了。``), then the rest of the first paragraph,
    then the paragraph whose open end that last line finishes: the piece read early
    before the open end is not the only one that may go on from it; nothing moves."""
    x = "县检察院还组织干警深入社区和企业走访，收集意见建议三十二条，逐条研究整改落实。"
    first, *rest = wrap(x, True)
    tail = "举措，覆盖师生。"
    assert len(rest[0]) == WIDTH and len(tail) < WIDTH - 3
    text = "\n\n".join([block(wrap(P1, True), ["记者 刘洋"]), "检察护航未成年人成长", first, tail, block(rest), block(wrap(P2A, True)), block(wrap(P3, True))]) + "\n"
    assert restore_block_order(text) is None


def test_a_lone_last_line_at_the_margin_before_a_distant_loose_start_makes_it_ambiguous():
    """The same with a paragraph's last line that ends its sentence at the margin
    (``他每隔一段时间就会去献一次。``) and a whole paragraph between the loose start and
    the open end: either piece may go on from it; nothing moves."""
    x = "县检察院还组织干警深入社区和企业走访，收集意见建议三十二条，逐条研究整改落实。"
    first, *rest = wrap(x, True)
    tail = "举措，覆盖师生一万余人。"
    assert len(tail) == WIDTH
    text = "\n\n".join([block(wrap(P1, True), ["记者 刘洋"]), "检察护航未成年人成长", first, tail, block(rest), block(wrap(P_BETWEEN, True)), block(wrap(P2A, True)), block(wrap(P3, True))]) + "\n"
    assert restore_block_order(text) is None


def test_a_lone_tail_after_a_lone_line_that_stops_in_mid_sentence_is_still_a_rival():
    """pdfminer reads the lone bottom line of one column (``电动自行车“飞线”充电、``),
    the last line of a paragraph (``临时查封5家。``), then the top of the next column
    that goes on from that bottom line: a lone line may go on anywhere, so the tail may
    be what goes on from the open end further down; nothing moves."""
    x = "县检察院还组织干警深入社区和企业走访，收集意见建议三十二条，逐条研究整改落实。"
    first, *rest = wrap(x, True)
    text = "\n\n".join([block(wrap(P1, True)), first, "举措，覆盖师生。", block(rest), block(wrap(P2A, True)), block(wrap(P3, True))]) + "\n"
    assert restore_block_order(text) is None


def test_a_first_line_with_a_hanging_comma_read_paragraphs_before_an_open_end_stays():
    """A paragraph's first line whose final comma hangs past the margin (``如今，随着农村
    电商的发展，``) is as wide as a full line less one em: it may start its paragraph, so
    it is no evidence for a piece read a few paragraphs before the open end."""
    x = "随着农村电商快速发展，潘志刚的邮包里快递包裹越来越多，他又多了一项帮村民寄土特产的新任务。"
    lines = wrap(x, True)
    assert len(lines[0]) == WIDTH - 1 and lines[0].endswith("，")
    text = "\n\n".join([block(wrap(P1, True)), block(lines), block(wrap(P_BETWEEN, True)), block(wrap(P2A, True)), block(wrap(P3, True))]) + "\n"
    assert restore_block_order(text) is None


# pdfminer (generated page): two paragraphs' first lines, each a run-in head and the
# start of a sentence, both 13 ems; the column looked 14 ems wide, so the first one
# seemed to fill it (a loose start) and the second, stopping at a blank line before a
# spaced-out line, an open end.
EQUAL_FIRST_LINES = "\n".join([
    '10.2% ，其 中制 造 业投资增长',
    '18.9%，高 新技术产业投资增长',
    '24.6%；社 会消费品零售总额618.9',
    '亿元， 增长7.4%，网 络零售额增',
    '长15.3%。汽 车、 家电、 通信器材',
    '等大宗商品消费明显回升，其中新',
    '能源汽车零售额增长58.7%。',
    '',
    '外贸韧性持续显现。上半年，',
    '全市货物进出口总额 721.5亿元，',
    '同比增长4.6%，其 中出口586.2亿',
    '元， 增长6.1%。对 “一带一路”',
    '沿线国家进出口增长14.8%，占 全',
    '市 进 出口 总额的比 重 提 高 到',
    '38.4%。',
    '',
    '居民收入稳步增长。上半年，',
    '',
    '全市居民 人均可 支 配 收 入达到',
    '35,862元，同比增长5.9%。其中，',
    '城镇居民 人均可 支 配 收 入 43,215',
    '元， 增长5.1%；农 村居民人均可',
    '支配收入24,608元，增长7.2%。城',
    '乡居民收入比由上年同期的 1.79缩',
    '小至1.76。全 市一般公共预算支出',
    '中， 民生支出占比达到78.6%，教',
]) + "\n"


def test_a_loose_start_only_as_wide_as_the_first_lines_around_it_stays():
    """A full line is two ems wider than a paragraph's first line: a piece whose first
    line is not an em wider than the first lines of the paragraphs the open end starts
    or that follow it (``外贸韧性持续显现。上半年，`` and ``居民收入稳步增长。上半年，``)
    may start a paragraph itself; nothing moves."""
    assert restore_block_order(EQUAL_FIRST_LINES) is None


# pdfminer (generated page): the article's second and third paragraphs, both first
# lines 10 ems (``分产业看，第一产业增``, ``工业生产较快增长。上``), in a column that
# looked 11 ems wide; the third stops where pdfminer read the next article's label.
EQUAL_FIRST_LINES_BEFORE_A_LABEL = "\n".join([
    '7月18日， 市统计局发',
    '布上半 年全市 经济运行 情',
    '况。初步核算，上半年全市',
    '实现地区生产总值（GDP）',
    '1,286.4亿元，按不变价格计',
    '算， 同比增长6.8%， 增速',
    '高于全省0.9个百分点， 居',
    '全省第三位。',
    '',
    '分产业看，第一产业增',
    '加值52.3亿元， 同比增长',
    '3.6% ； 第 二 产 业 增 加 值',
    '561.7 亿 元 ， 同 比 增 长',
    '8.1% ； 第 三 产 业 增 加 值',
    '672.4 亿 元 ， 同 比 增 长',
    '6.0% 。 服 务 业 增 加 值 占',
    'GDP比重达到52.3%， 比上',
    '年同期提高0.8个百分点。',
    '',
    '工业生产较快增长。上',
    '半年，全市规模以上工业增',
    '加值同比增长9.3%， 其中',
    '高新技 术产业 增加值增 长',
    '',
    '区退役军人事务局',
]) + "\n"


def test_a_loose_start_only_as_wide_as_the_open_ends_own_first_line_stays():
    """The same where the open end's piece opens with a line that looks as full as the
    loose start's (after a sentence end: it may be a paragraph's first line too)."""
    assert restore_block_order(EQUAL_FIRST_LINES_BEFORE_A_LABEL) is None
