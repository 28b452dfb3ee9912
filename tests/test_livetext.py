"""The live cleaned text (Fenwick tree over slots) agrees with applying the fixes from
scratch, position for position, under any sequence of toggles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine import apply_fixes
from app.fixes import Category, Confidence, Edit, Fix
from app.livetext import LiveText

TEXT = "践行八八战略，投身两个先行。\n会议强调，要转变作风，强化\n\n落实。 周靖\n区委组织部\n"


@st.composite
def fixes_and_toggles(draw):
    """Non-overlapping fixes over TEXT (deletions, replacements, insertions, and moves
    made of two edits), then a sequence of toggles."""
    cuts = sorted(draw(st.lists(st.integers(0, len(TEXT)), min_size=2, max_size=24, unique=True)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        edits.append(Edit(a, b if draw(st.booleans()) else a, draw(st.text(alphabet="新 \n。", max_size=3))))
    edits = [e for e in edits if not (e.is_insertion and not e.replacement)]
    fixes, i = [], 0
    while i < len(edits):
        take = 2 if i + 1 < len(edits) and draw(st.booleans()) else 1
        fixes.append(Fix("t", tuple(edits[i : i + take]), Category.SPACING, Confidence.SURE, str(i), str(i)))
        i += take
    applied = {f.id for f in fixes if draw(st.booleans())}
    toggles = draw(st.lists(st.integers(0, max(0, len(fixes) - 1)), max_size=12)) if fixes else []
    return fixes, applied, toggles


@settings(max_examples=300, deadline=None)
@given(fixes_and_toggles())
def test_live_text_equals_batch_application(case):
    fixes, applied, toggles = case
    live = LiveText(TEXT, fixes, applied)
    state = set(applied)
    for n in toggles:
        fid = fixes[n].id
        on = fid not in state
        old = live.text
        splices = live.set_applied(fid, on)
        (state.add if on else state.discard)(fid)
        # The splices turn the old text into the new one, applied in the order given.
        for start, end, new in splices:
            old = old[:start] + new + old[end:]
        assert old == live.text
    batch = apply_fixes(TEXT, [f for f in fixes if f.id in state])
    assert live.text == batch.text
    for p in range(len(TEXT) + 1):
        assert live.raw_to_clean(p) == batch.offsets.raw_to_clean(p)
    for q in range(len(batch.text) + 1):
        assert live.clean_to_raw(q) == batch.offsets.clean_to_raw(q)
    for f in fixes:
        assert live.clean_spans(f.id) == batch.offsets.clean_spans(f.id)
    # Changed segments found by position are those of the batch, in order.
    changed = [s for s in batch.offsets.segments if s.fix_id is not None]
    assert list(live.segments_between(0, len(live.text))) == changed


def test_big_batches_rebuild_once():
    fixes = [Fix("t", (Edit(i, i + 1, ""),), Category.SPACING, Confidence.SURE, "", "") for i in range(0, 200, 2)]
    text = "新" * 200
    live = LiveText(text, fixes, [])
    splices = live.set_many({f.id: True for f in fixes})
    assert splices == [(0, 200, "新" * 100)] and live.text == "新" * 100
