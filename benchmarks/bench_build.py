"""``holte-ropa build`` of Holte's registry against its ``check``.

Usage: python -m benchmarks.bench_build [REPEATS]   (default: 5)

CPU seconds (Graphviz's processes and MkDocs included), median of interleaved runs in
a scratch folder. The goal is a build at most 4x its check.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from benchmarks._measure import environment, holte_ropa, medians, workspace


def main(repeats: int) -> None:
    with tempfile.TemporaryDirectory(prefix="holte-bench-build-") as tmp:
        work = workspace(Path(tmp))
        env = environment(SOURCE_DATE_EPOCH="1764547200")
        found = medians(
            {
                "check": (holte_ropa("check", "registry"), work, env),
                "build": (holte_ropa("build", "registry", "-o", "out"), work, env),
            },
            repeats,
        )
    print(f"check {found['check']:.2f} CPU s, build {found['build']:.2f} CPU s")
    print(f"build / check: {found['build'] / found['check']:.2f} (goal <= 4)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
