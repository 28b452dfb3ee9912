"""Positions between Python strings and Qt documents, and merging bursts of typing."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from ui.mapping import PendingEdit, TextMapper, display_text, narrow, utf16_len

ALPHABET = st.sampled_from(["a", "\r", "\n", "\r\n", "𠮷", "中", " ", "。"])
texts = st.lists(ALPHABET, max_size=14).map("".join)


def qt_positions(text: str) -> dict[int, int]:
    """Reference: the Qt position of every model position, walking the text."""
    out, q, i = {}, 0, 0
    while True:
        out[i] = q
        if i == len(text):
            return out
        if text[i] == "\r" and text[i + 1 : i + 2] == "\n":
            out[i + 1] = q
            q, i = q + 1, i + 2
            continue
        q += 2 if ord(text[i]) > 0xFFFF else 1
        i += 1


@given(texts)
def test_mapper_agrees_with_a_walk_through_the_text(text):
    m = TextMapper(text)
    ref = qt_positions(text)
    assert m.qt_length == utf16_len(display_text(text)) == ref[len(text)]
    for pos in range(len(text) + 1):
        assert m.to_qt(pos) == ref[pos]
        inside_crlf = 0 < pos < len(text) and text[pos - 1] == "\r" and text[pos] == "\n"
        if not inside_crlf:
            assert m.to_model(ref[pos]) == pos


def test_identity_without_special_characters():
    m = TextMapper("普通的文字\n第二行")
    assert m.identity and m.to_qt(4) == 4 and m.to_model(4) == 4


def _patch_utf16(old: str, start_q: int, end_q: int, text: str) -> str:
    units = display_text(old).encode("utf-16-le")
    return (units[: 2 * start_q] + display_text(text).encode("utf-16-le") + units[2 * end_q :]).decode("utf-16-le")


@given(texts, texts)
def test_narrow_gives_one_replacement_that_patches_the_document(old, new):
    r = narrow(old, new)
    if r is None:
        assert old == new
        return
    assert old[: r.start] + r.text + old[r.end :] == new
    m = TextMapper(old)
    assert _patch_utf16(old, m.to_qt(r.start), m.to_qt(r.end), r.text) == display_text(new)


def test_narrow_is_fast_on_a_megabyte():
    base = "中文报纸的正文，" * 130_000
    r = narrow(base, base[:500_000] + "改" + base[500_001:])
    assert (r.start, r.end, r.text) == (500_000, 500_001, "改")


def test_pending_edit_merges_a_burst_of_typing():
    rng = random.Random(3)
    for _ in range(3000):
        base = "".join(rng.choice("abcde") for _ in range(rng.randint(0, 12)))
        current, pending = base, None
        for _ in range(rng.randint(1, 6)):
            a = rng.randint(0, len(current))
            b = rng.randint(a, min(len(current), a + 3))
            t = "".join(rng.choice("XYZ") for _ in range(rng.randint(0, 2)))
            if pending is None:
                pending = PendingEdit(current, a, b, t)
            else:
                pending.merge(a, b, t)
            current = current[:a] + t + current[b:]
            assert pending.result() == current
