"""Fixtures for driving the real review window offscreen.

Every test gets its own preferences folder (PROOFDESK_CONFIG_DIR) and a copy of the
sample page in a temporary folder, so review files are written there. Message boxes
and file dialogs are replaced: a test that does not expect one sees it recorded in
``dialogs`` instead of a window that blocks.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from ui.qt import QApplication, QFileDialog, QMessageBox, Qt  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "sample-page.txt"


class Dialogs:
    """Records message boxes; answers questions with ``answer``."""

    def __init__(self):
        self.shown: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.Discard
        self.save_as: str = ""
        self.open_file: str = ""

    def kinds(self) -> list[str]:
        return [k for k, _, _ in self.shown]


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv("PROOFDESK_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> Dialogs:
    rec = Dialogs()

    def box(kind, result):
        def show(parent, title, text, *args, **kwargs):
            rec.shown.append((kind, title, text))
            return rec.answer if kind == "question" else result

        return staticmethod(show)

    monkeypatch.setattr(QMessageBox, "warning", box("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", box("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", box("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", box("question", None))
    monkeypatch.setattr(QMessageBox, "about", box("about", None))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (rec.save_as, "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (rec.open_file, "")))
    return rec


@pytest.fixture
def doc_path(tmp_path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    return Path(shutil.copy(SAMPLE, folder / "page.txt"))


@pytest.fixture
def make_window(qtbot):
    """make_window(path=None) -> a shown, active MainWindow (with the document open)."""
    from ui.app import build_window, create_application
    from ui.prefs import Prefs

    create_application([])

    def make(path: Path | None = None, size=(1400, 900)):
        window = build_window(Prefs())
        qtbot.addWidget(window)
        if size:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        if path is not None:
            assert window.open_path(str(path))
            qtbot.wait(10)
        return window

    return make


@pytest.fixture
def window(make_window, doc_path):
    return make_window(doc_path)


@pytest.fixture
def press(qtbot):
    """press(key, modifier=None): a key press where the editor's focus is (the issue
    list after opening), as a person would type it."""

    def press(k, modifier=Qt.KeyboardModifier.NoModifier, target=None):
        widget = target or QApplication.focusWidget() or QApplication.activeWindow()
        qtbot.keyClick(widget, k, modifier)
        qtbot.wait(5)

    return press


def assert_in_step(window) -> None:
    """Both panes show exactly what the session holds."""
    from ui.mapping import display_text

    session = window.controller.session
    assert window.clean.model_text == session.cleaned
    assert window.clean.toPlainText() == display_text(session.cleaned)
    assert window.raw.toPlainText() == display_text(session.raw)


@pytest.fixture
def in_step():
    return assert_in_step
