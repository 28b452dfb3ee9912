"""Reviewing by keyboard: navigate, accept, reject, toggle, whole kinds, undo/redo."""

from __future__ import annotations

from app.session import Decision
from ui.issues import ID_ROLE
from ui.qt import Qt

Key = Qt.Key
Mod = Qt.KeyboardModifier


def fix_ids(window):
    return [f.id for f in window.controller.session.fixes]


def test_open_shows_both_texts_counts_and_first_issue(qtbot, window, doc_path, in_step):
    session = window.controller.session
    assert session.fixes
    assert window.raw.toPlainText() == doc_path.read_text("utf-8")
    in_step(window)
    assert window.windowTitle().startswith("page.txt")
    assert window.issues.proxy.rowCount() == len(session.fixes)
    window.status.update_now()
    assert str(len(session.fixes)) in window.status.counts.text()
    assert "UTF-8" in window.status.encoding.text()
    assert window.controller.current_id == session.fixes[0].id
    qtbot.wait(20)
    assert any(d.current for d in window.raw.decorations())
    assert any(d.current for d in window.clean.decorations())


def test_n_p_and_alt_arrows_move_through_issues(window, press):
    ids = fix_ids(window)
    c = window.controller
    assert c.current_id == ids[0]
    press(Key.Key_N)
    assert c.current_id == ids[1]
    press(Key.Key_N)
    assert c.current_id == ids[2]
    press(Key.Key_P)
    assert c.current_id == ids[1]
    press(Key.Key_Down, Mod.AltModifier)
    assert c.current_id == ids[2]
    press(Key.Key_Up, Mod.AltModifier)
    assert c.current_id == ids[1]
    # Revealed in both panes and in the list.
    fix = c.session.by_id[ids[1]]
    assert window.raw.textCursor().position() == window.raw.to_qt(fix.start)
    assert window.clean.textCursor().position() == window.clean.to_qt(c.decorator.clean_span(ids[1])[0])
    assert window.issues.view.currentIndex().data(ID_ROLE) == ids[1]


def test_previous_at_the_first_issue_stays(window, press):
    first = window.controller.current_id
    press(Key.Key_P)
    assert window.controller.current_id == first
    assert window.statusBar().currentMessage()


def test_reject_accept_toggle_by_keyboard(window, press, in_step):
    c = window.controller
    s = c.session
    fid = c.current_id
    assert s.is_applied(fid)  # a sure fix: applied in the suggestion
    before = s.cleaned
    press(Key.Key_R)
    assert s.decisions[fid] is Decision.REJECTED
    assert not s.is_applied(fid)
    assert s.cleaned != before
    in_step(window)
    assert c.current_id != fid  # moved on to the next issue
    press(Key.Key_P)
    assert c.current_id == fid
    press(Key.Key_A)
    assert s.decisions[fid] is Decision.ACCEPTED
    assert s.cleaned == before
    in_step(window)
    press(Key.Key_P)
    press(Key.Key_Space)
    assert s.decisions[fid] is Decision.REJECTED
    press(Key.Key_Space)
    assert s.decisions[fid] is Decision.ACCEPTED
    assert c.current_id == fid  # toggling stays put
    press(Key.Key_U)
    assert s.decisions[fid] is Decision.PENDING
    in_step(window)


def test_accept_and_reject_a_whole_kind_are_single_undo_steps(window, press, in_step):
    c = window.controller
    s = c.session
    # The kind with a doubtful fix changes the text when accepted as a whole.
    doubtful = [f for f in s.fixes if not s.default_applied(f.id)]
    rule = doubtful[0].rule if doubtful else s.fixes[0].rule
    while c.session.by_id[c.current_id].rule != rule:
        press(Key.Key_N)
    original = s.cleaned
    members = [f.id for f in s.fixes_of_rule(rule)]
    press(Key.Key_A, Mod.ShiftModifier)
    assert all(s.decisions[f] is Decision.ACCEPTED for f in members)
    in_step(window)
    accepted_text = s.cleaned
    press(Key.Key_Z, Mod.ControlModifier)
    assert all(s.decisions[f] is Decision.PENDING for f in members)
    assert s.cleaned == original
    in_step(window)
    press(Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert all(s.decisions[f] is Decision.ACCEPTED for f in members)
    assert s.cleaned == accepted_text
    press(Key.Key_Z, Mod.ControlModifier)
    press(Key.Key_Y, Mod.ControlModifier)
    assert all(s.decisions[f] is Decision.ACCEPTED for f in members)
    in_step(window)
    press(Key.Key_R, Mod.ShiftModifier)
    assert all(s.decisions[f] is Decision.REJECTED for f in members)
    in_step(window)
    press(Key.Key_Z, Mod.ControlModifier)
    assert all(s.decisions[f] is Decision.ACCEPTED for f in members)
    in_step(window)


def test_accept_all_and_reject_all(window, press, in_step):
    s = window.controller.session
    press(Key.Key_R, Mod.ControlModifier | Mod.ShiftModifier)
    assert all(d is Decision.REJECTED for d in s.decisions.values())
    assert s.cleaned == s.raw
    in_step(window)
    press(Key.Key_A, Mod.ControlModifier | Mod.ShiftModifier)
    assert all(d is Decision.ACCEPTED for d in s.decisions.values())
    in_step(window)
    press(Key.Key_Z, Mod.ControlModifier)
    assert all(d is Decision.REJECTED for d in s.decisions.values())
    in_step(window)


def test_undo_names_the_step_and_goes_back_to_the_fix(window, press):
    c = window.controller
    fid = c.current_id
    press(Key.Key_R)
    assert c.current_id != fid
    undo = window.actions["undo"]
    assert undo.isEnabled()
    assert undo.text() != window.tr("&Undo")
    press(Key.Key_Z, Mod.ControlModifier)
    assert c.current_id == fid
    assert c.session.decisions[fid] is Decision.PENDING


def test_reject_everything_in_a_text_selection(qtbot, window, press, in_step):
    c = window.controller
    s = c.session
    fixes = s.fixes[:6]
    start, end = fixes[0].start, max(f.end for f in fixes)
    cursor = window.raw.textCursor()
    cursor.setPosition(window.raw.to_qt(start))
    cursor.setPosition(window.raw.to_qt(end), cursor.MoveMode.KeepAnchor)
    window.raw.setTextCursor(cursor)
    qtbot.wait(10)
    assert c.selection == (start, end)
    inside = c.fixes_in_selection()
    assert {f.id for f in fixes} <= set(inside)
    window.issues.view.setFocus()
    press(Key.Key_R, Mod.ControlModifier | Mod.AltModifier)
    assert all(s.decisions[f] is Decision.REJECTED for f in inside)
    in_step(window)
    press(Key.Key_Z, Mod.ControlModifier)
    assert all(s.decisions[f] is Decision.PENDING for f in inside)


def test_turning_a_rule_off_rejects_its_fixes_and_undo_turns_it_back_on(window, press, in_step):
    c = window.controller
    s = c.session
    rule = s.by_id[c.current_id].rule
    window.actions["turn_off"].trigger()
    assert c.prefs.rule_enabled(rule) is False
    assert all(s.decisions[f.id] is Decision.REJECTED for f in s.fixes_of_rule(rule))
    in_step(window)
    press(Key.Key_Z, Mod.ControlModifier)
    assert c.prefs.rule_enabled(rule) is True
    assert all(s.decisions[f.id] is Decision.PENDING for f in s.fixes_of_rule(rule))
    press(Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert c.prefs.rule_enabled(rule) is False


def test_filter_by_kind_limits_the_list_and_navigation(window, press):
    from app.fixes import Category

    s = window.controller.session
    breaks = [f.id for f in s.fixes if f.category is Category.LINE_BREAK]
    window.issues.set_category_filter(Category.LINE_BREAK)
    assert window.issues.proxy.rowCount() == len(breaks)
    window.controller.set_current(breaks[0])
    press(Key.Key_N)
    assert window.controller.current_id == breaks[1]
    window.issues.set_category_filter(None)
    assert window.issues.proxy.rowCount() == len(s.fixes)


def test_undecided_filter_moves_on_after_a_decision(window, press):
    window.issues.set_state_filter("undecided")
    c = window.controller
    first = c.current_id
    press(Key.Key_A)
    assert c.current_id and c.current_id != first
    assert first not in window.issues.visible_ids()


def test_clicking_a_highlight_selects_its_fix(qtbot, window):
    c = window.controller
    s = c.session
    target = next(f for f in s.fixes[5:] if f.edits[0].end > f.edits[0].start and s.raw[f.start] not in "\r\n")
    window.raw.reveal(target.start, target.end)
    qtbot.wait(20)
    cursor = window.raw.textCursor()
    cursor.setPosition(window.raw.to_qt(target.start))
    rect = window.raw.cursorRect(cursor)
    point = rect.center()
    point.setX(rect.left() + 3)
    qtbot.mouseClick(window.raw.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert c.current_id == target.id
    applied = s.is_applied(target.id)
    qtbot.mouseDClick(window.raw.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert s.is_applied(target.id) is not applied  # a double click toggles it


def test_help_overlay_lists_the_shortcuts(qtbot, window, press):
    press(Key.Key_F1)
    overlay = window.help_overlay
    assert overlay.isVisible()
    text = overlay.card.text()
    for keys in ("Shift+A", "Shift+R", "Ctrl+Shift+A", "Alt+Down", "Space", "Ctrl+Z"):
        assert keys in text
    press(Key.Key_Escape, target=overlay)
    assert not overlay.isVisible()
