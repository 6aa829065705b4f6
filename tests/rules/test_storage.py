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


def _r52(make_registry: MakeRegistry, old: str, new: str) -> list[str]:
    from holte_ropa.rules import all_rules

    [r52] = [r for r in all_rules() if r.id == "R52"]
    path = make_registry({"example.yaml": r52.bad.replace(old, new)})
    findings = check(load_registry(path), today=_dt.date(2026, 11, 25), select=["R52"])
    return [f.message for f in findings]


LAW = "        legal_source: {statute: bokføringsloven, section: § 13}\n"
INSTRUCTION = "        controller_instruction: {nb: DBA punkt 9, en: DPA clause 9}\n"


def test_a_statute_binding_the_controller_does_not_by_itself_let_the_processor_keep_data(
    make_registry: MakeRegistry,
) -> None:
    """bokføringsloven § 13 binds the controller; the processor keeps the vouchers only
    as the controller's documented instruction (Art. 28(3)(a), (g))."""
    termination = "        trigger: termination\n"
    [message] = _r52(make_registry, termination, termination + LAW)
    assert "citing bokføringsloven § 13, which binds the controller, not the processor" in (message)
    assert _r52(make_registry, termination, termination + LAW + INSTRUCTION) == []


def test_a_processor_counting_its_own_retention_from_any_trigger_is_reported(
    make_registry: MakeRegistry,
) -> None:
    year_end = "        trigger: end_of_financial_year\n"
    [message] = _r52(make_registry, "        trigger: termination\n", year_end)
    assert "sets its own retention (5 years)" in message
    assert "controller_instruction:" in message
    assert _r52(make_registry, "        trigger: termination\n", year_end + INSTRUCTION) == []


def test_return_at_the_end_at_the_controllers_choice_passes(make_registry: MakeRegistry) -> None:
    at_end = "      - duration: {days: 0}  # <-\n        action: delete_or_return\n"
    assert _r52(make_registry, "      - duration: {years: 5}  # <-\n", at_end) == []
