"""``holte-ropa build``: the main job, every output of the registry in one folder.

The work is :func:`holte_ropa.build`; this module parses the arguments, calls it and
prints. The build refuses to publish a registry with unwaived errors: the reports are
still written, so CI and people see why.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from holte_ropa.commands._common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_UNUSABLE,
    add_registry_argument,
    load_or_report,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_registry_argument(parser)
    parser.add_argument(
        "-o", "--output", metavar="DIR", default="build", help="output folder (default: build/)"
    )
    parser.add_argument(
        "--release",
        action="store_true",
        help="refuse to publish a draft: exit 1 while an element the notice must state "
        "(GDPR Art. 13-14) is unknown or contradicted, waived or not",
    )
    parser.add_argument(
        "--mkdocs-config",
        metavar="FILE",
        type=Path,
        default=None,
        help="your own mkdocs.yml that enables the holte-ropa plugin (default: the "
        "configuration shipped with holte-ropa, named after the organisation)",
    )


def run(args: argparse.Namespace) -> int:
    from holte_ropa._build import BuildError, build

    registry = load_or_report(args.path)
    if registry is None:
        return EXIT_UNUSABLE
    from holte_ropa.records._formats import XlsxCellCut

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", XlsxCellCut)
            result = build(
                registry,
                args.output,
                registry_path=args.path,
                mkdocs_config=args.mkdocs_config or "default",
                progress=sys.stderr.write,
                release=args.release,
                registry_folder=Path(args.path),
            )
    except BuildError as exc:
        print(f"holte-ropa build: {exc}", file=sys.stderr)
        return EXIT_FINDINGS
    finally:
        _show(caught)
    print(f"{args.path}: wrote {len(result.outputs)} files to {result.out_dir}/", file=sys.stderr)
    return EXIT_CLEAN


def _show(caught: list[warnings.WarningMessage]) -> None:
    """A cut xlsx cell as the command's own warning, other warnings as Python shows them."""
    from holte_ropa.records._formats import XlsxCellCut

    for warning in caught:
        if issubclass(warning.category, XlsxCellCut):
            print(f"holte-ropa build: warning: {warning.message}", file=sys.stderr)
        else:
            warnings.showwarning(
                warning.message, warning.category, warning.filename, warning.lineno
            )
