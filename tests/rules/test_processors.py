"""Processors and recipients (Art. 26, 28): the branches the rules' examples do not show."""

from __future__ import annotations

import datetime as _dt

import pytest

from holte_ropa import load_registry
from holte_ropa.rules import check
from tests.conftest import MakeRegistry

TODAY = _dt.date(2026, 11, 25)


def party(pid: str, role: str, *extra: str) -> str:
    lines = [
        f"  - id: {pid}",
        f"    legal_name: {pid.title()} AS",
        f"    trade_name: {pid.title()}",
        f"    role: {role}",
        "    service: {nb: Tjeneste, en: Service}",
        '    locations: [{country: "NO"}]',
        *[f"    {line}" for line in extra],
    ]
    return "\n".join(lines) + "\n"


def activity(*extra: str, role: str = "controller") -> str:
    lines = [
        "activities:",
        "  - id: crm",
        "    name: {nb: Kunderegister, en: Customer register}",
        "    description: {nb: Kundene våre, en: Our customers}",
        f"    role: {role}",
        *[f"    {line}" for line in extra],
    ]
    return "\n".join(lines) + "\n"


def run(make_registry: MakeRegistry, rule: str, *files: str) -> list[str]:
    path = make_registry({f"f{i}.yaml": text for i, text in enumerate(files)})
    return [
        f"{f.rule} {f.severity.value} {f.file}:{f.line} {f.message}"
        for f in check(load_registry(path), today=TODAY, select=[rule])
    ]


def test_a_sub_processor_engaged_by_a_vendor_is_bound_by_the_vendors_agreement(
    make_registry: MakeRegistry,
) -> None:
    parties = "parties:\n" + party("vendor", "processor", "dpa: {reference: DPA-1}")
    parties += party("hosting", "sub_processor", "engaged_by: vendor")
    assert run(make_registry, "R21", parties) == []
    ours = "parties:\n" + party("hosting", "sub_processor", "engaged_by: acme")
    [finding] = run(make_registry, "R21", ours)
    assert "sub-processor 'hosting' has no data processing agreement" in finding


def test_a_processor_engaged_by_another_processor_is_a_sub_processor(
    make_registry: MakeRegistry,
) -> None:
    parties = (
        "parties:\n"
        + party("vendor", "processor")
        + party("hosting", "processor", "engaged_by: vendor")
    )
    [finding] = run(make_registry, "R22", parties)
    assert finding.startswith("R22 error registry/f0.yaml:11 ")
    assert "set `role: sub_processor`" in finding


def test_a_chain_through_an_independent_controller_is_broken(make_registry: MakeRegistry) -> None:
    parties = "parties:\n" + party("partner", "controller")
    parties += party("hosting", "sub_processor", "engaged_by: partner")
    [finding] = run(make_registry, "R22", parties)
    assert "passes through 'partner', which is an independent controller" in finding


def test_an_unknown_authorisation_is_a_warning(make_registry: MakeRegistry) -> None:
    parties = "parties:\n" + party(
        "cloud", "sub_processor", "engaged_by: acme", "authorisation: unknown"
    )
    [finding] = run(make_registry, "R23", parties)
    assert finding.startswith("R23 warning ")
    specific = parties.replace("authorisation: unknown", "authorisation: {kind: specific}")
    assert run(make_registry, "R23", specific) == []


def test_joint_controllers_named_under_another_role_need_the_role_and_an_arrangement(
    make_registry: MakeRegistry,
) -> None:
    text = activity("joint_controllers: [partner]", "recipients: none")
    text += "parties:\n" + party("partner", "joint_controller")
    found = run(make_registry, "R25", text)
    assert len(found) == 2
    assert any("set `role: joint_controller`" in f for f in found)
    assert any("does not state the Art. 26 arrangement" in f for f in found)


def test_an_unused_party_is_a_warning_but_customers_and_cookie_providers_are_not_unused(
    make_registry: MakeRegistry,
) -> None:
    text = activity("recipients: none")
    text += "parties:\n" + party("stale", "processor") + party("client", "customer")
    text += party("analytics", "processor")
    text += """\
cookies:
  - id: stats
    name: _st
    provider: analytics
    first_party: false
    purpose: {nb: Statistikk, en: Statistics}
    category: statistics
    lifetime: {months: 13}
    consent_before_set: true
    activity: crm
"""
    [finding] = run(make_registry, "R26", text)
    assert finding.startswith("R26 warning registry/f0.yaml:8 ")
    assert "'stale'" in finding


def test_sub_processors_reached_through_a_named_processor_count_as_used(
    make_registry: MakeRegistry,
) -> None:
    text = activity("recipients: {processors: [vendor]}")
    text += "parties:\n" + party("vendor", "processor")
    text += party("hosting", "sub_processor", "engaged_by: vendor")
    assert run(make_registry, "R26", text) == []


_MARKETING_COOKIE = """\
cookies:
  - id: fbp
    name: _fbp
    provider: meta
    first_party: false
    purpose: {nb: Annonsering, en: Advertising}
    category: marketing
    uses: [marketing]
    lifetime: {months: 3}
    consent_before_set: true
    activity: crm
"""


@pytest.mark.parametrize(
    ("role", "named", "said"),
    [
        ("processor", "processors", "joint controllers"),
        ("controller", "controllers", "independent controller"),
    ],
)
def test_a_party_providing_a_third_party_marketing_cookie_is_an_advertising_platform(
    make_registry: MakeRegistry, role: str, named: str, said: str
) -> None:
    parties = "parties:\n" + party("meta", role)
    crm = activity(f"recipients: {{{named}: [meta]}}")
    found = run(make_registry, "R24", crm, parties, _MARKETING_COOKIE)
    assert len(found) == 1
    assert found[0].startswith("R24 error registry/f1.yaml:5 ")
    assert "'fbp'" in found[0] and said in found[0] and "C-40/17" in found[0]


def test_a_first_party_or_statistics_cookie_does_not_make_a_platform(
    make_registry: MakeRegistry,
) -> None:
    parties = "parties:\n" + party("meta", "processor", "dpa: {reference: DPA}")
    first_party = _MARKETING_COOKIE.replace("first_party: false", "first_party: true")
    statistics = _MARKETING_COOKIE.replace("category: marketing", "category: statistics")
    for cookies in (first_party, statistics):
        crm = activity("recipients: {processors: [meta]}")
        assert run(make_registry, "R24", crm, parties, cookies) == []


def test_a_joint_controller_platform_passes(make_registry: MakeRegistry) -> None:
    parties = "parties:\n" + party("meta", "joint_controller")
    crm = activity("recipients: none", "joint_controllers: [meta]")
    assert run(make_registry, "R24", crm, parties, _MARKETING_COOKIE) == []


def test_a_recipient_whose_role_is_unknown_is_r46s_to_report_not_a_wrong_role(
    make_registry: MakeRegistry,
) -> None:
    text = activity("recipients: {unconfirmed: [police]}")
    text += "parties:\n" + party("police", "unknown")
    assert run(make_registry, "R26", text) == []
    [finding] = run(make_registry, "R46", text)
    assert finding.endswith("'police' records role as unknown; the privacy officer must confirm it")


def test_a_party_with_a_known_role_listed_as_unconfirmed_is_reported(
    make_registry: MakeRegistry,
) -> None:
    text = activity("recipients: {unconfirmed: [host]}")
    text += "parties:\n" + party("host", "processor", "dpa: {reference: DPA-1}")
    [finding] = run(make_registry, "R26", text)
    assert "'crm' names 'host' among the recipients whose role is unknown, but the party is" in (
        finding
    )
