"""The Art. 30 record as rows: one per activity and purpose, columns in Art. 30's order."""

from __future__ import annotations

from holte_ropa import load_registry
from holte_ropa.records._tables import record_table
from tests.conftest import FIXTURES, ROOT, MakeRegistry

SMALL = FIXTURES / "small"


def test_the_controller_record_has_one_row_per_controller_activity_and_purpose() -> None:
    registry = load_registry(SMALL)
    table = record_table(registry, "controller", "en")
    assert table.article == "GDPR Art. 30(1)"
    assert [(r["activity_id"], r["purpose"]) for r in table.rows] == [
        ("newsletter", "Send newsletters")
    ]


def test_columns_follow_the_letters_of_article_30_1() -> None:
    headers = [
        c.header("en") for c in record_table(load_registry(SMALL), "controller", "en").columns
    ]
    letters = [h[h.index("30(1)(") + 6] for h in headers if "30(1)(" in h]
    assert letters == sorted(letters)
    assert headers[1] == "Processing activity"


def test_a_row_states_basis_recipients_transfers_and_retention_in_words() -> None:
    row = record_table(load_registry(SMALL), "controller", "en").rows[0]
    # how consent is withdrawn (Art. 7(3)) is labelled, not read as the consent itself
    assert row["legal_basis"] == "consent (GDPR Art. 6(1)(a)); withdrawal: A link in every letter"
    assert row["recipients"] == ("Mailtool (processor)",)
    assert row["third_countries"] == ("United States",)  # named as the diagrams name it
    assert row["safeguards"] == (
        "Mailtool → United States: standard contractual clauses (module 2) (GDPR Art. 46(2)(c))",
    )
    assert row["retention"] == ("[until consent is withdrawn, deleted] Until you withdraw consent",)


def test_the_processor_record_names_controllers_and_sub_processors_in_bokmal() -> None:
    table = record_table(load_registry(SMALL), "processor", "nb")
    assert table.article == "GDPR Art. 30(2)"
    (row,) = table.rows
    assert row["controllers"] == "Kundene våre"
    assert row["processing_categories"] == ("Lagring",)
    assert row["sub_processors"] == (
        "Cloud (underdatabehandler)",
        "Backup (underdatabehandler), via Cloud",
    )
    assert row["third_countries"] == ("Storbritannia", "India")  # names in bokmål
    assert "ukjent, må bekreftes" in row["safeguards"][1]


def test_holtes_records_cover_every_activity_once_per_purpose() -> None:
    registry = load_registry(ROOT / "registry")
    rows = [
        *record_table(registry, "controller", "nb").rows,
        *record_table(registry, "processor", "nb").rows,
    ]
    expected = sum(max(1, len(a.purposes)) for a in registry.activities.values())
    assert len(rows) == expected
    assert {r["activity_id"] for r in rows} == set(registry.activities)


def test_the_record_names_the_representative_or_why_none_is_needed_art_30_1_a() -> None:
    table = record_table(load_registry(SMALL), "controller", "en")
    assert table.organisation["representative"] == (
        "not required, established in the EEA (Art. 27(1))"
    )
    assert table.organisation["dpo"]


def test_the_processor_record_names_the_register_of_controllers_art_30_2_a() -> None:
    table = record_table(load_registry(ROOT / "registry"), "processor", "en")
    assert table.columns[3].key == "controller_register"
    assert {r["controller_register"] for r in table.rows} == {"unknown, to be confirmed"}


def test_the_controller_record_gives_each_joint_controllers_contact_details() -> None:
    table = record_table(load_registry(SMALL), "controller", "en")
    assert [c.key for c in table.columns][2:4] == ["joint_controllers", "joint_controller_contacts"]
    assert all(r["joint_controller_contacts"] == () for r in table.rows)


def test_the_bokmal_consent_cell_labels_how_consent_is_withdrawn() -> None:
    row = record_table(load_registry(SMALL), "controller", "nb").rows[0]
    assert row["legal_basis"] == (
        "samtykke (GDPR art. 6 nr. 1 bokstav a); trekkes tilbake: Lenke i hvert brev"
    )


def test_countries_are_named_in_the_sheets_language_as_the_diagrams_name_them() -> None:
    from holte_ropa.graph import flows_table

    registry = load_registry(SMALL)
    for lang, name in (("nb", "USA"), ("en", "United States")):
        row = record_table(registry, "controller", lang).rows[0]
        assert row["third_countries"] == (name,)
        assert name in {flow.country_name for flow in flows_table(registry, lang)}


def test_retention_states_its_period_event_and_action_before_the_notices_words() -> None:
    # the notice says "when the hiring is done"; the record also says how long after what
    rows = record_table(load_registry(ROOT / "registry"), "controller", "nb").rows
    (recruitment,) = [r for r in rows if r["activity_id"] == "recruitment"]
    (rule,) = recruitment["retention"]
    assert rule.startswith("[0 dager etter avsluttet rekruttering, slettes] Dokumentasjonen")


def test_a_transfer_to_an_international_organisation_is_in_the_record(
    make_registry: MakeRegistry,
) -> None:
    """Art. 30(1)(e): transfers to a third country or an international organisation."""
    filing = """\
activities:
  - id: patents
    name: {nb: Patentsøknader, en: Patent applications}
    description: {nb: Vi søker patent., en: We file patents.}
    role: controller
    recipients:
      controllers: [epo]
parties:
  - id: epo
    legal_name: European Patent Organisation
    trade_name: EPO
    role: controller
    service: {nb: Patenter, en: Patents}
    locations: [{country: DE}]
    international_organisation: {code: EPO, mechanism: {mechanism: adequacy}}
"""
    registry = load_registry(make_registry({"r.yaml": filing}))
    [row] = record_table(registry, "controller", "nb").rows
    assert row["third_countries"] == ("EPO (internasjonal organisasjon)",)
    [basis] = row["safeguards"]
    assert basis.startswith("EPO → EPO: ")
    assert "15 July 2025" in basis
