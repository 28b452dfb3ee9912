"""Analysis speed: time to analyse 100 KB, 1 MB and 10 MB of page text (all rules, fixes
resolved, suggested version applied), against one ``regex`` pass over the same text.

Run: ``./dev.sh bench`` (or ``python -m bench [--sizes 100K,1M]``). Targets: 1 MB in
<= 0.5 s and <= 20x the single pass, growing linearly with size."""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

import regex

from app.analyze import analyse_text
from app.engine import apply_fixes

from .corpus import page_text

SIZES = {"100K": 100_000, "1M": 1_000_000, "10M": 10_000_000}
# One pass that looks at every character: the floor any analysis has to pay.
SINGLE_PASS = regex.compile(r"[\p{Han}\s，。、]+")


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--sizes", default="100K,1M,10M")
    parser.add_argument("--memory", action="store_true", help="also measure peak memory (slower)")
    args = parser.parse_args(argv)
    print(f"{'size':>6} {'chars':>10} {'fixes':>8} {'analyse s':>10} {'apply s':>8} {'regex s':>8} {'ratio':>6} {'s/MB':>6}" + ("  peak MB" if args.memory else ""))
    for name in args.sizes.split(","):
        text = page_text(SIZES[name])
        repeat = 3 if SIZES[name] <= 1_000_000 else 1
        result = None

        def analyse():
            nonlocal result
            result = analyse_text(text)

        t_analyse = timed(analyse, repeat)
        chosen = [f for f in result.fixes if f.id in result.applied_by_default]
        t_apply = timed(lambda: apply_fixes(text, chosen), repeat)
        t_regex = timed(lambda: sum(1 for _ in SINGLE_PASS.finditer(text)), repeat)
        total = t_analyse + t_apply
        line = f"{name:>6} {len(text):>10} {len(result.fixes):>8} {t_analyse:>10.3f} {t_apply:>8.3f} {t_regex:>8.3f} {total / t_regex:>6.1f} {total / (SIZES[name] / 1e6):>6.2f}"
        if args.memory:
            tracemalloc.start()
            analyse_text(text)
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            line += f"  {peak:7.0f}"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
