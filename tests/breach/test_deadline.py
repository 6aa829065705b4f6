"""The 72 hours of GDPR Art. 33(1) are elapsed time, shown in the organisation's zone."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from holte_ropa import load_registry
from holte_ropa.breach import NaiveDatetimeError, breach_draft, deadline, local_time
from holte_ropa.report import RegistryError
from tests.breach.conftest import CLINIC
from tests.conftest import MakeRegistry

OSLO = "Europe/Oslo"


def at(text: str) -> _dt.datetime:
    return _dt.datetime.fromisoformat(text)


def test_a_deadline_in_winter_is_the_same_clock_time_three_days_later() -> None:
    due = deadline(at("2026-11-29T10:00+01:00"), OSLO).due
    assert due.isoformat() == "2026-12-02T10:00:00+01:00"


def test_across_the_spring_change_the_deadline_shows_one_hour_later_on_the_clock() -> None:
    # 2026-03-29 02:00 CET becomes 03:00 CEST: 72 hours of elapsed time end at 11:00.
    due = deadline(at("2026-03-27T10:00+01:00"), OSLO).due
    assert due.isoformat() == "2026-03-30T11:00:00+02:00"
    assert due - at("2026-03-27T10:00+01:00") == _dt.timedelta(hours=72)


def test_across_the_autumn_change_the_deadline_shows_one_hour_earlier_on_the_clock() -> None:
    # 2026-10-25 03:00 CEST becomes 02:00 CET: 72 hours of elapsed time end at 09:00.
    due = deadline(at("2026-10-23T10:00+02:00"), OSLO).due
    assert due.isoformat() == "2026-10-26T09:00:00+01:00"


def test_the_repeated_autumn_hour_is_told_apart_by_its_offset() -> None:
    first = deadline(at("2026-10-25T02:30+02:00"), OSLO).due
    second = deadline(at("2026-10-25T02:30+01:00"), OSLO).due
    assert (first.isoformat(), second.isoformat()) == (
        "2026-10-28T01:30:00+01:00",
        "2026-10-28T02:30:00+01:00",
    )


def test_a_moment_given_in_utc_is_shown_in_the_organisations_zone() -> None:
    result = deadline(at("2026-07-01T22:30Z"), OSLO)
    assert result.discovered.isoformat() == "2026-07-02T00:30:00+02:00"
    assert result.due.isoformat() == "2026-07-05T00:30:00+02:00"


def test_a_moment_without_offset_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError, match="no UTC offset"):
        deadline(at("2026-11-29T10:00"), OSLO)


def test_the_deadline_reads_as_local_time_with_zone_and_offset_in_both_languages() -> None:
    due = deadline(at("2026-03-27T10:00+01:00"), OSLO).due
    assert local_time(due, "nb") == "mandag 30. mars 2026 kl. 11:00 (CEST, UTC+02:00)"
    assert local_time(due, "en") == "Monday 30 March 2026, 11:00 (CEST, UTC+02:00)"


def test_the_organisation_sets_its_time_zone(make_registry: MakeRegistry) -> None:
    path = make_registry({"clinic.yaml": CLINIC})
    org = path / "organisation.yaml"
    org.write_text(org.read_text() + "  time_zone: America/New_York\n")
    draft = breach_draft(load_registry(path), ["host"], at("2026-03-27T10:00+01:00"))
    assert draft.deadline.discovered.isoformat() == "2026-03-27T05:00:00-04:00"
    assert draft.deadline.due.isoformat() == "2026-03-30T05:00:00-04:00"


def test_an_unknown_time_zone_is_a_located_problem(make_registry: MakeRegistry) -> None:
    path = make_registry()
    org = path / "organisation.yaml"
    org.write_text(org.read_text() + "  time_zone: Europe/Olso\n")
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    [problem] = caught.value.problems
    assert "Europe/Olso" in str(problem) and "IANA time zone" in str(problem)
    assert str(problem).startswith("registry/organisation.yaml:")


def test_the_registry_default_time_zone_is_europe_oslo(clinic: Path) -> None:
    registry = load_registry(clinic)
    draft = breach_draft(registry, ["host"], at("2026-03-27T10:00+01:00"))
    assert draft.deadline.time_zone == OSLO
    assert draft.deadline.due.isoformat() == "2026-03-30T11:00:00+02:00"
