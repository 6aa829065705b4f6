"""R17: the Art. 9(2) points that apply only on the basis of Union or Member State law."""

from __future__ import annotations

import datetime as _dt

import pytest

from holte_ropa import load_registry
from holte_ropa.rules import Finding, check
from tests.conftest import MakeRegistry

TODAY = _dt.date(2026, 11, 25)

CHILDCARE = """\
data_categories:
  - {id: child-health, name: {nb: Helse, en: Health}, kind: special}
activities:
  - id: childcare
    name: {nb: Barnehage, en: Kindergarten}
    description: {nb: Vi passer barna., en: We look after the children.}
    role: controller
    data_categories: [child-health]
    special_category_condition: "CONDITION"
    recipients: none
"""


def run(make_registry: MakeRegistry, condition: str, *extra: str) -> list[Finding]:
    text = CHILDCARE.replace("CONDITION", condition) + "".join(f"    {e}\n" for e in extra)
    return check(load_registry(make_registry({"r.yaml": text})), today=TODAY, select=["R17"])


@pytest.mark.parametrize("point", ["b", "g", "h", "i", "j"])
def test_a_condition_resting_on_law_names_the_statute_and_section(
    make_registry: MakeRegistry, point: str
) -> None:
    [finding] = run(make_registry, f"9(2)({point})")
    assert (finding.severity.value, finding.line) == ("error", 9)
    assert finding.message == (
        f"'childcare' relies on Art. 9(2)({point}), which applies only on the basis of Union "
        "or Member State law, but does not name it: record the statute and section under "
        "`special_category_source:`"
    )
    assert run(make_registry, f"9(2)({point})", "special_category_source: unknown")
    named = "special_category_source: {statute: barnehageloven, section: § 47}"
    assert run(make_registry, f"9(2)({point})", named) == []


@pytest.mark.parametrize("point", ["a", "c", "d", "e", "f"])
def test_the_other_conditions_need_no_statute(make_registry: MakeRegistry, point: str) -> None:
    assert run(make_registry, f"9(2)({point})") == []


PAYROLL = """\
data_categories:
  - {id: fnr, name: {nb: Fødselsnummer, en: National identity number}, kind: national_id}
activities:
  - id: payroll
    name: {nb: Lønn, en: Payroll}
    description: {nb: Lønnskjøring, en: Running payroll}
    ROLE
    data_categories: [fnr]
    recipients: none
"""
PROCESSOR = """role: processor
    processor:
      controllers: {nb: Kundene, en: Our customers}
      agreement: {nb: Databehandleravtalen, en: The DPA}
      processing_categories: [{nb: Lønnskjøring, en: Running payroll}]
      controller_register: Customer register"""


def test_a_processor_activity_leaves_the_national_id_justification_to_its_controllers(
    make_registry: MakeRegistry,
) -> None:
    """personopplysningsloven § 12: the need for secure identification is the controller's."""
    for role, found in (("role: controller", 1), (PROCESSOR, 0)):
        text = PAYROLL.replace("ROLE", role)
        registry = load_registry(make_registry({"r.yaml": text}))
        assert len(check(registry, today=TODAY, select=["R18"])) == found
