"""Internal fields of the record (x-internal) never reach a published page."""

from __future__ import annotations

import re

from pydantic import BaseModel

from holte_ropa import load_registry, notice_pages
from holte_ropa.model._models import UNKNOWN, internal_field_names
from tests.conftest import FIXTURES

CANARY = FIXTURES / "canary"
CANARY_DATES = (
    "1999-12-31",
    "1998-11-30",
    "1997-10-09",
    "1996-08-07",
    "1999",
    "1998",
    "1997",
    "1996",
)


def _internal_values(model: BaseModel) -> set[tuple[str, str]]:
    """(model, field) of every internal field set in ``model`` and below."""
    internal = internal_field_names()
    found: set[tuple[str, str]] = set()
    for name in type(model).model_fields:
        value = getattr(model, name)
        if (type(model).__name__, name) in internal and value not in (None, UNKNOWN):
            found.add((type(model).__name__, name))
        children = value if isinstance(value, tuple) else (value,)
        for child in children:
            if isinstance(child, BaseModel):
                found |= _internal_values(child)
    return found


def test_the_canary_fixture_fills_every_internal_field() -> None:
    registry = load_registry(CANARY)
    assert _internal_values(registry.data) == internal_field_names()
    assert any(not m.public for m in registry.security_measures.values())


def test_no_canary_appears_on_any_page_in_any_language() -> None:
    pages = notice_pages(load_registry(CANARY))
    assert len(pages) == 6
    for name, page in pages.items():
        assert "CANARY" not in page, name
        for date in CANARY_DATES:
            assert date not in page, (name, date)
        assert not re.search(r"\bLIX\b", page), name
    assert "Mailer" in pages["processors.md"]
