"""The main job: check, then every output; byte-identical runs; nothing published on errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from holte_ropa.cli import main
from tests.conftest import ROOT, MakeRegistry


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("registry", "docs"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_two_builds_of_holte_are_byte_identical_and_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    monkeypatch.chdir(_project(tmp_path))
    assert main(["build", "registry", "-o", "one"]) == 0
    assert main(["build", "registry", "-o", "two"]) == 0
    err = capsys.readouterr().err
    assert "readability (LIX per notice section): nb max" in err
    one, two = _files(Path("one")), _files(Path("two"))
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    for expected in (
        "reports/check.sarif",
        "reports/check.junit.xml",
        "reports/check.txt",
        "reports/readability.txt",
        "site/index.html",
        "notice/index.md",
        "records/controller.nb.xlsx",
        "records/record.jsonld",
        "graphs/organisation.nb.svg",
        "registry.json",
    ):
        assert expected in one, expected
    report = json.loads(one["reports/check.json"])
    assert report["summary"]["error"] == 0
    assert {row["lang"] for row in report["readability"]} == {"nb", "en"}
    assert b"LIX" not in one["site/index.html"]


def test_a_registry_with_unwaived_errors_is_not_published(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    unsettled = """\
activities:
  - id: web-forms
    name: {nb: Skjema, en: Forms}
    description: {nb: Kontaktskjema, en: Contact forms}
    role: controller
    purposes:
      - id: contact
        description: {nb: Kontakte deg, en: Contact you}
        legal_basis: unknown
    recipients: none
"""
    path = make_registry({"forms.yaml": unsettled})
    assert main(["build", str(path), "-o", "out"]) == 1
    assert "Nothing was published" in capsys.readouterr().err
    assert (Path("out") / "reports" / "check.sarif").is_file()
    assert not (Path("out") / "site").exists()
    assert not (Path("out") / "registry.json").exists()


@pytest.mark.slow
@pytest.mark.parametrize("value", ["", "abc"])
def test_a_malformed_source_date_epoch_builds_as_if_unset(
    value: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # MkDocs alone stops with int()'s ValueError on these; the README says they count as unset
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    monkeypatch.chdir(_project(tmp_path))
    assert main(["build", "registry", "-o", "out"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert (Path("out") / "site" / "index.html").is_file()
