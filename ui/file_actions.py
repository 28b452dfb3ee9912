"""The window's file commands: open, export, save the review, close and quit, with the
dialogs and messages they need. A mixin of :class:`ui.main_window.MainWindow`;
strings use the "MainWindow" translation context.

Bad input never shows a traceback: LoadError, WriteError and an unusable review file
each become a message box that says what happened and what to do. A write that fails
(disk full, no permission, folder gone) leaves the session as it was, so the editor
can free some space and try again; a document whose review cannot be saved is not
closed without asking.
"""

from __future__ import annotations

import html
from pathlib import Path

from app.document import LoadError
from app.fsutil import WriteError
from app.errors import message_of

from .dialogs import PreferencesDialog
from .qt import QApplication, QFileDialog, QMessageBox, Qt, translate


NOTICE_MS = 30000  # how long a notice on opening stays in the status bar


class FileCommands:
    """Needs: self.controller, self.prefs, self.statusBar(), self.actions, self._update_actions()."""

    # -- opening ---------------------------------------------------------------------------

    def open_dialog(self) -> None:
        folder = self.prefs.last_folder or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, translate("MainWindow", "Open a text file"), folder, translate("MainWindow", "Text files (*.txt *.text);;All files (*)"))
        if path:
            self.open_path(path)

    def open_path(self, path: str, columns: str = "auto") -> bool:
        """Open *path*; *columns* "keep" reviews text out of reading order as it is."""
        if not (self.confirm_unexported() and self.confirm_review_saved()):
            return False
        # Analysis runs before the window can answer: a few seconds for a big file.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self.controller.open(path, columns)
        except LoadError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, translate("MainWindow", "Cannot open the file"), message_of(exc, self.controller.prefs.message_language))
            return False
        except Exception as exc:  # noqa: BLE001 - an editor must never see a traceback
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(self, translate("MainWindow", "Cannot open the file"), translate("MainWindow", "%1: unexpected problem (%2).").replace("%1", path).replace("%2", repr(exc)))
            return False
        QApplication.restoreOverrideCursor()
        self.prefs.last_folder = str(Path(path).resolve().parent)
        for warning in self.controller.document.warnings:
            QMessageBox.warning(self, translate("MainWindow", "Read with a warning"), message_of(warning, self.controller.prefs.message_language))
        if result.review_problem:
            kept = translate("MainWindow", "The unusable review file was kept as %1.").replace("%1", str(result.review_backup)) if result.review_backup else ""
            QMessageBox.warning(
                self,
                translate("MainWindow", "Earlier review not restored"),
                translate("MainWindow", "The saved review of this document could not be used:\n%1\n\nThe document is open without it; your new decisions will be saved as usual.")
                .replace("%1", result.review_problem)
                + ("\n" + kept if kept else ""),
            )
        elif result.review_restored:
            self.statusBar().showMessage(translate("MainWindow", "Your earlier decisions on this document were restored."), 6000)
        for warning in result.warnings:
            self.statusBar().showMessage(warning, 8000)
        # What was done to the text on opening (columns put back in reading order):
        # in the status bar; the extracted text's header keeps saying it.
        for notice in self.controller.document.notices:
            self.statusBar().showMessage(message_of(notice, self.controller.prefs.message_language), NOTICE_MS)
        return True

    def reopen_columns(self, in_order: bool) -> None:
        """Open the current document again, with its columns in reading order or as it is."""
        doc = self.controller.document
        if doc is None or doc.path is None:
            return
        if not self.open_path(str(doc.path), "auto" if in_order else "keep"):
            self._update_actions()  # the check mark goes back

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = [f for f in self.prefs.recent_files if Path(f).exists()]
        for path in files:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not files:
            menu.addAction(translate("MainWindow", "No recent files")).setEnabled(False)

    # -- saving and exporting ----------------------------------------------------------------

    def save_review(self) -> None:
        try:
            path = self.controller.save_review()
        except (WriteError, OSError) as exc:
            QMessageBox.warning(self, translate("MainWindow", "Cannot save the review"), message_of(exc, self.controller.prefs.message_language))
            return
        if path:
            self.statusBar().showMessage(translate("MainWindow", "Review saved to %1").replace("%1", str(path)), 4000)

    def export_dialog(self, kind: str = "docx") -> bool:
        """Ask where to export and write the file; True when written."""
        doc = self.controller.document
        if doc is None:
            return False
        folder = doc.path.parent if doc.path else Path(self.prefs.last_folder or Path.home())
        stem = doc.path.stem if doc.path else "proofdesk"
        suggested = str(folder / f"{stem}.cleaned.{kind}")
        filters = translate("MainWindow", "Word document (*.docx)") if kind == "docx" else translate("MainWindow", "Plain text (*.txt)")
        path, _ = QFileDialog.getSaveFileName(self, translate("MainWindow", "Export the cleaned text"), suggested, filters)
        if not path:
            return False
        if not Path(path).suffix:
            path += "." + kind
        try:
            out = self.controller.export(path)
        except WriteError as exc:
            QMessageBox.warning(self, translate("MainWindow", "Cannot export"), message_of(exc, self.controller.prefs.message_language))
            return False
        except Exception as exc:  # noqa: BLE001 - an editor must never see a traceback
            QMessageBox.critical(self, translate("MainWindow", "Cannot export"), translate("MainWindow", "%1: unexpected problem (%2).").replace("%1", path).replace("%2", repr(exc)))
            return False
        self.statusBar().showMessage(translate("MainWindow", "Exported to %1").replace("%1", str(out)), 6000)
        return True

    # -- closing -------------------------------------------------------------------------------

    def confirm_unexported(self) -> bool:
        """Before closing a document with work not yet exported: export, discard or
        stay. Decisions are kept beside the document in any case."""
        if not self.controller.unexported:
            return True
        name = self.controller.document.path.name if self.controller.document.path else ""
        answer = QMessageBox.question(
            self,
            translate("MainWindow", "Export before closing?"),
            translate("MainWindow", "The cleaned text of %1 has changes that are not exported yet.\n\nYour decisions are kept beside the document either way. Export it now?").replace("%1", name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.export_dialog("docx")
        return answer == QMessageBox.StandardButton.Discard

    def confirm_review_saved(self) -> bool:
        """Before closing a document: save its review; if that fails, say why and ask
        whether to close anyway (the decisions since the last save would be lost)."""
        c = self.controller
        if not c.review_unsaved():
            return True
        try:
            c.save_review()
            return True
        except (WriteError, OSError) as exc:
            problem = message_of(exc, c.prefs.message_language)
        name = c.document.path.name if c.document.path else ""
        answer = QMessageBox.question(
            self,
            translate("MainWindow", "Cannot save the review"),
            translate("MainWindow", "The review of %1 could not be saved:\n%2\n\nIf you close it now, the decisions and hand edits made since the review was last saved are lost. Close it anyway?")
            .replace("%1", name)
            .replace("%2", problem),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            c.abandon_review()
            return True
        return False

    def autosave_failed(self, problem: str, first: bool) -> None:
        """The review could not be saved in the background: say so once (then in the
        status bar while it keeps failing); the work stays in memory."""
        if first:
            QMessageBox.warning(
                self,
                translate("MainWindow", "Cannot save the review"),
                translate("MainWindow", "%1\n\nYour decisions stay in memory and ProofDesk tries again every few seconds. To be safe, export the cleaned text.").replace("%1", problem),
            )
        else:
            self.statusBar().showMessage(translate("MainWindow", "Could not save the review: %1").replace("%1", problem), 8000)

    def close_document(self) -> None:
        if self.confirm_unexported() and self.confirm_review_saved():
            self.controller.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.clean.flush_edits()
        if not (self.confirm_unexported() and self.confirm_review_saved()):
            event.ignore()
            return
        self.controller.close()
        self._save_layout()
        event.accept()

    # -- drag and drop -------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        for url in event.mimeData().urls():
            if url.isLocalFile():
                event.acceptProposedAction()
                self.open_path(url.toLocalFile())
                return

    # -- preferences and about -------------------------------------------------------------------

    def preferences(self) -> None:
        dialog = PreferencesDialog(self.prefs, self)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        outcome = dialog.apply_to_prefs()
        if outcome.rules_changed and self.controller.session is not None:
            for warning in self.controller.reanalyse():
                self.statusBar().showMessage(warning, 8000)
        if outcome.language_changed:
            QMessageBox.information(self, translate("MainWindow", "Language"), translate("MainWindow", "The new interface language takes effect the next time ProofDesk starts."))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            translate("MainWindow", "About ProofDesk"),
            "<h3>ProofDesk</h3><p>"
            + html.escape(translate("MainWindow", "Proofreading for text extracted from typeset Chinese newspaper pages: doubled glyphs, broken lines, stray spaces, misplaced bylines and section labels."))
            + "</p><p>"
            + html.escape(translate("MainWindow", "Preferences file: %1").replace("%1", self.prefs.path))
            + "</p>",
        )
