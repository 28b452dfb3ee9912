"""The interface speaks Simplified Chinese by default: the compiled .qm matches the .ts,
every string in ui/ is translated, and the window shows Chinese."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "proofdesk_zh_CN.ts"
QM = ROOT / "resources" / "i18n" / "proofdesk_zh_CN.qm"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if not found:
            pytest.skip(f"{name} not installed")
        return found
    return str(path)


def test_qm_is_compiled_from_the_current_ts(tmp_path):
    out = tmp_path / "fresh.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run ./dev.sh i18n and commit the .qm"


def test_every_interface_string_is_translated(tmp_path):
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-locations", "none", "-no-obsolete", "-ts", str(copy)], check=True, capture_output=True)
    untranslated = [
        m.findtext("source")
        for m in ET.parse(copy).getroot().iter("message")
        if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or m.find("translation").findall("numerusform"))
    ]
    assert untranslated == [], "translate these in resources/i18n/proofdesk_zh_CN.ts, then ./dev.sh i18n"


def test_window_speaks_chinese_by_default(qtbot, make_window, doc_path):
    from ui.app import install_translators
    from ui.qt import QApplication

    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    try:
        assert translators
        w = make_window(doc_path)
        titles = [a.text() for a in w.menuBar().actions()]
        assert titles == ["文件(&F)", "编辑(&E)", "审阅(&R)", "视图(&V)", "帮助(&H)"]
        assert w.actions["accept"].iconText() == "接受"
        assert "断行" in w.issues._chip_of[next(iter(w.issues._chip_of))].text() or any("断行" in c.text() for c in w.issues._chip_of.values())
        w.status.update_now()
        assert "未决定" in w.status.counts.text()
    finally:
        for t in translators:
            app.removeTranslator(t)


def test_english_is_selectable(make_window, doc_path):
    from ui.prefs import Prefs

    Prefs().language = "en"
    w = make_window(doc_path)
    assert w.prefs.language == "en"
    assert w.prefs.message_language == "en"
    row = w.issues.model.row(0)
    assert row.message == row.fix.message_en
