"""Documents with Windows line ends and characters beyond the BMP (Extension B names)."""

from __future__ import annotations

from app.session import Decision


def test_crlf_and_astral_characters_keep_positions_right(qtbot, make_window, tmp_path, in_step):
    text = (
        "记者 𠮷田报道：6 月 27 日上午，区委组织部\r\n"
        "召开部委理论学习中心组学习\r\n"
        "（扩大）会议，专题传达学习贯彻\r\n"
        "省第十五次党代会精神， 研究部\r\n"
        "署全区组织系统学习贯彻工作。\r\n"
    )
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    w = make_window(path)
    s = w.controller.session
    assert s.raw == text
    assert s.fixes
    in_step(w)
    # Each fix's highlight sits on its raw text.
    qtbot.wait(20)
    for deco in w.raw.decorations():
        fix = s.by_id.get(deco.fix_id)
        if fix is not None and deco.end > deco.start:
            cursor = w.raw.textCursor()
            cursor.setPosition(w.raw.to_qt(deco.start))
            cursor.setPosition(w.raw.to_qt(deco.end), cursor.MoveMode.KeepAnchor)
            expected = s.raw[deco.start : deco.end].replace("\r\n", "\u2029").replace("\n", "\u2029")
            assert cursor.selectedText() == expected
    for fix in list(s.fixes):
        w.controller.toggle(fix.id)
        in_step(w)
    w.controller.reject_all()
    in_step(w)
    assert w.clean.toPlainText() == text.replace("\r\n", "\n")
    w.controller.accept_all()
    in_step(w)
    # Typing after the astral character lands where the editor put the caret.
    from test_editing import type_at

    pos = s.cleaned.index("田")
    type_at(qtbot, w, pos, "Q")
    assert s.cleaned[pos] == "Q"
    assert s.cleaned[pos - 1] == "𠮷"
    in_step(w)
    assert all(d is not Decision.SUPERSEDED for d in s.decisions.values()) or s.manual
