"""The one place this package asks whether a recorded fact is still ``unknown``."""

from __future__ import annotations

__all__ = ["is_unknown"]


def is_unknown(value: object) -> bool:
    """True for a fact the record marks as not yet confirmed (the literal ``unknown``)."""
    return isinstance(value, str) and value == "unknown"
