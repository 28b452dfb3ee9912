"""Loading files: encodings, line ends, bad input."""

from __future__ import annotations

import codecs

import pytest

from app.analyze import analyse
from app.document import LoadError, load_document
from app.engine import apply_fixes

TEXT = "6 月 22 日，浙江省第十五次党代会胜利闭幕。\n践践行行““八八八八战战略略””\n区委组织部，周靖。\n"


@pytest.mark.parametrize(
    "encoding,prefix,name",
    [
        ("utf-8", b"", "UTF-8"),
        ("utf-8", codecs.BOM_UTF8, "UTF-8 (BOM)"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16 LE"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16 BE"),
        ("gb18030", b"", "GB18030"),
    ],
)
def test_encodings_are_detected_and_named(tmp_path, encoding, prefix, name):
    path = tmp_path / "page.txt"
    path.write_bytes(prefix + TEXT.encode(encoding))
    doc = load_document(path)
    assert doc.raw == TEXT
    assert doc.encoding == name


def test_big5_traditional_text(tmp_path):
    text = "臺灣新聞報導：立法院今日三讀通過預算案，行政院長表示將全力執行。\n" * 3
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    doc = load_document(path)
    assert doc.raw == text
    assert doc.encoding == "Big5"


def test_crlf_is_analysed_as_lf_and_reject_all_gives_raw(tmp_path):
    path = tmp_path / "crlf.txt"
    raw = "会议强调，要转变作风，强化\r\n\r\n落实， 把讲政治体现到贯彻落实\r\n中去，把守规矩融入到行动中去\r\n推动宣传工作全面过硬。\r\n"
    path.write_bytes(raw.encode("utf-8"))
    doc = load_document(path)
    assert doc.raw == raw and "\r" not in doc.text
    result = analyse(doc)
    assert apply_fixes(doc.raw, []).text == raw
    cleaned = apply_fixes(doc.raw, [f for f in result.fixes if f.id in result.applied_by_default]).text
    assert cleaned == "会议强调，要转变作风，强化落实，把讲政治体现到贯彻落实中去，把守规矩融入到行动中去推动宣传工作全面过硬。\r\n"


@pytest.mark.parametrize(
    "content,needle",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x00\x01\x02\x03\xff\xfe\x00\x00" * 100, "binary"),
    ],
)
def test_non_text_files_get_a_clear_message(tmp_path, content, needle):
    path = tmp_path / "renamed.txt"
    path.write_bytes(content)
    with pytest.raises(LoadError) as err:
        load_document(path)
    assert str(path) in str(err.value) and needle in str(err.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_document(tmp_path / "nope.txt")
    with pytest.raises(LoadError, match="folder"):
        load_document(tmp_path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    doc = load_document(path)
    assert doc.raw == "" and analyse(doc).fixes == []
