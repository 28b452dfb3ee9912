"""The ``proofdesk`` command: ``check``/``clean`` run headless (no Qt import); anything
else opens the review window."""

from __future__ import annotations

import sys

HEADLESS = {"check", "clean"}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and (argv[0] in HEADLESS or argv[0] in ("-h", "--help")):
        from app.cli import main as cli_main

        return cli_main(argv)
    from ui.app import run_gui  # imports Qt

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
