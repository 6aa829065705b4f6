"""An import writes only what the source says: `unknown` with a located warning for the
rest, never a placeholder, a copied name or an assumed kind of data."""

from __future__ import annotations

from pathlib import Path

import pytest

from holte_ropa.cli import main
from holte_ropa.model import is_unknown
from holte_ropa.model._models import Recipients
from tests.imports._books import HEADER, Rows, write_book
from tests.imports._books import imported as _import
from tests.imports._books import notes as _notes
from tests.imports._books import row as _row
from tests.imports.conftest import ICO


def test_what_the_source_is_silent_on_is_unknown_with_a_comment_not_a_placeholder(
    tmp_path: Path,
) -> None:
    result, registry = _import(tmp_path, {"Sheet1": [HEADER, _row("Billing")]})

    organisation = registry.organisation
    for value in (
        organisation.email,
        organisation.website,
        organisation.privacy_contact,
        organisation.supervisory_authority,
        registry.activities["billing"].description,
        registry.security_measures["access-control"].description,
    ):
        assert is_unknown(value)
    written = "".join(result.files.values())
    assert "invalid" not in written
    assert (organisation.country, organisation.time_zone) == ("NO", "Europe/Oslo")
    assert (
        "ropa.xlsx: warning[import]: the source does not give the controller's country; "
        "organisation.yaml says Norway (NO) and the time zone Europe/Oslo, the registry's "
        "defaults: correct them if they are wrong"
    ) in _notes(result)
    assert 'country: "NO"  # not in the source: the registry\'s default; correct it if wrong' in (
        written
    )
    assert "email: unknown  # the source is silent; give the e-mail address" in written
    assert "description: unknown  # the source names the activity only (ropa.xlsx:Sheet1!A2)" in (
        written
    )


def test_a_party_named_only_has_an_unknown_service_and_a_role_that_is_reported(
    tmp_path: Path,
) -> None:
    rows = [HEADER, _row("Billing", recipients="Ledger Co")]
    result, registry = _import(tmp_path, {"Sheet1": rows})

    party = registry.parties["ledger-co"]
    assert is_unknown(party.service) and is_unknown(party.legal_name)
    assert is_unknown(party.role)
    assert registry.activities["billing"].recipients == Recipients(unconfirmed=("ledger-co",))
    assert (
        "ropa.xlsx:Sheet1!G2: warning[import]: the role of recipient 'Ledger Co' is not stated; "
        "recorded as unknown: write processor, controller or authority"
    ) in _notes(result)


@pytest.mark.parametrize("suffix", ["xlsx", "ods", "csv"])
def test_the_kind_of_data_comes_from_its_words_or_column_else_it_is_unknown(
    tmp_path: Path, suffix: str
) -> None:
    rows = [
        HEADER,
        _row("Care", data="Name; Health data; Fødselsnummer; Customer files", special="Allergies"),
        _row("Hiring", data="Casier judiciaire; Numéro de sécurité sociale; Coordonnées"),
    ]
    result, registry = _import(tmp_path, {"Sheet1": rows}, suffix)

    kinds = {ident: category.kind for ident, category in registry.data_categories.items()}
    assert kinds == {
        "name": "ordinary",
        "health-data": "special",
        "fodselsnummer": "national_id",
        "customer-files": kinds["customer-files"],
        "allergies": "special",
        "casier-judiciaire": "criminal",
        "numero-de-securite-sociale": "national_id",
        "coordonnees": "ordinary",
    }
    assert is_unknown(kinds["customer-files"])
    assert registry.activities["care"].data_categories[-1] == "allergies"
    cell = "ropa.csv:2:5" if suffix == "csv" else f"ropa.{suffix}:Sheet1!E2"
    assert (
        f"{cell}: warning[import]: the source does not say whether 'Customer files' is a "
        "special category (Art. 9(1)), criminal offence data (Art. 10) or a national identity "
        "number; its kind is recorded as unknown"
    ) in _notes(result)
    vocabulary = (tmp_path / "registry" / "vocabulary.yaml").read_text("utf-8")
    assert (
        f"kind: special  # the name says 'health' ({cell}): a special category (Art. 9(1)); confirm"
    ) in vocabulary


def test_eea_countries_in_a_transfers_column_are_not_called_third_countries(
    tmp_path: Path,
) -> None:
    rows = [HEADER, _row("Billing", countries="Ireland, USA"), _row("Support", countries="SE")]
    result, registry = _import(tmp_path, {"Sheet1": rows})

    notes = _notes(result)
    assert (
        "ropa.xlsx:Sheet1!H2: warning[import]: third country US and IE (in the EEA, so no "
        "transfer to a third country) are not tied to a party; add them to the locations of "
        "the parties that process data there (kept in notes)"
    ) in notes
    assert (
        "ropa.xlsx:Sheet1!H3: warning[import]: SE (in the EEA, so no transfer to a third "
        "country) is not tied to a party; add it to the locations"
    ) in " ".join(notes)
    assert registry.activities["support"].notes == (
        "EEA countries in its transfers column: SE; not tied to a party."
    )


def test_the_ico_contact_grid_above_the_table_gives_the_controller_and_the_dpo(
    tmp_path: Path,
) -> None:
    grid: Rows = [
        ["Controller details"],
        ["", "Name", "Address", "Email", "Telephone"],
        [
            "Controller",
            "Acme Ltd",
            "1 High Street, Leeds, LS1 4AP",
            "privacy@acme.example",
            "0113 496 0000",
        ],
        ["Data Protection Officer", "Jane Doe", "", "dpo@acme.example", "0113 496 0001"],
        ["Representative", "", "", "", ""],
        [],
        *ICO[5:],
    ]
    result, registry = _import(tmp_path, {"Controller": grid})

    organisation = registry.organisation
    assert organisation.legal_name == "Acme Ltd"
    assert (organisation.email, organisation.phone) == ("privacy@acme.example", "0113 496 0000")
    assert organisation.postal_address.city == "Leeds"
    # A UK postcode says the country; its one time zone is where deadlines are shown.
    assert (organisation.postal_address.country, organisation.country) == ("GB", "GB")
    assert organisation.time_zone == "Europe/London"
    dpo = organisation.dpo
    assert not is_unknown(dpo)
    assert (dpo.name, dpo.email, dpo.phone) == ("Jane Doe", "dpo@acme.example", "0113 496 0001")
    assert (
        "legal_name: Acme Ltd  # from ropa.xlsx:Controller!B3" in result.files["organisation.yaml"]
    )


def test_a_cell_with_the_name_and_contact_details_together_is_split(tmp_path: Path) -> None:
    block: Rows = [
        [
            "Name and contact details of controller",
            "Acme Ltd, 1 High Street, Leeds, LS1 4AP, privacy@acme.example",
        ],
        [],
        *ICO[5:],
    ]
    _, registry = _import(tmp_path, {"Sheet1": block})

    organisation = registry.organisation
    assert (organisation.legal_name, organisation.email) == ("Acme Ltd", "privacy@acme.example")
    assert organisation.postal_address.lines == ("1 High Street",)


def test_warnings_come_in_reading_order_sheet_by_sheet_row_by_row(tmp_path: Path) -> None:
    second = [HEADER, _row("Support", basis="because"), _row("Sales", retention="ages")]
    first = [
        [*HEADER, "Colour"],
        *[[*_row(f"Activity {n}", basis="because"), "red"] for n in range(1, 11)],
    ]
    result, _ = _import(tmp_path, {"Zeta": first, "Alpha": second})

    located = [note.where for note in result.notes if "!" in note.where]
    assert located[:3] == ["ropa.xlsx:Zeta!K1", "ropa.xlsx:Zeta!C2", "ropa.xlsx:Zeta!C3"]
    assert located.index("ropa.xlsx:Zeta!C11") < located.index("ropa.xlsx:Alpha!C2")
    assert located[-2:] == ["ropa.xlsx:Alpha!C2", "ropa.xlsx:Alpha!I3"]
    assert next(n.where for n in result.notes) == "ropa.xlsx"  # the whole file first


def test_an_empty_cell_is_reported_at_that_cell_not_at_the_activity(tmp_path: Path) -> None:
    row = _row("Billing", recipients="", subjects="", retention="")
    result, registry = _import(tmp_path, {"Sheet1": [HEADER, row]})

    assert is_unknown(registry.activities["billing"].recipients)
    notes = _notes(result)
    for cell, message in (
        ("D2", "no subject categories given for 'Billing' (Art. 30(1)(c))"),
        ("G2", "no recipients given (Art. 30(1)(d)); recorded as unknown"),
        ("I2", "no retention given (Art. 30(1)(f)); recorded as unknown"),
    ):
        assert f"ropa.xlsx:Sheet1!{cell}: warning[import]: {message}" in notes


@pytest.mark.parametrize("na", ["N/A", "-", "n/a"])
def test_a_recipients_cell_saying_not_applicable_is_reported_at_that_cell(
    tmp_path: Path, na: str
) -> None:
    result, registry = _import(tmp_path, {"Sheet1": [HEADER, _row("Billing", recipients=na)]})

    assert is_unknown(registry.activities["billing"].recipients)
    assert (
        f"ropa.xlsx:Sheet1!G2: warning[import]: '{na}' does not say whether there are recipients "
        "(Art. 30(1)(d)); recorded as unknown: write the recipients, or 'none' if there are none"
    ) in _notes(result)


def test_texts_longer_than_the_registry_allows_are_shortened_with_a_warning_at_the_cell(
    tmp_path: Path,
) -> None:
    long_name = "Billing " + "of every customer " * 30
    rows = [HEADER, _row(long_name.strip(), recipients="Ledger " + "Co " * 100 + "(processor)")]
    result, registry = _import(tmp_path, {"Sheet1": rows})

    [activity] = registry.activities.values()
    assert activity.name.en is not None
    assert len(activity.name.en) <= 200 and activity.name.en.endswith("…")
    assert long_name.startswith(activity.name.en[:-1])
    [party] = registry.parties.values()
    assert len(party.trade_name) <= 200
    notes = " ".join(_notes(result))
    assert (
        f"ropa.xlsx:Sheet1!A2: warning[import]: the name 'Billing of every customer of every "
        f"custo…' has {len(long_name.strip())} characters, more than the 200 the registry allows"
    ) in notes
    assert "ropa.xlsx:Sheet1!G2: warning[import]: the trade name 'Ledger Co Co" in notes


def test_a_folder_that_is_not_empty_and_not_a_registry_is_refused_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_book(tmp_path / "ropa.xlsx", {"Sheet1": [HEADER, _row("Billing")]})
    out = tmp_path / "project"
    out.mkdir()
    (out / "notes.txt").write_text("mine\n", "utf-8")

    assert main(["import", str(source), "-o", str(out)]) == 2
    assert (
        f"{out}: error[import]: is not empty and holds no registry; choose an empty or new "
        "folder, or pass --force to write the registry beside what is there"
    ) in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    assert main(["import", str(source), "-o", str(out), "--force"]) == 0
    assert (out / "notes.txt").read_text("utf-8") == "mine\n"
    assert (out / "activities" / "billing.yaml").is_file()


def test_a_party_named_only_in_the_transfer_safeguards_has_its_role_reported(
    tmp_path: Path,
) -> None:
    rows = [
        [*HEADER, "Transfer safeguards"],
        [*_row("Billing", countries="USA"), "Cloud Inc → USA: standard contractual clauses"],
    ]
    result, registry = _import(tmp_path, {"Sheet1": rows})

    assert registry.parties["cloud-inc"].role == "processor"
    assert (
        "ropa.xlsx:Sheet1!K2: warning[import]: the role of recipient 'Cloud Inc' is not stated; "
        "recorded as processor"
    ) in _notes(result)
