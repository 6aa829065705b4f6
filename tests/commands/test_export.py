"""``holte-ropa export record``: the JSON-LD's IRIs follow the site's base URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from holte_ropa.cli import main
from tests.conftest import FIXTURES


def test_export_record_jsonld_puts_the_iris_under_the_given_base_url(tmp_path: Path) -> None:
    out = tmp_path / "record.jsonld"
    code = main(
        [
            "export",
            "record",
            str(FIXTURES / "small"),
            "--format",
            "jsonld",
            "--base-url",
            "https://acme.example/personvern/",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    context = json.loads(out.read_text(encoding="utf-8"))["@context"]
    assert context["ropa"] == "https://acme.example/personvern/record.jsonld#"


def test_missing_folders_of_the_output_are_created(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folders" / "record.xlsx"
    assert main(["export", "record", str(FIXTURES / "small"), "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"PK")


def test_an_output_that_cannot_be_written_is_said_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    target = blocker / "record.xlsx"
    assert main(["export", "record", str(FIXTURES / "small"), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"holte-ropa: cannot write {target}: " in err
    assert "Traceback" not in err
