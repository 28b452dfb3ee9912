"""Start the review window: the QApplication, its look, the interface language, and
the document named on the command line (if any)."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from .controller import Controller
from .main_window import MainWindow
from .prefs import APPLICATION, ORGANIZATION, Prefs
from .qt import QApplication, QColor, QLibraryInfo, QLocale, QPalette, QTimer, QTranslator, Qt

UI_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Noto Sans", "Segoe UI"]


def qm_path(language: str) -> Path:
    return Path(str(resources.files("resources").joinpath("i18n", f"proofdesk_{language}.qm")))


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """ProofDesk's own strings and Qt's (dialog buttons) in *language*; English needs none."""
    if language == "en":
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(str(qm_path(language))):
        app.installTranslator(ours)
        installed.append(ours)
    qt_base = QTranslator(app)
    if qt_base.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    return installed


def light_palette() -> QPalette:
    """The category colours are chosen for a white page: keep the window light even
    under a dark desktop theme."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#f3f4f6",
        QPalette.ColorRole.WindowText: "#202124",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f7f8fa",
        QPalette.ColorRole.Text: "#202124",
        QPalette.ColorRole.Button: "#f6f7f9",
        QPalette.ColorRole.ButtonText: "#202124",
        QPalette.ColorRole.Highlight: "#1a73e8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#202124",
        QPalette.ColorRole.PlaceholderText: "#80868b",
        QPalette.ColorRole.Link: "#1a56c4",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#9aa0a6"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#9aa0a6"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#9aa0a6"))
    return palette


STYLE_SHEET = """
QToolBar { spacing: 2px; padding: 2px 6px; border: none; border-bottom: 1px solid #dadce0; background: #fafbfc; }
QToolBar QToolButton { padding: 3px 6px; border-radius: 4px; }
QToolBar QToolButton:hover { background: #e8eaed; }
QSplitter::handle { background: #e3e6ea; }
QSplitter::handle:horizontal { width: 3px; }
QSplitter::handle:vertical { height: 3px; }
QPlainTextEdit { border: none; selection-background-color: #1a73e8; selection-color: white; }
QListView { border: 1px solid #e3e6ea; }
QTextBrowser { border: 1px solid #e3e6ea; background: #fcfcfd; }
QLabel#panelTitle { font-weight: 600; color: #4a5563; padding: 2px 0; }
QStatusBar { border-top: 1px solid #dadce0; background: #fafbfc; }
QStatusBar::item { border: none; }
"""


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "proofdesk", *argv])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("ProofDesk")
    app.setStyle("Fusion")
    app.setPalette(light_palette())
    font = app.font()
    font.setFamilies(UI_FONTS)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
    return app


def build_window(prefs: Prefs | None = None) -> MainWindow:
    prefs = prefs or Prefs()
    controller = Controller(prefs)
    window = MainWindow(controller, prefs)
    controller.setParent(window)
    return window


def run_gui(argv: list[str]) -> int:
    """``proofdesk [FILE]``: open the window, on FILE if given."""
    files = [a for a in argv if not a.startswith("-")]
    app = create_application(argv)
    prefs = Prefs()
    app._proofdesk_translators = install_translators(app, prefs.language)  # keep them alive
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    window = build_window(prefs)
    window.show()
    if files:
        # Once the window has its size, so that the first issue is centred in view.
        QTimer.singleShot(0, lambda: window.open_path(files[0]))
    return app.exec()
