"""pdftotext -layout text in the window: reviewed with its columns in reading order, said
so in the status bar and over the extracted text, and reopened as it is on request
(File ▸ Put Columns in Reading Order), each view with its own review file."""

from __future__ import annotations

import shutil

from app.columns import restore_columns
from app.session import review_path_for
from ui.controller import review_file_for
from ui.mapping import display_text

from tests.conftest import ROOT

LAYOUT = ROOT / "bench" / "pages" / "data" / "pdftotext-layout" / "ed01.txt"


def test_opening_a_layout_file_shows_the_notice(make_window, tmp_path, dialogs):
    src = tmp_path / "layout.txt"
    shutil.copy(LAYOUT, src)
    w = make_window()
    assert w.open_path(str(src))
    doc = w.controller.document
    assert doc.raw == restore_columns(src.read_text("utf-8")).text
    assert dialogs.kinds() == []  # a notice, not a warning to acknowledge
    message = w.statusBar().currentMessage()
    assert "按阅读顺序重排" in message or "put back in reading order" in message
    assert w.raw_header.title.text() == w.tr("Extracted text, columns put in reading order")
    assert w.raw.toPlainText() == display_text(doc.raw)
    action = w.actions["columns"]
    assert action.isEnabled() and action.isChecked()


def test_the_file_reopens_as_it_is_with_a_review_of_its_own(make_window, tmp_path, dialogs, qtbot):
    src = tmp_path / "layout.txt"
    shutil.copy(LAYOUT, src)
    w = make_window(src)
    c = w.controller
    first = c.session.fixes[0].id
    c.reject([first])
    action = w.actions["columns"]
    action.trigger()  # off: the file as it is
    doc = c.document
    assert doc.columns_kept and doc.raw == src.read_text("utf-8")
    assert not action.isChecked() and action.isEnabled()
    # Like opening another file: export first? (answered Discard; the decisions stay
    # in the review file), then what reviewing it as it is means.
    assert dialogs.kinds() == ["question", "warning"]
    assert "原样校对" in dialogs.shown[1][2] or "reviewed as it is" in dialogs.shown[1][2]
    assert w.raw_header.title.text() == w.tr("Extracted text as in the file (columns side by side)")
    # The decisions on the text in reading order were saved beside the file; this view
    # keeps its own.
    assert review_path_for(src).exists()
    assert review_file_for(doc) != review_path_for(src)
    c.reject([c.session.fixes[0].id])
    c.save_review()
    assert review_file_for(doc).exists()
    action.trigger()  # on again: the earlier decision is back
    assert c.document.rearranged_from is not None and action.isChecked()
    assert c.session.decisions[first].value == "rejected"


def test_ordinary_text_has_no_columns_to_put_in_order(window):
    assert not window.actions["columns"].isEnabled()
    assert window.raw_header.title.text() == window.tr("Extracted text")


def test_plain_text_with_pieces_out_of_order_is_put_back_and_kept_by_keyboard(make_window, tmp_path, dialogs, qtbot):
    """A plain extraction with a piece read too early (app/block_order.py): put back on
    opening, said over the extracted text; File ▸ Put Columns in Reading Order, reached
    with the keyboard alone (Alt+F, U), reopens the file as it is."""
    from tests.test_block_order import IN_ORDER, MISORDERED

    from ui.qt import QApplication, Qt

    src = tmp_path / "plain.txt"
    src.write_text(MISORDERED, encoding="utf-8")
    w = make_window()
    assert w.open_path(str(src))
    assert w.controller.document.raw == IN_ORDER
    assert w.raw_header.title.text() == w.tr("Extracted text, pieces put back in reading order")
    action = w.actions["columns"]
    assert action.isEnabled() and action.isChecked()
    w.show()
    qtbot.waitExposed(w)
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_U)
    qtbot.waitUntil(lambda: w.controller.document.raw == MISORDERED)
    assert w.controller.document.columns_kept and not action.isChecked() and action.isEnabled()
    assert w.raw_header.title.text() == w.tr("Extracted text as in the file (out of reading order)")
