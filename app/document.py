"""Loading a text file: encoding detection, and the analysis view of the raw text.

The raw text is kept exactly as decoded, so that rejecting every fix gives it back.
Rules work on :attr:`Document.text`, where CRLF and CR line ends read as LF; their
fixes are mapped back to raw positions by :meth:`Document.to_raw_fix`.
"""

from __future__ import annotations

import codecs
import hashlib
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import UserError
from .fixes import Edit, Fix

# Encodings ProofDesk reads, in the names it reports.
BOMS = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8 (BOM)"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
# The legacy encodings a Chinese newsroom meets; charset-normalizer chooses among them.
LEGACY_CANDIDATES = ["gb18030", "big5", "utf_16_le", "utf_16_be"]
DISPLAY_NAMES = {
    "utf-8": "UTF-8",
    "gb18030": "GB18030",
    "big5": "Big5",
    "utf_16_le": "UTF-16 LE",
    "utf_16_be": "UTF-16 BE",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
}

MAX_FILE_BYTES = 200 * 1024 * 1024
_KIND_ZH = {
    "a PDF file": "PDF 文件",
    "a ZIP container (DOCX, XLSX…)": "ZIP 压缩包（DOCX、XLSX 等）",
    "an old Office file (DOC)": "旧版 Office 文件（DOC）",
    "a PNG image": "PNG 图片",
    "a JPEG image": "JPEG 图片",
    "a binary file": "二进制文件",
}


class LoadError(UserError):
    """A file could not be read as text; the message says which file, why, and what to do."""


@dataclass
class Document:
    raw: str
    encoding: str = "UTF-8"
    path: Path | None = None
    # Filled in __post_init__.
    text: str = field(init=False)
    _cr_positions: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if "\r" not in self.raw:
            self.text = self.raw
            self._cr_positions = []
            return
        # Analysis positions p map to raw positions p + (number of dropped CRs before p).
        # A CR is dropped when it is the CR of a CRLF; a lone CR becomes LF.
        dropped: list[int] = []  # analysis positions at which a CR was dropped
        out: list[str] = []
        raw = self.raw
        i = 0
        n = len(raw)
        while i < n:
            c = raw[i]
            if c == "\r":
                if i + 1 < n and raw[i + 1] == "\n":
                    dropped.append(len(out))
                    i += 1
                    continue
                out.append("\n")
            else:
                out.append(c)
            i += 1
        self.text = "".join(out)
        self._cr_positions = dropped

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw.encode("utf-8", "surrogatepass")).hexdigest()

    def to_raw(self, pos: int) -> int:
        """Raw position of analysis position *pos* (a CRLF counts as its LF)."""
        if not self._cr_positions:
            return pos
        return pos + bisect_left(self._cr_positions, pos + 1)

    def to_raw_start(self, pos: int) -> int:
        # A span starting at an LF that was a CRLF must start at its CR.
        if not self._cr_positions:
            return pos
        return pos + bisect_left(self._cr_positions, pos)

    def to_raw_fix(self, fix: Fix) -> Fix:
        if not self._cr_positions:
            return fix
        edits = tuple(
            Edit(self.to_raw_start(e.start), self.to_raw_start(e.end) if e.is_insertion else self.to_raw(e.end - 1) + 1, e.replacement)
            for e in fix.edits
        )
        return Fix(fix.rule, edits, fix.category, fix.confidence, fix.message_zh, fix.message_en, fix.detail)


def decode_bytes(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode *data*; returns (text, encoding name shown to the editor)."""
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise LoadError(
                    f"{source}: starts with a {name} byte-order mark but is not valid {name} ({exc.reason} at byte {exc.start}). Re-save the file as UTF-8 and open it again.",
                    f"{source}：文件以 {name} 字节顺序标记开头，但内容不是有效的 {name}（第 {exc.start} 字节）。请另存为 UTF-8 后重新打开。",
                ) from None
            return text, name
    if not data:
        return "", "UTF-8"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=LEGACY_CANDIDATES).best()
    if best is None:
        raise LoadError(
            f"{source}: not readable as text in UTF-8, UTF-16, GB18030/GBK or Big5. "
            "If it is a PDF or Word file, extract its text first; otherwise re-save it as UTF-8.",
            f"{source}：无法按 UTF-8、UTF-16、GB18030/GBK 或 Big5 读取为文本。如果是 PDF 或 Word 文件，请先提取文字；否则请另存为 UTF-8。",
        )
    name = DISPLAY_NAMES.get(best.encoding, best.encoding)
    return str(best), name


def looks_binary(data: bytes) -> str | None:
    """Name the kind of a non-text file renamed .txt, or None."""
    signatures = {b"%PDF": "a PDF file", b"PK\x03\x04": "a ZIP container (DOCX, XLSX…)", b"\xd0\xcf\x11\xe0": "an old Office file (DOC)", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image"}
    for sig, kind in signatures.items():
        if data.startswith(sig):
            return kind
    sample = data[:4096]
    if b"\x00" in sample and not any(data.startswith(b) for b, _, _ in BOMS):
        # UTF-16 without a BOM has its NULs on one byte parity only (the high byte of
        # ASCII characters); NULs on both parities mean binary data.
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        if min(even, odd) > len(sample) // 100:
            return "a binary file"
    return None


def load_document(path: str | Path) -> Document:
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file. Check the path and try again.", f"{path}：文件不存在。请检查路径后重试。") from None
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror}).", f"{path}：无法读取（{exc.strerror}）。") from None
    if path.is_dir():
        raise LoadError(f"{path}: is a folder, not a text file.", f"{path}：这是文件夹，不是文本文件。")
    if size > MAX_FILE_BYTES:
        raise LoadError(
            f"{path}: {size // (1024 * 1024)} MB is more than ProofDesk opens ({MAX_FILE_BYTES // (1024 * 1024)} MB). Split the file and open the parts.",
            f"{path}：文件有 {size // (1024 * 1024)} MB，超过 ProofDesk 可打开的上限（{MAX_FILE_BYTES // (1024 * 1024)} MB）。请拆分后分别打开。",
        )
    try:
        data = path.read_bytes()
    except PermissionError:
        raise LoadError(f"{path}: permission denied. Check that you may read the file.", f"{path}：没有读取权限。请检查文件权限。") from None
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror}).", f"{path}：无法读取（{exc.strerror}）。") from None
    kind = looks_binary(data)
    if kind:
        raise LoadError(
            f"{path}: this is {kind}, not a text file. Extract its text first (for a PDF, e.g. with PyMuPDF or pdftotext) and open the .txt.",
            f"{path}：这是{_KIND_ZH.get(kind, kind)}，不是文本文件。请先提取文字（PDF 可用 PyMuPDF 或 pdftotext），再打开 .txt 文件。",
        )
    text, encoding = decode_bytes(data, str(path))
    return Document(text, encoding, path)
