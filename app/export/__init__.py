"""Export the cleaned text: plain text (:mod:`.txt`) and Word (:mod:`.docx`).

On request the export is converted to Traditional Chinese with OpenCC
(:attr:`ExportOptions.convert`): ``s2t`` (OpenCC's standard forms), ``s2twp`` (Taiwan
standard with Taiwan phrasing: 软件 → 軟體) or ``s2hk`` (Hong Kong standard). Block
roles are read from the simplified text, then each block is converted, so a byline or
label is recognised whatever the target. OpenCC leaves punctuation alone; on request
(:attr:`ExportOptions.corner_quotes`) the quotation marks become the corner brackets
Taiwan and Hong Kong use (“‘…’” → 「『…』」).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..document import LONE_SURROGATE
from ..fsutil import WriteError

_SURROGATE_RUNS = re.compile("([\ud800-\udfff]+)")


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
    # “ ” and ‘ ’ written as 「 」 and 『 』 (Traditional typesetting in Taiwan and Hong Kong).
    corner_quotes: bool = False


# OpenCC configurations offered for export, with the language tag Word gets.
CONVERSIONS = {"s2t": "zh-TW", "s2tw": "zh-TW", "s2twp": "zh-TW", "s2hk": "zh-HK"}


@lru_cache(maxsize=None)
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


# A right single quotation mark between two letters or digits is an apostrophe (Xi’an,
# don’t), not the end of a nested quotation.
_SINGLE_QUOTE = re.compile(r"(?<![A-Za-z0-9])’|’(?![A-Za-z0-9])|‘")
_DOUBLE_QUOTES = str.maketrans({"“": "「", "”": "」"})


def corner_quotes(text: str) -> str:
    """Curly quotation marks as corner brackets: “ ” → 「 」, ‘ ’ → 『 』; an apostrophe
    inside a Latin word stays (``“他去了Xi’an”`` → ``「他去了Xi’an」``)."""
    text = text.translate(_DOUBLE_QUOTES)
    return _SINGLE_QUOTE.sub(lambda m: "『" if m.group() == "‘" else "』", text)


def converter(options: "ExportOptions") -> Callable[[str], str]:
    """The text conversion the export applies (the identity when there is none)."""
    script = _script_converter(options)
    if not options.corner_quotes:
        return script
    return lambda text: corner_quotes(script(text))


def _script_converter(options: "ExportOptions") -> Callable[[str], str]:
    """Simplified → Traditional as *options* asks (the identity when it does not)."""
    if not options.convert:
        return str
    if options.convert not in CONVERSIONS:
        raise WriteError(
            f"unknown conversion {options.convert!r}; use one of {', '.join(CONVERSIONS)}.",
            f"未知的转换方式 {options.convert!r}，可用：{'、'.join(CONVERSIONS)}。",
        )
    convert = _opencc(options.convert).convert

    def safe(text: str) -> str:
        # OpenCC takes UTF-8: lone surrogates (undecodable source bytes) pass around it.
        if not LONE_SURROGATE.search(text):
            return convert(text)
        return "".join(p if LONE_SURROGATE.match(p) else convert(p) for p in _SURROGATE_RUNS.split(text) if p)

    return safe


def export(text: str, target: str | Path, options: ExportOptions | None = None, *, protect: Path | None = None) -> Path:
    """Write *text* to *target*, choosing the format by its extension (and converting
    it to Traditional Chinese if ``options.convert`` says so)."""
    from . import docx, txt

    options = options or ExportOptions()
    converter(options)  # an unknown conversion is refused before anything is written
    suffix = Path(target).suffix.lower()
    if suffix == ".docx":
        return docx.write_docx(text, target, options, protect=protect)
    if suffix in (".txt", ".text", ""):
        return txt.write_txt(text, target, options, protect=protect)
    raise WriteError(f"{target}: unknown export format {suffix!r}; use .txt or .docx.", f"{target}：不支持的导出格式 {suffix!r}，请使用 .txt 或 .docx。")
