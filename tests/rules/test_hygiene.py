"""Hygiene rules: unknown facts, unused categories and ageing reference data."""

from __future__ import annotations

import datetime as _dt

from holte_ropa import load_registry
from holte_ropa.model._reference import reference_data
from holte_ropa.rules import Finding, check
from tests.conftest import FIXTURES, MakeRegistry

TODAY = _dt.date(2026, 11, 25)

ACTIVITY = """\
subject_categories:
  - {id: customers, name: {nb: Kunder, en: Customers}}
  - {id: visitors, name: {nb: Besøkende, en: Visitors}}
activities:
  - id: support
    name: {nb: Kundestøtte, en: Customer support}
    description: {nb: Vi svarer på henvendelser., en: We answer requests.}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare, en: Answer}
        legal_basis: unknown
    subject_categories: [customers]
    recipients: none
OWNER"""
EMPTY = "waivers: []\n"


def run(
    make_registry: MakeRegistry, rule: str, text: str, today: _dt.date = TODAY
) -> list[Finding]:
    return check(load_registry(make_registry({"a.yaml": text})), today=today, select=[rule])


def test_an_unknown_fact_names_the_entitys_owner(make_registry: MakeRegistry) -> None:
    [finding] = run(make_registry, "R46", ACTIVITY.replace("OWNER", "    owner: Support lead\n"))
    assert finding.line == 12
    assert finding.message == (
        "'support' records purposes[answer].legal_basis as unknown; Support lead must confirm it"
    )


def test_without_owners_the_privacy_officer_must_confirm(make_registry: MakeRegistry) -> None:
    [finding] = run(make_registry, "R46", ACTIVITY.replace("OWNER", ""))
    assert finding.message.endswith("the privacy officer must confirm it")
    assert finding.message_nb.endswith("personvernansvarlig må bekrefte det")


def test_the_records_owner_confirms_when_the_entity_has_none(make_registry: MakeRegistry) -> None:
    minimal = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    files = {"organisation.yaml": minimal + "  owner: Kari Nordmann\n", "a.yaml": ACTIVITY}
    path = make_registry({k: v.replace("OWNER", "") for k, v in files.items()}, organisation=False)
    [finding] = check(load_registry(path), today=TODAY, select=["R46"])
    assert "Kari Nordmann must confirm it" in finding.message


PARTY = """\
parties:
  - id: mailer
    legal_name: LEGAL
    trade_name: TRADE
    role: processor
    service: {nb: Utsending av e-post, en: E-mail delivery}
    locations: [{country: SE}]
"""


def test_unknown_in_a_field_that_allows_it_is_an_unconfirmed_fact(
    make_registry: MakeRegistry,
) -> None:
    text = PARTY.replace("LEGAL", "unknown").replace("TRADE", "Mailer")
    [finding] = run(make_registry, "R46", text)
    assert finding.message.startswith("'mailer' records legal_name as unknown")


def test_the_word_unknown_typed_into_a_plain_text_field_is_reported_too(
    make_registry: MakeRegistry,
) -> None:
    # trade_name has no unknown form: the word stays text, yet it states no fact.
    text = PARTY.replace("LEGAL", "Mailer AB").replace("TRADE", "unknown")
    [finding] = run(make_registry, "R46", text)
    assert finding.message.startswith("'mailer' records trade_name as unknown")


def test_other_spellings_of_unknown_are_plain_text_and_not_reported(
    make_registry: MakeRegistry,
) -> None:
    text = PARTY.replace("LEGAL", "Unknown").replace("TRADE", "UNKNOWN")
    assert run(make_registry, "R46", text) == []


def test_an_unused_subject_category_is_a_warning(make_registry: MakeRegistry) -> None:
    [finding] = run(make_registry, "R47", ACTIVITY.replace("OWNER", ""))
    assert (finding.entity, finding.line, finding.severity.value) == ("visitors", 3, "warning")


def test_reference_data_ages_out_a_year_after_its_as_of_date(make_registry: MakeRegistry) -> None:
    reference = reference_data()
    newest = max(reference.eea_as_of, reference.adequacy_as_of, reference.dpia_list_as_of)
    far = newest.replace(year=newest.year + 2)
    findings = run(make_registry, "R49", EMPTY, far)
    assert [(f.rule, f.file) for f in findings] == [("R49", "registry/organisation.yaml")] * 3
    assert {m for f in findings for m in ("EEA", "adequacy", "DPIA") if m in f.message} == {
        "EEA",
        "adequacy",
        "DPIA",
    }
    fresh = newest + _dt.timedelta(days=30)
    assert all("DPIA" in f.message for f in run(make_registry, "R49", EMPTY, fresh))


def test_a_recent_confirmation_silences_old_reference_data(make_registry: MakeRegistry) -> None:
    minimal = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    confirmed = minimal + "  reference_checked: 2040-01-01\n"
    path = make_registry({"organisation.yaml": confirmed}, organisation=False)
    registry = load_registry(path)
    assert check(registry, today=_dt.date(2040, 6, 1), select=["R49"]) == []
    assert len(check(registry, today=_dt.date(2041, 6, 1), select=["R49"])) == 3


def test_the_tools_own_outdated_dpia_list_is_one_finding_naming_its_last_check_and_source(
    make_registry: MakeRegistry,
) -> None:
    """The finding is about holte-ropa's copy, not the user's record: one, actionable."""
    reference = reference_data()
    day = reference.dpia_list_as_of + _dt.timedelta(days=400)
    [finding] = [f for f in run(make_registry, "R49", EMPTY, day) if "DPIA" in f.message]
    assert finding.message.startswith(
        f"holte-ropa's copy of Datatilsynet's DPIA list was last checked on "
        f"{reference.dpia_list_as_of.isoformat()} and was due for review on "
    )
    [file] = [f for f in reference.files if f.name == "dpia_list.yaml"]
    assert f"check the source ({file.source})" in finding.message
    assert "gjennomforeset" not in file.source
