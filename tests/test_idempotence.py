"""Accept-all is idempotent: the suggested version (every default fix applied),
analysed again, gets no default fix. Shrunk from newspaper-like fuzz inputs that
failed, one or two per cause."""

from __future__ import annotations

import pytest

from app.layout import PageAnalysis
from app.page_lines import _unwrapped_around

from .helpers import default_fixes, suggested

REPROS = {
    # A slogan space judged on the cleaned text: a joined line break and a space removed
    # beside it are no phrase edge.
    "slogan-edge-joined": "在龙湾村的“巾帼 共富\n翻飞件件精美的刺绣作\n的收入。”45岁的村民郑",
    "slogan-edge-joined-2": "家人们就是\n我们山里的 高山云雾茶\n”主播小李正对着\n手机镜头热情推介。",
    "slogan-edge-removed-space": "这是今年我 市开行的第 列。",
    "slogan-edge-removed-latin-space": "5 选调生周晓 婷用一个问。",
    # Unwrapped paragraphs (and the short lines among them) are no column.
    "unwrapped-wide": "试拉开帷幕。务人员和服务保障人员参与高\n特意穿上了一身红色旗袍，\n寓意“旗开得胜。",
    "unwrapped-narrow": "帷幕。全市共有6.8\n生参加考试，设置考\n考\n共有00余名考\n员和服务保障人员参与\n高考作。",
    "collapsed-headline": "””撬撬动动““大大民民生生””\n到群众的获得感幸福感、安全感。\n绿绿色公里，沿途有行政村、6个\n他已经在这条邮\n，累计行程超过\n在大雪中走了整送到了学生手中。",
    # A glued byline taken back ("fills the column") before a paragraph break after all.
    "byline-taken-back": "年接着一年干。杨华\n\n年“家企业参会，\n引",
    "byline-taken-back-2": "断。记者 范晓东\n\n旅\n游收入亿元，同\n比增长6.3%，两项",
    # Zero-width characters inside a pattern.
    "zero-width-doubled": "直\u200b直播播带带货货",
    "zero-width-byline": "。本报\ufeff记者 王芳",
    # Line separators and a form feed inside a line are line ends.
    "form-feed-after-comma": "，\x0c领",
    "form-feed-then-space": "员\x0c 马",
    "line-separator": "3年第十五次集体学习，\u2028深入学习贯彻习近平总书",
    # A question never displaces a default fix.
    "question-vs-default": "。\n 阳光社区\n。（记者施晓）\n民政局",
    "question-vs-default-2": "。\n 老服务科\n。周靖\n援大队",
    # A glued byline without spaces is split and spaced at once.
    "glued-unspaced-byline": "”记者黎明通讯员程远",
}


@pytest.mark.parametrize("text", list(REPROS.values()), ids=list(REPROS))
def test_suggested_version_gets_no_default_fix(text):
    once = suggested(text)
    assert default_fixes(once) == []


def test_unwrapped_text_around_is_no_column():
    # Two short lines agree at 12 em; three lines around are whole paragraphs (50 em).
    assert _unwrapped_around(sorted([12.0, 12.5, 50.0, 52.0, 55.0]), 12.0, 2)
    assert not _unwrapped_around(sorted([12.0, 12.5, 12.0, 13.0, 50.0]), 12.0, 4)


def test_form_feed_and_line_separators_end_lines_without_moving_positions():
    text = "会议强调，\u2028要转变作风，\x0c强化落实。\n\x0c下一页"
    page = PageAnalysis(text)
    contents = [ln.content for ln in page.lines if not ln.blank]
    assert contents == ["会议强调，", "要转变作风，", "强化落实。", "下一页"]
    assert all(text[ln.content_start : ln.content_end] == ln.content for ln in page.lines if not ln.blank)


def test_a_form_feed_at_a_line_start_is_no_indent():
    # pdftotext opens a page with a form feed: the line is not indented for that.
    gaps = PageAnalysis("要转变作风，强化落实，推动工作落地见效，\n\x0c把讲政治体现到贯彻落实中去。").gaps
    assert gaps[0].reason != "next line is indented"
