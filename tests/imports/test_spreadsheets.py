"""Spreadsheet ROPAs in three layouts and three formats become registries that load."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from holte_ropa.cli import main
from holte_ropa.imports import ImportResult, import_record, write_registry
from holte_ropa.model import Registry, is_unknown, load_registry
from tests.imports._books import write_book
from tests.imports.conftest import ICO, NORWEGIAN

FORMATS = ("xlsx", "ods", "csv")


def _imported(path: Path, tmp_path: Path, **options: str) -> tuple[ImportResult, Registry]:
    result = import_record(path, **options)  # type: ignore[arg-type]
    write_registry(result, tmp_path / "registry")
    return result, load_registry(tmp_path / "registry")


def _notes(result: ImportResult) -> list[str]:
    return [str(note) for note in result.notes]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_ico_like_sheet_with_a_controller_block_and_a_two_row_header_is_read(
    tmp_path: Path, fmt: str
) -> None:
    source = write_book(tmp_path / f"ropa.{fmt}", {"Sheet1": ICO})
    _, registry = _imported(source, tmp_path)

    assert sorted(registry.activities) == ["analytics", "marketing", "payroll"]
    assert registry.organisation.legal_name == "Acme Ltd"
    assert registry.organisation.email == "privacy@acme.example"
    address = registry.organisation.postal_address
    assert (address.postal_code, address.city, address.country) == ("LS1 4AP", "Leeds", "GB")
    payroll = registry.activities["payroll"]
    basis = payroll.purposes[0].legal_basis
    assert not is_unknown(basis) and basis.basis == "legal_obligation"
    assert [registry.data_categories[d].name.en for d in payroll.data_categories] == [
        "Name",
        "Bank details",
        "Salary",
    ]
    assert not is_unknown(payroll.retention)
    assert payroll.retention[0].duration.years == 6  # type: ignore[union-attr]
    assert is_unknown(payroll.retention[0].trigger)
    recipients = payroll.recipients
    assert not is_unknown(recipients) and recipients != "none"
    assert recipients.authorities == ("hmrc",) and recipients.processors == ("payroll-bureau",)
    assert registry.parties["hmrc"].role == "authority"
    assert registry.activities["analytics"].recipients == "none"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_unmapped_ico_value_is_unknown_with_a_warning_at_its_cell(
    tmp_path: Path, fmt: str
) -> None:
    source = write_book(tmp_path / f"ropa.{fmt}", {"Sheet1": ICO})
    result, registry = _imported(source, tmp_path)

    cell = (
        (lambda c, r: f"ropa.csv:{r}:{ord(c) - 64}")
        if fmt == "csv"
        else (lambda c, r: f"ropa.{fmt}:Sheet1!{c}{r}")
    )
    notes = _notes(result)
    assert (
        f"{cell('H', 10)}: warning[import]: 'because we can' is not an Art. 6(1) legal basis "
        "holte-ropa recognises; recorded as unknown"
    ) in notes
    assert is_unknown(registry.activities["analytics"].purposes[0].legal_basis)
    assert (
        f"{cell('G', 10)}: warning[import]: no period found in 'forever and a day'; duration "
        "recorded as unknown"
    ) in notes
    assert (
        f"{cell('J', 7)}: warning[import]: column 'Colour of the binder' is not an Art. 30 "
        "field holte-ropa knows; its values are not imported (map it with --mapping)"
    ) in notes
    assert (
        f"{cell('E', 9)}: warning[import]: the role of recipient 'Mailer Inc' is not stated; "
        "recorded as unknown: write processor, controller or authority"
    ) in notes
    assert (
        f"{cell('F', 9)}: warning[import]: US, IN tied to Mailer Inc, the row's only recipient: "
        "confirm that Mailer Inc processes the data there"
    ) in notes
    assert (
        f"ropa.{fmt}: warning[import]: the source does not give the controller's website "
        "(Art. 30(1)(a)); organisation.yaml records them as unknown for you to fill in"
    ) in notes
    organisation = (tmp_path / "registry" / "organisation.yaml").read_text("utf-8")
    assert "website: unknown  # the source is silent; give the website" in organisation
    assert "invalid" not in organisation
    text = (tmp_path / "registry" / "activities" / "analytics.yaml").read_text("utf-8")
    assert f"legal_basis: unknown  # 'because we can' in {cell('H', 10)} is not mapped" in text


def test_a_mapping_file_names_a_column_the_importer_does_not_know(tmp_path: Path) -> None:
    source = write_book(tmp_path / "ropa.xlsx", {"Sheet1": ICO})
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns:\n  Colour of the binder: security_measures\n", "utf-8")
    result, registry = _imported(source, tmp_path, mapping=str(mapping))

    payroll = registry.activities["payroll"]
    assert [registry.security_measures[m].name.en for m in payroll.security_measures] == ["blue"]
    assert not any("Colour of the binder" in n for n in _notes(result))


def test_a_mapping_file_may_leave_a_column_out_without_a_warning(tmp_path: Path) -> None:
    source = write_book(tmp_path / "ropa.xlsx", {"Sheet1": ICO})
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns:\n  Colour of the binder: ignore\n", "utf-8")
    result, registry = _imported(source, tmp_path, mapping=str(mapping))

    assert not any("Colour of the binder" in n for n in _notes(result))
    assert "blue" not in {m.name.en for m in registry.security_measures.values()}


def test_a_misspelled_field_in_a_mapping_file_is_refused_with_the_nearest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_book(tmp_path / "ropa.xlsx", {"Sheet1": ICO})
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns:\n  Colour of the binder: securty_measures\n", "utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "r"), "--mapping", str(mapping)]) == 2
    err = capsys.readouterr().err
    assert (
        "'Colour of the binder' maps to 'securty_measures', which is not a field (did you "
        "mean 'security_measures'?); use one of "
    ) in err
    assert err.rstrip().endswith("or 'ignore' to leave the column out without a warning")


@pytest.mark.parametrize("fmt", ("xlsx", "ods"))
def test_a_cnil_like_registre_with_a_list_sheet_and_one_fiche_per_activity_is_read(
    tmp_path: Path, fmt: str, cnil_sheets: dict[str, list[list[str]]]
) -> None:
    source = write_book(tmp_path / f"registre.{fmt}", cnil_sheets)
    result, registry = _imported(source, tmp_path)

    assert sorted(registry.activities) == ["gestion-de-la-paie", "recrutement"]
    paie = registry.activities["gestion-de-la-paie"]
    basis = paie.purposes[0].legal_basis
    assert not is_unknown(basis) and basis.basis == "legal_obligation"
    assert str(basis.source) == "code du travail § L3243-2"  # type: ignore[union-attr]
    assert paie.retention[0].duration.years == 5  # type: ignore[union-attr]
    assert registry.parties["expert-comptable"].role == "processor"
    recrutement = registry.activities["recrutement"]
    assert recrutement.recipients == "none"
    assert recrutement.retention[0].duration.years == 2  # type: ignore[union-attr]
    assert recrutement.retention[0].trigger == "last_contact"  # type: ignore[union-attr]
    assert recrutement.notes == "Third countries in the source: US; not tied to a party."
    notes = _notes(result)
    assert (
        f"registre.{fmt}: warning[import]: texts are in French; the registry's languages are "
        "nb and en, so they are written under 'en': translate them"
    ) in notes
    assert (  # the list sheet is an index of the fiches, not a record
        f"registre.{fmt}:Liste!A1: warning[import]: sheet 'Liste' holds no record table or "
        "activity form; not imported"
    ) in notes


def test_one_cnil_fiche_saved_as_csv_is_one_activity(tmp_path: Path) -> None:
    from tests.imports.conftest import CNIL_PAIE

    source = write_book(tmp_path / "paie.csv", {"Paie": CNIL_PAIE})
    _, registry = _imported(source, tmp_path)

    assert list(registry.activities) == ["gestion-de-la-paie"]
    assert registry.activities["gestion-de-la-paie"].data_categories == (
        "nom",
        "coordonnees-bancaires",
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_norwegian_protokoll_with_its_header_on_row_5_is_read(tmp_path: Path, fmt: str) -> None:
    source = write_book(tmp_path / f"protokoll.{fmt}", {"Protokoll": NORWEGIAN})
    result, registry = _imported(source, tmp_path)

    assert registry.organisation.legal_name == "Fjord AS"
    assert registry.organisation.org_number == "923609016"
    kunde = registry.activities["kundeoppfolging"]
    assert kunde.name.nb == "Kundeoppfølging"
    basis = kunde.purposes[0].legal_basis
    assert not is_unknown(basis) and basis.basis == "contract"
    assert kunde.retention[0].duration.years == 5  # type: ignore[union-attr]
    assert kunde.retention[0].trigger == "end_of_contract"  # type: ignore[union-attr]
    assert kunde.dpia is not None and kunde.dpia.status == "not_required"
    lonn = registry.activities["lonn"]
    assert lonn.dpia is not None and (lonn.dpia.status, lonn.dpia.date) == (
        "done",
        dt.date(2026, 1, 15),
    )  # a date stored as text
    assert is_unknown(lonn.retention) and not is_unknown(lonn.recipients)
    basis = lonn.purposes[0].legal_basis
    assert not is_unknown(basis) and basis.basis == "legal_obligation"
    assert is_unknown(basis.source)  # type: ignore[union-attr]
    assert registry.activities["kundeoppfolging"].recipients.processors == (  # type: ignore[union-attr]
        lonn.recipients.processors  # type: ignore[union-attr]
    )  # Visma is one party, named twice
    regnskap = registry.activities["regnskap"]
    assert regnskap.retention[0].trigger == "end_of_financial_year"  # type: ignore[union-attr]
    assert regnskap.dpia is not None and is_unknown(regnskap.dpia.status)
    cell = "protokoll.csv:7:10" if fmt == "csv" else f"protokoll.{fmt}:Protokoll!J7"
    assert (
        f"{cell}: warning[import]: 'kanskje' is not a DPIA status (done, required, not "
        "required); recorded as unknown"
    ) in _notes(result)
    cell = "protokoll.csv:6:7" if fmt == "csv" else f"protokoll.{fmt}:Protokoll!G6"
    assert (
        f"{cell}: warning[import]: GB tied to Visma, the row's only recipient: confirm that "
        "Visma processes the data there"
    ) in _notes(result)
    assert [loc.country for loc in registry.parties["visma"].locations] == ["GB"]  # type: ignore[union-attr]


def test_each_imported_fact_carries_a_comment_naming_its_source_cell(tmp_path: Path) -> None:
    source = write_book(tmp_path / "protokoll.xlsx", {"Protokoll": NORWEGIAN})
    result, _ = _imported(source, tmp_path)

    text = result.files["activities/kundeoppfolging.yaml"]
    assert "id: kundeoppfolging  # from protokoll.xlsx:Protokoll!A6" in text
    assert "# from protokoll.xlsx:Protokoll!H6" in text
    assert (
        'org_number: "923609016"  # from protokoll.xlsx:Protokoll!B3'
        in result.files["organisation.yaml"]
    )


def test_texts_are_written_in_the_language_of_the_column_names_unless_told(
    tmp_path: Path,
) -> None:
    source = write_book(tmp_path / "protokoll.csv", {"Protokoll": NORWEGIAN})

    _, detected = _imported(source, tmp_path / "detected")
    _, told = _imported(source, tmp_path / "told", lang="en")

    assert detected.activities["regnskap"].name.nb == "Regnskap"
    assert told.activities["regnskap"].name.en == "Regnskap"
