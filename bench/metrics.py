"""Metrics of the accuracy benchmark, on plain strings (see bench/accuracy.py).

Importable without the ``bench`` extra; the edit distance comes from rapidfuzz, imported
when first needed. Definitions:

*Normalised text*: CR LF, CR and form feed read as line feeds; each line stripped of
leading and trailing spaces; blank lines dropped. A block is a line of the normalised
text (ProofDesk's TXT export writes one block per line; a blank line between blocks is
the same structure).

*CER*: Levenshtein distance between the normalised texts, divided by the length of the
normalised expected text. Every character counts, the line feeds between blocks too, so
an unjoined line or a missed paragraph break is one error. *CER without breaks* is the
same with all line feeds removed from both sides: character errors only.

*Paragraph boundaries*: a text's skeleton is its normalised text without any whitespace;
a boundary is a position ``0 < i < len(skeleton)`` between two skeleton characters where
one block ends and the next begins. The got skeleton is aligned to the expected one
(Levenshtein opcodes); each got boundary is carried to the expected position it aligns
with (a position inside or at either edge of extra got text goes to where that text was
inserted). A true positive is an expected boundary hit by a got boundary; every other got
boundary (one no expected boundary is at, or a second one at the same place) is a false
positive. Precision = TP / got boundaries, recall = TP / expected boundaries.

*Doubled glyphs left*: characters of the got skeleton the alignment drops (extra text)
that repeat their neighbours: a run equal to the text just before or after it (a line or
string drawn twice), else single characters equal to the character before or after them
(``践践行行``).

*Stray spaces left / spaces lost*: on the normalised texts without line feeds, spaces
(ASCII, no-break, ideographic, typographic) that the got text has and the expected one
does not, and the other way round (deliberate spaces such as ``我心向党`` slogans, Latin
word spaces and the gaps in bylines).

*Text out of order*: characters of the expected skeleton in runs of at least
``MOVED_RUN`` characters that the alignment cannot match where they belong (text an
extractor read in the wrong order, or lost): the reading-order damage no cleaning
rule can repair, shown so that it is not mistaken for a cleaning error.

*Labels / bylines placed right*: see :func:`placement`.
"""

from __future__ import annotations

import regex

SPACES = " \t\u00a0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_SPACE_RE = regex.compile(f"[{SPACES}]")
_WHITESPACE = regex.compile(rf"[\s{SPACES}]+")


def _levenshtein():
    from rapidfuzz.distance import Levenshtein

    return Levenshtein


# -- text shape --------------------------------------------------------------------------


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = (ln.strip(SPACES) for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


def blocks(text: str) -> list[str]:
    norm = normalise(text)
    return norm.split("\n") if norm else []


def skeleton(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The whitespace-free text and each block's [start, end) in it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    n = 0
    for b in blocks(text):
        s = _WHITESPACE.sub("", b)
        if not s:
            continue
        spans.append((n, n + len(s)))
        out.append(s)
        n += len(s)
    return "".join(out), spans


def boundaries(spans: list[tuple[int, int]]) -> list[int]:
    return [start for start, _ in spans[1:]]


# -- alignment ------------------------------------------------------------------------------


def position_map(src: str, dst: str) -> list[int]:
    """For each position 0..len(src) of *src*, the position of *dst* it aligns with."""
    out = [0] * (len(src) + 1)
    for op in _levenshtein().opcodes(src, dst):
        i1, i2, j1, j2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        if op.tag == "equal" or (op.tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(i1, i2 + 1):
                out[k] = j1 + (k - i1)
        elif op.tag == "replace":
            for k in range(i1, i2):
                out[k] = j1
            out[i2] = j2
        elif op.tag == "delete":  # extra text in src: all of it sits where dst goes on
            for k in range(i1, i2 + 1):
                out[k] = j1
        else:  # insert: src position i1 sits before the inserted dst text
            out[i1] = j1
    out[len(src)] = len(dst)
    return out


# -- metrics ---------------------------------------------------------------------------------


def edit_distance(a: str, b: str) -> int:
    return _levenshtein().distance(a, b)


def cer(got: str, expected: str) -> float:
    g, e = normalise(got), normalise(expected)
    return edit_distance(g, e) / max(1, len(e))


def cer_without_breaks(got: str, expected: str) -> float:
    g, e = normalise(got).replace("\n", ""), normalise(expected).replace("\n", "")
    return edit_distance(g, e) / max(1, len(e))


def boundary_counts(got: str, expected: str) -> tuple[int, int, int]:
    """(true positives, got boundaries, expected boundaries)."""
    gs, gspans = skeleton(got)
    es, espans = skeleton(expected)
    mapping = position_map(gs, es)
    want = set(boundaries(espans))
    hit: set[int] = set()
    got_bounds = boundaries(gspans)
    for b in got_bounds:
        m = mapping[b]
        if m in want and m not in hit:
            hit.add(m)
    return len(hit), len(got_bounds), len(want)


def prf(tp: int, n_got: int, n_expected: int) -> tuple[float, float, float]:
    p = tp / n_got if n_got else (1.0 if not n_expected else 0.0)
    r = tp / n_expected if n_expected else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def boundary_prf(got: str, expected: str) -> tuple[float, float, float]:
    return prf(*boundary_counts(got, expected))


def doubled_left(got: str, expected: str) -> int:
    gs, _ = skeleton(got)
    es, _ = skeleton(expected)
    count = 0
    for op in _levenshtein().opcodes(gs, es):
        i1, i2, j1, j2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        if op.tag == "delete" or (op.tag == "replace" and i2 - i1 > j2 - j1):
            seg = gs[i1:i2]
            n = len(seg)
            if op.tag == "delete" and ((i1 >= n and gs[i1 - n : i1] == seg) or gs[i2 : i2 + n] == seg):
                count += n
                continue
            singles = sum(1 for k in range(i1, i2) if (k > 0 and gs[k - 1] == gs[k]) or (k + 1 < len(gs) and gs[k + 1] == gs[k]))
            if op.tag == "replace":
                # Only the surplus can be doubling; the rest is a substitution.
                singles = min(singles, (i2 - i1) - (j2 - j1))
            count += singles
    return count


MOVED_RUN = 12


def out_of_order(got: str, expected: str) -> int:
    gs, _ = skeleton(got)
    es, _ = skeleton(expected)
    return sum(
        op.dest_end - op.dest_start
        for op in _levenshtein().opcodes(gs, es)
        if op.tag in ("insert", "replace") and op.dest_end - op.dest_start >= MOVED_RUN
    )


def space_errors(got: str, expected: str) -> tuple[int, int]:
    """(stray spaces left, spaces lost)."""
    g = normalise(got).replace("\n", "")
    e = normalise(expected).replace("\n", "")
    stray = lost = 0
    for op in _levenshtein().opcodes(g, e):
        if op.tag == "equal":
            continue
        gsp = len(_SPACE_RE.findall(g[op.src_start : op.src_end]))
        esp = len(_SPACE_RE.findall(e[op.dest_start : op.dest_end]))
        stray += max(0, gsp - esp)
        lost += max(0, esp - gsp)
    return stray, lost


def placement(got: str, expected_blocks: list[tuple[str, str, int]]) -> dict[str, int]:
    """How many labels and bylines of the expected text the got text places right.

    *expected_blocks* lists the expected text's blocks as (role, text, article number),
    in order; roles are label, headline, subtitle, paragraph, byline.

    A label is placed right when a got block consists of exactly the label (spaces
    aside) and lies between the end of the previous article and the start of its own
    article's first paragraph, in the got text: before or after the headline both count,
    since either way it heads its own article. A byline is placed right when a got block
    consists of exactly the byline and starts where the article's last paragraph ends
    (positions carried over by the alignment of the skeletons)."""
    expected = "".join(t + "\n" for _, t, _ in expected_blocks)
    es, espans = skeleton(expected)
    gs, gspans = skeleton(got)
    to_got = position_map(es, gs)
    got_blocks = {}
    for s, e in gspans:
        got_blocks.setdefault(gs[s:e], []).append((s, e))
    out = {"labels": 0, "labels_right": 0, "bylines": 0, "bylines_right": 0}
    for k, (role, text, art) in enumerate(expected_blocks):
        if role not in ("label", "byline"):
            continue
        key = _WHITESPACE.sub("", text)
        candidates = got_blocks.get(key, [])
        if role == "label":
            out["labels"] += 1
            prev_end = max((espans[i][1] for i in range(k) if expected_blocks[i][2] != art), default=0)
            first_para = next(i for i in range(k, len(expected_blocks)) if expected_blocks[i][0] == "paragraph" and expected_blocks[i][2] == art)
            lo, hi = to_got[prev_end], to_got[espans[first_para][0]]
            out["labels_right"] += any(lo <= s and e <= hi for s, e in candidates)
        else:
            out["bylines"] += 1
            start = to_got[espans[k][0]]
            out["bylines_right"] += any(s == start for s, _ in candidates)
    return out
