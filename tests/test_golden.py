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


def test_every_join_reason_has_a_chinese_message():
    """The review panel shows the reason in the editor's language: every reason the page
    analysis gives a join has its Chinese wording."""
    import re
    from pathlib import Path

    from app.rules import line_join

    source = Path(line_join.__file__).resolve().parents[1].joinpath("layout.py").read_text("utf-8")
    reasons = set(re.findall(r'return J, [^,]+, "([^"]+)"', source))
    assert reasons, "no join reasons found in app/layout.py"
    assert reasons <= set(line_join._REASONS_ZH), reasons - set(line_join._REASONS_ZH)
