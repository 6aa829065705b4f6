"""A cell's answer read as the person who filled it in meant it: "Nei" in a
special-categories column means none, a recipient without a role has an unknown role, a
contract link is an agreement and not a company, "DPIA carried out: No" is not "not
required", and the controller's block keeps its postcode, number and DPO apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from holte_ropa.model import is_unknown
from tests.imports._books import HEADER, Rows
from tests.imports._books import imported as _import
from tests.imports._books import notes as _notes
from tests.imports._books import row as _row


@pytest.mark.parametrize("answer", ["Nei", "No", "Non", "N/A", "Ingen", "None"])
def test_no_in_the_special_categories_column_means_no_special_categories(
    tmp_path: Path, answer: str
) -> None:
    _, registry = _import(tmp_path, {"Sheet1": [HEADER, _row("Billing", special=answer)]})

    assert registry.activities["billing"].data_categories == ("name",)
    assert set(registry.data_categories) == {"name"}


@pytest.mark.parametrize("answer", ["Non", "Nei", "No", "Aucun"])
def test_no_in_the_transfers_column_is_no_transfer_and_no_warning(
    tmp_path: Path, answer: str
) -> None:
    result, registry = _import(tmp_path, {"Sheet1": [HEADER, _row("Billing", countries=answer)]})

    assert registry.activities["billing"].notes is None
    assert not [n for n in _notes(result) if "Sheet1!H2" in n]


def test_a_recipient_without_a_stated_role_has_an_unknown_role_and_a_processors_column_says_it(
    tmp_path: Path,
) -> None:
    header = [*HEADER, "Databehandlere"]
    rows = [header, [*_row("Booking", recipients="Twilio Inc., Helsedirektoratet"), "Twilio Inc."]]
    result, registry = _import(tmp_path, {"Sheet1": rows})

    assert registry.parties["twilio-inc"].role == "processor"
    assert is_unknown(registry.parties["helsedirektoratet"].role)
    recipients = registry.activities["booking"].recipients
    assert recipients.processors == ("twilio-inc",)  # type: ignore[union-attr]
    assert recipients.unconfirmed == ("helsedirektoratet",)  # type: ignore[union-attr]
    assert (
        "ropa.xlsx:Sheet1!G2: warning[import]: the role of recipient 'Helsedirektoratet' is not "
        "stated; recorded as unknown: write processor, controller or authority"
    ) in _notes(result)
    assert not [n for n in _notes(result) if "'Twilio Inc.' is not stated" in n]
    written = (tmp_path / "registry" / "parties" / "helsedirektoratet.yaml").read_text("utf-8")
    assert (
        "role: unknown  # ropa.xlsx:Sheet1!G2 does not say whether Helsedirektoratet is a "
        "processor or receives the data for its own purposes; confirm"
    ) in written


def test_a_link_to_the_processor_contract_is_that_processors_agreement_not_a_party(
    tmp_path: Path,
) -> None:
    header = [*HEADER, "Link to contract with processor"]
    rows = [
        header,
        [*_row("Care", recipients="Dentally Ltd (processor), NHS England"), "contracts/d.pdf"],
    ]
    _, registry = _import(tmp_path, {"Sheet1": rows})

    assert set(registry.parties) == {"dentally-ltd", "nhs-england"}
    dpa = registry.parties["dentally-ltd"].dpa
    assert dpa is not None and dpa.reference == "contracts/d.pdf"


def test_a_contract_link_in_a_row_of_two_processors_is_kept_in_notes_and_reported(
    tmp_path: Path,
) -> None:
    header = [*HEADER, "Link to contract with processor"]
    rows = [header, [*_row("Care", recipients="A (processor), B (processor)"), "contract.pdf"]]
    result, registry = _import(tmp_path, {"Sheet1": rows})

    assert set(registry.parties) == {"a", "b"}
    assert registry.activities["care"].notes == (
        "Contract with a processor in the source: contract.pdf."
    )
    assert (
        "ropa.xlsx:Sheet1!K2: warning[import]: 'contract.pdf' is a contract with a processor, "
        "but the row names 2 processors; kept in the activity's notes: add it as dpa.reference "
        "of the processor it binds"
    ) in _notes(result)


@pytest.mark.parametrize(
    ("answer", "status"), [("Ja", "done"), ("Yes", "done"), ("Nei", None), ("Non", None)]
)
def test_dpia_carried_out_yes_is_done_and_no_leaves_whether_one_is_required_unknown(
    tmp_path: Path, answer: str, status: str | None
) -> None:
    header = [*HEADER, "DPIA gjennomført"]
    result, registry = _import(tmp_path, {"Sheet1": [header, [*_row("Billing"), answer]]})

    dpia = registry.activities["billing"].dpia
    assert dpia is not None
    if status is None:
        assert is_unknown(dpia.status)
        assert (
            f"ropa.xlsx:Sheet1!K2: warning[import]: '{answer}': no DPIA carried out, which does "
            "not say whether one is required (Art. 35(1)); status recorded as unknown: screen "
            "the activity"
        ) in _notes(result)
    else:
        assert dpia.status == status


@pytest.mark.parametrize(
    ("said", "basis"),
    [
        ("Legitimate interests", "legitimate_interest"),
        ("Intérêts légitimes", "legitimate_interest"),
        ("berettigede interesser", "legitimate_interest"),
        ("Legal obligations", "legal_obligation"),
        ("Obligations légales", "legal_obligation"),
        ("Vital interests", "vital_interest"),
        ("Performance of a contract", "contract"),
        ("Art. 6 (1) (f)", "legitimate_interest"),
    ],
)
def test_legal_basis_phrases_in_singular_plural_and_by_article_are_recognised(
    tmp_path: Path, said: str, basis: str
) -> None:
    _, registry = _import(tmp_path, {"Sheet1": [HEADER, _row("Billing", basis=said)]})

    found = registry.activities["billing"].purposes[0].legal_basis
    assert not is_unknown(found) and found.basis == basis


def test_a_combined_header_is_read_by_the_field_one_of_its_parts_names(tmp_path: Path) -> None:
    header = [h if h != "Retention" else "Sletting / lagringstid" for h in HEADER]
    result, registry = _import(tmp_path, {"Sheet1": [header, _row("Billing", retention="2 år")]})

    assert registry.activities["billing"].retention[0].duration.years == 2  # type: ignore[union-attr]
    assert not [n for n in _notes(result) if "Sletting" in n]


def test_countries_of_a_row_with_several_recipients_stay_in_notes(tmp_path: Path) -> None:
    row = _row("Mail", recipients="A (processor), B (processor)", countries="USA")
    _, registry = _import(tmp_path, {"Sheet1": [HEADER, row]})

    assert is_unknown(registry.parties["a"].locations)
    assert registry.activities["mail"].notes == (
        "Third countries in the source: US; not tied to a party."
    )


def _org_block(*lines: list[str]) -> Rows:
    return [*lines, [], HEADER, _row("Billing")]


def test_a_uk_postcode_after_the_city_gives_the_postal_code_city_and_country(
    tmp_path: Path,
) -> None:
    rows = _org_block(
        ["Controller", "Thames Dental Ltd"], ["Address", "4 High St, Reading RG1 2AB"]
    )
    _, registry = _import(tmp_path, {"Sheet1": rows})

    address = registry.organisation.postal_address
    assert (address.lines, address.postal_code, address.city) == (
        ("4 High St",),
        "RG1 2AB",
        "Reading",
    )
    assert address.country == "GB"


def test_a_french_controller_block_in_one_cell_gives_name_and_address(tmp_path: Path) -> None:
    rows = _org_block(
        ["Responsable du traitement", "Boulangerie Dupont SARL, 3 rue de la Paix, 75002 Paris"]
    )
    _, registry = _import(tmp_path, {"Sheet1": rows})

    org = registry.organisation
    assert org.legal_name == "Boulangerie Dupont SARL"
    assert (org.postal_address.postal_code, org.postal_address.city) == ("75002", "Paris")


def test_an_organisation_number_in_the_name_cell_is_read_and_checked(tmp_path: Path) -> None:
    rows = _org_block(["Behandlingsansvarlig", "Fjord AS, org.nr. 923 609 016"])
    _, registry = _import(tmp_path, {"Sheet1": rows})

    assert registry.organisation.legal_name == "Fjord AS"
    assert registry.organisation.org_number == "923609016"


def test_an_organisation_number_failing_its_check_digit_is_reported_not_written(
    tmp_path: Path,
) -> None:
    rows = _org_block(["Behandlingsansvarlig", "Fjord AS, org.nr. 912 345 678"])
    result, registry = _import(tmp_path, {"Sheet1": rows})

    assert is_unknown(registry.organisation.org_number)
    assert any(
        "'org.nr. 912 345 678' is not a Norwegian organisation number" in n for n in _notes(result)
    )


def test_a_labelled_phone_number_of_the_dpo_is_not_part_of_the_name(tmp_path: Path) -> None:
    rows = _org_block(
        ["Behandlingsansvarlig", "Fjord AS"],
        ["Personvernombud", "Kari Nordmann, personvernombud@fjord.no, tlf. 55 12 34 56"],
    )
    _, registry = _import(tmp_path, {"Sheet1": rows})

    dpo = registry.organisation.dpo
    assert not is_unknown(dpo)
    assert (dpo.name, dpo.email, dpo.phone) == (
        "Kari Nordmann",
        "personvernombud@fjord.no",
        "55 12 34 56",
    )


@pytest.mark.parametrize(
    ("address", "privacy"),
    [("info@fjord.no", None), ("personvern@fjord.no", "personvern@fjord.no")],
)
def test_the_general_e_mail_is_not_taken_for_the_privacy_contact(
    tmp_path: Path, address: str, privacy: str | None
) -> None:
    rows = _org_block(["Behandlingsansvarlig", "Fjord AS"], ["E-post", address])
    _, registry = _import(tmp_path, {"Sheet1": rows})

    contact = registry.organisation.privacy_contact
    assert (None if is_unknown(contact) else contact) == privacy


def test_a_company_named_with_and_without_its_legal_form_is_one_party(tmp_path: Path) -> None:
    header = [*HEADER, "Databehandler"]
    rows = [header, [*_row("Hiring", recipients="Webcruiter"), "Webcruiter AS"]]
    result, registry = _import(tmp_path, {"Sheet1": rows})

    assert list(registry.parties) == ["webcruiter-as"]
    assert registry.parties["webcruiter-as"].role == "processor"
    assert not [n for n in _notes(result) if "Webcruiter" in n]
