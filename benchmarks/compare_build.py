"""Are the build outputs byte-identical to an earlier commit's? (For speed work.)

Usage: python -m benchmarks.compare_build [REV] [REGISTRY]   (default: HEAD registry)

Exports REV's package with ``git archive``, builds REGISTRY with it and with the working
tree (same SOURCE_DATE_EPOCH, separate processes), and lists every file that is missing
on one side or differs. Exit 0 when the two builds are identical, 1 otherwise.
"""

from __future__ import annotations

import filecmp
import io
import os
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).parents[1]
EPOCH = "1764547200"


def _export(rev: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", rev, "holte_ropa"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _build(code: Path, work: Path, out: str) -> float:
    """CPU seconds (user + system, Graphviz included) of one build: steadier than the
    wall clock on a shared machine.

    It runs in ``work`` (which holds the registry as ``registry/``), never in the
    checkout, whose own package would come first on ``sys.path`` and hide ``code``.
    """
    env = {**os.environ, "PYTHONPATH": str(code), "SOURCE_DATE_EPOCH": EPOCH}
    command = [sys.executable, "-m", "holte_ropa.cli", "build", "registry", "-o", out]
    start = _children_cpu()
    done = subprocess.run(command, env=env, cwd=work, capture_output=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"the build with {code} failed:\n{done.stderr.decode()}")
    return _children_cpu() - start


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _differences(left: Path, right: Path) -> list[str]:
    def walk(cmp: filecmp.dircmp[str], prefix: str) -> list[str]:
        found = [f"only before: {prefix}{n}" for n in cmp.left_only]
        found += [f"only after: {prefix}{n}" for n in cmp.right_only]
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found += [f"differs: {prefix}{n}" for n in mismatch + errors]
        for name, sub in sorted(cmp.subdirs.items()):
            found += walk(sub, f"{prefix}{name}/")
        return found

    return walk(filecmp.dircmp(left, right), "")


def main(rev: str, registry: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="holte-compare-") as tmp:
        work = Path(tmp) / "work"
        shutil.copytree(registry, work / "registry")
        before_code = _export(rev, Path(tmp) / "code")
        before = _build(before_code, work, "before")
        after = _build(ROOT, work, "after")
        found = _differences(work / "before", work / "after")
        count = sum(1 for p in (work / "after").rglob("*") if p.is_file())
    print(
        f"build at {rev}: {before:.2f} CPU s; working tree: {after:.2f} CPU s "
        f"({after / before:.2f}x)"
    )
    print("\n".join(found) or f"identical: {count} files")
    return 1 if found else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(args[0] if args else "HEAD", Path(args[1] if len(args) > 1 else "registry")))
