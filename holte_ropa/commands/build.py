"""``holte-ropa build``: the main job, every output of the registry in one folder."""

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
        "-o", "--output", metavar="DIR", default="build", help="output folder (default: build/)"
    )


def run(args: argparse.Namespace) -> int:
    registry = load_or_report(args.path)
    if registry is None:
        return EXIT_UNUSABLE
    from holte_ropa.schema import registry_json_schema_text

    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    written = {
        "registry.json": registry.to_json(),
        "registry.schema.json": registry_json_schema_text(),
    }
    for name, text in written.items():
        (out / name).write_text(text, encoding="utf-8")
    print(f"{args.path}: valid; wrote {', '.join(sorted(written))} to {out}/")
    from holte_ropa.exporters.audit_bundle import write_graphs_and_records

    print(write_graphs_and_records(registry, out))
    return EXIT_CLEAN
