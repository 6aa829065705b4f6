"""Load + validate against a bare ``yaml.CSafeLoader`` parse of the same files.

Usage: python -m benchmarks.bench_load [SIZES...]   (default: 100 1000 10000)

Also times ``holte-ropa --help`` against ``python -c "import pydantic"``. Both sides
of every ratio are measured in the same run, best of several repeats.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from benchmarks.synthetic import generate
from holte_ropa import load_registry
from holte_ropa.model._yaml import iter_files


def best_of(repeats: int, func: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def bare_parse(folder: Path) -> None:
    for path in iter_files(folder):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def main(sizes: list[int]) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="holte-bench-"))
    try:
        print(f"{'activities':>10} {'bare parse s':>13} {'load+validate s':>16} {'ratio':>6}")
        for size in sizes:
            folder = generate(size, tmp / f"r{size}")
            repeats = 5 if size <= 1000 else 3
            bare = best_of(repeats, lambda f=folder: bare_parse(f))
            ours = best_of(repeats, lambda f=folder: load_registry(f))
            print(f"{size:>10} {bare:>13.3f} {ours:>16.3f} {ours / bare:>6.2f}")
    finally:
        shutil.rmtree(tmp)
    exe = shutil.which("holte-ropa")
    help_cmd = [exe, "--help"] if exe else [sys.executable, "-m", "holte_ropa.cli", "--help"]
    base_cmd = [sys.executable, "-c", "import pydantic"]
    run = lambda cmd: subprocess.run(cmd, check=True, capture_output=True)  # noqa: E731
    base = best_of(10, lambda: run(base_cmd))
    cli = best_of(10, lambda: run(help_cmd))
    print(f"import pydantic {base:.3f} s, holte-ropa --help {cli:.3f} s, ratio {cli / base:.2f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000])
