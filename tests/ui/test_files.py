"""Opening, exporting, the review file beside the document, closing and quitting."""

from __future__ import annotations

import json
from pathlib import Path

import docx

from app.export.txt import render_txt
from app.roles import classify
from app.session import Decision, review_path_for
from ui.mapping import display_text
from ui.qt import QApplication, QMessageBox, QMimeData, QPoint, QPointF, Qt, QUrl

Key = Qt.Key
Mod = Qt.KeyboardModifier


def test_export_txt_with_the_shortcut_and_reopen_it(qtbot, window, press, dialogs, tmp_path):
    s = window.controller.session
    press(Key.Key_R)  # one decision, so there is unexported work
    assert window.isWindowModified()
    target = tmp_path / "out.txt"
    dialogs.save_as = str(target)
    press(Key.Key_E, Mod.ControlModifier)
    text = target.read_text("utf-8")
    assert text == render_txt(display_text(s.cleaned), window.prefs.export_options())
    assert "\r" not in text
    assert not window.isWindowModified()
    assert not window.controller.unexported
    # The exported text is the cleaned one: every applied line join is gone.
    joined = [f for f in s.fixes if f.rule == "line-join" and s.is_applied(f.id)]
    if joined:
        f = joined[0]
        before, after = s.raw[f.start - 2 : f.start], s.raw[f.end : f.end + 2]
        assert before + after in text.replace("\n", "")


def test_export_txt_options_from_preferences(window, dialogs, tmp_path):
    window.prefs.set_txt_options(blank_line_between=True, indent=True, crlf=True)
    target = tmp_path / "windows.txt"
    dialogs.save_as = str(target)
    window.actions["export_txt"].trigger()
    data = target.read_bytes()
    assert b"\r\n\r\n" in data
    assert "\u3000\u3000".encode() in data


def test_export_docx_and_reopen_it(qtbot, window, press, dialogs, tmp_path):
    s = window.controller.session
    press(Key.Key_A, Mod.ControlModifier | Mod.ShiftModifier)
    target = tmp_path / "out.docx"
    dialogs.save_as = str(target)
    press(Key.Key_E, Mod.ControlModifier | Mod.ShiftModifier)
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert paragraphs == [b.text for b in classify(display_text(s.cleaned))]
    styles = {p.style.name for p in docx.Document(str(target)).paragraphs}
    assert "PD Body" in styles
    assert not window.controller.unexported


def test_export_refuses_to_overwrite_the_document(window, dialogs, doc_path):
    dialogs.save_as = str(doc_path)
    window.actions["export_txt"].trigger()
    assert dialogs.kinds() == ["warning"]
    assert "正在校对的原文件" in dialogs.shown[0][2]  # the core message, in the interface language


def test_review_is_restored_when_the_document_is_opened_again(qtbot, make_window, doc_path, dialogs, press):
    from test_editing import type_at

    w = make_window(doc_path)
    s = w.controller.session
    first = w.controller.current_id
    press(Key.Key_R)
    second = w.controller.current_id
    press(Key.Key_A)
    type_at(qtbot, w, s.cleaned.index("\n"), "ABC")
    decisions = {k: v for k, v in s.decisions.items() if v is not Decision.PENDING}
    cleaned, manual = s.cleaned, s.manual
    dialogs.answer = QMessageBox.StandardButton.Discard
    assert w.close()
    assert dialogs.kinds() == ["question"]  # unexported work: asked first
    assert review_path_for(doc_path).exists()

    w2 = make_window(doc_path)
    s2 = w2.controller.session
    assert s2.decisions[first] is Decision.REJECTED
    assert s2.decisions[second] is Decision.ACCEPTED
    assert {k: v for k, v in s2.decisions.items() if v is not Decision.PENDING} == decisions
    assert s2.manual == manual
    assert s2.cleaned == cleaned
    assert w2.clean.toPlainText() == display_text(cleaned)
    assert "ABC" in w2.clean.toPlainText()
    assert w2.isWindowModified()  # still not exported


def test_autosave_writes_the_review(qtbot, window, doc_path, press):
    window.controller._autosave.setInterval(30)
    press(Key.Key_R)
    review = review_path_for(doc_path)
    qtbot.waitUntil(review.exists, timeout=3000)
    data = json.loads(review.read_text("utf-8"))
    assert "rejected" in data["decisions"].values()
    assert window.controller.session.saved_revision == window.controller.session.revision


def test_corrupt_review_file_shows_a_message_and_opens_the_document(make_window, doc_path, dialogs):
    review = review_path_for(doc_path)
    review.write_text("{ this is not json", "utf-8")
    w = make_window(doc_path)
    assert dialogs.kinds() == ["warning"]
    assert "review" in dialogs.shown[0][1].lower() or "审" in dialogs.shown[0][1]
    assert w.controller.session is not None
    assert w.raw.toPlainText() == doc_path.read_text("utf-8")
    assert review.with_name(review.name + ".unusable").exists()  # kept for the editor


def test_review_of_a_changed_document_is_not_applied(make_window, doc_path, dialogs, press):
    w = make_window(doc_path)
    press(Key.Key_R)
    w.controller.save_review()
    dialogs.answer = QMessageBox.StandardButton.Discard
    w.close()
    doc_path.write_text(doc_path.read_text("utf-8") + "\n补充一段。\n", "utf-8")
    dialogs.shown.clear()
    w2 = make_window(doc_path)
    assert dialogs.kinds() == ["warning"]
    assert "changed" in dialogs.shown[0][2]
    assert all(d is Decision.PENDING for d in w2.controller.session.decisions.values())


def test_quitting_with_unexported_work_asks(qtbot, window, dialogs, press):
    press(Key.Key_R)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible()
    assert dialogs.kinds() == ["question"]
    dialogs.answer = QMessageBox.StandardButton.Discard
    press(Key.Key_Q, Mod.ControlModifier)
    assert not window.isVisible()


def test_quitting_after_export_does_not_ask(window, dialogs, press, tmp_path):
    press(Key.Key_R)
    dialogs.save_as = str(tmp_path / "done.docx")
    window.actions["export_docx"].trigger()
    assert window.close()
    assert dialogs.kinds() == []


def test_answering_export_when_quitting_exports(window, dialogs, press, tmp_path):
    press(Key.Key_R)
    dialogs.answer = QMessageBox.StandardButton.Save
    dialogs.save_as = str(tmp_path / "on-quit.docx")
    assert window.close()
    assert (tmp_path / "on-quit.docx").exists()


def test_bad_input_shows_a_message_not_a_traceback(make_window, tmp_path, dialogs):
    w = make_window()
    pdf = tmp_path / "scan.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert not w.open_path(str(pdf))
    assert dialogs.kinds() == ["warning"]
    assert "PDF" in dialogs.shown[0][2]
    assert not w.open_path(str(tmp_path / "missing.txt"))
    assert "文件不存在" in dialogs.shown[1][2]
    assert w.controller.session is None
    assert w.stack.currentWidget() is w.start_page


def test_open_dialog_and_recent_files(qtbot, make_window, doc_path, dialogs, press):
    w = make_window()
    dialogs.open_file = str(doc_path)
    press(Key.Key_O, Mod.ControlModifier)
    assert w.controller.session is not None
    assert str(doc_path.resolve()) in w.prefs.recent_files
    w._fill_recent()
    assert [a.text() for a in w.recent_menu.actions()] == ["page.txt"]


def test_dropping_a_file_opens_it(qtbot, make_window, doc_path):
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    w = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc_path))])
    pos = QPoint(200, 200)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(w, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(w, drop)
    assert w.controller.session is not None
    assert Path(w.controller.document.path) == doc_path


def test_window_layout_is_remembered(make_window, doc_path, dialogs):
    w = make_window(doc_path)
    w.resize(1111, 777)
    w.splitter.setSizes([300, 500, 311])
    sizes = w.splitter.sizes()
    geometry, state = w.saveGeometry(), w.splitter.saveState()
    assert w.close()
    assert w.prefs.layout("geometry") == geometry
    assert w.prefs.layout("splitter") == state
    w2 = make_window(size=None)
    # The offscreen screen is smaller than the window, so Qt fits the window in and
    # the panes keep their proportions rather than their pixels.
    restored = w2.splitter.sizes()
    assert abs(restored[0] / restored[1] - sizes[0] / sizes[1]) < 0.05
