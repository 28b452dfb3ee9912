"""Golden cases per rule (tests/golden/<rule-id>.json): positive cases must become the
expected text with that rule alone at its default decisions; negative cases (real text
that must stay unchanged) must come out byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.analyze import RULES

from .helpers import only, suggested

GOLDEN = Path(__file__).parent / "golden"


def _cases(kind: str):
    for path in sorted(GOLDEN.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        for case in data[kind]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}:{case['name']}")


def test_every_rule_has_golden_cases():
    assert {p.stem for p in GOLDEN.glob("*.json")} == set(RULES)


@pytest.mark.parametrize("rule,case", list(_cases("positive")))
def test_positive(rule, case):
    assert suggested(case["input"], only(rule)) == case["expected"]


@pytest.mark.parametrize("rule,case", list(_cases("negative")))
def test_negative(rule, case):
    assert suggested(case["input"], only(rule)) == case["input"]


@pytest.mark.parametrize("rule,case", list(_cases("positive")))
def test_positive_is_idempotent(rule, case):
    assert suggested(case["expected"], only(rule)) == case["expected"]
