"""The review session: decisions, undo/redo, hand edits, saved reviews."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.document import Document, load_document
from app.session import Decision, ReviewFileError, ReviewSession, load_review, review_path_for

from .conftest import SAMPLE


@pytest.fixture(scope="module")
def sample_doc():
    return load_document(SAMPLE)


@pytest.fixture
def session(sample_doc):
    return ReviewSession(sample_doc)


def patched(text, change):
    for d in change.deltas:
        text = text[: d.start] + d.text + text[d.end :]
    return text


def test_one_decision_is_one_undo_step_and_deltas_patch_the_text(session):
    start = session.cleaned
    fix = next(f for f in session.fixes if f.rule == "byline")
    change = session.reject([fix.id])
    assert change.fix_ids == {fix.id}
    assert patched(start, change) == session.cleaned
    assert "队伍。 周靖" in session.cleaned
    undo = session.undo()
    assert session.cleaned == start and patched(patched(start, change), undo) == start
    session.redo()
    assert "队伍。 周靖" in session.cleaned


def test_accept_all_of_a_kind_is_one_step(session):
    start = session.cleaned
    session.reject_rule("line-join")
    assert session.counts()["rejected"] == len(session.fixes_of_rule("line-join"))
    assert session.undo_text == "reject all line-join"
    session.undo()
    assert session.cleaned == start and not session.can_undo


def test_reject_all_is_raw_and_accept_all_is_everything(session, sample_doc):
    session.reject_all()
    assert session.cleaned == sample_doc.raw
    session.accept_all()
    assert "法安衢江我心向党" in session.cleaned  # the questions were accepted too


def test_hand_edit_survives_decisions_undo_and_save(session, sample_doc, tmp_path):
    i = session.cleaned.index("林蕙")
    session.edit_cleaned(i, i + 2, "林某某")
    assert "林某某主持" in session.cleaned
    session.reject_rule("stray-space")
    session.accept_rule("stray-space")
    assert "林某某主持" in session.cleaned
    path = tmp_path / "review.json"
    session.save_review(path)
    again = ReviewSession(sample_doc)
    again.restore(load_review(path))
    assert again.cleaned == session.cleaned
    session.undo()
    session.undo()
    session.undo()
    assert "林蕙主持" in session.cleaned


def test_hand_edit_over_an_applied_fix_absorbs_it(session):
    clean = session.cleaned
    i = clean.index("区委组织部\n6月27日")
    # Replace the moved label and the first characters after it.
    change = session.edit_cleaned(i, i + 6, "组织部讯：")
    assert session.cleaned.startswith(clean[:i] + "组织部讯：")
    moved = next(f for f in session.fixes if f.rule == "section-label" and "区委组织部" in f.message_zh)
    assert session.decisions[moved.id] is Decision.SUPERSEDED
    assert moved.id in change.fix_ids
    # The deletion half of the move is kept as a hand edit: the label is not back at the end.
    assert session.cleaned.count("区委组织部\n") == 0
    session.undo()
    assert session.cleaned == clean


def test_review_for_a_changed_document_is_refused(sample_doc, tmp_path):
    s = ReviewSession(sample_doc)
    s.reject_all()
    data = s.to_json()
    other = ReviewSession(Document(sample_doc.raw + "新增一行。\n"))
    with pytest.raises(ReviewFileError, match="changed"):
        other.restore(data)
    with pytest.raises(ReviewFileError):
        other.restore({"format": "something else"})
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(ReviewFileError, match="unreadable"):
        load_review(bad)


def test_review_file_name():
    assert review_path_for("/a/b/page.txt").name == "page.txt.proofdesk-review.json"


def test_saved_review_is_versioned_json(session, tmp_path):
    session.reject(session.fixes[0].id for _ in [0])
    path = session.save_review(tmp_path / "r.json")
    data = json.loads(path.read_text("utf-8"))
    assert data["format"] == "proofdesk-review" and data["version"] == 1
    assert data["document"]["sha256"] == session.document.sha256
    assert list(data["decisions"].values()) == ["rejected"]


intents = st.lists(
    st.tuples(st.sampled_from(["accept", "reject", "toggle", "rule", "all", "undo", "redo", "edit"]), st.integers(0, 10_000), st.text(alphabet="新编辑 ，", max_size=3)),
    max_size=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(intents)
def test_random_intents_keep_session_consistent(sample_doc, steps):
    s = ReviewSession(sample_doc)
    initial = s.cleaned
    done = 0
    for kind, n, text in steps:
        before = s.cleaned
        if kind == "undo":
            change = s.undo()
            done -= bool(change or s.can_redo)
        elif kind == "redo":
            change = s.redo()
        else:
            fid = s.fixes[n % len(s.fixes)].id
            if kind == "accept":
                change = s.accept([fid])
            elif kind == "reject":
                change = s.reject([fid])
            elif kind == "toggle":
                change = s.toggle(fid)
            elif kind == "rule":
                change = s.reject_rule(s.fixes[n % len(s.fixes)].rule)
            elif kind == "all":
                change = s.accept_all()
            else:
                pos = n % (len(before) + 1)
                change = s.edit_cleaned(pos, min(len(before), pos + n % 3), text)
        # The window patches its pane with the deltas: they must give the new text.
        assert patched(before, change) == s.cleaned
    while s.can_undo:
        s.undo()
    assert s.cleaned == initial
