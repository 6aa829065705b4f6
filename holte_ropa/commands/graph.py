"""``holte-ropa graph``: draw where personal data goes, as a diagram or a graph file."""

from __future__ import annotations

import argparse
import sys

from holte_ropa.commands._common import (
    EXIT_UNUSABLE,
    add_output_argument,
    add_registry_argument,
    load_or_report,
)
from holte_ropa.terms import LANGUAGES

_FORMATS = ("dot", "svg", "png", "pdf", "graphml", "graphml-yed", "json", "mermaid")
"""``holte_ropa.graph.GRAPH_FORMATS``, kept here so ``--help`` does not import networkx (a
test holds them equal)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_registry_argument(parser)
    parser.add_argument(
        "--view",
        default="organisation",
        metavar="VIEW",
        help="organisation (default), transfers, sources, recipients, activity:ID, party:ID "
        "or subject:ID",
    )
    parser.add_argument(
        "--format", choices=_FORMATS, default="dot", help="output format (default: dot)"
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="nb", help="label language (default: nb)"
    )
    add_output_argument(parser, "write to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    registry = load_or_report(args.path)
    if registry is None:
        return EXIT_UNUSABLE
    from holte_ropa.commands._binary import write_bytes
    from holte_ropa.graph._formats import (
        GraphvizError,
        GraphvizMissingError,
        export_graph,
    )
    from holte_ropa.graph._graph import UnknownEntityError, build_graph

    try:
        view = build_graph(registry).view(args.view)
        data = export_graph(view, args.format, args.lang)
    except (UnknownEntityError, ValueError, GraphvizMissingError, GraphvizError) as exc:
        print(f"holte-ropa graph: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    return write_bytes(data, args.output, binary=args.format in ("png", "pdf"))
