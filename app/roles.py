"""Block roles in the cleaned text: headline, subtitle, section label, paragraph, byline.

The cleaned text holds one block per line. Roles drive the DOCX styles and the
window's outline; they are read from the text alone, so a hand-edited text gets roles
too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from . import patterns
from .text import SPACE_CHARS, ends_sentence, text_width


class Role(str, Enum):
    HEADLINE = "headline"
    SUBTITLE = "subtitle"
    LABEL = "label"
    PARAGRAPH = "paragraph"
    BYLINE = "byline"


@dataclass(frozen=True)
class Block:
    role: Role
    text: str
    start: int  # span in the cleaned text
    end: int


HEADING_MAX_WIDTH = 40


def classify(text: str) -> list[Block]:
    blocks: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        content = line.strip(SPACE_CHARS + "\r")  # CRLF texts: the CR is no content
        if not content:
            continue
        offset = line.index(content[0])
        prev = blocks[-1] if blocks else None
        after_body = prev is not None and prev.role is Role.PARAGRAPH and ends_sentence(prev.text)
        if patterns.is_section_label(content):
            role = Role.LABEL
        elif patterns.is_byline(content, bare_names=after_body):
            role = Role.BYLINE
        elif not ends_sentence(content) and text_width(content) <= HEADING_MAX_WIDTH:
            heading_above = prev is not None and prev.role in (Role.HEADLINE, Role.SUBTITLE)
            role = Role.SUBTITLE if heading_above else Role.HEADLINE
        else:
            role = Role.PARAGRAPH
        blocks.append(Block(role, content, start + offset, start + offset + len(content)))
    return blocks
