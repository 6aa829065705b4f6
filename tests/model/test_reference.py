"""The dated reference data shipped with holte-ropa: the EEA and adequacy decisions."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from importlib import resources
from typing import Any

import pycountry
import pytest
import yaml

from holte_ropa import load_registry, reference_data
from holte_ropa.model import _reference
from holte_ropa.model._reference import ReferenceError
from holte_ropa.model._unknown import UNKNOWN
from tests.conftest import MakeRegistry

EU_MEMBER_STATES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
)
"""The 27 EU member states (TEU Art. 52(1), ISO 3166-1 codes), written out independently of
the data file."""
EEA_EFTA_STATES = frozenset({"IS", "LI", "NO"})

UK_ENTRY = _dt.date(2025, 12, 19)
UK_EXPIRY = _dt.date(2031, 12, 27)
ONE_DAY = _dt.timedelta(days=1)


def test_the_reference_files_are_read_afresh_into_dated_facts() -> None:
    fresh = reference_data.__wrapped__()
    assert fresh == reference_data()
    assert fresh.is_eea("NO") and fresh.is_eea("SE") and not fresh.is_eea("US")
    assert fresh.adequacy_as_of == _dt.date(2026, 5, 1)
    assert fresh.dpia_list


def test_an_adequacy_decision_applies_from_its_entry_into_force_in_the_eea() -> None:
    uk = reference_data().adequacy_for("GB")
    assert uk is not None
    assert (uk.eu_adopted, uk.valid_until) == (UK_ENTRY, UK_EXPIRY)
    assert uk.eea_unconfirmed
    assert not uk.valid_on(UK_ENTRY - ONE_DAY)
    assert uk.valid_on(UK_ENTRY)
    assert uk.valid_on(UK_ENTRY + ONE_DAY)


def test_an_adequacy_decision_applies_up_to_and_including_its_expiry() -> None:
    uk = reference_data().adequacy_for("GB")
    assert uk is not None
    assert uk.valid_on(UK_EXPIRY - ONE_DAY)
    assert uk.valid_on(UK_EXPIRY)
    assert not uk.valid_on(UK_EXPIRY + ONE_DAY)


def test_a_decision_without_expiry_applies_indefinitely_from_its_entry_into_force() -> None:
    japan = reference_data().adequacy_for("JP")
    assert japan is not None and japan.valid_until is None
    assert not japan.valid_on(_dt.date(2019, 1, 22))
    assert japan.valid_on(_dt.date(2019, 1, 23))
    assert japan.valid_on(_dt.date(2099, 12, 31))


def test_a_decision_pending_in_the_eea_applies_on_no_day() -> None:
    brazil = reference_data().adequacy_for("BR")
    assert brazil is not None and brazil.pending_in_eea
    assert brazil.eu_adopted == _dt.date(2026, 1, 26)
    assert not brazil.valid_on(brazil.eu_adopted)
    assert not brazil.valid_on(_dt.date(2099, 12, 31))


def test_a_country_without_a_decision_has_none() -> None:
    assert reference_data().adequacy_for("IN") is None


def test_the_eea_is_the_27_eu_member_states_and_iceland_liechtenstein_norway() -> None:
    eea = reference_data().eea
    assert len(EU_MEMBER_STATES) == 27
    assert eea == EU_MEMBER_STATES | EEA_EFTA_STATES
    assert "HU" in eea


@pytest.mark.parametrize("code", sorted(EU_MEMBER_STATES | EEA_EFTA_STATES))
def test_every_eea_code_is_a_valid_iso_country(code: str) -> None:
    assert pycountry.countries.get(alpha_2=code) is not None


def test_every_adequacy_country_code_is_a_valid_iso_country() -> None:
    for code in reference_data().adequacy:
        assert pycountry.countries.get(alpha_2=code) is not None, code


@pytest.mark.parametrize("code", sorted(EU_MEMBER_STATES | EEA_EFTA_STATES))
def test_a_party_in_any_eea_state_gives_no_transfer(code: str, make_registry: MakeRegistry) -> None:
    path = make_registry(
        {
            "registry.yaml": f"""\
activities:
  - id: support
    name: {{nb: Kundestøtte, en: Customer support}}
    description: {{nb: Vi svarer på henvendelser., en: We answer requests.}}
    role: controller
    recipients:
      processors: [helpdesk]
parties:
  - id: helpdesk
    legal_name: Helpdesk AS
    trade_name: Helpdesk
    role: processor
    service: {{nb: Kundestøtte, en: Customer support}}
    dpa: {{reference: DPA-12}}
    locations:
      - country: "{code}"
"""
        }
    )
    assert load_registry(path).transfers == ()


def _raw(name: str) -> dict[str, Any]:
    text = resources.files("holte_ropa.model").joinpath("reference", name).read_text("utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def _as_loaded(value: object) -> object:
    return UNKNOWN if value == "unknown" else value


@pytest.mark.parametrize(
    ("section", "code_key", "loaded"),
    [
        ("decisions", "country", lambda: reference_data().adequacy),
        ("international_organisations", "code", lambda: reference_data().organisations),
    ],
)
def test_every_key_of_every_adequacy_entry_is_loaded(
    section: str, code_key: str, loaded: Any
) -> None:
    entries = _raw("adequacy.yaml")[section]
    decisions = loaded()
    assert len(decisions) == len(entries)
    for entry in entries:
        decision = decisions[entry[code_key]]
        for key, value in entry.items():
            field = "country" if key == code_key else key
            assert getattr(decision, field) == _as_loaded(value), (entry[code_key], key)


def test_every_dpia_list_item_and_eea_member_is_loaded() -> None:
    data = reference_data()
    assert [dataclasses.asdict(i) for i in data.dpia_list] == _raw("dpia_list.yaml")["items"]
    assert data.eea == frozenset(_raw("eea.yaml")["members"])


def test_every_reference_file_has_a_source_an_as_of_and_a_later_review_date() -> None:
    files = reference_data().files
    assert [f.name for f in files] == ["eea.yaml", "adequacy.yaml", "dpia_list.yaml"]
    for file in files:
        raw = _raw(file.name)
        assert (file.source, file.as_of, file.review_by) == (
            raw["source"],
            raw["as_of"],
            raw["review_by"],
        )
        assert file.review_by > file.as_of


@pytest.mark.parametrize(
    ("name", "where"),
    [("eea.yaml", None), ("adequacy.yaml", "decisions"), ("dpia_list.yaml", "items")],
)
def test_a_key_the_reader_does_not_use_is_refused_not_ignored(
    name: str, where: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = _reference._read

    def with_extra_key(file: str) -> dict[str, Any]:
        data = real(file)
        if file == name:
            target = data[where][0] if where else data
            target["unread_key"] = True
        return data

    monkeypatch.setattr(_reference, "_read", with_extra_key)
    with pytest.raises(ReferenceError, match="unread_key"):
        _reference.reference_data.__wrapped__()


def test_decisions_whose_eea_incorporation_is_unknown_apply_from_eu_adoption() -> None:
    japan = reference_data().adequacy_for("JP")
    assert japan is not None and japan.eea_unconfirmed and not japan.pending_in_eea
    assert japan.eea_decision is UNKNOWN


def test_the_european_patent_organisation_decision_is_loaded() -> None:
    epo = reference_data().adequacy_for_organisation("EPO")
    assert epo is not None
    assert epo.eu_adopted == _dt.date(2025, 7, 15)
    assert epo.eea_unconfirmed
