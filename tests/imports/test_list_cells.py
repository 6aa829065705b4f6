"""A list in holte-ropa's csv and xlsx is one item per line, so an item holding "; " or
", " comes back from an import as the one item it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from holte_ropa.imports import import_record, write_registry
from holte_ropa.model import load_registry
from holte_ropa.records import export_record
from tests.conftest import FIXTURES

NAMES = {
    "{nb: Navn, en: Name}": "{nb: 'Navn, adresse', en: 'Name, address'}",
    "{nb: E-postadresse, en: E-mail address}": (
        "{nb: 'Fakturaer; betalinger', en: 'Invoices; payments'}"
    ),
    "{nb: Kunder, en: Customers}": "{nb: 'Kunder; medlemmer', en: 'Customers; members'}",
}


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    folder = tmp_path / "registry"
    shutil.copytree(FIXTURES / "small", folder)
    text = (folder / "registry.yaml").read_text(encoding="utf-8")
    for old, new in NAMES.items():
        assert old in text
        text = text.replace(old, new)
    (folder / "registry.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", (["Name, address", "Invoices; payments"], ["Customers; members"])),
        ("nb", (["Navn, adresse", "Fakturaer; betalinger"], ["Kunder; medlemmer"])),
    ],
)
def test_an_item_with_a_semicolon_or_comma_comes_back_as_one_item(
    registry: Path, tmp_path: Path, fmt: str, lang: str, expected: tuple[list[str], list[str]]
) -> None:
    data, subjects = expected
    exported = tmp_path / f"record.{fmt}"
    exported.write_bytes(export_record(load_registry(registry), "controller", fmt, lang))  # type: ignore[arg-type]
    write_registry(import_record(exported), tmp_path / "imported")
    imported = load_registry(tmp_path / "imported")
    (activity,) = imported.activities.values()
    assert [imported.data_categories[d].name.get(lang) for d in activity.data_categories] == data
    assert [
        imported.subject_categories[s].name.get(lang) for s in activity.subject_categories
    ] == subjects


def test_the_csv_writes_a_list_one_item_per_line(registry: Path) -> None:
    csv = export_record(load_registry(registry), "controller", "csv", "en").decode("utf-8-sig")
    assert '"Name, address\nInvoices; payments"' in csv
