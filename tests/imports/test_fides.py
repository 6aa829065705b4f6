"""Fides manifests become registries: current and old fideslang keys, typos, bare lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from holte_ropa.cli import main
from holte_ropa.imports import ImportResult, ImportSourceError, import_record, write_registry
from holte_ropa.model import Registry, is_unknown, load_registry

CURRENT = """\
organization:
  - fides_key: acme
    name: Acme AS
    controller:
      name: Acme AS
      address: Postboks 1, 0150 Oslo
      email: post@acme.no
      phone: "+47 22 00 00 00"
    data_protection_officer:
      name: Kari Nordmann
      email: dpo@acme.no
system:
  - fides_key: crm
    name: CRM
    description: Customer relationship management
    system_type: Service
    legal_name: Superoffice AS
    responsibility: [Controller]
    does_international_transfers: true
    data_security_practices: Access control
    privacy_declarations:
      - name: Follow up customers
        data_use: essential.service
        data_categories: [user.contact.email, user.name.first]
        data_subjects: [customer]
        legal_basis_for_processing: Contract
        retention_period: 3 years
      - name: Newsletter
        data_use: marketing.communications.email
        data_categories: [user.contact.email]
        data_subjects: [customer]
        legal_basis_for_processing: Consent
        data_shared_with_third_parties: true
        third_parties: Advertising partners
  - fides_key: hr_system
    name: HR
    system_type: Application
    privacy_declarations:
      - data_use: essential.legal_obligation
        data_categories:
          - user.government_id.national_identification_number
          - user.health_and_medical
        data_subjects: [employee]
        processes_special_category_data: true
        special_category_legal_basis: Employment, social security and social protection
        retention_period: five years after the end of the financial year
"""

OLD = """\
system:
  - fides_key: analytics
    name: Analytics
    system_type: Service
    data_responsibility_title: Processor
    legal_name: Google LLC
    third_country_transfers: [USA]
    legal_basis_for_transfers: [SCCs]
    data_protection_impact_assessment:
      is_required: true
      progress: Complete
    privacy_declarations:
      - name: Measure the website
        data_use: improve.system
        data_qualifier: aggregated.anonymized
        data_categories:
          - user.derived.identifiable.device.ip_address
          - user.provided.identifiable.contact.email
        data_subjects: [customer]
"""

TYPOS = """\
system:
  - fides_key: shop
    name: Shop
    system_type: Service
    privacy_declaration:
      - data_use: essential.service
    privacy_declarations:
      - name: Sell things
        data_use: essentail.service
        data_categories: [user.contact.emial]
        data_subjects: [custommer]
        legal_basis_for_processing: Because
"""

BARE = """\
- fides_key: website
  name: Website
  system_type: Service
  privacy_declarations:
    - data_use: analytics.reporting
      data_categories: [user.device.cookie_id]
      data_subjects: [visitor]
"""


def _imported(
    tmp_path: Path, text: str, name: str = "systems.yml"
) -> tuple[ImportResult, Registry]:
    source = tmp_path / name
    source.write_text(text, "utf-8")
    result = import_record(source)
    write_registry(result, tmp_path / "registry")
    return result, load_registry(tmp_path / "registry")


def _notes(result: ImportResult) -> list[str]:
    return [str(n) for n in result.notes]


def test_systems_become_activities_and_declarations_purposes(tmp_path: Path) -> None:
    _, registry = _imported(tmp_path, CURRENT)

    crm = registry.activities["crm"]
    assert [p.description.en for p in crm.purposes] == ["Follow up customers", "Newsletter"]
    assert [getattr(p.legal_basis, "basis", None) for p in crm.purposes] == [
        "contract",
        "consent",
    ]
    assert crm.purposes[1].electronic_marketing and crm.purposes[1].direct_marketing
    assert crm.data_categories == ("email", "name")
    assert registry.data_categories["email"].name.nb == "E-postadresse"
    assert crm.subject_categories == ("customer",)
    assert crm.retention[0].duration.years == 3  # type: ignore[union-attr]
    recipients = crm.recipients
    assert not is_unknown(recipients) and recipients != "none"
    # legal_name names the company behind the system, not whether it processes for us
    assert recipients.unconfirmed == ("superoffice-as",) and not recipients.processors
    assert is_unknown(registry.parties["superoffice-as"].role)
    assert recipients.controllers == ("advertising-partners",)
    assert [registry.security_measures[m].name.en for m in crm.security_measures] == [
        "Access control"
    ]
    assert is_unknown(crm.sources)  # fideslang has no field for it
    assert crm.notes == "Transfers outside the EEA to countries the manifest does not name."


def test_transfers_without_countries_are_reported_at_their_line(tmp_path: Path) -> None:
    result, _ = _imported(tmp_path, CURRENT)

    assert (
        "systems.yml:19:35: warning[import]: the system transfers data outside the EEA, but "
        "fideslang 2+ does not say to which countries; add them to the locations of the "
        "parties concerned"
    ) in _notes(result)


def test_the_legal_basis_comes_from_the_data_use_where_fideslang_names_one(
    tmp_path: Path,
) -> None:
    _, registry = _imported(tmp_path, CURRENT)

    hr = registry.activities["hr-system"]
    assert getattr(hr.purposes[0].legal_basis, "basis", None) == "legal_obligation"
    assert hr.purposes[0].description.en == "Meeting a legal obligation"
    assert hr.special_category_condition == "9(2)(b)"
    kinds = {registry.data_categories[d].kind.value for d in hr.data_categories}
    assert kinds == {"national_id", "special"}
    assert registry.subject_categories["employee"].relationship == "employee"
    assert registry.activities["hr-system"].retention[0].trigger == "end_of_financial_year"  # type: ignore[union-attr]


def test_the_organization_resource_gives_the_controller_and_its_dpo(tmp_path: Path) -> None:
    _, registry = _imported(tmp_path, CURRENT)

    org = registry.organisation
    assert (org.legal_name, org.email, org.postal_address.city) == (
        "Acme AS",
        "post@acme.no",
        "Oslo",
    )
    assert not is_unknown(org.dpo) and org.dpo.email == "dpo@acme.no"


def test_old_fideslang_keys_are_read_and_reported_with_their_replacement(tmp_path: Path) -> None:
    result, registry = _imported(tmp_path, OLD)

    analytics = registry.activities["analytics"]
    assert analytics.role == "processor"
    assert analytics.data_categories == ("ip-address", "email")
    assert analytics.dpia is not None and analytics.dpia.status == "done"
    google = registry.parties["google-llc"]
    assert google.legal_name == "Google LLC"
    assert [
        (loc.country, getattr(loc.mechanism, "mechanism", None)) for loc in google.locations
    ] == [  # type: ignore[union-attr]
        ("US", "scc")
    ]
    notes = _notes(result)
    assert (
        "systems.yml:5:5: warning[import]: 'data_responsibility_title' is a fideslang 1.x key; "
        "fideslang 2+ uses 'responsibility'"
    ) in notes
    assert (
        "systems.yml:17:13: warning[import]: 'user.derived.identifiable.device.ip_address' is "
        "a fideslang 1.x data category; read as 'user.device.ip_address'"
    ) in notes
    assert (
        "systems.yml:14:19: warning[import]: 'improve.system' is a fideslang 1.x data use; "
        "read as 'functional.service.improve'"
    ) in notes


def test_misspelled_keys_are_reported_with_the_nearest_valid_key(tmp_path: Path) -> None:
    result, registry = _imported(tmp_path, TYPOS)

    notes = _notes(result)
    assert (
        "systems.yml:5:5: warning[import]: 'privacy_declaration' is not a fideslang system key "
        "(did you mean 'privacy_declarations'?); not imported"
    ) in notes
    assert (
        "systems.yml:9:19: warning[import]: 'essentail.service' is not a fideslang data use "
        "(did you mean 'essential.service'?); not recorded"
    ) in notes
    assert (
        "systems.yml:10:27: warning[import]: 'user.contact.emial' is not a fideslang data "
        "category (did you mean 'user.contact.email'?); not recorded"
    ) in notes
    assert (
        "systems.yml:11:25: warning[import]: 'custommer' is not a fideslang data subject "
        "(did you mean 'customer'?); not recorded"
    ) in notes
    assert any(
        n.startswith("systems.yml:12:37: warning[import]: 'Because' is not a fideslang legal basis")
        for n in notes
    )
    assert is_unknown(registry.activities["shop"].purposes[0].legal_basis)


def test_a_bare_list_of_systems_is_a_manifest(tmp_path: Path) -> None:
    result, registry = _imported(tmp_path, BARE, "website.yaml")

    website = registry.activities["website"]
    assert website.data_categories == ("online-identifiers",)
    assert website.subject_categories == ("visitor",)
    assert website.purposes[0].description.nb == "Analyse og statistikk"
    assert website.role == "controller"
    assert (
        "website.yaml:1:14: warning[import]: the system's responsibility is not given; "
        "recorded as controller"
    ) in _notes(result)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("system: [\n", "systems.yml:2:1: error[import]:"),
        ("just a string\n", "systems.yml:1:1: error[import]: not a Fides manifest"),
        ("dataset: []\n", "systems.yml:1:1: error[import]: no fideslang 'system'"),
        ("a: 1\na: 2\n", "systems.yml:2:1: error[import]: duplicate key"),
    ],
)
def test_yaml_that_is_not_a_manifest_exits_2_with_a_located_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    source = tmp_path / "systems.yml"
    source.write_text(text, "utf-8")

    with pytest.raises(ImportSourceError):
        import_record(source)
    assert main(["import", str(source), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


CUSTOM = """\
data_category:
  - fides_key: user.custom_files
    name: Customer files
  - fides_key: user.sick_notes
    name: Sick notes and health records
system:
  - fides_key: files
    name: Files
    description: File storage
    privacy_declarations:
      - data_use: essential.service
        data_categories: [user.custom_files, user.sick_notes, user.contact.email]
        data_subjects: [customer]
"""


def test_a_data_category_takes_its_kind_from_the_cross_walk_or_the_custom_name(
    tmp_path: Path,
) -> None:
    result, registry = _imported(tmp_path, CUSTOM)

    kinds = {ident: category.kind for ident, category in registry.data_categories.items()}
    assert kinds["sick-notes"] == "special"
    assert kinds["email"] == "ordinary"
    assert is_unknown(kinds["custom-files"])
    assert any(
        "the source does not say whether 'Customer files' is a special category" in note
        for note in _notes(result)
    )
    assert registry.activities["files"].description is not None
    assert not is_unknown(registry.activities["files"].description)


def test_a_system_without_a_description_has_an_unknown_one(tmp_path: Path) -> None:
    _, registry = _imported(tmp_path, CUSTOM.replace("    description: File storage\n", ""))

    assert is_unknown(registry.activities["files"].description)


OWN_SYSTEM = """\
organization:
  - fides_key: fjord
    name: Fjord AS
    controller:
      name: Fjord AS
      address: Strandgata 12, 5013 Bergen, Norway
      email: post@fjord.no
system:
  - fides_key: booking_app
    name: Booking app
    description: Online appointment booking
    legal_name: Fjord AS
    responsibility: [Controller]
    privacy_declarations:
      - name: Appointment reminders
        data_use: essential.service
        data_categories: [user.contact.email, user.health_and_medical]
        data_subjects: [customer]
        legal_basis_for_processing: Contract
        special_category_legal_basis: %s
        retention_period: "2 years"
"""


def test_a_system_of_the_organisation_itself_is_its_own_not_a_processor(tmp_path: Path) -> None:
    result, registry = _imported(tmp_path, OWN_SYSTEM % "Explicit consent")

    assert registry.parties == {}
    assert registry.organisation.id == "fjord-as"
    assert is_unknown(registry.activities["booking-app"].recipients)
    assert not [n for n in _notes(result) if "Fjord AS" in n]


@pytest.mark.parametrize(
    ("said", "condition"),
    [
        ("Explicit consent", "9(2)(a)"),
        ("explicit consent", "9(2)(a)"),
        ("Art. 9(2)(h)", "9(2)(h)"),
        ("Health or social care (with a basis in law)", "9(2)(h)"),
    ],
)
def test_the_special_category_basis_is_read_without_the_flag(
    tmp_path: Path, said: str, condition: str
) -> None:
    _, registry = _imported(tmp_path, OWN_SYSTEM % said)

    assert registry.activities["booking-app"].special_category_condition == condition


def test_a_special_category_basis_it_cannot_read_is_reported_at_its_line(tmp_path: Path) -> None:
    result, registry = _imported(tmp_path, OWN_SYSTEM % "Because we can")

    assert registry.activities["booking-app"].special_category_condition is None
    assert (
        "systems.yml:20:39: warning[import]: special category data without a known Art. 9(2) "
        "condition ('Because we can'); not recorded"
    ) in _notes(result)
