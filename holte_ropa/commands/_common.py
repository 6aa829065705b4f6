"""Arguments and output helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry
    from holte_ropa.report._problems import Problem

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


def add_registry_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        default="registry",
        metavar="PATH",
        help="registry folder, or one YAML/JSON file (default: registry/)",
    )


def add_output_argument(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", default=None, help=help_text)


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def print_problems(problems: tuple[Problem, ...] | list[Problem], stream: TextIO) -> None:
    red = use_colour(stream)
    for problem in problems:
        line = str(problem)
        if red:
            where, _, rest = line.partition(": ")
            line = f"\033[1m{where}\033[0m: \033[31m{rest}\033[0m"
        print(line, file=stream)
    count = len(problems)
    print(
        f"{count} problem{'s' if count != 1 else ''}: the registry cannot be used until "
        "fixed (exit 2)",
        file=stream,
    )


def load_or_report(path: str) -> Registry | None:
    """The loaded registry, or None after printing every problem to stderr."""
    from holte_ropa.model._loader import load_registry
    from holte_ropa.report._problems import RegistryError

    try:
        return load_registry(Path(path))
    except RegistryError as exc:
        print_problems(exc.problems, sys.stderr)
        return None


def write_text(text: str, output: str | None) -> None:
    """Write to ``output`` (creating folders) or to stdout."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
