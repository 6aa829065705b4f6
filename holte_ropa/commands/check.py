"""``holte-ropa check``: is the registry usable, and what does it get wrong?"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from holte_ropa.commands._common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_UNUSABLE,
    add_registry_argument,
    print_problems,
    use_colour,
    write_text,
)

if TYPE_CHECKING:
    from holte_ropa.report._findings import Finding
    from holte_ropa.report._problems import Problem
    from holte_ropa.report._reporters import ReportOptions
    from holte_ropa.rules import Rule


def _report_format(value: str) -> str:
    """One of the report formats; checked when parsing, so ``--help`` stays light."""
    from holte_ropa.report._reporters import REPORT_FORMATS

    if value not in REPORT_FORMATS:
        choices = ", ".join(map(repr, REPORT_FORMATS))
        raise argparse.ArgumentTypeError(f"invalid choice: {value!r} (choose from {choices})")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_registry_argument(parser)
    parser.add_argument(
        "--format",
        type=_report_format,
        metavar="FORMAT",
        default="text",
        help="text for people (default); json, sarif (2.1.0) or junit for CI",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="exit 1 when an unwaived finding has this severity or higher (default: error)",
    )
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULES",
        help="only these rules (ids or names, comma-separated; repeatable)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULES",
        help="skip these rules (ids or names, comma-separated; repeatable)",
    )
    parser.add_argument(
        "--lang", choices=("en", "nb"), default="en", help="language of the messages (default: en)"
    )
    parser.add_argument(
        "--today",
        type=_dt.date.fromisoformat,
        default=None,
        metavar="DATE",
        help="judge waivers and reference data as of DATE (YYYY-MM-DD); "
        "default: today, or SOURCE_DATE_EPOCH",
    )
    parser.add_argument(
        "--lix-threshold",
        type=float,
        default=55.0,
        metavar="N",
        help="readability score above which a notice section is reported (default: 55)",
    )
    parser.add_argument(
        "--include-waived",
        action="store_true",
        help="sarif: keep waived findings as suppressed results (GitHub code scanning "
        "ignores suppressions and would open an alert for each; left out by default)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default=None,
        help="write the report to FILE instead of stdout",
    )


def _split(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def run(args: argparse.Namespace) -> int:
    from holte_ropa import __version__
    from holte_ropa.model._loader import load_registry
    from holte_ropa.report._findings import Severity
    from holte_ropa.report._problems import RegistryError
    from holte_ropa.report._reporters import ReportOptions, failing
    from holte_ropa.rules import UnknownRuleError, check, report_data, select_rules

    select, ignore = _split(args.select), _split(args.ignore)
    try:
        chosen = select_rules(select, ignore)
    except UnknownRuleError as exc:
        print(f"holte-ropa check: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    options = ReportOptions(
        lang=args.lang,
        fail_on=Severity(args.fail_on),
        colour=args.format == "text" and args.output is None and use_colour(sys.stdout),
        registry=args.path,
        version=__version__,
        include_waived=args.include_waived,
    )
    try:
        registry = load_registry(Path(args.path))
    except RegistryError as exc:
        if args.format == "text" and args.output is None:
            print_problems(exc.problems, sys.stdout)  # the file:line:col: error[...] form
        else:
            findings = [_as_finding(p) for p in exc.problems]
            _emit(args.format, args.output, findings, chosen, options)
        return EXIT_UNUSABLE
    findings = check(
        registry,
        today=args.today,
        select=select or None,
        ignore=ignore,
        lix_threshold=args.lix_threshold,
    )
    extra = report_data(registry, chosen) if args.format == "json" else None
    _emit(args.format, args.output, findings, chosen, options, extra=extra)
    return EXIT_FINDINGS if failing(findings, options.fail_on) else EXIT_CLEAN


def _as_finding(problem: Problem) -> Finding:
    from holte_ropa.report._findings import Finding, Severity
    from holte_ropa.terms import same

    return Finding(
        rule=problem.category,
        name=f"{problem.category}-error",
        severity=Severity.ERROR,
        words=same(problem.message),
        file=problem.position.file,
        line=problem.position.line,
        column=problem.position.column,
        entity=problem.entity,
    )


def _emit(
    fmt: str,
    output: str | None,
    findings: Sequence[Finding],
    rules: Sequence[Rule],
    options: ReportOptions,
    *,
    extra: dict[str, object] | None = None,
) -> None:
    from holte_ropa.report._reporters import render_report

    write_text(render_report(fmt, findings, rules, options, extra), output)
