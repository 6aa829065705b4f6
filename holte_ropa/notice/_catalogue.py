"""The notice's words per language: gettext message catalogues read from their ``.po`` files.

The templates and the renderer write English source strings (``_("Who we are")``); a
language other than English is one catalogue, ``locale/<lang>/LC_MESSAGES/notice.po``,
next to this module. English, the source language, needs none: its words are the
message ids themselves.

The ``.po`` is compiled on first use (Babel's ``read_po`` and ``write_mo``), so an
editable install needs no build step and a wheel ships the ``.po`` as package data. The
compiled catalogue is kept in the user's cache folder (beside the compiled templates),
named by a fingerprint of the ``.po`` and of this module, and read back with the standard
library's ``gettext``: a check that renders the notice neither imports Babel nor parses
the ``.po`` again. A folder that cannot be written means compiling every time.
Fuzzy entries are never used: an unreviewed translation falls back to the English source
rather than reaching a public page.
"""

from __future__ import annotations

import gettext
import hashlib
import io
import os
import struct
import sys
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path

from holte_ropa.notice._compiled import cache_home

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
    from babel.support import Translations

    return Translations(io.BytesIO(_compile(po, locale)), domain=DOMAIN)


def _compile(po: bytes | str, locale: str | None) -> bytes:
    """The ``.mo`` of a ``.po`` catalogue's text, fuzzy entries left out."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    data = po.encode("utf-8") if isinstance(po, str) else po
    catalog = read_po(io.BytesIO(data), locale=locale, abort_invalid=True)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    return compiled.getvalue()


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The packaged translations for ``lang``; English (the source) translates to itself.

    Raises :class:`FileNotFoundError` when ``lang`` has no ``notice.po``.
    """
    if lang == SOURCE_LANG:
        return gettext.NullTranslations()
    po = (
        resources.files("holte_ropa.notice")
        .joinpath("locale", lang, "LC_MESSAGES", f"{DOMAIN}.po")
        .read_bytes()
    )
    kept = _kept_path(po, lang)
    if kept is not None:
        try:
            return gettext.GNUTranslations(io.BytesIO(kept.read_bytes()))
        except (OSError, struct.error, UnicodeDecodeError):
            pass  # not kept yet, or unreadable: compile it again
    compiled = _compile(po, lang)
    if kept is not None:
        _keep(kept, compiled)
    return gettext.GNUTranslations(io.BytesIO(compiled))


def _kept_path(po: bytes, lang: str) -> Path | None:
    """Where the compiled catalogue of ``po`` is kept; None without a cache folder."""
    base = cache_home()
    if base is None:
        return None
    fingerprint = hashlib.sha256(
        b"\0".join([po, sys.version.encode(), Path(__file__).read_bytes()])
    ).hexdigest()[:16]
    return base / "holte-ropa" / f"{DOMAIN}-{lang}-{fingerprint}.mo"


def _keep(path: Path, compiled: bytes) -> None:
    """Write ``compiled`` to ``path`` whole (a reader never sees half); skip if it can't."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(compiled)
        os.replace(temporary, path)
    except OSError:
        return
