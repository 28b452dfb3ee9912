"""Word export with python-docx: one paragraph style per block role.

Chinese text needs its East Asian font set explicitly (``w:rFonts/@w:eastAsia``);
python-docx's ``font.name`` sets only the Latin one. Body paragraphs get a first-line
indent of two characters (``w:ind/@w:firstLineChars``), bylines are right-aligned.

A Word file is XML, which cannot hold control characters (U+0000, a form feed…),
U+FFFE/U+FFFF or the undecodable bytes a damaged UTF-8 file keeps: a text with any
left (the editor rejected their odd-char fix) is refused with a message naming where
they are, rather than written with them silently dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path

from docx import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from ..fsutil import WriteError, atomic_write
from ..roles import Role, classify
from . import CONVERSIONS, converter

STYLE_NAMES = {
    Role.HEADLINE: "PD Headline",
    Role.SUBTITLE: "PD Subtitle",
    Role.LABEL: "PD Label",
    Role.PARAGRAPH: "PD Body",
    Role.BYLINE: "PD Byline",
}
SIZES = {Role.HEADLINE: 22, Role.SUBTITLE: 15, Role.LABEL: 12, Role.PARAGRAPH: 12, Role.BYLINE: 11}


def _child(parent, tag: str):
    """The *tag* child of an OOXML element, created if missing (python-docx has no
    API for the East Asian font, character-based indents, language or autospacing)."""
    el = parent.find(qn(tag))
    if el is None:
        el = parent.makeelement(qn(tag), {})
        parent.append(el)
    return el


def _set_fonts(style, east_asian: str, latin: str) -> None:
    style.font.name = latin
    fonts = _child(style.element.get_or_add_rPr(), "w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def _first_line_indent_chars(style, chars: int) -> None:
    ind = _child(style.element.get_or_add_pPr(), "w:ind")
    # In hundredths of a character; Word, WPS and LibreOffice honour firstLineChars.
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(int(chars * SIZES[Role.PARAGRAPH] * 20)))


def _no_autospace(style) -> None:
    """Word and LibreOffice widen the gap between CJK and Latin or digits by default
    (``w:autoSpaceDE``/``autoSpaceDN``). ProofDesk's text already holds the spacing the
    house style wants (none in print style), so the automatic gap is switched off."""
    ppr = style.element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        _child(ppr, tag).set(qn("w:val"), "0")


def build_document(text: str, options):
    doc = DocxDocument()
    styles = doc.styles
    for role, name in STYLE_NAMES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        east, latin = options.fonts.get(role.value, ("宋体", "Times New Roman"))
        _set_fonts(style, east, latin)
        style.font.size = Pt(SIZES[role])
        fmt = style.paragraph_format
        _no_autospace(style)
        fmt.space_after = Pt(6)
        if role is Role.HEADLINE:
            style.font.bold = True
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt.space_before = Pt(12)
        elif role is Role.SUBTITLE:
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif role is Role.LABEL:
            style.font.bold = True
            fmt.space_before = Pt(12)
        elif role is Role.BYLINE:
            fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            fmt.line_spacing = 1.5
            _first_line_indent_chars(style, 2)
    _set_fonts(styles["Normal"], options.fonts["paragraph"][0], options.fonts["paragraph"][1])
    if options.convert:
        _set_east_asian_language(styles["Normal"], CONVERSIONS.get(options.convert, "zh-TW"))
    convert = converter(options)
    for block in classify(text):
        doc.add_paragraph(convert(block.text), style=STYLE_NAMES[block.role])
    return doc


def _set_east_asian_language(style, tag: str) -> None:
    """Tell Word the text is Traditional Chinese (proofing, font fallback)."""
    lang = _child(style.element.get_or_add_rPr(), "w:lang")
    lang.set(qn("w:eastAsia"), tag)


# What XML 1.0 cannot hold (tab, line feed and carriage return it can).
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def check_xml_safe(text: str, target: str | Path) -> None:
    """Raise WriteError if *text* holds characters a Word file cannot contain."""
    found = [m.start() for m in NOT_IN_XML.finditer(text)]
    if not found:
        return
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    where = []
    for pos in found[:3]:
        line = bisect_right(starts, pos)
        ch = text[pos]
        code = f"U+{ord(ch):04X}" if not 0xDC80 <= ord(ch) <= 0xDCFF else f"byte 0x{ord(ch) - 0xDC00:02X}"
        where.append((code, line))
    more = len(found) > 3
    en = "; ".join(f"{c} on line {ln}" for c, ln in where) + (" …" if more else "")
    zh = "；".join(f"第 {ln} 行的 {c}" for c, ln in where) + ("……" if more else "")
    n = len(found)
    raise WriteError(
        f"{target}: the suggested text still holds {n} character{'s' if n != 1 else ''} a Word file cannot contain ({en}): "
        "control characters or bytes of the source that were not valid UTF-8. Nothing was written. Accept their fixes under "
        "“Invisible and odd characters” or delete them by hand, or export TXT, which keeps them.",
        f"{target}：建议文本中仍有 {n} 个 Word 文件无法容纳的字符（{zh}）：控制字符或源文件中无法解码的字节。没有写入任何文件。"
        "请接受“不可见及异常字符”中的相应修改或手工删除，或导出为 TXT（TXT 会保留它们）。",
    )


def write_docx(text: str, target: str | Path, options, *, protect: Path | None = None) -> Path:
    def write(tmp: Path) -> None:
        check_xml_safe(text, target)
        build_document(text, options).save(str(tmp))

    return atomic_write(target, write, protect=protect)
