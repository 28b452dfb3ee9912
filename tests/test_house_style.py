"""House-style rules (issue 6): what the golden cases cannot show — questions that are
asked but not applied, the document's script, presets, the word-list file, one report
per invisible character, no overlap between the new rules, Traditional export."""

from __future__ import annotations

import json

import pytest
from docx import Document as Docx
from docx.oxml.ns import qn

from app.analyze import RULES, analyse_text
from app.engine import apply_fixes
from app.export import ExportOptions, corner_quotes, export
from app.fixes import Confidence
from app.fsutil import WriteError
from app.rules import trad_simp, word_list
from app.settings import SettingsError, default_settings, load_preset, load_settings

from .test_cli import run
from .helpers import only, suggested

NEW_RULES = ("odd-char", "punct-width", "quote-pairs", "word-list", "trad-simp", "cjk-latin-space")


def fixes_of(text: str, rule: str, settings=None):
    return [f for f in analyse_text(text, settings or only(rule)).fixes if f.rule == rule]


def accept_all(text: str, fixes) -> str:
    return apply_fixes(text, fixes).text


# -- registry and settings ------------------------------------------------------------------


def test_new_rules_follow_stray_space_and_have_settings():
    order = list(RULES)
    assert order[: order.index("stray-space") + 1] == ["section-label", "byline", "dup-glyph", "line-join", "stray-space"]
    assert order[order.index("stray-space") + 1 :] == list(NEW_RULES)
    defaults = default_settings()
    for rid in NEW_RULES:
        assert rid in defaults.rules, rid
    assert not defaults.rule("cjk-latin-space").enabled  # web preset only


def test_presets():
    web, print_ = load_preset("web"), load_preset("print")
    assert web.rule("stray-space").options["style"] == "web" and web.rule("cjk-latin-space").enabled
    assert web.rule("punct-width").options["parentheses"] == "keep"
    assert print_.rule("stray-space").options["style"] == "print" and not print_.rule("cjk-latin-space").enabled
    assert print_.rule("punct-width").options["parentheses"] == "full"
    # Everything else comes from the defaults.
    assert web.rule("dup-glyph").enabled and web.rule("trad-simp").options["script"] == "auto"
    with pytest.raises(SettingsError, match="unknown preset"):
        load_preset("magazine")


def test_user_settings_go_over_the_preset_and_name_files_relative_to_themselves(tmp_path):
    (tmp_path / "words.txt").write_text("党建引领 => 党建领航\n", "utf-8")
    house = tmp_path / "house.toml"
    house.write_text('[cjk-latin-space]\nenabled = false\n[word-list]\nfile = "words.txt"\n', "utf-8")
    s = load_settings(house, "web")
    assert s.rule("stray-space").options["style"] == "web"  # from the preset
    assert not s.rule("cjk-latin-space").enabled  # from the user file
    assert s.rule("word-list").options["file"] == str(tmp_path / "words.txt")
    text = "坚持党建引领，推动基层治理。\n"
    assert suggested(text, s) == "坚持党建领航，推动基层治理。\n"


def test_web_preset_spaces_and_print_preset_removes_them():
    web = load_preset("web")
    assert suggested("全市GDP增长6.5%，5G基站新建1200个。\n", web) == "全市 GDP 增长 6.5%，5G 基站新建 1200 个。\n"
    assert suggested("全市 GDP 增长 6.5%，5G 基站新建 1200 个。\n", web) == "全市 GDP 增长 6.5%，5G 基站新建 1200 个。\n"
    assert suggested("全市 GDP 增长 6.5%，5G 基站新建 1200 个。\n", load_preset("print")) == "全市GDP增长6.5%，5G基站新建1200个。\n"
    # The web preset leaves parentheses as written; print makes them full-width.
    assert suggested("生产总值(GDP)增长较快。\n", web) == "生产总值(GDP)增长较快。\n"
    assert suggested("生产总值(GDP)增长较快。\n", load_preset("print")) == "生产总值（GDP）增长较快。\n"


# -- punct-width ---------------------------------------------------------------------------


def test_punctuation_confidence_follows_the_context():
    text = "会议指出,要聚焦学深悟透。美国作家马克.吐温曾说过这句话。北京—上海高铁今天开通。\n"
    found = {text[f.start - 1 : f.end + 1]: f.confidence for f in fixes_of(text, "punct-width")}
    assert found == {"出,要": Confidence.SURE, "克.吐": Confidence.DOUBTFUL, "京—上": Confidence.DOUBTFUL}


# -- quote-pairs ---------------------------------------------------------------------------


def test_unclosed_marks_are_questions_that_insert_at_the_paragraph_end():
    text = "他说：“我们要认真学习《中国共产党章程，深刻领会党的创新理论。\n"
    [fix] = fixes_of(text, "quote-pairs")
    assert fix.confidence is Confidence.DOUBTFUL and "？" in fix.message_zh
    assert suggested(text, only("quote-pairs")) == text  # never applied by default
    assert accept_all(text, [fix]) == "他说：“我们要认真学习《中国共产党章程，深刻领会党的创新理论。》”\n"


def test_missing_opening_mark_and_swapped_quotes_are_questions():
    text = "会议要求）各级党组织要践行”八八战略“，争当高质量发展排头兵。\n"
    fixes = fixes_of(text, "quote-pairs")
    assert all(f.confidence is Confidence.DOUBTFUL for f in fixes)
    assert accept_all(text, fixes) == "（会议要求）各级党组织要践行“八八战略”，争当高质量发展排头兵。\n"


def test_unclosed_quote_before_a_glued_byline_goes_before_the_byline():
    text = "会议要求，要打造一支唯实惟先、善作善成的组工干部队伍。\n他说：“我们一定不辜负组织的期望。 周靖\n\n区委组织部\n"
    fixes = fixes_of(text, "quote-pairs")
    assert len(fixes) == 1 and fixes[0].edits[0].replacement == "”"
    assert text[fixes[0].start - 1] == "。"


# -- trad-simp -----------------------------------------------------------------------------


def test_traditional_characters_in_simplified_text_are_asked_by_word():
    text = "会议强调，要推进共同富裕示範區建設，扩大中等收入群体，让发展成果更多更公平惠及全体人民，推动经济社会高质量发展。\n"
    fixes = fixes_of(text, "trad-simp")
    assert [(text[f.start : f.end], f.edits[0].replacement) for f in fixes] == [("範區建設", "范区建设")]
    assert fixes[0].confidence is Confidence.DOUBTFUL
    assert dict(fixes[0].detail)["script"] == "simplified"


def test_simplified_characters_in_traditional_text():
    text = "會議強調，要推動經濟高質量发展，擴大內需，讓發展成果更多更公平惠及全體人民。\n"
    fixes = fixes_of(text, "trad-simp")
    assert [(text[f.start : f.end], f.edits[0].replacement) for f in fixes] == [("发", "發")]
    assert dict(fixes[0].detail)["script"] == "traditional"


def test_regional_traditional_forms_are_not_simplified():
    # 台 (Hong Kong, Taiwan usage), 裡 (Taiwan), 著 (Taiwan) are all traditional.
    assert fixes_of("台灣的朋友說，裡面的東西很好，我們看著辦吧。\n", "trad-simp") == []


def test_document_script():
    assert trad_simp.document_script("会议强调，要推进共同富裕示范区建设。").script == "simplified"
    assert trad_simp.document_script("會議強調，要推進共同富裕示範區建設。").script == "traditional"
    assert trad_simp.document_script("会议强调，要推進共同富裕示範區建設。").script == "mixed"
    assert trad_simp.document_script("2023 GDP").script == "none"


def test_whitelist_and_forced_script(tmp_path):
    text = "什麼是幺麼小丑？会议强调，要推进共同富裕示范区建设，推动经济社会高质量发展。\n"
    fixes = fixes_of(text, "trad-simp")
    assert [text[f.start : f.end] for f in fixes] == ["麼"]  # 幺麼 is whitelisted, 什麼 is not
    own = tmp_path / "white.txt"
    own.write_text("什麼\n", "utf-8")
    s = only("trad-simp")
    s.rule("trad-simp").options["whitelist"] = str(own)
    assert [text[f.start : f.end] for f in fixes_of(text, "trad-simp", s)] == ["麼"]  # now 幺麼 is flagged
    s.rule("trad-simp").options["script"] = "traditional"
    assert all("繁体文本" in f.message_zh for f in fixes_of(text, "trad-simp", s))


# -- odd-char and stray-space --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "推进\u200b共同富裕示范区建设。\n",  # between ideographs
        "省第十五次党代会精神，\u200b 研究部署工作。\n",  # beside a space
        "\u200b6月27日上午，区委组织部召开会议。\n",  # at the line start
        "会议强调，要转变作风。\n\u200b\n强化落实。\n",  # a blank line of its own
        "打造一支唯实惟先、善作善成的组工干部队伍。\n记者 张\u200b三\n",  # in a byline
        "Ⅲ \u200b级应急响应已经启动。\n",  # a run stray-space leaves alone
    ],
)
def test_each_invisible_character_is_reported_once(text):
    result = analyse_text(text)
    zw = text.index("\u200b")
    reporting = [f for f in result.fixes + result.superseded if any(e.start <= zw < e.end for e in f.edits)]
    assert len(reporting) == 1, [(f.rule, f.edits) for f in reporting]
    assert "\u200b" not in suggested(text)


def test_without_stray_space_odd_char_reports_zero_width_characters():
    settings = default_settings()
    settings.rule("stray-space").enabled = False
    fixes = [f for f in analyse_text("推进\u200b共同富裕示范区建设。\n", settings).fixes]
    assert [f.rule for f in fixes] == ["odd-char"]


def test_private_use_and_lost_characters_are_marked_when_accepted():
    text = "公司董事长张\ue2a3表示，他说\ufffd我们要努力。\n"
    fixes = fixes_of(text, "odd-char")
    assert all(f.confidence is Confidence.DOUBTFUL for f in fixes) and len(fixes) == 2
    assert "U+E2A3" in fixes[0].message_zh
    assert accept_all(text, fixes) == "公司董事长张□表示，他说□我们要努力。\n"


# -- word-list -----------------------------------------------------------------------------


def test_word_list_format(tmp_path):
    wl = word_list.parse("# 注释\n再接再励 => 再接再厉\n既使 => 即使 ?  # 只提示\n!按装置\n按装 => 安装\n", "t.txt")
    assert wl.entries["既使"].ask and not wl.entries["再接再励"].ask
    assert wl.exceptions == ("按装置",)
    with pytest.raises(SettingsError, match="t.txt:2"):
        word_list.parse("# ok\n再接再励 再接再厉\n", "t.txt")
    s = only("word-list")
    s.rule("word-list").options["file"] = str(tmp_path / "missing.txt")
    with pytest.raises(SettingsError, match="cannot be read"):
        analyse_text("文本\n", s)


# -- the new rules together ----------------------------------------------------------------

MESSY = (
    "区委组织部召开部委理论学习中心组学习(扩大)会议,专题传达学习贯彻省第十五次党代会精神。"
    "区委副书记陈思远在发言中说:\"要把'八八战略'落到一个个项目上。\"全区上下要再接再励,"
    "一股作气完成全年目标任务...上半年全市ＧＤＰ同比增长７．１%,5G基站新建1200个。\u200b\n"
    "会议强调，要推进共同富裕示範區建設，扩大中等收入群体。公司董事长张\ue2a3表示：“我们将继续努力。\n"
)


@pytest.mark.parametrize("preset", ["print", "web"])
def test_new_rules_do_not_overlap_and_ids_are_stable(preset):
    settings = load_preset(preset)
    first = analyse_text(MESSY, settings)
    assert not [f for f in first.superseded if f.rule in NEW_RULES]
    assert {f.rule for f in first.fixes} >= {"punct-width", "quote-pairs", "word-list", "trad-simp", "odd-char"}
    again = analyse_text(MESSY, load_preset(preset))
    assert [f.id for f in again.fixes] == [f.id for f in first.fixes]


def test_messy_text_cleaned_in_print_style():
    assert suggested(MESSY, load_preset("print")) == (
        "区委组织部召开部委理论学习中心组学习（扩大）会议，专题传达学习贯彻省第十五次党代会精神。"
        "区委副书记陈思远在发言中说：“要把‘八八战略’落到一个个项目上。”全区上下要再接再厉，"
        "一鼓作气完成全年目标任务……上半年全市GDP同比增长7.1%，5G基站新建1200个。\n"
        "会议强调，要推进共同富裕示範區建設，扩大中等收入群体。公司董事长张\ue2a3表示：“我们将继续努力。\n"
    )


# -- Traditional export --------------------------------------------------------------------

PAGE = "推进共同富裕示范区建设\n区委组织部\n6月27日上午，区委组织部召开会议，研究部署软件和信息技术服务业发展。\n周靖\n"


@pytest.mark.parametrize(
    "config,expected",
    [
        ("s2t", "6月27日上午，區委組織部召開會議，研究部署軟件和信息技術服務業發展。"),
        ("s2twp", "6月27日上午，區委組織部召開會議，研究部署軟體和資訊科技服務業發展。"),
        ("s2hk", "6月27日上午，區委組織部召開會議，研究部署軟件和信息技術服務業發展。"),
    ],
)
def test_txt_export_in_traditional_chinese(tmp_path, config, expected):
    out = export(PAGE, tmp_path / "a.txt", ExportOptions(convert=config, indent=True)).read_text("utf-8")
    lines = out.splitlines()
    assert lines[2] == "\u3000\u3000" + expected  # roles read before converting: still a body paragraph
    assert lines[1] == "區委組織部" and lines[3] == "周靖"


def test_docx_export_in_traditional_chinese(tmp_path):
    doc = Docx(str(export(PAGE, tmp_path / "a.docx", ExportOptions(convert="s2hk"))))
    assert doc.paragraphs[0].text == "推進共同富裕示範區建設"
    assert doc.paragraphs[1].style.name == "PD Label" and doc.paragraphs[3].style.name == "PD Byline"
    lang = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-HK"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("他说：“我们要践行‘八八战略’。”", "他说：「我们要践行『八八战略』。」"),
        ("“他去了Xi’an，说don’t worry。”", "「他去了Xi’an，说don’t worry。」"),  # apostrophes stay
        ("“‘90后’青年”", "「『90后』青年」"),
        ("没有引号的句子。", "没有引号的句子。"),
    ],
)
def test_corner_quotes(text, expected):
    assert corner_quotes(text) == expected


def test_txt_and_docx_export_with_corner_quotes(tmp_path):
    page = "践行“八八战略” 投身“两个先行”\n他说：“要把‘两个先行’落到实处。”\n"
    options = ExportOptions(convert="s2twp", corner_quotes=True)
    assert export(page, tmp_path / "a.txt", options).read_text("utf-8") == "踐行「八八戰略」 投身「兩個先行」\n他說：「要把『兩個先行』落到實處。」\n"
    doc = Docx(str(export(page, tmp_path / "a.docx", options)))
    assert [p.text for p in doc.paragraphs] == ["踐行「八八戰略」 投身「兩個先行」", "他說：「要把『兩個先行』落到實處。」"]
    # Off by default, and possible without a conversion.
    assert "“" in export(page, tmp_path / "b.txt", ExportOptions(convert="s2twp")).read_text("utf-8")
    assert export(page, tmp_path / "c.txt", ExportOptions(corner_quotes=True)).read_text("utf-8").startswith("践行「八八战略」")


def test_unknown_conversion_is_refused_before_writing(tmp_path):
    with pytest.raises(WriteError, match="unknown conversion"):
        export(PAGE, tmp_path / "a.txt", ExportOptions(convert="t2s"))
    assert not (tmp_path / "a.txt").exists()


# -- command line --------------------------------------------------------------------------


def test_cli_preset_and_convert(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("全市GDP增长6.5%,5G基站新建1200个。\n", "utf-8")
    out = tmp_path / "out.txt"
    assert run("clean", src, "-o", out, "--preset", "web").returncode == 0
    assert out.read_text("utf-8") == "全市 GDP 增长 6.5%，5G 基站新建 1200 个。\n"
    assert run("clean", src, "-o", out, "--convert", "s2twp").returncode == 0
    assert out.read_text("utf-8") == "全市GDP增長6.5%，5G基站新建1200個。\n"
    proc = run("check", src, "--json", "--preset", "print")
    data = json.loads(proc.stdout)
    assert data["script"]["script"] == "simplified"
    assert {f["rule"] for f in data["fixes"]} == {"punct-width"}
    src.write_text("他说：“要把‘两个先行’落到实处。”\n", "utf-8")
    assert run("clean", src, "-o", out, "--convert", "s2hk", "--corner-quotes").returncode == 0
    assert out.read_text("utf-8") == "他説：「要把『兩個先行』落到實處。」\n"
    proc = run("clean", src, "-o", out, "--convert", "t2s")
    assert proc.returncode == 2 and "invalid choice" in proc.stderr


def _silent_negatives():
    from pathlib import Path

    for rid in NEW_RULES:
        data = json.loads((Path(__file__).parent / "golden" / f"{rid}.json").read_text("utf-8"))
        for case in data["negative"]:
            if "only asked" not in case["name"]:
                yield pytest.param(rid, case["input"], id=f"{rid}:{case['name']}")


@pytest.mark.parametrize("rule,text", list(_silent_negatives()))
def test_golden_negatives_raise_no_question_either(rule, text):
    # The golden test checks the suggested text; clean text must not even be asked about.
    assert [f.message_zh for f in fixes_of(text, rule)] == []
