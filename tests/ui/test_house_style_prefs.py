"""The window's house-style preset and Traditional Chinese export (issue 6)."""

from __future__ import annotations

from ui.dialogs import PreferencesDialog
from ui.names import REVIEW_CATEGORIES, RULES_OF_CATEGORY, rule_name
from ui.prefs import Prefs


def test_preset_sets_the_rules_and_the_editor_overrides_them(qtbot):
    prefs = Prefs()
    s = prefs.rule_settings()
    assert prefs.preset == "print" and not s.rule("cjk-latin-space").enabled
    assert s.rule("punct-width").options["parentheses"] == "full"
    prefs.preset = "web"
    s = prefs.rule_settings()
    assert s.rule("cjk-latin-space").enabled and s.rule("stray-space").options["style"] == "web"
    assert prefs.spacing_style == "web"  # the older name of the same preference
    prefs.set_rule_enabled("cjk-latin-space", False)
    assert not prefs.rule_settings().rule("cjk-latin-space").enabled


def test_dialog_offers_every_rule_and_stores_only_what_changed(qtbot):
    prefs = Prefs()
    dialog = PreferencesDialog(prefs)
    qtbot.addWidget(dialog)
    every = [r for c in REVIEW_CATEGORIES for r in RULES_OF_CATEGORY[c]]
    assert list(dialog.enabled) == every
    assert not dialog.enabled["cjk-latin-space"].isChecked()
    # Switching to the web preset must not pin the web rule off.
    dialog.style_web.setChecked(True)
    dialog.convert.setCurrentIndex(dialog.convert.findData("s2twp"))
    assert not dialog.corner_quotes.isChecked()
    dialog.corner_quotes.setChecked(True)
    outcome = dialog.apply_to_prefs()
    assert outcome.rules_changed
    assert prefs.rule_settings().rule("cjk-latin-space").enabled
    assert prefs.export_options().convert == "s2twp" and prefs.export_options().corner_quotes
    assert PreferencesDialog(prefs).corner_quotes.isChecked()  # read back from the settings
    assert len({rule_name(r) for r in every}) == len(every)  # each row has its own name


def test_export_in_traditional_chinese_from_the_window(make_window, doc_path, dialogs, tmp_path):
    window = make_window(doc_path)
    window.prefs.export_conversion = "s2hk"
    out = window.controller.export(tmp_path / "page-hk.txt")
    text = out.read_text("utf-8")
    assert "區委組織部" in text and "区委组织部" not in text


def test_export_with_corner_quotes_from_the_window(make_window, doc_path, dialogs, tmp_path):
    window = make_window(doc_path)
    window.prefs.export_conversion = "s2twp"
    window.prefs.export_corner_quotes = True
    text = window.controller.export(tmp_path / "page-tw.txt").read_text("utf-8")
    assert "踐行「八八戰略」" in text and "“" not in text
