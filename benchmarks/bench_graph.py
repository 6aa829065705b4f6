"""Graph build + DOT against loading the same registry (the budget is 1x the load time).

Usage: python -m benchmarks.bench_graph [SIZE]   (default: 10000 activities)

Both sides are measured in the same run on the same synthetic registry, best of several
repeats, so the ratio holds on any machine.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.synthetic import generate
from holte_ropa import load_registry
from holte_ropa.graph._formats import to_dot
from holte_ropa.graph._graph import build_graph
from holte_ropa.model._registry import Registry


def best_of(repeats: int, func: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def graph_and_dot(registry: Registry) -> str:
    """The whole-organisation DOT from a registry whose derived facts are not yet cached."""
    return to_dot(build_graph(registry).view("organisation"), "nb")


def main(size: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="holte-bench-graph-"))
    try:
        folder = generate(size, tmp / f"r{size}")
        repeats = 2
        loaded: list[Registry] = []
        load = best_of(repeats, lambda: loaded.append(load_registry(folder)))
        sizes: list[int] = []
        graph = best_of(repeats, lambda: sizes.append(len(graph_and_dot(loaded.pop()))))
        print(
            f"{size} activities: load_registry {load:.3f} s, build_graph + DOT {graph:.3f} s "
            f"({sizes[0] / 1e6:.1f} MB of DOT), ratio {graph / load:.2f} (budget 1.00)"
        )
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
