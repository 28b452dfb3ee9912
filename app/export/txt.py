"""Plain-text export: UTF-8, one block per line.

Bytes of the source that were not valid UTF-8 (kept as U+DC80+byte, see
:mod:`app.document`) are written back as they were; no other lone surrogate can come
from a file, and one that does is written as U+FFFD.
"""

from __future__ import annotations

from pathlib import Path

from ..document import ESCAPED_BYTE, LONE_SURROGATE
from ..fsutil import atomic_write_text
from ..roles import Role, classify
from . import converter

INDENT = "\u3000\u3000"


def render_txt(text: str, options) -> str:
    lines = []
    convert = converter(options)
    for block in classify(text):
        body = convert(block.text)
        if options.indent and block.role is Role.PARAGRAPH:
            body = INDENT + body
        lines.append(body)
    sep = "\n\n" if options.blank_line_between else "\n"
    out = sep.join(lines) + ("\n" if lines else "")
    return out


def write_txt(text: str, target: str | Path, options, *, protect: Path | None = None) -> Path:
    rendered = render_txt(text, options)
    if LONE_SURROGATE.search(rendered):
        rendered = LONE_SURROGATE.sub(lambda m: m.group() if ESCAPED_BYTE.match(m.group()) else "\ufffd", rendered)
    return atomic_write_text(target, rendered, newline="\r\n" if options.crlf else "\n", errors="surrogateescape", protect=protect)
