"""``holte-ropa check``: is the registry usable, and what does it get wrong?"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from holte_ropa.commands._common import (
    EXIT_CLEAN,
    EXIT_UNUSABLE,
    add_registry_argument,
    print_problems,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_registry_argument(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for machines",
    )


def run(args: argparse.Namespace) -> int:
    from holte_ropa.loader import load_registry
    from holte_ropa.problems import RegistryError

    try:
        registry = load_registry(Path(args.path))
    except RegistryError as exc:
        if args.format == "json":
            _print_json([p.as_json() for p in exc.problems], args.path)
        else:
            print_problems(exc.problems, sys.stdout)
        return EXIT_UNUSABLE
    if args.format == "json":
        _print_json([], args.path)
    else:
        print(
            f"{args.path}: {len(registry.activities)} activities, {len(registry.parties)} "
            "parties: no problems"
        )
    return EXIT_CLEAN


def _print_json(findings: list[dict[str, object]], path: str) -> None:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[str(finding["severity"])] += 1
    payload = {"version": 1, "registry": path, "findings": findings, "summary": counts}
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
