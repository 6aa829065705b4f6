"""No traceback on any input: odd cells and odd manifests still give a registry that loads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from holte_ropa.imports import ImportSourceError, import_record, write_registry
from holte_ropa.model import load_registry
from holte_ropa.model._text import MAX_NAME

ODD_CELLS = [
    'He said "no" # not a comment',
    "key: value",
    "line one\nline two",
    "- dash",
    "&anchor *alias",
    "!!python/object:os.system",
    "{{ template }}",
    '=HYPERLINK("http://x")',
    "0212",
    "true",
    "ünïcødé ✓ 名前",
    " leading and trailing ",
    "x" * MAX_NAME,  # the longest name the loader accepts (names are cells and headings)
]


def test_odd_cell_texts_are_written_as_text_that_loads(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "Processing activity",
            "Purpose",
            "Legal basis",
            "Categories of personal data",
            "Recipients",
            "Retention",
            "Security measures",
        ]
    )
    for text in ODD_CELLS:
        sheet.append([text, text, text, text, text, text, text])
    sheet.append([dt.datetime(2026, 1, 15), 12.5, 3, True, None, dt.date(2026, 2, 1), "x"])
    book.save(tmp_path / "odd.xlsx")

    result = import_record(tmp_path / "odd.xlsx")
    write_registry(result, tmp_path / "registry")
    registry = load_registry(tmp_path / "registry")

    names = {a.name.en for a in registry.activities.values()}
    assert 'He said "no" # not a comment' in names and "line one\nline two" in names
    assert "!!python/object:os.system" in names and "0212" in names


ODD_MANIFESTS = [
    "system:\n  - fides_key: a\n    privacy_declarations: just text\n",
    "system:\n  - fides_key: a\n    privacy_declarations:\n      - data_categories: 5\n",
    "system:\n  - fides_key: a\n    privacy_declarations:\n      - data_use: [x, y]\n"
    "        legal_basis_for_processing: [Consent]\n"
    "        special_category_legal_basis: {a: b}\n        processes_special_category_data: true\n",
    "system:\n  - fides_key: a\n    legal_name: V\n    third_country_transfers: USA\n"
    "    legal_basis_for_transfers: SCCs\n    egress: [1, {fides_key: 2}]\n",
    "system:\n  - 5\n  - [a]\n  - fides_key: 'Weird Key! #1'\n    name: {nested: map}\n",
    "system: {not: a list}\norganization: [{controller: text, data_protection_officer: 5}]\n",
    "organization:\n  - name: Only\n    controller: {address: 5, email: [x]}\n",
    "system:\n  - fides_key: a\n    responsibility: 7\n    joint_controller_info: {name: [1]}\n"
    "    privacy_declarations:\n      - retention_period: 5\n        data_subjects: customer\n",
]


@pytest.mark.parametrize("text", ODD_MANIFESTS)
def test_odd_manifests_import_or_fail_with_a_located_message(tmp_path: Path, text: str) -> None:
    source = tmp_path / "odd.yml"
    source.write_text(text, "utf-8")

    try:
        result = import_record(source)
    except ImportSourceError as exc:
        assert str(exc).startswith("odd.yml")
        return
    write_registry(result, tmp_path / "registry")
    load_registry(tmp_path / "registry")
    assert all(note.where.startswith("odd.yml") for note in result.notes)


def test_a_control_character_in_a_csv_cell_is_refused_at_that_cell_before_anything_is_written(
    tmp_path: Path,
) -> None:
    source = tmp_path / "ropa.csv"
    source.write_text(
        "Processing activity,Purpose of processing,Recipients\r\n"
        'Payroll,Pay,Visma\r\n"Pay\x1broll",Pay,"Vis\x0bma"\r\n"Bonus\x1b",Pay,Visma\r\n',
        encoding="utf-8",
    )
    with pytest.raises(ImportSourceError) as caught:
        import_record(source)
    assert str(caught.value) == (
        "ropa.csv:3:1: error[import]: the cell holds the character U+001B ESCAPE, which "
        "registry text may not hold (control characters, non-characters and lone surrogates "
        "break XML, spreadsheets and terminals; bidirectional controls reorder what readers "
        "see); 2 more cells hold such characters "
        "(U+001B ESCAPE, U+000B LINE TABULATION); delete it in the source and import again"
    )


def test_a_control_character_in_a_workbook_cell_is_named_by_sheet_and_cell(
    tmp_path: Path,
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "ROPA"
    sheet.append(["Processing activity", "Purpose"])
    sheet.append(["Payroll", "Pay_x0007_day"])  # OOXML's escape for U+0007
    book.save(tmp_path / "ropa.xlsx")
    target = tmp_path / "registry"
    with pytest.raises(ImportSourceError) as caught:
        import_record(tmp_path / "ropa.xlsx")
    assert str(caught.value).startswith(
        "ropa.xlsx:ROPA!B2: error[import]: the cell holds the character U+0007 ALERT, which "
    )
    assert not target.exists()


def test_a_bidirectional_override_in_a_cell_is_refused_at_that_cell(tmp_path: Path) -> None:
    source = tmp_path / "ropa.csv"
    source.write_text(
        'Processing activity,Purpose of processing\r\n"Evil\u202erossecorp",Pay\r\n',
        encoding="utf-8",
    )
    with pytest.raises(ImportSourceError) as caught:
        import_record(source)
    assert str(caught.value).startswith(
        "ropa.csv:2:1: error[import]: the cell holds the character U+202E RIGHT-TO-LEFT "
        "OVERRIDE, which registry text may not hold"
    )
