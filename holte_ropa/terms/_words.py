"""``Words``: a text WE write (messages, labels, legal terms), in every language.

The registry's own texts (``holte_ropa.model.Text``) may lack a language, which a rule
reports; our own words may not: a ``Words`` without bokmål or English cannot be built.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from holte_ropa.terms._languages import LANGUAGES

__all__ = ["Words", "same"]


class Words(BaseModel):
    """A text in bokmål and English; both are always present.

    A frozen pydantic model (not a dataclass) so that models holding it (``Finding``,
    ``Change``) validate and serialise it as ``{"nb": ..., "en": ...}``.

    Raises:
        pydantic.ValidationError: a language is missing or an unknown one is given.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    nb: str
    """Norwegian bokmål."""
    en: str
    """English."""

    def get(self, lang: str) -> str:
        """The text in ``lang``; any language but ``nb`` reads English."""
        return self.nb if lang == "nb" else self.en

    def __getitem__(self, lang: str) -> str:
        """The text in ``lang``, strictly: ``KeyError`` for a language we do not publish."""
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return self.get(lang)


def same(text: str) -> Words:
    """A value that reads the same in every language (ids, codes, names)."""
    return Words(nb=text, en=text)
