"""The 72-hour deadline of GDPR Art. 33(1), in the organisation's time zone.

The deadline is 72 hours of elapsed time after the controller became aware of the
breach. Adding hours to a local wall-clock time is wrong across a daylight-saving change
(Europe/Oslo gains or loses an hour on the last Sundays of March and October), so the
sum is taken in UTC and only then shown in the organisation's zone (``zoneinfo``).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

__all__ = ["NOTIFICATION_HOURS", "Deadline", "NaiveDatetimeError", "deadline", "local_time"]

NOTIFICATION_HOURS = 72
"""GDPR Art. 33(1): "not later than 72 hours after having become aware of it"."""


class NaiveDatetimeError(ValueError):
    """A datetime without a UTC offset: the moment it names is ambiguous."""


@dataclass(frozen=True, slots=True)
class Deadline:
    """When the organisation became aware, and when Art. 33(1) expects the notification."""

    discovered: _dt.datetime
    """Aware; in the organisation's time zone."""
    due: _dt.datetime
    """Exactly 72 hours later, in the organisation's time zone."""
    time_zone: str
    """IANA name, e.g. Europe/Oslo."""


def deadline(discovered: _dt.datetime, time_zone: str) -> Deadline:
    """The Art. 33(1) deadline for a breach the organisation became aware of at ``discovered``.

    Raises NaiveDatetimeError when ``discovered`` has no UTC offset, and
    ``zoneinfo.ZoneInfoNotFoundError`` for an unknown zone.
    """
    if discovered.tzinfo is None or discovered.utcoffset() is None:
        raise NaiveDatetimeError(
            f"'{discovered.isoformat()}' has no UTC offset; write it as ISO 8601 with one, "
            "e.g. 2026-11-29T14:30+01:00"
        )
    zone = ZoneInfo(time_zone)
    utc = discovered.astimezone(_dt.UTC)
    due = utc + _dt.timedelta(hours=NOTIFICATION_HOURS)
    return Deadline(discovered.astimezone(zone), due.astimezone(zone), time_zone)


_PATTERN = {"nb": "EEEE d. MMMM y 'kl.' HH:mm", "en": "EEEE d MMMM y, HH:mm"}


def local_time(moment: _dt.datetime, lang: str) -> str:
    """``moment`` (aware, already in its display zone) as people read it, with the offset.

    E.g. "onsdag 1. april 2026 kl. 03:30 (CEST, UTC+02:00)" or
    "Wednesday 1 April 2026, 03:30 (CEST, UTC+02:00)".
    """
    when = format_datetime(moment, _PATTERN[lang], locale=lang)
    offset = moment.strftime("%z")
    return f"{when} ({moment.strftime('%Z')}, UTC{offset[:3]}:{offset[3:]})"
