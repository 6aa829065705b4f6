"""The drafts: Art. 33(3) point by point, marked gaps, suggestions, Art. 34 and JSON."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest

from holte_ropa import load_registry
from holte_ropa.breach import breach_draft, communication, render_breach, render_breach_json
from holte_ropa.notice._readability import lix, plain_text
from holte_ropa.rules import Context
from tests.conftest import ROOT, MakeRegistry

AWARE = _dt.datetime.fromisoformat("2026-11-29T10:00+01:00")
HOLTE = load_registry(ROOT / "registry")
LIX_THRESHOLD = Context(today=_dt.date(2026, 11, 29)).lix_threshold  # what R48 uses


@pytest.mark.parametrize(
    ("lang", "points"),
    [
        ("nb", ["GDPR art. 33 nr. 3 bokstav a", "bokstav b", "bokstav c", "bokstav d"]),
        ("en", ["GDPR Art. 33(3)(a)", "GDPR Art. 33(3)(b)", "GDPR Art. 33(3)(c)", "(3)(d)"]),
    ],
)
def test_the_notification_follows_article_33_3_point_by_point(lang: str, points: list[str]) -> None:
    text = render_breach(HOLTE, breach_draft(HOLTE, ["zapier"], AWARE), lang)
    headings = [line for line in text.splitlines() if line.startswith("## (")]
    assert len(headings) == 4
    for heading, point in zip(headings, points, strict=True):
        assert point in heading


def test_the_deadline_is_shown_with_the_article_and_what_to_do_if_it_is_missed() -> None:
    text = render_breach(HOLTE, breach_draft(HOLTE, ["zapier"], AWARE), "en")
    assert "**Wednesday 2 December 2026, 10:00 (CET, UTC+01:00)** (GDPR Art. 33(1))" in text
    assert "must give the reasons for the delay (GDPR Art. 33(1)): [TO FILL:" in text
    nb = render_breach(HOLTE, breach_draft(HOLTE, ["zapier"], AWARE), "nb")
    assert "onsdag 2. desember 2026 kl. 10:00 (CET, UTC+01:00)" in nb
    assert "begrunne forsinkelsen (GDPR art. 33 nr. 1)" in nb


def test_what_the_record_cannot_say_is_marked_for_the_officer_never_invented() -> None:
    text = render_breach(HOLTE, breach_draft(HOLTE, ["zapier"], AWARE), "en")
    # Holte's record says the DPO question is unknown and holds no volume estimates.
    assert "**Data protection officer:** [TO FILL:" in text
    assert "**Approximate number of data subjects:** [TO FILL: estimate; the record has " in text
    assert "**What happened:** [TO FILL:" in text
    nb = render_breach(HOLTE, breach_draft(HOLTE, ["zapier"], AWARE), "nb")
    assert "**Personvernombud:** [FYLL INN:" in nb


def test_the_recorded_contact_point_and_security_measures_are_filled_in() -> None:
    text = render_breach(HOLTE, breach_draft(HOLTE, ["zapier"], AWARE), "en")
    assert "Holte AS, personvern@holte.no, 45 50 60 70" in text
    assert "- Firewall: Information left with us is stored on secure servers" in text


def test_consequences_are_suggestions_with_their_reasons(clinic: Path) -> None:
    registry = load_registry(clinic)
    text = render_breach(registry, breach_draft(registry, ["patient-records"], AWARE), "en")
    assert "## (c) Likely consequences (suggestions) (GDPR Art. 33(3)(c))" in text
    assert "- Discrimination. _(because of: Health data)_" in text
    assert "- Identity theft or fraud. _(because of: National identity number)_" in text
    assert "vulnerable people are concerned" in text


def test_special_categories_and_identity_numbers_are_called_out(clinic: Path) -> None:
    registry = load_registry(clinic)
    draft = breach_draft(registry, ["patient-records"], AWARE)
    en = render_breach(registry, draft, "en")
    assert "Health data (**special category (GDPR Art. 9(1))**)" in en
    assert "National identity number (**national identity number" in en
    nb = render_breach(registry, draft, "nb")
    assert "Helseopplysninger (**særlige kategorier (GDPR art. 9 nr. 1)**)" in nb
    assert draft.risk.high_risk_suggested


def test_the_approximate_numbers_come_from_the_recorded_estimates(clinic: Path) -> None:
    registry = load_registry(clinic)
    text = render_breach(registry, breach_draft(registry, ["patient-records"], AWARE), "en")
    assert "**Approximate number of data subjects:** up to 1\u00a0200" in text
    assert "**Approximate number of personal data records:** up to 30\u00a0000" in text


def test_a_high_risk_brings_the_art_34_draft_in_both_languages(clinic: Path) -> None:
    registry = load_registry(clinic)
    text = render_breach(registry, breach_draft(registry, ["patient-records"], AWARE), "en")
    assert "## Draft communication to the data subjects (GDPR Art. 34(1))" in text
    assert "#### Vi har hatt et brudd på sikkerheten" in text
    assert "#### We have had a security breach" in text
    assert "You can block credit checks." in text


def test_without_a_suggested_high_risk_the_art_34_draft_is_left_out_unless_asked() -> None:
    draft = breach_draft(HOLTE, ["zapier"], AWARE)
    assert "#### We have had" not in render_breach(HOLTE, draft, "en")
    assert "#### We have had" in render_breach(HOLTE, draft, "en", communication_draft=True)
    assert "The categories alone do not suggest a high risk." in render_breach(HOLTE, draft, "en")


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("target", ["patient-records", "host", "national-id"])
def test_the_art_34_communication_reads_easily(clinic: Path, target: str, lang: str) -> None:
    registry = load_registry(clinic)
    text = communication(registry, breach_draft(registry, [target], AWARE), lang)
    score = lix(plain_text(text))
    assert score.lix < LIX_THRESHOLD, (score, text)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_holtes_art_34_communication_reads_easily(lang: str) -> None:
    text = communication(HOLTE, breach_draft(HOLTE, ["semway"], AWARE), lang)
    assert lix(plain_text(text)).lix < LIX_THRESHOLD


def test_as_a_processor_the_controllers_and_the_agreement_are_listed() -> None:
    text = render_breach(HOLTE, breach_draft(HOLTE, ["azure"], AWARE), "en")
    assert "## As a processor: notify the controllers (GDPR Art. 33(2))" in text
    assert "**Controllers:** Companies that use Holte's software (Holte's customers)." in text
    assert "**Agreement:** Holte's data processing agreement with each customer." in text
    assert "The 72 hours of GDPR Art. 33(1) are the controller's" in text
    assert "Notify The Norwegian" not in text


def test_the_json_has_stable_keys_for_automation(clinic: Path) -> None:
    registry = load_registry(clinic)
    data = json.loads(render_breach_json(breach_draft(registry, ["host"], AWARE)))
    for key in (
        "deadline",
        "role",
        "activities",
        "subject_categories",
        "data_categories",
        "countries",
        "controllers_to_notify",
    ):
        assert key in data
    assert data["deadline"] == {
        "aware": "2026-11-29T10:00:00+01:00",
        "due": "2026-12-02T10:00:00+01:00",
        "time_zone": "Europe/Oslo",
        "hours": 72,
        "applies": True,
        "passed": False,
        "reference": "GDPR Art. 33(1)",
    }
    assert data["role"] == "controller_and_processor"
    assert data["countries_outside_eea"] == ["US"]
    assert data["special_categories"] == ["health"]
    assert data["controllers_to_notify"] == [
        {
            "activity": "customer-hosting",
            "controllers": {"nb": "Kundene våre.", "en": "Our customers."},
            "agreement": {"nb": "Databehandleravtalen.", "en": "The data processing agreement."},
        }
    ]
    assert data["approximate_subjects"] is None
    assert data["activities"][0]["approximate_subjects"] == 1200


def test_the_drafts_are_the_same_on_every_run() -> None:
    first = render_breach(HOLTE, breach_draft(HOLTE, ["google", "azure"], AWARE), "nb")
    again = render_breach(HOLTE, breach_draft(HOLTE, ["google", "azure"], AWARE), "nb")
    assert first == again


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        render_breach(HOLTE, breach_draft(HOLTE, ["zapier"], AWARE), "de")


def test_a_joint_controller_activity_is_named_so_and_notified_to_the_authority(
    make_registry: MakeRegistry,
) -> None:
    path = make_registry(
        {
            "joint.yaml": """\
data_categories: [{id: name, name: {nb: Navn, en: Name}}]
subject_categories: [{id: fans, name: {nb: Følgere, en: Followers}}]
activities:
  - id: fan-page
    name: {nb: Fanside, en: Fan page}
    description: {nb: Vi har en fanside., en: We have a fan page.}
    role: joint_controller
    joint_controllers: [social]
    subject_categories: [fans]
    data_categories: [name]
    recipients: none
parties:
  - id: social
    legal_name: Social Ltd
    trade_name: Social
    role: joint_controller
    service: {nb: Sosialt nettverk., en: Social network.}
    locations: [{country: IE}]
"""
        }
    )
    registry = load_registry(path)
    draft = breach_draft(registry, ["social"], AWARE)
    assert draft.notify_authority and draft.role == "controller"
    assert "- Fan page (`fan-page`), as joint controller" in render_breach(registry, draft, "en")
    assert "som felles behandlingsansvarlig" in render_breach(registry, draft, "nb")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_as_a_processor_only_the_draft_leaves_telling_the_people_to_the_controller(
    lang: str,
) -> None:
    text = render_breach(HOLTE, breach_draft(HOLTE, ["customer-cloud-data"], AWARE), lang)
    said = {
        "en": "Here we are a processor: the controller assesses the risk and tells the people "
        "concerned (GDPR Art. 34(1)). Give the controllers what they need to do so (GDPR Art. "
        "28(3)(f)).",
        "nb": "Her er vi databehandler: det er den behandlingsansvarlige som vurderer risikoen "
        "og varsler de registrerte (GDPR art. 34 nr. 1). Gi de behandlingsansvarlige det de "
        "trenger for å gjøre det (GDPR art. 28 nr. 3 bokstav f).",
    }
    assert said[lang] in text
    assert "(GDPR Art. 34(1))\n\nTo be sent" not in text and "#### " not in text


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Possible access from the parent company's country, its authorities included: "),
        ("nb", "Mulig tilgang fra morselskapets land, også for myndighetene der: "),
    ],
)
def test_a_parent_company_outside_the_eea_is_named_as_possible_access(lang: str, said: str) -> None:
    draft = breach_draft(HOLTE, ["azure"], AWARE)
    assert ("azure", "US") in draft.scope.parent_countries
    name = HOLTE.parties["azure"].name_in(lang)
    country = {"en": "United States", "nb": "USA"}[lang]
    assert f"{said}{name} ({country})" in render_breach(HOLTE, draft, lang)


def test_a_parent_company_in_the_eea_is_no_access_from_outside() -> None:
    assert all(
        p != "cygate" for p, _ in breach_draft(HOLTE, ["cygate"], AWARE).scope.parent_countries
    )


def test_the_json_names_each_parent_company_country_outside_the_eea() -> None:
    data = json.loads(render_breach_json(breach_draft(HOLTE, ["azure"], AWARE)))
    assert {"party": "azure", "country": "US"} in data["parent_countries_outside_eea"]
