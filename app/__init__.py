"""ProofDesk core: Qt-free analysis, fixes, review sessions and export.

Nothing in this package may import Qt (``tests/test_architecture.py`` enforces it):
the command line and the tests use it without a display.
"""

__version__ = "0.1.0"
