"""Record exports: the xlsx opens in openpyxl, CSV and JSON carry the same rows."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest
from openpyxl import load_workbook

from holte_ropa import load_registry
from holte_ropa.records._formats import RECORD_FORMATS, export_record
from tests.conftest import FIXTURES, ROOT

SMALL = FIXTURES / "small"


def test_the_xlsx_opens_with_one_row_per_activity_and_purpose_under_a_frozen_header() -> None:
    registry = load_registry(ROOT / "registry")
    book = load_workbook(io.BytesIO(export_record(registry, "controller", "xlsx", "nb")))
    sheet = book.worksheets[0]
    assert sheet.freeze_panes == "C2"
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["ID", "Behandlingsaktivitet"]
    assert sheet["D1"].alignment.wrap_text and sheet["D1"].font.b
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True)]
    expected = [
        (a.id, p.id)
        for a in registry.activities.values()
        if a.role.value != "processor"
        for p in (a.purposes or [None])  # type: ignore[list-item]
    ]
    assert len(rows) == len(expected)
    assert [r[0] for r in rows] == [a for a, _ in expected]
    assert book.worksheets[1]["B1"].value == registry.organisation.legal_name


def test_the_processor_xlsx_holds_the_processor_activities() -> None:
    registry = load_registry(SMALL)
    book = load_workbook(io.BytesIO(export_record(registry, "processor", "xlsx", "en")))
    rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == ["hosting"]
    assert book.worksheets[0]["C1"].value == "Controllers we process for (Art. 30(2)(a))"


def test_csv_and_json_carry_the_same_rows() -> None:
    registry = load_registry(SMALL)
    rows = list(
        csv.reader(
            io.StringIO(export_record(registry, "controller", "csv", "en").decode("utf-8-sig"))
        )
    )
    payload = json.loads(export_record(registry, "controller", "json", "en"))
    assert len(rows) - 1 == len(payload["rows"]) == 1
    assert rows[1][0] == payload["rows"][0]["activity_id"] == "newsletter"
    assert payload["record"] == "GDPR Art. 30(1)"
    assert payload["rows"][0]["data_categories"] == ["Name", "E-mail address"]


@pytest.mark.parametrize("fmt", RECORD_FORMATS)
def test_every_record_export_is_byte_identical_across_two_runs(fmt: str) -> None:
    registry = load_registry(ROOT / "registry")
    first = export_record(registry, "controller", fmt, "nb")  # type: ignore[arg-type]
    if fmt == "xlsx":
        time.sleep(2.1)  # zip entry times have two-second resolution
    second = export_record(load_registry(ROOT / "registry"), "controller", fmt, "nb")  # type: ignore[arg-type]
    assert first == second
