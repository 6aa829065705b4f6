"""Holte's registry is complete against its Norwegian privacy notice (the seed).

The seed is read as text: vendors and headings are found in it, not copied into the test,
so a vendor added to the notice makes these tests fail until the registry follows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from holte_ropa.model._loader import load_registry
from holte_ropa.model._models import Duration, Organisation, PartyRole, Trigger, is_unknown
from holte_ropa.model._registry import Registry

ROOT = Path(__file__).parents[2]
SEED = ROOT / "tests" / "data" / "holte-personvernerklaering.txt"
REGISTRY = ROOT / "registry"

# Every activity heading of the notice and the registry activities that cover it.
HEADINGS: dict[str, tuple[str, ...]] = {
    "Holte som databehandler": ("customer-cloud-data",),
    "Salg og kundeservice": ("sales-and-customer-service", "newsletters-and-surveys"),
    "Markedsføring": ("direct-marketing", "web-forms"),
    "Nettside og bruk av cookies": ("website-cookies-necessary", "website-cookies-marketing"),
    "Fordelsprogrammet": ("benefits-programme",),
    "App": ("app-crash-reports",),
    "Rekruttering": ("recruitment",),
}


@cache
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@cache
def registry() -> Registry:
    return load_registry(REGISTRY)


def seed_lines() -> list[str]:
    return [line.strip() for line in seed().splitlines()]


def vendors_listed_after(intro: str) -> list[str]:
    """Vendor names in the bullet lines that follow ``intro`` in the seed.

    A bullet reads "• Category: A, B og C"; a parenthesis such as "Emarketeer
    (SuperOffice)" names the vendor's group and is not a vendor of its own.
    """
    lines = seed_lines()
    start = lines.index(intro) + 1
    vendors: list[str] = []
    for line in lines[start:]:
        if not line:
            continue
        if not line.startswith("•"):
            break
        names = line.split(":", 1)[1]
        names = re.sub(r"\([^)]*\)", "", names)
        vendors += [n.strip() for n in re.split(r",| og ", names) if n.strip()]
    return vendors


def party_with_trade_name(vendor: str) -> str | None:
    """Id of the party whose trade name is, or contains as a word, the vendor's name."""
    pattern = re.compile(rf"\b{re.escape(vendor)}\b", re.IGNORECASE)
    for party in registry().parties.values():
        if pattern.search(party.trade_name):
            return party.id
    return None


def test_the_registry_loads_without_problems() -> None:
    assert registry().organisation.id == "holte"


def test_the_seed_lists_the_vendors_the_test_parses() -> None:
    processors = vendors_listed_after("Vi benytter oss av følgende databehandlere:")
    sub_processors = vendors_listed_after("Vi benytter oss av følgende underdatabehandlere:")
    # A sanity check on the parser, not the vendor list itself.
    assert len(processors) >= 10
    assert "Emarketeer" in processors
    assert len(sub_processors) >= 2


@pytest.mark.parametrize(
    "intro",
    [
        "Vi benytter oss av følgende databehandlere:",
        "Vi benytter oss av følgende underdatabehandlere:",
    ],
)
def test_every_vendor_the_seed_names_is_a_party_in_the_registry(intro: str) -> None:
    missing = [v for v in vendors_listed_after(intro) if party_with_trade_name(v) is None]
    assert missing == [], f"vendors named in the notice but not in the registry: {missing}"


def test_the_sub_processors_of_the_seed_are_sub_processors_engaged_by_holte() -> None:
    for vendor in vendors_listed_after("Vi benytter oss av følgende underdatabehandlere:"):
        party_id = party_with_trade_name(vendor)
        assert party_id is not None
        party = registry().parties[party_id]
        assert party.role is PartyRole.SUB_PROCESSOR
        assert party.engaged_by == registry().organisation.id


@pytest.mark.parametrize("heading", list(HEADINGS))
def test_every_activity_heading_of_the_seed_maps_to_an_activity(heading: str) -> None:
    assert heading in seed_lines(), f"the seed has no heading {heading!r}"
    missing = [a for a in HEADINGS[heading] if a not in registry().activities]
    assert missing == [], f"{heading!r} maps to activities not in the registry: {missing}"


def test_holte_is_processor_for_the_data_in_its_software() -> None:
    assert registry().activities["customer-cloud-data"].role == "processor"


@pytest.mark.parametrize(
    ("fact", "value"),
    [
        ("post@holte.no", lambda o: o.email),
        ("personvern@holte.no", lambda o: o.privacy_contact),
        ("45 50 60 70", lambda o: o.phone),
        ("0212 Oslo", lambda o: f"{o.postal_address.postal_code} {o.postal_address.city}"),
        ("Pb. 172 Skøyen", lambda o: o.postal_address.lines[0]),
    ],
)
def test_the_seeds_contact_facts_are_in_the_registry(
    fact: str, value: Callable[[Organisation], str]
) -> None:
    assert fact in seed()
    assert value(registry().organisation) == fact


def test_cloud_data_is_deleted_or_anonymised_five_years_after_termination() -> None:
    assert "5 år etter oppsigelse" in seed()
    rules = registry().activities["customer-cloud-data"].retention
    assert not is_unknown(rules)
    matching = [
        r
        for r in rules
        if r.duration == Duration(years=5)
        and r.trigger == Trigger.TERMINATION
        and r.action == "delete_or_anonymise"
        and "5 år etter oppsigelse" in (r.description.nb or "")
    ]
    assert matching, "no retention rule says '5 år etter oppsigelse'"
