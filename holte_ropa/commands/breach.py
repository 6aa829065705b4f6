"""``holte-ropa breach``: draft the Art. 33 notification (and Art. 34 communication).

Exit codes: 0 the draft was written (and logged), 2 unusable input: a registry that does
not load, an id that is not a party, activity, security measure or data category, a
datetime without a UTC offset, or a log entry that would break the registry.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from holte_ropa.commands._common import (
    EXIT_CLEAN,
    EXIT_UNUSABLE,
    add_output_argument,
    load_or_report,
    print_problems,
)

if TYPE_CHECKING:
    from holte_ropa.breach import BreachDraft
    from holte_ropa.model import Registry

_FORMATS = ("markdown", "json", "docx")


_FORMAT_HINT = (
    "write YYYY-MM-DDTHH:MM with the UTC offset of the clock you read, e.g. "
    "2026-11-29T14:30+01:00 (UTC+1) or 2026-11-29T13:30Z (UTC)"
)


def _aware(value: str) -> _dt.datetime:
    """The moment of awareness; a date alone or a time without offset is refused, since
    the 72 hours of GDPR Art. 33(1) run from a moment, not a day."""
    text = value.strip()
    if len(text) == 10 and text[4:5] == "-" and text[7:8] == "-":
        raise argparse.ArgumentTypeError(
            f"'{value}' is a date without a time; the 72 hours run from the moment you "
            f"became aware: {_FORMAT_HINT}"
        )
    try:
        moment = _dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not an ISO 8601 datetime; {_FORMAT_HINT}"
        ) from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"'{value}' has no UTC offset, so the moment is ambiguous; {_FORMAT_HINT}"
        )
    return moment


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "targets",
        nargs="+",
        metavar="TARGET",
        help="what was breached: ids of parties, activities, security measures or data categories",
    )
    parser.add_argument(
        "--discovered",
        required=True,
        type=_aware,
        metavar="DATETIME",
        help="when you became aware of the breach, ISO 8601 with an offset "
        "(e.g. 2026-11-29T14:30+01:00); the 72 hours of GDPR Art. 33(1) run from here",
    )
    parser.add_argument(
        "--registry",
        dest="path",
        default="registry",
        metavar="PATH",
        help="registry folder (default: registry/)",
    )
    parser.add_argument(
        "--lang", choices=("nb", "en"), default="nb", help="draft language (default: nb)"
    )
    parser.add_argument(
        "--format", choices=_FORMATS, default="markdown", help="output format (default: markdown)"
    )
    parser.add_argument(
        "--communication",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="include the Art. 34 draft to the data subjects (default: when the data "
        "categories suggest a high risk)",
    )
    parser.add_argument(
        "--log",
        action="store_true",
        help="also append the breach to the registry's breach log (breaches.yaml, GDPR "
        "Art. 33(5)); check reports it until it is closed",
    )
    parser.add_argument("--breach-id", default=None, metavar="ID", help="id of the log entry")
    parser.add_argument(
        "--facts", default=None, metavar="TEXT", help="what happened, for the log entry"
    )
    add_output_argument(parser, "write the draft to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    registry = load_or_report(args.path)
    if registry is None:
        return EXIT_UNUSABLE
    from holte_ropa.breach import (
        DocxMissingError,
        UnknownTargetError,
        breach_draft,
        render_breach,
        render_breach_docx,
        render_breach_json,
    )
    from holte_ropa.commands._binary import write_bytes

    now = _dt.datetime.now(_dt.UTC)
    if args.discovered > now:
        print(
            f"holte-ropa breach: --discovered {args.discovered.isoformat()} is in the future "
            f"(it is now {now.isoformat(timespec='minutes')}); give the moment you became "
            "aware of the breach",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    try:
        draft = breach_draft(registry, args.targets, args.discovered, now=now)
    except UnknownTargetError as exc:
        print(f"holte-ropa breach: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    binary = args.format == "docx"
    try:
        if args.format == "json":
            output = render_breach_json(draft).encode("utf-8")
        elif binary:
            output = render_breach_docx(
                registry, draft, args.lang, communication_draft=args.communication
            )
        else:
            text = render_breach(registry, draft, args.lang, communication_draft=args.communication)
            output = text.encode("utf-8")
    except DocxMissingError as exc:
        print(f"holte-ropa breach: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    if binary and args.output in (None, "-") and sys.stdout.isatty():
        print("holte-ropa breach: docx is binary; give -o FILE or redirect stdout", file=sys.stderr)
        return EXIT_UNUSABLE
    if args.log:
        logged = _logged_before(registry, draft)
        if logged is not None:
            print(
                f"holte-ropa breach: the log already has this breach as '{logged}' (the same "
                "targets, discovered at the same moment); nothing was added: edit that entry",
                file=sys.stderr,
            )
            return EXIT_UNUSABLE
        code = _log(args, draft, set(registry.breaches) | {i for _, i in registry.iter_entities()})
        if code != EXIT_CLEAN:
            return code
    try:
        return write_bytes(output, args.output, binary=binary)
    except OSError as exc:
        print(
            f"holte-ropa breach: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr
        )
        return EXIT_UNUSABLE


def _logged_before(registry: Registry, draft: BreachDraft) -> str | None:
    """The id of a logged breach with the same targets and moment of awareness."""
    targets = {ident for _, ident in draft.scope.targets}
    moment = draft.deadline.discovered
    for breach in registry.breaches.values():
        if breach.discovered == moment and set(breach.targets) == targets:
            return breach.id
    return None


def _log(args: argparse.Namespace, draft: BreachDraft, taken: set[str]) -> int:
    from holte_ropa.breach._log import LogFileError, append_entry, entry_id, log_entry
    from holte_ropa.model import load_registry
    from holte_ropa.report import RegistryError

    folder = Path(args.path)
    if not folder.is_dir():
        print(f"holte-ropa breach: --log needs a registry folder, not {folder}", file=sys.stderr)
        return EXIT_UNUSABLE
    ident = args.breach_id or entry_id(draft, taken)
    try:
        path, before = append_entry(folder, log_entry(draft, ident, args.facts))
    except (LogFileError, OSError) as exc:
        print(f"holte-ropa breach: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        load_registry(folder)
    except RegistryError as exc:
        if before is None:
            path.unlink()
        else:
            path.write_text(before, encoding="utf-8")
        print_problems(exc.problems, sys.stderr)
        print(
            f"holte-ropa breach: the log entry was not kept; {path} is as before", file=sys.stderr
        )
        return EXIT_UNUSABLE
    print(f"holte-ropa breach: logged '{ident}' in {path}", file=sys.stderr)
    return EXIT_CLEAN
