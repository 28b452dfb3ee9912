"""Page measurement in app/layout.py: the per-page setting widths are read under."""

from __future__ import annotations

from app.layout import PageAnalysis
from app.page_lines import calibrate_squeeze
from app.text import width_counts, width_from_counts

TEXT = (
    "他说：“我们一定做到。”大家纷纷表示赞同，“这件事好办”，会议要求各地抓紧落实。"
    "“只要大家齐心协力，就没有办不成的事。”村民们说，现在日子越过越好，心里也更踏实了，"
    "“以后还要继续努力”，大家都这样说。乡亲们的笑容越来越多了，“真是想不到啊！”老人感叹，"
    "村里的变化大家有目共睹。“我们还要干得更好。”村支书说，下一步将继续发展特色产业，"
    "让“绿水青山”变成“金山银山”，让村民的腰包越来越鼓。"
)


def _width(line: str, squeeze: bool) -> float:
    counts = width_counts(line)
    return width_from_counts(counts) + (0 if squeeze else (counts[0] - counts[1]) * 0.5)


def _set(text: str, column: float, squeeze: bool) -> list[str]:
    """*text* broken into lines of *column* ems, every mark a full em, runs of marks
    squeezed to half an em each after the first or not; lines that do not come out exactly
    full (a mark would start the next line) are left out."""
    lines, line = [], ""
    for ch in text:
        if _width(line + ch, squeeze) > column:
            lines.append(line)
            line = ""
        line += ch
    return [ln for ln in lines if _width(ln, squeeze) == column]


def test_a_page_that_sets_runs_of_marks_at_full_width_is_read_unsqueezed():
    lines = _set(TEXT, 13, squeeze=False)
    assert len(lines) >= 8
    assert calibrate_squeeze([width_counts(ln) for ln in lines], 1.0) is False


def test_a_page_that_squeezes_runs_of_marks_keeps_the_squeeze():
    lines = _set(TEXT, 13, squeeze=True)
    assert calibrate_squeeze([width_counts(ln) for ln in lines], 1.0) is True


def test_half_width_marks_have_nothing_to_squeeze():
    lines = _set(TEXT, 13, squeeze=False)
    assert calibrate_squeeze([width_counts(ln) for ln in lines], 0.5) is True


def test_too_few_lines_keep_the_squeeze():
    assert calibrate_squeeze([width_counts("他说：“我们一定做到。”大家")], 1.0) is True


def test_on_an_unsqueezed_page_a_line_with_a_run_of_marks_fills_the_column():
    lines = _set(TEXT, 13, squeeze=False)
    page = PageAnalysis("\n".join(lines) + "\n")
    content = page.content_lines
    assert page.squeeze is False
    runs = [ln for ln in content if "”，" in ln.content or "。“" in ln.content or "。”" in ln.content]
    assert runs and all(ln.width == 13.0 for ln in runs)


def test_letter_spaced_headline_after_a_blank_line_stands_alone():
    # pdftotext writes a headline set with wide tracking one character at a time, as a
    # block of its own; a body line spread as wide follows its paragraph without a blank
    # line (a short line justified before a Latin word that did not fit).
    text = "他说。\n\n书 香 浸 润 全 城\n4月23日是第28个“世界读书\n日”。当天，市图书馆举办\n“ 小 城 慢 游 ”\nCity Walk等新玩法受到青睐。\n"
    page = PageAnalysis(text)
    standalone = {ln.content: ln.standalone for ln in page.content_lines}
    assert standalone["书 香 浸 润 全 城"] is True
    assert standalone["“ 小 城 慢 游 ”"] is False
    # Spread because the Latin word opening the next line did not fit: body text, even
    # after a blank line (a column break).
    page = PageAnalysis("月就预约了。\n\n“ 小 城 慢 游 ”\n“City Walk”等新玩法受到青睐。\n")
    assert [ln.standalone for ln in page.content_lines] == [False, False, False]
    # A Latin word in a letter-spaced headline is one unit, written without spaces.
    page = PageAnalysis("他说。\n\n“ 村 BA ” 燃 动 乡 村 夏 夜\n7月15日晚，随着一声哨响，\n全县第三届篮球联赛开赛。\n")
    assert [ln.standalone for ln in page.content_lines] == [False, True, False, False]
    # A number too, right after an article's byline, over a subtitle opening with one;
    # elsewhere a line spread around a number is body text.
    page = PageAnalysis("他说。\n记者 唐宁\n\n2.6 万 名 跑 者 激 情 开 跑\n2023城市马拉松鸣枪开赛\n")
    assert [ln.standalone for ln in page.content_lines][2] is True
    page = PageAnalysis("他说。\n\n还 有 2,500 元 左 右 的 收\n入。”45岁的村民郑大姐说。\n")
    assert [ln.standalone for ln in page.content_lines] == [False, False, False]


# A paragraph's first line a character short of a first line's width: the typesetter
# pushed ``商`` down with the comma it carries (kinsoku); the next line, as short as a
# first line, goes on. (pdftotext text of a generated page, seed 2038, ed02.)
KINSOKU_FIRST_LINE = """小李原本在杭州一家互联网公司
工作，2021年返乡创业，成了一名
“农产品主播”。“以前村里的茶
叶、笋干都靠收购商上门来收，价格
压得很低。现在通过直播，直接卖给
全国各地的消费者，价格提高了三成
左右。”
近年来，我县大力发展农村电
商，建成县级电商公共服务中心1

个、乡镇电商服务站18个、村级电商
服务点236个，培育农村电商主播620
余名，“电商+直播+农户”的产业
链条日趋完善。
为了帮助更多农民“触网”，县
商务局联合县人力资源和社会保障局
"""


def test_a_first_line_short_by_a_pushed_down_character_goes_on():
    gaps = {g.before.content: g for g in PageAnalysis(KINSOKU_FIRST_LINE).gaps}
    gap = gaps["近年来，我县大力发展农村电"]
    assert gap.decision.name == "JOIN", gap.reason
    assert gaps["左右。”"].decision.name == "PARAGRAPH"
