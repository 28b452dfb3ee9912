"""The review window: raw text | suggested text | issues, menus, toolbar, status bar.

Widgets only emit intents; the controller asks the session and reports a Change, and
the window then patches the cleaned pane with the change's deltas, repaints the rows
of the fixes that moved, and re-highlights the visible lines.
"""

from __future__ import annotations

from app.session import Change

from .actions import MENUS, TOOLBAR, Spec, build_actions
from .controller import Controller
from .dialogs import HelpOverlay
from .file_actions import FileCommands
from .issues import IssuePanel
from .names import category_name, rule_name, state_name, step_name
from .clean_pane import CleanPane
from .panes import RawPane
from .prefs import Prefs
from .qt import (
    QFont,
    QMainWindow,
    QSize,
    QSplitter,
    QStackedWidget,
    Qt,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
    translate,
)
from .widgets import PaneHeader, ReviewStatusBar, StartPage

TEXT_FONTS = ["Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]


class MainWindow(FileCommands, QMainWindow):
    def __init__(self, controller: Controller, prefs: Prefs):
        super().__init__()
        self.controller = controller
        self.prefs = prefs
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 560)
        self._reveal_skip = None  # the pane the editor clicked in: it stays put
        self._closing_confirmed = False

        self.raw = RawPane()
        self.clean = CleanPane()
        self.issues = IssuePanel()
        self.raw_header, self.clean_header = PaneHeader(), PaneHeader()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for header, pane in ((self.raw_header, self.raw), (self.clean_header, self.clean)):
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(0)
            layout.addWidget(header)
            layout.addWidget(pane, 1)
            self.splitter.addWidget(box)
        self.splitter.addWidget(self.issues)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([520, 560, 440])
        self.start_page = StartPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)
        self.status = ReviewStatusBar(self)
        self.setStatusBar(self.status)
        self.help_overlay = HelpOverlay(self)

        self.actions = build_actions(self)
        self._build_menus()
        self._build_toolbar()
        self._build_detail_buttons()
        self._apply_font()
        self._wire()
        self._restore_layout()
        self._on_session_replaced()

    # -- construction ----------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for title, items in MENUS:
            menu = bar.addMenu(translate("Actions", title))
            for spec in items:
                if spec is None:
                    menu.addSeparator()
                elif spec == "recent":
                    self.recent_menu = menu.addMenu(self.tr("Open &Recent"))
                    self.recent_menu.aboutToShow.connect(self._fill_recent)
                elif isinstance(spec, Spec):
                    menu.addAction(self.actions[spec.key])

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(18, 18))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for key in TOOLBAR:
            if key is None:
                bar.addSeparator()
                continue
            bar.addAction(self.actions[key])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _build_detail_buttons(self) -> None:
        for key in ("accept", "reject", "accept_kind", "turn_off"):
            button = QToolButton()
            button.setDefaultAction(self.actions[key])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.issues.buttons.addWidget(button)
        self.issues.buttons.addStretch(1)

    def _apply_font(self) -> None:
        font = QFont()
        font.setFamilies(TEXT_FONTS)
        font.setPointSize(self.prefs.font_size)
        for pane in (self.raw, self.clean):
            pane.setFont(font)
            pane.setTabStopDistance(pane.fontMetrics().horizontalAdvance("国") * 2)
            pane.schedule_refresh()

    def _wire(self) -> None:
        c, a = self.controller, self.actions
        c.sessionReplaced.connect(self._on_session_replaced)
        c.changed.connect(self._on_changed)
        c.currentChanged.connect(self._on_current_changed)
        c.autosaveFailed.connect(self.autosave_failed)
        c.exported.connect(lambda _path: self._update_title())
        c.flush_edits = self.clean.flush_edits
        c.pending_typing = lambda: self.clean.has_pending_edits
        self.clean.on_hand_edit = c.hand_edit

        self.raw.provider = lambda s, e: c.decorator.raw(s, e, c.current_id) if c.decorator else []
        self.clean.provider = lambda s, e: c.decorator.clean(s, e, c.current_id) if c.decorator else []
        self.raw.tooltip_for = lambda pos: self._tooltip(self._fix_at(self.raw, pos))
        self.clean.tooltip_for = lambda pos: self._tooltip(self._fix_at(self.clean, pos))
        for pane in (self.raw, self.clean):
            pane.clickedAt.connect(lambda pos, p=pane: self._on_pane_click(p, pos))
            pane.scrolledTo.connect(lambda pos, p=pane: self._sync_scroll(p, pos))
            pane.selectionMoved.connect(lambda s, e, p=pane: self._on_pane_selection(p, s, e))
            pane.menu_actions_for = lambda pos, p=pane: self._context_actions(p, pos)
            pane.fileDropped.connect(self.open_path)
        # In the extracted text (read-only) a double click on a highlight toggles it;
        # in the suggested text it keeps selecting words, as editors expect.
        self.raw.on_double_click = self._toggle_at_raw
        self.clean.escapePressed.connect(self.issues.view.setFocus)
        self.issues.currentIssueChanged.connect(c.set_current)
        self.start_page.openRequested.connect(self.open_dialog)
        self.start_page.recentRequested.connect(self.open_path)
        self.help_overlay.closed.connect(lambda: self.issues.view.setFocus())
        self.status.updated.connect(self.issues.update_counts)

        a["open"].triggered.connect(self.open_dialog)
        a["columns"].triggered.connect(self.reopen_columns)
        a["export_docx"].triggered.connect(lambda: self.export_dialog("docx"))
        a["export_txt"].triggered.connect(lambda: self.export_dialog("txt"))
        a["save_review"].triggered.connect(self.save_review)
        a["close"].triggered.connect(self.close_document)
        a["quit"].triggered.connect(self.close)
        a["undo"].triggered.connect(lambda: self._follow(c.undo()))
        a["redo"].triggered.connect(lambda: self._follow(c.redo()))
        a["preferences"].triggered.connect(self.preferences)
        a["edit_here"].triggered.connect(self._edit_here)
        a["accept"].triggered.connect(lambda: self._decide_current(c.accept))
        a["reject"].triggered.connect(lambda: self._decide_current(c.reject))
        a["toggle"].triggered.connect(lambda: c.current_id and c.toggle(c.current_id))
        a["reset"].triggered.connect(lambda: c.current_id and c.reset([c.current_id]))
        a["next"].triggered.connect(lambda: self.step(+1))
        a["previous"].triggered.connect(lambda: self.step(-1))
        a["accept_kind"].triggered.connect(lambda: c.current_rule and c.accept_rule(c.current_rule))
        a["reject_kind"].triggered.connect(lambda: c.current_rule and c.reject_rule(c.current_rule))
        a["accept_selection"].triggered.connect(lambda: self._decide_selection(c.accept))
        a["reject_selection"].triggered.connect(lambda: self._decide_selection(c.reject))
        a["accept_all"].triggered.connect(c.accept_all)
        a["reject_all"].triggered.connect(c.reject_all)
        a["turn_off"].triggered.connect(self._turn_off_rule)
        a["sync_scroll"].setChecked(self.prefs.sync_scrolling)
        a["sync_scroll"].toggled.connect(lambda on: setattr(self.prefs, "sync_scrolling", on))
        a["focus_list"].triggered.connect(self.issues.view.setFocus)
        a["zoom_in"].triggered.connect(lambda: self._zoom(+1))
        a["zoom_out"].triggered.connect(lambda: self._zoom(-1))
        a["help"].triggered.connect(self.toggle_help)
        a["about"].triggered.connect(self._about)

    # -- session events ------------------------------------------------------------------------

    def _on_session_replaced(self) -> None:
        session = self.controller.session
        self.stack.setCurrentWidget(self.splitter if session else self.start_page)
        if session is None:
            self.start_page.set_recent(self.prefs.recent_files)
        self.raw.set_model_text(session.raw if session else "")
        self.clean.set_model_text(session.cleaned if session else "")
        self.issues.set_session(session, self.prefs.message_language)
        self.status.set_session(session)
        name = session.document.path.name if session and session.document.path else ""
        self.raw_header.set_texts(self._raw_title(), self.tr("read-only · %1").replace("%1", name) if name else "")
        self.clean_header.set_texts(self.tr("Suggested text"), self.tr("editable: type to fix what no rule caught"))
        self._update_actions()
        self._update_title()
        if session is not None:
            self.issues.view.setFocus()
            first = self.issues.neighbour("", +1)
            if first:
                self.controller.set_current(first)

    def _raw_title(self) -> str:
        doc = self.controller.document
        if doc is not None and doc.rearranged_from is not None and doc.layout_mode:
            return self.tr("Extracted text, columns put in reading order")
        if doc is not None and doc.rearranged_from is not None:
            return self.tr("Extracted text, pieces put back in reading order")
        if doc is not None and doc.columns_kept and doc.layout_mode:
            return self.tr("Extracted text as in the file (columns side by side)")
        if doc is not None and doc.columns_kept:
            return self.tr("Extracted text as in the file (out of reading order)")
        return self.tr("Extracted text")

    def _on_changed(self, change: Change) -> None:
        session = self.controller.session
        if session is None:
            return
        if change.description == "edit-refused":
            self.statusBar().showMessage(self.tr("That edit could not be applied; the text was put back."), 6000)
        self.clean.apply_text(session.cleaned, change.deltas)
        self.raw.schedule_refresh()
        self.issues.refresh(change.fix_ids)
        if self.controller.current_id in change.fix_ids:
            self.issues.show_detail(self.controller.current_id)
        self.status.schedule()  # counts follow shortly, once per burst of decisions
        self._update_actions()
        self._update_title()

    def _on_current_changed(self, fix_id: str) -> None:
        self.issues.select(fix_id)
        deco = self.controller.decorator
        if fix_id and deco is not None:
            if self._reveal_skip is not self.raw:
                self.raw.reveal(*deco.raw_span(fix_id))
            if self._reveal_skip is not self.clean and not self.clean.has_pending_edits:
                self.clean.reveal(*deco.clean_span(fix_id))
        self.raw.schedule_refresh()
        self.clean.schedule_refresh()
        self._update_actions()

    # -- navigation and decisions -----------------------------------------------------------------

    def step(self, direction: int) -> None:
        target = self.issues.neighbour(self.controller.current_id, direction)
        if target:
            self.controller.set_current(target)
        else:
            message = self.tr("This is the last issue.") if direction > 0 else self.tr("This is the first issue.")
            self.statusBar().showMessage(message, 3000)

    def _decide_current(self, intent) -> None:
        fid = self.controller.current_id
        if not fid:
            self.statusBar().showMessage(self.tr("Select an issue first (N for the next one)."), 3000)
            return
        intent([fid])
        if self.prefs.advance_after_decision:
            target = self.issues.neighbour(fid, +1)
            if target:
                self.controller.set_current(target)

    def _follow(self, change: Change) -> None:
        """After undo or redo of one fix's decision, show that fix."""
        if len(change.fix_ids) == 1:
            self.controller.set_current(next(iter(change.fix_ids)))

    def _decide_selection(self, intent) -> None:
        ids = self.issues.selected_ids()
        if len(ids) <= 1:
            ids = self.controller.fixes_in_selection() or ids
        if ids:
            intent(ids)
        else:
            self.statusBar().showMessage(self.tr("Select some text or several issues first."), 3000)

    def _turn_off_rule(self) -> None:
        rule = self.controller.current_rule
        if rule:
            self.controller.turn_off_rule(rule)
            self.statusBar().showMessage(self.tr("“%1” is turned off; undo turns it back on.").replace("%1", rule_name(rule)), 5000)

    def _edit_here(self) -> None:
        self.clean.setFocus()
        if self.controller.current_id and self.controller.decorator:
            self.clean.reveal(*self.controller.decorator.clean_span(self.controller.current_id))

    # -- panes -----------------------------------------------------------------------------------

    def _fix_at(self, pane, pos: int) -> str | None:
        deco = self.controller.decorator
        if deco is None or (pane is self.clean and self.clean.has_pending_edits):
            return None
        find = deco.fix_at_raw if pane is self.raw else deco.fix_at_clean
        return find(pos) or (find(pos + 1) if pos + 1 <= len(pane.model_text) else None)

    def _on_pane_click(self, pane, pos: int) -> str | None:
        """Make the fix under a click current, without scrolling the clicked pane."""
        fid = self._fix_at(pane, pos)
        if fid:
            self._reveal_skip = pane
            try:
                self.controller.set_current(fid)
            finally:
                self._reveal_skip = None
        return fid

    def _toggle_at_raw(self, pos: int) -> bool:
        fid = self._fix_at(self.raw, pos)
        if not fid:
            return False
        self._on_pane_click(self.raw, pos)
        self.controller.toggle(fid)
        return True

    def _tooltip(self, fix_id: str | None) -> str:
        session = self.controller.session
        if not fix_id or session is None:
            return ""
        fix = session.by_id[fix_id]
        state = state_name(session.decisions[fix_id], session.is_applied(fix_id))
        hint = self.tr("Double-click to switch it on or off; right-click for more.") if self.raw.underMouse() else self.tr("Right-click for more.")
        return f"<b>{category_name(fix.category)}</b> · {state}<br>{fix.message(self.prefs.message_language)}<br><span style='color:#5f6b7a'>{hint}</span>"

    def _context_actions(self, pane, pos: int) -> list:
        fid = self._on_pane_click(pane, pos)
        a = self.actions
        out = [a["accept"], a["reject"], a["toggle"], None, a["accept_kind"], a["reject_kind"], a["turn_off"]] if fid else []
        if self.controller.selection:
            out += [None, a["accept_selection"], a["reject_selection"]]
        return out

    def _sync_scroll(self, source, middle: int) -> None:
        """Keep the same text in the middle of both panes (through the offset map)."""
        session = self.controller.session
        if session is None or not self.actions["sync_scroll"].isChecked() or self.clean.has_pending_edits:
            return
        offsets = session.applied.offsets
        if source is self.raw:
            self.clean.scroll_to_middle_position(offsets.raw_to_clean(min(middle, offsets.raw_len)))
        else:
            self.raw.scroll_to_middle_position(offsets.clean_to_raw(min(middle, offsets.clean_len)))

    def _on_pane_selection(self, source, start: int, end: int) -> None:
        session = self.controller.session
        other = self.clean if source is self.raw else self.raw
        if session is None or end <= start or (self.clean.has_pending_edits):
            other.set_mirror_selection(None)
            if end <= start:
                self.controller.set_selection(None)
            return
        offsets = session.applied.offsets
        if source is self.raw:
            raw_span = (start, end)
            other.set_mirror_selection((offsets.raw_to_clean(start), offsets.raw_to_clean(end)))
        else:
            raw_span = (offsets.clean_to_raw(start), offsets.clean_to_raw(end))
            other.set_mirror_selection(raw_span)
        self.controller.set_selection(raw_span)

    # -- window state -------------------------------------------------------------------------------

    def _update_actions(self) -> None:
        c, a = self.controller, self.actions
        session = c.session
        has_doc, has_current = session is not None, bool(c.current_id)
        for key in ("export_docx", "export_txt", "save_review", "close", "accept_all", "reject_all", "accept_selection", "reject_selection", "next", "previous", "edit_here"):
            a[key].setEnabled(has_doc)
        for key in ("accept", "reject", "toggle", "reset", "accept_kind", "reject_kind", "turn_off"):
            a[key].setEnabled(has_current)
        a["undo"].setEnabled(bool(session and session.can_undo))
        a["redo"].setEnabled(bool(session and session.can_redo))
        # Only text read out of order (pdftotext -layout columns side by side, pieces
        # of a plain extraction read too early) has anything to put in order.
        a["columns"].setEnabled(bool(session and session.document.reorderable and session.document.path))
        a["columns"].setChecked(bool(session and session.document.rearranged_from is not None))
        undo_text = step_name(session.undo_text) if session and session.can_undo else ""
        redo_text = step_name(session.redo_text) if session and session.can_redo else ""
        a["undo"].setText(self.tr("&Undo %1").replace("%1", undo_text).strip() if undo_text else self.tr("&Undo"))
        a["redo"].setText(self.tr("&Redo %1").replace("%1", redo_text).strip() if redo_text else self.tr("&Redo"))
        rule = c.current_rule
        if rule:
            kind = rule_name(rule)
            a["accept_kind"].setText(self.tr("Accept All “%1”").replace("%1", kind))
            a["reject_kind"].setText(self.tr("Reject All “%1”").replace("%1", kind))
            a["turn_off"].setText(self.tr("Turn “%1” Off").replace("%1", kind))

    def _update_title(self) -> None:
        session = self.controller.session
        if session is None:
            self.setWindowTitle("ProofDesk")
            self.setWindowModified(False)
            return
        name = session.document.path.name if session.document.path else self.tr("untitled")
        self.setWindowTitle(f"{name}[*] — ProofDesk")
        self.setWindowModified(self.controller.unexported)

    def _zoom(self, step: int) -> None:
        self.prefs.font_size = self.prefs.font_size + step
        self._apply_font()

    def toggle_help(self) -> None:
        if self.help_overlay.isVisible():
            self.help_overlay.dismiss()
        else:
            self.help_overlay.open_over(self.actions)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.help_overlay.isVisible():
            self.help_overlay.setGeometry(self.rect())

    def _restore_layout(self) -> None:
        geometry = self.prefs.layout("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1500, 940)
        state = self.prefs.layout("state")
        if state is not None:
            self.restoreState(state)
        for name, splitter in (("splitter", self.splitter), ("issue_splitter", self.issues.splitter)):
            saved = self.prefs.layout(name)
            if saved is not None:
                splitter.restoreState(saved)

    def _save_layout(self) -> None:
        self.prefs.set_layout("geometry", self.saveGeometry())
        self.prefs.set_layout("state", self.saveState())
        self.prefs.set_layout("splitter", self.splitter.saveState())
        self.prefs.set_layout("issue_splitter", self.issues.splitter.saveState())
        self.prefs.sync()
