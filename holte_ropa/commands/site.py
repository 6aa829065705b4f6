"""``holte-ropa site``: write the website's pages as Markdown, without MkDocs.

The same pages the MkDocs plugin publishes, for any other Markdown site builder (or for
reading the notice before it is published); with ``--config FILE`` also a configuration
without the plugin that Zensical builds (see :mod:`holte_ropa.site._standalone`).
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
    parser.add_argument(
        "--config",
        metavar="FILE",
        default=None,
        help="also write FILE, a site configuration without the plugin (navigation, theme, "
        "assets) for `zensical build -f FILE` or `mkdocs build -f FILE`",
    )


def run(args: argparse.Namespace) -> int:
    registry = load_or_report(args.path)
    if registry is None:
        return EXIT_UNUSABLE
    from holte_ropa.site import write_site

    out = Path(args.output)
    written = write_site(registry, out)
    print(f"wrote {len(written)} files to {out}/")
    if args.config:
        from holte_ropa.site._standalone import write_standalone_config

        pages = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in written}
        config = write_standalone_config(registry, pages, out, Path(args.config))
        print(f"wrote {config}: build the site with `zensical build -f {config}`")
    return EXIT_CLEAN
