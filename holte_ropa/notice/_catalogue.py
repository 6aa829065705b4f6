"""The notice's words per language: gettext message catalogues read from their ``.po`` files.

The templates and the renderer write English source strings (``_("Who we are")``); a
language other than English is one catalogue, ``locale/<lang>/LC_MESSAGES/notice.po``,
next to this module. English, the source language, needs none: its words are the
message ids themselves.

The ``.po`` is compiled in memory on first use (Babel's ``read_po`` and ``write_mo``), so
an editable install needs no build step and a wheel ships the ``.po`` as package data.
Fuzzy entries are never used: an unreviewed translation falls back to the English source
rather than reaching a public page.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

__all__ = ["DOMAIN", "N_", "SOURCE_LANG", "catalogue", "translations_from_po"]

DOMAIN = "notice"
"""The gettext domain: the catalogue files are ``<DOMAIN>.po``."""

SOURCE_LANG = "en"
"""The language of the message ids; it needs no catalogue."""


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for a deferred message
    """Mark ``message`` for extraction without translating it here (``pybabel -k N_``)."""
    return message


def translations_from_po(po: bytes | str, locale: str | None = None) -> gettext.NullTranslations:
    """Translations from the text of a ``.po`` catalogue; fuzzy entries are left out.

    Raises :class:`babel.messages.pofile.PoFileError` for a malformed catalogue.
    """
    data = po.encode("utf-8") if isinstance(po, str) else po
    catalog = read_po(io.BytesIO(data), locale=locale, abort_invalid=True)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The packaged translations for ``lang``; English (the source) translates to itself.

    Raises :class:`FileNotFoundError` when ``lang`` has no ``notice.po``.
    """
    if lang == SOURCE_LANG:
        return gettext.NullTranslations()
    po = resources.files("holte_ropa.notice").joinpath(
        "locale", lang, "LC_MESSAGES", f"{DOMAIN}.po"
    )
    return translations_from_po(po.read_bytes(), locale=lang)
