"""Reporters: CI-grade formats that validate and humans can read."""

from __future__ import annotations

import datetime as _dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from holte_ropa import load_registry
from holte_ropa.cli import main
from holte_ropa.report._findings import Finding, Severity
from holte_ropa.report._reporters import ReportOptions, to_json, to_junit, to_sarif, to_text
from holte_ropa.rules import all_rules, check
from tests.conftest import ROOT, MakeRegistry

TODAY = _dt.date(2026, 11, 25)
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0.json").read_text("utf-8"))

UNSETTLED = """\
activities:
  - id: web-forms
    name: {nb: Skjema, en: Forms}
    description: {nb: Kontaktskjema, en: Contact forms}
    role: controller
    purposes:
      - id: contact
        description: {nb: Kontakte deg, en: Contact you}
        legal_basis: unknown
      - id: offer
        description: {nb: Sende tilbud, en: Send offers}
        legal_basis: unknown
    recipients: none
"""


def findings_of(make_registry: MakeRegistry) -> list[Finding]:
    registry = load_registry(make_registry({"forms.yaml": UNSETTLED}))
    found = check(registry, today=TODAY, select=["R10"])
    first = found[0]
    return [first.model_copy(update={"waived": True, "waiver_reason": "Open item"}), *found[1:]]


def test_text_groups_by_file_and_ends_with_a_summary(make_registry: MakeRegistry) -> None:
    text = to_text(findings_of(make_registry), ReportOptions())
    lines = text.splitlines()
    assert lines[0] == "registry/forms.yaml"
    assert lines[1].startswith("     9:22  error    R10 purpose-without-legal-basis: ")
    assert lines[1].endswith("[waived: Open item]")
    assert lines[-1] == (
        "registry: 1 errors, 0 warnings, 0 infos, 1 waived, in 1 files; "
        "1 unwaived at or above error: failing"
    )
    assert "\033[" not in text


def test_text_speaks_bokmal_and_uses_colour_only_when_asked(make_registry: MakeRegistry) -> None:
    text = to_text(findings_of(make_registry), ReportOptions(lang="nb", colour=True))
    assert "behandlingsgrunnlag" in text
    assert "\033[31m" in text
    assert "unntatt" in text


def test_sarif_validates_against_the_official_2_1_0_schema(make_registry: MakeRegistry) -> None:
    sarif = json.loads(to_sarif(findings_of(make_registry), all_rules(), ReportOptions()))
    validator_class = jsonschema.validators.validator_for(SARIF_SCHEMA)
    validator_class.check_schema(SARIF_SCHEMA)
    errors = sorted(validator_class(SARIF_SCHEMA).iter_errors(sarif), key=str)
    assert not errors, [e.message for e in errors]


def test_sarif_carries_rule_metadata_locations_and_suppressions(
    make_registry: MakeRegistry,
) -> None:
    run = json.loads(to_sarif(findings_of(make_registry), all_rules(), ReportOptions()))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in all_rules()]
    r10 = rules[[r["id"] for r in rules].index("R10")]
    assert r10["help"]["markdown"].startswith("**Every purpose")
    assert "# <-" not in r10["help"]["markdown"]
    first, second = run["results"]
    assert first["ruleId"] == "R10"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 9,
        "startColumn": 22,
    }
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "registry/forms.yaml"
    )
    assert first["suppressions"][0]["kind"] == "external"
    assert "suppressions" not in second


def test_junit_counts_failures_and_skips_waived_findings(make_registry: MakeRegistry) -> None:
    xml = to_junit(findings_of(make_registry), all_rules(), ReportOptions())
    root = ET.fromstring(xml)
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("failures"), suite.get("skipped")) == ("1", "1")
    assert int(suite.get("tests", "0")) == len(all_rules()) - 1 + 2


def test_json_follows_the_finding_contract(make_registry: MakeRegistry) -> None:
    payload = json.loads(to_json(findings_of(make_registry), ReportOptions()))
    assert set(payload["findings"][0]) == {
        "rule",
        "name",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "entity",
        "waived",
    }
    assert payload["summary"] == {"error": 1, "warning": 0, "info": 0, "waived": 1, "failing": 1}


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit"])
def test_every_format_is_deterministic(
    fmt: str, make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_registry({"forms.yaml": UNSETTLED})
    args = ["check", str(path), "--format", fmt, "--today", "2026-11-25", "--select", "R10"]
    outputs = []
    for _ in range(2):
        assert main(args) == 1
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]


def test_fail_on_sets_the_exit_code(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_registry({"forms.yaml": UNSETTLED})
    assert main(["check", str(path), "--select", "R10", "--today", "2026-11-25"]) == 1
    assert (
        main(
            [
                "check",
                str(path),
                "--ignore",
                "R10,R45",
                "--today",
                "2026-11-25",
                "--select",
                "R10,R45",
            ]
        )
        == 0
    )
    capsys.readouterr()


def test_an_unknown_rule_in_select_is_a_usage_error(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_registry()
    assert main(["check", str(path), "--select", "R999"]) == 2
    assert "unknown rule R999" in capsys.readouterr().err


def test_unusable_input_is_exit_2_in_every_format(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = make_registry({"bad.yaml": "x: [\n"})
    for fmt in ("text", "json", "sarif", "junit"):
        assert main(["check", str(path), "--format", fmt]) == 2
        assert "bad.yaml" in capsys.readouterr().out


def test_the_rules_command_lists_and_explains(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "R10  error    purpose-without-legal-basis" in listing
    assert main(["rules", "r10"]) == 0
    explained = capsys.readouterr().out
    assert "Legal references: GDPR Art. 6(1)" in explained
    assert "Why it matters:" in explained and "How to fix:" in explained
    assert main(["rules", "nope"]) == 2
    assert main(["rules", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(all_rules())


def test_a_severity_is_ranked() -> None:
    assert Severity.ERROR.rank > Severity.WARNING.rank > Severity.INFO.rank


def test_the_readme_lists_every_rule() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in all_rules():
        assert f"| {rule.id} | `{rule.name}` |" in readme, f"README lacks {rule.id}"


def test_the_json_report_carries_the_readability_figures_with_their_location(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.conftest import FIXTURES

    assert main(["check", str(FIXTURES / "small"), "--format", "json"]) in (0, 1)
    figures = json.loads(capsys.readouterr().out)["readability"]
    assert {row["lang"] for row in figures} == {"nb", "en"}
    newsletter = next(r for r in figures if r["section"] == "activity-newsletter")
    assert newsletter["entity"] == "newsletter"
    assert newsletter["file"].endswith("small/registry.yaml") and newsletter["line"] > 0
    assert 0 < newsletter["lix"] < 100


def test_render_report_writes_each_format_as_its_own_reporter_does(
    make_registry: MakeRegistry,
) -> None:
    from holte_ropa.report import REPORT_FORMATS, render_report

    findings, rules, options = findings_of(make_registry), all_rules(), ReportOptions()
    assert REPORT_FORMATS == ("text", "json", "sarif", "junit")
    assert render_report("text", findings, rules, options) == to_text(findings, options)
    assert render_report("json", findings, rules, options, {"x": 1}) == to_json(
        findings, options, {"x": 1}
    )
    assert render_report("sarif", findings, rules, options) == to_sarif(findings, rules, options)
    assert render_report("junit", findings, rules, options) == to_junit(findings, rules, options)
    with pytest.raises(ValueError, match="unknown report format 'html'"):
        render_report("html", findings, rules, options)
