"""Category colours, chosen to stay legible behind black text on white and to tell
apart at a glance (orange, blue, green, purple, rose, teal, slate, olive; yellow for
hand edits).

``light`` fills a highlighted span, ``medium`` fills the current issue, ``strong``
draws markers, underlines and outlines.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.fixes import Category


@dataclass(frozen=True)
class CategoryColor:
    light: str
    medium: str
    strong: str


CATEGORY_COLORS: dict[Category, CategoryColor] = {
    Category.DUPLICATE: CategoryColor("#ffe2bf", "#ffc078", "#d96a00"),
    Category.LINE_BREAK: CategoryColor("#d9e8ff", "#a9c8ff", "#1c64d8"),
    Category.SPACING: CategoryColor("#d4f1dc", "#9fe0b1", "#1b8f45"),
    Category.BYLINE: CategoryColor("#eddcfc", "#d2b0f5", "#8339c9"),
    Category.LABEL: CategoryColor("#ffdbe7", "#ffadc8", "#cc2f66"),
    Category.PUNCTUATION: CategoryColor("#cdf1ee", "#8edbd3", "#0d8277"),
    Category.CHARACTERS: CategoryColor("#e0e5ee", "#b8c3d6", "#475a7a"),
    Category.WORDING: CategoryColor("#edf4c8", "#d6e68c", "#667a00"),
    Category.MANUAL: CategoryColor("#fff1a6", "#ffe066", "#a67c00"),
}

# Neutral colours of the chrome.
REJECTED = "#9aa0a6"  # a declined fix: grey dotted underline
MIRROR_SELECTION = "#cfd8e3"  # the other pane's counterpart of a selection
GUTTER_BACKGROUND = "#f6f7f9"
GUTTER_LINE = "#e3e6ea"
PANE_HEADER = "#4a5563"
SUBTLE_TEXT = "#5f6b7a"
DIFF_DELETED_BG = "#ffe0e0"
DIFF_DELETED_FG = "#b3261e"
DIFF_INSERTED_BG = "#d9f5df"
DIFF_INSERTED_FG = "#146c2e"


def color_for(category: Category) -> CategoryColor:
    return CATEGORY_COLORS[category]
