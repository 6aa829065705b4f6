"""Record completeness (Art. 30): the branches the rules' own examples do not show."""

from __future__ import annotations

import datetime as _dt

from holte_ropa import load_registry
from holte_ropa.rules import check
from tests.conftest import FIXTURES, MakeRegistry

TODAY = _dt.date(2026, 11, 25)

ACTIVITY = """\
activities:
  - id: crm
    name: {nb: Kunderegister, en: Customer register}
    description: {nb: Kundene våre, en: Our customers}
    role: ROLE
    purposes:
      - id: follow-up
        description: {nb: Følge opp kunder, en: Follow up customers}
        legal_basis: {basis: contract, contract: {nb: Kundeavtalen, en: The customer contract}}
    recipients: RECIPIENTS
"""

PARTIES = """\
parties:
  - id: crm-vendor
    legal_name: CRM AS
    trade_name: CRM
    role: processor
    service: {nb: CRM, en: CRM}
    locations: [{country: "NO"}]
    dpa: {reference: DPA-1}
  - id: crm-hosting
    legal_name: unknown
    trade_name: Hosting
    role: sub_processor
    engaged_by: crm-vendor
    service: {nb: Drift, en: Hosting}
    locations: unknown
"""


def run(make_registry: MakeRegistry, rule: str, *files: str, org: bool = True) -> list[str]:
    path = make_registry({f"f{i}.yaml": text for i, text in enumerate(files)}, organisation=org)
    return [
        f"{f.rule} {f.severity.value} {f.file}:{f.line} {f.message}"
        for f in check(load_registry(path), today=TODAY, select=[rule])
    ]


def activity(role: str = "controller", recipients: str = "none") -> str:
    return ACTIVITY.replace("ROLE", role).replace("RECIPIENTS", recipients)


def test_an_unconfirmed_organisation_number_is_a_warning_not_an_error(
    make_registry: MakeRegistry,
) -> None:
    org = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    [finding] = run(make_registry, "R01", org.replace('"923609016"', "unknown"), org=False)
    assert finding.startswith("R01 warning registry/f0.yaml:6 ")
    assert "organisation number of 'Acme AS'" in finding


def test_no_dpo_is_questioned_when_an_activity_is_large_scale_monitoring(
    make_registry: MakeRegistry,
) -> None:
    screened = (
        activity() + "    dpia: {status: done, criteria: [large_scale, systematic_monitoring]}\n"
    )
    [finding] = run(make_registry, "R02", screened)
    assert finding.startswith("R02 warning registry/organisation.yaml:16 ")
    assert "'crm'" in finding and "Art. 37(1)(b)-(c)" in finding


def test_an_empty_recipients_list_is_not_an_explicit_none(make_registry: MakeRegistry) -> None:
    [finding] = run(make_registry, "R05", activity(recipients="{}"))
    assert finding.startswith("R05 error registry/f0.yaml:10 ")
    assert "recipients: none" in finding


def test_a_sub_processor_with_unknown_countries_is_reported_at_the_processor_named(
    make_registry: MakeRegistry,
) -> None:
    named = activity(recipients="{processors: [crm-vendor]}")
    [finding] = run(make_registry, "R06", named, PARTIES)
    assert finding.startswith("R06 error registry/f0.yaml:10 ")
    assert "'crm-hosting' (through crm-vendor)" in finding


def test_processor_activities_are_read_by_r09_not_by_the_controller_rules(
    make_registry: MakeRegistry,
) -> None:
    processing = activity(role="processor", recipients="unknown")
    for rule in ("R03", "R05", "R06", "R07", "R08"):
        assert run(make_registry, rule, processing) == [], rule
    found = run(make_registry, "R09", processing)
    assert [f.split(" ", 3)[2] for f in found] == [
        "registry/f0.yaml:2",
        "registry/f0.yaml:2",
        "registry/f0.yaml:10",
    ]
    assert "sub-processors of 'crm' are unknown" in found[2]


def test_a_processor_activity_with_an_unlocated_sub_processor_cannot_state_transfers(
    make_registry: MakeRegistry,
) -> None:
    processing = activity(role="processor", recipients="{processors: [crm-vendor]}")
    found = run(make_registry, "R09", processing, PARTIES)
    assert any("cannot state its transfers" in f and "'crm-hosting'" in f for f in found)


JOINT = """\
activities:
  - id: event
    name: {nb: Felles konferanse, en: Joint conference}
    description: {nb: Påmelding, en: Registration}
    role: joint_controller
    joint_controllers: [partner]
    arrangement: {nb: Partner svarer på henvendelser, en: Partner answers requests}
    recipients: none
parties:
  - id: partner
    legal_name: Partner AS
    trade_name: Partner
    role: joint_controller
    service: {nb: Medarrangør, en: Co-organiser}
    locations: [{country: "NO"}]
"""


def test_a_joint_controller_without_contact_details_leaves_art_30_1_a_incomplete(
    make_registry: MakeRegistry,
) -> None:
    [found] = run(make_registry, "R09", JOINT)
    assert found.startswith("R09 error") and ":6 " in found
    assert "the joint controller 'partner' of 'event' has no contact details" in found


def test_a_joint_controller_with_contact_details_completes_art_30_1_a(
    make_registry: MakeRegistry,
) -> None:
    with_contact = JOINT + "    contact: personvern@partner.example, Storgata 1, 0155 Oslo\n"
    assert run(make_registry, "R09", with_contact) == []


def test_a_processor_record_naming_controllers_only_as_a_category_needs_their_register(
    make_registry: MakeRegistry,
) -> None:
    from holte_ropa.rules import all_rules

    [r09] = [r for r in all_rules() if r.id == "R09"]
    without = r09.good.replace(
        "      controller_register: Customer list with contact persons in the CRM\n", ""
    )
    [found] = run(make_registry, "R09", without)
    assert "names the controllers only as a category" in found
    unknown = r09.good.replace("Customer list with contact persons in the CRM", "unknown")
    assert len(run(make_registry, "R09", unknown)) == 1
