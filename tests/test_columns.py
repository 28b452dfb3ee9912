"""pdftotext -layout text put back in reading order (app/columns.py), and how a
document, the command line and a saved review treat it (app/document.py, app/cli.py)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from app.columns import restore_columns
from app.document import load_document
from app.export import ExportOptions
from app.export.txt import render_txt
from app.extractors import looks_like_layout_mode
from app.session import Decision, ReviewFileError, ReviewSession, load_review

from .conftest import ROOT, SAMPLE
from .helpers import suggested
from .layout_text import Article, Style, cells, page

DATA = ROOT / "bench" / "pages" / "data"
LAYOUT_FILES = sorted((DATA / "pdftotext-layout").glob("*.txt"))


def row(*parts: tuple[int, str]) -> str:
    """One line of layout text: each text at its character position."""
    line = ""
    for pos, text in parts:
        line += " " * (pos - len(line)) + text
    return line


def row_cells(*parts: tuple[int, str]) -> str:
    """The same with positions in display cells (a CJK character two)."""
    line = ""
    for pos, text in parts:
        line += " " * (pos - cells(line)) + text
    return line


def restored(text: str) -> str:
    return restore_columns(text).text


# -- hand-made pages ------------------------------------------------------------------------

TWO_COLUMNS = "\n".join([
    row((10, "市政府召开常务会议")),
    row((2, "会议指出，今年以来全市经"), (20, "调整，数字化改革持续深化。")),
    row((0, "济运行总体平稳，产业结构加"), (22, "会议要求，各地各部门要抓")),
    row((0, "快，新动能不断成长，结构"), (20, "好落实。")),
]) + "\n"


def test_two_columns_under_a_headline_with_first_line_indents():
    r = restore_columns(TWO_COLUMNS)
    assert r.text == (
        "市政府召开常务会议\n"
        "\n"
        "  会议指出，今年以来全市经\n"
        "济运行总体平稳，产业结构加\n"
        "快，新动能不断成长，结构\n"
        "调整，数字化改革持续深化。\n"
        "  会议要求，各地各部门要抓\n"
        "好落实。\n"
    )
    assert (r.report.pages, r.report.blocks, r.report.columns) == (1, (2,), 2)


def test_three_columns_a_label_a_subtitle_a_byline_and_a_page_break():
    text = "\n".join([
        "区委组织部",
        "",
        "",
        row((16, "践行“八八战略” 投身“两个先行”")),
        row((24, "区委理论学习中心组举行专题学习会")),
        row((2, "9月22日，区委理论学习"), (20, "方法学明白、悟透彻。"), (38, "高质量发展。会议强调，")),
        row((0, "中心组举行集体学习，深入"), (20, "  会议指出，要在产业提"), (38, "要把学习成果转化为推动")),
        row((0, "学习贯彻“八八战略”蕴含"), (20, "升上下功夫，推动经济"), (38, "工作的实际行动。")),
        row((0, "的立场观点"), (38, "记者 徐晓航")),
    ]) + "\n\f" + "\n".join([
        row((0, "续上页：要把“八八战略”"), (20, "落到实处，确保各项工作")),
        row((0, "作为重大政治任务，一以贯之"), (20, "取得实效。")),
    ]) + "\n\f"
    r = restore_columns(text)
    assert r.text == (
        "区委组织部\n"
        "\n"
        "践行“八八战略” 投身“两个先行”\n"
        "区委理论学习中心组举行专题学习会\n"
        "\n"
        "  9月22日，区委理论学习\n"
        "中心组举行集体学习，深入\n"
        "学习贯彻“八八战略”蕴含\n"
        "的立场观点\n"
        "方法学明白、悟透彻。\n"
        "  会议指出，要在产业提\n"
        "升上下功夫，推动经济\n"
        "高质量发展。会议强调，\n"
        "要把学习成果转化为推动\n"
        "工作的实际行动。\n"
        "记者 徐晓航\n"
        "\f"
        "续上页：要把“八八战略”\n"
        "作为重大政治任务，一以贯之\n"
        "落到实处，确保各项工作\n"
        "取得实效。\n"
        "\f"
    )
    assert r.report.pages == 2 and r.report.blocks == (3, 2)


def test_a_two_part_headline_starting_at_two_column_starts_stays_the_head():
    text = "\n".join([
        row((20, "小 山 村 走 出 共 富 路"), (60, "好 日 子 越 过 越 红 火")),
        row((2, "初夏时节，走进溪口"), (20, "两委班子挨家挨户走"), (40, "营，先后引进民宿、"), (60, "收入达到126万元。")),
        row((0, "镇下坞村，白墙黛瓦"), (20, "访，和村民一起算发"), (40, "研学、露营等业态项"), (62, "好日子越过越红火，")),
        row((0, "的民居错落有致。转"), (20, "展账，统一流转、统"), (40, "目14个。2022年，"), (60, "家家户户的精气神也")),
        row((0, "机出现在2018年，村"), (20, "一改造、统一运"), (40, "村集体经济"), (60, "不一样了。  记者 范晓东")),
    ]) + "\n"
    # Two spaces between the letter-spaced phrases: one would read as more letter
    # spacing, and the cleaned headline would lose its phrase gap.
    assert restored(text) == (
        "小 山 村 走 出 共 富 路  好 日 子 越 过 越 红 火\n"
        "\n"
        "  初夏时节，走进溪口\n镇下坞村，白墙黛瓦\n的民居错落有致。转\n机出现在2018年，村\n"
        "两委班子挨家挨户走\n访，和村民一起算发\n展账，统一流转、统\n一改造、统一运\n"
        "营，先后引进民宿、\n研学、露营等业态项\n目14个。2022年，\n村集体经济\n"
        "收入达到126万元。\n  好日子越过越红火，\n家家户户的精气神也\n不一样了。 记者 范晓东\n"
    )
    assert suggested(restored(text)).splitlines()[0] == "小山村走出共富路 好日子越过越红火"


def test_a_headline_painted_twice_comes_out_as_its_two_copies():
    # The staircase pdftotext -layout makes of a headline drawn twice with an offset
    # (bench/pages/data/pdftotext-layout/ed01.txt).
    text = "\n".join([
        "市委党校", "", "",
        row((6, "读")), row((6, "读懂懂“")), row((9, "“八八八")), row((12, "八战战略")), row((15, "略”” 走")),
        row((19, "走好好新")), row((22, "新的的赶")), row((25, "赶考考路")), row((28, "路")),
        row((2, "9月5日，市委党校"), (20, "课程12门，采取专")),
        row((0, "举办主体班，首堂课"), (20, "题讲授等形式。")),
    ]) + "\n"
    r = restore_columns(text)
    assert r.text == (
        "市委党校\n\n"
        "读懂“八八战略” 走好新的赶考路\n读懂“八八战略” 走好新的赶考路\n\n"
        "  9月5日，市委党校\n举办主体班，首堂课\n课程12门，采取专\n题讲授等形式。\n"
    )
    assert r.report.staircases == 1


def test_a_staircase_with_latin_and_digits_whose_copies_touch():
    # 5 drawn twice reads as the word 55; CPI and 0.3% come as whole words.
    text = "\n".join([
        row((38, "55 月")), row((41, "月份份我")), row((44, "我市  CPI 同")), row((46, "市 CPI 同比比上")),
        row((55, "上涨涨 0.3%")), row((59, "0.3%")),
    ]) + "\n" + TWO_COLUMNS
    lines = restored(text).split("\n")
    assert lines[:2] == ["5 月份我市 CPI 同比上涨 0.3%", "5 月份我市 CPI 同比上涨 0.3%"]


def test_a_two_part_staircase_whose_phrase_gap_falls_inside_a_step():
    # The gap between the parts falls on one line: the first part's last step and,
    # far to the right, the second part's first step.
    text = "\n".join([
        row((16, "非")), row((16, "非遗遗进")), row((19, "进景景区")), row((22, "区"), (43, "老")),
        row((43, "老手手艺")), row((46, "艺焕焕新")), row((49, "新颜颜")),
    ]) + "\n" + TWO_COLUMNS
    r = restore_columns(text)
    assert r.text.split("\n")[:3] == ["非遗进景区 老手艺焕新颜", "非遗进景区 老手艺焕新颜", "市政府召开常务会议"]
    assert r.report.staircases == 1


def test_a_staircase_whose_narrow_glyphs_interleave_on_two_steps():
    # CPI painted glyph by glyph: its copies alternate between two lines, and the gap
    # on the lower line lies under the text of the upper one.
    text = "\n".join([
        row((33, "55 月")), row((36, "月份份我")), row((39, "我市 CPPII 同")), row((41, "市C"), (48, "同比比上")),
        row((51, "上涨涨 00..33%")), row((61, "%")),
    ]) + "\n" + TWO_COLUMNS
    r = restore_columns(text)
    assert r.text.split("\n")[:2] == ["5 月份我市CPI 同比上涨 0.3%", "5 月份我市CPI 同比上涨 0.3%"]
    assert r.report.staircases == 1


def test_short_head_lines_far_apart_that_do_not_step_are_kept():
    text = "\n".join([row((16, "市委")), row((17, "委员会")), row((19, "会议"), (43, "通知")), row((43, "知道"))]) + "\n" + TWO_COLUMNS
    r = restore_columns(text)
    assert r.text.split("\n")[:4] == ["市委", "委员会", "会议 通知", "知道"]
    assert r.report.staircases == 0


def test_a_letter_spaced_line_pushing_the_next_column_right():
    text = "\n".join([
        row((2, "近日，市统计局发布数"), (16, "指数同比上涨0.3%，")),
        row((0, "市 各 级 各 部 门 的 186 名 学 员"), (37, "环比下降0.2%；1至5")),
        row((0, "据，5月份居民价格"), (16, "月平均上涨0.9%。")),
    ]) + "\n"
    assert restored(text) == (
        "  近日，市统计局发布数\n市 各 级 各 部 门 的 186 名 学 员\n据，5月份居民价格\n"
        "指数同比上涨0.3%，\n环比下降0.2%；1至5\n月平均上涨0.9%。\n"
    )


def test_two_articles_side_by_side_are_read_one_after_the_other():
    text = "\n".join([
        row((13, "书香浸润全城"), (51, "一粒种子的“科研长跑”")),
        row((2, "4月23日是世界读书"), (20, "阅读服务，全城共有"), (42, "在农业科学院的试验"), (60, "稻新品种17个，累计")),
        row((0, "日，市图书馆推出系"), (20, "城市书房86家。"), (40, "田里，陈立平正弯腰"), (60, "推广种植超过2,300")),
        row((0, "列阅读活动，提供"), (20, "记者 孟冬"), (40, "察看水稻长势。她已"), (60, "万亩。")),
        row((40, "培育水稻新品种、水")),
    ]) + "\n"
    assert restored(text) == (
        "书香浸润全城\n\n  4月23日是世界读书\n日，市图书馆推出系\n列阅读活动，提供\n阅读服务，全城共有\n城市书房86家。\n记者 孟冬\n"
        "一粒种子的“科研长跑”\n\n  在农业科学院的试验\n田里，陈立平正弯腰\n察看水稻长势。她已\n培育水稻新品种、水\n"
        "稻新品种17个，累计\n推广种植超过2,300\n万亩。\n"
    )


def test_columns_padded_to_display_cells_are_recognised():
    block = [
        row_cells((4, "9月5日，市委党校"), (30, "课程12门，采取专")),
        row_cells((0, "2023年秋季学期主体"), (30, "题讲授、案例教学、")),
        row_cells((0, "班开班，首堂课聚焦"), (30, "现场教学等形式。")),
    ]
    r = restore_columns("\n".join(block * 3) + "\n")
    assert r.report.cells and r.report.blocks == (2,)
    first = ["    9月5日，市委党校", "2023年秋季学期主体", "班开班，首堂课聚焦"]
    second = ["课程12门，采取专", "题讲授、案例教学、", "现场教学等形式。"]
    assert r.text == "\n".join(first * 3 + second * 3) + "\n"


def test_a_blank_line_and_lines_of_one_column_inside_a_block():
    text = "\n".join([
        row((2, "会议指出，今年以来全市经"), (20, "调整，数字化改革持续深化。")),
        row((0, "济运行总体平稳，产业结构加"), (22, "会议要求，各地各部门要抓")),
        "",
        row((2, "快，新动能不断成长。结构"), (20, "好落实。")),
        row((0, "优化。"), (20, "  记者 张三")),
        row((20, "（完）")),
    ]) + "\n"
    assert restored(text) == (
        "  会议指出，今年以来全市经\n济运行总体平稳，产业结构加\n\n  快，新动能不断成长。结构\n优化。\n"
        "调整，数字化改革持续深化。\n  会议要求，各地各部门要抓\n\n好落实。\n  记者 张三\n（完）\n"
    )


@pytest.mark.parametrize(
    "last_line_at,byline_at,byline",
    [
        # The byline right-aligned under the column's last line.
        pytest.param(46, 50, "本报记者 王芳", id="right-aligned-byline"),
        # The byline's words set apart are segments of their own: the line's last group
        # of segments starts the column.
        pytest.param(48, 56, "本报记者   王芳", id="byline-set-wide"),
    ],
)
def test_a_short_last_column_right_of_the_others_is_a_column(last_line_at, byline_at, byline):
    # The article's last two lines set in a column of their own, right of the others:
    # their starts are too far apart for a column start cluster, yet they lie past where
    # the other columns' lines end.
    text = "\n".join([
        row((2, "会议指出，今年以来全"), (16, "调整，数字化改革持续"), (30, "量发展，力争全年外贸"), (last_line_at, "突破一千亿元。")),
        row((0, "市经济运行总体平稳，"), (14, "深化。会议要求，各地"), (28, "进出口总额稳中有进，"), (byline_at, byline)),
        row((0, "产业结构加快，新动能"), (14, "各部门要抓好落实，推"), (28, "确保完成全年目标任务")),
        row((0, "不断成长，结构"), (14, "动经济社会高质"), (28, "，外贸总额确保")),
    ]) + "\n"
    lines = [ln.strip() for ln in restored(text).split("\n") if ln.strip()]
    assert lines[-3:] == ["，外贸总额确保", "突破一千亿元。", "本报记者 王芳"]


@pytest.mark.parametrize("byline", ["文/图   孙悦", "本报记者 王芳", "记者   严谨   通讯员     潘婷"])
def test_a_byline_alone_right_of_the_last_lines_is_a_column(byline):
    # An article's last lines carried over to the top of a page, in two columns, its
    # byline alone in a third column beside them: one line is too few for a column
    # start, but a byline there is not part of the line it shares.
    text = "\n".join([
        row((2, "“小篮球打出了乡村"), (22, "表示，明年将进一步扩大"), (48, byline)),
        row((0, "振兴的大文章。”县文化"), (22, "联赛规模，让更多群众在")),
        row((0, "和广电旅游体育局负责人"), (22, "家门口享受体育的快乐。")),
    ]) + "\n"
    lines = [ln.strip() for ln in restored(text).split("\n") if ln.strip()]
    assert lines == ["“小篮球打出了乡村", "振兴的大文章。”县文化", "和广电旅游体育局负责人", "表示，明年将进一步扩大", "联赛规模，让更多群众在", "家门口享受体育的快乐。", " ".join(byline.split())]


@pytest.mark.parametrize("last_line", ["到99.7%。   记者   邵丹丹", "到99.7%。 记者 邵丹丹", "到99.7%。   本报记者 王芳 通讯员 潘婷"])
def test_a_last_column_of_one_line_with_its_byline_at_a_page_top_is_read_last(last_line):
    # An article's last columns carried over to the top of a page: the last column holds
    # one line, the end of the last sentence with the byline set after it. One line is
    # too few for a column start, but a sentence's end and a byline there close the
    # article: they are a column of their own, not the end of the line they share.
    text = "\f" + "\n".join([
        row((0, "办服务。中心实行“周末不打"), (30, "作日办结”“不动产登记最快60"), (58, "效。"), (88, last_line)),
        row((0, "烊”，每周六8:30至12:00照常"), (30, "分钟领证”“新生儿出生‘一件"), (58, "  据统计，今年1月至5月，区")),
        row((0, "办理业务。"), (30, "事’联办”……一项项改革举措，"), (58, "行政服务中心共受理各类政务服")),
        row((0, "  “企业开办全流程0.5个工"), (30, "让企业和群众办事更便捷、更高"), (58, "务事项42.6万件，群众满意率达")),
    ]) + "\n"
    lines = [ln.strip() for ln in restored(text).split("\n") if ln.strip()]
    assert lines[-5:] == ["效。", "据统计，今年1月至5月，区", "行政服务中心共受理各类政务服", "务事项42.6万件，群众满意率达", " ".join(last_line.split())]


def test_a_last_column_of_one_line_ending_its_sentence_at_the_block_top_is_read_last():
    # A commentary with no byline: its last column holds one line, the end of its last
    # sentence, at the top of the block, right of where the other columns' lines end.
    text = "\n".join([
        row((2, "民生无小事，枝叶总关"), (24, "办得好不好，群众说了"), (46, "百姓的笑脸，是最好的"), (68, "全体人民。")),
        row((0, "情。"), (24, "算。要把评判的“表决器”"), (46, "答卷。只要我们始终把群众")),
        row((2, "一部加装的电梯，一个"), (24, "交给群众，让群众参与民生"), (46, "的冷暖放在心上，从群众最")),
        row((0, "社区的食堂，一条拓宽的小"), (24, "事办实。"), (46, "发展成果更多更公平地惠及")),
    ]) + "\n"
    lines = [ln.strip() for ln in restored(text).split("\n") if ln.strip()]
    assert lines[-5:] == ["百姓的笑脸，是最好的", "答卷。只要我们始终把群众", "的冷暖放在心上，从群众最", "发展成果更多更公平地惠及", "全体人民。"]


def test_a_sentence_end_far_right_below_the_block_top_stays_on_its_line():
    text = "\n".join([
        row((2, "民生无小事，枝叶总关"), (24, "办得好不好，群众说了"), (46, "百姓的笑脸，是最好的")),
        row((0, "情。"), (24, "算。要把评判的“表决器”"), (46, "答卷。只要我们始终把群众"), (68, "全体人民。")),
        row((2, "一部加装的电梯，一个"), (24, "交给群众，让群众参与民生"), (46, "的冷暖放在心上，从群众最")),
    ]) + "\n"
    lines = [ln.strip() for ln in restored(text).split("\n") if ln.strip()]
    assert "答卷。只要我们始终把群众 全体人民。" in lines


def test_words_far_right_of_the_last_lines_that_are_no_byline_stay_on_their_line():
    text = "\n".join([
        row((2, "“小篮球打出了乡村"), (22, "表示，明年将进一步扩大"), (48, "联赛规模扩大")),
        row((0, "振兴的大文章。”县文化"), (22, "联赛规模，让更多群众在")),
        row((0, "和广电旅游体育局负责人"), (22, "家门口享受体育的快乐。")),
    ]) + "\n"
    lines = [ln.strip() for ln in restored(text).split("\n") if ln.strip()]
    assert "表示，明年将进一步扩大 联赛规模扩大" in lines


def test_crlf_text_comes_back_with_crlf_and_positions_map_to_the_input():
    text = TWO_COLUMNS.replace("\n", "\r\n")
    r = restore_columns(text)
    assert r.text == restored(TWO_COLUMNS).replace("\n", "\r\n")
    for out, src, n in r.pieces:
        assert r.text[out : out + n] == text[src : src + n]


def test_text_without_columns_comes_back_unchanged():
    text = "  一段文字，\n\n\n      居中的标题\n又一行。\n"
    r = restore_columns(text)
    assert r.text == text and not r.changed and r.to_source(5) == 5


# -- generated pages -------------------------------------------------------------------------


def _articles() -> list[dict]:
    return [json.loads(p.read_text("utf-8")) for p in sorted((ROOT / "tests" / "corpus" / "articles").glob("*.json"))]


def _page(seed: int) -> tuple[str, list[str]]:
    rng = random.Random(seed)
    arts = _articles()
    ncols = rng.randint(2, 6)
    st = Style(width=rng.randint(10, 18), gutter=rng.randint(2, 6), in_cells=rng.random() < 0.3, spaced=rng.choice((0.0, 0.03)), jitter=rng.choice((0, 1)), seed=seed)

    def art(stair: bool = False) -> Article:
        a = rng.choice(arts)
        subtitle = a["subtitle"] or ""
        if st.w(subtitle) > 2 * st.col_width:
            subtitle = ""  # a subtitle wider than its article is not set
        return Article(a["headline"], a["paragraphs"], subtitle, a["label"] or "", a["byline"] or "", stair)

    blocks = []
    for _ in range(rng.randint(1, 3)):
        if ncols >= 4 and rng.random() < 0.25:
            k = rng.randint(2, ncols - 2)
            blocks.append([(art(), 0, k), (art(), k, ncols - k)])
        else:
            blocks.append([(art(rng.random() < 0.3), 0, ncols)])
    return page(blocks, ncols, st)


@pytest.mark.parametrize("seed", range(60))
def test_generated_pages_come_back_in_reading_order(seed):
    """Pages of 2-6 columns of the corpus articles, set by tests/layout_text.py with
    random widths, gutters, jitter, letter spacing, staircases, articles side by side
    and positions in characters or display cells."""
    text, expected = _page(seed)
    got = [ln.strip(" ") for ln in restored(text).replace("\f", "\n").split("\n") if ln.strip(" ")]
    assert got == expected


# -- invariants and the negative set ----------------------------------------------------------------


@pytest.mark.parametrize("path", LAYOUT_FILES, ids=lambda p: p.name)
def test_only_spaces_and_line_breaks_change(path):
    text = path.read_text("utf-8")
    assert looks_like_layout_mode(text)
    r = restore_columns(text)
    assert r.changed
    assert Counter(c for c in r.text if not c.isspace()) == Counter(c for c in text if not c.isspace())
    for out, src, n in r.pieces:
        assert r.text[out : out + n] == text[src : src + n]
    assert all(text[r.to_source(i)] == c for i, c in enumerate(r.text) if not c.isspace())


def _plain_texts() -> list[tuple[str, str]]:
    out = [("sample-page", SAMPLE.read_text("utf-8"))]
    for extractor in ("pdftotext", "pymupdf", "expected"):
        out += [(f"{extractor}/{p.name}", p.read_text("utf-8")) for p in sorted((DATA / extractor).glob("*.txt"))]
    arts = _articles()
    page_text = "\n\n".join("\n".join([a["headline"], *a["paragraphs"], a["byline"] or ""]) for a in arts)
    out.append(("corpus", page_text))
    return out


@pytest.mark.parametrize("name,text", _plain_texts(), ids=lambda v: v if len(v) < 40 else "")
def test_ordinary_extracted_text_is_never_rearranged(tmp_path, name, text):
    assert not looks_like_layout_mode(text)
    assert restored(text) == text  # even when asked: no column, no staircase
    path = tmp_path / "page.txt"
    path.write_text(text, "utf-8")
    doc = load_document(path)
    assert not doc.layout_mode
    if name.startswith("pdftotext/") and doc.rearranged_from is not None:
        # Pieces a plain pdftotext read too early are put back (app/block_order.py,
        # tests/test_block_order.py): the same characters, in another order.
        assert doc.restored.report.moved > 0 and len(doc.notices) == 1
        assert Counter(doc.raw.replace("\n", "")) == Counter(text.replace("\n", ""))
    else:
        assert doc.raw == text and doc.rearranged_from is None and not doc.notices


# -- the document, a saved review, the command line -------------------------------------------------


@pytest.fixture
def layout_file(tmp_path) -> Path:
    path = tmp_path / "layout.txt"
    path.write_bytes((DATA / "pdftotext-layout" / "ed01.txt").read_bytes())
    return path


def test_a_layout_file_is_reviewed_with_its_columns_in_reading_order(layout_file):
    text = layout_file.read_text("utf-8")
    doc = load_document(layout_file)
    assert doc.layout_mode and doc.rearranged_from == text and doc.file_text == text
    assert doc.raw == restored(text) and not doc.columns_kept
    assert [str(n) for n in doc.notices] and "put back in reading order" in str(doc.notices[0]) and "--columns keep" in str(doc.notices[0])
    assert "按阅读顺序重排" in doc.notices[0].message("zh") and not doc.warnings
    # Rejecting every fix gives back the text reviewed: the rearranged one.
    session = ReviewSession(doc)
    session.reject_all()
    assert session.cleaned == doc.raw


def test_kept_as_it_is_on_request(layout_file):
    doc = load_document(layout_file, columns="keep")
    assert doc.raw == layout_file.read_text("utf-8") and doc.columns_kept and not doc.notices
    assert "reviewed as it is" in str(doc.warnings[0])
    with pytest.raises(ValueError):
        load_document(layout_file, columns="sideways")


def test_a_saved_review_is_found_again_on_reopening(layout_file, tmp_path):
    doc = load_document(layout_file)
    session = ReviewSession(doc)
    fid = session.fixes[0].id
    session.reject([fid])
    review = tmp_path / "review.json"
    session.save_review(review)
    again = ReviewSession(load_document(layout_file))
    assert again.document.sha256 == doc.sha256
    again.restore(load_review(review))
    assert again.decisions[fid] is Decision.REJECTED
    # The file kept as it is is another text: that review does not apply to it.
    with pytest.raises(ReviewFileError):
        ReviewSession(load_document(layout_file, columns="keep")).restore(load_review(review))


def run(*args):
    return subprocess.run([sys.executable, "-m", "app.cli", *map(str, args)], cwd=ROOT, capture_output=True, text=True)


def test_cli_check_reports_places_in_the_file(layout_file):
    proc = run("check", layout_file)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "note:" in proc.stderr and "put back in reading order" in proc.stderr
    lines = layout_file.read_text("utf-8").split("\n")
    for out in proc.stdout.splitlines()[:-1]:
        line, col = map(int, out[len(str(layout_file)) + 1 :].split(":")[:2])
        assert 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]) + 1
    data = json.loads(run("check", "--json", layout_file).stdout)
    assert data["columns"] == {"rearranged": True, "pages": 1, "blocks": [3, 3, 3], "staircases": 3}


def test_cli_columns_keep(layout_file, tmp_path):
    proc = run("check", "--columns", "keep", layout_file)
    assert proc.returncode == 1 and "reviewed as it is" in proc.stderr and "note:" not in proc.stderr
    assert json.loads(run("check", "--json", "--columns", "keep", layout_file).stdout)["columns"]["rearranged"] is False
    kept, ordered = tmp_path / "kept.txt", tmp_path / "ordered.txt"
    text = layout_file.read_text("utf-8")
    assert run("clean", layout_file, "-o", kept, "--columns", "keep", "--reject", "all").returncode == 0
    assert kept.read_text("utf-8") == render_txt(text, ExportOptions())
    assert run("clean", layout_file, "-o", ordered, "--reject", "all").returncode == 0
    assert ordered.read_text("utf-8") == render_txt(restored(text), ExportOptions())
    assert run("check", "--columns", "sideways", layout_file).returncode == 2
