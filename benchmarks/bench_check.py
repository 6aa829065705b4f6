"""All compliance checks against loading the same synthetic registry, at two sizes.

Usage: python -m benchmarks.bench_check [SIZES...]   (default: 1000 10000)

Reports check time / load time per size, and how check time grows from the smallest to
the largest size compared with the growth in activities (1.0 = linear).
"""

from __future__ import annotations

import datetime as _dt
import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_load import best_of
from benchmarks.synthetic import generate
from holte_ropa import load_registry
from holte_ropa.rules import all_rules, check

TODAY = _dt.date(2026, 11, 25)
RENDERING_RULES = ("R48",)
"""Rules that render the whole notice in both languages (readability), timed apart."""


def main(sizes: list[int]) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="holte-bench-"))
    print(f"{len(all_rules())} rules")
    print(f"{'activities':>10} {'load s':>8} {'check s':>8} {'check/load':>10}")
    timings: dict[int, float] = {}
    try:
        for size in sizes:
            folder = generate(size, tmp / f"r{size}")
            repeats = 3
            load = best_of(repeats, lambda f=folder: load_registry(f))
            registry = load_registry(folder)
            timed = best_of(repeats, lambda r=registry: check(r, today=TODAY))
            light = best_of(
                repeats, lambda r=registry: check(r, today=TODAY, ignore=RENDERING_RULES)
            )
            timings[size] = timed
            print(
                f"{size:>10} {load:>8.3f} {timed:>8.3f} {timed / load:>10.2f}   "
                f"without {','.join(RENDERING_RULES)}: {light:.3f} s, "
                f"{light / load:.2f} of load"
            )
    finally:
        shutil.rmtree(tmp)
    small, large = min(timings), max(timings)
    if large > small:
        growth = (timings[large] / timings[small]) / (large / small)
        print(
            f"check time grew {timings[large] / timings[small]:.1f}x for {large / small:.0f}x "
            f"activities: {growth:.2f} of linear"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
