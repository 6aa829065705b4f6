"""The one marker of a fact not yet confirmed: ``unknown`` in YAML, :data:`UNKNOWN` in code.

The record states only what is known. Where a source is silent the YAML says ``unknown``
(with a comment), the model keeps that as :data:`UNKNOWN`, rules report it and renderers
say it is being confirmed, so nobody mistakes an assumption for the organisation's fact
(GDPR Art. 5(1)(d) accuracy and Art. 5(2) accountability).

A single-member enum rather than the bare string: a free-text field (a legal
name, a DPA reference) can never be confused with the marker, ``x is UNKNOWN`` narrows
the type for mypy, and :func:`is_unknown` / :func:`known` narrow both ways.
"""

from __future__ import annotations

import enum
from typing import Any, Final, TypeVar

from pydantic import AfterValidator, GetCoreSchemaHandler
from pydantic_core import PydanticCustomError, core_schema
from typing_extensions import TypeIs

__all__ = ["UNKNOWN", "UNKNOWN_OVER_TEXT", "Unknown", "is_unknown", "known"]

T = TypeVar("T")


class Unknown(enum.Enum):
    """A fact not yet confirmed. Rules report it; renderers say it is being confirmed.

    Validated from exactly the string ``unknown`` (not ``Unknown``, ``UNKNOWN`` or
    `` unknown``) and dumped back as that string, in Python and JSON modes alike; the JSON
    Schema keeps the constant string it has always had, so editors and old dumps still fit.
    """

    UNKNOWN = "unknown"

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __str__(self) -> str:
        """The word the YAML uses, so a message or export naming the value says it."""
        return self.value

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # One plain validator rather than a union of "instance or string": a failure stays
        # the single literal_error the loader has always reported ("Input should be
        # <the word>"), so "none of the allowed forms" messages keep their wording.
        return core_schema.no_info_plain_validator_function(
            _validate,
            json_schema_input_schema=core_schema.literal_schema([cls.UNKNOWN.value]),
            serialization=core_schema.plain_serializer_function_ser_schema(_dump),
        )


UNKNOWN: Final = Unknown.UNKNOWN
"""The marker itself; compare with ``is`` or use :func:`is_unknown`."""


def _validate(value: object) -> Unknown:
    if value is UNKNOWN or (isinstance(value, str) and value == UNKNOWN.value):
        return UNKNOWN
    raise PydanticCustomError(
        "literal_error", "Input should be {expected}", {"expected": repr(UNKNOWN.value)}
    )


def _dump(value: Unknown) -> str:
    return value.value


def is_unknown(value: object) -> TypeIs[Unknown]:
    """True when ``value`` is the marker; narrows ``T | Unknown`` to either side."""
    return value is UNKNOWN


def known(value: T | Unknown) -> T | None:
    """``value`` when it is confirmed, else None: for callers that treat unknown as absent.

    ``known(party.locations) or ()`` iterates the confirmed locations; where unknown must
    be told apart from absent (a rule reporting it, GDPR Art. 5(2)), use
    :func:`is_unknown` instead.
    """
    if is_unknown(value):
        return None
    return value


def _text_to_marker(value: object) -> object:
    return UNKNOWN if value.__class__ is str and value == UNKNOWN.value else value


UNKNOWN_OVER_TEXT: Final = AfterValidator(_text_to_marker)
"""Put on a field typed ``str | Unknown``: both union members accept the string
``unknown`` exactly, so pydantic keeps the first (the text); this turns it into the marker.
Usage: ``legal_name: Annotated[NonEmpty | Unknown, UNKNOWN_OVER_TEXT]``."""
