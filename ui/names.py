"""What the interface calls the core's categories, confidences, decisions and undo
steps, in the interface language."""

from __future__ import annotations

from app.analyze import RULES
from app.fixes import Category, Confidence
from app.session import Decision

from .qt import QT_TRANSLATE_NOOP, translate

# Each rule repairs one category; the window speaks of kinds, the core of rules.
RULE_OF_CATEGORY: dict[Category, str] = {module.CATEGORY: rid for rid, module in RULES.items()}
CATEGORY_OF_RULE: dict[str, Category] = {rid: cat for cat, rid in RULE_OF_CATEGORY.items()}
REVIEW_CATEGORIES: list[Category] = [c for c in Category if c in RULE_OF_CATEGORY]

_CATEGORY = {
    Category.DUPLICATE: QT_TRANSLATE_NOOP("Names", "Doubled glyphs"),
    Category.LINE_BREAK: QT_TRANSLATE_NOOP("Names", "Line breaks"),
    Category.SPACING: QT_TRANSLATE_NOOP("Names", "Spacing"),
    Category.BYLINE: QT_TRANSLATE_NOOP("Names", "Bylines"),
    Category.LABEL: QT_TRANSLATE_NOOP("Names", "Section labels"),
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


def rule_name(rule: str) -> str:
    category = CATEGORY_OF_RULE.get(rule)
    return category_name(category) if category else rule


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
