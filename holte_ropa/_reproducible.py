"""SOURCE_DATE_EPOCH, read in one place so every output pins the same moment.

Reproducible builds (reproducible-builds.org/specs/source-date-epoch) set the variable to
the seconds since 1970-01-01 UTC of the last change; tools use it instead of the wall
clock for dates written into outputs. The checks judge waivers and reference data on its
day, the PDF diagrams and xlsx records carry it as their creation time.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = [
    "PINNED_FLOOR",
    "malformed_source_date_epoch",
    "pinned_moment",
    "source_date_epoch",
    "unset_if_malformed",
]

PINNED_FLOOR = _dt.datetime(1980, 1, 1, tzinfo=_dt.UTC)
"""The moment files carry when SOURCE_DATE_EPOCH is unset: the earliest a zip entry (an
xlsx, a docx) can hold, so PDFs and office files of one build agree."""


def source_date_epoch() -> _dt.datetime | None:
    """SOURCE_DATE_EPOCH as an aware UTC datetime; None when unset, empty or not digits.

    The specification asks tools to ignore a malformed value rather than fail, so a
    value such as ``-1`` or ``2026-01-01`` means "not set".
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return _dt.datetime.fromtimestamp(int(value), tz=_dt.UTC)


def pinned_moment() -> _dt.datetime:
    """The creation time written into files' metadata: SOURCE_DATE_EPOCH, else 1980-01-01.

    Metadata only: it is never printed as a fact about the record.
    """
    return source_date_epoch() or PINNED_FLOOR


def malformed_source_date_epoch() -> str | None:
    """The raw value when SOURCE_DATE_EPOCH is set but malformed (``""``, ``abc``), else None."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or source_date_epoch() is not None:
        return None
    return value


@contextmanager
def unset_if_malformed() -> Iterator[str | None]:
    """Run a block with a malformed SOURCE_DATE_EPOCH removed from the environment.

    Programs run in this process read the variable themselves, and not all forgive a
    bad value (MkDocs stops with ``int()``'s ValueError): inside the block they see it
    unset, as the specification asks. Yields the malformed value (None when there was
    none); the environment is as it was after the block.
    """
    malformed = malformed_source_date_epoch()
    if malformed is None:
        yield None
        return
    del os.environ["SOURCE_DATE_EPOCH"]
    try:
        yield malformed
    finally:
        os.environ["SOURCE_DATE_EPOCH"] = malformed
