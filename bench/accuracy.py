"""Accuracy benchmark: how close the cleaned text of real extractor output comes to the
clean articles the pages were typeset from.

    .venv/bin/python -m bench.accuracy [--data DIR] [--per-page] [--out bench/results/accuracy]

Reads bench/pages/data (made by ``python -m bench.pages.generate``): for each extractor
(PyMuPDF ``page.get_text()``, ``pdftotext``, ``pdftotext -layout``, pdfminer.six
``extract_text``; a data folder without one of them is scored without it) the raw text of
every generated edition, and the expected clean text. The articles behind the expected
text are read from the corpus the manifest names (``--corpus`` of the generator; none
named: tests/corpus/articles). Three systems are scored on it:

* raw: the extracted text as it is;
* naive: lines joined within blank-line-separated blocks, spaces next to CJK dropped;
* ProofDesk: the suggested version, as ``proofdesk clean FILE -o OUT.txt`` writes it
  (for ``pdftotext -layout`` text that includes putting its columns back in reading
  order on loading, app/columns.py, as the product does by default).

Metrics are defined in bench/metrics.py. Prints a Markdown table; exit status 0.
Needs rapidfuzz (``pip install -e .[bench]``), not reportlab or PyMuPDF.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import regex

from . import metrics
from .pages.generate import CORPUS, EXTRACTORS, load_corpus

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "pages" / "data"
SYSTEMS = ("raw", "naive", "ProofDesk")

# -- systems -----------------------------------------------------------------------------

_CJK = r"\p{Han}\u3000-\u303f\uff00-\uffef“”‘’…—·"
_SPACE_NEXT_TO_CJK = regex.compile(rf"[{metrics.SPACES}]+(?=[{_CJK}])|(?<=[{_CJK}])[{metrics.SPACES}]+")
_BLANK_LINE = regex.compile(rf"\n(?:[{metrics.SPACES}]*\n)+")


def naive(text: str) -> str:
    """Join all lines within blank-line-separated blocks; drop spaces next to CJK."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    out = []
    for block in _BLANK_LINE.split(text):
        joined = "".join(ln.strip(metrics.SPACES) for ln in block.split("\n"))
        joined = _SPACE_NEXT_TO_CJK.sub("", joined)
        if joined:
            out.append(joined)
    return "".join(b + "\n" for b in out)


def proofdesk(path: Path) -> tuple[str, int]:
    """The suggested cleaned text of *path* and the number of fixes applied, as
    ``proofdesk clean`` computes and renders them (app/cli.py cmd_clean)."""
    from app.analyze import analyse
    from app.document import load_document
    from app.engine import apply_fixes
    from app.export import ExportOptions
    from app.export.txt import render_txt
    from app.settings import load_settings

    doc = load_document(path)
    result = analyse(doc, load_settings(None))
    chosen = [f for f in result.fixes if f.id in result.applied_by_default]
    cleaned = apply_fixes(doc.raw, chosen).text
    return render_txt(cleaned, ExportOptions()), len(chosen)


# -- expected structure ----------------------------------------------------------------------


def corpus_dir(manifest: dict, option: Path | None = None) -> Path:
    """The articles the data was typeset from: *option*, else the corpus the manifest
    records (a path relative to the repository, or absolute), else tests/corpus."""
    if option is not None:
        return option
    return ROOT / manifest["corpus"] if "corpus" in manifest else CORPUS


def expected_blocks(edition: dict, corpus: dict[str, dict]) -> list[tuple[str, str, int]]:
    out = []
    for n, aid in enumerate(edition["articles"]):
        a = corpus[aid]
        if a["label"]:
            out.append(("label", a["label"], n))
        out.append(("headline", a["headline"], n))
        if a["subtitle"]:
            out.append(("subtitle", a["subtitle"], n))
        out += [("paragraph", p, n) for p in a["paragraphs"]]
        if a["byline"]:
            out.append(("byline", a["byline"], n))
    return out


# -- scoring -------------------------------------------------------------------------------------


class Score:
    """Sums over editions; rates are pooled (total errors / total length)."""

    def __init__(self):
        self.edits = self.edits_nb = self.length = self.length_nb = 0
        self.tp = self.n_got = self.n_exp = 0
        self.doubled = self.stray = self.lost = self.moved = 0
        self.place = {"labels": 0, "labels_right": 0, "bylines": 0, "bylines_right": 0}

    def add(self, got: str, expected: str, blocks: list[tuple[str, str, int]]) -> None:
        g, e = metrics.normalise(got), metrics.normalise(expected)
        self.edits += metrics.edit_distance(g, e)
        self.length += len(e)
        g, e = g.replace("\n", ""), e.replace("\n", "")
        self.edits_nb += metrics.edit_distance(g, e)
        self.length_nb += len(e)
        tp, ng, ne = metrics.boundary_counts(got, expected)
        self.tp, self.n_got, self.n_exp = self.tp + tp, self.n_got + ng, self.n_exp + ne
        self.doubled += metrics.doubled_left(got, expected)
        self.moved += metrics.out_of_order(got, expected)
        stray, lost = metrics.space_errors(got, expected)
        self.stray += stray
        self.lost += lost
        for k, v in metrics.placement(got, blocks).items():
            self.place[k] += v

    def row(self) -> list[str]:
        p, r, f = metrics.prf(self.tp, self.n_got, self.n_exp)
        pl = self.place
        return [
            f"{100 * self.edits / max(1, self.length):.2f} %",
            f"{100 * self.edits_nb / max(1, self.length_nb):.2f} %",
            f"{p:.3f}",
            f"{r:.3f}",
            f"{f:.3f}",
            str(self.doubled),
            str(self.stray),
            str(self.lost),
            f"{pl['labels_right']}/{pl['labels']}",
            f"{pl['bylines_right']}/{pl['bylines']}",
            f"{100 * self.moved / max(1, self.length_nb):.1f} %",
        ]


HEADER = ["extractor", "system", "CER", "CER w/o breaks", "para P", "para R", "para F1", "doubled glyphs left", "stray spaces left", "spaces lost", "labels right", "bylines right", "text out of order"]


def table(rows: list[list[str]], header: list[str], numeric_from: int = 2) -> str:
    right = range(numeric_from, len(header))
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" if i in right else "---" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _clean_text_rows(expected: dict[str, str], tmp: Path) -> list[list[str]]:
    """Clean text in, clean text out: what each system changes in the expected texts."""
    fixes = changed_pd = changed_naive = 0
    for ed, text in expected.items():
        p = tmp / f"clean-{ed}.txt"
        p.write_text(text, "utf-8")
        out, n = proofdesk(p)
        fixes += n
        changed_pd += metrics.edit_distance(out, text)
        changed_naive += metrics.edit_distance(naive(text), text)
    return [["raw", "0", "0"], ["naive", "–", str(changed_naive)], ["ProofDesk", str(fixes), str(changed_pd)]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description="Accuracy of ProofDesk on text extracted from generated newspaper pages.")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--per-page", action="store_true", help="also one row per edition (ProofDesk only)")
    parser.add_argument("--out", type=Path, help="write each system's output here, for inspection (e.g. bench/results/accuracy)")
    parser.add_argument("--corpus", type=Path, help="the articles the data was typeset from (default: the manifest's, else tests/corpus/articles)")
    args = parser.parse_args(argv)
    try:
        import rapidfuzz  # noqa: F401
    except ImportError:
        print("bench.accuracy: needs rapidfuzz; install the bench extra: .venv/bin/pip install -e '.[bench]'", file=sys.stderr)
        return 2
    manifest = json.loads((args.data / "manifest.json").read_text("utf-8"))
    corpus = load_corpus(corpus_dir(manifest, args.corpus))
    editions = manifest["editions"]
    missing = sorted({a for info in editions.values() for a in info["articles"]} - corpus.keys())
    if missing:
        print(f"bench.accuracy: articles {', '.join(missing[:5])} not in {corpus_dir(manifest, args.corpus)}; pass --corpus", file=sys.stderr)
        return 2
    expected: dict[str, str] = {}
    for ed, info in editions.items():
        text = (args.data / "expected" / f"{ed}.txt").read_text("utf-8")
        if text != "".join(t + "\n" for _, t, _ in expected_blocks(info, corpus)):
            print(f"bench.accuracy: {ed}: expected text out of date with the corpus; rerun python -m bench.pages.generate", file=sys.stderr)
        expected[ed] = text
    rows, page_rows = [], []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for ex in EXTRACTORS:
            if not (args.data / ex).is_dir():
                continue
            scores = {s: Score() for s in SYSTEMS}
            for ed in editions:
                path = args.data / ex / f"{ed}.txt"
                raw = path.read_text("utf-8")
                outputs = {"raw": raw, "naive": naive(raw), "ProofDesk": proofdesk(path)[0]}
                blocks = expected_blocks(editions[ed], corpus)
                for s, got in outputs.items():
                    scores[s].add(got, expected[ed], blocks)
                    if args.out:
                        d = args.out / ex / s
                        d.mkdir(parents=True, exist_ok=True)
                        (d / f"{ed}.txt").write_text(got, "utf-8")
                if args.per_page:
                    one = Score()
                    one.add(outputs["ProofDesk"], expected[ed], blocks)
                    page_rows.append([ex, ed] + one.row())
            rows += [[ex, s] + scores[s].row() for s in SYSTEMS]
        clean_rows = _clean_text_rows(expected, tmp)
    n_pages = sum(v["pages"] for v in editions.values())
    n_chars = sum(len(metrics.normalise(t)) for t in expected.values())
    print(f"Accuracy on {len(editions)} generated editions ({n_pages} pages, {n_chars} characters of expected text)\n")
    print(table(rows, HEADER))
    print("\nChanges proposed on the already-clean expected texts\n")
    print(table(clean_rows, ["system", "default fixes", "characters changed"], numeric_from=1))
    if page_rows:
        print("\nProofDesk per edition\n")
        print(table(page_rows, ["extractor", "edition"] + HEADER[2:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
