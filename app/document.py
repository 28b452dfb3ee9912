"""Loading a text file: encoding detection, and the analysis view of the raw text.

The raw text is kept exactly as decoded, so that rejecting every fix gives it back.
Rules work on :attr:`Document.text`, where CRLF and CR line ends read as LF; their
fixes are mapped back to raw positions by :meth:`Document.to_raw_fix`.

Text extracted with ``pdftotext -layout`` (the page's columns side by side on each
line, which no line rule can rejoin) is recognised (:mod:`app.extractors`) and, unless
the editor asks to keep it as it is (``columns="keep"``), reviewed with its columns put
back in reading order (:mod:`app.columns`). That rearranged text then *is* the raw text
of the review: rejecting every fix gives it back byte for byte, a review file is
matched against its hash (the same on every opening: the rearrangement depends on the
text alone), and the file's own text is kept in :attr:`Document.rearranged_from`, with
:meth:`Document.file_offset` mapping positions back to it for line and column numbers.
A notice says so on opening. A plain extraction with pieces read out of order is
treated the same way (:mod:`app.block_order`).

A UTF-8 file with a few damaged bytes (a file cut in the middle of a character, an
encoded surrogate ``\xed\xa0\x80``, a stray Windows-1252 quote) is opened, not
refused: each byte that is not valid UTF-8 is kept in the raw text as the lone
surrogate U+DC80+byte (Python's ``surrogateescape``), so nothing is lost and a TXT
export writes the very same byte back. The document carries a warning naming where
they are, and the analysis view shows each as U+FFFD, which the rules know (odd-char
asks about it) and which every library accepts (OpenCC and Qt do not take lone
surrogates).
"""

from __future__ import annotations

import codecs
import hashlib
import re
import stat
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from .block_order import ORDER_KEPT_EN, ORDER_KEPT_ZH, block_order_notice, restore_block_order_of
from .columns import Restored, restore_columns
from .errors import UserError
from .extractors import LAYOUT_KEPT_EN, LAYOUT_KEPT_ZH, LAYOUT_WARNING_EN, LAYOUT_WARNING_ZH, columns_notice, looks_like_layout_mode
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

# The largest file ProofDesk reads at all (the command line). Measured: analysis costs
# about 1.8 s and 68 MB of memory per MB of text (50 MB: 88 s of CPU, 3.4 GB), so
# 100 MB needs about 7 GB of memory.
MAX_FILE_BYTES = 100 * 1024 * 1024
# The review window analyses on the thread that draws it, then shows both texts and a
# row per fix: above this it would not respond for half a minute or more. Larger files
# are refused there with a message pointing to splitting the file or to the command
# line (see README, "Robustness").
WINDOW_MAX_BYTES = 10 * 1024 * 1024
# A byte that is not valid UTF-8, as surrogateescape keeps it; any lone surrogate.
ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
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


class LoadWarning(UserError):
    """The file was opened, but the editor must know something about how it was read."""


# How a text out of reading order (columns side by side, pieces read too early) is
# loaded: "auto" puts it back in reading order, "keep" reviews the file as it is.
COLUMN_MODES = ("auto", "keep")


@dataclass
class Document:
    raw: str  # the text reviewed: rejecting every fix gives it back
    encoding: str = "UTF-8"
    path: Path | None = None
    # What the editor should know about how the file was read (shown on opening).
    warnings: list[LoadWarning] = field(default_factory=list)
    # What was done to the file's text on opening (not a problem; shown on opening).
    notices: list[LoadWarning] = field(default_factory=list)
    # The file's text looks like pdftotext -layout output (columns side by side).
    layout_mode: bool = False
    # A plain extraction with pieces read out of order, reviewed as it is by request.
    order_kept: bool = False
    # When raw is the file's text with its columns put back in reading order: the
    # file's own text, and the rearrangement (its report and its map to the file).
    rearranged_from: str | None = None
    restored: Restored | None = field(default=None, repr=False)
    # Filled in __post_init__.
    text: str = field(init=False)
    _cr_positions: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._analysis_view()
        if LONE_SURROGATE.search(self.text):
            # Same length, so positions are unchanged: rules see U+FFFD, never a surrogate.
            self.text = LONE_SURROGATE.sub("\ufffd", self.text)

    def _analysis_view(self) -> None:
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

    def hand_over(self, page) -> None:
        """Keep the layout analysis of this text made on opening (app.block_order) for
        the first review analysis, so a page is not measured twice."""
        if page.text == self.text:
            self._page = page

    def take_page(self):
        """The analysis handed over on opening, once (None after, or if there is none)."""
        return self.__dict__.pop("_page", None)

    @property
    def undecodable(self) -> list[int]:
        """Raw positions of the bytes that were not valid UTF-8 (kept as U+DC80+byte)."""
        return [m.start() for m in ESCAPED_BYTE.finditer(self.raw)]

    @property
    def sha256(self) -> str:
        """Hash of the reviewed text (what a saved review's positions refer to): for a
        rearranged document the rearranged text, the same on every opening."""
        return hashlib.sha256(self.raw.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def file_text(self) -> str:
        """The file's text as decoded (the raw text unless it was rearranged)."""
        return self.rearranged_from if self.rearranged_from is not None else self.raw

    @property
    def columns_kept(self) -> bool:
        """A text that would be put in reading order, reviewed as it is (by request):
        layout-mode text with its columns side by side, or a plain extraction with
        pieces out of order."""
        return (self.layout_mode or self.order_kept) and self.rearranged_from is None

    @property
    def reorderable(self) -> bool:
        """Opening the file in reading order changes the text (or would, if kept)."""
        return self.layout_mode or self.order_kept or self.rearranged_from is not None

    def file_offset(self, pos: int) -> int:
        """The offset in :attr:`file_text` of raw position *pos*."""
        return self.restored.to_source(pos) if self.restored is not None else pos

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


def _utf8_with_damage(data: bytes) -> tuple[str, int, int]:
    """Decode *data* as UTF-8 keeping undecodable bytes (surrogateescape); returns
    (text, damaged bytes, well-formed non-ASCII characters)."""
    text = data.decode("utf-8", "surrogateescape")
    bad = sum(1 for _ in ESCAPED_BYTE.finditer(text))
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return text, bad, non_ascii - bad


def _not_readable(source: str) -> LoadError:
    return LoadError(
        f"{source}: not readable as text in UTF-8, UTF-16, GB18030/GBK or Big5. "
        "If it is a PDF or Word file, extract its text first; otherwise re-save it as UTF-8.",
        f"{source}：无法按 UTF-8、UTF-16、GB18030/GBK 或 Big5 读取为文本。如果是 PDF 或 Word 文件，请先提取文字；否则请另存为 UTF-8。",
    )


def decode_bytes(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode *data*; returns (text, encoding name shown to the editor).

    UTF-8 with a few damaged bytes decodes with those bytes kept as U+DC80+byte
    (see the module's docstring): when it has ten times more well-formed non-ASCII
    characters than damaged bytes, or, when no legacy encoding fits either, more of
    them, or at most 1 % of damage. Latin-1 text, GB18030 or Big5 read as UTF-8 have
    far more damaged bytes than well-formed characters (GB18030: 4 to 1).
    """
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                if codec == "utf-8":
                    text, bad, good = _utf8_with_damage(data[len(bom) :])
                    if good >= 10 * bad or bad * 100 <= len(text):
                        return text, name
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
    text, bad, good = _utf8_with_damage(data)
    if good >= 10 * bad:
        return text, "UTF-8"
    best = from_bytes(data, cp_isolation=LEGACY_CANDIDATES).best()
    if best is None:
        # No legacy encoding fits either: UTF-8 it is, if it mostly is.
        if good >= bad or bad * 100 <= len(text):
            return text, "UTF-8"
        raise _not_readable(source)
    name = DISPLAY_NAMES.get(best.encoding, best.encoding)
    return str(best), name


def damage_warning(raw: str, source: str) -> LoadWarning | None:
    """The warning for bytes kept undecoded in *raw*, naming where the first few are."""
    positions = [m.start() for m in ESCAPED_BYTE.finditer(raw)]
    if not positions:
        return None
    starts = [0] + [m.end() for m in re.finditer("\r\n|\r|\n", raw)]
    places_en, places_zh = [], []
    lines = sorted({bisect_right(starts, pos) for pos in positions})
    for line in lines[:3]:
        first = positions[bisect_left(positions, starts[line - 1])]
        col = first - starts[line - 1] + 1
        places_en.append(f"line {line}, column {col}")
        places_zh.append(f"第 {line} 行第 {col} 列")
    more = len(lines) > 3
    where_en = "; ".join(places_en) + (" …" if more else "")
    where_zh = "；".join(places_zh) + ("……" if more else "")
    n = len(positions)
    return LoadWarning(
        f"{source}: {n} byte{'s' if n != 1 else ''} of this UTF-8 file {'are' if n != 1 else 'is'} not valid UTF-8 ({where_en}). "
        "They are kept exactly as they were: shown as �, listed under “Invisible and odd characters”, and written back unchanged to a TXT export "
        "(a Word file cannot hold them). Check those places against the printed page.",
        f"{source}：这个 UTF-8 文件中有 {n} 个字节不是有效的 UTF-8（{where_zh}）。这些字节原样保留：显示为 �，列在“不可见及异常字符”中，"
        "导出 TXT 时原样写回（Word 文件无法容纳）。请对照原版核对这些位置。",
    )


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


def _too_big(path: Path, size: int, for_window: bool) -> LoadError:
    mb = size / (1024 * 1024)
    if not for_window:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return LoadError(
            f"{path}: {mb:.0f} MB is more than ProofDesk reads ({limit} MB; analysis takes about 70 MB of memory per MB of text). Split the file and check the parts.",
            f"{path}：文件有 {mb:.0f} MB，超过 ProofDesk 可读取的上限（{limit} MB；分析每 MB 文字约需 70 MB 内存）。请拆分后分别检查。",
        )
    limit = WINDOW_MAX_BYTES // (1024 * 1024)
    seconds = 2.2 * mb  # measured: 10 MB take 21.5 s until the window responds
    wait_en = f"about {seconds / 60:.0f} minutes" if seconds >= 90 else f"about {seconds:.0f} seconds"
    wait_zh = f"约 {seconds / 60:.0f} 分钟" if seconds >= 90 else f"约 {seconds:.0f} 秒"
    return LoadError(
        f"{path}: {mb:.0f} MB is more than the review window opens ({limit} MB): it would not respond for {wait_en} while the text is analysed. "
        "A page or an edition is well under 1 MB: split the file and open the parts, or run “proofdesk check” or “proofdesk clean” on the whole file.",
        f"{path}：文件有 {mb:.0f} MB，超过校对窗口可打开的上限（{limit} MB）：分析期间窗口将{wait_zh}无法响应。"
        "一个版面或一期报纸的文字远小于 1 MB：请拆分后分别打开，或对整个文件使用“proofdesk check”或“proofdesk clean”命令。",
    )


def load_document(path: str | Path, *, for_window: bool = False, columns: str = "auto") -> Document:
    """Read and decode a text file; raises LoadError with a message for the editor.

    The review window (*for_window*) opens up to WINDOW_MAX_BYTES, the command line up
    to MAX_FILE_BYTES. A text out of reading order (layout-mode columns, pieces of a plain
    extraction read too early) is reviewed put back in order unless *columns* is "keep"
    (see the module's docstring)."""
    if columns not in COLUMN_MODES:
        raise ValueError(f"columns must be one of {COLUMN_MODES}, not {columns!r}")
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file. Check the path and try again.", f"{path}：文件不存在。请检查路径后重试。") from None
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror}).", f"{path}：无法读取（{exc.strerror}）。") from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(f"{path}: is a folder, not a text file.", f"{path}：这是文件夹，不是文本文件。")
    if not stat.S_ISREG(info.st_mode):
        # A device, a pipe or a socket: reading it may never end.
        raise LoadError(f"{path}: is not a regular file (a device, pipe or socket). Save the text to a file and open that.", f"{path}：不是普通文件（设备、管道或套接字）。请先把文字保存为文件再打开。")
    size = info.st_size
    max_bytes = WINDOW_MAX_BYTES if for_window else MAX_FILE_BYTES
    if size > max_bytes:
        raise _too_big(path, size, for_window)
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise LoadError(f"{path}: permission denied. Check that you may read the file.", f"{path}：没有读取权限。请检查文件权限。") from None
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror or exc}).", f"{path}：无法读取（{exc.strerror or exc}）。") from None
    if len(data) > max_bytes:
        raise LoadError(f"{path}: the file grew while it was read. Wait until it is complete and open it again.", f"{path}：读取过程中文件仍在变大。请等文件写完后再打开。")
    kind = looks_binary(data)
    if kind:
        raise LoadError(
            f"{path}: this is {kind}, not a text file. Extract its text first (for a PDF, e.g. with PyMuPDF or pdftotext) and open the .txt.",
            f"{path}：这是{_KIND_ZH.get(kind, kind)}，不是文本文件。请先提取文字（PDF 可用 PyMuPDF 或 pdftotext），再打开 .txt 文件。",
        )
    text, encoding = decode_bytes(data, str(path))
    warnings = []
    damaged = damage_warning(text, str(path)) if encoding.startswith("UTF-8") else None
    if damaged:
        warnings.append(damaged)
    if not looks_like_layout_mode(text):
        # A plain extraction: pieces read out of order go back.
        doc = Document(text, encoding, path, warnings)
        reordered, page = restore_block_order_of(doc)
        doc.hand_over(page)  # reviewed as it is, it is not measured again
        if reordered is None:
            return doc
        if columns == "keep":
            doc.warnings.append(LoadWarning(f"{path}: {ORDER_KEPT_EN}", f"{path}：{ORDER_KEPT_ZH}"))
            doc.order_kept = True
            return doc
        en, zh = block_order_notice(reordered.report)
        notice = LoadWarning(f"{path}: {en}", f"{path}：{zh}")
        return Document(reordered.text, encoding, path, warnings, [notice], rearranged_from=text, restored=reordered)
    if columns == "keep":
        warnings.append(LoadWarning(f"{path}: {LAYOUT_KEPT_EN}", f"{path}：{LAYOUT_KEPT_ZH}"))
        return Document(text, encoding, path, warnings, layout_mode=True)
    restored = restore_columns(text)
    if not restored.changed:
        # Gutters, but no column found to put in order: say what it looks like.
        warnings.append(LoadWarning(f"{path}: {LAYOUT_WARNING_EN}", f"{path}：{LAYOUT_WARNING_ZH}"))
        return Document(text, encoding, path, warnings, layout_mode=True)
    en, zh = columns_notice(restored.report)
    notice = LoadWarning(f"{path}: {en}", f"{path}：{zh}")
    return Document(restored.text, encoding, path, warnings, [notice], layout_mode=True, rearranged_from=text, restored=restored)
