"""``holte-ropa init``: a starter record that loads and whose findings are a to-do list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from holte_ropa.cli import main
from holte_ropa.starter import organisation_id


def test_init_writes_a_starter_record_that_loads_and_lists_what_to_fill_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "record"
    assert main(["init", str(folder), "--name", "Fjordlys Regnskap AS"]) == 0
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.yaml"))
    assert written == [
        "activities/example-activity.yaml",
        "organisation.yaml",
        "parties/example-processor.yaml",
        "vocabulary.yaml",
        "waivers.yaml",
    ]
    capsys.readouterr()
    assert main(["check", str(folder), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    todo = {(Path(f["file"]).name, f["line"], f["rule"]) for f in findings}
    assert ("organisation.yaml", 8, "R01") in todo  # postal_address: unknown
    assert ("organisation.yaml", 9, "R01") in todo  # email: unknown
    assert ("organisation.yaml", 11, "R01") in todo  # privacy_contact: unknown
    assert ("organisation.yaml", 20, "R46") in todo  # change_announcement: unknown
    assert ("organisation.yaml", 25, "R46") in todo  # how_to_exercise: unknown
    assert ("organisation.yaml", 29, "R46") in todo  # security_summary: unknown
    assert ("organisation.yaml", 35, "R60") in todo  # cookies: unknown
    assert ("example-activity.yaml", 11, "R10") in todo  # legal_basis: unknown
    assert ("example-processor.yaml", 9, "R21") in todo  # dpa: {reference: unknown}
    messages = {f["message"] for f in findings}
    assert "the organisation's e-mail address is unknown; give one that reaches it" in messages


def test_the_starter_names_the_organisation_and_nothing_else(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "r"), "--name", 'Bø "Sparebank" ASA']) == 0
    text = (tmp_path / "r" / "organisation.yaml").read_text(encoding="utf-8")
    assert 'legal_name: "Bø \\"Sparebank\\" ASA"' in text
    assert "id: bo-sparebank\n" in text
    assert "holte" not in text.lower().replace("holte-ropa", "")


def test_init_never_overwrites_a_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "record"
    assert main(["init", str(folder), "--name", "Fjordlys Regnskap AS"]) == 0
    (folder / "waivers.yaml").write_text("waivers: []  # mine\n", encoding="utf-8")
    assert main(["init", str(folder), "--name", "Other AS"]) == 2
    assert "exists already; nothing was written" in capsys.readouterr().err
    assert (folder / "waivers.yaml").read_text(encoding="utf-8") == "waivers: []  # mine\n"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Fjordlys Regnskap AS", "fjordlys-regnskap"),
        ("Ærlig Økonomi & Rådgivning ANS", "aerlig-okonomi-radgivning"),
        ("AS", "as"),
    ],
)
def test_the_organisation_id_is_a_slug_of_the_name_without_the_company_form(
    name: str, slug: str
) -> None:
    assert organisation_id(name) == slug


def test_a_name_without_letters_or_digits_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "x", "--name", "—"]) == 2
    assert "gives no id" in capsys.readouterr().err


def test_init_says_what_it_wrote_on_stdout_and_nothing_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "reg"), "--name", "Fjordlys Regnskap AS"]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert f"{(tmp_path / 'reg' / 'organisation.yaml').as_posix()}\n" in out.out
    assert "a starter record for Fjordlys Regnskap AS. Next: `holte-ropa check" in out.out
