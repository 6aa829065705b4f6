"""What the record says a breach concerns: impact() for parties, activities for the rest."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from holte_ropa import build_graph, check, load_registry
from holte_ropa.breach import UnknownTargetError, breach_draft
from holte_ropa.model import Registry
from tests.conftest import ROOT

AWARE = _dt.datetime.fromisoformat("2026-11-29T10:00+01:00")
HOLTE = load_registry(ROOT / "registry")


@pytest.mark.parametrize("party", sorted(HOLTE.parties))
def test_every_holte_party_concerns_what_impact_says(party: str) -> None:
    impact = build_graph(HOLTE).impact(party)
    draft = breach_draft(HOLTE, [party], AWARE)
    assert draft.scope.activities == impact.activities
    assert [a.id for a in draft.activities] == list(impact.activities)
    assert draft.scope.subject_categories == impact.subject_categories
    assert draft.scope.data_categories == impact.data_categories
    assert draft.scope.countries == impact.countries
    assert draft.scope.parties == (party, *impact.sub_processors)
    assert draft.risk.special == impact.special_categories


@pytest.mark.parametrize("party", ["azure", "cygate"])
def test_holtes_customer_cloud_data_is_breached_as_a_processor(party: str) -> None:
    draft = breach_draft(HOLTE, [party], AWARE)
    assert draft.role == "processor"
    assert not draft.notify_authority
    [notify] = draft.controllers_to_notify
    assert notify.activity == "customer-cloud-data"
    assert notify.controllers.en == "Companies that use Holte's software (Holte's customers)."
    assert notify.agreement.nb == "Holtes databehandleravtale med hver kunde."


def test_microsoft_reaches_the_united_states_outside_the_eea() -> None:
    draft = breach_draft(HOLTE, ["microsoft"], AWARE)
    assert draft.scope.countries == ("IE", "US")
    assert draft.scope.transfer_countries == ("US",)


def test_azure_names_no_country_while_holte_has_not_confirmed_where_it_stores_data() -> None:
    # Holte's notice names no Azure region; the record says unknown instead of assuming.
    draft = breach_draft(HOLTE, ["azure"], AWARE)
    assert draft.scope.countries == ()


def test_zapier_is_breached_as_a_controller_of_direct_marketing() -> None:
    draft = breach_draft(HOLTE, ["zapier"], AWARE)
    assert draft.role == "controller"
    assert draft.notify_authority
    assert draft.scope.activities == ("direct-marketing",)
    assert draft.controllers_to_notify == ()


def test_a_breached_party_includes_its_sub_processors_and_their_countries(clinic: Path) -> None:
    draft = breach_draft(load_registry(clinic), ["host"], AWARE)
    assert draft.scope.parties == ("host", "backup-us")
    assert draft.scope.countries == ("NO", "SE", "US")
    assert draft.role == "controller_and_processor"


def test_a_breached_sub_processor_concerns_the_activities_above_it(clinic: Path) -> None:
    draft = breach_draft(load_registry(clinic), ["backup-us"], AWARE)
    assert draft.scope.activities == ("patient-records", "customer-hosting")
    assert draft.scope.countries == ("US",)


def test_a_breached_activity_concerns_its_people_data_and_parties_countries(clinic: Path) -> None:
    draft = breach_draft(load_registry(clinic), ["customer-hosting"], AWARE)
    assert draft.scope.activities == ("customer-hosting",)
    assert draft.scope.subject_categories == ("customer-staff",)
    assert draft.scope.data_categories == ("customer-files",)
    assert draft.scope.countries == ("NO", "SE", "US")
    assert draft.role == "processor"


def test_a_breached_security_measure_concerns_every_activity_that_relies_on_it(
    clinic: Path,
) -> None:
    registry = load_registry(clinic)
    assert breach_draft(registry, ["backups"], AWARE).scope.activities == ("patient-records",)
    both = breach_draft(registry, ["tls"], AWARE).scope.activities
    assert both == ("patient-records", "customer-hosting")


def test_a_breached_data_category_limits_the_data_concerned_to_itself(clinic: Path) -> None:
    draft = breach_draft(load_registry(clinic), ["national-id"], AWARE)
    assert draft.scope.data_categories == ("national-id",)
    assert draft.scope.subject_categories == ("patients",)
    assert draft.activities[0].data_categories == ("national-id",)
    assert draft.risk.national_ids == ("national-id",) and draft.risk.special == ()


def test_several_targets_give_the_union_in_the_order_first_met(clinic: Path) -> None:
    draft = breach_draft(load_registry(clinic), ["customer-hosting", "patient-records"], AWARE)
    assert draft.scope.activities == ("customer-hosting", "patient-records")
    assert draft.scope.targets == (
        ("activity", "customer-hosting"),
        ("activity", "patient-records"),
    )


def test_the_recorded_volumes_are_summed_only_when_every_one_is_known(clinic: Path) -> None:
    registry: Registry = load_registry(clinic)
    one = breach_draft(registry, ["patient-records"], AWARE)
    assert (one.subjects_total, one.records_total) == (1200, 30000)
    both = breach_draft(registry, ["host"], AWARE)
    assert [a.subjects for a in both.activities] == [1200, None]
    assert both.subjects_total is None


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("zapeir", "'zapeir' is not an id or name in the registry"),
        ("direct-marketing-subscribers", "not an id"),
        ("customer-contacts", "is subject category, not something a breach can concern"),
    ],
)
def test_a_target_that_is_not_a_breachable_entity_is_refused(target: str, message: str) -> None:
    with pytest.raises(UnknownTargetError, match=message):
        breach_draft(HOLTE, [target], AWARE)


def test_an_unknown_volume_estimate_is_reported_for_the_officer_to_confirm(clinic: Path) -> None:
    findings = check(load_registry(clinic), select=["R46"])
    volume = [f for f in findings if "volume" in f.message]
    assert [(f.entity, f.line) for f in volume] == [("customer-hosting", 37)] * 2
    assert "volume.subjects as unknown" in volume[0].message
    assert "volume.records as unknown" in volume[1].message
