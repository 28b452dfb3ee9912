"""The text panes: what both share, and the raw text (read-only); the editable
cleaned pane is in :mod:`ui.clean_pane`.

Both are QPlainTextEdits (fast for megabytes of text). Highlights are ExtraSelections
rebuilt for the visible lines only, after a scroll, a resize or a decision; what
cannot be a coloured span (a removed line break, a deleted space, an insertion
point) is painted over the text as a small marker, and a gutter on the left shows a
change bar per line. Positions cross between the session (Python characters) and Qt
(UTF-16 units, one separator per line end) through :class:`TextMapper`.
"""

from __future__ import annotations

from typing import Callable

from .colors import GUTTER_BACKGROUND, GUTTER_LINE, MIRROR_SELECTION, REJECTED, color_for
from .decorations import Decoration, Marker, Style
from .mapping import TextMapper, display_text
from .names import REVIEW_CATEGORIES
from .qt import (
    QColor,
    QEvent,
    QFont,
    QKeySequence,
    QMenu,
    QPainter,
    QPainterPath,
    QPen,
    QPlainTextEdit,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTextCharFormat,
    QTextCursor,
    QTextEdit,
    QTimer,
    QToolTip,
    QWidget,
    Signal,
)

# A 2-pixel slot per kind of issue, then room for the current line's marker.
SLOT_WIDTH = 2
GUTTER_WIDTH = max(20, 3 + SLOT_WIDTH * len(REVIEW_CATEGORIES) + 9)

Provider = Callable[[int, int], list[Decoration]]


class Gutter(QWidget):
    """Change bars beside the text: one coloured slot per category on each line."""

    def __init__(self, pane: "ReviewPane"):
        super().__init__(pane)
        self.pane = pane
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(GUTTER_BACKGROUND))
        painter.setPen(QColor(GUTTER_LINE))
        painter.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        slot_width = SLOT_WIDTH
        for rect, deco in self.pane.line_marks():
            slot = REVIEW_CATEGORIES.index(deco.category) if deco.category in REVIEW_CATEGORIES else len(REVIEW_CATEGORIES) - 1
            color = QColor(REJECTED if deco.style is Style.REJECTED else color_for(deco.category).strong)
            x = 3 + slot * slot_width
            bar = QRectF(x, rect.top() + 2, slot_width - 0.5, max(4, rect.height() - 4))
            painter.fillRect(bar, color)
            if deco.current:
                painter.setBrush(color)
                painter.setPen(Qt.PenStyle.NoPen)
                mid = rect.center().y()
                painter.drawPolygon([QPointF(self.width() - 8, mid - 4), QPointF(self.width() - 3, mid), QPointF(self.width() - 8, mid + 4)])


class ReviewPane(QPlainTextEdit):
    """A text pane that shows the decorations a provider gives for its visible lines."""

    scrolledTo = Signal(int)  # model position in the middle after the editor scrolled
    selectionMoved = Signal(int, int)  # model selection; start == end when none
    clickedAt = Signal(int)  # a plain click on the character at this model position
    fileDropped = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.provider: Provider | None = None
        self.tooltip_for: Callable[[int], str] | None = None
        self.menu_actions_for: Callable[[int], list] | None = None
        # Called on a double click; True when it acted on a fix (no word selection then).
        self.on_double_click: Callable[[int], bool] | None = None
        self._model_text = ""
        self._mapper = TextMapper("")
        self._decorations: list[tuple[QTextCursor, QTextCursor, Decoration]] = []
        self._mirror: tuple[int, int] | None = None
        self._formats: dict[tuple, QTextCharFormat] = {}
        self._quiet = 0  # >0 while the pane scrolls or moves its cursor itself
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh_decorations)
        self.gutter = Gutter(self)
        self.setViewportMargins(GUTTER_WIDTH, 0, 0, 0)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(False)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.selectionChanged.connect(self._on_selection)
        self.document().setUndoRedoEnabled(False)  # undo belongs to the session

    # -- text and positions ------------------------------------------------------------

    @property
    def model_text(self) -> str:
        return self._model_text

    def set_model_text(self, text: str) -> None:
        self._quiet += 1
        try:
            self._model_text = text
            self._mapper = TextMapper(text)
            self.setPlainText(display_text(text))
        finally:
            self._quiet -= 1
        self.schedule_refresh()

    def to_qt(self, pos: int) -> int:
        return self._mapper.to_qt(max(0, min(pos, self._mapper.length)))

    def to_model(self, qt_pos: int) -> int:
        return self._mapper.to_model(max(0, min(qt_pos, self._mapper.qt_length)))

    def _cursor(self, pos: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(pos))
        return cursor

    def model_selection(self) -> tuple[int, int]:
        c = self.textCursor()
        return self.to_model(c.selectionStart()), self.to_model(c.selectionEnd())

    # A block (a line of the text) longer than this is clipped to its visible lines: a
    # file with no line breaks is one block, and highlighting all of it on every
    # change took seconds per decision for a 1 MB line.
    LONG_BLOCK = 4096

    def visible_range(self) -> tuple[int, int]:
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0, 0
        start = block.position()
        end = start
        offset = self.contentOffset()
        height = self.viewport().height()
        while block.isValid():
            if self.blockBoundingGeometry(block).translated(offset).top() > height:
                break
            end = block.position() + block.length() - 1
            block = block.next()
        if end - start > self.LONG_BLOCK:
            start, end = self._visible_lines(start, end)
        return self.to_model(start), self.to_model(end)

    def _visible_lines(self, start: int, end: int) -> tuple[int, int]:
        """Qt positions from the first to the last visual line in view (whole lines),
        within the block range (start, end)."""
        bounds = []
        for point, last in ((QPoint(0, 0), False), (QPoint(self.viewport().width() - 1, self.viewport().height() - 1), True)):
            cursor = self.cursorForPosition(point)
            pos = cursor.position()
            block = cursor.block()
            layout = block.layout()
            if layout is not None and layout.lineCount():
                line = layout.lineForTextPosition(pos - block.position())
                if line.isValid():
                    pos = block.position() + line.textStart() + (line.textLength() if last else 0)
            bounds.append(pos)
        return max(start, bounds[0]), min(end, max(bounds[1], bounds[0]))

    def model_at(self, point: QPoint) -> int:
        """The model position of the character under *point* (viewport coordinates)."""
        cursor = self.cursorForPosition(point)
        pos = cursor.position()
        rect = self.cursorRect(cursor)
        if point.x() < rect.x() and pos > cursor.block().position():
            pos -= 1  # the left half of the character after *pos* was hit
        return self.to_model(pos)

    # -- scrolling in step -------------------------------------------------------------

    def middle_position(self) -> int:
        """The model position at the start of the line in the middle of the view;
        the panes keep their middles in step, where the current issue is shown."""
        return self.to_model(self.cursorForPosition(QPoint(0, self.viewport().height() // 2)).position())

    def top_position(self) -> int:
        return self.to_model(self.cursorForPosition(QPoint(0, 1)).position())

    def _line_number(self, pos: int) -> int | None:
        qt_pos = self.to_qt(pos)
        block = self.document().findBlock(qt_pos)
        if not block.isValid():
            return None
        line = 0
        layout = block.layout()
        if layout is not None and layout.lineCount():
            line = max(0, layout.lineForTextPosition(qt_pos - block.position()).lineNumber())
        return block.firstLineNumber() + line

    def _scroll_to_line(self, line: int) -> None:
        self._quiet += 1
        try:
            self.verticalScrollBar().setValue(max(0, line))
        finally:
            self._quiet -= 1

    def scroll_to_top_position(self, pos: int) -> None:
        """Scroll so that the line holding model position *pos* is the first shown."""
        line = self._line_number(pos)
        if line is not None:
            self._scroll_to_line(line)

    def scroll_to_middle_position(self, pos: int) -> None:
        """Scroll so that the line holding *pos* is in the middle of the view.

        QPlainTextEdit lays blocks out lazily and counts an unlaid block as one line,
        so the lines above the target are laid out and measured here (as centerCursor
        does); the top block found that way stays put when the view is painted."""
        doc = self.document()
        layout = doc.documentLayout()
        qt_pos = self.to_qt(pos)
        block = doc.findBlock(qt_pos)
        if not block.isValid():
            return
        layout.ensureBlockLayout(block)
        lines = block.layout()
        line = lines.lineForTextPosition(qt_pos - block.position()) if lines.lineCount() else None
        y = line.y() if line is not None and line.isValid() else 0.0
        half = self.viewport().height() / 2
        if y >= half:  # a block taller than half the view: start inside it
            self._scroll_to_line(block.firstLineNumber() + _first_line_below(lines, y - half))
            return
        need, top, top_line = half - y, block, 0
        while need > 0 and top.previous().isValid():
            top = top.previous()
            layout.ensureBlockLayout(top)
            height = layout.blockBoundingRect(top).height()
            if height >= need:
                top_line = _first_line_below(top.layout(), height - need)
                break
            need -= height
        self._scroll_to_line(top.firstLineNumber() + top_line)

    def reveal(self, start: int, end: int) -> None:
        """Put the caret at *start* and centre it, without announcing a scroll."""
        self._quiet += 1
        try:
            cursor = self._cursor(start)
            self.setTextCursor(cursor)
            self.centerCursor()
            # Show the whole span where it fits.
            if end > start:
                self.ensureCursorVisible()
        finally:
            self._quiet -= 1
        self.schedule_refresh()

    def _on_scroll(self, _value: int) -> None:
        self.schedule_refresh()
        if not self._quiet:
            self.scrolledTo.emit(self.middle_position())

    def _on_selection(self) -> None:
        if not self._quiet:
            self.selectionMoved.emit(*self.model_selection())

    def set_mirror_selection(self, span: tuple[int, int] | None) -> None:
        """Show the other pane's selection here, in a neutral colour."""
        self._mirror = span if span and span[1] > span[0] else None
        self.schedule_refresh()

    # -- decorations ---------------------------------------------------------------------

    def schedule_refresh(self) -> None:
        self._refresh_timer.start()

    def _format(self, deco: Decoration) -> QTextCharFormat:
        key = (deco.category, deco.style, deco.current)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            colors = color_for(deco.category)
            if deco.style is Style.REJECTED:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(REJECTED))
                if deco.current:
                    fmt.setBackground(QColor("#e8eaed"))
            else:
                bg = QColor(colors.medium if deco.current else colors.light)
                if deco.style is Style.QUESTION and not deco.current:
                    bg.setAlpha(110)
                fmt.setBackground(bg)
                if deco.style is Style.QUESTION:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                    fmt.setUnderlineColor(QColor(colors.strong))
                elif deco.style is Style.ACCEPTED:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(QColor(colors.strong))
            self._formats[key] = fmt
        return fmt

    def _decorations_paused(self) -> bool:
        return False

    def refresh_decorations(self) -> None:
        if self._decorations_paused():
            return
        selections = []
        decorations = []
        if self.provider is not None and self._model_text:
            start, end = self.visible_range()
            text = self._model_text
            for deco in self.provider(start, end):
                # A span ending in a line break is framed up to the end of its text.
                stop = deco.end
                while deco.marker is Marker.SPAN and stop > deco.start + 1 and text[stop - 1] in "\r\n":
                    stop -= 1
                c1, c2 = self._cursor(deco.start), self._cursor(stop)
                decorations.append((c1, c2, deco))
                if deco.marker is Marker.SPAN and deco.end > deco.start:
                    sel = QTextEdit.ExtraSelection()
                    cursor = QTextCursor(c1)
                    cursor.setPosition(c2.position(), QTextCursor.MoveMode.KeepAnchor)
                    sel.cursor = cursor
                    sel.format = self._format(deco)
                    selections.append(sel)
        if self._mirror:
            sel = QTextEdit.ExtraSelection()
            cursor = self._cursor(self._mirror[0])
            cursor.setPosition(self.to_qt(self._mirror[1]), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(MIRROR_SELECTION))
            sel.format = fmt
            selections.insert(0, sel)
        self._decorations = decorations
        self.setExtraSelections(selections)
        self.viewport().update()
        self.gutter.update()

    def decorations(self) -> list[Decoration]:
        """The decorations now shown (for tests and tooltips)."""
        return [d for _, _, d in self._decorations]

    def line_marks(self):
        """(line rectangle in viewport coordinates, decoration) for the gutter."""
        for c1, _c2, deco in self._decorations:
            rect = self.cursorRect(c1)
            yield QRect(0, rect.top(), GUTTER_WIDTH, rect.height()), deco

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._decorations:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for c1, c2, deco in self._decorations:
            color = QColor(REJECTED if deco.style is Style.REJECTED else color_for(deco.category).strong)
            if deco.marker is Marker.SPAN:
                if deco.current and deco.end > deco.start:
                    self._outline(painter, c1, c2, color)
                continue
            self._marker(painter, self.cursorRect(c1), deco, color)

    def _outline(self, painter: QPainter, c1: QTextCursor, c2: QTextCursor, color: QColor) -> None:
        """A frame around the current span, one rectangle per visual line."""
        painter.setPen(QPen(color, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        r1, r2 = self.cursorRect(c1), self.cursorRect(c2)
        right = self.viewport().width() - 2
        if r1.top() == r2.top():
            painter.drawRoundedRect(QRectF(r1.left() - 1, r1.top(), max(3, r2.left() - r1.left() + 2), r1.height()), 3, 3)
            return
        painter.drawRoundedRect(QRectF(r1.left() - 1, r1.top(), max(3, right - r1.left()), r1.height()), 3, 3)
        if r2.top() > r1.bottom() + 1:
            painter.drawRoundedRect(QRectF(2, r1.bottom() + 1, right - 2, r2.top() - r1.bottom() - 1), 3, 3)
        painter.drawRoundedRect(QRectF(2, r2.top(), max(3, r2.left() - 1), r2.height()), 3, 3)

    def _marker(self, painter: QPainter, rect: QRect, deco: Decoration, color: QColor) -> None:
        """Small marks that do not hide the text: a wedge above a deletion, a tie
        under a join, ↵ for a line break, an upward wedge where text goes in."""
        x, top, bottom = rect.left() + 0.5, rect.top() + 1.0, rect.bottom() - 0.5
        if deco.current:
            painter.fillRect(QRectF(x - 6, top, 12, bottom - top), QColor(color_for(deco.category).medium))
        pen = QPen(color, 2.2 if deco.current else 1.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        wedge = 4.5 if deco.current else 3.5
        if deco.marker is Marker.DELETED:
            faint = QColor(color)
            faint.setAlpha(120)
            painter.setPen(QPen(faint, 1.0))
            painter.drawLine(QPointF(x, top + wedge), QPointF(x, bottom - 2))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawPolygon([QPointF(x - wedge, top), QPointF(x + wedge, top), QPointF(x, top + wedge + 1)])
        elif deco.marker is Marker.JOINED and deco.start == deco.end:
            path = QPainterPath(QPointF(x - 5, bottom - 3))
            path.quadTo(QPointF(x, bottom + 2), QPointF(x + 5, bottom - 3))
            painter.drawPath(path)
        elif deco.marker in (Marker.JOINED, Marker.BREAK):
            self._glyph(painter, rect, "↵", color, deco.current)
        elif deco.marker is Marker.INSERTED:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawPolygon([QPointF(x, bottom - wedge - 2), QPointF(x - wedge, bottom + 0.5), QPointF(x + wedge, bottom + 0.5)])

    def _glyph(self, painter: QPainter, rect: QRect, glyph: str, color: QColor, bold: bool) -> None:
        font = QFont(self.font())
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(QRectF(rect.left() + 1, rect.top(), rect.height(), rect.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, glyph)

    # -- events --------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        cr = self.contentsRect()
        self.gutter.setGeometry(QRect(cr.left(), cr.top(), GUTTER_WIDTH, cr.height()))
        self.schedule_refresh()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection() and self._model_text:
            self.clickedAt.emit(self.model_at(event.position().toPoint()))

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.on_double_click is not None and self._model_text:
            if self.on_double_click(self.model_at(event.position().toPoint())):
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        pos = self.model_at(event.pos())
        menu = self._context_menu()
        actions = self.menu_actions_for(pos) if self.menu_actions_for else []
        if actions:
            first = menu.actions()[0] if menu.actions() else None
            for action in actions:
                menu.insertAction(first, action) if action is not None else menu.insertSeparator(first)
            if first is not None:
                menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _context_menu(self) -> QMenu:
        return QMenu(self)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.tooltip_for is not None:
            point = self.viewport().mapFromGlobal(event.globalPos())
            text = self.tooltip_for(self.model_at(point)) if self._model_text else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        if event.type() == QEvent.Type.ShortcutOverride:
            # Undo and redo are the session's, not the text widget's.
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo) or (
                event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            ):
                event.ignore()
                return False
        return super().event(event)

    def _local_file(self, mime) -> str | None:
        if mime.hasUrls():
            for url in mime.urls():
                if url.isLocalFile():
                    return url.toLocalFile()
        return None

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._local_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._local_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        path = self._local_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.fileDropped.emit(path)
        else:
            super().dropEvent(event)


class RawPane(ReviewPane):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAcceptDrops(True)

    def _context_menu(self) -> QMenu:
        return self.createStandardContextMenu()


def _first_line_below(lines, y: float) -> int:
    """The first line of a laid-out block that starts at or below *y* pixels."""
    for n in range(lines.lineCount()):
        if lines.lineAt(n).y() >= y - 0.5:
            return n
    return max(0, lines.lineCount() - 1)
