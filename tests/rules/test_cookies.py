"""Cookie rules: consent, the strictly necessary category, and third-party providers."""

from __future__ import annotations

import datetime as _dt

from holte_ropa import load_registry
from holte_ropa.rules import Finding, check
from tests.conftest import MakeRegistry

TODAY = _dt.date(2026, 11, 25)

SITE = """\
activities:
  - id: website
    name: {nb: Nettsiden, en: The website}
    description: {nb: Vi driver nettsiden., en: We run the website.}
    role: controller
    recipients: {processors: [adnet]}
parties:
  - id: adnet
    legal_name: Adnet Ltd
    trade_name: Adnet
    role: processor
    service: {nb: Annonser, en: Ads}
    locations: LOCATIONS
cookies:
  - id: pixel
    name: _px
    provider: PROVIDER
    first_party: false
    purpose: {nb: Annonser, en: Ads}
    category: CATEGORY
    uses: [USES]
    lifetime: session
    consent_before_set: false
    activity: website
"""


def run(make_registry: MakeRegistry, rule: str, **values: str) -> list[Finding]:
    fields = {"LOCATIONS": "[{country: IE}]", "PROVIDER": "adnet", "CATEGORY": "marketing"}
    fields |= {"USES": "marketing"} | values
    text = SITE
    for key, value in fields.items():
        text = text.replace(key, value)
    return check(load_registry(make_registry({"site.yaml": text})), today=TODAY, select=[rule])


def test_a_marketing_cookie_set_without_consent_is_an_error(make_registry: MakeRegistry) -> None:
    [finding] = run(make_registry, "R39")
    assert (finding.severity.value, finding.line) == ("error", 23)


def test_every_non_necessary_use_is_named(make_registry: MakeRegistry) -> None:
    [finding] = run(
        make_registry, "R40", CATEGORY="strictly_necessary", USES="session, analytics, improvement"
    )
    assert "used for analytics, improvement" in finding.message
    assert "brukes til analyse, forbedring" in finding.message_nb
    assert run(make_registry, "R40", CATEGORY="strictly_necessary", USES="session") == []


def test_a_marketing_cookie_of_the_organisation_itself_names_no_provider(
    make_registry: MakeRegistry,
) -> None:
    [finding] = run(make_registry, "R41", PROVIDER="acme")
    assert "names no provider party" in finding.message


def test_a_provider_with_unknown_locations_is_a_warning(make_registry: MakeRegistry) -> None:
    [finding] = run(make_registry, "R41", LOCATIONS="unknown")
    assert finding.severity.value == "warning"
    assert "unknown locations" in finding.message
    assert run(make_registry, "R41") == []


# --------------------------------------------------------------------------- R60


def _r60(make_registry: MakeRegistry, files: dict[str, str | bytes]) -> list[tuple[str, int]]:
    registry = load_registry(make_registry(files))
    return [(f.file, f.line) for f in check(registry, today=TODAY, select=["R60"])]


def test_a_registry_without_a_cookies_section_is_reported_at_the_organisation(
    make_registry: MakeRegistry,
) -> None:
    assert _r60(make_registry, {}) == [("registry/organisation.yaml", 4)]


def test_cookies_unknown_is_reported_where_it_is_written(make_registry: MakeRegistry) -> None:
    assert _r60(make_registry, {"cookies.yaml": "# the cookies\ncookies: unknown\n"}) == [
        ("registry/cookies.yaml", 2)
    ]


def test_cookies_none_is_the_recorded_denial_and_not_reported(
    make_registry: MakeRegistry,
) -> None:
    assert _r60(make_registry, {"cookies.yaml": "cookies: none\n"}) == []


def test_an_unrecorded_cookie_list_keeps_the_notice_a_draft(make_registry: MakeRegistry) -> None:
    from holte_ropa.rules import publication_blockers

    registry = load_registry(make_registry())
    assert "R60" in {f.rule for f in publication_blockers(registry, today=TODAY)}
