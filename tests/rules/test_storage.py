"""Storage rules: each way a retention rule can fail to be definite or lawful."""

from __future__ import annotations

import datetime as _dt

from holte_ropa import load_registry
from holte_ropa.rules import Finding, check
from tests.conftest import MakeRegistry

TODAY = _dt.date(2026, 11, 25)

ACTIVITY = """\
activities:
  - id: support
    name: {nb: Kundestøtte, en: Customer support}
    description: {nb: Vi svarer på henvendelser., en: We answer requests.}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare deg, en: Answer you}
        legal_basis: BASIS
    recipients: none
    retention: RETENTION
"""
CONTRACT = "{basis: contract, contract: {nb: Avtalen, en: The contract}}"
CONSENT = (
    "{basis: consent, collection: {nb: Skjema, en: A form}, withdrawal: {nb: Lenke, en: A link}}"
)
DESCRIPTION = "description: {nb: Regel, en: Rule}"


def run(make_registry: MakeRegistry, basis: str, retention: str, rule: str) -> list[Finding]:
    text = ACTIVITY.replace("BASIS", basis).replace("RETENTION", retention)
    return check(load_registry(make_registry({"a.yaml": text})), today=TODAY, select=[rule])


def test_unknown_retention_is_an_error_at_the_field(make_registry: MakeRegistry) -> None:
    [finding] = run(make_registry, CONTRACT, "unknown", "R32")
    assert (finding.severity.value, finding.line) == ("error", 11)


def test_until_consent_withdrawn_is_definite_only_for_consent(
    make_registry: MakeRegistry,
) -> None:
    rule = f"[{{duration: until_consent_withdrawn, {DESCRIPTION}}}]"
    assert run(make_registry, CONSENT, rule, "R32") == []
    [finding] = run(make_registry, CONTRACT, rule, "R32")
    assert "not all its purposes rest on consent" in finding.message


def test_a_duration_without_a_trigger_is_an_error(make_registry: MakeRegistry) -> None:
    [finding] = run(make_registry, CONTRACT, f"[{{duration: {{years: 1}}, {DESCRIPTION}}}]", "R32")
    assert "trigger" in finding.message
    ok = f"[{{duration: {{years: 1}}, trigger: end_of_contract, {DESCRIPTION}}}]"
    assert run(make_registry, CONTRACT, ok, "R32") == []


def test_statutory_retention_without_a_source_is_a_warning(make_registry: MakeRegistry) -> None:
    rule = f"[{{duration: {{years: 5}}, trigger: end_of_financial_year, {DESCRIPTION}}}]"
    [finding] = run(make_registry, CONTRACT, rule, "R33")
    assert finding.severity.value == "warning"
    assert "names no legal source" in finding.message


def test_retention_within_the_period_of_its_source_passes(make_registry: MakeRegistry) -> None:
    source = "legal_source: {statute: bokføringsloven, section: § 13, period: {years: 5}}"
    rule = f"[{{duration: {{years: 5}}, trigger: end_of_financial_year, {source}, {DESCRIPTION}}}]"
    assert run(make_registry, CONTRACT, rule, "R33") == []
    [finding] = run(make_registry, CONTRACT, rule.replace("{years: 5}, t", "{years: 6}, t"), "R33")
    assert "6 years, longer than bokføringsloven § 13 sets (5 years)" in finding.message
    assert "6 år, lenger enn bokføringsloven § 13 fastsetter (5 år)" in finding.message_nb


def test_undecided_deletion_on_withdrawal_is_flagged_at_the_basis(
    make_registry: MakeRegistry,
) -> None:
    [finding] = run(make_registry, CONSENT, "[]", "R34")
    assert finding.line == 9
    assert "may not be deleted" in finding.message


def test_a_processor_may_keep_data_after_the_service_when_a_named_law_requires_it(
    make_registry: MakeRegistry,
) -> None:
    from holte_ropa.rules import all_rules

    [r52] = [r for r in all_rules() if r.id == "R52"]
    with_law = r52.bad.replace(
        "        trigger: termination\n",
        "        trigger: termination\n"
        "        legal_source: {statute: bokføringsloven, section: § 13}\n",
    )
    path = make_registry({"example.yaml": with_law})
    assert check(load_registry(path), today=_dt.date(2026, 11, 25), select=["R52"]) == []
