"""The organisation's Art. 30(1)(a) facts: unknown ones said in the sheet's language for
people, and null in JSON, never the registry's English marker or prose."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from holte_ropa import load_registry
from holte_ropa.model._registry import Registry
from holte_ropa.records._formats import export_record
from holte_ropa.starter import write_starter

UNCONFIRMED = ("org_number", "address", "email", "privacy_contact", "dpo")


@pytest.fixture
def starter(tmp_path: Path) -> Registry:
    write_starter(tmp_path / "registry", "Tannlege Berg AS")
    return load_registry(tmp_path / "registry")


@pytest.mark.parametrize(
    ("lang", "unknown", "not_stated"),
    [
        ("nb", "ukjent, må bekreftes", "ikke oppgitt"),
        ("en", "unknown, to be confirmed", "not stated"),
    ],
)
def test_the_xlsx_organisation_sheet_says_what_is_unknown_in_its_language(
    starter: Registry, lang: str, unknown: str, not_stated: str
) -> None:
    book = load_workbook(io.BytesIO(export_record(starter, "controller", "xlsx", lang)))
    facts = dict(book.worksheets[1].iter_rows(values_only=True))
    values = list(facts.values())
    assert values[0] == "Tannlege Berg AS"
    assert values.count(unknown) == len(UNCONFIRMED)  # number, address, e-mail, contact, DPO
    assert not_stated in values  # the optional phone is not stated, not unknown
    # the registry's own marker never reaches people ("unknown, unknown unknown")
    assert all(unknown == v or "unknown" not in str(v) for v in values)


def test_json_writes_null_for_every_unknown_or_unstated_fact(starter: Registry) -> None:
    for lang in ("nb", "en"):
        record = json.loads(export_record(starter, "controller", "json", lang))
        facts = record["organisation"]
        assert {key: facts[key] for key in (*UNCONFIRMED, "phone")} == dict.fromkeys(
            (*UNCONFIRMED, "phone")
        )
        assert facts["name"] == "Tannlege Berg AS"
