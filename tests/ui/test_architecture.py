"""Rules of the ui package's structure."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_only_ui_qt_imports_pyside6():
    offenders = {
        p.name: sorted(m for m in imported_modules(p) if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
        for p in UI.glob("*.py")
        if p.name != "qt.py"
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    assert any(m.startswith("PySide6") for m in imported_modules(UI / "qt.py"))


def test_core_stays_free_of_qt():
    app = UI.parent / "app"
    for path in app.rglob("*.py"):
        assert not any(m.split(".")[0] in ("PySide6", "ui") for m in imported_modules(path)), path


def test_ui_modules_stay_small():
    sizes = {p.name: len(p.read_text("utf-8").splitlines()) for p in UI.glob("*.py")}
    assert max(sizes.values()) < 600, sizes


def test_launcher_keeps_headless_commands_free_of_qt():
    assert not any(m.startswith("PySide6") for m in imported_modules(UI / "launcher.py"))


def test_the_qt_binding_keeps_none_alive():
    """PySide6 6.12.0 on Python < 3.12 drops a reference to None on every void call
    and the interpreter aborts; pyproject excludes it and ui.qt guards against it."""
    import sys

    from ui.qt import QObject, none_refcount_leak

    assert not none_refcount_leak(), "this PySide6 release leaks None; install another (see pyproject.toml)"
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        probe.setObjectName("x")
    assert sys.getrefcount(None) >= before - 10
