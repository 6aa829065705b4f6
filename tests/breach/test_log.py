"""The breach log (GDPR Art. 33(5)): validated, internal, and open until closed."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from holte_ropa import check, load_registry
from holte_ropa.cli import main
from holte_ropa.model import UNKNOWN, is_unknown
from holte_ropa.report import RegistryError
from holte_ropa.site import site_pages
from tests.conftest import FIXTURES, MakeRegistry

AWARE = "2026-11-29T10:00+01:00"
TODAY = _dt.date(2026, 12, 1)
LATER = _dt.date(2026, 12, 5)


def _log(path: Path, *extra: str, aware: str = AWARE) -> int:
    argv = ["breach", "host", "--discovered", aware, "--registry", str(path), "--log"]
    return main([*argv, *extra])


def test_log_appends_an_entry_that_loads_and_states_only_what_is_known(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _log(clinic, "--facts", "Host reported an exposed backup bucket.") == 0
    assert "logged 'breach-2026-11-29-host'" in capsys.readouterr().err
    breach = load_registry(clinic).breaches["breach-2026-11-29-host"]
    assert breach.targets == ("host",)
    assert breach.discovered.isoformat() == "2026-11-29T10:00:00+01:00"
    assert breach.facts == "Host reported an exposed backup bucket."
    assert breach.effects is UNKNOWN and breach.remedial_action is UNKNOWN
    assert breach.authority is not None and not is_unknown(breach.authority)
    assert breach.authority.notified is UNKNOWN
    assert breach.controllers is not None and breach.closed is None
    text = (clinic / "breaches.yaml").read_text(encoding="utf-8")
    assert "# to fill: the effects on the people concerned" in text
    assert "# GDPR Art. 33(1): due 2026-12-02T10:00:00+01:00" in text


def test_a_second_entry_the_same_day_gets_its_own_id(clinic: Path) -> None:
    assert _log(clinic) == 0
    assert _log(clinic, aware="2026-11-29T15:00+01:00") == 0
    assert list(load_registry(clinic).breaches) == [
        "breach-2026-11-29-host",
        "breach-2026-11-29-host-2",
    ]


def test_the_same_breach_logged_again_is_refused_and_the_log_left_as_it_was(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _log(clinic) == 0
    before = (clinic / "breaches.yaml").read_text(encoding="utf-8")
    capsys.readouterr()
    assert _log(clinic, aware="2026-11-29T09:00Z") == 2  # the same moment in UTC
    assert capsys.readouterr().err == (
        "holte-ropa breach: the log already has this breach as 'breach-2026-11-29-host' (the "
        "same targets, discovered at the same moment); nothing was added: edit that entry\n"
    )
    assert (clinic / "breaches.yaml").read_text(encoding="utf-8") == before


def test_an_entry_that_would_break_the_registry_is_not_kept(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _log(clinic, "--breach-id", "host") == 2  # the id is taken by the party
    assert "duplicate id 'host'" in capsys.readouterr().err
    assert not (clinic / "breaches.yaml").exists()
    (clinic / "breaches.yaml").write_text("breaches:\n  - id: old\n", encoding="utf-8")
    before = (clinic / "breaches.yaml").read_text(encoding="utf-8")
    assert _log(clinic) == 2  # the old entry is incomplete, so the file does not load
    assert (clinic / "breaches.yaml").read_text(encoding="utf-8") == before


def test_a_log_file_not_ending_in_the_breaches_section_is_left_alone(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (clinic / "breaches.yaml").write_text("breaches: []\nwaivers: []\n", encoding="utf-8")
    assert _log(clinic) == 2
    assert "must end with the 'breaches:' section" in capsys.readouterr().err


def test_breach_entries_are_validated_like_every_other_file(make_registry: MakeRegistry) -> None:
    path = make_registry(
        {
            "breaches.yaml": "breaches:\n"
            "  - id: leak\n"
            "    discovered: 2026-11-29T10:00\n"
            "    targets: [nowhere]\n"
            "    facts: unknown\n"
            "    effects: unknown\n"
            "    remedial_action: unknown\n"
            "    notified: yes\n"
        }
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    messages = [str(p) for p in caught.value.problems]
    assert any(m.startswith("registry/breaches.yaml:3:17:") for m in messages), messages
    assert any("unknown field 'notified'" in m for m in messages), messages


def test_a_breach_target_must_name_a_breachable_entity(make_registry: MakeRegistry) -> None:
    path = make_registry(
        {
            "breaches.yaml": "breaches:\n"
            "  - id: leak\n"
            "    discovered: 2026-11-29T10:00+01:00\n"
            "    targets: [acme]\n"
            "    facts: unknown\n"
            "    effects: unknown\n"
            "    remedial_action: unknown\n"
        }
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    [problem] = caught.value.problems
    assert str(problem).startswith("registry/breaches.yaml:4:15: error[reference]:")
    assert "'acme' is the organisation, but a party or an activity" in str(problem)


def test_check_reports_an_open_breach_until_it_is_closed(clinic: Path) -> None:
    assert _log(clinic) == 0
    [finding] = check(load_registry(clinic), today=TODAY, select=["R50"])
    assert (finding.rule, finding.file, finding.line) == ("R50", "registry/breaches.yaml", 4)
    assert finding.entity == "breach-2026-11-29-host"
    assert "is still open; not yet recorded: the facts, the effects" in finding.message
    assert "72 hours" not in finding.message
    assert "whether the supervisory authority was notified" in finding.message
    assert finding.severity.value == "warning"
    [late] = check(load_registry(clinic), today=LATER, select=["R50"])
    assert "the 72 hours of GDPR Art. 33(1) ended 2026-12-02T10:00:00+01:00" in late.message
    assert late.severity.value == "error"  # the deadline passed with nothing recorded
    log = clinic / "breaches.yaml"
    text = log.read_text(encoding="utf-8")
    for field, value in (
        ("facts", '"A bucket was public."'),
        ("effects", '"None seen."'),
        ("remedial_action", '"Bucket closed."'),
    ):
        text = text.replace(f"    {field}: unknown", f"    {field}: {value}")
    text = text.replace(
        "authority: {notified: unknown}",
        'authority: {notified: true, at: "2026-11-30T09:00+01:00"}',
    )
    text = text.replace("controllers: {notified: unknown}", "controllers: {notified: true}")
    text = text.replace("data_subjects: unknown", "data_subjects: {notified: false}")
    log.write_text(text + "    closed: 2026-12-03\n", encoding="utf-8")
    assert check(load_registry(clinic), today=LATER, select=["R50"]) == []


def test_a_closed_breach_with_unknown_facts_is_still_reported(clinic: Path) -> None:
    assert _log(clinic) == 0
    log = clinic / "breaches.yaml"
    log.write_text(log.read_text(encoding="utf-8") + "    closed: 2026-12-03\n", encoding="utf-8")
    [finding] = check(load_registry(clinic), today=LATER, select=["R50"])
    assert "was closed on 2026-12-03; not yet recorded: the facts" in finding.message


def test_the_breach_log_never_reaches_the_site() -> None:
    registry = load_registry(FIXTURES / "canary")
    assert registry.breaches["mailer-breach"].facts == "CANARY-breach-facts"
    for name, page in site_pages(registry).items():
        assert "CANARY" not in page, name
        assert "mailer-breach" not in page, name
        assert "1998-11-30" not in page, name
