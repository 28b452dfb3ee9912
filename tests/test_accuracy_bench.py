"""The accuracy benchmark's metrics (bench/metrics.py) on tiny hand-made examples.

Not the benchmark itself (``python -m bench.accuracy``). The metric module imports
without the ``bench`` extra; the metrics need its rapidfuzz, so without it they skip.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bench import accuracy, metrics

from .conftest import ROOT

try:
    import rapidfuzz  # noqa: F401
except ImportError:
    rapidfuzz = None
needs_rapidfuzz = pytest.mark.skipif(rapidfuzz is None, reason="the bench extra is not installed (pip install -e '.[bench]')")


def test_metrics_import_without_reportlab_or_pymupdf():
    """Runs in a subprocess with the heavy packages hidden: never skipped."""
    code = (
        "import sys\n"
        "for name in ('reportlab', 'pymupdf', 'fitz'):\n"
        "    sys.modules[name] = None  # any import of them now fails\n"
        "import bench.metrics, bench.accuracy\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.stdout.strip() == "ok", proc.stderr


@needs_rapidfuzz
def test_normalise_reads_form_feeds_blank_lines_and_edge_spaces_as_line_structure():
    assert metrics.normalise("  甲乙 \r\n\n\f丙\n\n") == "甲乙\n丙"
    assert metrics.blocks("甲乙\n\n丙\n") == ["甲乙", "丙"]


@needs_rapidfuzz
def test_cer_counts_every_character_and_each_line_feed():
    expected = "甲乙丙丁\n戊己\n"
    assert metrics.cer(expected, expected) == 0.0
    # An unjoined line: one inserted line feed over 7 normalised characters.
    assert metrics.cer("甲乙\n丙丁\n戊己\n", expected) == pytest.approx(1 / 7)
    # Blank lines, a form feed and edge spaces are not errors.
    assert metrics.cer("  甲乙丙丁 \n\n\f戊己", expected) == 0.0
    # A doubled glyph and a lost character: two edits.
    assert metrics.cer("甲甲乙丙\n戊己", expected) == pytest.approx(2 / 7)
    # Without breaks only character errors count.
    assert metrics.cer_without_breaks("甲乙\n丙丁\n戊己\n", expected) == 0.0
    assert metrics.cer_without_breaks("甲乙 丙丁戊己", expected) == pytest.approx(1 / 6)


@needs_rapidfuzz
def test_boundaries_are_positions_in_the_whitespace_free_text():
    s, spans = metrics.skeleton("甲 乙\n\n丙丁\n 戊\n")
    assert s == "甲乙丙丁戊"
    assert spans == [(0, 2), (2, 4), (4, 5)]
    assert metrics.boundaries(spans) == [2, 4]


@needs_rapidfuzz
def test_boundary_precision_recall_f1():
    expected = "ABCD\nEFG\nHI\n"  # boundaries at 4 and 7
    assert metrics.boundary_prf(expected, expected) == (1.0, 1.0, 1.0)
    # One right (4), one spurious (2), one missed (7).
    assert metrics.boundary_counts("AB\nCD\nEFGHI\n", expected) == (1, 2, 2)
    assert metrics.boundary_prf("AB\nCD\nEFGHI\n", expected) == (0.5, 0.5, 0.5)
    # Everything joined: no boundary found, precision taken as 0 when some were due.
    assert metrics.boundary_prf("ABCDEFGHI", expected) == (0.0, 0.0, 0.0)
    # Spaces and a doubled glyph before the break do not move it.
    assert metrics.boundary_prf("践践行行 好\n日 子\n", "践行好\n日子\n") == (1.0, 1.0, 1.0)
    # A second break at the same expected place is a false positive.
    assert metrics.boundary_counts("践\n践行\n日子", "践行\n日子") == (1, 2, 1)


@needs_rapidfuzz
def test_doubled_glyphs_left():
    assert metrics.doubled_left("践践行行", "践行") == 2
    assert metrics.doubled_left("标题文字\n标题文字\n正文。", "标题文字\n正文。") == 4
    assert metrics.doubled_left("常常来", "常常来") == 0  # a real reduplication is no error
    assert metrics.doubled_left("甲乙丙", "甲丁丙") == 0  # a substitution is no doubling


@needs_rapidfuzz
def test_stray_and_lost_spaces():
    assert metrics.space_errors("6 月 27 日", "6月27日") == (3, 0)
    assert metrics.space_errors("“反诈有我平安同行”", "“反诈有我 平安同行”") == (0, 1)
    assert metrics.space_errors("记者 张三\n", "记者 张三\n") == (0, 0)


@needs_rapidfuzz
def test_label_and_byline_placement():
    blocks = [
        ("label", "区委组织部", 0),
        ("headline", "标题一", 0),
        ("paragraph", "区委组织部召开会议。", 0),
        ("byline", "记者 张三", 0),
        ("headline", "标题二", 1),
        ("paragraph", "第二篇正文。", 1),
        ("byline", "李四", 1),
    ]
    right = "区委组织部\n标题一\n区委组织部召开会议。\n记者 张三\n标题二\n第二篇正文。\n李四\n"
    assert metrics.placement(right, blocks) == {"labels": 1, "labels_right": 1, "bylines": 2, "bylines_right": 2}
    # After its headline is right too; bylines glued to the paragraph are not.
    moved = "标题一\n区委组织部\n区委组织部召开会议。 记者张三\n标题二\n第二篇正文。\n李四\n"
    assert metrics.placement(moved, blocks) == {"labels": 1, "labels_right": 1, "bylines": 2, "bylines_right": 1}
    # A label left after the article (as stream-order extraction gives it) is not.
    trailing = "标题一\n区委组织部召开会议。\n记者 张三\n区委组织部\n标题二\n第二篇正文。\n李四\n"
    assert metrics.placement(trailing, blocks)["labels_right"] == 0


@needs_rapidfuzz
def test_out_of_order_counts_only_long_runs():
    first, second = "一二三四五六七八九十百千万亿", "甲乙丙丁戊己庚辛壬癸子丑寅卯"
    expected = first + second + "\n"
    assert metrics.out_of_order(expected, expected) == 0
    # A column read after the next one: 14 characters out of place.
    assert metrics.out_of_order(second + "\n" + first + "\n", expected) == 14
    # A lost character is a character error, not reading order.
    assert metrics.out_of_order(first + second[:-1], expected) == 0


@needs_rapidfuzz
def test_naive_baseline():
    raw = "第一段第一行\n第一段 第二行\n\n第二段\f\n6 月\n"
    assert accuracy.naive(raw) == "第一段第一行第一段第二行\n第二段\n6月\n"


@needs_rapidfuzz
def test_runner_on_a_tiny_data_set(tmp_path, capsys):
    article = json.loads((ROOT / "tests" / "corpus" / "articles" / "011.json").read_text("utf-8"))
    edition = {"pages": 1, "articles": ["011"]}
    expected = "".join(t + "\n" for _, t, _ in accuracy.expected_blocks(edition, {"011": article}))
    (tmp_path / "expected").mkdir()
    (tmp_path / "expected" / "ed01.txt").write_text(expected, "utf-8")
    (tmp_path / "pymupdf").mkdir()
    (tmp_path / "pymupdf" / "ed01.txt").write_text(expected, "utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps({"editions": {"ed01": edition}}), "utf-8")
    assert accuracy.main(["--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "| pymupdf | raw | 0.00 % | 0.00 % | 1.000 | 1.000 | 1.000 | 0 | 0 | 0 | 1/1 | 1/1 | 0.0 % |" in out
