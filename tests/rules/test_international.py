"""R70 and R54 on international organisations: the EPO adequacy decision is used."""

from __future__ import annotations

import datetime as _dt

import pytest

from holte_ropa import load_registry
from holte_ropa.rules import Finding, check
from tests.conftest import MakeRegistry

TODAY = _dt.date(2026, 11, 25)

FILING = """\
activities:
  - id: patents
    name: {nb: Patentsøknader, en: Patent applications}
    description: {nb: Vi søker patent., en: We file patents.}
    role: controller
    recipients:
      controllers: [office]
parties:
  - id: office
    legal_name: Office
    trade_name: Office
    role: controller
    service: {nb: Patenter, en: Patents}
    locations: [{country: DE}]
    international_organisation: {code: CODE, mechanism: MECHANISM}
"""


def run(
    make_registry: MakeRegistry, code: str, mechanism: str, rule: str, today: _dt.date = TODAY
) -> list[Finding]:
    text = FILING.replace("CODE", code).replace("MECHANISM", mechanism)
    return check(load_registry(make_registry({"r.yaml": text})), today=today, select=[rule])


@pytest.mark.parametrize(
    ("code", "mechanism", "message"),
    [
        (
            "EPO",
            "unknown",
            "'office' is an international organisation (EPO) that receives data of 'patents' "
            "with no transfer mechanism (GDPR Art. 44)",
        ),
        (
            "EPO",
            "{mechanism: dpf}",
            "'office' is an international organisation (EPO); the EU-US Data Privacy Framework "
            "covers certified US companies only",
        ),
        (
            "WIPO",
            "{mechanism: adequacy}",
            "'office' relies on adequacy, but no adequacy decision covers the international "
            "organisation 'WIPO'",
        ),
    ],
)
def test_a_transfer_to_an_international_organisation_needs_a_mechanism_that_covers_it(
    make_registry: MakeRegistry, code: str, mechanism: str, message: str
) -> None:
    [finding] = run(make_registry, code, mechanism, "R70")
    assert (finding.message, finding.severity.value, finding.line) == (message, "error", 15)


def test_the_epo_decision_covers_transfers_from_its_adoption(make_registry: MakeRegistry) -> None:
    assert run(make_registry, "EPO", "{mechanism: adequacy}", "R70") == []
    [before] = run(make_registry, "EPO", "{mechanism: adequacy}", "R70", _dt.date(2025, 7, 14))
    assert "(Commission Implementing Decision of 15 July 2025), which does not apply in the " in (
        before.message
    )


def test_standard_contractual_clauses_are_a_mechanism_too(make_registry: MakeRegistry) -> None:
    assert run(make_registry, "EPO", "{mechanism: scc, module: 1, tia: TIA-1}", "R70") == []


def test_the_epo_decisions_unconfirmed_eea_incorporation_is_a_warning(
    make_registry: MakeRegistry,
) -> None:
    [finding] = run(make_registry, "EPO", "{mechanism: adequacy}", "R54")
    assert finding.message.startswith(
        "'office' relies on the adequacy decision for the European Patent Organisation "
        "(adopted 2025-07-15), but its incorporation into the EEA Agreement is not confirmed"
    )
    assert (finding.severity.value, finding.line) == ("warning", 15)


def test_an_organisation_in_the_eea_is_no_transfer_of_the_country_rules(
    make_registry: MakeRegistry,
) -> None:
    assert run(make_registry, "EPO", "unknown", "R27") == []


def test_safeguards_for_an_international_organisation_need_a_way_to_get_a_copy(
    make_registry: MakeRegistry,
) -> None:
    [finding] = run(make_registry, "EPO", "{mechanism: scc, module: 1, tia: TIA-1}", "R31")
    assert finding.message.startswith(
        "data goes outside the EEA under safeguards or unsettled mechanisms ('office')"
    )
    assert run(make_registry, "EPO", "{mechanism: adequacy}", "R31") == []


def test_the_notice_cannot_be_complete_while_an_organisations_safeguard_is_unknown(
    make_registry: MakeRegistry,
) -> None:
    [finding] = run(make_registry, "EPO", "unknown", "R35")
    assert "the safeguards for transfers to 'office'" in finding.message
    [settled] = run(make_registry, "EPO", "{mechanism: adequacy}", "R35")
    assert "safeguards" not in settled.message  # only the purposes and retention are missing
