"""Paths with spaces and non-ASCII letters work in every report: SARIF URIs are valid URI
references (percent-encoded), and text, JSON and JUnit name the file as given."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from holte_ropa.cli import main
from holte_ropa.report._reporters import artifact_uri
from tests.conftest import FIXTURES, ROOT
from tests.report.test_reporters import UNSETTLED

SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0.json").read_text("utf-8"))
SHOWN = "my registry/activities/zapier-økonomi.yaml"
ENCODED = "my%20registry/activities/zapier-%C3%B8konomi.yaml"


@pytest.fixture
def spaced_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A registry folder named ``my registry`` with a file named ``zapier-økonomi.yaml``."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "my registry"
    (folder / "activities").mkdir(parents=True)
    shutil.copy(FIXTURES / "minimal" / "organisation.yaml", folder / "organisation.yaml")
    (folder / "activities" / "zapier-økonomi.yaml").write_text(UNSETTLED, encoding="utf-8")
    return "my registry"


def report(path: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", path, "--format", fmt, "--select", "R10", "--today", "2026-11-25"])
    return code, capsys.readouterr().out


def sarif_format_errors(log: object) -> list[str]:
    validator = jsonschema.validators.validator_for(SARIF_SCHEMA)
    checker = jsonschema.FormatChecker()  # every format, not only draft-04's
    assert "uri-reference" in checker.checkers  # rfc3986-validator is installed
    return [e.message for e in validator(SARIF_SCHEMA, format_checker=checker).iter_errors(log)]


def test_sarif_percent_encodes_spaces_and_non_ascii_letters_in_artifact_uris(
    spaced_registry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = report(spaced_registry, "sarif", capsys)
    assert code == 1
    log = json.loads(out)
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in log["runs"][0]["results"]
        for loc in result["locations"]
    }
    assert uris == {ENCODED}
    assert sarif_format_errors(log) == []


def test_sarif_of_an_unreadable_file_in_such_a_folder_is_valid_too(
    spaced_registry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    Path(spaced_registry, "activities", "zapier-økonomi.yaml").write_text("x: [\n", "utf-8")
    code, out = report(spaced_registry, "sarif", capsys)
    assert code == 2
    log = json.loads(out)
    [result] = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == ENCODED
    assert sarif_format_errors(log) == []


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("registry/parties/x.yaml", "registry/parties/x.yaml"),
        ("my registry/ø.yaml", "my%20registry/%C3%B8.yaml"),
        ("HEAD:registry/x.yaml", "HEAD%3Aregistry/x.yaml"),
        ("/abs/100% sure.yaml", "/abs/100%25%20sure.yaml"),
    ],
)
def test_an_artifact_uri_is_the_path_percent_encoded(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


def test_text_json_and_junit_name_the_file_as_given(
    spaced_registry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, text = report(spaced_registry, "text", capsys)
    assert SHOWN in text.splitlines()
    _, out = report(spaced_registry, "json", capsys)
    payload = json.loads(out)
    findings = payload["findings"] if isinstance(payload, dict) else payload
    assert {f["file"] for f in findings} == {SHOWN}
    _, junit = report(spaced_registry, "junit", capsys)
    root = ET.fromstring(junit)
    assert SHOWN in "".join(root.itertext()) + "".join(
        str(v) for e in root.iter() for v in e.attrib.values()
    )
