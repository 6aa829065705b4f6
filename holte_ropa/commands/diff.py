"""``holte-ropa diff``: what changed in meaning between two registries, and who must hear.

OLD and NEW are registry folders or git revisions (``REV`` or ``REV:PATH``, read through
git without touching the work tree). An existing folder wins over a revision of the same
name. With ``--history`` it walks the git history of the registry instead.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from holte_ropa.commands._common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_UNUSABLE,
    add_output_argument,
    print_problems,
    write_text,
)
from holte_ropa.terms import LANGUAGES

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry

_EPILOG = """\
OLD defaults to HEAD (the registry/ folder of the last commit) and NEW to the registry/
folder of the working tree, so a plain `holte-ropa diff` shows what your uncommitted edits
change. A revision may name another folder: HEAD~3:path/to/registry.

Every change is classified by who must be told: data subjects (the published notice
changes), customers (sub-processors and processing done for them, GDPR Art. 28(2)), or
internal only (fields marked x-internal in the schema).

--history lists every commit up to OLD (default HEAD) that changed the registry's
meaning, newest first; --format atom turns it into an Atom feed of the changes customers
must be told of.

Exit codes: 0 whether or not anything changed (1 when it did, with --exit-code, like
git diff), 2 when OLD or NEW is not a registry or not a revision.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = _EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "old", nargs="?", default="HEAD", metavar="OLD", help="folder or git revision (HEAD)"
    )
    parser.add_argument(
        "new",
        nargs="?",
        default=None,
        metavar="NEW",
        help="folder or git revision (default: the registry/ folder)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "markdown", "atom"),
        default="text",
        help="text (default), json, markdown (for the newsletter), atom (with --history)",
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="nb", help="language of summaries (nb)"
    )
    parser.add_argument(
        "--history",
        action="store_true",
        help="the registry's change history in git up to OLD, one entry per commit",
    )
    parser.add_argument(
        "--exit-code", action="store_true", help="exit 1 when there are changes, like git diff"
    )
    parser.add_argument(
        "--audience",
        choices=("data_subjects", "customers", "internal"),
        default=None,
        help="only the changes this audience must be told of (with --exit-code: e.g. fail "
        "CI when customers must be notified)",
    )
    parser.add_argument(
        "--feed-url", metavar="URL", default=None, help="the Atom feed's own address (rel=self)"
    )
    add_output_argument(parser, "write to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    from holte_ropa.report._problems import RegistryError

    if args.format == "atom" and not args.history:
        print("holte-ropa diff: --format atom needs --history", file=sys.stderr)
        return EXIT_UNUSABLE
    if args.history and args.new is not None:
        print("holte-ropa diff: --history takes one revision, not OLD and NEW", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        if args.history:
            return _history(args)
        return _diff(args)
    except RegistryError as exc:
        print_problems(exc.problems, sys.stderr)
        return EXIT_UNUSABLE


def _diff(args: argparse.Namespace) -> int:
    from holte_ropa.changes._diff import diff
    from holte_ropa.changes._report import changes_json, changes_markdown, changes_text
    from holte_ropa.model._models import known

    new_spec = args.new if args.new is not None else "registry"
    old, new = _open(args.old), _open(new_spec)
    changes = [c for c in diff(old, new) if _wanted(c.audience, args.audience)]
    if args.format == "json":
        text = changes_json(changes, args.old, new_spec)
    elif args.format == "markdown":
        text = changes_markdown(changes, args.lang, known(new.organisation.privacy_contact))
    else:
        text = changes_text(changes, args.lang)
    write_text(text, args.output)
    return EXIT_FINDINGS if args.exit_code and changes else EXIT_CLEAN


def _history(args: argparse.Namespace) -> int:
    from holte_ropa.changes._git import load_revision, split_revision
    from holte_ropa.changes._history import registry_history, sub_processor_feed
    from holte_ropa.changes._report import history_json, history_markdown, history_text

    rev, folder = split_revision(args.old)
    history = [
        entry.model_copy(
            update={
                "changes": tuple(c for c in entry.changes if _wanted(c.audience, args.audience))
            }
        )
        for entry in registry_history(rev, folder=folder)
    ]
    history = [entry for entry in history if entry.changes or entry.initial]
    if args.format == "json":
        text = history_json(history)
    elif args.format == "markdown":
        text = history_markdown(history, args.lang)
    elif args.format == "atom":
        organisation = load_revision(args.old).organisation
        text = sub_processor_feed(history, organisation, args.lang, args.feed_url)
    else:
        text = history_text(history, args.lang)
    write_text(text, args.output)
    changed = any(entry.changes for entry in history)
    return EXIT_FINDINGS if args.exit_code and changed else EXIT_CLEAN


def _wanted(audience: tuple[str, ...], wanted: str | None) -> bool:
    return wanted is None or wanted in audience


def _open(spec: str) -> Registry:
    """A registry folder if ``spec`` names one, else a git revision (``REV[:PATH]``)."""
    from pathlib import Path

    from holte_ropa.changes._git import load_revision
    from holte_ropa.model._loader import load_registry

    if Path(spec).exists():
        return load_registry(Path(spec))
    return load_revision(spec)
