"""Lawfulness (Art. 6, 7, 9, 10, 21): the branches the rules' own examples do not show."""

from __future__ import annotations

import datetime as _dt

from holte_ropa import load_registry
from holte_ropa.rules import check
from tests.conftest import FIXTURES, MakeRegistry

TODAY = _dt.date(2026, 11, 25)

VOCABULARY = """\
subject_categories:
  - {id: staff, name: {nb: Ansatte, en: Employees}, relationship: employee}
  - {id: pupils, name: {nb: Elever, en: Pupils}, vulnerable: true}
data_categories:
  - {id: convictions, name: {nb: Politiattest, en: Police certificate}, kind: criminal}
"""


def activity(basis: str, *extra: str, subjects: str = "[]", data: str = "[]") -> str:
    lines = [
        "activities:",
        "  - id: staff-admin",
        "    name: {nb: Personal, en: Staff}",
        "    description: {nb: Personaladministrasjon, en: Staff administration}",
        "    role: controller",
        "    purposes:",
        "      - id: main",
        "        description: {nb: Formålet, en: The purpose}",
        f"        legal_basis: {basis}",
        *[f"        {line}" for line in extra],
        f"    subject_categories: {subjects}",
        f"    data_categories: {data}",
        "    recipients: none",
    ]
    return "\n".join(lines) + "\n"


def run(make_registry: MakeRegistry, rule: str, *files: str, org: bool = True) -> list[str]:
    path = make_registry({f"f{i}.yaml": text for i, text in enumerate(files)}, organisation=org)
    return [
        f"{f.rule} {f.severity.value} {f.file}:{f.line} {f.message}"
        for f in check(load_registry(path), today=TODAY, select=[rule])
    ]


def li(interest: str = "{en: Running the firm}", test: str = "{reference: LIA-1}") -> str:
    return (
        f"{{basis: legitimate_interest, interest: {interest}, balancing_test: {test}, "
        "right_to_object: {en: E-mail us}}"
    )


def test_an_undated_balancing_test_is_a_warning_and_a_missing_interest_an_error(
    make_registry: MakeRegistry,
) -> None:
    found = run(make_registry, "R13", activity(li(interest="unknown")))
    assert [f.split(" ", 2)[1] for f in found] == ["error", "warning"]
    assert "interest pursued by 'main'" in found[0]
    assert "'LIA-1'" in found[1] and "no date" in found[1]


def test_a_public_task_needs_a_statute_and_a_way_to_object(make_registry: MakeRegistry) -> None:
    task = activity("{basis: public_task, source: unknown}")
    [objection] = run(make_registry, "R14", task)
    [statute] = run(make_registry, "R16", task)
    assert "rests on a public task but does not say how to object" in objection
    assert "rests on a public task without naming the statute" in statute


def test_e_mail_marketing_under_the_existing_customer_exception_passes(
    make_registry: MakeRegistry,
) -> None:
    flags = ("direct_marketing: true", "electronic_marketing: true")
    assert run(make_registry, "R15", activity(li(), *flags))
    assert not run(
        make_registry, "R15", activity(li(), *flags, "existing_customer_exception: true")
    )


def test_direct_marketing_without_objection_among_the_rights_is_reported_on_the_organisation(
    make_registry: MakeRegistry,
) -> None:
    org = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    no_objection = org.replace("restriction, objection,", "restriction,")
    marketing = activity(li(), "direct_marketing: true")
    [finding] = run(make_registry, "R15", no_objection, marketing, org=False)
    assert finding.startswith("R15 error registry/f0.yaml:27 ")
    assert "(staff-admin/main)" in finding


def test_criminal_data_needs_an_article_10_basis(make_registry: MakeRegistry) -> None:
    contract = "{basis: contract, contract: {en: Employment}}"
    [finding] = run(make_registry, "R17", VOCABULARY, activity(contract, data="[convictions]"))
    assert "criminal convictions" in finding and "Art. 10" in finding
    basis = "criminal_data_basis: {en: Politiregisterloven § 39}"
    fixed = activity(contract, data="[convictions]").replace(
        "    recipients", f"    {basis}\n    recipients"
    )
    assert not run(make_registry, "R17", VOCABULARY, fixed)


def test_consent_from_employees_names_the_relationship_and_vulnerable_falls_back(
    make_registry: MakeRegistry,
) -> None:
    consent = "{basis: consent, collection: {en: Form}, withdrawal: {en: E-mail}, proof: log}"
    found = run(make_registry, "R19", VOCABULARY, activity(consent, subjects="[staff, pupils]"))
    assert len(found) == 2
    employees = [f for f in found if "'staff'" in f]
    pupils = [f for f in found if "'pupils'" in f]
    assert len(employees) == len(pupils) == 1
    assert "who are employees" in employees[0]
    assert "marked vulnerable" in pupils[0] and "relationship:" in pupils[0]


def test_no_imbalance_finding_without_consent(make_registry: MakeRegistry) -> None:
    contract = "{basis: contract, contract: {en: Employment}}"
    assert not run(make_registry, "R19", VOCABULARY, activity(contract, subjects="[staff]"))
