"""``holte-ropa due``: the balancing tests, DPIAs, TIAs, agreements, reference data and
waivers that must be reviewed by a day (exit 1 when any is, like a finding)."""

from __future__ import annotations

import argparse
import calendar
import datetime as _dt
import json
import re
import sys
from typing import TYPE_CHECKING

from holte_ropa.commands._common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_UNUSABLE,
    add_registry_argument,
    load_or_report,
)

if TYPE_CHECKING:
    from holte_ropa.rules import Review

_WITHIN = re.compile(r"^(\d{1,4})([dwmy])$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_registry_argument(parser)
    parser.add_argument(
        "--within",
        default="30d",
        metavar="DURATION",
        help="also list what falls due within DURATION from today: a number and d (days), "
        "w (weeks), m (months) or y (years), e.g. 30d, 3m (default: 30d; 0d: only what "
        "is overdue or due today)",
    )
    parser.add_argument(
        "--today",
        type=_dt.date.fromisoformat,
        default=None,
        metavar="DATE",
        help="count from DATE (YYYY-MM-DD); default: today, or SOURCE_DATE_EPOCH",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    parser.add_argument(
        "--lang", choices=("en", "nb"), default="en", help="language of the lines (default: en)"
    )


def until(today: _dt.date, within: str) -> _dt.date | None:
    """The last day ``within`` (e.g. "30d", "3m") reaches from ``today``; None if malformed."""
    match = _WITHIN.match(within.strip())
    if match is None:
        return None
    count, unit = int(match.group(1)), match.group(2)
    if unit in "dw":
        try:
            return today + _dt.timedelta(days=count * (7 if unit == "w" else 1))
        except OverflowError:  # past 9999-12-31: everything is within reach
            return _dt.date.max
    months = today.month - 1 + count * (12 if unit == "y" else 1)
    year, month = today.year + months // 12, months % 12 + 1
    if year > _dt.MAXYEAR:
        return _dt.date.max
    return today.replace(year=year, month=month, day=min(today.day, _last_day(year, month)))


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _day(review: Review) -> str | None:
    from holte_ropa.model import known

    date = known(review.review_by)
    return None if date is None else date.isoformat()


def _state(review: Review, today: _dt.date, lang: str) -> str:
    left, day = review.days_left(today), _day(review)
    en = lang == "en"
    if left is None:
        return "review date unknown" if en else "dato for gjennomgang ukjent"
    if left < 0:
        return f"{day}, overdue by {-left} days" if en else f"{day}, {-left} dager over fristen"
    if left == 0:
        return f"{day}, due today" if en else f"{day}, forfaller i dag"
    return f"{day}, due in {left} days" if en else f"{day}, forfaller om {left} dager"


def _as_json(review: Review, today: _dt.date) -> dict[str, object]:
    left = review.days_left(today)
    return {
        "kind": review.kind,
        "entity": review.entity,
        "what": {"en": review.what.en, "nb": review.what.nb},
        "review_by": _day(review),
        "days_left": left,
        "overdue": left is not None and left < 0,
        "file": review.where.file,
        "line": review.where.line,
        "column": review.where.column,
    }


def run(args: argparse.Namespace) -> int:
    from holte_ropa.rules import default_today, due_reviews

    today = args.today or default_today()
    last = until(today, args.within)
    if last is None:
        print(
            f"holte-ropa due: --within {args.within!r} is not a duration; write a number and "
            "d, w, m or y, e.g. 30d or 3m",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    registry = load_or_report(args.path)
    if registry is None:
        return EXIT_UNUSABLE
    due = due_reviews(registry, last)
    if args.format == "json":
        payload = {
            "registry": args.path,
            "today": today.isoformat(),
            "until": last.isoformat(),
            "due": [_as_json(r, today) for r in due],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        for review in due:
            what = review.what.en if args.lang == "en" else review.what.nb
            print(f"{review.where}: {_state(review, today, args.lang)}: {what}")
        count = len(due)
        print(
            f"{args.path}: {count} document{'s' if count != 1 else ''} to review by "
            f"{last.isoformat()}",
            file=sys.stderr,
        )
    return EXIT_FINDINGS if due else EXIT_CLEAN
