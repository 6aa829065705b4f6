"""The unknown marker: ``unknown`` in YAML, ``UNKNOWN`` in code, ``"unknown"`` when dumped."""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path

import pytest

import holte_ropa
import holte_ropa.model
from holte_ropa import UNKNOWN, RegistryError, Unknown, is_unknown, known, load_registry
from holte_ropa.model._models import DataPrivacyFramework, Party, PartyLocation
from holte_ropa.model._schema import registry_json_schema
from tests.conftest import MakeRegistry

PARTY = """\
parties:
  - id: mailer
    legal_name: {legal_name}
    trade_name: Mailer
    role: processor
    service: {{nb: Utsending av e-post, en: E-mail delivery}}
    locations: {locations}
"""

ACTIVITY = """\
activities:
  - id: crm
    name: {{nb: Kundeoppfølging, en: Customer follow-up}}
    description: {{nb: Vi følger opp kunder., en: We follow up customers.}}
    role: controller
    purposes:
      - id: follow-up
        description: {{nb: Følge opp kunder, en: Follow up customers}}
        legal_basis: {basis}
    recipients: {recipients}
    retention: unknown
"""


def party_yaml(legal_name: str = "Mailer AB", locations: str = "[{country: SE}]") -> str:
    return PARTY.format(legal_name=legal_name, locations=locations)


def problems_of(path: Path) -> list[str]:
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    return [str(p) for p in caught.value.problems]


# --------------------------------------------------------------------------- the marker


def test_the_marker_is_one_member_of_its_own_type() -> None:
    assert isinstance(UNKNOWN, Unknown)
    assert list(Unknown) == [UNKNOWN]
    assert Unknown("unknown") is UNKNOWN


def test_the_marker_reads_as_its_name_in_code_and_as_its_yaml_word_in_text() -> None:
    assert repr(UNKNOWN) == "UNKNOWN"
    assert str(UNKNOWN) == "unknown"
    assert f"{UNKNOWN}" == "unknown"


def test_the_marker_equals_only_itself_never_the_string() -> None:
    assert Unknown("unknown") == UNKNOWN
    assert UNKNOWN != "unknown"
    assert UNKNOWN != "Unknown"
    assert UNKNOWN is not None


def test_the_marker_hashes_so_it_can_be_a_key_and_a_set_member() -> None:
    assert {UNKNOWN: 1}[Unknown.UNKNOWN] == 1
    assert len({UNKNOWN, Unknown.UNKNOWN, Unknown("unknown")}) == 1
    assert UNKNOWN not in {"unknown"}
    assert "unknown" not in {UNKNOWN}


def test_copies_and_pickles_of_the_marker_are_the_marker() -> None:
    assert copy.copy(UNKNOWN) is UNKNOWN
    assert copy.deepcopy(UNKNOWN) is UNKNOWN
    assert pickle.loads(pickle.dumps(UNKNOWN)) is UNKNOWN


def test_is_unknown_is_true_only_for_the_marker() -> None:
    assert is_unknown(UNKNOWN)
    for other in ("unknown", "Unknown", None, (), False, 0, ""):
        assert not is_unknown(other)


def test_known_gives_a_confirmed_value_back_and_none_for_the_marker() -> None:
    assert known(UNKNOWN) is None
    assert known("Mailer AB") == "Mailer AB"
    # Falsy confirmed values are still confirmed: an empty list of sources, "no".
    assert known(()) == ()
    assert known(False) is False


def test_the_marker_and_its_helpers_are_public_api() -> None:
    for name in ("Unknown", "UNKNOWN", "is_unknown", "known"):
        assert name in holte_ropa.__all__
        assert name in holte_ropa.model.__all__
        assert getattr(holte_ropa, name) is getattr(holte_ropa.model, name)


# --------------------------------------------------------------------------- validation


def test_unknown_in_yaml_becomes_the_marker_in_every_kind_of_field(
    make_registry: MakeRegistry,
) -> None:
    files = {
        "p.yaml": party_yaml(legal_name="unknown", locations="unknown"),
        "a.yaml": ACTIVITY.format(basis="unknown", recipients="unknown"),
    }
    registry = load_registry(make_registry(files))
    mailer, crm = registry.parties["mailer"], registry.activities["crm"]
    assert mailer.legal_name is UNKNOWN  # text or unknown
    assert mailer.locations is UNKNOWN  # list or unknown
    assert crm.purposes[0].legal_basis is UNKNOWN  # one of six models or unknown
    assert crm.recipients is UNKNOWN  # model, "none" or unknown
    assert crm.retention is UNKNOWN


@pytest.mark.parametrize("spelling", ["Unknown", "UNKNOWN", "' unknown'", "'unknown '"])
def test_other_spellings_in_a_text_field_stay_text(
    make_registry: MakeRegistry, spelling: str
) -> None:
    registry = load_registry(make_registry({"p.yaml": party_yaml(legal_name=spelling)}))
    legal_name = registry.parties["mailer"].legal_name
    assert not is_unknown(legal_name)
    assert legal_name == spelling.strip("'")


@pytest.mark.parametrize("spelling", ["Unknown", "UNKNOWN", "' unknown'"])
def test_other_spellings_where_text_is_not_allowed_are_located_errors(
    make_registry: MakeRegistry, spelling: str
) -> None:
    path = make_registry({"p.yaml": party_yaml(locations=spelling)})
    assert problems_of(path) == [
        "registry/p.yaml:7:16: error[schema]: locations: "
        "expected a list: one '- item' per line, or [a, b]; unknown is allowed here"
    ]


def test_a_wrong_spelling_among_three_forms_lists_every_form(make_registry: MakeRegistry) -> None:
    basis = "{basis: contract, contract: {nb: Avtalen, en: The contract}}"
    path = make_registry({"a.yaml": ACTIVITY.format(basis=basis, recipients="Unknown")})
    assert problems_of(path) == [
        "registry/a.yaml:10:17: error[schema]: recipients: expected a mapping with processors, "
        "controllers or authorities (lists of party ids), or none; unknown is allowed here"
    ]


def test_models_built_in_code_accept_the_marker_and_default_to_it() -> None:
    location = PartyLocation(country="US", mechanism=UNKNOWN)
    assert location.mechanism is UNKNOWN
    assert DataPrivacyFramework(mechanism="dpf").entry is UNKNOWN


# --------------------------------------------------------------------------- output


def test_dumps_write_the_word_in_python_and_json_modes() -> None:
    party = Party(
        id="mailer",
        legal_name=UNKNOWN,
        trade_name="Mailer",
        role="processor",  # type: ignore[arg-type]
        service={"nb": "Drift"},  # type: ignore[arg-type]
        locations=UNKNOWN,
    )
    assert party.model_dump()["legal_name"] == "unknown"
    assert json.loads(party.model_dump_json())["locations"] == "unknown"
    assert Party.model_validate(party.model_dump()) == party


def test_the_json_round_trip_writes_unknown_and_reads_the_marker_back(
    make_registry: MakeRegistry, tmp_path: Path
) -> None:
    files = {
        "p.yaml": party_yaml(legal_name="unknown", locations="unknown"),
        "a.yaml": ACTIVITY.format(basis="unknown", recipients="unknown"),
    }
    registry = load_registry(make_registry(files))
    dumped = json.loads(registry.to_json())
    assert dumped["parties"][0]["legal_name"] == "unknown"
    assert dumped["activities"][0]["purposes"][0]["legal_basis"] == "unknown"
    copy_path = tmp_path / "registry.json"
    copy_path.write_text(registry.to_json(), encoding="utf-8")
    again = load_registry(copy_path)
    assert again == registry
    assert again.parties["mailer"].legal_name is UNKNOWN


def test_the_json_schema_says_unknown_is_the_one_constant_string() -> None:
    party = registry_json_schema()["$defs"]["Party"]["properties"]
    assert {"const": "unknown", "type": "string"} in party["locations"]["anyOf"]
    assert party["legal_name"]["anyOf"][-1] == {"const": "unknown", "type": "string"}
