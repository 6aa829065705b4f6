"""Narrow waivers: a waiver names a rule, an entity (the organisation too) and a field."""

from __future__ import annotations

import datetime as _dt

from holte_ropa.model._loader import load_registry
from holte_ropa.rules import check
from tests.conftest import FIXTURES, MakeRegistry

TODAY = _dt.date(2026, 6, 1)

_ORGANISATION = (
    (FIXTURES / "minimal" / "organisation.yaml")
    .read_text(encoding="utf-8")
    .replace("  email: post@acme.no", "  email: unknown")
    .replace("  privacy_contact: personvern@acme.no", "  privacy_contact: unknown")
)

_ACTIVITY = """\
activities:
  - id: forms
    name: {nb: Skjema, en: Forms}
    description: {nb: Kontaktskjema, en: Contact forms}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare deg, en: Answer you}
        legal_basis: unknown
      - id: follow-up
        description: {nb: Følge opp, en: Follow up}
        legal_basis: unknown
    recipients: none
"""


def _waiver(rule: str, **fields: str) -> str:
    lines = "".join(f"    {key}: {value}\n" for key, value in fields.items())
    return (
        f"waivers:\n  - rule: {rule}\n{lines}"
        "    reason: Being confirmed\n    approved_by: Kari\n    expires: 2027-01-01\n"
    )


def _waived(make_registry: MakeRegistry, waiver: str) -> dict[tuple[str, str], bool]:
    path = make_registry(
        {"organisation.yaml": _ORGANISATION, "forms.yaml": _ACTIVITY, "waivers.yaml": waiver},
        organisation=False,
    )
    findings = check(load_registry(path), today=TODAY)
    rule = waiver.split("rule: ")[1].split("\n", maxsplit=1)[0]
    return {
        (f.rule, f"{f.entity or 'acme'}:{f.line}"): f.waived for f in findings if f.rule == rule
    }


def test_a_waiver_names_the_organisation_by_its_id_and_waives_only_that_field(
    make_registry: MakeRegistry,
) -> None:
    waived = _waived(make_registry, _waiver(rule="R01", entity="acme", field="email"))
    assert waived == {("R01", "acme:12"): True, ("R01", "acme:14"): False}


def test_a_waiver_of_the_organisation_without_a_field_waives_its_findings_of_that_rule(
    make_registry: MakeRegistry,
) -> None:
    waived = _waived(make_registry, _waiver(rule="R01", entity="acme"))
    assert waived == {("R01", "acme:12"): True, ("R01", "acme:14"): True}


def test_a_waiver_for_one_purpose_does_not_hide_the_same_rule_on_another(
    make_registry: MakeRegistry,
) -> None:
    waiver = _waiver(rule="R10", entity="forms", field="purposes.0.legal_basis")
    waived = _waived(make_registry, waiver)
    r10 = {key: value for key, value in waived.items() if key[0] == "R10"}
    assert sorted(r10.values()) == [False, True]


def test_a_waiver_for_another_entity_waives_nothing(make_registry: MakeRegistry) -> None:
    waived = _waived(make_registry, _waiver(rule="R01", entity="forms", field="email"))
    assert set(waived.values()) == {False}
