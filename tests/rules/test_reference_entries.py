"""Every entry of the adequacy reference data is used by a rule, as its data says.

One test per decision (and per international organisation): a party in that country (or
that organisation) relying on the decision is judged exactly as the entry reads: valid
from its EEA entry into force (or, while that is unknown, its EU adoption, with R54 asking
for confirmation), not yet valid while incorporation is pending, DPF-only for the US.
"""

from __future__ import annotations

import datetime as _dt

import pytest

from holte_ropa import load_registry, reference_data
from holte_ropa.model import AdequacyDecision
from holte_ropa.rules import check
from tests.conftest import MakeRegistry

TODAY = _dt.date(2026, 11, 25)
RULES = ["R27", "R28", "R54", "R70"]

ACTIVITY = """\
activities:
  - id: support
    name: {nb: Kundestøtte, en: Customer support}
    description: {nb: Vi svarer., en: We answer.}
    role: controller
    recipients:
      processors: [vendor]
parties:
  - id: vendor
    legal_name: Vendor
    trade_name: Vendor
    role: processor
    service: {nb: Tjeneste, en: Service}
    dpa: {reference: DBA-1}
"""


def findings(make_registry: MakeRegistry, party_tail: str) -> set[tuple[str, str]]:
    registry = load_registry(make_registry({"r.yaml": ACTIVITY + party_tail}))
    return {(f.rule, f.severity.value) for f in check(registry, today=TODAY, select=RULES)}


def expected(decision: AdequacyDecision) -> set[tuple[str, str]]:
    if decision.pending_in_eea:
        return {("R28", "warning")}
    if not decision.valid_on(TODAY):
        return {("R28", "error")}
    return {("R54", "warning")} if decision.eea_unconfirmed else set()


@pytest.mark.parametrize("country", sorted(reference_data().adequacy))
def test_each_adequacy_decision_is_applied_as_its_entry_reads(
    make_registry: MakeRegistry, country: str
) -> None:
    decision = reference_data().adequacy[country]
    mechanism = (
        "{mechanism: dpf, entry: DPF-1}" if decision.requires_dpf else "{mechanism: adequacy}"
    )
    tail = f"    locations: [{{country: {country}, mechanism: {mechanism}}}]\n"
    found = findings(make_registry, tail)
    if decision.caveat:
        found.discard(("R28", "info"))
    assert found == expected(decision)


@pytest.mark.parametrize("code", sorted(reference_data().organisations))
def test_each_international_organisation_decision_is_applied_as_its_entry_reads(
    make_registry: MakeRegistry, code: str
) -> None:
    decision = reference_data().organisations[code]
    tail = (
        '    locations: [{country: "DE"}]\n'
        f"    international_organisation: {{code: {code}, mechanism: {{mechanism: adequacy}}}}\n"
    )
    want = expected(decision)
    if ("R28", "error") in want or ("R28", "warning") in want:
        want = {("R70", "error")}
    assert findings(make_registry, tail) == want
