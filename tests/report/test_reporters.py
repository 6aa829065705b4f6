"""Reporters: CI-grade formats that validate and humans can read."""

from __future__ import annotations

import datetime as _dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from holte_ropa import load_registry
from holte_ropa.cli import main
from holte_ropa.report._findings import Finding, Severity
from holte_ropa.report._reporters import (
    ReportOptions,
    count,
    failing,
    to_json,
    to_junit,
    to_sarif,
    to_text,
)
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
    options = ReportOptions(include_waived=True)
    run = json.loads(to_sarif(findings_of(make_registry), all_rules(), options))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in all_rules()]
    r10 = rules[[r["id"] for r in rules].index("R10")]
    assert r10["help"]["markdown"].startswith("**Every purpose")
    assert "# <-" not in r10["help"]["markdown"]
    first, second = run["results"]
    assert first["ruleId"] == "R10"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"]) == (9, 22, 9)
    assert region["endColumn"] > 22
    assert first["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "registry/forms.yaml",
        "uriBaseId": "%SRCROOT%",
    }
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
    assert re.search(r"(?m)^R10  error +purpose-without-legal-basis", listing)
    assert re.search(r"(?m)^R43  warning/error +dpia-missing", listing)
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


# --------------------------------------------------------------------------- exact formats

NAMES = {rule.id: rule.name for rule in all_rules()}


def made(
    rule: str,
    severity: Severity,
    where: tuple[str, int, int],
    entity: str | None = "web-forms",
    waived: str | None = None,
) -> Finding:
    """A finding as the engine would make it, with a message that says where it is."""
    file, line, column = where
    return Finding(
        rule=rule,
        name=NAMES.get(rule, f"{rule}-error"),
        severity=severity,
        message=f"{rule} at {line}",
        message_nb=f"{rule} på {line}, særlig",
        file=file,
        line=line,
        column=column,
        entity=entity,
        waived=waived is not None,
        waiver_reason=waived,
    )


ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
SEVEN = [
    made("R10", ERROR, ("registry/a.yaml", 9, 22)),
    made("R10", ERROR, ("registry/a.yaml", 12, 22)),
    made("R10", ERROR, ("registry/a.yaml", 15, 22), waived="Open item"),
    made("R28", INFO, ("registry/b.yaml", 3, 5), entity="vendor"),
    made("R29", WARNING, ("registry/b.yaml", 7, 5), entity="vendor"),
    made("R29", WARNING, ("registry/b.yaml", 9, 5), entity="vendor"),
    made("R29", WARNING, ("registry/b.yaml", 11, 5), entity="vendor", waived="Moving to DPF"),
]
UNREADABLE = made("schema", ERROR, ("registry/c.yaml", 2, 3), entity=None)
FOUR_RULES = [rule for rule in all_rules() if rule.id in {"R10", "R28", "R29", "R30"}]


def test_findings_are_counted_by_severity_with_the_waived_ones_apart() -> None:
    assert count(SEVEN) == {"error": 2, "warning": 2, "info": 1, "waived": 2}
    assert failing(SEVEN, WARNING) == [SEVEN[0], SEVEN[1], SEVEN[4], SEVEN[5]]


def test_text_lists_each_file_s_findings_and_counts_them_all_in_the_summary() -> None:
    assert to_text(SEVEN, ReportOptions()) == (
        "registry/a.yaml\n"
        "     9:22  error    R10 purpose-without-legal-basis: R10 at 9\n"
        "    12:22  error    R10 purpose-without-legal-basis: R10 at 12\n"
        "    15:22  error    R10 purpose-without-legal-basis: R10 at 15 [waived: Open item]\n"
        "\n"
        "registry/b.yaml\n"
        "      3:5  info     R28 adequacy-not-valid: R28 at 3\n"
        "      7:5  warning  R29 scc-without-tia: R29 at 7\n"
        "      9:5  warning  R29 scc-without-tia: R29 at 9\n"
        "     11:5  warning  R29 scc-without-tia: R29 at 11 [waived: Moving to DPF]\n"
        "\n"
        "registry: 2 errors, 2 warnings, 1 infos, 2 waived, in 2 files; "
        "2 unwaived at or above error: failing\n"
    )


def test_text_in_colour_paints_files_bold_unwaived_severities_and_waivers_dim() -> None:
    options = ReportOptions(lang="nb", colour=True, fail_on=WARNING)
    assert to_text(SEVEN[:3], options) == (
        "\033[1mregistry/a.yaml\033[0m\n"
        "     9:22  \033[31merror  \033[0m  R10 purpose-without-legal-basis: R10 på 9, særlig\n"
        "    12:22  \033[31merror  \033[0m  R10 purpose-without-legal-basis: R10 på 12, særlig\n"
        "    15:22  error    R10 purpose-without-legal-basis: R10 på 15, særlig"
        "\033[2m [unntatt: Open item]\033[0m\n"
        "\n"
        "registry: 2 feil, 0 advarsler, 0 merknader, 1 unntatt, i 1 filer; "
        "2 funn på nivå warning eller høyere\n"
    )


def test_the_summary_says_when_nothing_stops_the_build_in_both_languages() -> None:
    info = [SEVEN[3]]
    assert to_text(info, ReportOptions(lang="nb")).splitlines()[-1] == (
        "registry: 0 feil, 0 advarsler, 1 merknader, 0 unntatt, i 1 filer; "
        "ingen funn som stopper bygget"
    )
    assert to_text(info, ReportOptions(registry="HEAD:registry")).splitlines()[-1] == (
        "HEAD:registry: 0 errors, 0 warnings, 1 infos, 0 waived, in 1 files; "
        "nothing unwaived at or above error: passing"
    )
    assert to_text([], ReportOptions()) == (
        "registry: 0 errors, 0 warnings, 0 infos, 0 waived, in 0 files; "
        "nothing unwaived at or above error: passing\n"
    )


def test_json_is_indented_unescaped_and_in_the_chosen_language() -> None:
    text = to_json(SEVEN[:2], ReportOptions(lang="nb", registry="HEAD:registry"), {"extra": 1})
    payload = json.loads(text)
    assert text == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    assert payload == {
        "version": 1,
        "registry": "HEAD:registry",
        "findings": [f.as_json("nb") for f in SEVEN[:2]],
        "summary": {"error": 2, "warning": 0, "info": 0, "waived": 0, "failing": 2},
        "extra": 1,
    }
    assert payload["findings"][0]["message"] == "R10 på 9, særlig"


def test_junit_has_a_case_per_finding_and_per_quiet_rule_and_counts_them() -> None:
    findings = [*SEVEN, UNREADABLE]
    xml = to_junit(findings, FOUR_RULES, ReportOptions(lang="nb", fail_on=WARNING))
    lawfulness = 'classname="holte_ropa.lawfulness"'
    transfers = 'classname="holte_ropa.transfers"'
    assert xml == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="holte-ropa" tests="9" failures="5" errors="0">\n'
        '  <testsuite name="holte-ropa" tests="9" failures="5" errors="0" skipped="2">\n'
        f'    <testcase {lawfulness} name="R10 purpose-without-legal-basis '
        'registry/a.yaml:9:22: error: R10 på 9, særlig">\n'
        '      <failure message="R10 på 9, særlig" type="error">registry/a.yaml:9:22: error: '
        "R10 på 9, særlig</failure>\n"
        "    </testcase>\n"
        f'    <testcase {lawfulness} name="R10 purpose-without-legal-basis '
        'registry/a.yaml:12:22: error: R10 på 12, særlig">\n'
        '      <failure message="R10 på 12, særlig" type="error">registry/a.yaml:12:22: error: '
        "R10 på 12, særlig</failure>\n"
        "    </testcase>\n"
        f'    <testcase {lawfulness} name="R10 purpose-without-legal-basis '
        'registry/a.yaml:15:22: error: R10 på 15, særlig">\n'
        '      <skipped message="waived: Open item" />\n'
        "    </testcase>\n"
        f'    <testcase {transfers} name="R28 adequacy-not-valid '
        'registry/b.yaml:3:5: info: R28 på 3, særlig">\n'
        "      <system-out>registry/b.yaml:3:5: info: R28 på 3, særlig</system-out>\n"
        "    </testcase>\n"
        f'    <testcase {transfers} name="R29 scc-without-tia '
        'registry/b.yaml:7:5: warning: R29 på 7, særlig">\n'
        '      <failure message="R29 på 7, særlig" type="warning">registry/b.yaml:7:5: warning: '
        "R29 på 7, særlig</failure>\n"
        "    </testcase>\n"
        f'    <testcase {transfers} name="R29 scc-without-tia '
        'registry/b.yaml:9:5: warning: R29 på 9, særlig">\n'
        '      <failure message="R29 på 9, særlig" type="warning">registry/b.yaml:9:5: warning: '
        "R29 på 9, særlig</failure>\n"
        "    </testcase>\n"
        f'    <testcase {transfers} name="R29 scc-without-tia '
        'registry/b.yaml:11:5: warning: R29 på 11, særlig">\n'
        '      <skipped message="waived: Moving to DPF" />\n'
        "    </testcase>\n"
        f'    <testcase {transfers} name="R30 derogation-for-regular-transfers" />\n'
        '    <testcase classname="holte_ropa.input" name="schema schema-error '
        'registry/c.yaml:2:3: error: schema på 2, særlig">\n'
        '      <failure message="schema på 2, særlig" type="error">registry/c.yaml:2:3: error: '
        "schema på 2, særlig</failure>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n"
    )


def test_sarif_for_an_unreadable_registry_describes_the_problem_as_its_own_rule() -> None:
    text = to_sarif([UNREADABLE], FOUR_RULES, ReportOptions(lang="nb", version="1.2.3"))
    log = json.loads(text)
    assert text == json.dumps(log, ensure_ascii=False, indent=2) + "\n"
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["informationUri"], driver["semanticVersion"]) == (
        "holte-ropa",
        "https://github.com/holte/holte-ropa",
        "1.2.3",
    )
    assert run["originalUriBaseIds"] == {
        "%SRCROOT%": {"description": {"text": "The root of the repository checked."}}
    }
    assert run["automationDetails"] == {"id": "holte-ropa/registry/"}
    assert [r["id"] for r in driver["rules"]] == ["R10", "R28", "R29", "R30", "schema"]
    assert driver["rules"][-1] == {
        "id": "schema",
        "name": "schema-error",
        "shortDescription": {"text": "The registry cannot be read: a schema problem."},
        "fullDescription": {
            "text": "The registry cannot be read: a schema problem. The file is not valid "
            "YAML, does not match the registry schema, or refers to something that does "
            "not exist; no rule can run until it is fixed."
        },
        "help": {"text": "Fix the file at the reported location; nothing else can be checked."},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["privacy", "gdpr", "input"]},
    }
    assert run["results"] == [
        {
            "ruleId": "schema",
            "ruleIndex": 4,
            "level": "error",
            "message": {"text": "schema på 2, særlig"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": "registry/c.yaml",
                            "uriBaseId": "%SRCROOT%",
                        },
                        "region": {
                            "startLine": 2,
                            "startColumn": 3,
                            "endLine": 2,
                            "endColumn": 4,
                        },
                    },
                    "logicalLocations": [],
                }
            ],
            "partialFingerprints": {
                "primaryLocationLineHash": log["runs"][0]["results"][0]["partialFingerprints"][
                    "primaryLocationLineHash"
                ],
                "holteRopa/v1": "schema::schema at 2",
            },
        }
    ]


def test_sarif_names_the_entity_and_starts_regions_at_line_and_column_one() -> None:
    at_start = made("R29", WARNING, ("registry/b.yaml", 1, 1), entity="vendor")
    unlocated = made("R29", WARNING, ("registry/b.yaml", 0, 0), entity="vendor")
    run = json.loads(to_sarif([at_start, unlocated], FOUR_RULES, ReportOptions()))["runs"][0]
    first, second = run["results"]
    for result in (first, second):
        location = result["locations"][0]
        assert location["physicalLocation"]["region"] == {
            "startLine": 1,
            "startColumn": 1,
            "endLine": 1,
            "endColumn": 2,
        }
        assert location["logicalLocations"] == [{"name": "vendor", "kind": "object"}]
    assert first["partialFingerprints"]["holteRopa/v1"] == "R29:vendor:R29 at 1"
    assert first["ruleIndex"] == 2


def test_sarif_rule_metadata_carries_tags_references_and_the_example_without_marks() -> None:
    [r29] = [r for r in FOUR_RULES if r.id == "R29"]
    descriptor = json.loads(to_sarif([], [r29], ReportOptions()))["runs"][0]["tool"]["driver"][
        "rules"
    ][0]
    assert descriptor["properties"] == {
        "tags": ["privacy", "gdpr", "transfers"],
        "legalReferences": ["GDPR Art. 46(2)(c)", "CJEU C-311/18", "EDPB Recommendations 01/2020"],
        "judgement": False,
    }
    markdown = descriptor["help"]["markdown"]
    assert (
        "**Legal references:** GDPR Art. 46(2)(c), CJEU C-311/18, EDPB Recommendations 01/2020"
        in markdown
    )
    assert "        mechanism: {mechanism: scc, module: 2}\n```" in markdown
    assert "# <-" not in markdown
