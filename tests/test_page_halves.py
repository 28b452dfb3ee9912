"""A page read as two halves (app/page_halves.py): the left columns of every article,
then the right columns, where a white strip runs down the page through the gaps of
two-part headlines. Texts typed for the purpose, set as narrow columns the way pdftotext
writes them (no indents, blank lines between blocks)."""

from __future__ import annotations

from collections import Counter

from app.block_order import restore_block_order

from .helpers import suggested
from .test_block_order import WIDTH, block, wrap

A_HEAD = "春 耕 备 耕 正 当 时"
A_P1 = "眼下正值春耕备耕关键时期，全县各地抢抓农时，田间地头处处是一派繁忙景象。"
A_P2 = "在城南镇的育秧工厂里，一盘盘秧苗整齐排列，工作人员正在调试温控设备，确保秧苗健康生长，为大田移栽打好基础。"
A_P3 = "县农业农村局相关负责人表示，今年将继续加大农机补贴力度，推动粮食生产稳中有增。"
B_LEFT_HEAD = "手机成了“新农具”"
B_RIGHT_HEAD = "直播成了“新农活”"
B_P1 = "晚上七点半，在溪头村的一间直播间里，返乡青年何小满正对着手机镜头介绍自家果园里刚摘下的猕猴桃。"
B_P2 = "几年前，何小满还在外地一家电商公司做运营，看到家乡的猕猴桃销路不畅，她决定辞职回乡创业。"
B_P3 = "如今，村里越来越多的年轻人拿起手机当起了主播，农产品也从猕猴桃扩展到茶叶、笋干等多个品类。"


def _cut(paragraph: str, first: bool = True) -> tuple[list[str], list[str]]:
    """A paragraph's lines cut in two at the first line end that falls in mid-sentence,
    at the margin (a column end)."""
    lines = wrap(paragraph, first)
    n = next(i for i in range(1, len(lines)) if len(lines[i - 1]) == WIDTH and lines[i - 1][-1] not in "，。、；")
    return lines[:n], lines[n:]


A2_LEFT, A2_RIGHT = _cut(A_P2)
B2_LEFT, B2_RIGHT = _cut(B_P2)
A_LEFT = block(wrap(A_P1, True), A2_LEFT)
A_RIGHT = block(A2_RIGHT, wrap(A_P3, True), ["记者 孟冬"])
B_LEFT = block(wrap(B_P1, True), B2_LEFT)
B_RIGHT = block(B2_RIGHT, wrap(B_P3, True), ["记者 甘甜、罗兰"])
C_LEFT_HEAD, C_RIGHT_HEAD = "留 住 乡 愁 记 忆", "守 护 古 村 新 颜"
C_P1 = "青石板路蜿蜒曲折，白墙黛瓦错落有致，走进石门村，仿佛走进了一幅流动的水墨画。"
C_P2 = "为了守住这份乡愁，当地探索出政府引导、村民参与、社会支持的保护模式，累计修缮古建筑四十一幢。"
C_P3 = "保护好了，人气也回来了。如今，村里开起了民宿二十二家，去年接待游客三十六万人次。"
C_LEFT = block(wrap(C_P1, True), wrap(C_P2, True))  # ends its sentence: the right half starts a paragraph
C_RIGHT = block(wrap(C_P3, True), ["记者 章台"])

# As pdftotext reads it: the top article's left columns, the left halves of the two
# articles stacked below it (each under the left part of its headline), then the right
# halves in the same order.
HALVES = "\n\n".join([A_HEAD, A_LEFT, block([B_LEFT_HEAD], B_LEFT.split("\n")), block([C_LEFT_HEAD], C_LEFT.split("\n")),
                      A_RIGHT, block([B_RIGHT_HEAD], B_RIGHT.split("\n")), block([C_RIGHT_HEAD], C_RIGHT.split("\n"))]) + "\n"


def test_right_halves_go_after_their_left_halves():
    restored = restore_block_order(HALVES)
    assert restored is not None and restored.report.moved >= 1
    assert restored.text == "\n\n".join([
        A_HEAD,
        A_LEFT + "\n" + A_RIGHT,
        "\n".join([B_LEFT_HEAD, B_RIGHT_HEAD, B_LEFT, B_RIGHT]),
        "\n".join([C_LEFT_HEAD, C_RIGHT_HEAD, C_LEFT, C_RIGHT]),
    ]) + "\n"
    # Nothing lost or added but line breaks, and every character maps back to itself.
    assert Counter(restored.text.replace("\n", "")) == Counter(HALVES.replace("\n", ""))
    for pos, ch in enumerate(restored.text):
        if ch != "\n":
            assert HALVES[restored.to_source(pos)] == ch


def test_halves_put_together_clean_into_whole_articles():
    cleaned = suggested(restore_block_order(HALVES).text)
    assert [ln for ln in cleaned.split("\n") if ln] == [
        "春耕备耕正当时", A_P1, A_P2, A_P3, "记者 孟冬",
        f"{B_LEFT_HEAD} {B_RIGHT_HEAD}", B_P1, B_P2, B_P3, "记者 甘甜、罗兰",
        "留住乡愁记忆 守护古村新颜", C_P1, C_P2, C_P3, "记者 章台",
    ]


def test_a_page_read_in_order_stays():
    in_order = restore_block_order(HALVES).text
    assert restore_block_order(in_order) is None


def test_an_article_kept_to_one_half_moves_nothing():
    # A byline among the left halves: an article set in the left half alone, so the
    # halves cannot be counted off against each other.
    text = HALVES.replace(block([C_LEFT_HEAD], C_LEFT.split("\n")), block([C_LEFT_HEAD], C_LEFT.split("\n"), ["记者 章台"]), 1)
    assert restore_block_order(text) is None


def test_halves_that_disagree_move_nothing():
    # The top article's left half stops in mid-sentence, but its "right half" starts a
    # paragraph (its first line two characters short): not the sentence going on.
    text = HALVES.replace(A_RIGHT, block(wrap(A_P3, True), ["记者 孟冬"]), 1)
    assert restore_block_order(text) is None


def test_a_head_over_text_going_on_from_elsewhere_opens_no_left_half():
    """An article's text starts with a paragraph's first line: a head over a full column
    line going on from elsewhere (pdfminer reads the next article's label and headline
    inside a paragraph, ``组建“党员先锋办案组” 6`` / ``市经济和信息化局`` / ``全市累计建成5G基站1.8万个``
    / ``个，由党员检察官牵头办理``) is no left half of its own; nothing moves."""
    going_on = wrap(B_P1, True)[1:]
    assert len(going_on[0]) == WIDTH
    text = "\n\n".join([A_HEAD, A_LEFT, block([B_LEFT_HEAD], going_on, B2_LEFT), block([C_LEFT_HEAD], C_LEFT.split("\n")),
                        A_RIGHT, block([B_RIGHT_HEAD], B_RIGHT.split("\n")), block([C_RIGHT_HEAD], C_RIGHT.split("\n"))]) + "\n"
    assert restore_block_order(text) is None
