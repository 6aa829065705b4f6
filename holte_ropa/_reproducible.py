"""SOURCE_DATE_EPOCH, read in one place so every output pins the same moment.

Reproducible builds (reproducible-builds.org/specs/source-date-epoch) set the variable to
the seconds since 1970-01-01 UTC of the last change; tools use it instead of the wall
clock for dates written into outputs. The checks judge waivers and reference data on its
day, the PDF diagrams and xlsx records carry it as their creation time.
"""

from __future__ import annotations

import datetime as _dt
import os

__all__ = ["source_date_epoch"]


def source_date_epoch() -> _dt.datetime | None:
    """SOURCE_DATE_EPOCH as an aware UTC datetime; None when unset, empty or not digits.

    The specification asks tools to ignore a malformed value rather than fail, so a
    value such as ``-1`` or ``2026-01-01`` means "not set".
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return _dt.datetime.fromtimestamp(int(value), tz=_dt.UTC)
