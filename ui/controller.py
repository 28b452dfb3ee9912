"""The controller: widgets send it intents, it asks the session and tells the window
what changed.

It owns the open document's :class:`ReviewSession`, the current fix, autosaving of
the review beside the document, and the side effects a session step has outside the
session (turning a rule off in the preferences). It never shows a dialog: problems
come back as exceptions or return values for the window to present.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from app.document import Document, load_document
from app.export import export
from app.fsutil import WriteError
from app.session import Change, Decision, ReviewFileError, ReviewSession, load_review, review_path_for
from app.errors import message_of

from .decorations import Decorator
from .mapping import lf_line_ends
from .prefs import Prefs
from .qt import QObject, QTimer, Signal

AUTOSAVE_MS = 3000
TURN_OFF = "turn off "


@dataclass
class OpenResult:
    review_restored: bool = False
    review_problem: str | None = None  # why a saved review could not be used
    review_backup: Path | None = None  # where the unusable review file was kept
    warnings: list[str] = field(default_factory=list)


class Controller(QObject):
    sessionReplaced = Signal()  # a document was opened, re-analysed or closed
    changed = Signal(object)  # a Change the session reported
    currentChanged = Signal(str)  # the current fix id ("" for none)
    selectionChanged = Signal()  # the raw range the editor selected
    reviewSaved = Signal(str)  # path of the review file
    autosaveFailed = Signal(str, bool)  # the message; whether it is the first failure in a row
    exported = Signal(str)  # path of the exported file

    def __init__(self, prefs: Prefs, parent: QObject | None = None):
        super().__init__(parent)
        self.prefs = prefs
        self.session: ReviewSession | None = None
        self.decorator: Decorator | None = None
        self.current_id: str = ""
        self.selection: tuple[int, int] | None = None  # raw span selected in a pane
        # The cleaned pane plugs in here: hand over pending typing / is any pending?
        self.flush_edits = lambda: None
        self.pending_typing = lambda: False
        self._autosave = QTimer(self, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._autosave_error: str | None = None

    # -- documents -------------------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self.session.document if self.session else None

    @property
    def review_path(self) -> Path | None:
        doc = self.document
        return review_file_for(doc) if doc is not None and doc.path else None

    def open(self, path: str | Path, columns: str = "auto") -> OpenResult:
        """Open a document (raises LoadError) and restore its saved review if any.
        *columns*: "keep" reviews text out of reading order as it is (see app.document)."""
        document = load_document(path, for_window=True, columns=columns)
        self.close()
        session = ReviewSession(document, settings=self.prefs.rule_settings())
        result = OpenResult()
        review = review_file_for(document)
        if review.exists():
            try:
                result.warnings = session.restore(load_review(review))
                result.review_restored = True
            except (ReviewFileError, FileNotFoundError) as exc:
                result.review_problem = message_of(exc, self.prefs.message_language)
                result.review_backup = _keep_aside(review)
        self._install(session)
        self.prefs.add_recent_file(document.path)
        return result

    def _install(self, session: ReviewSession | None) -> None:
        self.session = session
        self.decorator = Decorator(session) if session else None
        self.current_id = ""
        self.selection = None
        self._autosave_error = None
        if session:
            self._autosave.start()
        else:
            self._autosave.stop()
        self.currentChanged.emit("")
        self.sessionReplaced.emit()

    def close(self) -> None:
        if self.session is None:
            return
        self.flush_edits()
        if self.session.revision != self.session.saved_revision:
            self.save_review(quiet=True)
        self._install(None)

    def review_unsaved(self) -> bool:
        """Are there decisions or hand edits not yet in the review file beside the
        document? (Pending typing is handed to the session first.)"""
        if self.session is None:
            return False
        self.flush_edits()
        return self.session.revision != self.session.saved_revision

    def abandon_review(self) -> None:
        """The editor chose to close although the review could not be saved: do not
        try again on closing (the window has already said why)."""
        if self.session is not None:
            self.session.saved_revision = self.session.revision

    def reanalyse(self) -> list[str]:
        """Run the rules again with the current preferences, keeping every decision
        and hand edit that still applies. The undo history starts afresh."""
        if self.session is None:
            return []
        self.flush_edits()
        old = self.session
        data = old.to_json()
        session = ReviewSession(old.document, settings=self.prefs.rule_settings())
        try:
            warnings = session.restore(data)
        except ReviewFileError as exc:
            session = ReviewSession(old.document, settings=self.prefs.rule_settings())
            warnings = [message_of(exc, self.prefs.message_language)]
        current = self.current_id
        self._install(session)
        if current in session.by_id:
            self.set_current(current)
        self.save_review(quiet=True)
        return warnings

    # -- the current fix and the selection -------------------------------------------------

    def set_current(self, fix_id: str) -> None:
        if self.session is None or (fix_id and fix_id not in self.session.by_id):
            fix_id = ""
        if fix_id != self.current_id:
            self.current_id = fix_id
            self.currentChanged.emit(fix_id)

    def set_selection(self, raw_span: tuple[int, int] | None) -> None:
        self.selection = raw_span if raw_span and raw_span[1] > raw_span[0] else None
        self.selectionChanged.emit()

    def fixes_in_selection(self) -> list[str]:
        if self.session is None or self.decorator is None or self.selection is None:
            return []
        start, end = self.selection
        seen: dict[str, None] = {}
        for edit, fix in self.decorator.raw_edits(start, end):
            if edit.start < end and edit.end > start or edit.start == edit.end and start <= edit.start <= end:
                seen[self.decorator.fix_id(fix)] = None
        return list(seen)

    @property
    def current_rule(self) -> str | None:
        if self.session is None or not self.current_id:
            return None
        return self.session.by_id[self.current_id].rule

    # -- intents ------------------------------------------------------------------------------

    def _run(self, intent) -> Change:
        if self.session is None:
            return Change()
        self.flush_edits()
        change = intent(self.session)
        if change:
            self.changed.emit(change)
        return change

    def accept(self, ids) -> Change:
        return self._run(lambda s: s.accept(list(ids)))

    def reject(self, ids) -> Change:
        return self._run(lambda s: s.reject(list(ids)))

    def toggle(self, fix_id: str) -> Change:
        return self._run(lambda s: s.toggle(fix_id) if s.decisions[fix_id] is not Decision.SUPERSEDED else Change())

    def reset(self, ids) -> Change:
        return self._run(lambda s: s.reset(list(ids)))

    def accept_rule(self, rule: str) -> Change:
        return self._run(lambda s: s.accept_rule(rule))

    def reject_rule(self, rule: str) -> Change:
        return self._run(lambda s: s.reject_rule(rule))

    def accept_all(self) -> Change:
        return self._run(lambda s: s.accept_all())

    def reject_all(self) -> Change:
        return self._run(lambda s: s.reject_all())

    def turn_off_rule(self, rule: str) -> Change:
        """Unlike rejecting one fix: the rule stops running for future documents and all
        its fixes here are rejected, as one undo step (undo turns it back on)."""
        self.prefs.set_rule_enabled(rule, False)
        ids = [f.id for f in self.session.fixes_of_rule(rule)] if self.session else []
        return self._run(lambda s: s.decide(ids, Decision.REJECTED, TURN_OFF + rule))

    def undo(self) -> Change:
        change = self._run(lambda s: s.undo())
        self._replay_side_effect(change, undoing=True)
        return change

    def redo(self) -> Change:
        change = self._run(lambda s: s.redo())
        self._replay_side_effect(change, undoing=False)
        return change

    def _replay_side_effect(self, change: Change, undoing: bool) -> None:
        if change.description.startswith(TURN_OFF):
            self.prefs.set_rule_enabled(change.description[len(TURN_OFF) :], undoing)

    def hand_edit(self, start: int, end: int, text: str) -> Change:
        """The editor replaced cleaned[start:end] with *text* in the cleaned pane."""
        if self.session is None:
            return Change()
        try:
            change = self.session.edit_cleaned(start, end, text)
        except (IndexError, ValueError):
            change = Change(description="edit-refused")  # the window puts the text back
            self.changed.emit(change)
            return change
        self.changed.emit(change)
        return change

    # -- saving and exporting -------------------------------------------------------------------

    def save_review(self, quiet: bool = False) -> Path | None:
        """Write the review beside the document (raises WriteError unless *quiet*)."""
        session, target = self.session, self.review_path
        if session is None or target is None:
            return None
        self.flush_edits()
        try:
            session.save_review(target)
        except (WriteError, OSError) as exc:
            if not quiet:
                raise
            first = self._autosave_error is None
            self._autosave_error = message_of(exc, self.prefs.message_language)
            self.autosaveFailed.emit(self._autosave_error, first)
            return None
        self._autosave_error = None
        self.reviewSaved.emit(str(target))
        return target

    def autosave(self) -> None:
        session = self.session
        if session is not None and (session.revision != session.saved_revision or self.pending_typing()):
            self.save_review(quiet=True)

    def export(self, target: str | Path) -> Path:
        """Export the cleaned text (TXT or DOCX by extension); raises WriteError."""
        if self.session is None:
            raise WriteError("no document is open")
        self.flush_edits()
        session = self.session
        # Line ends as blocks: the exporters split on LF, a CRLF document keeps CRs.
        # (Not display_text: undecodable bytes of the source go out as they came in.)
        out = export(lf_line_ends(session.cleaned), target, self.prefs.export_options(), protect=session.document.path)
        session.exported_revision = session.revision
        self.save_review(quiet=True)
        self.exported.emit(str(out))
        return out

    @property
    def unexported(self) -> bool:
        return self.session is not None and (self.session.dirty or self.pending_typing())


def review_file_for(document: Document) -> Path:
    """Where a document's review is kept: beside it. A file out of reading order
    reviewed as it is (pdftotext -layout columns side by side, pieces read too early)
    has a review file of its own: the text reviewed is not the one put in reading order,
    and each view keeps its decisions."""
    path = review_path_for(document.path)
    if document.columns_kept:
        return path.with_name(path.name.replace(".proofdesk-review.json", ".as-extracted.proofdesk-review.json"))
    return path


def _keep_aside(review: Path) -> Path | None:
    """Move an unusable review file out of the way so autosave does not destroy it."""
    backup = review.with_name(review.name + ".unusable")
    try:
        shutil.move(str(review), str(backup))
    except OSError:
        return None
    return backup
