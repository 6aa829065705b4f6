"""``holte-ropa notice``: the privacy notice pages as Markdown, from the registry."""

from __future__ import annotations

import argparse
from pathlib import Path

from holte_ropa.commands._common import (
    EXIT_CLEAN,
    EXIT_UNUSABLE,
    add_registry_argument,
    load_or_report,
)
from holte_ropa.terms import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_registry_argument(parser)
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        default=None,
        help="write every page in both languages into DIR (index.md, processors.md, "
        "cookies.md, en/...); without it, print the notice in --lang to stdout",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="only this language (default: nb on stdout, both with -o)",
    )


def run(args: argparse.Namespace) -> int:
    registry = load_or_report(args.path)
    if registry is None:
        return EXIT_UNUSABLE
    import sys

    from holte_ropa.notice import notice_pages, render_notice

    if args.output is None:
        sys.stdout.write(render_notice(registry, args.lang or "nb"))
        return EXIT_CLEAN
    out = Path(args.output)
    pages = notice_pages(registry)
    if args.lang == "nb":
        pages = {k: v for k, v in pages.items() if "/" not in k}
    elif args.lang is not None:
        pages = {k: v for k, v in pages.items() if k.startswith(f"{args.lang}/")}
    try:
        for name, text in pages.items():
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"holte-ropa notice: cannot write {out}/: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    print(f"{args.path}: wrote {len(pages)} pages to {out}/", file=sys.stderr)
    return EXIT_CLEAN
