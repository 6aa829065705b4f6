"""Our check against Ethyca Fides' ``fides --local evaluate`` on its demo manifests.

Usage: python -m benchmarks.bench_fides FIDES MANIFESTS [REPEATS]   (default: 7)

FIDES is the ``fides`` program of an environment where Fides is installed (Fides needs
Python >= 3.13; for example ``python3.13 -m venv /tmp/fides && /tmp/fides/bin/pip install
ethyca-fides``); MANIFESTS is a folder holding Fides' demo manifests (``demo_system.yml``,
``demo_dataset.yml`` and ``demo_policy.yml`` from the ``demo_resources`` folder of its
repository, in the fields its installed fideslang accepts). They are not copied into
this repository. Without either, the benchmark says so and stops.

Both commands run interleaved in scratch folders; the figures are median CPU seconds.
Comparable work: Fides loads its manifests and taxonomy and evaluates its policy; we
load Holte's registry and run every rule. The goal: our check at least 8x faster.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks._measure import environment, holte_ropa, medians, workspace


def main(fides: str | None, manifests: Path | None, repeats: int) -> int:
    if fides is None or shutil.which(fides) is None:
        print("skipped: no Fides program given or found (Fides needs Python >= 3.13)")
        return 0
    if manifests is None or not manifests.is_dir():
        print("skipped: no folder of Fides demo manifests given")
        return 0
    with tempfile.TemporaryDirectory(prefix="holte-bench-fides-") as tmp:
        work = workspace(Path(tmp) / "ours")
        theirs = Path(tmp) / "theirs"
        shutil.copytree(manifests, theirs / ".fides")
        found = medians(
            {
                "fides --local evaluate": (
                    [fides, "--local", "evaluate", ".fides"],
                    theirs,
                    environment(),
                ),
                "holte-ropa check registry/": (
                    holte_ropa("check", "registry"),
                    work,
                    environment(),
                ),
            },
            repeats,
        )
    fides_s, ours = found["fides --local evaluate"], found["holte-ropa check registry/"]
    print(f"fides --local evaluate: {fides_s:.2f} CPU s; holte-ropa check: {ours:.2f} CPU s")
    print(f"our check is {fides_s / ours:.1f}x faster (goal >= 8x; median of {repeats})")
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(
        main(
            args[0] if args else None,
            Path(args[1]) if len(args) > 1 else None,
            int(args[2]) if len(args) > 2 else 7,
        )
    )
