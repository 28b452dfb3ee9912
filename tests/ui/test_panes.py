"""The two panes in step: scrolling, selection, highlights, context menus, preferences."""

from __future__ import annotations

from app.session import Decision
from ui.decorations import Marker, Style
from ui.qt import Qt


def test_scrolling_one_pane_scrolls_the_other(qtbot, window):
    s = window.controller.session
    offsets = s.applied.offsets
    bar = window.raw.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 4)
    qtbot.wait(10)
    raw_middle = window.raw.middle_position()
    expected = offsets.raw_to_clean(raw_middle)
    # The cleaned pane shows the same place in its middle (give or take a line).
    line_of = window.clean._line_number
    clean_bar = window.clean.verticalScrollBar()
    assert 0 < clean_bar.value() < clean_bar.maximum()
    assert abs(line_of(window.clean.middle_position()) - line_of(expected)) <= 1
    window.actions["sync_scroll"].setChecked(False)
    before = window.clean.verticalScrollBar().value()
    bar.setValue(0)
    assert window.clean.verticalScrollBar().value() == before


def test_a_selection_shows_in_the_other_pane(qtbot, window):
    s = window.controller.session
    start, end = 40, 120
    cursor = window.raw.textCursor()
    cursor.setPosition(window.raw.to_qt(start))
    cursor.setPosition(window.raw.to_qt(end), cursor.MoveMode.KeepAnchor)
    window.raw.setTextCursor(cursor)
    offsets = s.applied.offsets
    assert window.clean._mirror == (offsets.raw_to_clean(start), offsets.raw_to_clean(end))
    cursor.clearSelection()
    window.raw.setTextCursor(cursor)
    assert window.clean._mirror is None
    assert window.controller.selection is None


def test_highlights_follow_decisions(qtbot, window, press):
    c = window.controller
    fid = c.current_id
    qtbot.wait(20)
    [raw_deco] = [d for d in window.raw.decorations() if d.fix_id == fid][:1]
    assert raw_deco.current and raw_deco.style is Style.SUGGESTED
    press(Qt.Key.Key_Space)
    qtbot.wait(20)
    styles = {d.style for d in window.raw.decorations() if d.fix_id == fid}
    assert styles == {Style.REJECTED}
    # A rejected fix leaves no mark in the cleaned text except while it is current.
    press(Qt.Key.Key_N)
    qtbot.wait(20)
    assert not [d for d in window.clean.decorations() if d.fix_id == fid]


def test_removed_line_breaks_are_marked_in_both_panes(qtbot, window):
    s = window.controller.session
    join = next(f for f in s.fixes if f.rule == "line-join" and s.is_applied(f.id))
    window.controller.set_current(join.id)
    qtbot.wait(20)
    raw_marks = [d for d in window.raw.decorations() if d.fix_id == join.id]
    clean_marks = [d for d in window.clean.decorations() if d.fix_id == join.id]
    assert raw_marks[0].marker is Marker.JOINED
    assert clean_marks[0].marker is Marker.JOINED and clean_marks[0].start == clean_marks[0].end


def test_tooltip_and_context_menu_offer_the_fix_under_the_mouse(qtbot, window):
    s = window.controller.session
    target = s.fixes[3]
    text = window._tooltip(window._fix_at(window.raw, target.start))
    assert target.message(window.prefs.message_language) in text
    actions = window._context_actions(window.raw, target.start)
    assert window.actions["accept"] in actions and window.actions["turn_off"] in actions
    assert window.controller.current_id == target.id


def test_preferences_change_the_house_style_and_keep_decisions(qtbot, window, press, monkeypatch):
    from ui.dialogs import PreferencesDialog

    c = window.controller
    first = c.current_id
    press(Qt.Key.Key_R)
    doubtful_rules = {f.rule for f in c.session.fixes if not c.session.default_applied(f.id)}

    def accept_with_changes(dialog):
        dialog.style_web.setChecked(True)
        for rule, combo in dialog.apply.items():
            combo.setCurrentIndex(1)  # always applied
        return PreferencesDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", accept_with_changes)
    window.actions["preferences"].trigger()
    assert window.prefs.spacing_style == "web"
    s = c.session
    assert s.settings.rule("stray-space").options["style"] == "web"
    assert all(s.default_applied(f.id) for f in s.fixes)  # "always" for every kind
    if first in s.by_id:
        assert s.decisions[first] is Decision.REJECTED
    assert doubtful_rules is not None
    assert window.clean.model_text == s.cleaned


def test_closing_the_document_shows_the_start_page_with_recent_files(window, press, dialogs):
    press(Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.session is None
    assert window.stack.currentWidget() is window.start_page
    assert window.windowTitle() == "ProofDesk"
    assert not window.actions["accept"].isEnabled()
