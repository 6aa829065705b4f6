"""``holte-ropa init``: start a record, a starter registry whose findings are a to-do list.

The files come from :mod:`holte_ropa.starter`; an existing file is never overwritten
(exit 2, nothing written). The files written and what to do next are the result, on
stdout; a refusal is on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from holte_ropa.commands._common import EXIT_CLEAN, EXIT_UNUSABLE


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder", nargs="?", default="registry", metavar="DIR", help="folder (default: registry/)"
    )
    parser.add_argument(
        "--name", required=True, help='the organisation\'s legal name, e.g. "Fjordlys Regnskap AS"'
    )


def run(args: argparse.Namespace) -> int:
    from holte_ropa.starter import StarterExistsError, write_starter

    folder = Path(args.folder)
    try:
        written = write_starter(folder, args.name)
    except (StarterExistsError, ValueError) as exc:
        print(f"holte-ropa init: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    for file in written:
        print(file.as_posix())
    print(
        f"{folder}: a starter record for {args.name}. Next: `holte-ropa check {folder}` "
        "lists what to fill in; `holte-ropa build` publishes once no errors remain."
    )
    return EXIT_CLEAN
