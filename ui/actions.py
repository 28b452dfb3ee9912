"""Every command of the window as a QAction with its shortcuts, in one table, so the
menus, the toolbar, context menus and the help overlay all show the same thing."""

from __future__ import annotations

from dataclasses import dataclass

from .qt import QAction, QKeySequence, QStyle, QT_TRANSLATE_NOOP, QWidget, translate



@dataclass(frozen=True)
class Spec:
    key: str
    text: str  # source text, context "Actions"
    shortcuts: tuple = ()  # portable strings; Qt shows Ctrl as ⌘ on macOS
    icon: QStyle.StandardPixmap | None = None
    help: str = ""  # longer explanation for tooltips and the help overlay
    checkable: bool = False


# (menu, specs); None in a list is a separator.
MENUS: list[tuple[str, list]] = [
    (
        QT_TRANSLATE_NOOP("Actions", "&File"),
        [
            Spec("open", QT_TRANSLATE_NOOP("Actions", "&Open…"), ("Ctrl+O",), QStyle.StandardPixmap.SP_DialogOpenButton,
                 QT_TRANSLATE_NOOP("Actions", "Open a text file (you can also drop it on the window)")),
            "recent",
            Spec("columns", QT_TRANSLATE_NOOP("Actions", "Put Col&umns in Reading Order"), (), None,
                 QT_TRANSLATE_NOOP("Actions", "Text read out of order (pdftotext -layout columns side by side, or pieces of a plain extraction read out of order): review it in reading order; off reviews the file as it is"), True),
            None,
            Spec("export_docx", QT_TRANSLATE_NOOP("Actions", "Export as &DOCX…"), ("Ctrl+Shift+E",), QStyle.StandardPixmap.SP_DialogSaveButton,
                 QT_TRANSLATE_NOOP("Actions", "Write the cleaned text as a Word document")),
            Spec("export_txt", QT_TRANSLATE_NOOP("Actions", "Export as &TXT…"), ("Ctrl+E",), QStyle.StandardPixmap.SP_FileIcon,
                 QT_TRANSLATE_NOOP("Actions", "Write the cleaned text as plain text (UTF-8)")),
            Spec("save_review", QT_TRANSLATE_NOOP("Actions", "&Save Review"), ("Ctrl+S",), None,
                 QT_TRANSLATE_NOOP("Actions", "Save your decisions beside the document now (they are also saved automatically)")),
            None,
            Spec("close", QT_TRANSLATE_NOOP("Actions", "&Close Document"), ("Ctrl+W",)),
            Spec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), ("Ctrl+Q",)),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Edit"),
        [
            Spec("undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), ("Ctrl+Z",), QStyle.StandardPixmap.SP_ArrowBack),
            Spec("redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), QStyle.StandardPixmap.SP_ArrowForward),
            None,
            Spec("edit_here", QT_TRANSLATE_NOOP("Actions", "Edit the Suggested Text Here"), ("E",), None,
                 QT_TRANSLATE_NOOP("Actions", "Put the cursor at the current issue in the suggested text; Esc comes back")),
            None,
            Spec("preferences", QT_TRANSLATE_NOOP("Actions", "&Preferences…"), ("Ctrl+,",)),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Review"),
        [
            Spec("accept", QT_TRANSLATE_NOOP("Actions", "&Accept"), ("A",), QStyle.StandardPixmap.SP_DialogApplyButton,
                 QT_TRANSLATE_NOOP("Actions", "Accept the current fix and move to the next")),
            Spec("reject", QT_TRANSLATE_NOOP("Actions", "&Reject (Ignore This One)"), ("R",), QStyle.StandardPixmap.SP_DialogCancelButton,
                 QT_TRANSLATE_NOOP("Actions", "Keep the original text here and move to the next")),
            Spec("toggle", QT_TRANSLATE_NOOP("Actions", "&Toggle"), ("Space",), None,
                 QT_TRANSLATE_NOOP("Actions", "Switch the current fix between applied and not applied")),
            Spec("reset", QT_TRANSLATE_NOOP("Actions", "Back to the &Suggestion"), ("U",), None,
                 QT_TRANSLATE_NOOP("Actions", "Forget your decision on the current fix")),
            None,
            Spec("next", QT_TRANSLATE_NOOP("Actions", "&Next Issue"), ("N", "Alt+Down"), QStyle.StandardPixmap.SP_ArrowDown),
            Spec("previous", QT_TRANSLATE_NOOP("Actions", "&Previous Issue"), ("P", "Alt+Up"), QStyle.StandardPixmap.SP_ArrowUp),
            None,
            Spec("accept_kind", QT_TRANSLATE_NOOP("Actions", "Accept All of This &Kind"), ("Shift+A",), None,
                 QT_TRANSLATE_NOOP("Actions", "Accept every fix of the current fix's kind (one undo step)")),
            Spec("reject_kind", QT_TRANSLATE_NOOP("Actions", "Reject All of This K&ind"), ("Shift+R",), None,
                 QT_TRANSLATE_NOOP("Actions", "Reject every fix of the current fix's kind (one undo step)")),
            Spec("accept_selection", QT_TRANSLATE_NOOP("Actions", "Accept All in the Se&lection"), ("Ctrl+Alt+A",), None,
                 QT_TRANSLATE_NOOP("Actions", "Accept the fixes selected in the list, or inside the text selected in a pane")),
            Spec("reject_selection", QT_TRANSLATE_NOOP("Actions", "Reject All in the Sele&ction"), ("Ctrl+Alt+R",), None,
                 QT_TRANSLATE_NOOP("Actions", "Reject the fixes selected in the list, or inside the text selected in a pane")),
            Spec("accept_all", QT_TRANSLATE_NOOP("Actions", "Accept &All"), ("Ctrl+Shift+A",)),
            Spec("reject_all", QT_TRANSLATE_NOOP("Actions", "Reject A&ll"), ("Ctrl+Shift+R",)),
            None,
            Spec("turn_off", QT_TRANSLATE_NOOP("Actions", "Turn This Rule &Off"), (), None,
                 QT_TRANSLATE_NOOP("Actions", "Stop checking for this kind of issue (in Preferences) and reject its fixes here; undo turns it back on")),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&View"),
        [
            Spec("sync_scroll", QT_TRANSLATE_NOOP("Actions", "&Scroll Both Texts Together"), (), None, "", True),
            Spec("focus_list", QT_TRANSLATE_NOOP("Actions", "Go to the Issue &List"), ("F6",)),
            None,
            Spec("zoom_in", QT_TRANSLATE_NOOP("Actions", "&Larger Text"), ("Ctrl++", "Ctrl+=")),
            Spec("zoom_out", QT_TRANSLATE_NOOP("Actions", "S&maller Text"), ("Ctrl+-",)),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Help"),
        [
            Spec("help", QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"), ("F1", "?"), None,
                 QT_TRANSLATE_NOOP("Actions", "Show every shortcut")),
            Spec("about", QT_TRANSLATE_NOOP("Actions", "&About ProofDesk")),
        ],
    ),
]

TOOLBAR = ["open", "export_docx", "export_txt", None, "undo", "redo", None, "previous", "next", None, "accept", "reject", "accept_kind", "reject_kind"]

# Short toolbar labels (the menus carry the long ones).
SHORT = {
    "open": QT_TRANSLATE_NOOP("Actions", "Open"),
    "export_docx": QT_TRANSLATE_NOOP("Actions", "DOCX"),
    "export_txt": QT_TRANSLATE_NOOP("Actions", "TXT"),
    "undo": QT_TRANSLATE_NOOP("Actions", "Undo"),
    "redo": QT_TRANSLATE_NOOP("Actions", "Redo"),
    "previous": QT_TRANSLATE_NOOP("Actions", "Previous"),
    "next": QT_TRANSLATE_NOOP("Actions", "Next"),
    "accept": QT_TRANSLATE_NOOP("Actions", "Accept"),
    "reject": QT_TRANSLATE_NOOP("Actions", "Reject"),
    "accept_kind": QT_TRANSLATE_NOOP("Actions", "Accept kind"),
    "reject_kind": QT_TRANSLATE_NOOP("Actions", "Reject kind"),
    "turn_off": QT_TRANSLATE_NOOP("Actions", "Turn rule off"),
}


def specs() -> list[Spec]:
    return [s for _, items in MENUS for s in items if isinstance(s, Spec)]


def shortcut_text(spec: Spec) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return " / ".join(QKeySequence(k).toString(native) for k in spec.shortcuts if QKeySequence(k).toString(native))


def build_actions(owner: QWidget) -> dict[str, QAction]:
    """Create every action on *owner* (so shortcuts work wherever focus is)."""
    style = owner.style()
    actions: dict[str, QAction] = {}
    for spec in specs():
        action = QAction(translate("Actions", spec.text), owner)
        action.setObjectName(spec.key)
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
        if spec.icon is not None:
            action.setIcon(style.standardIcon(spec.icon))
        action.setCheckable(spec.checkable)
        if spec.key in SHORT:
            action.setIconText(translate("Actions", SHORT[spec.key]))  # what buttons show
        tip = translate("Actions", spec.help) if spec.help else translate("Actions", spec.text).replace("&", "").rstrip("…")
        keys = shortcut_text(spec)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        owner.addAction(action)
        actions[spec.key] = action
    return actions


def plain(text: str) -> str:
    """A menu text without its mnemonic marker."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


__all__ = ["MENUS", "TOOLBAR", "Spec", "build_actions", "specs", "shortcut_text", "plain"]
