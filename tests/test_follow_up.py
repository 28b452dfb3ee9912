"""Follow-up fixes (app/follow_up.py): what only shows once the first fixes are applied
is folded into the first suggestion, so cleaning the suggested version again suggests
nothing. The folding itself is tested with a stand-in analysis (a rule that collapses
double spaces), the whole chain with the real rules."""

from __future__ import annotations

import re

from app.analyze import analyse_text
from app.engine import apply_fixes
from app.fixes import Category, Confidence, Edit, Fix
from app.follow_up import LONG_TEXT, MAX_ROUNDS, settle

from .helpers import default_fixes, suggested


def fix(rule: str, *edits: tuple[int, int, str], confidence=Confidence.SURE, message="m") -> Fix:
    return Fix(rule, tuple(Edit(*e) for e in edits), Category.SPACING, confidence, message, message)


def applied(f: Fix) -> bool:
    return f.confidence.applied_by_default


class DoubleSpaces:
    """A stand-in second analysis: every run of two spaces becomes one (SURE)."""

    def __init__(self):
        self.calls = 0

    def __call__(self, text: str) -> list[Fix]:
        self.calls += 1
        return [fix("spaces", (m.start(), m.end(), " "), message="double space") for m in re.finditer("  ", text)]


def test_a_follow_up_on_a_fixs_output_is_merged_into_one_decision():
    text = "a X b"
    first = [fix("drop-x", (2, 3, ""), message="drop X")]
    fixes, dropped = settle(text, first, applied, DoubleSpaces())
    assert dropped == []
    assert len(fixes) == 1
    merged = fixes[0]
    assert merged.rule == "drop-x"  # led by the first fix
    assert merged.edits == (Edit(1, 4, " "),)
    assert merged.message_en == "drop X; double space"
    assert apply_fixes(text, fixes).text == "a b"
    assert apply_fixes(text, []).text == text  # rejecting it gives the raw text back


def test_a_follow_up_on_unchanged_text_joins_as_it_is():
    text = "aX  b"
    first = [fix("drop-x", (1, 2, ""))]
    fixes, _ = settle(text, first, applied, DoubleSpaces())
    assert sorted((f.rule, f.edits) for f in fixes) == [("drop-x", (Edit(1, 2, ""),)), ("spaces", (Edit(2, 4, " "),))]
    # Accepting either alone is a sound edit of the raw text.
    assert apply_fixes(text, [fixes[1]]).text == "aX b"
    assert apply_fixes(text, fixes).text == "a b"


def test_a_question_in_the_way_of_a_follow_up_gives_way():
    text = "a X b"
    question = fix("ask", (1, 2, "_"), confidence=Confidence.DOUBTFUL)
    first = [fix("drop-x", (2, 3, "")), question]
    fixes, dropped = settle(text, first, applied, DoubleSpaces())
    assert dropped == [question]
    assert apply_fixes(text, [f for f in fixes if applied(f)]).text == "a b"


def test_an_insertion_where_a_fix_inserted_is_merged_with_it():
    text = "ab"
    first = [fix("insert", (1, 1, "  "))]

    def insert_after(t: str) -> list[Fix]:
        return [fix("other", (3, 3, "!"))] if t == "a  b" else []

    fixes, _ = settle(text, first, applied, insert_after)
    assert [f.edits for f in fixes] == [(Edit(1, 1, "  !"),)]


def test_a_question_never_takes_a_default_fix_with_it():
    # Accepting the question (drop X) would leave two spaces around where the default
    # fix dropped Y; a question cannot hold the default fix, so nothing is folded: the
    # suggested version stays as it was (a gap the README names).
    text = "a XY b"
    default = fix("drop-y", (3, 4, ""))
    question = fix("ask", (2, 3, ""), confidence=Confidence.DOUBTFUL)
    fixes, dropped = settle(text, [default, question], applied, DoubleSpaces())
    assert sorted(fixes) == sorted([default, question]) and dropped == []


def test_no_second_analysis_when_nothing_is_applied_by_default():
    analysis = DoubleSpaces()
    question = fix("ask", (0, 1, ""), confidence=Confidence.DOUBTFUL)
    settle("a  b", [], applied, analysis)
    assert analysis.calls == 0
    settle("x b", [question], applied, analysis)
    assert analysis.calls == 1  # the text with the question accepted is checked once


def test_rounds_are_bounded():
    calls = []

    def always_more(t: str) -> list[Fix]:
        calls.append(t)
        return [fix("grow", (len(t), len(t), "."))]

    settle("ab", [fix("first", (0, 1, "A"))], applied, always_more)
    assert len(calls) == MAX_ROUNDS
    # A long text gets one round: cascades on damaged text cannot multiply its cost.
    calls.clear()
    settle("a" * (LONG_TEXT + 1), [fix("first", (0, 1, "A"))], applied, always_more)
    assert len(calls) == 1


def test_follow_up_of_an_accepted_question_stays_a_question():
    # Accepting the question leaves two spaces; the follow-up is merged into it and is
    # itself a question, so the suggested version does not change.
    text = "a X b"
    question = fix("ask", (2, 3, ""), confidence=Confidence.DOUBTFUL, message="drop X?")
    fixes, _ = settle(text, [question], applied, DoubleSpaces())
    assert len(fixes) == 1 and not applied(fixes[0])
    assert apply_fixes(text, fixes).text == "a b"
    assert apply_fixes(text, [f for f in fixes if applied(f)]).text == text


# -- the real rules ------------------------------------------------------------------------


def test_a_control_character_before_a_line_start_space():
    # odd-char removes U+0012; the ideographic space after it is then at the line's start.
    text = "\x12\u3000城"
    assert suggested(text) == "城"
    result = analyse_text(text)
    assert {f.rule for f in result.fixes} == {"odd-char", "stray-space"}
    space = next(f for f in result.fixes if f.rule == "stray-space")
    assert "行首多余空白" in space.message_zh


def test_no_follow_up_on_clean_text_costs_no_second_analysis(monkeypatch):
    import app.analyze as analyze

    calls = []
    real = analyze._one_pass
    monkeypatch.setattr(analyze, "_one_pass", lambda *a: calls.append(1) or real(*a))
    analyse_text("会议强调，要转变作风。\n\n周靖\n")
    assert len(calls) == 1


def test_the_window_review_sees_the_follow_ups():
    from app.document import Document
    from app.session import ReviewSession

    text = "，\u200b\n开"
    session = ReviewSession(Document(text))
    assert session.cleaned == suggested(text)
    assert default_fixes(session.cleaned) == []
    session.reject_all()
    assert session.cleaned == text


class AllSpaces:
    """A stand-in second analysis: one fix deleting every space of the text (SURE)."""

    def __call__(self, text: str) -> list[Fix]:
        edits = [(m.start(), m.end(), "") for m in re.finditer(" ", text)]
        return [fix("spaces", *edits, message="no spaces")] if edits else []


def test_a_follow_up_with_several_edits_inside_one_fixs_output_is_one_edit():
    # Several edits of one follow-up land in the output of a single first-round edit:
    # each widens to that whole output, so they are merged into one edit, not dropped
    # as overlapping.
    text = "<AA BB CC>"
    first = [fix("undouble", (1, 9, "A B C"), message="undouble")]
    fixes, dropped = settle(text, first, applied, AllSpaces())
    assert dropped == [] and len(fixes) == 1
    assert fixes[0].edits == (Edit(1, 9, "ABC"),)
    assert fixes[0].message_en == "undouble; no spaces"
    assert apply_fixes(text, fixes).text == "<ABC>"


def test_a_headline_doubled_glyph_by_glyph_and_letter_spaced_reads_once_and_closed_up():
    # pdfminer writes a spread faux-bold headline as pairs with a space between them:
    # dup-glyph collapses the pairs, stray-space closes up the letter spacing left.
    text = "市委党校\n\n全全 力力 以以 赴赴 迎迎 战战 强强 降降 雨雨\n\n受强对流天气影响，我县普降大到暴雨。\n"
    assert suggested(text) == "市委党校\n\n全力以赴迎战强降雨\n\n受强对流天气影响，我县普降大到暴雨。\n"
