"""Words we write, in every published language: languages, bilingual text, legal terms.

This package sits at the bottom of the data flow next to :mod:`holte_ropa.model`. It
holds the list of published languages (``LANGUAGES``, ``Lang``, ``DEFAULT_LANGUAGE``),
``Words`` (a text we write, always in every language: rule messages, findings, the
change log's sentences, labels), the vocabulary of legal terms (legal bases, rights,
roles, transfer mechanisms, retention triggers, kinds of data) and ``cite``, the one way
an article of the GDPR is cited in each language.

It may import only the standard library and pydantic.
"""

from __future__ import annotations

from holte_ropa.terms._cite import cite, cite_paragraphs, cite_ref
from holte_ropa.terms._durations import period_words
from holte_ropa.terms._languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Lang,
    Localised,
    published_language,
)
from holte_ropa.terms._sentences import in_running_text, lower_first
from holte_ropa.terms._vocabulary import (
    DATA_KINDS,
    LEGAL_BASES,
    RETENTION_TRIGGERS,
    RIGHTS,
    ROLES,
    TRANSFER_MECHANISMS,
    VOCABULARY,
    Term,
)
from holte_ropa.terms._words import Words, same

__all__ = [
    "DATA_KINDS",
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LEGAL_BASES",
    "RETENTION_TRIGGERS",
    "RIGHTS",
    "ROLES",
    "TRANSFER_MECHANISMS",
    "VOCABULARY",
    "Lang",
    "Localised",
    "Term",
    "Words",
    "cite",
    "cite_paragraphs",
    "cite_ref",
    "in_running_text",
    "lower_first",
    "period_words",
    "published_language",
    "same",
]
