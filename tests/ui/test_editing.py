"""Typing in the suggested text: captured as hand edits that survive decisions and
undo, and that keep both panes in step."""

from __future__ import annotations

import random

from app.session import Decision
from PySide6.QtGui import QInputMethodEvent  # tests may use Qt directly; ui/ may not

from ui.qt import QApplication, Qt

Key = Qt.Key
Mod = Qt.KeyboardModifier


def type_at(qtbot, window, pos: int, text: str, wait: bool = True) -> None:
    """Put the caret at cleaned position *pos* and type *text*, as an editor would:
    Latin letters key by key, Chinese through the input method (commit strings)."""
    clean = window.clean
    clean.setFocus()
    cursor = clean.textCursor()
    cursor.setPosition(clean.to_qt(pos))
    clean.setTextCursor(cursor)
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(clean, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(clean, event)
    if wait:  # for the pause that hands the burst to the session
        qtbot.waitUntil(lambda: not clean.has_pending_edits, timeout=3000)
    else:
        clean.flush_edits()


def test_typing_becomes_one_hand_edit_per_burst(qtbot, window, in_step):
    s = window.controller.session
    end_of_first_line = s.cleaned.index("\n")
    steps = len(s._undo)
    type_at(qtbot, window, end_of_first_line, "（本报讯）")
    assert "（本报讯）" in s.cleaned
    assert s.cleaned.index("（本报讯）") == end_of_first_line
    assert len(s.manual) == 1
    assert len(s._undo) == steps + 1  # five keystrokes, one undo step
    in_step(window)


def test_hand_edit_survives_decisions_undo_and_redo(qtbot, window, press, in_step):
    c = window.controller
    s = c.session
    pos = s.cleaned.index("\n")
    type_at(qtbot, window, pos, "XYZ")
    assert "XYZ" in s.cleaned
    # Leave the text (Esc) and decide on a fix far from the edit.
    press(Key.Key_Escape, target=window.clean)
    assert window.issues.view.hasFocus()
    far = next(f for f in reversed(s.fixes) if s.decisions[f.id] is Decision.PENDING)
    c.set_current(far.id)
    press(Key.Key_R)
    assert s.decisions[far.id] is Decision.REJECTED
    assert "XYZ" in s.cleaned
    in_step(window)
    press(Key.Key_Z, Mod.ControlModifier)  # undoes the rejection
    assert "XYZ" in s.cleaned
    press(Key.Key_Z, Mod.ControlModifier)  # undoes the typing
    assert "XYZ" not in s.cleaned
    in_step(window)
    press(Key.Key_Y, Mod.ControlModifier)
    assert "XYZ" in s.cleaned
    in_step(window)


def test_undo_keys_in_the_cleaned_pane_undo_the_session(qtbot, window, in_step):
    s = window.controller.session
    type_at(qtbot, window, 0, "AB")
    assert s.cleaned.startswith("AB")
    qtbot.keyClick(window.clean, Key.Key_Z, Mod.ControlModifier)
    assert not s.cleaned.startswith("AB")
    in_step(window)


def test_deleting_a_suggested_change_supersedes_it(qtbot, window, in_step):
    c = window.controller
    s = c.session
    fix = next(f for f in s.fixes if s.is_applied(f.id) and c.decorator.clean_span(f.id)[1] > c.decorator.clean_span(f.id)[0])
    start, end = c.decorator.clean_span(fix.id)
    clean = window.clean
    clean.setFocus()
    cursor = clean.textCursor()
    cursor.setPosition(clean.to_qt(start))
    cursor.setPosition(clean.to_qt(end), cursor.MoveMode.KeepAnchor)
    clean.setTextCursor(cursor)
    qtbot.keyClick(clean, Key.Key_Delete)
    clean.flush_edits()
    assert s.manual
    in_step(window)
    press_undo = lambda: qtbot.keyClick(window.issues.view, Key.Key_Z, Mod.ControlModifier)  # noqa: E731
    window.issues.view.setFocus()
    press_undo()
    assert s.decisions[fix.id] is not Decision.SUPERSEDED
    in_step(window)


def test_enter_splits_a_paragraph(qtbot, window, in_step):
    s = window.controller.session
    clean = window.clean
    pos = s.cleaned.index("，") + 1
    clean.setFocus()
    cursor = clean.textCursor()
    cursor.setPosition(clean.to_qt(pos))
    clean.setTextCursor(cursor)
    qtbot.keyClick(clean, Key.Key_Return)
    qtbot.keyClick(clean, Key.Key_Return, Mod.ShiftModifier)
    clean.flush_edits()
    assert s.cleaned[pos : pos + 2] == "\n\n"
    in_step(window)


def test_random_decisions_and_edits_keep_the_panes_in_step(qtbot, window, in_step):
    """A long walk through intents; after every one the panes equal the session."""
    c = window.controller
    s = c.session
    rng = random.Random(7)
    ids = [f.id for f in s.fixes]
    rules = sorted({f.rule for f in s.fixes})
    for step in range(80):
        choice = rng.randrange(9)
        if choice == 0:
            c.accept([rng.choice(ids)])
        elif choice == 1:
            c.reject([rng.choice(ids)])
        elif choice == 2:
            fid = rng.choice(ids)
            c.toggle(fid)
        elif choice == 3:
            (c.accept_rule if rng.random() < 0.5 else c.reject_rule)(rng.choice(rules))
        elif choice == 4:
            c.undo()
        elif choice == 5:
            c.redo()
        elif choice == 6:
            pos = rng.randrange(len(s.cleaned))
            type_at(qtbot, window, pos, rng.choice(["甲", "乙丙", "X"]), wait=False)
        elif choice == 7:
            pos = rng.randrange(len(s.cleaned) - 3)
            clean = window.clean
            clean.setFocus()
            cursor = clean.textCursor()
            cursor.setPosition(clean.to_qt(pos))
            cursor.setPosition(clean.to_qt(pos + rng.randint(1, 3)), cursor.MoveMode.KeepAnchor)
            clean.setTextCursor(cursor)
            qtbot.keyClick(clean, Key.Key_Backspace)
            clean.flush_edits()
        else:
            (c.accept_all if rng.random() < 0.5 else c.reject_all)()
        in_step(window)
