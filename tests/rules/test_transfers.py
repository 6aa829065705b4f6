"""Transfer rules judge each computed transfer against the dated reference data."""

from __future__ import annotations

import datetime as _dt

import pytest

from holte_ropa import load_registry
from holte_ropa.model._reference import reference_data
from holte_ropa.rules import Finding, check
from tests.conftest import MakeRegistry

TODAY = _dt.date(2026, 11, 25)

TWO_ACTIVITIES = """\
activities:
  - id: support
    name: {nb: Kundestøtte, en: Customer support}
    description: {nb: Vi svarer på henvendelser., en: We answer requests.}
    role: controller
    recipients: {processors: [vendor]}
  - id: billing
    name: {nb: Fakturering, en: Billing}
    description: {nb: Vi sender fakturaer., en: We send invoices.}
    role: controller
    recipients: {processors: [vendor]}
parties:
  - id: vendor
    legal_name: Vendor Ltd
    trade_name: Vendor
    role: processor
    service: {nb: Drift, en: Operations}
    locations:
      - country: XX
        mechanism: MECHANISM
"""


def run(
    make_registry: MakeRegistry, country: str, mechanism: str, rule: str, today: _dt.date = TODAY
) -> list[Finding]:
    text = TWO_ACTIVITIES.replace("XX", country).replace("MECHANISM", mechanism)
    registry = load_registry(make_registry({"example.yaml": text}))
    return check(registry, today=today, select=[rule])


def test_a_location_reached_by_two_activities_gives_one_finding_naming_both(
    make_registry: MakeRegistry,
) -> None:
    [finding] = run(make_registry, "US", "unknown", "R27")
    assert (finding.entity, finding.line) == ("vendor", 20)
    assert "'support' and 'billing'" in finding.message
    assert "'support' og 'billing'" in finding.message_nb


def test_an_eea_country_needs_no_mechanism(make_registry: MakeRegistry) -> None:
    assert run(make_registry, "SE", "unknown", "R27") == []


def test_adequacy_for_a_country_without_a_decision_is_an_error(
    make_registry: MakeRegistry,
) -> None:
    [finding] = run(make_registry, "IN", "{mechanism: adequacy}", "R28")
    assert finding.severity.value == "error"
    assert "no adequacy decision covers IN" in finding.message


def test_an_adequacy_decision_pending_in_the_eea_is_a_warning_naming_it(
    make_registry: MakeRegistry,
) -> None:
    [finding] = run(make_registry, "BR", "{mechanism: adequacy}", "R28")
    assert finding.severity.value == "warning"
    assert "(EU) 2026/179" in finding.message
    assert "incorporation into the EEA Agreement is pending" in finding.message


def test_an_expired_adequacy_decision_is_an_error(make_registry: MakeRegistry) -> None:
    assert run(make_registry, "GB", "{mechanism: adequacy}", "R28") == []
    [finding] = run(make_registry, "GB", "{mechanism: adequacy}", "R28", _dt.date(2032, 1, 1))
    assert finding.severity.value == "error"
    assert "not in force on 2032-01-01" in finding.message


def test_dpf_gives_the_reference_data_caveat_as_information(make_registry: MakeRegistry) -> None:
    [finding] = run(make_registry, "US", "{mechanism: dpf, entry: Vendor Inc.}", "R28")
    caveat = reference_data().adequacy["US"].caveat
    assert caveat is not None
    assert finding.severity.value == "info"
    assert " ".join(caveat.split()) in finding.message


def test_dpf_outside_the_united_states_is_an_error(make_registry: MakeRegistry) -> None:
    [finding] = run(make_registry, "IN", "{mechanism: dpf}", "R28")
    assert finding.severity.value == "error"


def test_a_derogation_is_flagged_at_its_occasional_flag(make_registry: MakeRegistry) -> None:
    mechanism = "{mechanism: derogation, point: a, occasional: false}"
    [finding] = run(make_registry, "IN", mechanism, "R30")
    assert finding.line == 20
    assert run(make_registry, "IN", mechanism.replace("false", "true"), "R30") == []


def test_adequacy_and_dpf_transfers_need_no_copy_of_safeguards(
    make_registry: MakeRegistry,
) -> None:
    assert run(make_registry, "US", "{mechanism: dpf}", "R31") == []
    [finding] = run(make_registry, "US", "unknown", "R31")
    assert finding.file == "registry/organisation.yaml"


def described(findings: list[Finding]) -> list[tuple[str | None, int, int, str, str, str]]:
    """What a person reads: entity, line and column, severity, and both messages."""
    return [
        (f.entity, f.line, f.column, f.severity.value, f.message, f.message_nb) for f in findings
    ]


def test_a_location_without_mechanism_is_reported_on_the_party_in_both_languages(
    make_registry: MakeRegistry,
) -> None:
    assert described(run(make_registry, "US", "unknown", "R27")) == [
        (
            "vendor",
            20,
            20,
            "error",
            "'vendor' receives data of 'support' and 'billing' in US, outside the EEA, "
            "with no transfer mechanism",
            "'vendor' mottar opplysninger fra 'support' og 'billing' i US, utenfor EØS, "
            "uten overføringsgrunnlag",
        )
    ]


PARTIES = """\
activities:
  - id: support
    name: {nb: Kundestøtte, en: Customer support}
    description: {nb: Vi svarer på henvendelser., en: We answer requests.}
    role: controller
    recipients: {processors: [unsettled, hosting, helpdesk]}
parties:
  - id: unsettled
    legal_name: Unsettled AS
    trade_name: Unsettled
    role: processor
    service: {nb: Regnskap, en: Accounting}
    locations: unknown
  - id: hosting
    legal_name: Hosting Inc.
    trade_name: Hosting
    role: processor
    service: {nb: Drift, en: Hosting}
    locations:
      - {country: US, mechanism: {mechanism: scc, module: 2, tia: TIA-1}}
      - {country: IN, mechanism: unknown}
  - id: helpdesk
    legal_name: Helpdesk Inc.
    trade_name: Helpdesk
    role: processor
    service: {nb: Kundestøtte, en: Customer support}
    locations:
      - {country: US, mechanism: {mechanism: bcr}}
"""


def test_every_location_of_every_party_is_judged_after_a_party_with_unknown_locations(
    make_registry: MakeRegistry,
) -> None:
    registry = load_registry(make_registry({"example.yaml": PARTIES}))
    [missing] = check(registry, today=TODAY, select=["R27"])
    assert (missing.entity, missing.line) == ("hosting", 21)
    assert "in IN, outside the EEA" in missing.message


def test_the_missing_copy_of_safeguards_names_every_party_that_needs_one(
    make_registry: MakeRegistry,
) -> None:
    registry = load_registry(make_registry({"example.yaml": PARTIES}))
    [finding] = check(registry, today=TODAY, select=["R31"])
    assert described([finding]) == [
        (
            None,
            4,
            3,
            "error",
            "data goes outside the EEA under safeguards or unsettled mechanisms ('hosting' "
            "and 'helpdesk'), but the organisation does not say how people get a copy of the "
            "safeguards",
            "opplysninger overføres ut av EØS etter garantier eller uavklart grunnlag "
            "('hosting' og 'helpdesk'), men virksomheten sier ikke hvordan man får en kopi "
            "av garantiene",
        )
    ]


ADEQUACY = "{mechanism: adequacy}"


@pytest.mark.parametrize(
    ("country", "today", "severity", "messages"),
    [
        (
            "IN",
            TODAY,
            "error",
            (
                "'vendor' relies on adequacy for IN, but no adequacy decision covers IN",
                "'vendor' bygger på tilstrekkelig beskyttelsesnivå for IN, men ingen beslutning "
                "om tilstrekkelig beskyttelsesnivå gjelder IN",
            ),
        ),
        (
            "US",
            TODAY,
            "error",
            (
                "'vendor' relies on adequacy for United States, but the decision covers "
                "organisations certified under the EU-US Data Privacy Framework only: record "
                "`mechanism: dpf` with the list entry, or standard contractual clauses",
                "'vendor' bygger på tilstrekkelig beskyttelsesnivå for United States, men "
                "beslutningen gjelder bare virksomheter sertifisert under Data Privacy Framework: "
                "oppgi `mechanism: dpf` med oppføringen, eller standard personvernbestemmelser",
            ),
        ),
        (
            "BR",
            TODAY,
            "warning",
            (
                "'vendor' relies on adequacy for Brazil: Commission Implementing Decision (EU) "
                "2026/179 was adopted on 2026-01-26, but its incorporation into the EEA Agreement "
                "is pending, so it does not yet apply to a Norwegian controller",
                "'vendor' bygger på tilstrekkelig beskyttelsesnivå for Brazil: Commission "
                "Implementing Decision (EU) 2026/179 ble vedtatt 2026-01-26, men innlemmelsen i "
                "EØS-avtalen er ikke gjort, så den gjelder ennå ikke for en norsk "
                "behandlingsansvarlig",
            ),
        ),
        (
            "GB",
            _dt.date(2031, 12, 28),
            "error",
            (
                "'vendor' relies on adequacy for United Kingdom, but Commission Implementing "
                "Decisions of 19 December 2025 (renewing (EU) 2021/1772) is not in force on "
                "2031-12-28",
                "'vendor' bygger på tilstrekkelig beskyttelsesnivå for United Kingdom, men "
                "Commission Implementing Decisions of 19 December 2025 (renewing (EU) 2021/1772) "
                "gjelder ikke 2031-12-28",
            ),
        ),
    ],
    ids=["no-decision", "us-needs-dpf", "pending-in-eea", "expired"],
)
def test_each_way_adequacy_fails_is_explained_on_the_party(
    make_registry: MakeRegistry,
    country: str,
    today: _dt.date,
    severity: str,
    messages: tuple[str, str],
) -> None:
    found = run(make_registry, country, ADEQUACY, "R28", today)
    assert described(found) == [("vendor", 20, 20, severity, *messages)]


@pytest.mark.parametrize(
    ("today", "in_force"),
    [
        (_dt.date(2025, 12, 18), False),
        (_dt.date(2025, 12, 19), True),
        (_dt.date(2031, 12, 27), True),
        (_dt.date(2031, 12, 28), False),
    ],
)
def test_an_adequacy_decision_applies_from_its_eea_entry_into_force_to_its_expiry_inclusive(
    make_registry: MakeRegistry, today: _dt.date, in_force: bool
) -> None:
    assert (run(make_registry, "GB", ADEQUACY, "R28", today) == []) is in_force


DPF = "{mechanism: dpf, entry: Vendor Inc.}"


def test_the_data_privacy_framework_before_it_entered_into_force_is_an_error(
    make_registry: MakeRegistry,
) -> None:
    found = run(make_registry, "US", DPF, "R28", _dt.date(2023, 7, 9))
    assert described(found) == [
        (
            "vendor",
            20,
            20,
            "error",
            "'vendor' relies on Commission Implementing Decision (EU) 2023/1795, which is not "
            "in force on 2023-07-09",
            "'vendor' bygger på Commission Implementing Decision (EU) 2023/1795, som ikke "
            "gjelder 2023-07-09",
        )
    ]
    [caveat] = run(make_registry, "US", DPF, "R28", _dt.date(2023, 7, 10))
    assert (caveat.entity, caveat.severity.value) == ("vendor", "info")


def test_dpf_outside_the_united_states_is_explained_on_the_party(
    make_registry: MakeRegistry,
) -> None:
    assert described(run(make_registry, "IN", DPF, "R28")) == [
        (
            "vendor",
            20,
            20,
            "error",
            "'vendor' relies on the EU-US Data Privacy Framework for IN, which it does not cover",
            "'vendor' bygger på EU-US Data Privacy Framework for IN, som den ikke gjelder for",
        )
    ]


def test_a_waiver_for_the_party_covers_its_adequacy_finding(make_registry: MakeRegistry) -> None:
    waiver = (
        "waivers:\n  - rule: R28\n    entity: vendor\n    reason: Moving to SCC\n"
        "    approved_by: Kari Nordmann\n    expires: 2027-06-30\n"
    )
    text = TWO_ACTIVITIES.replace("XX", "IN").replace("MECHANISM", ADEQUACY)
    registry = load_registry(make_registry({"example.yaml": text, "waivers.yaml": waiver}))
    [finding] = check(registry, today=TODAY, select=["R28"])
    assert finding.waived


def test_standard_clauses_with_an_unknown_assessment_are_reported_in_both_languages(
    make_registry: MakeRegistry,
) -> None:
    found = run(make_registry, "US", "{mechanism: scc, module: 2, tia: unknown}", "R29")
    assert described(found) == [
        (
            "vendor",
            20,
            20,
            "warning",
            "'vendor' receives data in US under standard contractual clauses, but no transfer "
            "impact assessment is referenced",
            "'vendor' mottar opplysninger i US etter standard personvernbestemmelser, men "
            "ingen vurdering av overføringen er oppgitt",
        )
    ]


def test_a_regular_derogation_is_reported_at_the_occasional_flag_in_both_languages(
    make_registry: MakeRegistry,
) -> None:
    mechanism = "{mechanism: derogation, point: a, occasional: false}"
    assert described(run(make_registry, "US", mechanism, "R30")) == [
        (
            "vendor",
            20,
            66,
            "warning",
            "'vendor' receives data in US regularly under the Art. 49(1)(a) derogation, which "
            "only covers occasional transfers",
            "'vendor' mottar opplysninger i US jevnlig etter unntaket i art. 49 nr. 1 bokstav "
            "a, som bare gjelder enkeltstående overføringer",
        )
    ]


def test_an_unconfirmed_eea_incorporation_is_reported_once_per_decision(
    make_registry: MakeRegistry,
) -> None:
    """Two parties in Japan rely on one decision: one R54 finding, at the first, naming both."""
    second = (
        "  - id: other\n    legal_name: Other KK\n    trade_name: Other\n    role: processor\n"
        "    service: {nb: Drift, en: Operations}\n"
        "    locations: [{country: JP, mechanism: {mechanism: adequacy}}]\n"
    )
    text = (
        TWO_ACTIVITIES.replace("XX", "JP")
        .replace("MECHANISM", "{mechanism: adequacy}")
        .replace("{processors: [vendor]}", "{processors: [vendor, other]}")
        + second
    )
    registry = load_registry(make_registry({"example.yaml": text}))
    [finding] = check(registry, today=TODAY, select=["R54"])
    assert (finding.entity, finding.line) == ("vendor", 20)
    assert finding.message.startswith(
        "'vendor' and 'other' rely on the adequacy decision for Japan"
    )
    assert "'vendor' og 'other' bygger på" in finding.message_nb


def test_the_dpf_is_not_called_valid_today_while_its_eea_incorporation_is_unconfirmed(
    make_registry: MakeRegistry,
) -> None:
    [info] = run(make_registry, "US", "{mechanism: dpf, entry: Vendor Inc.}", "R28")
    assert reference_data().adequacy["US"].eea_unconfirmed
    assert info.severity.value == "info"
    assert "valid today" not in info.message
    assert "in force in the EU today (its EEA incorporation is unconfirmed, see R54)" in (
        info.message
    )


@pytest.mark.parametrize(
    ("country", "scope"),
    [("CA", "commercial organisations subject to PIPEDA only"), ("JP", "private sector")],
)
def test_a_decision_covering_part_of_a_country_asks_to_confirm_the_recipient_is_within_it(
    make_registry: MakeRegistry, country: str, scope: str
) -> None:
    [finding] = run(make_registry, country, "{mechanism: adequacy}", "R72")
    assert (finding.severity.value, finding.entity, finding.line) == ("warning", "vendor", 20)
    assert f"which covers {scope}: confirm the recipient is within it" in finding.message
    confirmed = "{mechanism: adequacy, scope: {en: A company under the law, nb: Et selskap}}"
    assert run(make_registry, country, confirmed, "R72") == []
    assert run(make_registry, "NZ", "{mechanism: adequacy}", "R72") == []


def test_an_authority_is_outside_a_private_sector_decision(make_registry: MakeRegistry) -> None:
    text = (
        TWO_ACTIVITIES.replace("XX", "JP")
        .replace("MECHANISM", "{mechanism: adequacy, scope: {en: Claimed, nb: Påstått}}")
        .replace("role: processor", "role: authority")
        .replace("{processors: [vendor]}", "{authorities: [vendor]}")
    )
    registry = load_registry(make_registry({"example.yaml": text}))
    [finding] = check(registry, today=TODAY, select=["R72"])
    assert finding.message.startswith("'vendor' is an authority in Japan, outside the scope of")
    assert "another mechanism (GDPR Art. 46 or 49)" in finding.message
