"""Export the cleaned text: plain text (:mod:`.txt`) and Word (:mod:`.docx`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..fsutil import WriteError


@dataclass
class ExportOptions:
    # TXT
    blank_line_between: bool = False
    indent: bool = False  # two ideographic spaces before each body paragraph
    crlf: bool = False
    # DOCX fonts (East Asian / Latin) per role
    fonts: dict[str, tuple[str, str]] = field(
        default_factory=lambda: {
            "headline": ("黑体", "Arial"),
            "subtitle": ("楷体", "Arial"),
            "label": ("黑体", "Arial"),
            "paragraph": ("宋体", "Times New Roman"),
            "byline": ("楷体", "Times New Roman"),
        }
    )
    # Simplified → Traditional conversion on export, an OpenCC config name or None.
    convert: str | None = None


def export(text: str, target: str | Path, options: ExportOptions | None = None, *, protect: Path | None = None) -> Path:
    """Write *text* to *target*, choosing the format by its extension."""
    from . import docx, txt

    options = options or ExportOptions()
    suffix = Path(target).suffix.lower()
    if suffix == ".docx":
        return docx.write_docx(text, target, options, protect=protect)
    if suffix in (".txt", ".text", ""):
        return txt.write_txt(text, target, options, protect=protect)
    raise WriteError(f"{target}: unknown export format {suffix!r}; use .txt or .docx.")
