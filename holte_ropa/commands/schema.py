"""``holte-ropa schema``: the JSON Schema editors use to check registry files."""

from __future__ import annotations

import argparse

from holte_ropa.commands._common import EXIT_CLEAN, add_output_argument, write_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_output_argument(parser, "write the schema to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    from holte_ropa.model._schema import registry_json_schema_text

    write_text(registry_json_schema_text(), args.output)
    return EXIT_CLEAN
