"""Building blocks of every registry model: the unknown marker, ids, country codes, texts.

Models are strict on purpose: a privacy officer's typo must never be silently dropped, so
every model forbids unknown keys and is immutable.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from holte_ropa.model._unknown import UNKNOWN, UNKNOWN_OVER_TEXT, Unknown, is_unknown, known

__all__ = [
    "UNKNOWN",
    "UNKNOWN_OVER_TEXT",
    "CountryCode",
    "Email",
    "Id",
    "NonEmpty",
    "Text",
    "Unknown",
    "is_unknown",
    "known",
]

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80),
    Field(description="A stable slug: lower-case letters, digits and hyphens."),
]
CountryCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    Field(description="ISO 3166-1 alpha-2 country code, e.g. NO, SE, US."),
]
Email = Annotated[
    str,
    StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$"),
    Field(description="An e-mail address."),
]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]


def _internal(description: str) -> Any:
    """Field(...) for data kept for auditors that must never be published."""
    return Field(default=None, description=description, json_schema_extra={"x-internal": True})


class _Model(BaseModel):
    """Base for every registry model: unknown keys are errors and values are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=False,
        use_attribute_docstrings=True,
        validate_default=False,
    )


class Text(_Model):
    """A text shown to people, in bokmål (primary) and English."""

    nb: NonEmpty | None = None
    """Bokmål."""
    en: NonEmpty | None = None
    """English."""

    @model_validator(mode="after")
    def _at_least_one(self) -> Text:
        if self.nb is None and self.en is None:
            raise ValueError("give the text in at least one language: nb or en")
        return self

    def get(self, lang: str) -> str | None:
        """The text in ``lang`` or None, never the other language in disguise."""
        return self.nb if lang == "nb" else self.en if lang == "en" else None
