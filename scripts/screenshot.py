"""Save a screenshot of the review window on the sample page (docs/screenshot.png).

Run it with ``./dev.sh screenshot`` (under Xvfb, with real fonts); it uses a throwaway
preferences folder and a copy of the sample, so nothing of yours is touched.

    python scripts/screenshot.py [--out FILE] [--size 1600x1000] [--rule RULE] [--lang zh_CN|en]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def settle(app, seconds: float = 0.6) -> None:
    """Let the debounced refreshes (highlights, status bar) run."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--size", default="1600x1000")
    parser.add_argument("--rule", default="dup-glyph", help="make the first fix of this rule the current issue")
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--document", default=str(ROOT / "resources" / "samples" / "sample-page.txt"))
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))

    work = Path(tempfile.mkdtemp(prefix="proofdesk-shot-"))
    os.environ["PROOFDESK_CONFIG_DIR"] = str(work / "config")
    document = Path(shutil.copy(args.document, work / Path(args.document).name))

    from ui.app import build_window, create_application, install_translators
    from ui.prefs import Prefs
    from ui.qt import QApplication

    app = create_application([])
    prefs = Prefs()
    prefs.language = args.lang
    translators = install_translators(app, args.lang)  # noqa: F841 - keep alive
    window = build_window(prefs)
    window.resize(width, height)
    window.show()
    settle(app, 0.3)  # the window reaches its final size before the issue is centred
    if not window.open_path(str(document)):
        return 1
    session = window.controller.session
    # A few decisions, so that every state shows: one rejected, one accepted.
    spaces = [f for f in session.fixes if f.rule == "stray-space"]
    if len(spaces) > 3:
        window.controller.reject([spaces[2].id])
        window.controller.accept([spaces[3].id])
    target = next((f for f in session.fixes if f.rule == args.rule), session.fixes[0] if session.fixes else None)
    if target is not None:
        window.controller.set_current(target.id)
    settle(app)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        print(f"could not write {out}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({width}x{height}, {QApplication.platformName()})")
    window.controller.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
