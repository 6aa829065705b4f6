"""Model details that renderers rely on."""

from __future__ import annotations

from holte_ropa import load_registry
from tests.conftest import ROOT


def test_a_party_named_per_language_is_shown_in_that_language() -> None:
    partners = load_registry(ROOT / "registry").parties["benefits-partners"]
    assert partners.name_in("en") == "Benefits programme partners"
    assert partners.name_in("nb") == "Samarbeidspartnere i fordelsprogrammet"


def test_a_company_keeps_its_trade_name_in_every_language() -> None:
    visma = load_registry(ROOT / "registry").parties["visma"]
    assert visma.name_in("en") == visma.name_in("nb") == visma.trade_name
