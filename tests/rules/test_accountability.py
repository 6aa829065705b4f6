"""R59: each kind of dated document is reported at its review date once that has passed."""

from __future__ import annotations

import datetime as _dt

import pytest

from holte_ropa import load_registry
from holte_ropa.rules import Finding, check
from tests.conftest import MakeRegistry

TODAY = _dt.date(2026, 11, 25)

RECORD = """\
activities:
  - id: support
    name: {nb: Kundestøtte, en: Customer support}
    description: {nb: Vi svarer på henvendelser., en: We answer requests.}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare, en: Answer}
        legal_basis:
          basis: legitimate_interest
          interest: {nb: Gi svar, en: Giving answers}
          right_to_object: {nb: E-post, en: E-mail}
          balancing_test: {reference: LIA-1, date: 2025-01-01, review_by: LIA_DATE}
    recipients:
      processors: [helpdesk]
    dpia: {status: done, reference: DPIA-1, review_by: DPIA_DATE}
parties:
  - id: helpdesk
    legal_name: Helpdesk Inc.
    trade_name: Helpdesk
    role: processor
    service: {nb: Kundestøtte, en: Customer support}
    dpa: {reference: DBA-1, review_by: DPA_DATE}
    locations:
      - country: US
        mechanism: {mechanism: scc, module: 2, tia: TIA-1, tia_review_by: TIA_DATE}
"""
LATER = {"LIA_DATE": "2027-01-01", "DPIA_DATE": "2027-01-01", "DPA_DATE": "2027-01-01"}
LATER["TIA_DATE"] = "2027-01-01"


def run(make_registry: MakeRegistry, rule: str = "R59", **dates: str) -> list[Finding]:
    text = RECORD
    for key, value in {**LATER, **dates}.items():
        text = text.replace(key, value)
    registry = load_registry(make_registry({"record.yaml": text}))
    return check(registry, today=TODAY, select=[rule])


@pytest.mark.parametrize(
    ("key", "line", "message"),
    [
        (
            "LIA_DATE",
            13,
            "the balancing test for 'answer' in 'support' was due for review on 2026-11-24",
        ),
        ("DPIA_DATE", 16, "the DPIA of 'support' was due for review on 2026-11-24"),
        (
            "DPA_DATE",
            23,
            "the data processing agreement with 'helpdesk' was due for review on 2026-11-24",
        ),
        (
            "TIA_DATE",
            26,
            "the transfer impact assessment for 'helpdesk' in US was due for review on 2026-11-24",
        ),
    ],
)
def test_a_document_past_its_review_date_is_reported_at_that_date(
    make_registry: MakeRegistry, key: str, line: int, message: str
) -> None:
    [finding] = run(make_registry, **{key: "2026-11-24"})
    assert finding.message == f"{message}: review it and record the next date"
    assert (finding.severity.value, finding.file.endswith("record.yaml"), finding.line) == (
        "warning",
        True,
        line,
    )


def test_a_review_due_today_or_later_is_no_finding(make_registry: MakeRegistry) -> None:
    assert run(make_registry, DPA_DATE="2026-11-25") == []


def test_an_unknown_review_date_is_left_to_the_unconfirmed_fact_rule(
    make_registry: MakeRegistry,
) -> None:
    assert run(make_registry, DPA_DATE="unknown") == []
    assert [f.line for f in run(make_registry, "R46", DPA_DATE="unknown")] == [23]
