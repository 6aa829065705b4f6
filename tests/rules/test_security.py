"""Security rules: obsolete wording, DPIA screening, personal data in logs."""

from __future__ import annotations

import datetime as _dt

import pytest

from holte_ropa import load_registry
from holte_ropa.rules import Finding, check
from tests.conftest import FIXTURES, MakeRegistry

TODAY = _dt.date(2026, 11, 25)

MEASURE = """\
security_measures:
  - id: encryption
    name: {nb: Kryptering, en: Encryption}
    description: {nb: Vi bruker TLS., en: WORDING}
"""

ACTIVITY = """\
data_categories:
  - {id: health, name: {nb: Helse, en: Health}, kind: special}
subject_categories:
  - {id: pupils, name: {nb: Elever, en: Pupils}, vulnerable: true}
activities:
  - id: wellbeing
    name: {nb: Trivselsundersøkelse, en: Well-being survey}
    description: {nb: Vi måler trivsel., en: We measure well-being.}
    role: controller
    subject_categories: [pupils]
    data_categories: [health]
    recipients: none
    dpia: DPIA
"""


def run(make_registry: MakeRegistry, rule: str, text: str) -> list[Finding]:
    return check(load_registry(make_registry({"a.yaml": text})), today=TODAY, select=[rule])


@pytest.mark.parametrize(
    ("wording", "flagged"),
    [
        ("Our site uses SSL.", True),
        ("An SSL-certificate protects the site.", True),
        ("We use TLS/SSL.", False),
        ("Built on OpenSSL 3.", False),
        ("We use ssl in lower case.", False),
    ],
)
def test_only_ssl_as_a_word_of_its_own_is_obsolete(
    make_registry: MakeRegistry, wording: str, flagged: bool
) -> None:
    found = run(make_registry, "R42", MEASURE.replace("WORDING", wording))
    assert bool(found) is flagged


def test_the_organisations_security_summary_is_checked(make_registry: MakeRegistry) -> None:
    minimal = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    text = minimal.replace("en: We use TLS.", "en: We use SSL.")
    path = make_registry({"organisation.yaml": text}, organisation=False)
    [finding] = check(load_registry(path), today=TODAY, select=["R42"])
    assert (finding.line, finding.entity) == (30, None)
    assert '"SSL" (en)' in finding.message


def test_criteria_shown_by_the_registry_count_without_being_declared(
    make_registry: MakeRegistry,
) -> None:
    [finding] = run(make_registry, "R43", ACTIVITY.replace("DPIA", "{status: unknown}"))
    assert finding.severity.value == "warning"
    assert "sensitive_data, vulnerable_subjects" in finding.message


def test_vulnerable_peoples_sensitive_data_names_the_list_items_to_consider(
    make_registry: MakeRegistry,
) -> None:
    [finding] = run(make_registry, "R43", ACTIVITY.replace("DPIA", "{status: unknown}"))
    assert finding.message.endswith(
        "; consider whether Datatilsynet's list items apply (8. evaluating learning, mastery "
        "or well-being in schools and kindergartens; 12. systematic monitoring of efficiency, "
        "skills or mental health): if so, a DPIA is always required"
    )
    assert "vurder om punkt 8 og 12 på Datatilsynets liste gjelder" in finding.message_nb


def test_an_item_of_datatilsynets_list_is_an_error(make_registry: MakeRegistry) -> None:
    dpia = "{datatilsynet_list_items: [8], status: not_required}"
    [finding] = run(make_registry, "R43", ACTIVITY.replace("DPIA", dpia))
    assert finding.severity.value == "error"
    assert "8. evaluating learning" in finding.message


def test_a_list_item_needing_another_criterion_applies_only_with_one(
    make_registry: MakeRegistry,
) -> None:
    alone = ACTIVITY.replace("DPIA", "{datatilsynet_list_items: [7], status: not_required}")
    alone = alone.replace("    subject_categories: [pupils]\n", "")
    alone = alone.replace("data_categories: [health]", "data_categories: []")
    assert run(make_registry, "R43", alone) == []


def test_a_done_dpia_with_a_reference_passes(make_registry: MakeRegistry) -> None:
    dpia = "{datatilsynet_list_items: [8], status: done, reference: DPIA-1}"
    assert run(make_registry, "R43", ACTIVITY.replace("DPIA", dpia)) == []


def test_third_party_advertising_cookies_are_commercial_profiling_item_13_an_error(
    make_registry: MakeRegistry,
) -> None:
    text = """\
activities:
  - id: website
    name: {nb: Nettsiden, en: The website}
    description: {nb: Vi driver nettsiden., en: We run the website.}
    role: controller
    recipients: none
cookies:
  - id: ad-pixel
    name: _adp
    provider: adnet
    first_party: false
    purpose: {nb: Måle annonser, en: Measure ads}
    category: marketing
    uses: [marketing]
    lifetime: {months: 3}
    consent_before_set: true
    activity: website
parties:
  - id: adnet
    legal_name: Adnet Ireland Ltd
    trade_name: Adnet
    role: joint_controller
    service: {nb: Annonsenettverk, en: Ad network}
    locations: [{country: IE}]
"""
    path = make_registry({"example.yaml": text})
    [found] = check(load_registry(path), today=_dt.date(2026, 11, 25), select=["R43"])
    assert found.severity.value == "error"
    assert "13. profiling or predictions for commercial use" in found.message
    assert "(punkt 13)" in found.message_nb


def test_the_rule_listing_says_r43_may_be_a_warning_or_an_error() -> None:
    from holte_ropa.rules import all_rules

    [r43] = [r for r in all_rules() if r.id == "R43"]
    assert r43.severity_label == "warning/error"
