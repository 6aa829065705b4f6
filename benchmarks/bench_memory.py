"""Peak memory of ``holte-ropa check`` on synthetic registries.

Usage: python -m benchmarks.bench_memory [SIZES...]   (default: 1000 10000)

Each check runs in a process of its own; the figure is its largest resident set. The
goals: under 400 MB at 10,000 activities, under 4 GB at 100,000.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks._measure import environment, holte_ropa, peak_megabytes
from benchmarks.synthetic import generate


def main(sizes: list[int]) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="holte-bench-memory-"))
    try:
        env = environment()
        for size in sizes:
            generate(size, tmp / f"r{size}")
            whole = peak_megabytes(holte_ropa("check", f"r{size}"), tmp, env)
            light = peak_megabytes(holte_ropa("check", f"r{size}", "--ignore", "R48"), tmp, env)
            print(
                f"{size:>7} activities: check {whole:7.0f} MB peak; "
                f"without the readability rule {light:7.0f} MB"
            )
            shutil.rmtree(tmp / f"r{size}")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
