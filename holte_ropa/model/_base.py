"""Building blocks of every registry model: the unknown marker, ids, country codes, texts.

Models are strict on purpose: a privacy officer's typo must never be silently dropped, so
every model forbids unknown keys and is immutable.

``Text`` is the organisation's own text, and stays a strict pydantic model apart from
:class:`holte_ropa.terms.Words` (the words WE write, always in every language): a
registry text may lack a language, and the loader must accept it so that rule R37
(``text-missing-language``, GDPR Art. 12(1)) can report it at its line. It shares the
language list (:data:`holte_ropa.terms.LANGUAGES`) and the accessor protocol
(:class:`holte_ropa.terms.Localised`, ``get(lang)``), with ``None`` for a missing
language instead of a stand-in. (Its class docstring is the JSON Schema's description,
so the reasoning lives here.)
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from holte_ropa.model._countries import country_schema, iso_country
from holte_ropa.model._unknown import UNKNOWN, UNKNOWN_OVER_TEXT, Unknown, is_unknown, known
from holte_ropa.terms import LANGUAGES, Lang

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
    AfterValidator(iso_country),
    Field(
        description="ISO 3166-1 alpha-2 country code, e.g. NO, SE, US.",
        json_schema_extra=country_schema,
    ),
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


class _SharedFields(frozenset[str]):
    """The fields a model instance was given, one object for all instances given the same.

    A copy (``model_copy``, ``copy.copy``, ``copy.deepcopy``) is a set of its own again,
    which pydantic may add to.
    """

    __slots__ = ()

    def __copy__(self) -> set[str]:
        return set(self)

    def __deepcopy__(self, memo: dict[int, object]) -> set[str]:
        return set(self)


_SHARED_FIELDS: dict[frozenset[str], _SharedFields] = {}


def _shared(given: set[str]) -> _SharedFields:
    key = frozenset(given)
    found = _SHARED_FIELDS.get(key)
    if found is None:
        found = _SHARED_FIELDS.setdefault(key, _SharedFields(key))
    return found


class _Model(BaseModel):
    """Base for every registry model: unknown keys are errors and values are immutable.

    A field's docstring is its description in the JSON Schema; it is read when the schema
    is generated (:mod:`holte_ropa.model._schema`), not when the models are built, which
    every run of the check would pay for. Likewise a model's validator is built when the
    model is first validated on its own (``defer_build``): loading a registry validates
    only the file model, whose validator holds every nested model, so a check builds one
    validator instead of one per model class.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=False,
        validate_default=False,
        defer_build=True,
    )

    @model_validator(mode="after")
    def _share_fields_set(self) -> Any:
        # pydantic gives every instance a set of the fields it was given (216 bytes or
        # more, as much as the instance's own values); a registry of 100,000 activities
        # holds millions of them. Instances given the same fields share one.
        object.__setattr__(self, "__pydantic_fields_set__", _shared(self.__pydantic_fields_set__))
        return self


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

    def missing(self) -> tuple[Lang, ...]:
        """The published languages this text lacks, in ``LANGUAGES`` order."""
        return tuple(lang for lang in LANGUAGES if self.get(lang) is None)
