"""The suggested (cleaned) text pane.

The window patches it with the session's deltas; what the editor types is captured
from ``contentsChange``, merged into one hand edit per burst of typing, and handed to
the session when the editor pauses, leaves the pane or does anything else (the
controller flushes first). While a burst is pending, the session's positions are
stale, so highlights are not recomputed (the ones shown move with the text).
"""

from __future__ import annotations

from typing import Callable

from .mapping import PendingEdit, Replacement, TextMapper, display_text, narrow, utf16_len
from .panes import ReviewPane
from .qt import QMenu, Qt, QTextCursor, QTimer, QWidget, Signal

# Above this many deltas one narrowed replacement beats patching each of them.
MAX_DELTAS = 400


class CleanPane(ReviewPane):
    """The suggested text. The window patches it with the session's deltas; what the
    editor types is captured and handed to ``on_hand_edit`` (one call per burst)."""

    escapePressed = Signal()

    FLUSH_DELAY_MS = 600

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.on_hand_edit: Callable[[int, int, str], None] | None = None
        self._patching = False
        self._pending: PendingEdit | None = None
        self._flush_timer = QTimer(self, singleShot=True, interval=self.FLUSH_DELAY_MS)
        self._flush_timer.timeout.connect(self.flush_edits)
        self.document().contentsChange.connect(self._on_contents_change)

    @property
    def has_pending_edits(self) -> bool:
        return self._pending is not None

    def _decorations_paused(self) -> bool:
        # While a burst of typing is pending, the session's positions are stale; the
        # highlights already shown move with the text (they are text cursors).
        return self._pending is not None

    def _context_menu(self) -> QMenu:
        return self.createStandardContextMenu()

    # -- patching from the session -------------------------------------------------------

    def set_model_text(self, text: str) -> None:
        self._flush_timer.stop()
        self._pending = None
        self._patching = True
        try:
            super().set_model_text(text)
        finally:
            self._patching = False

    def apply_text(self, new_text: str, deltas=()) -> None:
        """Make the pane show *new_text*, touching only what changed."""
        if self._pending is not None:
            raise RuntimeError("flush the pending hand edits first")
        old = self._model_text
        replacements = self._replacements(old, new_text, list(deltas))
        if replacements:
            self._patching = True
            self._quiet += 1
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            try:
                for r in replacements:  # from the end backwards: earlier positions hold
                    cursor.setPosition(self._mapper.to_qt(r.start))
                    cursor.setPosition(self._mapper.to_qt(r.end), QTextCursor.MoveMode.KeepAnchor)
                    cursor.insertText(display_text(r.text))
            finally:
                cursor.endEditBlock()
                self._patching = False
                self._quiet -= 1
        self._model_text = new_text
        self._mapper = TextMapper(new_text)
        self.schedule_refresh()

    @staticmethod
    def _replacements(old: str, new: str, deltas) -> list[Replacement]:
        if old == new:
            return []
        if deltas and len(deltas) <= MAX_DELTAS and not (len(deltas) == 1 and deltas[0].start == 0 and deltas[0].end == len(old)):
            ordered = sorted(deltas, key=lambda d: (d.start, d.end))
            ok = all(a.end <= b.start for a, b in zip(ordered, ordered[1:])) and ordered[-1].end <= len(old)
            # A delta must not split a CRLF (the pane shows it as one separator).
            ok = ok and not any(
                0 < p < len(old) and old[p - 1] == "\r" and old[p] == "\n" for d in ordered for p in (d.start, d.end)
            )
            if ok:
                pieces, pos = [], 0
                for d in ordered:
                    pieces.append(old[pos : d.start])
                    pieces.append(d.text)
                    pos = d.end
                pieces.append(old[pos:])
                if "".join(pieces) == new:
                    return [Replacement(d.start, d.end, d.text) for d in reversed(ordered)]
        single = narrow(old, new)
        return [single] if single else []

    # -- capturing hand edits ----------------------------------------------------------

    def _document_text(self, start: int, end: int) -> str:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._patching:
            return
        mapper, old = self._mapper, self._model_text
        doc_len = self.document().characterCount() - 1
        q_end_old = min(position + removed, mapper.qt_length)
        start, end = mapper.to_model(position), mapper.to_model(q_end_old)
        old_part = display_text(old[start:end])
        new_part = self._document_text(position, min(position + added, doc_len))
        change = narrow(old_part, new_part)
        if change is None:
            return  # a format-only change
        # Back to model positions: the display string and the model differ only by CRLF.
        prefix_q = position + utf16_len(old_part[: change.start])
        end_q = position + utf16_len(old_part[: change.end])
        a, b = mapper.to_model(prefix_q), mapper.to_model(end_q)
        text = change.text
        self._model_text = old[:a] + text + old[b:]
        self._mapper = TextMapper(self._model_text)
        if self._pending is None:
            self._pending = PendingEdit(old, a, b, text)
        else:
            self._pending.merge(a, b, text)
        self._flush_timer.start()

    def flush_edits(self) -> None:
        """Hand the pending burst of typing to the session (never from inside
        contentsChange: the session's answer may patch the document)."""
        self._flush_timer.stop()
        pending, self._pending = self._pending, None
        if pending is not None and self.on_hand_edit is not None:
            self.on_hand_edit(pending.start, pending.end, pending.text)

    def _flush_if_elsewhere(self, back: int = 0, forward: int = 0) -> None:
        # Typing somewhere else starts a new burst: one hand edit per place, so that
        # the fixes between two places are not swallowed by one wide edit.
        if self._pending is None:
            return
        cursor = self.textCursor()
        a = self.to_model(cursor.selectionStart() - back)
        b = self.to_model(cursor.selectionEnd() + forward)
        if not self._pending.touches(a, b):
            self.flush_edits()

    def inputMethodEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._flush_if_elsewhere()
        super().inputMethodEvent(event)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt override
        self._flush_if_elsewhere()
        super().insertFromMimeData(source)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.text() or event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._flush_if_elsewhere(back=1, forward=1)
        if event.key() == Qt.Key.Key_Escape:
            self.flush_edits()
            self.escapePressed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.textCursor().insertText("\n")  # a paragraph break, never a line separator
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.flush_edits()
