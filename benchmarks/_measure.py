"""Measuring commands side by side on a busy machine: CPU time and peak memory of a child.

Wall-clock time on a machine shared by several people says more about the neighbours
than about the program, so the scripts compare CPU time (user + system, every process
the command started and waited for included), run their commands interleaved, and
report medians and ratios measured in the same run. Each command runs in a scratch
folder outside the checkout, with the checkout first on ``PYTHONPATH``, and with
bytecode caching on, as an installed package would run.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).parents[1]

Command = Sequence[str]


def environment(code: Path = ROOT, **extra: str) -> dict[str, str]:
    """The environment a measured command runs in: ``code`` importable, .pyc files kept."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(code), **extra}


def workspace(folder: Path, registry: Path = ROOT / "registry") -> Path:
    """A scratch folder holding a copy of ``registry`` as ``registry/``."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "registry").exists():
        shutil.copytree(registry, folder / "registry")
    return folder


def holte_ropa(*args: str) -> list[str]:
    return [sys.executable, "-m", "holte_ropa.cli", *args]


def cpu_seconds(command: Command, cwd: Path, env: Mapping[str, str]) -> float:
    """User + system seconds of ``command`` and everything it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


_PEAK = """\
import resource, subprocess, sys
subprocess.run(sys.argv[1:], capture_output=True, check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_megabytes(command: Command, cwd: Path, env: Mapping[str, str]) -> float:
    """The largest resident set of ``command`` (Linux reports kilobytes), in MB."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *command],
        cwd=cwd,
        env=dict(env),
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip()) / 1024


def medians(
    commands: Mapping[str, tuple[Command, Path, Mapping[str, str]]], repeats: int
) -> dict[str, float]:
    """Median CPU seconds of each command, run in turn ``repeats`` times (after a warm-up
    run each, which writes the .pyc files and the template cache)."""
    for name, (command, cwd, env) in commands.items():
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
        if done.returncode not in (0, 1):  # 1: findings, which a check may well have
            raise SystemExit(f"{name} failed ({done.returncode}):\n{done.stderr.decode()}")
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, (command, cwd, env) in commands.items():
            times[name].append(cpu_seconds(command, cwd, env))
    return {name: statistics.median(values) for name, values in times.items()}
