"""``holte-ropa build``: the main job, every output of the registry in one folder.

The build validates first and refuses to publish a registry with unwaived errors: the
reports are still written, so CI and people see why.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from holte_ropa.commands._common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_UNUSABLE,
    add_registry_argument,
    load_or_report,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from holte_ropa.registry import Registry

    Step = Callable[[Registry, Path], list[Path]]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_registry_argument(parser)
    parser.add_argument(
        "-o", "--output", metavar="DIR", default="build", help="output folder (default: build/)"
    )


def _steps() -> list[Step]:
    """Each step writes one family of outputs and returns the files it wrote."""
    from holte_ropa.exporters.audit_bundle import write_graphs_and_records

    return [_write_record, write_graphs_and_records]


def run(args: argparse.Namespace) -> int:
    registry = load_or_report(args.path)
    if registry is None:
        return EXIT_UNUSABLE
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    if not _write_reports(registry, out / "reports", args.path):
        return EXIT_FINDINGS
    written: list[Path] = []
    for step in _steps():
        written += step(registry, out)
    print(f"{args.path}: wrote {len(written)} files to {out}/", file=sys.stderr)
    return EXIT_CLEAN


def _write_reports(registry: Registry, folder: Path, path: str) -> bool:
    """Write the check in every format; False when unwaived errors forbid publishing."""
    from holte_ropa import __version__
    from holte_ropa.reporters import ReportOptions, failing, to_json, to_junit, to_sarif, to_text
    from holte_ropa.rules import all_rules, check

    findings = check(registry)
    options = ReportOptions(registry=path, version=__version__)
    rules = all_rules()
    folder.mkdir(parents=True, exist_ok=True)
    text = to_text(findings, options)
    (folder / "check.txt").write_text(text, encoding="utf-8")
    (folder / "check.json").write_text(to_json(findings, options), encoding="utf-8")
    (folder / "check.sarif").write_text(to_sarif(findings, rules, options), encoding="utf-8")
    (folder / "check.junit.xml").write_text(to_junit(findings, rules, options), encoding="utf-8")
    sys.stderr.write(text)
    if failing(findings, options.fail_on):
        print(
            "holte-ropa build: unwaived errors; fix them or waive them with a reason, "
            "an approver and an expiry date. Nothing was published.",
            file=sys.stderr,
        )
        return False
    return True


def _write_record(registry: Registry, out: Path) -> list[Path]:
    from holte_ropa.schema import registry_json_schema_text

    files = {
        out / "registry.json": registry.to_json(),
        out / "registry.schema.json": registry_json_schema_text(),
    }
    for file, text in files.items():
        file.write_text(text, encoding="utf-8")
    return list(files)
