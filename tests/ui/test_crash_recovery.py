"""Killing the app mid-review loses at most the last few seconds: the autosaved review
brings the decisions back on the next start."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

from app.document import load_document
from app.session import Decision, ReviewSession, load_review, review_path_for

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "sample-page.txt"

# Runs the real window in a child process: opens the page, moves to the next fix and
# rejects it by keyboard, then waits (autosave runs every 3 s) and reports once the
# review file is on disk. It never exits by itself: the test kills it.
CHILD = r"""
import sys, time, os
sys.path.insert(0, sys.argv[2])
from PySide6.QtTest import QTest
from ui.app import create_application, build_window
from ui.qt import Qt, QApplication
app = create_application([])
window = build_window()
window.resize(1200, 800)
window.show()
window.activateWindow()
window.open_path(sys.argv[1])
def pump(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
pump(0.5)
target = QApplication.focusWidget() or window
QTest.keyClick(target, Qt.Key.Key_N)
QTest.keyClick(target, Qt.Key.Key_R)
pump(0.2)
decided = [k for k, v in window.controller.session.decisions.items() if v.value == "rejected"]
print("REJECTED", *decided, flush=True)
review = sys.argv[1] + ".proofdesk-review.json"
while True:
    pump(0.2)
    if os.path.exists(review):
        print("SAVED", flush=True)
"""


def test_sigkill_mid_review_then_restart(tmp_path):
    page = tmp_path / "page.txt"
    shutil.copy(SAMPLE, page)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PROOFDESK_CONFIG_DIR=str(tmp_path / "cfg"))
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(page), str(ROOT)], stdout=subprocess.PIPE, text=True, env=env)
    rejected: list[str] = []
    try:
        deadline = time.monotonic() + 60
        for line in proc.stdout:
            if line.startswith("REJECTED"):
                rejected = line.split()[1:]
            if line.startswith("SAVED") or time.monotonic() > deadline:
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    assert len(rejected) == 1, "the key press did not reject a fix"
    # A fresh start: the saved review restores the decision made before the kill.
    session = ReviewSession(load_document(page))
    session.restore(load_review(review_path_for(page)))
    assert session.decisions[rejected[0]] is Decision.REJECTED
    data = json.loads(review_path_for(page).read_text("utf-8"))
    assert data["decisions"] == {rejected[0]: "rejected"}
