"""``holte-ropa check registry/`` against ``python -c "import pydantic, yaml"``.

Usage: python -m benchmarks.bench_startup [REPEATS]   (default: 15)

The check of a small registry is mostly start-up: importing, building the model
classes and the file model's validator (R48's scores are read back from the user's
cache after the warm-up run, as on every check of an unchanged registry). Its floor is
importing the two libraries it cannot do without. Both run interleaved; the figures are median CPU
milliseconds, and the ratio is the one the issue sets a goal for (at most 2.5x).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from benchmarks._measure import environment, holte_ropa, medians, workspace


def main(repeats: int) -> None:
    with tempfile.TemporaryDirectory(prefix="holte-bench-startup-") as tmp:
        work = workspace(Path(tmp))
        env = environment()
        found = medians(
            {
                "import pydantic, yaml": (
                    [sys.executable, "-c", "import pydantic, yaml"],
                    work,
                    env,
                ),
                "holte-ropa --help": (holte_ropa("--help"), work, env),
                "holte-ropa check registry/": (holte_ropa("check", "registry"), work, env),
            },
            repeats,
        )
    base = found["import pydantic, yaml"]
    for name, seconds in found.items():
        print(f"{name:<28} {seconds * 1000:7.0f} ms CPU  {seconds / base:5.2f}x")
    print(f"(median of {repeats}, interleaved; goal: check <= 2.5x the imports)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
