"""The printed page frame: the organisation, the version and date or the draft, page numbers."""

from __future__ import annotations

import datetime as _dt

import pytest

from holte_ropa import load_registry
from holte_ropa.site import site_pages
from holte_ropa.site._print import print_frame
from tests.conftest import FIXTURES, ROOT


def test_a_published_notice_prints_its_organisation_version_date_and_page_numbers() -> None:
    frame = print_frame(load_registry(FIXTURES / "small"), draft=False)
    assert '@top-left { content: "Acme AS – Personvernerklæring";' in frame
    assert '@top-right { content: "Versjon 1.0, sist endret 15. januar 2026";' in frame
    assert '@bottom-center { content: "Side " counter(page) " av " counter(pages);' in frame
    assert '"Version 1.0, last changed 15 January 2026"' in frame
    assert '"Page " counter(page) " of " counter(pages)' in frame
    assert 'html[lang="en"] body { page: en; }' in frame


def test_a_draft_prints_utkast_and_the_day_it_was_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01
    frame = print_frame(load_registry(ROOT / "registry"), draft=True)
    assert '"UTKAST – bygget 1. desember 2026"' in frame
    assert '"DRAFT – built 1 December 2026"' in frame
    assert "Versjon" not in frame
    assert print_frame(load_registry(ROOT / "registry"), draft=True, built=_dt.date(2027, 1, 2))


def test_the_site_prints_with_the_frame_of_its_own_registry() -> None:
    css = site_pages(load_registry(ROOT / "registry"))["stylesheets/print.css"]
    assert css.index("@page {") < css.index("@media print")
    assert '"Holte AS – Personvernerklæring"' in css and "UTKAST" in css


def test_a_name_cannot_break_out_of_the_css_string() -> None:
    hostile = load_registry(FIXTURES / "hostile")
    frame = print_frame(hostile, draft=True)
    top_left = next(line for line in frame.splitlines() if "@top-left" in line)
    text = top_left.split("content: ", 1)[1].split("; font:", 1)[0]
    assert text.startswith('"') and text.endswith('"')
    assert '"' not in text[1:-1] and "}" not in text[1:-1] and "<" not in text[1:-1]
