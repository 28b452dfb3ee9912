"""TXT and DOCX export: reopened and checked."""

from __future__ import annotations

import os
import stat

import pytest
from docx import Document as Docx
from docx.oxml.ns import qn

from app.export import ExportOptions, export
from app.fsutil import WriteError

from .test_sample_page import EXPECTED

CLEAN = EXPECTED.read_text("utf-8")


def test_txt_options(tmp_path):
    out = export(CLEAN, tmp_path / "a.txt", ExportOptions(blank_line_between=True, indent=True, crlf=True))
    data = out.read_bytes().decode("utf-8")
    assert "\r\n\r\n" in data and "\n\n" not in data.replace("\r\n", "")
    lines = [ln for ln in data.split("\r\n") if ln]
    assert lines[1] == "践行“八八战略” 投身“两个先行”"  # headline: no indent
    assert lines[0].startswith("\u3000\u3000") and not lines[3].startswith("\u3000")  # body / label
    plain = export(CLEAN, tmp_path / "b.txt").read_text("utf-8")
    assert plain == CLEAN


def test_docx_roles_fonts_and_indent(tmp_path):
    path = export(CLEAN, tmp_path / "page.docx")
    doc = Docx(str(path))
    paras = doc.paragraphs
    assert [p.text for p in paras] == CLEAN.splitlines()
    styles = {p.text: p.style.name for p in paras}
    assert styles["践行“八八战略” 投身“两个先行”"] == "PD Headline"
    assert styles["区委组织部"] == "PD Label" and styles["周靖"] == "PD Byline"
    body = doc.styles["PD Body"]
    fonts = body.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    assert doc.styles["PD Headline"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"
    ind = body.element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert doc.styles["PD Byline"].paragraph_format.alignment == 2  # right


def test_export_never_overwrites_the_input(tmp_path):
    src = tmp_path / "page.txt"
    src.write_text("原文\n", "utf-8")
    with pytest.raises(WriteError, match="being proofread"):
        export(CLEAN, src, protect=src)
    assert src.read_text("utf-8") == "原文\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_failed_write_leaves_existing_file(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "out.txt"
    target.write_text("old", "utf-8")
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(WriteError):
            export(CLEAN, target)
        assert target.read_text("utf-8") == "old"
    finally:
        folder.chmod(stat.S_IRWXU)


def test_write_error_on_missing_folder(tmp_path):
    with pytest.raises(WriteError, match="does not exist"):
        export(CLEAN, tmp_path / "gone" / "out.docx")


def test_unknown_format(tmp_path):
    with pytest.raises(WriteError, match="unknown export format"):
        export(CLEAN, tmp_path / "out.pdf")


def test_crlf_text_exports_without_stray_carriage_returns(tmp_path):
    crlf = CLEAN.replace("\n", "\r\n")
    out = export(crlf, tmp_path / "crlf.txt").read_bytes().decode("utf-8")
    assert "\r" not in out and out == CLEAN
    doc = Docx(str(export(crlf, tmp_path / "crlf.docx")))
    assert [p.text for p in doc.paragraphs] == CLEAN.splitlines()


def test_docx_turns_off_automatic_cjk_latin_spacing(tmp_path):
    doc = Docx(str(export(CLEAN, tmp_path / "page.docx")))
    ppr = doc.styles["PD Body"].element.pPr
    assert ppr.find(qn("w:autoSpaceDE")).get(qn("w:val")) == "0"
    assert ppr.find(qn("w:autoSpaceDN")).get(qn("w:val")) == "0"
