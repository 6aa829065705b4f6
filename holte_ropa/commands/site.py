"""``holte-ropa site``: write the website's pages as Markdown, without MkDocs.

The same pages the MkDocs plugin publishes, for any other Markdown site builder (or for
reading the notice before it is published).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from holte_ropa.commands._common import (
    EXIT_CLEAN,
    EXIT_UNUSABLE,
    add_registry_argument,
    load_or_report,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_registry_argument(parser)
    parser.add_argument(
        "-o", "--output", metavar="DIR", default="build/site-pages", help="output folder"
    )


def run(args: argparse.Namespace) -> int:
    registry = load_or_report(args.path)
    if registry is None:
        return EXIT_UNUSABLE
    from holte_ropa.site import write_site

    out = Path(args.output)
    written = write_site(registry, out)
    print(f"wrote {len(written)} files to {out}/")
    return EXIT_CLEAN
