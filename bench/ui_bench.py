"""How fast the review window opens a big page and answers one decision.

Builds about 1 MB of page text (the sample page repeated with varied numbers), then
measures, in the real window (offscreen unless a display is set):

* open: from ``open_path`` until the window is interactive (events processed,
  highlights drawn), and how much of that the core's analysis takes;
* decide: one toggle of a visible fix until both panes show it (median of 20),
  and how much of that the session's own ``toggle`` takes.

    python bench/ui_bench.py [--mb 1.0] [--repeat 20]

Targets: open <= 2 s, one decision <= 50 ms.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "resources" / "samples" / "sample-page.txt"


def build_text(megabytes: float) -> str:
    page = SAMPLE.read_text("utf-8")
    parts, size, n = [], 0, 0
    while size < megabytes * 1_000_000:
        varied = re.sub(r"\d+", lambda m, n=n: str((int(m.group()) + n) % 97 + 1), page)
        parts.append(varied)
        size += len(varied.encode("utf-8")) + 2
        n += 1
    return "\n\n".join(parts)


def settle(app, until=lambda: True, limit: float = 5.0) -> None:
    end = time.perf_counter() + limit
    app.processEvents()
    while not until() and time.perf_counter() < end:
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ProofDesk window benchmark")
    parser.add_argument("--mb", type=float, default=1.0, help="size of the page text in MB of UTF-8")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="proofdesk-bench-"))
    os.environ["PROOFDESK_CONFIG_DIR"] = str(work / "config")

    import app.session as core_session
    from ui.app import build_window, create_application

    text = build_text(args.mb)
    path = work / "big-page.txt"
    path.write_text(text, "utf-8")
    print(f"page: {len(text.encode('utf-8')) / 1e6:.2f} MB, {len(text):,} characters, {text.count(chr(10)):,} lines")

    qapp = create_application([])
    window = build_window()
    window.resize(1600, 1000)
    window.show()
    settle(qapp)

    # Time the core's analysis inside the open, by wrapping the session constructor.
    core = {"analyse": 0.0}
    original_init = core_session.ReviewSession.__init__

    def timed_init(self, *a, **k):
        t = time.perf_counter()
        original_init(self, *a, **k)
        core["analyse"] += time.perf_counter() - t

    core_session.ReviewSession.__init__ = timed_init
    t0 = time.perf_counter()
    window.open_path(str(path))
    settle(qapp, lambda: not window.raw._refresh_timer.isActive() and not window.clean._refresh_timer.isActive())
    opened = time.perf_counter() - t0
    core_session.ReviewSession.__init__ = original_init
    session = window.controller.session
    print(f"fixes: {len(session.fixes):,}")
    print(f"open until interactive: {opened * 1000:8.0f} ms  (core analysis {core['analyse'] * 1000:.0f} ms, window {(opened - core['analyse']) * 1000:.0f} ms)")

    # Decisions on fixes in the middle of the page, each shown in both panes.
    middle = len(session.fixes) // 2
    targets = [f.id for f in session.fixes[middle : middle + args.repeat]]
    window.controller.set_current(targets[0])
    settle(qapp)
    totals, cores = [], []
    original_toggle = core_session.ReviewSession.toggle

    def timed_toggle(self, fix_id):
        t = time.perf_counter()
        change = original_toggle(self, fix_id)
        cores.append(time.perf_counter() - t)
        return change

    core_session.ReviewSession.toggle = timed_toggle
    for fid in targets:
        t = time.perf_counter()
        window.controller.toggle(fid)
        window.raw.refresh_decorations()
        window.clean.refresh_decorations()
        qapp.processEvents()
        totals.append(time.perf_counter() - t)
    core_session.ReviewSession.toggle = original_toggle
    assert window.clean.model_text == session.cleaned
    total, core_part = statistics.median(totals), statistics.median(cores)
    print(f"one decision, both panes:  {total * 1000:8.1f} ms  (core toggle {core_part * 1000:.1f} ms, window {(total - core_part) * 1000:.1f} ms; median of {len(totals)})")

    t = time.perf_counter()
    window.controller.accept_all()
    qapp.processEvents()
    print(f"accept all ({len(session.fixes):,} fixes):  {(time.perf_counter() - t) * 1000:6.0f} ms")
    t = time.perf_counter()
    window.controller.undo()
    qapp.processEvents()
    print(f"undo accept all:            {(time.perf_counter() - t) * 1000:6.0f} ms")
    print("targets: open <= 2000 ms, one decision <= 50 ms")
    window.controller.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
