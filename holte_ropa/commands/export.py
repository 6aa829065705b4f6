"""``holte-ropa export record``: the Art. 30 record for auditors and Datatilsynet."""

from __future__ import annotations

import argparse
import sys
import warnings

from holte_ropa.commands._common import (
    EXIT_UNUSABLE,
    add_output_argument,
    add_registry_argument,
    load_or_report,
)
from holte_ropa.terms import LANGUAGES

_FORMATS = ("xlsx", "csv", "json", "jsonld")
"""``holte_ropa.records.RECORD_FORMATS``, kept here so ``--help`` stays light (a test holds
them equal)."""


def _base_url(value: str) -> str:
    """An absolute http(s) URL, else argparse's usage error (exit 2) saying why."""
    from holte_ropa.records._jsonld import base_url_problem

    problem = base_url_problem(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    record = sub.add_parser(
        "record",
        help="the Art. 30(1) controller or 30(2) processor record",
        description="The Art. 30(1) controller or 30(2) processor record.",
    )
    add_registry_argument(record)
    record.add_argument(
        "--role",
        choices=("controller", "processor"),
        default="controller",
        help="controller: Art. 30(1) (default); processor: Art. 30(2)",
    )
    record.add_argument(
        "--format",
        choices=_FORMATS,
        default="xlsx",
        help="xlsx (default), csv, json, or jsonld (W3C DPV; both roles and languages)",
    )
    record.add_argument(
        "--lang", choices=LANGUAGES, default="nb", help="header and text language (default: nb)"
    )
    record.add_argument(
        "--base-url",
        metavar="URL",
        default=None,
        type=_base_url,
        help="jsonld only: where the site is published; IRIs become URL/record.jsonld#...",
    )
    add_output_argument(record, "write to FILE instead of stdout")
    fides = sub.add_parser(
        "fides",
        help="the record as fideslang manifests (Fides systems, declarations, organization)",
        description="The record as fideslang manifests that Fides loads.",
    )
    add_registry_argument(fides)
    add_output_argument(fides, "write to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    registry = load_or_report(args.path)
    if registry is None:
        return EXIT_UNUSABLE
    if args.what == "fides":
        from holte_ropa.commands._common import write_text
        from holte_ropa.records._fides import to_fides

        write_text(to_fides(registry), args.output)
        return 0
    from holte_ropa.commands._binary import write_bytes
    from holte_ropa.records._formats import XlsxCellCut, export_record

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", XlsxCellCut)
            data = export_record(
                registry, args.role, args.format, args.lang, base_url=args.base_url
            )
    except ImportError as exc:
        print(
            f"holte-ropa export: {exc}; install the export extra: pip install 'holte-ropa[export]'",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    for warning in caught:
        print(f"holte-ropa export: warning: {warning.message}", file=sys.stderr)
    return write_bytes(data, args.output, binary=args.format == "xlsx")
