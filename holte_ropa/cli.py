"""The ``holte-ropa`` command line.

Start-up is kept light on purpose: each subcommand lives in its own module under
``holte_ropa.commands`` and imports the heavy machinery (pydantic, networkx, jinja2)
only when it runs, so ``holte-ropa --help`` answers as fast as Python starts.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 unusable input or usage.
"""

from __future__ import annotations

import argparse
import keyword
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Protocol, cast

__all__ = ["COMMANDS", "main"]

COMMANDS: dict[str, str] = {
    "init": "Start a record: a starter registry whose findings are a to-do list.",
    "check": "Validate the registry and report problems.",
    "rules": "List the compliance rules, or explain one.",
    "build": "Validate the registry and write every output into one folder.",
    "schema": "Print the JSON Schema of registry files (for editors).",
    "graph": "Draw the data flows: DOT, SVG, PNG, PDF, GraphML, JSON or Mermaid.",
    "export": "Export the Art. 30 record: xlsx, csv, json, DPV JSON-LD or fideslang.",
    "diff": "Show what changed in meaning between two registries, and who must be told.",
    "notice": "Write the privacy notice pages (nb and en) as Markdown.",
    "site": "Write the website's pages as Markdown (no MkDocs needed).",
    "import": "Bring an existing record in: a spreadsheet ROPA or Fides manifests.",
    "due": "List the balancing tests, DPIAs, TIAs and agreements due for review.",
    "breach": "Draft the Art. 33 breach notification (and Art. 34 communication) from the record.",
}
"""Subcommand name -> one-line help; the module is holte_ropa.commands.<name>, with
hyphens as underscores and a trailing underscore for a Python keyword (``import_``)."""


def _module_name(name: str) -> str:
    module = name.replace("-", "_")
    return f"{module}_" if keyword.iskeyword(module) else module


class _Command(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def _parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser; only the ``chosen`` subcommand's module is imported (for its options).

    The list of subcommands needs only their summaries, so ``holte-ropa --help`` and
    ``holte-ropa check`` import no module of another subcommand.
    """
    parser = argparse.ArgumentParser(
        prog="holte-ropa",
        description="Privacy as code: check, graph, export and publish a GDPR Art. 30 "
        "record of processing activities kept as YAML.",
        epilog="Exit codes: 0 clean, 1 findings at or above --fail-on, 2 unusable input or usage.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, summary in COMMANDS.items():
        command = sub.add_parser(name, help=summary, description=summary)
        if name == chosen:
            module = cast(_Command, import_module(f"holte_ropa.commands.{_module_name(name)}"))
            module.add_arguments(command)
            command.set_defaults(_run=module.run)
    return parser


def _chosen(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line: the first argument not an option."""
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def _version() -> str:
    from holte_ropa import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of raising."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = _parser(_chosen(arguments))
    args = parser.parse_args(arguments)
    try:
        return int(args._run(args))
    except KeyboardInterrupt:
        print("holte-ropa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
