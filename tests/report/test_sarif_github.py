"""SARIF as GitHub code scanning reads it, checked by jsonschema with formats on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from jsonschema import FormatChecker

from holte_ropa.cli import main
from holte_ropa.report._findings import Finding, Severity
from holte_ropa.report._reporters import ReportOptions, to_sarif
from holte_ropa.rules import all_rules
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0.json").read_text("utf-8"))
RULES = all_rules()


def _errors(log: dict[str, Any]) -> list[str]:
    pytest.importorskip("rfc3986_validator", reason="jsonschema checks uri-reference with it")
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA, format_checker=FormatChecker())
    return sorted(f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log))


def finding(file: str = "registry/a.yaml", line: int = 3, **extra: Any) -> Finding:
    values: dict[str, Any] = {
        "rule": "R10",
        "name": "purpose-without-basis",
        "severity": Severity.ERROR,
        "message": "no settled legal basis",
        "message_nb": "ikke avklart behandlingsgrunnlag",
        "file": file,
        "line": line,
        "column": 5,
        "entity": "forms",
    }
    return Finding(**{**values, **extra})


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    main(["check", str(ROOT / "registry"), "--format", "sarif", *args])
    log: dict[str, Any] = json.loads(capsys.readouterr().out)
    return log


def test_holtes_report_is_valid_sarif_with_formats_checked_and_leaves_waived_findings_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    log = _check(capsys)
    assert _errors(log) == []
    results = log["runs"][0]["results"]
    assert results and not any("suppressions" in r for r in results)


def test_include_waived_keeps_them_as_suppressed_results(
    capsys: pytest.CaptureFixture[str],
) -> None:
    default = _check(capsys)["runs"][0]["results"]
    everything = _check(capsys, "--include-waived")
    assert _errors(everything) == []
    suppressed = [r for r in everything["runs"][0]["results"] if "suppressions" in r]
    assert suppressed
    assert len(everything["runs"][0]["results"]) == len(default) + len(suppressed)
    assert all(r["suppressions"][0]["status"] == "accepted" for r in suppressed)


def test_paths_with_spaces_and_norwegian_letters_become_percent_encoded_uri_references() -> None:
    log = json.loads(to_sarif([finding("registry/my folder/Ærø.yaml")], RULES, ReportOptions()))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "registry/my%20folder/%C3%86r%C3%B8.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert _errors(log) == []


def test_a_raw_space_in_a_uri_is_what_the_format_checker_rejects() -> None:
    log = json.loads(to_sarif([finding()], RULES, ReportOptions()))
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    artifact["artifactLocation"]["uri"] = "registry/my folder/a.yaml"
    assert any("uri-reference" in e for e in _errors(log))


def test_the_region_spans_the_reported_line_to_its_end(tmp_path: Path) -> None:
    source = tmp_path / "a.yaml"
    source.write_text("one: 1\nlegal_basis: unknown\n", encoding="utf-8")
    log = json.loads(to_sarif([finding(str(source), 2, column=14)], RULES, ReportOptions()))
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 14, "endLine": 2, "endColumn": 21}


def test_the_fingerprint_github_tracks_alerts_by_survives_the_line_moving() -> None:
    def fingerprint(f: Finding) -> str:
        log = json.loads(to_sarif([f], RULES, ReportOptions()))
        value: str = log["runs"][0]["results"][0]["partialFingerprints"]["primaryLocationLineHash"]
        return value

    assert fingerprint(finding(line=3)) == fingerprint(finding(line=30))
    assert fingerprint(finding()) != fingerprint(finding(entity="other"))


def test_security_rules_carry_a_security_severity_and_the_run_an_automation_id() -> None:
    log = json.loads(to_sarif([], RULES, ReportOptions(registry="registry")))
    run = log["runs"][0]
    assert run["automationDetails"] == {"id": "holte-ropa/registry/"}
    security = [r for r in run["tool"]["driver"]["rules"] if "security" in r["properties"]["tags"]]
    assert security
    for rule in security:
        assert 0.0 <= float(rule["properties"]["security-severity"]) <= 10.0
    others = [r for r in run["tool"]["driver"]["rules"] if r not in security]
    assert not any("security-severity" in r["properties"] for r in others)
