"""Awkward input files, written into a folder: the input classes the robustness tests
run through the command line (tests/test_robustness.py) and the window
(tests/ui/test_robustness.py)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "sample-page.txt"

# A short page with an issue next to each kind of line end.
MIXED_EOL = (
    "践践行行““八八八八战战略略””\r\n"
    "会议强调，要转变作风，强化\r\n"
    "\r\n"
    "落实， 把讲政治体现到贯彻落实\n"
    "中去，把守规矩融入到行动中去\r"
    "推动宣传工作全面过硬。 周靖\r\n"
    "\r"
    "区委组织部\r"
)

# A UTF-8 encoded surrogate (U+D800, invalid in UTF-8) and a Windows-1252 quote byte.
DAMAGED = "会议强调，要转变作风，".encode() + b"\xed\xa0\x80" + "强化落实。\n".encode() + "他说：".encode() + b"\x93" + "好\n".encode()


def sample_text() -> str:
    return SAMPLE.read_text("utf-8")


def empty(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path


def big(folder: Path, megabytes: int = 50) -> Path:
    """The sample page repeated to *megabytes* MB (a real text file, not sparse)."""
    page = SAMPLE.read_bytes()
    copies = megabytes * 1_000_000 // len(page) + 1
    path = folder / f"big-{megabytes}mb.txt"
    with open(path, "wb") as fh:
        for _ in range(copies):
            fh.write(page)
    return path


def sparse(folder: Path, size: int) -> Path:
    """A file of *size* bytes that takes no room on disk (only its size is read)."""
    path = folder / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(size)
    return path


def with_nul(folder: Path) -> tuple[Path, str]:
    """The sample page with NUL bytes: inside a word, and a line of them."""
    lines = sample_text().split("\n")
    lines[3] = lines[3][:5] + "\x00" + lines[3][5:]
    lines.insert(8, "\x00\x00\x00")
    text = "\n".join(lines)
    path = folder / "nul.txt"
    path.write_bytes(text.encode("utf-8"))
    return path, text


def damaged_utf8(folder: Path) -> Path:
    path = folder / "damaged.txt"
    path.write_bytes(DAMAGED)
    return path


def long_line(folder: Path, size: int = 1_000_000) -> tuple[Path, str]:
    """One line of about *size* bytes of newspaper text (every line break removed)."""
    flat = sample_text().replace("\n", "")
    text = (flat * (size // len(flat.encode("utf-8")) + 1))
    text = text.encode("utf-8")[:size].decode("utf-8", "ignore") + "\n"
    path = folder / "one-line.txt"
    path.write_bytes(text.encode("utf-8"))
    return path, text


def mixed_eol(folder: Path) -> Path:
    path = folder / "mixed-eol.txt"
    path.write_bytes(MIXED_EOL.encode("utf-8"))
    return path


def pdf(folder: Path) -> Path:
    """A small but complete PDF (one page, one line of text), named .txt."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = b"BT /F1 12 Tf 20 50 Td (page one) Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path = folder / "scan.txt"
    path.write_bytes(bytes(out))
    return path


def docx(folder: Path) -> Path:
    """A real Word document (python-docx), named .txt."""
    import docx as python_docx

    doc = python_docx.Document()
    doc.add_paragraph("会议强调，要转变作风，强化落实。")
    path = folder / "article.txt"
    doc.save(str(path))
    return path


def fifo(folder: Path) -> Path | None:
    """A named pipe: reading it would wait forever for a writer."""
    if not hasattr(os, "mkfifo"):
        return None
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def not_a_folder(folder: Path) -> Path:
    """A path through a file as if it were a folder (unreadable even for root)."""
    (folder / "plain.txt").write_text("x", "utf-8")
    return folder / "plain.txt" / "page.txt"


def positions_by_line(raw: str) -> list[int]:
    """Raw offset of the start of each line, every kind of line end counted."""
    starts, pos = [0], 0
    for line in raw.splitlines(keepends=True):
        pos += len(line)
        starts.append(pos)
    return starts
