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
from holte_ropa.terms import LANGUAGES

if TYPE_CHECKING:
    from collections.abc import Callable

    from holte_ropa.model._registry import Registry

    Step = Callable[[Registry, Path], list[Path]]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_registry_argument(parser)
    parser.add_argument(
        "-o", "--output", metavar="DIR", default="build", help="output folder (default: build/)"
    )


def _steps() -> list[Step]:
    """Each step writes one family of outputs and returns the files it wrote."""
    from holte_ropa._bundle import write_graphs_and_records

    return [_write_record, write_graphs_and_records, _write_notice, _write_site]


def run(args: argparse.Namespace) -> int:
    registry = load_or_report(args.path)
    if registry is None:
        return EXIT_UNUSABLE
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    if not _write_reports(registry, out / "reports", args.path):
        return EXIT_FINDINGS
    written: list[Path] = []
    from holte_ropa.site._mkdocs_build import SiteBuildError

    try:
        for step in _steps():
            written += step(registry, out)
    except SiteBuildError as exc:
        print(f"holte-ropa build: {exc}", file=sys.stderr)
        return EXIT_FINDINGS
    print(f"{args.path}: wrote {len(written)} files to {out}/", file=sys.stderr)
    return EXIT_CLEAN


def _write_reports(registry: Registry, folder: Path, path: str) -> bool:
    """Write the check in every format; False when unwaived errors forbid publishing."""
    from holte_ropa import __version__
    from holte_ropa.notice._readability import readability_report
    from holte_ropa.report._reporters import (
        ReportOptions,
        failing,
        to_json,
        to_junit,
        to_sarif,
        to_text,
    )
    from holte_ropa.rules import all_rules, check

    findings = check(registry)
    options = ReportOptions(registry=path, version=__version__)
    rules = all_rules()
    folder.mkdir(parents=True, exist_ok=True)
    text = to_text(findings, options)
    scores = readability_report(registry)
    (folder / "check.txt").write_text(text, encoding="utf-8")
    (folder / "check.json").write_text(
        to_json(findings, options, {"readability": scores}), encoding="utf-8"
    )
    (folder / "readability.txt").write_text(_readability_table(scores), encoding="utf-8")
    (folder / "check.sarif").write_text(to_sarif(findings, rules, options), encoding="utf-8")
    (folder / "check.junit.xml").write_text(to_junit(findings, rules, options), encoding="utf-8")
    sys.stderr.write(text)
    sys.stderr.write(_readability_summary(scores, folder))
    if failing(findings, options.fail_on):
        print(
            "holte-ropa build: unwaived errors; fix them or waive them with a reason, "
            "an approver and an expiry date. Nothing was published.",
            file=sys.stderr,
        )
        return False
    return True


def _readability_table(scores: list[dict[str, object]]) -> str:
    """LIX per notice section for the people who edit the texts (never published)."""
    lines = ["lang    LIX  words  sentences  section  (where its text is written)"]
    for row in scores:
        lines.append(
            f"{row['lang']:<4} {row['lix']:>6}  {row['words']:>5}  {row['sentences']:>9}  "
            f"{row['section']}  ({row['file']}:{row['line']}:{row['column']})"
        )
    return "\n".join(lines) + "\n"


def _readability_summary(scores: list[dict[str, object]], folder: Path) -> str:
    parts = []
    for lang in LANGUAGES:
        values = [float(str(r["lix"])) for r in scores if r["lang"] == lang]
        if values:
            mean = sum(values) / len(values)
            parts.append(f"{lang} max {max(values):.1f}, mean {mean:.1f}")
    return (
        f"readability (LIX per notice section): {'; '.join(parts)}; see {folder}/readability.txt\n"
    )


def _write_record(registry: Registry, out: Path) -> list[Path]:
    from holte_ropa.model._schema import registry_json_schema_text

    files = {
        out / "registry.json": registry.to_json(),
        out / "registry.schema.json": registry_json_schema_text(),
    }
    for file, text in files.items():
        file.write_text(text, encoding="utf-8")
    return list(files)


def _write_site(registry: Registry, out: Path) -> list[Path]:
    from holte_ropa.site._mkdocs_build import build_site

    return build_site(registry, out / "site")


def _write_notice(registry: Registry, out: Path) -> list[Path]:
    from holte_ropa.notice import notice_pages

    written: list[Path] = []
    for name, text in notice_pages(registry).items():
        file = out / "notice" / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        written.append(file)
    return written
