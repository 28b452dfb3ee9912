import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLE = ROOT / "resources" / "samples" / "sample-page.txt"


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", default=False, help="also run the tests marked slow (minutes, gigabytes)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--runslow") or os.environ.get("PROOFDESK_SLOW"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow (or PROOFDESK_SLOW=1)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
