"""The headless command line."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT, SAMPLE
from .test_sample_page import EXPECTED


def run(*args):
    return subprocess.run([sys.executable, "-m", "app.cli", *map(str, args)], cwd=ROOT, capture_output=True, text=True)


def test_check_lists_issues_with_positions_and_exit_1():
    proc = run("check", SAMPLE)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert any(ln.startswith(f"{SAMPLE}:64:") and " byline " in ln and "周靖" in ln for ln in lines)
    assert any(":6:1: dup-glyph" in ln for ln in lines)
    assert "section-label 6" in lines[-1] and "byline 3" in lines[-1]


def test_check_clean_file_exits_0():
    proc = run("check", EXPECTED)
    assert proc.returncode == 0, proc.stdout
    assert "2 of them questions" in proc.stdout


def test_check_json():
    proc = run("check", SAMPLE, "--json")
    data = json.loads(proc.stdout)
    assert data["encoding"] == "UTF-8"
    rules = {f["rule"] for f in data["fixes"]}
    assert rules == {"dup-glyph", "line-join", "stray-space", "byline", "section-label"}
    label = next(f for f in data["fixes"] if f["rule"] == "section-label")
    assert len(label["edits"]) == 2 and label["applied_by_default"]


def test_clean_with_rule_overrides(tmp_path):
    out = tmp_path / "o.txt"
    assert run("clean", SAMPLE, "-o", out, "--reject", "section-label,byline").returncode == 0
    text = out.read_text("utf-8")
    assert "队伍。 周靖" in text  # the byline stays glued, its space untouched
    assert text.rstrip().endswith("区人民检察院")
    out2 = tmp_path / "o2.txt"
    assert run("clean", SAMPLE, "-o", out2, "--accept", "all").returncode == 0
    assert "法安衢江我心向党" in out2.read_text("utf-8")


def test_errors_exit_2_with_message(tmp_path):
    proc = run("check", tmp_path / "missing.txt")
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr
    pdf = tmp_path / "x.txt"
    pdf.write_bytes(b"%PDF-1.4 binary")
    proc = run("clean", pdf, "-o", tmp_path / "y.txt")
    assert proc.returncode == 2 and "PDF" in proc.stderr
    proc = run("clean", SAMPLE, "-o", SAMPLE)
    assert proc.returncode == 2 and "being proofread" in proc.stderr
    proc = run("clean", SAMPLE, "-o", tmp_path / "o.txt", "--reject", "no-such-rule")
    assert proc.returncode == 2 and "unknown rule" in proc.stderr


def test_web_style_keeps_cjk_latin_spaces(tmp_path):
    src = tmp_path / "web.txt"
    src.write_text("全市 GDP 增长 6.5%，5G 基站新建 1200 个。\n", "utf-8")
    out = tmp_path / "o.txt"
    assert run("clean", src, "-o", out, "--style", "web").returncode == 0
    assert out.read_text("utf-8") == "全市 GDP 增长 6.5%，5G 基站新建 1200 个。\n"
