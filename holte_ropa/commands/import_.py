"""``holte-ropa import``: a spreadsheet ROPA or Fides manifests into a registry folder."""

from __future__ import annotations

import argparse
import sys

from holte_ropa.commands._common import EXIT_CLEAN, EXIT_UNUSABLE


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="xlsx, ods or csv record, or Fides YAML")
    parser.add_argument(
        "-o", "--output", metavar="DIR", required=True, help="registry folder to write"
    )
    parser.add_argument(
        "--from",
        dest="kind",
        choices=("xlsx", "ods", "csv", "fides"),
        default=None,
        help="source kind (default: from the file's suffix; .yml/.yaml is fides)",
    )
    parser.add_argument(
        "--mapping", metavar="FILE", default=None, help="YAML 'columns: {header: field}'"
    )
    parser.add_argument(
        "--lang",
        choices=("nb", "en", "fr"),
        default=None,
        help="language of the source's texts (default: the language of a spreadsheet's "
        "column names; en for Fides)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace the YAML of an existing registry in DIR"
    )


def run(args: argparse.Namespace) -> int:
    from holte_ropa.imports import ImportSourceError, import_record, write_registry

    try:
        result = import_record(args.file, args.kind, mapping=args.mapping, lang=args.lang)
        written = write_registry(result, args.output, force=args.force)
    except ImportSourceError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_UNUSABLE
    except OSError as exc:
        print(f"{args.file}: error[import]: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    for note in result.notes:
        print(note, file=sys.stderr)
    from holte_ropa.commands._common import load_or_report

    if load_or_report(args.output) is None:  # other YAML in DIR, or a bug of the importer
        print(
            f"{args.output}: error[import]: the folder does not load as a registry (see above)",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    count = len(result.notes)
    print(
        f"{len(written)} files written to {args.output}; {count} value"
        f"{'s' if count != 1 else ''} to confirm (run holte-ropa check {args.output})",
        file=sys.stderr,
    )
    return EXIT_CLEAN
