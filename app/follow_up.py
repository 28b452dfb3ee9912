"""Follow-up fixes: make the suggested version a fixed point of the analysis.

What it detects: a fix that only becomes visible once the first fixes are applied. A
rule judges the text it is given, and a first fix can change what a second rule sees:
a control character removed between two spaces leaves a run of spaces; a faux-bold
headline collapsed (``撬撬动动““大大民民生生””`` → ``撬动“大民生”``) lets the section label
after its article find the article's head; an invisible character removed at a line
end turns the line into one that ends with a comma.

Why: "cleaning the suggested version again suggests nothing" (the editor who opens an
export again must not be told to fix more). Tuning every rule to foresee every other
rule's edits cannot be complete; analysing the suggested version again and folding
what it finds back into the review is.

How: the suggested version (every fix at its default decision) is analysed again. A
follow-up fix that only edits text the first round left unchanged is mapped back to
the raw text and joins the review as it is (accepting it alone is still a sound edit:
it deletes a space or a line break, or moves a label, in text the editor sees). One
that edits the output of a first-round fix is merged with that fix into one decision:
its edit covers both, its message says both (``不可见字符……；行首的空白``), and
rejecting it gives back the raw text there; several edits of one follow-up inside one
fix's output make one edit (pdfminer's ``全全 力力 以以 赴赴``: dup-glyph leaves
``全 力 以 赴``, whose letter spacing stray-space closes up: ``全力以赴``). A question (a fix not applied by default)
in the way of a follow-up gives way, as in the first round. At most
:data:`MAX_ROUNDS` rounds; a text whose first round changes nothing costs no second
analysis.

Example (raw, then the suggested version of one round, then with the follow-up):
``\\x12\\u3000城`` → `` 城`` → ``城`` (odd-char removes U+0012; the ideographic space, no
longer at the line's start in the first round's eyes, is a line-start space now).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Sequence

from .engine import EditIndex, Segment, applied_text, apply_fixes, review_order
from .fixes import Confidence, Edit, Fix, edits_conflict

MAX_ROUNDS = 4
# Each round analyses the whole text again. On damaged text follow-ups can cascade (a
# replaced character makes a neighbour's width change, which changes the next...), so a
# long text gets one round per stage: its cost stays within three analyses.
LONG_TEXT = 200_000

_RANK = {Confidence.SURE: 0, Confidence.LIKELY: 1, Confidence.DOUBTFUL: 2}


def settle(
    text: str,
    fixes: list[Fix],
    applied: Callable[[Fix], bool],
    analyse_again: Callable[[str], list[Fix]],
) -> tuple[list[Fix], list[Fix]]:
    """(fixes, dropped): *fixes* (on *text*, conflict-free) with the follow-up fixes
    folded in: first until the suggested version gets no new default fix, then until
    the text with every fix accepted gets none (at most MAX_ROUNDS analyses each, one
    for a text longer than LONG_TEXT characters).

    *applied* tells whether a fix is applied by default; *analyse_again* analyses a text
    and returns its conflict-free fixes (only those applied by default are used, so it
    may leave out the questions). Dropped: questions a follow-up displaced."""
    dropped: list[Fix] = []
    rounds = MAX_ROUNDS if len(text) <= LONG_TEXT else 1
    for everything in (False, True):
        for _ in range(rounds):
            chosen = fixes if everything else [f for f in fixes if applied(f)]
            if not chosen or (everything and all(applied(f) for f in fixes)):
                break  # nothing changes, or every fix is one the first stage settled
            # The text alone first: the offset map is needed only to fold follow-ups,
            # and most texts have none.
            follow_ups = [g for g in analyse_again(applied_text(text, chosen)) if applied(g)]
            if not follow_ups:
                break
            result = apply_fixes(text, chosen)
            fold = _fold_questions if everything else _fold_defaults
            fixes, displaced = fold(fixes, follow_ups, applied, result.offsets.segments, result.text)
            dropped.extend(displaced)
    return fixes, dropped


def _fold_defaults(fixes, follow_ups, applied, segments, clean):
    """Fold follow-ups of the suggested version: merged with the default fixes whose
    output they edit, or added as they are; questions in their way give way."""
    return _fold(fixes, follow_ups, applied, segments, clean, questions=False)


def _fold_questions(fixes, follow_ups, applied, segments, clean):
    """Fold follow-ups of the text with every fix accepted, which only accepting a
    question can cause: merged with the questions whose output they edit, or added as
    questions themselves, so the suggested version stays as it is."""
    return _fold(fixes, follow_ups, applied, segments, clean, questions=True)


def _fold(
    fixes: list[Fix],
    follow_ups: list[Fix],
    applied: Callable[[Fix], bool],
    segments: Sequence[Segment],
    clean: str,
    *,
    questions: bool,
) -> tuple[list[Fix], list[Fix]]:
    by_id = {f.id: f for f in fixes}
    clean_starts = [s.clean_start for s in segments]
    index = EditIndex([(e, f.id) for f in fixes for e in f.edits])
    consumed: set[str] = set()  # fixes merged or displaced this round
    added: list[Fix] = []
    displaced: list[Fix] = []
    for g in follow_ups:
        mapped = _map_back(g, segments, clean_starts, clean)
        if mapped is None:
            continue
        edits, touched = mapped
        merged_ids = {fid for fid, _, _ in touched}
        if merged_ids & consumed:
            continue  # two follow-ups on one fix: the next round takes the second
        merged_from = [by_id[fid] for fid in sorted(merged_ids)]
        if questions and any(applied(f) for f in merged_from):
            continue
        kept_edits = [e for f in merged_from for e in f.edits if (f.id, e.start, e.end) not in touched]
        all_edits = tuple(sorted(edits + kept_edits))
        if any(edits_conflict(a, b) for i, a in enumerate(all_edits) for b in all_edits[i + 1 :]):
            continue
        fix = _combined(g, merged_from, all_edits, question=questions)
        if applied(fix) == questions:
            continue  # a merge would turn a default fix into a question, or the reverse
        in_the_way = {fid for e in edits for fid in index.conflicts(e)} - merged_ids - consumed
        if any(questions or applied(by_id[fid]) for fid in in_the_way) or any(
            edits_conflict(e, o) for e in edits for f in added for o in f.edits
        ):
            continue  # never displace a default fix; the next round may find it again
        consumed |= merged_ids | in_the_way
        displaced.extend(by_id[fid] for fid in sorted(in_the_way))
        added.append(fix)
    if not added:
        return fixes, []
    out = [f for f in fixes if f.id not in consumed] + added
    out.sort(key=review_order)
    return out, displaced


def _map_back(
    g: Fix, segments: Sequence[Segment], clean_starts: list[int], clean: str
) -> tuple[list[Edit], set[tuple[str, int, int]]] | None:
    """The edits of follow-up *g* (on the suggested text) as edits of the first text,
    and the first-round edits (fix id, raw span) whose output they touch: those are
    merged into them."""
    touched: set[tuple[str, int, int]] = set()
    # Each edit widened to the first-round outputs it touches; edits whose widened
    # spans overlap (several edits inside one fix's output: the spaces of a collapsed
    # ``全全 力力 以以`` → ``全 力 以``) become one edit over the union.
    spans: list[list] = []  # [A, B, [(a, b, replacement), ...]]
    for e in sorted(g.edits):
        a, b = e.start, e.end
        lo = max(bisect_left(clean_starts, a) - 1, 0)
        hi = bisect_left(clean_starts, b + 1)
        A, B = a, b
        for seg in segments[lo:hi]:
            if seg.fix_id is None or not _meets(a, b, seg):
                continue
            touched.add((seg.fix_id, seg.raw_start, seg.raw_end))
            A, B = min(A, seg.clean_start), max(B, seg.clean_end)
        if spans and A < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], B)
            spans[-1][2].append((a, b, e.replacement))
        else:
            spans.append([A, B, [(a, b, e.replacement)]])
    edits: list[Edit] = []
    for A, B, parts in spans:
        r0 = _raw_at(A, segments, clean_starts, start=True)
        r1 = _raw_at(B, segments, clean_starts, start=False) if B > A else r0
        if r0 is None or r1 is None or r1 < r0:
            return None
        out, at = [], A
        for a, b, repl in parts:
            out += [clean[at:a], repl]
            at = b
        edits.append(Edit(r0, r1, "".join(out) + clean[at:B]))
    return edits, touched


def _meets(a: int, b: int, seg: Segment) -> bool:
    """Whether an edit of the clean text [a, b) touches the output of an applied edit:
    it overlaps it or holds it strictly inside; an insertion inside it, or at an edge
    of an inserted or deleted piece (where the two would not be ordered)."""
    cs, ce = seg.clean_start, seg.clean_end
    if a == b:
        return cs < a < ce or ((cs == ce or seg.raw_start == seg.raw_end) and cs <= a <= ce)
    if cs == ce:
        return a < cs < b
    return cs < b and a < ce


def _raw_at(pos: int, segments: Sequence[Segment], clean_starts: list[int], *, start: bool) -> int | None:
    """The raw position of clean position *pos*, a boundary of an edit: as a start, the
    raw position of the character at *pos*; as an end, the one just after ``pos - 1``.
    An edited segment's boundary maps to its raw boundary."""
    if start:
        i = bisect_right(clean_starts, pos) - 1
        # Among segments starting at pos, the one holding the character (or the last).
        while i + 1 < len(segments) and segments[i + 1].clean_start == pos and segments[i].clean_end == pos:
            i += 1
        seg = segments[i]
        if seg.fix_id is None:
            return seg.raw_start + (pos - seg.clean_start)
        return seg.raw_start if pos == seg.clean_start else None
    i = bisect_left(clean_starts, pos) - 1
    seg = segments[max(i, 0)]
    if seg.fix_id is None:
        return seg.raw_start + (pos - seg.clean_start)
    return seg.raw_end if pos == seg.clean_end else None


def _combined(g: Fix, merged_from: list[Fix], edits: tuple[Edit, ...], *, question: bool) -> Fix:
    """One decision for follow-up *g* and the fixes it was merged with: led by the first
    of them (its rule, category and details), saying what each part does."""
    parts = merged_from + [g]
    lead = parts[0]
    zh = "；".join(dict.fromkeys(p.message_zh for p in parts))
    en = "; ".join(dict.fromkeys(p.message_en for p in parts))
    confidence = Confidence.DOUBTFUL if question else max((p.confidence for p in parts), key=_RANK.__getitem__)
    return Fix(lead.rule, edits, lead.category, confidence, zh, en, lead.detail)
