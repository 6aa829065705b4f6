"""The breach log: every personal data breach, documented (GDPR Art. 33(5)).

Art. 33(5) requires the controller to document any personal data breach, "comprising the
facts relating to the personal data breach, its effects and the remedial action taken",
whether or not it was notified. The log is internal: every text in it is marked
``x-internal`` and no renderer of the published notice or site reads it.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any

from pydantic import AwareDatetime, Field

from holte_ropa.model._base import UNKNOWN_OVER_TEXT, Id, NonEmpty, Unknown, _Model

__all__ = ["Breach", "BreachNotification"]


def _kept_internal(description: str) -> Any:
    """A required field kept for auditors only (never published)."""
    return Field(description=description, json_schema_extra={"x-internal": True})


class BreachNotification(_Model):
    """Whether, when and how one addressee was told of a breach."""

    notified: bool | Unknown
    """True once told; false when it was decided not to (say why in ``reason``)."""
    at: AwareDatetime | None = None
    """When, ISO 8601 with a UTC offset, e.g. 2026-11-30T09:15:00+01:00."""
    reference: str | None = Field(
        default=None,
        description="The case number or message id of the notification.",
        json_schema_extra={"x-internal": True},
    )
    reason: str | None = Field(
        default=None,
        description="Why it was not notified, or why it was late (GDPR Art. 33(1)).",
        json_schema_extra={"x-internal": True},
    )


class Breach(_Model):
    """One personal data breach in the log (GDPR Art. 33(5)); internal, never published."""

    id: Id
    discovered: AwareDatetime
    """When the organisation became aware of the breach: the 72 hours of Art. 33(1) run
    from here. ISO 8601 with a UTC offset."""
    targets: tuple[Id, ...] = Field(min_length=1)
    """What was breached: parties, activities, security measures or data categories."""
    facts: Annotated[NonEmpty | Unknown, UNKNOWN_OVER_TEXT] = _kept_internal(
        "What happened, as far as it is known."
    )
    effects: Annotated[NonEmpty | Unknown, UNKNOWN_OVER_TEXT] = _kept_internal(
        "The effects on the data subjects, as far as they are known."
    )
    remedial_action: Annotated[NonEmpty | Unknown, UNKNOWN_OVER_TEXT] = _kept_internal(
        "The remedial action taken."
    )
    authority: BreachNotification | Unknown | None = None
    """The notification to the supervisory authority (Art. 33(1)); None only when every
    concerned activity is done as a processor, which tells the controllers instead."""
    controllers: BreachNotification | None = None
    """For processing done as a processor: telling the controllers (Art. 33(2))."""
    data_subjects: BreachNotification | Unknown | None = None
    """The communication to the data subjects (Art. 34)."""
    closed: _dt.date | None = None
    """The day the breach was closed; until then ``holte-ropa check`` reports it."""
    owner: str | None = Field(
        default=None,
        description="Who handles the breach.",
        json_schema_extra={"x-internal": True},
    )
