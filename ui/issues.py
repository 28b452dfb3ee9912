"""The issue panel: every fix in a list model, filtered by kind and state, drawn by a
delegate (category colour, before → after, message), with a detail area below that
shows the current fix's paragraph as a character-level diff.

The list is a QListView over a QAbstractListModel and a QSortFilterProxyModel, with
uniform row heights, so tens of thousands of fixes cost only the visible rows.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from app.fixes import Category, Fix
from app.session import Decision, ReviewSession

from .colors import REJECTED, SUBTLE_TEXT, color_for
from .decorations import Style
from .diffview import before_after, diff_html
from .names import REVIEW_CATEGORIES, category_name, confidence_name, state_name
from .qt import (
    QAbstractItemView,
    QAbstractListModel,
    QButtonGroup,
    QColor,
    QComboBox,
    QFont,
    QFontMetrics,
    QGridLayout,
    QHBoxLayout,
    QIcon,
    QItemSelectionModel,
    QLabel,
    QListView,
    QModelIndex,
    QPainter,
    QPixmap,
    QRect,
    QSize,
    QSizePolicy,
    QSortFilterProxyModel,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    Qt,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

STATE_FILTERS = ("all", "undecided", "questions", "accepted", "rejected")


@dataclass(frozen=True)
class IssueRow:
    fix: Fix
    fix_id: str
    decision: Decision
    applied: bool
    before: str
    after: str
    message: str
    current: bool

    @property
    def style(self) -> Style:
        if self.decision is Decision.REJECTED:
            return Style.REJECTED
        if self.decision is Decision.ACCEPTED:
            return Style.ACCEPTED
        return Style.SUGGESTED if self.applied else Style.QUESTION


class IssueModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self.lang = "zh"
        self.current_id = ""
        self._fixes: list[Fix] = []
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._summaries: dict[str, tuple[str, str]] = {}
        self.totals: dict[Category, int] = {c: 0 for c in Category}
        self.grouped = False

    def set_session(self, session: ReviewSession | None, lang: str) -> None:
        self.beginResetModel()
        self.session, self.lang = session, lang
        self._summaries.clear()
        self.current_id = ""
        self._order(session.fixes if session else [])
        self.endResetModel()

    def _order(self, fixes: list[Fix]) -> None:
        if self.grouped:
            rank = {c: n for n, c in enumerate(Category)}
            fixes = sorted(fixes, key=lambda f: (rank[f.category], f.start, f.end))
        self._fixes = list(fixes)
        # The session's by_id knows every id; Fix.id would hash again on each call.
        id_of = {id(f): fid for fid, f in self.session.by_id.items()} if self.session else {}
        self._ids = [id_of.get(id(f)) or f.id for f in self._fixes]
        self._row_of = {fid: n for n, fid in enumerate(self._ids)}
        self.totals = {c: 0 for c in Category}
        for f in self._fixes:
            self.totals[f.category] += 1

    def set_grouped(self, grouped: bool) -> None:
        if grouped != self.grouped:
            self.beginResetModel()
            self.grouped = grouped
            self._order(self.session.fixes if self.session else [])
            self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._ids)

    def fix_id(self, row: int) -> str:
        return self._ids[row]

    def fix(self, row: int) -> Fix:
        return self._fixes[row]

    def row_of(self, fix_id: str) -> int:
        return self._row_of.get(fix_id, -1)

    def row(self, row: int) -> IssueRow:
        fix, fid, session = self._fixes[row], self._ids[row], self.session
        summary = self._summaries.get(fid)
        if summary is None:
            summary = self._summaries[fid] = before_after(session.raw, fix)
        return IssueRow(fix, fid, session.decisions[fid], session.is_applied(fid), summary[0], summary[1], fix.message(self.lang), fid == self.current_id)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.session is None:
            return None
        row = index.row()
        if role == ROW_ROLE:
            return self.row(row)
        if role == ID_ROLE:
            return self._ids[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._fixes[row].message(self.lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._fixes[row].message(self.lang)
        return None

    def refresh(self, fix_ids) -> None:
        """Repaint (and re-filter) the rows of these fixes."""
        rows = sorted(self._row_of[f] for f in fix_ids if f in self._row_of)
        if not rows:
            return
        if len(rows) > 200:
            self.dataChanged.emit(self.index(rows[0]), self.index(rows[-1]))
            return
        for r in rows:
            self.dataChanged.emit(self.index(r), self.index(r))

    def set_current(self, fix_id: str) -> None:
        old, self.current_id = self.current_id, fix_id
        self.refresh([x for x in (old, fix_id) if x])


class IssueFilter(QSortFilterProxyModel):
    """Rows of one kind (or all) in one state (or all); no sorting (the source orders)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.category: Category | None = None
        self.state = "all"

    def set_filter(self, category: Category | None = None, state: str | None = None) -> None:
        _begin_filter_change(self)
        if category is not None or state is None:
            self.category = category
        if state is not None:
            self.state = state
        _end_filter_change(self)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802 - Qt override
        if self.category is None and self.state == "all":
            return True
        model: IssueModel = self.sourceModel()
        fix = model.fix(source_row)
        if self.category is not None and fix.category is not self.category:
            return False
        if self.state == "all":
            return True
        decision = model.session.decisions[model.fix_id(source_row)]
        if self.state == "undecided":
            return decision is Decision.PENDING
        if self.state == "questions":
            return decision is Decision.PENDING and not model.session.default_applied(model.fix_id(source_row))
        return decision.value == self.state


def _begin_filter_change(proxy: QSortFilterProxyModel) -> None:
    if hasattr(proxy, "beginFilterChange"):  # Qt >= 6.9
        proxy.beginFilterChange()


def _end_filter_change(proxy: QSortFilterProxyModel) -> None:
    if hasattr(proxy, "endFilterChange"):
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:
        proxy.invalidateRowsFilter()


class IssueDelegate(QStyledItemDelegate):
    """Three lines per fix: kind · confidence · state / before → after / message."""

    PAD = 6

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        fm = QFontMetrics(option.font)
        return QSize(200, fm.lineSpacing() * 3 + self.PAD * 2 + 4)

    def paint(self, painter: QPainter, option, index) -> None:
        row: IssueRow = index.data(ROW_ROLE)
        if row is None:
            return
        painter.save()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colors = color_for(row.fix.category)
        painter.fillRect(rect, QColor("#e8f0fe") if selected else QColor("#ffffff"))
        painter.setPen(QColor("#eceff3"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        bar = QColor(REJECTED if row.style is Style.REJECTED else colors.strong)
        painter.fillRect(QRect(rect.left(), rect.top(), 5 if selected else 4, rect.height()), bar)
        fm = QFontMetrics(option.font)
        line = fm.lineSpacing()
        x = rect.left() + 14
        width = rect.width() - 14 - self.PAD
        y = rect.top() + self.PAD

        # Line 1: kind and confidence on the left, the decision on the right.
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor(colors.strong))
        kind = category_name(row.fix.category)
        painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, kind)
        kind_width = QFontMetrics(bold).horizontalAdvance(kind)
        painter.setFont(option.font)
        painter.setPen(QColor(SUBTLE_TEXT))
        painter.drawText(QRect(x + kind_width + 8, y, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, confidence_name(row.fix.confidence))
        badge, badge_color = _badge(row)
        painter.setPen(QColor(badge_color))
        painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, badge)

        # Line 2: before → after.
        y += line
        arrow = "  →  "
        before = fm.elidedText(row.before, Qt.TextElideMode.ElideRight, int(width * 0.45))
        painter.setPen(QColor("#8a1c14") if row.style is not Style.REJECTED else QColor("#202124"))
        painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, before)
        bw = fm.horizontalAdvance(before)
        painter.setPen(QColor(SUBTLE_TEXT))
        painter.drawText(QRect(x + bw, y, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, arrow)
        aw = fm.horizontalAdvance(arrow)
        after = fm.elidedText(row.after, Qt.TextElideMode.ElideRight, max(10, width - bw - aw))
        painter.setPen(QColor("#0f5b25") if row.style is not Style.REJECTED else QColor(REJECTED))
        painter.drawText(QRect(x + bw + aw, y, width - bw - aw, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, after)

        # Line 3: the explanation.
        y += line
        painter.setPen(QColor(SUBTLE_TEXT))
        message = fm.elidedText(row.message, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, message)
        painter.restore()


def _badge(row: IssueRow) -> tuple[str, str]:
    text = state_name(row.decision, row.applied)
    if row.decision is Decision.ACCEPTED:
        return "✓ " + text, "#137333"
    if row.decision is Decision.REJECTED:
        return "✗ " + text, "#80868b"
    if row.decision is Decision.SUPERSEDED:
        return "✎ " + text, "#80868b"
    if row.applied:
        return "● " + text, "#1a56c4"
    return "? " + text, "#b06000"


def swatch(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class IssuePanel(QWidget):
    """Filter chips with counts, the list, and the current fix's details."""

    currentIssueChanged = Signal(str)  # the editor selected a fix in the list

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = IssueModel(self)
        self.proxy = IssueFilter(self)
        self.proxy.setSourceModel(self.model)
        self._syncing = False

        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.chips = QButtonGroup(self)
        self.chips.setExclusive(True)
        chip_grid = QGridLayout()
        chip_grid.setSpacing(4)
        self._chip_all = self._chip(None)
        chip_grid.addWidget(self._chip_all, 0, 0)
        self._chip_of: dict[Category, QToolButton] = {}
        for n, category in enumerate(REVIEW_CATEGORIES, start=1):
            chip = self._chip(category)
            self._chip_of[category] = chip
            chip_grid.addWidget(chip, n // 3, n % 3)
        self._chip_all.setChecked(True)
        self.chips.idClicked.connect(self._on_chip)

        self.state_box = QComboBox()
        self.state_box.currentIndexChanged.connect(lambda i: self.proxy.set_filter(state=STATE_FILTERS[i]) or self._after_filter())
        self.group_box = QToolButton()
        self.group_box.setCheckable(True)
        self.group_box.toggled.connect(self._on_group)
        filters = QHBoxLayout()
        self.state_label = QLabel()
        filters.addWidget(self.state_label)
        filters.addWidget(self.state_box, 1)
        filters.addWidget(self.group_box)

        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(IssueDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.selectionModel().currentChanged.connect(self._on_view_current)

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setMinimumHeight(90)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(4)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.setSpacing(4)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addLayout(self.buttons)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addLayout(chip_grid)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        self.retranslate()

    def _chip(self, category: Category | None) -> QToolButton:
        chip = QToolButton()
        chip.setCheckable(True)
        chip.setAutoRaise(False)
        chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        chip.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if category is not None:
            chip.setIcon(swatch(color_for(category).strong))
        self.chips.addButton(chip, -2 if category is None else REVIEW_CATEGORIES.index(category))
        return chip

    def retranslate(self) -> None:
        self.state_label.setText(translate("IssuePanel", "Show:"))
        labels = [
            translate("IssuePanel", "All states"),
            translate("IssuePanel", "Undecided"),
            translate("IssuePanel", "Questions"),
            translate("IssuePanel", "Accepted"),
            translate("IssuePanel", "Rejected"),
        ]
        index = max(0, self.state_box.currentIndex())
        self.state_box.blockSignals(True)
        self.state_box.clear()
        self.state_box.addItems(labels)
        self.state_box.setCurrentIndex(index)
        self.state_box.blockSignals(False)
        self.group_box.setText(translate("IssuePanel", "Group by kind"))
        self.group_box.setToolTip(translate("IssuePanel", "List the fixes kind by kind instead of in text order"))
        self.update_counts()

    # -- session -----------------------------------------------------------------------

    def set_session(self, session: ReviewSession | None, lang: str) -> None:
        """(The counts follow when the status bar recounts.)"""
        self.model.set_session(session, lang)
        self.show_detail("")

    def refresh(self, fix_ids) -> None:
        self.model.refresh(fix_ids)

    def update_counts(self) -> None:
        """Totals per kind (fixed for a session) and the undecided count; the window
        calls this shortly after decisions, not on each one."""
        session = self.model.session
        totals = self.model.totals
        undecided = session.counts()["pending"] if session is not None else 0
        total = sum(totals.values())
        self._chip_all.setText(translate("IssuePanel", "All %1").replace("%1", str(total)))
        for category, chip in self._chip_of.items():
            chip.setText(f"{category_name(category)} {totals.get(category, 0)}")
            chip.setEnabled(totals.get(category, 0) > 0 or chip.isChecked())
        self.title.setText(
            translate("IssuePanel", "Issues: %1 · undecided %2").replace("%1", str(total)).replace("%2", str(undecided))
        )

    # -- filtering -----------------------------------------------------------------------

    def _on_chip(self, chip_id: int) -> None:
        category = None if chip_id < 0 else REVIEW_CATEGORIES[chip_id]
        self.proxy.set_filter(category=category)
        self._after_filter()

    def set_category_filter(self, category: Category | None) -> None:
        (self._chip_all if category is None else self._chip_of[category]).setChecked(True)
        self._on_chip(-2 if category is None else REVIEW_CATEGORIES.index(category))

    def set_state_filter(self, state: str) -> None:
        self.state_box.setCurrentIndex(STATE_FILTERS.index(state))

    def _on_group(self, grouped: bool) -> None:
        current = self.model.current_id
        self.model.set_grouped(grouped)
        self._after_filter(current)

    def _after_filter(self, current: str | None = None) -> None:
        self.select(current if current is not None else self.model.current_id)

    # -- the current fix ------------------------------------------------------------------

    def visible_ids(self) -> list[str]:
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    def selected_ids(self) -> list[str]:
        return [i.data(ID_ROLE) for i in self.view.selectionModel().selectedIndexes()]

    def select(self, fix_id: str) -> None:
        """Make *fix_id* the list's current row (if the filter shows it)."""
        self.model.set_current(fix_id)
        row = self.model.row_of(fix_id) if fix_id else -1
        index = self.proxy.mapFromSource(self.model.index(row)) if row >= 0 else QModelIndex()
        self._syncing = True
        try:
            if index.isValid():
                if self.view.currentIndex() != index:
                    self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                # Centre a row that was out of sight (a jump); leave a visible one put.
                shown = self.view.viewport().rect().contains(self.view.visualRect(index))
                if not shown:
                    self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            else:
                self.view.selectionModel().clearSelection()
        finally:
            self._syncing = False
        self.show_detail(fix_id)

    def neighbour(self, fix_id: str, step: int) -> str | None:
        """The fix shown *step* rows after (or before) *fix_id*; from a fix the filter
        hides, the next one in list order."""
        count = self.proxy.rowCount()
        if not count:
            return None
        row = self.model.row_of(fix_id) if fix_id else -1
        if row < 0:
            return self.proxy.index(0 if step > 0 else count - 1, 0).data(ID_ROLE)
        index = self.proxy.mapFromSource(self.model.index(row))
        if index.isValid():
            target = index.row() + step
        else:
            # Hidden now (e.g. decided under an "undecided" filter): find its place.
            target = self._insertion_row(row) + (step - 1 if step > 0 else step)
        if 0 <= target < count:
            return self.proxy.index(target, 0).data(ID_ROLE)
        return None

    def _insertion_row(self, source_row: int) -> int:
        lo, hi = 0, self.proxy.rowCount()
        while lo < hi:
            mid = (lo + hi) // 2
            if self.proxy.mapToSource(self.proxy.index(mid, 0)).row() < source_row:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _on_view_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self.currentIssueChanged.emit(current.data(ID_ROLE))

    def show_detail(self, fix_id: str) -> None:
        session = self.model.session
        if session is None or not fix_id or fix_id not in session.by_id:
            hint = translate("IssuePanel", "Select an issue to see it in both texts. N / P move to the next or previous issue; A accepts, R rejects.")
            self.detail.setHtml(f"<p style='color:{SUBTLE_TEXT}'>{hint}</p>")
            return
        row = self.model.row(self.model.row_of(fix_id))
        colors = color_for(row.fix.category)
        badge, badge_color = _badge(row)
        head = (
            f"<p style='margin:0 0 4px 0'><b style='color:{colors.strong}'>{category_name(row.fix.category)}</b>"
            f" &nbsp;<span style='color:{SUBTLE_TEXT}'>{confidence_name(row.fix.confidence)}</span>"
            f" &nbsp;<span style='color:{badge_color}'>{badge}</span></p>"
        )
        message = f"<p style='margin:0 0 6px 0'>{html.escape(row.message)}</p>"
        self.detail.setHtml(head + message + diff_html(session.raw, row.fix))

