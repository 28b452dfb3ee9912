"""Small helpers shared by the tests."""

from __future__ import annotations

from app.analyze import RULES, analyse_text
from app.engine import apply_fixes
from app.settings import default_settings


def only(rule: str):
    settings = default_settings()
    for rid in RULES:
        settings.rule(rid).enabled = rid == rule
    return settings


def suggested(text: str, settings=None) -> str:
    """The suggested cleaned version: every fix at its default decision."""
    result = analyse_text(text, settings)
    return apply_fixes(text, [f for f in result.fixes if f.id in result.applied_by_default]).text


def default_fixes(text: str, settings=None):
    result = analyse_text(text, settings)
    return [f for f in result.fixes if f.id in result.applied_by_default]
