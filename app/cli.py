"""Headless command line: ``proofdesk check`` and ``proofdesk clean``.

Exit status: 0 when nothing is to be fixed, 1 when fixes were suggested (check), 2 on
an error, with a message that names the file and says what to do.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from bisect import bisect_right
from collections import Counter

from .analyze import RULES, analyse
from .document import COLUMN_MODES, LoadError, load_document
from .engine import apply_fixes
from .export import CONVERSIONS, ExportOptions, export
from .fsutil import WriteError
from .rules import trad_simp
from .settings import PRESETS, SettingsError, load_settings


class LineIndex:
    """1-based line and column of a raw-text position. CRLF, LF and a lone CR each end
    a line, as in the analysis and in the window."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\r\n|\r|\n", text)]

    def locate(self, pos: int) -> tuple[int, int]:
        line = bisect_right(self.starts, pos)
        return line, pos - self.starts[line - 1] + 1


def _rule_list(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in RULES and n != "all"]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown rule {', '.join(unknown)}; rules are: {', '.join(RULES)}")
    return names


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="proofdesk", description="Proofread text extracted from Chinese newspaper pages.")
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--settings", metavar="FILE", help="rule settings (TOML) overriding the defaults and the preset")
    common.add_argument("--preset", choices=PRESETS, help="house style: print (GB/T 15834, the default) or web (spaces between CJK and Latin/digits)")
    common.add_argument("--style", choices=("print", "web"), help="spacing convention between CJK and Latin/digits")
    common.add_argument(
        "--columns",
        choices=COLUMN_MODES,
        default="auto",
        help="text read out of order (pdftotext -layout columns side by side, pieces of a plain extraction read out of order): auto (the default) reviews it put back in reading order, keep reviews the file as it is",
    )

    check = sub.add_parser("check", parents=[common], help="list the issues found in FILE")
    check.add_argument("file")
    check.add_argument("--json", action="store_true", help="machine-readable output")

    clean = sub.add_parser("clean", parents=[common], help="write the suggested cleaned version of FILE")
    clean.add_argument("file")
    clean.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.txt or OUT.docx")
    clean.add_argument("--accept", type=_rule_list, action="extend", default=[], metavar="RULE[,RULE]", help="apply every fix of these rules (or 'all')")
    clean.add_argument("--reject", type=_rule_list, action="extend", default=[], metavar="RULE[,RULE]", help="apply no fix of these rules (or 'all')")
    clean.add_argument("--blank-lines", action="store_true", help="TXT: a blank line between paragraphs")
    clean.add_argument("--indent", action="store_true", help="TXT: two ideographic spaces before each paragraph")
    clean.add_argument("--crlf", action="store_true", help="TXT: Windows line ends")
    clean.add_argument("--convert", choices=sorted(CONVERSIONS), help="export in Traditional Chinese (OpenCC): s2t standard, s2tw/s2twp Taiwan (p: Taiwan phrasing), s2hk Hong Kong")
    clean.add_argument("--corner-quotes", action="store_true", help="write quotation marks as corner brackets: “ ” → 「 」, ‘ ’ → 『 』 (Taiwan, Hong Kong)")
    return parser


def _settings(args):
    settings = load_settings(args.settings, args.preset)
    if args.style:
        settings.rule("stray-space").options["style"] = args.style
    return settings


def _script(text: str, settings) -> dict | None:
    """The document's script as trad-simp counts it (None when the rule is off)."""
    if not settings.rule(trad_simp.RULE_ID).enabled:
        return None
    s = trad_simp.document_script(text)
    return {"script": s.script, "simplified": s.simplified, "traditional": s.traditional}


def _load(args):
    doc = load_document(args.file, columns=args.columns)
    for warning in doc.warnings:
        print(f"proofdesk: warning: {warning}", file=sys.stderr)
    for notice in doc.notices:
        print(f"proofdesk: note: {notice}", file=sys.stderr)
    return doc


def _columns(doc) -> dict | None:
    """What was done to a text read out of order, for --json (None: nothing)."""
    if not doc.layout_mode:
        if not doc.reorderable:
            return None
        moved = doc.restored.report.moved if doc.restored is not None else 0
        return {"rearranged": doc.restored is not None, "pieces_moved": moved}
    report = doc.restored.report if doc.restored is not None else None
    return {
        "rearranged": report is not None,
        "pages": report.pages if report else None,
        "blocks": list(report.blocks) if report else [],
        "staircases": report.staircases if report else 0,
    }


def cmd_check(args) -> int:
    doc = _load(args)
    settings = _settings(args)
    result = analyse(doc, settings)
    # LINE:COL in the file, also when its columns were put back in reading order.
    index = LineIndex(doc.file_text)

    def where(pos: int) -> tuple[int, int]:
        return index.locate(doc.file_offset(pos))

    applied = result.applied_by_default
    if args.json:
        out = {
            "file": str(args.file),
            "encoding": doc.encoding,
            # Set when the file's text is out of reading order (pdftotext -layout
            # columns, app.columns; pieces of a plain extraction, app.block_order):
            # "rearranged" means the edits' offsets are in the text put in reading
            # order; line and column are always in the file.
            "columns": _columns(doc),
            "script": _script(doc.text, settings),
            "fixes": [
                {
                    "id": f.id,
                    "rule": f.rule,
                    "category": f.category.value,
                    "confidence": f.confidence.value,
                    "applied_by_default": f.id in applied,
                    "line": where(f.start)[0],
                    "column": where(f.start)[1],
                    "message": f.message_zh,
                    "message_en": f.message_en,
                    "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in f.edits],
                }
                for f in result.fixes
            ],
        }
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for f in result.fixes:
            line, col = where(f.start)
            mark = "" if f.id in applied else " [?]"
            print(f"{args.file}:{line}:{col}: {f.rule}{mark} {f.message_zh}")
        counts = Counter(f.rule for f in result.fixes)
        questions = sum(1 for f in result.fixes if f.id not in applied)
        summary = ", ".join(f"{rid} {counts[rid]}" for rid in RULES if counts[rid]) or "no issues"
        print(f"{args.file}: {len(result.fixes)} issues ({summary}); {questions} of them questions [?] not applied by default; encoding {doc.encoding}")
    return 1 if applied else 0


def cmd_clean(args) -> int:
    doc = _load(args)
    result = analyse(doc, _settings(args))
    accept, reject = set(args.accept), set(args.reject)
    chosen = []
    for f in result.fixes:
        if f.rule in reject or "all" in reject:
            continue
        if f.rule in accept or "all" in accept or f.id in result.applied_by_default:
            chosen.append(f)
    cleaned = apply_fixes(doc.raw, chosen).text
    options = ExportOptions(blank_line_between=args.blank_lines, indent=args.indent, crlf=args.crlf, convert=args.convert, corner_quotes=args.corner_quotes)
    target = export(cleaned, args.output, options, protect=doc.path)
    print(f"{args.file}: {len(chosen)} of {len(result.fixes)} fixes applied; wrote {target}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # A file name that is not valid UTF-8 reaches Python with surrogates in it; print it
    # escaped (valid JSON inside --json's strings) rather than fail on it.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        return {"check": cmd_check, "clean": cmd_clean}[args.command](args)
    except (LoadError, WriteError, SettingsError) as exc:
        print(f"proofdesk: {exc}", file=sys.stderr)
        return 2
    except MemoryError:
        print(
            f"proofdesk: {args.file}: not enough memory to analyse this file (about 70 MB per MB of text). Split it and run ProofDesk on the parts.",
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `proofdesk check big.txt | head`: the reader left; not an error of ours. Point
        # stdout at /dev/null so that the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # noqa: BLE001 - an editor must never see a traceback
        if os.environ.get("PROOFDESK_DEBUG"):
            raise
        print(
            f"proofdesk: {args.file}: unexpected problem ({type(exc).__name__}: {exc}). Nothing was written. "
            "Please report it with the file; PROOFDESK_DEBUG=1 shows the details.",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
