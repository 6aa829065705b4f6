"""Transfer rules judge each computed transfer against the dated reference data."""

from __future__ import annotations

import datetime as _dt

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
