"""The one place ProofDesk imports Qt from (PySide6).

Every other module of :mod:`ui` imports the names it needs from here, so that the
binding and its version quirks stay in one file.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QLibraryInfo,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSettings,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QStyledItemDelegate,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)



def none_refcount_leak() -> bool:
    """Does this binding drop a reference to None on void calls? (PySide6 6.12.0 on
    Python < 3.12 does: the interpreter aborts with "none_dealloc" within seconds.)"""
    if sys.version_info >= (3, 12):
        return False  # None is immortal (PEP 683)
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("")  # returns void
    return sys.getrefcount(None) < before - 4


def immortalise_none() -> None:
    """Raise None's reference count out of reach, as Python 3.12 does for every
    program. Only on a release build, where ob_refcnt is the object's first field."""
    import ctypes

    if hasattr(sys, "gettotalrefcount"):
        return  # a debug build lays objects out differently
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


# pyproject.toml excludes the faulty release; should it be installed anyway, this keeps
# an editor's session alive instead of aborting it.
if none_refcount_leak():
    immortalise_none()

translate = QCoreApplication.translate
QT_TRANSLATE_NOOP = lambda context, text: text  # noqa: E731 - marks a string for lupdate

__all__ = [name for name in dir() if name.startswith("Q") or name in ("Qt", "Signal", "translate", "none_refcount_leak", "QT_TRANSLATE_NOOP")]
