"""A longer fuzz run of the core than the hypothesis properties in the test suite.

Three generators, each input made from its own seed (so any finding can be replayed):

* ``unicode``: random runs of code points from every class that matters here: ASCII,
  ideographs, full-width punctuation, the spaces and zero-width characters extractors
  leave, control characters (U+0000 included), private-use and astral characters, lone
  surrogates (undecodable bytes), combining marks and emoji sequences, and every kind
  of line end;
* ``newspaper``: the 40 corpus articles (tests/corpus) set into narrow columns as an
  extractor returns them — first-line indents lost, hard breaks on every line, blank
  lines from column breaks, faux-bold headlines doubled (sometimes tripled, or a short
  line painted twice), stray spaces after punctuation and around digits, bylines glued
  to the last sentence, labels after their article, zero-width characters, tabs,
  NBSPs, ideographic spaces, CRLF or mixed line ends;
* ``mutated``: a newspaper text with random damage: spans deleted or repeated, lines
  swapped, joined or split, odd characters dropped in.

Checked on every input (a failure is printed and saved, and the exit status is 1):
analysis never raises; fixes stay inside the text and never overlap; rejecting every
fix gives the raw text back exactly (the engine, and every 10th input the session the
window uses); the offset map of the accept-all text is consistent (unchanged text maps
one to one, both ways, monotonic), and the window's live text agrees with it; and (every
10th input) putting pieces back in reading order keeps every character but spaces and line
breaks, each mapping back to itself.

Reported, never failed: idempotence. The accept-all text (every fix accepted) and the
suggested text (every fix at its default decision) are analysed again; how often the
second pass still suggests a change (a fix applied by default), by rule, with the
smallest examples, shrunk.

    python -m bench.fuzz --seconds 60 [--seed N] [--examples 3]
    python -m bench.fuzz --replay newspaper:123456   # one input again, with details
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from app.analyze import analyse
from app.block_order import restore_block_order
from app.document import Document
from app.engine import apply_fixes, check_no_conflicts
from app.livetext import LiveText
from app.session import ReviewSession

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "articles"
RESULTS = ROOT / "bench" / "results" / "fuzz"

# -- generators ---------------------------------------------------------------------------

POOLS: list[tuple[float, str | tuple[int, int]]] = [
    (6, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:?!()-+/%'\"@#&_"),
    (14, (0x4E00, 0x9FFF)),  # ideographs
    (5, "践行八战略投身两个先会议指出省第十五次党代是在迎接的二大关键节点上召开一具有鲜明政治意义常人谢高兴周靖记者区委组织部"),
    (6, "，。、；：“”‘’（）《》！？…—·「」【】"),
    (5, " \u3000\t\u00a0\u2002\u2003\u2009\u202f"),
    (5, "\n\n\n\r\n\r"),
    (2, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202e\u2066\u2069"),
    (2, "".join(map(chr, range(0x00, 0x20))) + "\x7f\x85\x93\x94\x96"),
    (1, (0xE000, 0xF8FF)),  # private use
    (1, "\ufffd\ufffc\ufffe\uffff\u2028\u2029"),
    (1, (0x20000, 0x2A6DF)),  # Extension B
    (1, "\ud800\udbff\udc80\udced\udcff\udfff"),  # lone surrogates (undecodable bytes)
    (1, "\u0301\u0308\u20dd👍🏽👨\u200d👩\u200d👧\U0001f1e8\U0001f1f3"),
    (1, "ＡＢＣ１２３％＋－"),
]
_POOL_WEIGHTS = [w for w, _ in POOLS]


def gen_unicode(rng: random.Random) -> str:
    size = int(rng.expovariate(1 / 150)) % 1500
    out: list[str] = []
    n = 0
    while n < size:
        _, pool = rng.choices(POOLS, _POOL_WEIGHTS)[0]
        run = rng.randint(1, 8)
        if isinstance(pool, tuple):
            out.extend(chr(rng.randint(*pool)) for _ in range(run))
        else:
            out.extend(rng.choice(pool) for _ in range(run))
        n += run
    return "".join(out)


_ARTICLES: list[dict] | None = None


def articles() -> list[dict]:
    global _ARTICLES
    if _ARTICLES is None:
        _ARTICLES = [json.loads(p.read_text("utf-8")) for p in sorted(CORPUS.glob("*.json"))]
        if not _ARTICLES:
            sys.exit(f"bench.fuzz: no corpus articles in {CORPUS}")
    return _ARTICLES


NO_LINE_START = "，。、；：！？”’）》…"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙朱马胡郭林何高罗"


def set_column(body: str, width: int, rng: random.Random, indent: str) -> list[str]:
    """Break a paragraph into column lines: the first one short of its indent (lost, or
    kept as spaces), closing punctuation never at a line start."""
    lines, pos, first = [], 0, True
    while pos < len(body):
        end = pos + (width - 2 if first and not indent else width - (len(indent) if first else 0))
        while end < len(body) and body[end] in NO_LINE_START:
            end += 1
        line = body[pos:end]
        lines.append((indent + line) if first and indent else line)
        pos, first = end, False
    return lines


def double(text: str, rng: random.Random) -> str:
    """Faux bold as extractors return it: every glyph twice, sometimes three times, or
    the whole line twice."""
    mode = rng.random()
    if mode < 0.7:
        return "".join(c * 2 for c in text)
    if mode < 0.85:
        return "".join(c * 3 for c in text)
    return text + text


def spacey(line: str, rng: random.Random, rate: float) -> str:
    """Extraction spaces: after full-width punctuation, around digits, between ideographs."""
    out = []
    for i, c in enumerate(line):
        out.append(c)
        nxt = line[i + 1] if i + 1 < len(line) else ""
        if not nxt:
            continue
        if c in "，。、；：" and rng.random() < rate * 3:
            out.append(rng.choice([" ", "  ", "\u3000"]))
        elif (c.isdigit() != nxt.isdigit()) and rng.random() < rate * 4:
            out.append(" ")
        elif rng.random() < rate / 4:
            out.append(rng.choice([" ", " ", "\t", "\u00a0", "\u200b"]))
    return "".join(out)


def gen_newspaper(rng: random.Random) -> str:
    arts = rng.sample(articles(), rng.randint(1, 3))
    width = rng.randint(10, 17)
    space_rate = rng.choice([0, 0.01, 0.03, 0.08])
    labels_trail = rng.random() < 0.5
    blocks: list[str] = []
    for art in arts:
        article: list[str] = []
        label = art.get("label") or ""
        if label and not labels_trail:
            article.append(label)
        head = art["headline"]
        article.append(double(head, rng) if rng.random() < 0.5 else head)
        if art.get("subtitle") and rng.random() < 0.7:
            article.append(art["subtitle"])
        paragraphs = art["paragraphs"][: rng.randint(1, len(art["paragraphs"]))]
        lines: list[str] = []
        for n, para in enumerate(paragraphs):
            indent = rng.choice(["", "", "", "  ", "\u3000\u3000", "    "])
            plines = set_column(para, width, rng, indent)
            plines = [spacey(ln, rng, space_rate) for ln in plines]
            if len(plines) > 2 and rng.random() < 0.25:
                plines.insert(rng.randint(1, len(plines) - 1), "")  # a column break
            lines.extend(plines)
        byline = art.get("byline") or ""
        if rng.random() < 0.3:
            byline = rng.choice(SURNAMES) + "".join(rng.choice("晓航婷明华建国伟芳") for _ in range(rng.randint(1, 2)))
        if byline:
            if lines and rng.random() < 0.6:
                lines[-1] += rng.choice([" ", "  ", "\u3000"]) + byline  # glued on
            else:
                lines.append(byline)
        article.extend(lines)
        if label and labels_trail:
            article.append(label)
        blocks.append("\n".join(article))
    text = "\n".join(b + "\n" * rng.randint(1, 3) for b in blocks)
    # Odd characters and line ends.
    if rng.random() < 0.3:
        chars = list(text)
        for _ in range(rng.randint(1, 4)):
            chars.insert(rng.randint(0, len(chars)), rng.choice("\u200b\u200b\ufeff\u00ad\x0c\x00\ue2a3\ufffd\u200d"))
        text = "".join(chars)
    eol = rng.random()
    if eol < 0.25:
        text = text.replace("\n", "\r\n")
    elif eol < 0.35:
        text = "".join(c if c != "\n" else rng.choice(["\n", "\r\n", "\r"]) for c in text)
    if rng.random() < 0.2:
        text = text.rstrip("\r\n")  # no final line end
    return text


def gen_mutated(rng: random.Random) -> str:
    text = gen_newspaper(rng)
    for _ in range(rng.randint(1, 6)):
        if not text:
            break
        op = rng.randrange(7)
        i = rng.randrange(len(text))
        j = min(len(text), i + rng.randint(1, 30))
        if op == 0:
            text = text[:i] + text[j:]  # a span lost
        elif op == 1:
            text = text[:j] + text[i:j] + text[j:]  # a span repeated
        elif op == 2:
            text = text[:i] + gen_unicode(rng)[:20] + text[i:]
        elif op in (3, 4, 5):
            lines = text.split("\n")
            k = rng.randrange(len(lines))
            if op == 3 and len(lines) > 1:
                m = rng.randrange(len(lines))
                lines[k], lines[m] = lines[m], lines[k]
            elif op == 4 and k + 1 < len(lines):
                lines[k : k + 2] = [lines[k] + lines[k + 1]]
            elif lines[k]:
                cut = rng.randrange(len(lines[k]))
                lines[k : k + 1] = [lines[k][:cut], lines[k][cut:]]
            text = "\n".join(lines)
        else:
            text = text[:i] + text[i] * rng.randint(2, 3) + text[i + 1 :]  # a glyph doubled
    return text


GENERATORS = {"unicode": gen_unicode, "newspaper": gen_newspaper, "mutated": gen_mutated}
WEIGHTS = {"unicode": 3, "newspaper": 4, "mutated": 3}

# -- checks -------------------------------------------------------------------------------


class Failure(Exception):
    pass


def check_offsets(raw: str, applied, limit: int = 4000) -> None:
    offsets = applied.offsets
    step = max(1, len(raw) // limit)
    for seg in offsets.segments:
        if seg.fix_id is None:
            if raw[seg.raw_start : seg.raw_end] != applied.text[seg.clean_start : seg.clean_end]:
                raise Failure(f"unchanged segment {seg} differs")
            for p in range(seg.raw_start, seg.raw_end, step):
                if offsets.clean_to_raw(offsets.raw_to_clean(p)) != p:
                    raise Failure(f"offset map does not round-trip at raw {p}")
    if offsets.raw_to_clean(len(raw)) != len(applied.text) or offsets.clean_to_raw(len(applied.text)) != len(raw):
        raise Failure("offset map ends do not match")
    positions = [offsets.raw_to_clean(p) for p in range(0, len(raw) + 1, step)]
    if positions != sorted(positions):
        raise Failure("offset map is not monotonic")


def check_live(raw: str, fixes, applied) -> None:
    """The window's live text (Fenwick slots) agrees with the batch engine."""
    live = LiveText(raw, fixes, [f.id for f in fixes])
    if live.text != applied.text:
        raise Failure("live text differs from the batch application")
    step = max(1, len(raw) // 500)
    for p in range(0, len(raw) + 1, step):
        if live.raw_to_clean(p) != applied.offsets.raw_to_clean(p):
            raise Failure(f"live raw_to_clean({p}) differs from the offset map")
    for p in range(0, len(applied.text) + 1, max(1, len(applied.text) // 500)):
        if live.clean_to_raw(p) != applied.offsets.clean_to_raw(p):
            raise Failure(f"live clean_to_raw({p}) differs from the offset map")
    live.set_many({f.id: False for f in fixes})
    if live.text != raw:
        raise Failure("live text with every fix off is not the raw text")


def suggested(text: str) -> tuple[str, list]:
    result = analyse(Document(text))
    chosen = [f for f in result.fixes if f.id in result.applied_by_default]
    return apply_fixes(text, chosen).text, chosen


@dataclass
class Outcome:
    fixes: int = 0
    accept_all_again: list = field(default_factory=list)  # second-pass default fixes
    suggested_again: list = field(default_factory=list)


def check_reading_order(raw: str) -> None:
    """Pieces put back in reading order on opening (app/block_order.py): only line breaks
    and spaces may change; every other character is there once and maps back to itself."""
    try:
        restored = restore_block_order(raw)
    except Exception as exc:  # noqa: BLE001 - that is the finding
        raise Failure(f"restore_block_order raised {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=-4)}") from None
    if restored is None:
        return
    kept = [ch for ch in restored.text if not ch.isspace()]
    if sorted(kept) != sorted(ch for ch in raw if not ch.isspace()):
        raise Failure("reordering lost or added characters")
    for pos, ch in enumerate(restored.text):
        if not ch.isspace() and raw[restored.to_source(pos)] != ch:
            raise Failure(f"reordered position {pos} maps to {raw[restored.to_source(pos)]!r}, not {ch!r}")


def check(raw: str, deep: bool) -> Outcome:
    doc = Document(raw)
    try:
        result = analyse(doc)
    except Exception as exc:  # noqa: BLE001 - that is the finding
        raise Failure(f"analyse raised {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=-4)}") from None
    fixes = result.fixes
    for f in fixes:
        for e in f.edits:
            if not 0 <= e.start <= e.end <= len(raw):
                raise Failure(f"fix {f.id} edit {e} outside the text ({len(raw)})")
    try:
        check_no_conflicts(fixes)
    except ValueError as exc:
        raise Failure(f"fixes overlap: {exc}") from None
    if apply_fixes(raw, []).text != raw:
        raise Failure("reject-all is not the raw text")
    applied = apply_fixes(raw, fixes)
    check_offsets(raw, applied)
    if deep:
        check_reading_order(raw)
        check_live(raw, fixes, applied)
        session = ReviewSession(doc, result)
        session.accept_all()
        if session.cleaned != applied.text:
            raise Failure("session accept-all differs from the engine")
        session.reject_all()
        if session.cleaned != raw:
            raise Failure("session reject-all is not the raw text")
    out = Outcome(len(fixes))
    try:
        again = analyse(Document(applied.text))
        out.accept_all_again = [f for f in again.fixes if f.id in again.applied_by_default]
        once, _ = suggested(raw)
        out.suggested_again = suggested(once)[1]
    except Exception as exc:  # noqa: BLE001
        raise Failure(f"second analysis raised {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=-4)}") from None
    return out


# -- shrinking examples ---------------------------------------------------------------------


def shrink(text: str, still_fails, budget: float = 3.0) -> str:
    """Greedy delta debugging: drop lines, then ever smaller chunks of characters,
    while *still_fails* holds (within *budget* seconds)."""
    deadline = time.monotonic() + budget
    lines = text.split("\n")
    i = 0
    while i < len(lines) and time.monotonic() < deadline:
        candidate = "\n".join(lines[:i] + lines[i + 1 :])
        if still_fails(candidate):
            lines.pop(i)
        else:
            i += 1
    text = "\n".join(lines)
    chunk = max(1, len(text) // 4)
    while chunk >= 1 and time.monotonic() < deadline:
        i, changed = 0, False
        while i < len(text) and time.monotonic() < deadline:
            candidate = text[:i] + text[i + chunk :]
            if still_fails(candidate):
                text, changed = candidate, True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    return text


def accept_all_text(raw: str) -> str:
    return apply_fixes(raw, analyse(Document(raw)).fixes).text


def second_pass(kind: str, raw: str) -> tuple[str, list]:
    if kind == "accept-all":
        first = accept_all_text(raw)
        again = analyse(Document(first))
        return first, [f for f in again.fixes if f.id in again.applied_by_default]
    first, _ = suggested(raw)
    return first, suggested(first)[1]


def example(kind: str, rule: str, raw: str, budget: float) -> str:
    def fails(t: str) -> bool:
        try:
            return any(f.rule == rule for f in second_pass(kind, t)[1])
        except Exception:  # noqa: BLE001
            return False

    small = shrink(raw, fails, budget)
    first, again = second_pass(kind, small)
    lines = [f"    input  {small!r}", f"    pass 1 {first!r}"]
    for f in again:
        if f.rule == rule:
            lines.append(f"    pass 2 {f.rule} {f.message_en} {[(e.start, e.end, e.replacement) for e in f.edits]}")
    return "\n".join(lines)


# -- the run ------------------------------------------------------------------------------


def run_one(kind: str, seed: int, deep: bool) -> tuple[str, Outcome | Failure]:
    raw = GENERATORS[kind](random.Random(seed))
    try:
        return raw, check(raw, deep)
    except Failure as failure:
        return raw, failure


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=None, help="master seed (default: from the clock)")
    parser.add_argument("--examples", type=int, default=3, help="shrunk examples shown per rule")
    parser.add_argument("--replay", metavar="KIND:SEED", help="check one input again and show it")
    args = parser.parse_args(argv)

    if args.replay:
        kind, seed = args.replay.split(":")
        raw, outcome = run_one(kind, int(seed), deep=True)
        print(repr(raw))
        if isinstance(outcome, Failure):
            print(f"FAILURE: {outcome}")
            return 1
        print(f"{outcome.fixes} fixes; second pass after accept-all: {[f.rule for f in outcome.accept_all_again]}; after the suggested version: {[f.rule for f in outcome.suggested_again]}")
        return 0

    master = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(master)
    tried: Counter = Counter()
    chars: Counter = Counter()
    fixes: Counter = Counter()
    failures: list[tuple[str, int, str, str]] = []
    again: dict[str, Counter] = {"accept-all": Counter(), "suggested": Counter()}
    again_by_kind: dict[str, Counter] = {"accept-all": Counter(), "suggested": Counter()}
    again_inputs: dict[str, Counter] = {"accept-all": Counter(), "suggested": Counter()}
    samples: dict[tuple[str, str, str], list[tuple[int, int, str]]] = defaultdict(list)
    kinds = list(WEIGHTS)
    start = time.monotonic()
    n = 0
    while time.monotonic() - start < args.seconds:
        kind = rng.choices(kinds, [WEIGHTS[k] for k in kinds])[0]
        seed = rng.randrange(2**32)
        raw, outcome = run_one(kind, seed, deep=n % 10 == 0)
        n += 1
        tried[kind] += 1
        chars[kind] += len(raw)
        if isinstance(outcome, Failure):
            failures.append((kind, seed, str(outcome), raw))
            continue
        fixes[kind] += outcome.fixes
        for pass_kind, found in (("accept-all", outcome.accept_all_again), ("suggested", outcome.suggested_again)):
            if found:
                again_inputs[pass_kind][kind] += 1
                for rule in {f.rule for f in found}:
                    again[pass_kind][rule] += 1
                    again_by_kind[pass_kind][(rule, kind)] += 1
                    # The smallest inputs, per generator: random junk finds the
                    # corner cases, newspaper text the ones an editor meets.
                    bucket = samples[(pass_kind, rule, "unicode" if kind == "unicode" else "newspaper")]
                    bucket.append((len(raw), seed, raw))
                    bucket.sort(key=lambda t: t[0])
                    del bucket[args.examples :]
    elapsed = time.monotonic() - start

    total = sum(tried.values())
    print(f"bench.fuzz: {total} inputs in {elapsed:.0f} s ({total / elapsed:.0f}/s), master seed {master}")
    for kind in kinds:
        if tried[kind]:
            print(f"  {kind:<10} {tried[kind]:>6} inputs, {chars[kind] / tried[kind]:>6.0f} characters on average, {fixes[kind]:>7} fixes")
    print(f"hard failures (analysis raised, overlap, reject-all, offset map, live text, session, reading order): {len(failures)}")
    if failures:
        RESULTS.mkdir(parents=True, exist_ok=True)
        for i, (kind, seed, message, raw) in enumerate(failures[:20]):
            path = RESULTS / f"failure-{master}-{i}.txt"
            path.write_text(f"{kind}:{seed}\n{message}\n{raw!r}\n", "utf-8")
            print(f"  {kind}:{seed}: {message.splitlines()[0]} (input saved to {path.relative_to(ROOT)})")
    for pass_kind, label in (("accept-all", "every fix accepted"), ("suggested", "the suggested version (default decisions)")):
        changed = sum(again_inputs[pass_kind].values())
        ok = total - len(failures)
        rate = 100 * (1 - changed / ok) if ok else 100.0
        per_kind = ", ".join(f"{k} {again_inputs[pass_kind][k]}/{tried[k]}" for k in kinds if tried[k])
        print(f"idempotence of {label}: {rate:.1f} % stable; the second pass suggests more in {changed} of {ok} ({per_kind})")
        for rule, count in again[pass_kind].most_common():
            split = ", ".join(f"{k} {again_by_kind[pass_kind][(rule, k)]}" for k in kinds if tried[k])
            print(f"  {rule}: {count} inputs ({split})")
    if args.examples and samples:
        print("examples: the smallest inputs found, shrunk while the second pass still suggests that rule's fix")
        for (pass_kind, rule, source), bucket in sorted(samples.items()):
            for _, seed, raw in bucket[: args.examples]:
                origin = "unicode" if source == "unicode" else next(k for k in ("newspaper", "mutated") if GENERATORS[k](random.Random(seed)) == raw)
                print(f"  [{pass_kind}] {rule}, from {origin}:{seed}")
                print(example(pass_kind, rule, raw, budget=2.0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
