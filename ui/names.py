"""What the interface calls the core's categories, confidences, decisions and undo
steps, in the interface language."""

from __future__ import annotations

from app.analyze import RULES
from app.fixes import Category, Confidence
from app.session import Decision

from .qt import QT_TRANSLATE_NOOP, translate

# Each rule repairs one category, a category may hold several rules (spacing: stray
# spaces and the web style's missing ones); the window filters by kind.
CATEGORY_OF_RULE: dict[str, Category] = {rid: module.CATEGORY for rid, module in RULES.items()}
RULES_OF_CATEGORY: dict[Category, list[str]] = {}
for _rid, _category in CATEGORY_OF_RULE.items():
    RULES_OF_CATEGORY.setdefault(_category, []).append(_rid)
REVIEW_CATEGORIES: list[Category] = [c for c in Category if c in RULES_OF_CATEGORY]

_CATEGORY = {
    Category.DUPLICATE: QT_TRANSLATE_NOOP("Names", "Doubled glyphs"),
    Category.LINE_BREAK: QT_TRANSLATE_NOOP("Names", "Line breaks"),
    Category.SPACING: QT_TRANSLATE_NOOP("Names", "Spacing"),
    Category.BYLINE: QT_TRANSLATE_NOOP("Names", "Bylines"),
    Category.LABEL: QT_TRANSLATE_NOOP("Names", "Section labels"),
    Category.PUNCTUATION: QT_TRANSLATE_NOOP("Names", "Punctuation"),
    Category.CHARACTERS: QT_TRANSLATE_NOOP("Names", "Characters"),
    Category.WORDING: QT_TRANSLATE_NOOP("Names", "Word list"),
    Category.MANUAL: QT_TRANSLATE_NOOP("Names", "Hand edits"),
}
_CONFIDENCE = {
    Confidence.SURE: QT_TRANSLATE_NOOP("Names", "sure"),
    Confidence.LIKELY: QT_TRANSLATE_NOOP("Names", "likely"),
    Confidence.DOUBTFUL: QT_TRANSLATE_NOOP("Names", "doubtful"),
}
_DECISION = {
    Decision.PENDING: QT_TRANSLATE_NOOP("Names", "pending"),
    Decision.ACCEPTED: QT_TRANSLATE_NOOP("Names", "accepted"),
    Decision.REJECTED: QT_TRANSLATE_NOOP("Names", "rejected"),
    Decision.SUPERSEDED: QT_TRANSLATE_NOOP("Names", "overridden by a hand edit"),
}


def category_name(category: Category) -> str:
    return translate("Names", _CATEGORY[category])


# Rules that share their category with another are named on their own.
_RULE = {
    "stray-space": QT_TRANSLATE_NOOP("Names", "Stray spaces"),
    "cjk-latin-space": QT_TRANSLATE_NOOP("Names", "Spaces between Chinese and Latin (web)"),
    "punct-width": QT_TRANSLATE_NOOP("Names", "Punctuation width"),
    "quote-pairs": QT_TRANSLATE_NOOP("Names", "Quotes and brackets"),
    "odd-char": QT_TRANSLATE_NOOP("Names", "Invisible and odd characters"),
    "trad-simp": QT_TRANSLATE_NOOP("Names", "Traditional and simplified characters"),
}


def rule_name(rule: str) -> str:
    category = CATEGORY_OF_RULE.get(rule)
    if category is None:
        return rule
    if rule in _RULE and len(RULES_OF_CATEGORY[category]) > 1:
        return translate("Names", _RULE[rule])
    return category_name(category)


def confidence_name(confidence: Confidence) -> str:
    return translate("Names", _CONFIDENCE[confidence])


def decision_name(decision: Decision) -> str:
    return translate("Names", _DECISION[decision])


def state_name(decision: Decision, applied: bool) -> str:
    """A pending fix reads as what the suggested text does with it."""
    if decision is Decision.PENDING:
        return translate("Names", "suggested") if applied else translate("Names", "question")
    return decision_name(decision)


def step_name(description: str) -> str:
    """The session's undo-step description, for the Undo/Redo menu items."""
    simple = {
        "accept": translate("Names", "Accept"),
        "reject": translate("Names", "Reject"),
        "toggle": translate("Names", "Toggle"),
        "reset": translate("Names", "Reset"),
        "edit": translate("Names", "Hand edit"),
        "accept all": translate("Names", "Accept all"),
        "reject all": translate("Names", "Reject all"),
    }
    if description in simple:
        return simple[description]
    for prefix, text in (
        ("accept all ", translate("Names", "Accept all: %1")),
        ("reject all ", translate("Names", "Reject all: %1")),
        ("turn off ", translate("Names", "Turn off: %1")),
    ):
        if description.startswith(prefix):
            return text.replace("%1", rule_name(description[len(prefix) :]))
    return description
