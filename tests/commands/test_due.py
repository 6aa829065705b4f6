"""``holte-ropa due``: what must be reviewed by a day, as text or JSON, with exit codes."""

from __future__ import annotations

import datetime as _dt
import json

import pytest

from holte_ropa.cli import main
from holte_ropa.commands.due import until
from holte_ropa.rules._examples import organisation
from tests.conftest import MakeRegistry

PARTY = """\
activities:
  - id: support
    name: {nb: Kundestøtte, en: Customer support}
    description: {nb: Vi svarer., en: We answer.}
    role: controller
    recipients:
      processors: [helpdesk]
parties:
  - id: helpdesk
    legal_name: Helpdesk AS
    trade_name: Helpdesk
    role: processor
    service: {nb: Kundestøtte, en: Customer support}
    locations: [{country: "NO"}]
    dpa: {reference: DBA-1, review_by: REVIEW_BY}
"""
TODAY = "2026-11-25"


def registry(make_registry: MakeRegistry, review_by: str) -> str:
    """A registry whose reference data was confirmed recently, so only the agreement is due."""
    text = organisation(extra="  reference_checked: 2026-11-01\n") + PARTY
    files = {"record.yaml": text.replace("REVIEW_BY", review_by)}
    return str(make_registry(files, organisation=False))


@pytest.mark.parametrize(
    ("within", "expected"),
    [
        ("0d", "2026-01-31"),
        ("30d", "2026-03-02"),
        ("2w", "2026-02-14"),
        ("1m", "2026-02-28"),
        ("13m", "2027-02-28"),
        ("1y", "2027-01-31"),
    ],
)
def test_a_duration_counts_calendar_days_weeks_months_and_years(within: str, expected: str) -> None:
    assert until(_dt.date(2026, 1, 31), within) == _dt.date.fromisoformat(expected)


def test_a_window_past_the_last_calendar_day_ends_there() -> None:
    last = _dt.date(9999, 12, 31)
    assert until(_dt.date(9999, 12, 1), "9999d") == last
    assert until(_dt.date(9999, 12, 1), "2m") == last
    assert until(_dt.date(9999, 12, 1), "1y") == last


@pytest.mark.parametrize("within", ["30", "d", "3x", "-1d", "1.5m", ""])
def test_a_malformed_duration_is_refused_with_the_form_to_use(
    within: str, make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    assert until(_dt.date(2026, 1, 31), within) is None
    folder = registry(make_registry, "2027-06-30")
    assert main(["due", folder, f"--within={within}", "--today", TODAY]) == 2
    assert "write a number and d, w, m or y, e.g. 30d or 3m" in capsys.readouterr().err


def test_an_agreement_due_within_the_window_is_listed_and_exits_1(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = registry(make_registry, "2026-12-10")
    assert main(["due", folder, "--within", "30d", "--today", TODAY]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if "reference" not in line]
    assert lines == [
        f"{folder}/record.yaml:39:40: 2026-12-10, due in 15 days: the data processing "
        "agreement with 'helpdesk'"
    ]


def test_nothing_due_in_the_window_exits_0(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = registry(make_registry, "2027-01-10")
    assert main(["due", folder, "--within", "0d", "--today", "2026-11-25"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["due", folder, "--within", "2m", "--today", "2026-11-25"]) == 1


def test_json_gives_each_document_with_its_days_left_and_location(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = registry(make_registry, "2026-11-20")
    assert main(["due", folder, "--format", "json", "--within", "0d", "--today", TODAY]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["today"], report["until"]) == (TODAY, TODAY)
    [agreement] = [d for d in report["due"] if d["kind"] == "dpa"]
    assert agreement == {
        "kind": "dpa",
        "entity": "helpdesk",
        "what": {
            "en": "the data processing agreement with 'helpdesk'",
            "nb": "databehandleravtalen med 'helpdesk'",
        },
        "review_by": "2026-11-20",
        "days_left": -5,
        "overdue": True,
        "file": f"{folder}/record.yaml",
        "line": 39,
        "column": 40,
    }


def test_an_unknown_review_date_is_due_now(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = registry(make_registry, "unknown")
    assert main(["due", folder, "--within", "0d", "--today", TODAY, "--lang", "nb"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{folder}/record.yaml:39:40: dato for gjennomgang ukjent: databehandleravtalen med "
        "'helpdesk'"
    ]


def test_an_unusable_registry_exits_2_with_the_located_problem(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = registry(make_registry, "someday")
    assert main(["due", folder, "--today", TODAY]) == 2
    err = capsys.readouterr().err
    assert f"{folder}/record.yaml:39:40: error[schema]: " in err
    assert "unknown is allowed here" in err
