"""Conflicts between fixes of different rules: priorities, and questions against fixes
applied by default (the suggested version must be clean on a second pass)."""

from __future__ import annotations

from app.analyze import resolve_conflicts
from app.fixes import Category, Confidence, Edit, Fix
from app.settings import default_settings


def _fix(rule: str, start: int, end: int, confidence: Confidence) -> Fix:
    return Fix(rule, (Edit(start, end, ""),), Category.SPACING, confidence, "测试", "test")


def test_higher_priority_default_fix_wins():
    label = _fix("section-label", 2, 5, Confidence.LIKELY)
    space = _fix("stray-space", 3, 4, Confidence.SURE)
    kept, dropped = resolve_conflicts([space, label], default_settings())
    assert kept == [label] and dropped == [space]


def test_a_question_never_displaces_a_default_fix():
    question = _fix("section-label", 2, 5, Confidence.DOUBTFUL)
    space = _fix("stray-space", 3, 4, Confidence.SURE)
    elsewhere = _fix("byline", 10, 11, Confidence.DOUBTFUL)
    kept, dropped = resolve_conflicts([question, space, elsewhere], default_settings())
    assert kept == [space, elsewhere] and dropped == [question]
