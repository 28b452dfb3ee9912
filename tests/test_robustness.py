"""Any input file, through the command line (a subprocess, as an editor runs it) and the
core: never a traceback, either a result or a message that names the file and says
what to do. Writes that fail leave everything as it was. The same input classes go
through the window in tests/ui/test_robustness.py."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time

import pytest

from app.analyze import analyse
from app.document import MAX_FILE_BYTES, WINDOW_MAX_BYTES, Document, LoadError, load_document
from app.engine import apply_fixes, check_no_conflicts
from app.export import ExportOptions, export
from app.fsutil import WriteError, atomic_write_text
from app.session import ReviewSession, load_review

from . import inputs
from .conftest import ROOT, SAMPLE


def run(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "app.cli", *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def no_traceback(proc) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr


# -- input classes ------------------------------------------------------------------------


def test_empty_file(tmp_path):
    path = inputs.empty(tmp_path)
    proc = run("check", path)
    no_traceback(proc)
    assert proc.returncode == 0 and "0 issues (no issues)" in proc.stdout
    out = tmp_path / "out.txt"
    proc = run("clean", path, "-o", out)
    assert proc.returncode == 0 and out.read_bytes() == b""
    proc = run("clean", path, "-o", tmp_path / "out.docx")
    assert proc.returncode == 0, proc.stderr


@pytest.mark.slow
def test_50_mb_file_is_checked_by_the_command_line(tmp_path):
    # Measured: 88 s of CPU and 3.4 GB of memory on this machine (2 cores).
    path = inputs.big(tmp_path, 50)
    t0 = time.monotonic()
    proc = run("check", path, timeout=900)
    elapsed = time.monotonic() - t0
    no_traceback(proc)
    assert proc.returncode == 1
    summary = proc.stdout[proc.stdout.rindex("\n", 0, len(proc.stdout) - 1) + 1 :]
    assert "issues (" in summary and "encoding UTF-8" in summary
    print(f"50 MB check: {elapsed:.0f} s")


def test_file_above_the_limit_is_refused_with_a_message(tmp_path):
    path = inputs.sparse(tmp_path, MAX_FILE_BYTES + 1)
    proc = run("check", path)
    no_traceback(proc)
    assert proc.returncode == 2
    assert str(path) in proc.stderr and "Split the file" in proc.stderr and "MB" in proc.stderr
    # The window's limit is lower, and its message points to the command line.
    with pytest.raises(LoadError) as err:
        load_document(inputs.sparse(tmp_path, WINDOW_MAX_BYTES + 1), for_window=True)
    assert "proofdesk check" in str(err.value) and "proofdesk check" in err.value.message("zh")


def test_nul_bytes_are_odd_characters(tmp_path):
    path, text = inputs.with_nul(tmp_path)
    proc = run("check", path, "--json")
    no_traceback(proc)
    fixes = json.loads(proc.stdout)["fixes"]
    nul = [f for f in fixes if f["rule"] == "odd-char"]
    assert [(f["line"], f["edits"][0]["end"] - f["edits"][0]["start"]) for f in nul] == [(4, 1), (9, 3)]
    assert all(f["applied_by_default"] and "U+0000" in f["message_en"] for f in nul)
    out = tmp_path / "out.txt"
    assert run("clean", path, "-o", out).returncode == 0
    assert b"\x00" not in out.read_bytes()
    # Kept on request in TXT; a Word file cannot hold them: refused, with the line.
    assert run("clean", path, "-o", out, "--reject", "odd-char").returncode == 0
    assert out.read_bytes().count(b"\x00") == 4
    proc = run("clean", path, "-o", tmp_path / "out.docx", "--reject", "odd-char")
    no_traceback(proc)
    assert proc.returncode == 2 and "U+0000 on line" in proc.stderr and "export TXT" in proc.stderr
    assert not (tmp_path / "out.docx").exists()


def test_damaged_utf8_opens_with_a_warning_and_keeps_the_bytes(tmp_path):
    path = inputs.damaged_utf8(tmp_path)
    doc = load_document(path)
    assert doc.encoding == "UTF-8"
    assert doc.raw.encode("utf-8", "surrogateescape") == inputs.DAMAGED  # nothing lost
    assert len(doc.undecodable) == 4
    assert "\ufffd\ufffd\ufffd" in doc.text and not any(0xD800 <= ord(c) <= 0xDFFF for c in doc.text)
    assert len(doc.warnings) == 1 and "line 1, column 12; line 2, column 4" in str(doc.warnings[0])
    assert "第 1 行第 12 列" in doc.warnings[0].message("zh")
    # The analysis sees U+FFFD, which odd-char asks about; the raw text is untouched.
    result = analyse(doc)
    asked = [f for f in result.fixes if f.rule == "odd-char"]
    assert [(f.start, f.end) for f in asked] == [(11, 14), (23, 24)]
    assert all(f.id not in result.applied_by_default for f in asked)
    assert apply_fixes(doc.raw, []).text == doc.raw
    # The command line: a warning naming the places, then the check as usual.
    proc = run("check", path)
    no_traceback(proc)
    assert proc.returncode == 0 and "warning" in proc.stderr  # questions only and "line 1, column 12" in proc.stderr
    assert ":1:12: odd-char [?]" in proc.stdout
    # Rejecting every fix writes the very bytes back.
    out = tmp_path / "out.txt"
    assert run("clean", path, "-o", out, "--reject", "all").returncode == 0
    assert out.read_bytes() == inputs.DAMAGED
    # Accepting the question marks the lost character instead.
    assert run("clean", path, "-o", out, "--accept", "odd-char").returncode == 0
    assert "□□□" in out.read_text("utf-8")
    # Converted to Traditional Chinese (OpenCC takes only valid UTF-8): still the bytes.
    assert run("clean", path, "-o", out, "--reject", "all", "--convert", "s2t").returncode == 0
    assert b"\xed\xa0\x80" in out.read_bytes() and "會議強調".encode() in out.read_bytes()
    proc = run("clean", path, "-o", tmp_path / "out.docx", "--reject", "all")
    assert proc.returncode == 2 and "byte 0xED on line 1" in proc.stderr


def test_a_review_with_undecodable_bytes_in_a_hand_edit_saves_and_restores(tmp_path):
    path = inputs.damaged_utf8(tmp_path)
    session = ReviewSession(load_document(path))
    session.edit_cleaned(9, 10, "X")  # the comma before the damaged bytes
    session.edit_cleaned(8, 15, session.cleaned[8:15])  # a burst spanning them, unchanged
    assert session.cleaned.encode("utf-8", "surrogateescape").count(b"\xed\xa0\x80") == 1
    review = tmp_path / "r.json"
    session.save_review(review)
    review.read_text("utf-8")  # valid UTF-8
    again = ReviewSession(load_document(path))
    again.restore(load_review(review))
    assert again.cleaned == session.cleaned


def test_utf8_that_is_mostly_not_utf8_is_still_refused(tmp_path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Café crème brûlée, naïve façade.\n".encode("latin-1") * 5)
    proc = run("check", latin1)
    no_traceback(proc)
    assert proc.returncode == 2 and "re-save it as UTF-8" in proc.stderr


@pytest.mark.parametrize(
    "data,name",
    [
        (b"\xef\xbb\xbf" + "会议强调，要转变作风。".encode() * 5 + b"\xff\n", "UTF-8 (BOM)"),  # damaged after a BOM
        ("会议强调，要转变作风。".encode() * 5 + "强".encode()[:2], "UTF-8"),  # cut mid-character
    ],
)
def test_other_damaged_utf8(tmp_path, data, name):
    path = tmp_path / "d.txt"
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.encoding == name and doc.warnings
    bom = b"\xef\xbb\xbf" if name.endswith("(BOM)") else b""
    assert bom + doc.raw.encode("utf-8", "surrogateescape") == data


def test_one_megabyte_line(tmp_path):
    path, text = inputs.long_line(tmp_path)
    t0 = time.monotonic()
    proc = run("check", path, "--json")
    elapsed = time.monotonic() - t0
    no_traceback(proc)
    data = json.loads(proc.stdout)
    assert proc.returncode == 1 and data["fixes"]
    assert {f["line"] for f in data["fixes"]} <= {1}
    assert elapsed < 60
    doc = load_document(path)
    result = analyse(doc)
    check_no_conflicts(result.fixes)
    assert apply_fixes(doc.raw, []).text == text


def test_mixed_line_ends_positions_and_reject_all(tmp_path):
    path = inputs.mixed_eol(tmp_path)
    raw = inputs.MIXED_EOL
    proc = run("check", path, "--json")
    no_traceback(proc)
    fixes = json.loads(proc.stdout)["fixes"]
    assert {f["rule"] for f in fixes} >= {"dup-glyph", "stray-space", "byline"}
    starts = inputs.positions_by_line(raw)
    for f in fixes:
        # LINE:COL names the fix's first character, every kind of line end counted.
        assert starts[f["line"] - 1] + f["column"] - 1 == f["edits"][0]["start"], f
    doc = load_document(path)
    assert doc.raw == raw
    session = ReviewSession(doc)
    session.accept_all()
    assert "\r" in session.cleaned  # line ends other fixes do not touch are kept
    session.reject_all()
    assert session.cleaned == raw
    assert apply_fixes(raw, []).text == raw
    # The fixes land on the raw text they describe (a CRLF is never split).
    for f in analyse(doc).fixes:
        for e in f.edits:
            assert not (0 < e.start < len(raw) and raw[e.start - 1] == "\r" and raw[e.start] == "\n")
            assert not (0 < e.end < len(raw) and raw[e.end - 1] == "\r" and raw[e.end] == "\n")


@pytest.mark.parametrize("make,needle", [(inputs.pdf, "PDF"), (inputs.docx, "DOCX")])
def test_pdf_and_docx_renamed_txt(tmp_path, make, needle):
    path = make(tmp_path)
    for args in (("check", path), ("clean", path, "-o", tmp_path / "o.txt")):
        proc = run(*args)
        no_traceback(proc)
        assert proc.returncode == 2 and needle in proc.stderr and str(path) in proc.stderr
        assert "Extract its text first" in proc.stderr
    assert not (tmp_path / "o.txt").exists()


def test_missing_and_unreadable_paths(tmp_path):
    cases = [
        (tmp_path / "missing.txt", "no such file"),
        (tmp_path, "is a folder"),
        (inputs.not_a_folder(tmp_path), "cannot be read"),
        (tmp_path / "dangling.txt", "no such file"),
    ]
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    pipe = inputs.fifo(tmp_path)
    if pipe:
        cases.append((pipe, "not a regular file"))  # reading it would never end
    for path, needle in cases:
        proc = run("check", path, timeout=30)
        no_traceback(proc)
        assert proc.returncode == 2 and needle in proc.stderr, (path, proc.stderr)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_by_permission(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("机密\n", "utf-8")
    path.chmod(0)
    proc = run("check", path)
    assert proc.returncode == 2 and "permission denied" in proc.stderr


def test_permission_denied_is_a_message(tmp_path, monkeypatch, capsys):
    # Root reads any file: the refusal is simulated where the file is opened.
    from app import cli

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("app.document.open", refuse, raising=False)
    assert cli.main(["check", str(SAMPLE)]) == 2
    assert "permission denied" in capsys.readouterr().err


def test_printing_into_a_closed_pipe_is_not_an_error(tmp_path):
    path = inputs.big(tmp_path, 1)
    proc = subprocess.run(
        f"{sys.executable} -m app.cli check {path} | head -1", shell=True, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.stdout.count("\n") == 1
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


# -- failed writes ------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["replace", "open", "mkstemp"])
def test_failed_write_changes_nothing(tmp_path, monkeypatch, where):
    target = tmp_path / "out.txt"
    target.write_text("old", "utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if where == "replace":
        monkeypatch.setattr("app.fsutil.os.replace", full)
    elif where == "open":
        monkeypatch.setattr("app.fsutil.open", full, raising=False)
    else:
        monkeypatch.setattr("app.fsutil.tempfile.mkstemp", full)
    with pytest.raises(WriteError) as err:
        atomic_write_text(target, "new")
    assert "No space left" in str(err.value) and "out.txt" in err.value.message("zh")
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary left behind
    monkeypatch.undo()
    atomic_write_text(target, "new")  # and once there is room again, it works
    assert target.read_text("utf-8") == "new"


def test_disk_full_in_the_command_line(tmp_path, monkeypatch, capsys):
    from app import cli

    monkeypatch.setattr("app.fsutil.os.replace", lambda *a: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
    assert cli.main(["clean", str(SAMPLE), "-o", str(tmp_path / "o.docx")]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Nothing was changed" in err
    assert not list(tmp_path.iterdir())


def test_docx_refuses_characters_xml_cannot_hold(tmp_path):
    with pytest.raises(WriteError) as err:
        export("第一行\n控制\x0c字符\x00\n", tmp_path / "o.docx", ExportOptions())
    assert "U+000C on line 2" in str(err.value) and "第 2 行的 U+000C" in err.value.message("zh")
    assert not list(tmp_path.iterdir())


def test_document_built_from_a_string_with_surrogates():
    # Not only files: a Document made from any str gives the rules valid Unicode.
    doc = Document("会议\ud800指出，\udcff要转变作风。\n")
    assert doc.text == "会议\ufffd指出，\ufffd要转变作风。\n"
    result = analyse(doc)
    check_no_conflicts(result.fixes)


def test_rules_survive_a_lone_surrogate_in_a_raw_string():
    # The loader never hands the rules one, but analyse_text on any str must not raise.
    from app.analyze import analyse_text

    result = analyse_text("会议\udced指出，要轉變作风。\n")
    assert all(0 <= e.start <= e.end for f in result.fixes for e in f.edits)


def test_pdftotext_layout_output_is_put_in_reading_order_and_says_so(tmp_path):
    from app.extractors import looks_like_layout_mode

    layout = (ROOT / "bench" / "pages" / "data" / "pdftotext-layout" / "ed01.txt").read_text("utf-8")
    plain = (ROOT / "bench" / "pages" / "data" / "pdftotext" / "ed01.txt").read_text("utf-8")
    assert looks_like_layout_mode(layout) and not looks_like_layout_mode(plain)
    assert not looks_like_layout_mode(SAMPLE.read_text("utf-8"))
    src = tmp_path / "layout.txt"
    src.write_text(layout, "utf-8")
    proc = subprocess.run([sys.executable, "-m", "app.cli", "check", str(src)], cwd=ROOT, capture_output=True, text=True)
    assert "pdftotext -layout" in proc.stderr and "reading order" in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "app.cli", "check", "--columns", "keep", str(src)], cwd=ROOT, capture_output=True, text=True)
    assert "pdftotext -layout" in proc.stderr and "as it is" in proc.stderr and "Traceback" not in proc.stderr
