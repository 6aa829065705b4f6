"""The Registry resolves references and derives facts the record never types by hand."""

from __future__ import annotations

import json
from pathlib import Path

from holte_ropa import UNKNOWN, Registry, load_registry
from holte_ropa.model._yaml import display_path
from holte_ropa.report._problems import Position
from tests.conftest import FIXTURES, ROOT

SMALL = FIXTURES / "small"


def small() -> Registry:
    return load_registry(SMALL)


def test_entities_are_found_by_id_and_kind() -> None:
    registry = small()
    assert registry.kind_of("newsletter") == "activity"
    assert registry.kind_of("mailtool") == "party"
    assert registry.kind_of("acme") == "organisation"
    assert registry.kind_of("nothing") is None
    assert registry.get("tls") is registry.security_measures["tls"]


def test_every_entity_and_field_is_located_in_its_file() -> None:
    registry = small()
    file = f"{display_path(SMALL)}/registry.yaml"
    assert registry.locate("newsletter") == Position(file, 15, 5)
    assert registry.locate("newsletter", "purposes", 0, "legal_basis", "withdrawal") == Position(
        file, 25, 23
    )
    assert registry.locate_waiver(0, "expires") == Position(file, 108, 14)


def test_sub_processors_of_sub_processors_reach_the_activity() -> None:
    registry = small()
    hosting = registry.activities["hosting"]
    assert registry.parties_of(hosting) == [("cloud", ()), ("backup", ("cloud",))]
    assert registry.chain("backup") == ["backup", "cloud", "acme"]
    assert [a.id for a in registry.activities_using("backup")] == ["hosting"]


def test_third_country_transfers_are_computed_from_party_countries() -> None:
    transfers = small().transfers
    assert [(t.activity, t.party, t.country, t.via) for t in transfers] == [
        ("newsletter", "mailtool", "US", ()),
        ("hosting", "backup", "GB", ("cloud",)),
        ("hosting", "backup", "IN", ("cloud",)),
    ]
    us, gb, india = transfers
    assert us.adequacy is not None and us.adequacy.requires_dpf
    assert gb.adequacy is not None and gb.mechanism is not None
    assert india.adequacy is None and india.mechanism is UNKNOWN


def test_eea_countries_are_never_transfers() -> None:
    assert all(t.country not in {"SE", "NO"} for t in small().transfers)


def test_dump_to_json_and_load_again_gives_an_equal_registry(tmp_path: Path) -> None:
    for folder in (SMALL, ROOT / "registry"):
        if not folder.exists():
            continue
        first = load_registry(folder)
        dumped = tmp_path / f"{folder.name}.json"
        dumped.write_text(first.to_json(), encoding="utf-8")
        again = load_registry(dumped)
        assert again == first
        assert again.to_json() == first.to_json()


def test_the_json_dump_keeps_internal_fields_for_auditors() -> None:
    payload = json.loads(small().to_json())
    assert payload["activities"][0]["owner"] == "Marketing lead"
    assert payload["activities"][0]["purposes"][0]["legal_basis"]["proof"] == (
        "mailtool consent log"
    )


def test_equal_registries_hash_equal_and_key_one_dict_entry(tmp_path: Path) -> None:
    first = small()
    dump = tmp_path / "small.json"
    dump.write_text(first.to_json(), encoding="utf-8")
    again = load_registry(dump)
    other = load_registry(FIXTURES / "minimal")
    assert again == first and again is not first
    assert hash(again) == hash(first)
    assert len({first, again, other}) == 2
    assert {first: "first"}[again] == "first"


def test_a_registry_remembers_what_was_computed_from_it_once() -> None:
    registry = load_registry(FIXTURES / "small")
    calls: list[str] = []

    def compute() -> list[str]:
        calls.append("computed")
        return ["result"]

    first = registry.remember(("example", 1), compute)
    assert registry.remember(("example", 1), compute) is first
    assert registry.remember(("example", 2), compute) == ["result"]
    assert calls == ["computed", "computed"]
    assert load_registry(FIXTURES / "small").remember(("example", 1), compute) is not first


def test_a_value_asked_for_without_keeping_is_used_if_kept_and_not_kept_if_new() -> None:
    registry = load_registry(FIXTURES / "small")
    calls: list[str] = []

    def compute() -> list[str]:
        calls.append("computed")
        return ["result"]

    passing = registry.remember(("example", 1), compute, keep=False)
    assert registry.remember(("example", 1), compute) is not passing
    kept = registry.remember(("example", 1), compute)
    assert registry.remember(("example", 1), compute, keep=False) is kept
    assert calls == ["computed", "computed"]
