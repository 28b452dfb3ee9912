"""Small pieces of the main window: pane headers, the start page, the status bar."""

from __future__ import annotations

import html
from pathlib import Path

from app.session import ReviewSession

from .colors import PANE_HEADER, SUBTLE_TEXT
from .qt import QFrame, QHBoxLayout, QLabel, QPushButton, QStatusBar, Qt, QTimer, QVBoxLayout, QWidget, Signal, translate


class PaneHeader(QWidget):
    """A title over a text pane, with a note on the right."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet(f"font-weight: 600; color: {PANE_HEADER};")
        self.note = QLabel()
        self.note.setStyleSheet(f"color: {SUBTLE_TEXT};")
        self.note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.title)
        layout.addStretch(1)
        layout.addWidget(self.note)

    def set_texts(self, title: str, note: str = "") -> None:
        self.title.setText(title)
        self.note.setText(note)


class StartPage(QWidget):
    """Shown with no document open: how to open one, and the recent files."""

    openRequested = Signal()
    recentRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setStyleSheet("font-size: 20px; font-weight: 600; color: #202124;")
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet(f"color: {SUBTLE_TEXT};")
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.openRequested)
        self.recent_box = QVBoxLayout()
        self.recent_title = QLabel()
        self.recent_title.setStyleSheet("font-weight: 600; margin-top: 18px;")
        column = QVBoxLayout()
        column.addStretch(2)
        column.addWidget(self.heading)
        column.addWidget(self.hint)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.recent_title, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addLayout(self.recent_box)
        column.addStretch(3)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(column, 3)
        layout.addStretch(1)

    def set_recent(self, files: list[str]) -> None:
        self.heading.setText(translate("StartPage", "Proofread text extracted from a newspaper page"))
        self.hint.setText(translate("StartPage", "Open a .txt file (Ctrl+O) or drop it on this window."))
        self.open_button.setText(translate("StartPage", "Open a File…"))
        while self.recent_box.count():
            item = self.recent_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        shown = [f for f in files if Path(f).exists()][:6]
        self.recent_title.setText(translate("StartPage", "Recent files") if shown else "")
        for path in shown:
            link = QLabel(f"<a href='{html.escape(path)}'>{html.escape(Path(path).name)}</a> <span style='color:{SUBTLE_TEXT}'>— {html.escape(str(Path(path).parent))}</span>")
            link.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            link.linkActivated.connect(self.recentRequested)
            self.recent_box.addWidget(link)


class ReviewStatusBar(QStatusBar):
    """Decision counts, encoding, characters and paragraphs, updated shortly after a
    change so that bursts of decisions cost one count."""

    updated = Signal()  # after each recount: other counters follow it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self.counts = QLabel()
        self.encoding = QLabel()
        self.size = QLabel()
        for label in (self.counts, self.encoding, self.size):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
            if label is not self.size:
                self.addPermanentWidget(_separator())
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.update_now)

    def set_session(self, session: ReviewSession | None) -> None:
        self.session = session
        self.update_now()

    def schedule(self) -> None:
        self._timer.start()

    def update_now(self) -> None:
        s = self.session
        if s is None:
            for label in (self.counts, self.encoding, self.size):
                label.setText("")
            return
        c = s.counts()
        text = translate("StatusBar", "Pending %1 · Accepted %2 · Rejected %3").replace("%1", str(c["pending"])).replace("%2", str(c["accepted"])).replace("%3", str(c["rejected"]))
        if c["superseded"] or s.manual:
            text += translate("StatusBar", " · Hand edits %1").replace("%1", str(len(s.manual)))
        self.counts.setText(text)
        self.encoding.setText(translate("StatusBar", "Encoding: %1").replace("%1", s.document.encoding))
        cleaned = s.cleaned
        chars = len(cleaned) - sum(cleaned.count(ch) for ch in " \t\r\n\u3000")
        paragraphs = sum(1 for line in cleaned.split("\n") if line.strip(" \t\r\u3000"))
        self.size.setText(translate("StatusBar", "%1 characters · %2 paragraphs").replace("%1", f"{chars:,}").replace("%2", f"{paragraphs:,}"))
        self.updated.emit()


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    line.setStyleSheet("color: #dadce0;")
    return line
