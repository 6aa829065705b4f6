"""The engine locates findings, honours waivers and reports the waivers themselves."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from holte_ropa import load_registry
from holte_ropa.rules import Finding, check, get_rule
from tests.conftest import MakeRegistry

TODAY = _dt.date(2026, 11, 25)

UNSETTLED = """\
activities:
  - id: web-forms
    name: {nb: Skjema, en: Forms}
    description: {nb: Kontaktskjema, en: Contact forms}
    role: controller
    purposes:
      - id: contact
        description: {nb: Kontakte deg, en: Contact you}
        legal_basis: unknown
    recipients: none
"""


def waiver(rule: str, expires: str, entity: str | None = None) -> str:
    scope = f"    entity: {entity}\n" if entity else ""
    return (
        f"waivers:\n  - rule: {rule}\n{scope}    reason: Open item for the privacy officer\n"
        f"    approved_by: Kari Nordmann\n    expires: {expires}\n"
    )


def run(make_registry: MakeRegistry, *files: str) -> list[Finding]:
    path = make_registry({f"f{i}.yaml": text for i, text in enumerate(files)})
    return check(load_registry(path), today=TODAY, select=["R10", "R45"])


def test_a_finding_names_its_rule_entity_and_location_in_both_languages(
    make_registry: MakeRegistry,
) -> None:
    [finding] = run(make_registry, UNSETTLED)
    assert (finding.rule, finding.name, finding.severity.value) == (
        "R10",
        "purpose-without-legal-basis",
        "error",
    )
    assert (finding.file, finding.line, finding.column, finding.entity) == (
        "registry/f0.yaml",
        9,
        22,
        "web-forms",
    )
    assert "legal basis" in finding.text("en")
    assert "behandlingsgrunnlag" in finding.text("nb")
    assert not finding.waived


def test_a_waived_finding_is_still_reported_marked_waived(make_registry: MakeRegistry) -> None:
    [finding] = run(make_registry, UNSETTLED, waiver("R10", "2027-06-30"))
    assert finding.rule == "R10"
    assert finding.waived
    assert finding.waiver_reason == "Open item for the privacy officer"


def test_a_waiver_may_name_the_rule_by_name_and_limit_itself_to_one_entity(
    make_registry: MakeRegistry,
) -> None:
    other = waiver("purpose-without-legal-basis", "2027-06-30", entity="web-forms")
    [finding] = run(make_registry, UNSETTLED, other)
    assert finding.waived


def test_an_expired_waiver_brings_the_finding_back_and_is_reported(
    make_registry: MakeRegistry,
) -> None:
    findings = run(make_registry, UNSETTLED, waiver("R10", "2026-01-31"))
    assert [(f.rule, f.waived, f.file, f.line) for f in findings] == [
        ("R10", False, "registry/f0.yaml", 9),
        ("R45", False, "registry/f1.yaml", 5),
    ]
    assert "expired on 2026-01-31" in findings[1].message


def test_a_waiver_naming_an_unknown_rule_is_an_error(make_registry: MakeRegistry) -> None:
    findings = run(make_registry, UNSETTLED, waiver("R999", "2027-06-30"))
    assert [(f.rule, f.severity.value, f.line) for f in findings] == [
        ("R10", "error", 9),
        ("R45", "error", 2),
    ]


def test_a_waiver_that_matches_nothing_is_reported_as_info(make_registry: MakeRegistry) -> None:
    [finding] = run(make_registry, waiver("R10", "2027-06-30"))
    assert (finding.rule, finding.severity.value) == ("R45", "info")


def test_select_and_ignore_take_ids_or_names(make_registry: MakeRegistry) -> None:
    registry = load_registry(make_registry({"a.yaml": UNSETTLED}))
    assert check(registry, today=TODAY, select=["r10"])
    assert not check(registry, today=TODAY, select=["R10"], ignore=["purpose-without-legal-basis"])
    with pytest.raises(KeyError):
        check(registry, today=TODAY, select=["R999"])


def test_rules_are_found_by_id_number_or_name() -> None:
    assert get_rule("10") is get_rule("R10") is get_rule("purpose-without-legal-basis")
    assert get_rule("nope") is None


def test_an_unknown_fact_already_reported_by_a_specific_rule_is_not_repeated(
    make_registry: MakeRegistry,
) -> None:
    party = """\
parties:
  - id: mailer
    legal_name: Mailer AS
    trade_name: Mailer
    role: processor
    service: {nb: E-post, en: E-mail}
    locations: [{country: "NO"}]
    dpa: {reference: unknown}
"""
    registry = load_registry(make_registry({"p.yaml": party}))
    at_dpa = [f.rule for f in check(registry, today=TODAY, select=["R21", "R46"]) if f.line == 8]
    assert at_dpa == ["R21"]
    assert [f.rule for f in check(registry, today=TODAY, select=["R46"]) if f.line == 8] == ["R46"]


def test_select_rules_takes_ids_or_names_and_drops_the_ignored_ones() -> None:
    from holte_ropa.rules import select_rules

    chosen = select_rules(["R10", "unconfirmed-fact", "45"], ignore=["R45"])
    assert [r.id for r in chosen] == ["R10", "R46"]
    assert len(select_rules()) == len(select_rules(None, ()))


def test_select_rules_names_every_unknown_rule_at_once() -> None:
    from holte_ropa.rules import UnknownRuleError, select_rules

    with pytest.raises(UnknownRuleError) as raised:
        select_rules(["R10", "nope"], ignore=["R999"])
    assert raised.value.keys == ("nope", "R999")
    assert str(raised.value) == "unknown rule nope, R999; see `holte-ropa rules`"


def test_rules_that_act_on_findings_or_add_report_data_say_so_in_their_metadata() -> None:
    from holte_ropa.rules import all_rules

    by_id = {r.id: r for r in all_rules()}
    assert [r.id for r in all_rules() if r.phase == "findings"] == ["R45"]
    assert [r.id for r in all_rules() if not r.waivable] == ["R45"]
    assert [r.id for r in all_rules() if r.gives_way] == ["R46"]
    assert [r.id for r in all_rules() if r.report_data is not None] == ["R48"]
    assert by_id["R10"].phase == "registry"


def test_the_rule_framework_imports_nothing_of_the_rules_package_so_there_is_no_cycle() -> None:
    import ast

    import holte_ropa.rules._framework as framework

    tree = ast.parse(Path(framework.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert not [name for name in imported if name.startswith("holte_ropa.rules")]
