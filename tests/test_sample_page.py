"""The bundled sample page against its expected clean text, checked by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.analyze import analyse
from app.document import load_document
from app.engine import apply_fixes
from app.roles import Role, classify

from .conftest import ROOT, SAMPLE
from .helpers import suggested

EXPECTED = Path(__file__).parent / "expected" / "sample-page.clean.txt"


def test_cli_clean_matches_expected(tmp_path):
    out = tmp_path / "clean.txt"
    proc = subprocess.run([sys.executable, "-m", "app.cli", "clean", str(SAMPLE), "-o", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text("utf-8") == EXPECTED.read_text("utf-8")


def test_structure_of_expected_page():
    blocks = classify(EXPECTED.read_text("utf-8"))
    roles = [b.role for b in blocks]
    assert blocks[1].text == "践行“八八战略” 投身“两个先行”"
    assert roles.count(Role.LABEL) == 6 and roles.count(Role.BYLINE) == 6
    for i, block in enumerate(blocks):
        if block.role is Role.LABEL:
            assert blocks[i + 1].role is Role.PARAGRAPH and block.text in blocks[i + 1].text
        if block.role is Role.BYLINE:
            assert blocks[i - 1].role is Role.PARAGRAPH
    assert "法安衢江 我心向党" in EXPECTED.read_text("utf-8")


def test_reject_all_gives_raw_and_accept_all_is_idempotent():
    doc = load_document(SAMPLE)
    assert apply_fixes(doc.raw, []).text == doc.raw
    cleaned = suggested(doc.raw)
    assert suggested(cleaned) == cleaned


def test_only_questions_remain_on_the_cleaned_page():
    cleaned = EXPECTED.read_text("utf-8")
    result = analyse(load_document(EXPECTED))
    assert not result.applied_by_default
    asked = {cleaned[f.start - 1 : f.end + 1] for f in result.fixes}
    assert asked == {"” 投", "江 我"}
