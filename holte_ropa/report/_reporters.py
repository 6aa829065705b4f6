"""Reporters: findings as text for people, and JSON, SARIF 2.1.0 and JUnit XML for machines.

Reporters never decide anything: they receive findings and rule metadata and format
them. Every format is deterministic (sorted input, no timestamps), so CI artefacts diff
cleanly between runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote
from xml.etree import ElementTree as ET

from holte_ropa.report._findings import Finding, Severity
from holte_ropa.rules import Rule

__all__ = [
    "REPORT_FORMATS",
    "ReportFormat",
    "ReportOptions",
    "artifact_uri",
    "count",
    "failing",
    "render_report",
    "to_json",
    "to_junit",
    "to_sarif",
    "to_text",
]

ReportFormat = Literal["text", "json", "sarif", "junit"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("text", "json", "sarif", "junit")
"""Every report format, the default (for people) first; ``render_report`` writes each."""

TOOL_URI = "https://github.com/holte/holte-ropa"
_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_COLOUR = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How findings are shown and judged."""

    lang: str = "en"
    fail_on: Severity = Severity.ERROR
    colour: bool = False
    registry: str = "registry"
    version: str = "0"


def render_report(
    fmt: str,
    findings: Sequence[Finding],
    rules: Sequence[Rule],
    options: ReportOptions,
    extra: dict[str, object] | None = None,
) -> str:
    """The report in ``fmt`` (one of :data:`REPORT_FORMATS`): the one place a format is
    chosen, for ``check``, ``build`` and the library.

    ``rules`` are the rules that ran (SARIF and JUnit list them); ``extra`` adds top-level
    entries to the JSON report only. Raises ValueError for an unknown format.
    """
    if fmt == "text":
        return to_text(findings, options)
    if fmt == "json":
        return to_json(findings, options, extra)
    if fmt == "sarif":
        return to_sarif(findings, rules, options)
    if fmt == "junit":
        return to_junit(findings, rules, options)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(REPORT_FORMATS)}")


def failing(findings: Iterable[Finding], fail_on: Severity) -> list[Finding]:
    """Unwaived findings at or above ``fail_on``: the ones that make the run fail."""
    return [f for f in findings if not f.waived and f.severity.rank >= fail_on.rank]


def count(findings: Iterable[Finding]) -> dict[str, int]:
    """Counts by severity plus waived, in a fixed key order."""
    counts = {"error": 0, "warning": 0, "info": 0, "waived": 0}
    for finding in findings:
        if finding.waived:
            counts["waived"] += 1
        else:
            counts[finding.severity.value] += 1
    return counts


# --------------------------------------------------------------------------- text


def to_text(findings: Sequence[Finding], options: ReportOptions) -> str:
    """Grouped by file, one line per finding, and a summary line at the end."""
    lines: list[str] = []
    current: str | None = None
    for f in findings:
        if f.file != current:
            if current is not None:
                lines.append("")
            current = f.file
            lines.append(_paint(f.file, "1", options.colour))
        severity = f"{f.severity.value:<7}"
        if not f.waived:
            severity = _paint(severity, _COLOUR[f.severity], options.colour)
        where = f"{f.line}:{f.column}"
        text = f"  {where:>7}  {severity}  {f.rule} {f.name}: {f.text(options.lang)}"
        if f.waived:
            label = "unntatt" if options.lang == "nb" else "waived"
            text += _paint(f" [{label}: {f.waiver_reason}]", "2", options.colour)
        lines.append(text)
    if findings:
        lines.append("")
    lines.append(_summary(findings, options))
    return "\n".join(lines) + "\n"


def _summary(findings: Sequence[Finding], options: ReportOptions) -> str:
    c = count(findings)
    bad = len(failing(findings, options.fail_on))
    files = len({f.file for f in findings})
    if options.lang == "nb":
        parts = f"{c['error']} feil, {c['warning']} advarsler, {c['info']} merknader"
        head = f"{options.registry}: {parts}, {c['waived']} unntatt, i {files} filer"
        verdict = (
            f"{bad} funn på nivå {options.fail_on.value} eller høyere"
            if bad
            else "ingen funn som stopper bygget"
        )
    else:
        parts = f"{c['error']} errors, {c['warning']} warnings, {c['info']} infos"
        head = f"{options.registry}: {parts}, {c['waived']} waived, in {files} files"
        verdict = (
            f"{bad} unwaived at or above {options.fail_on.value}: failing"
            if bad
            else f"nothing unwaived at or above {options.fail_on.value}: passing"
        )
    return f"{head}; {verdict}"


def _paint(text: str, code: str, on: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if on else text


# --------------------------------------------------------------------------- json


def to_json(
    findings: Sequence[Finding],
    options: ReportOptions,
    extra: dict[str, object] | None = None,
) -> str:
    """The JSON contract: {version, registry, findings: [...], summary, ...extra}."""
    payload: dict[str, object] = {
        "version": 1,
        "registry": options.registry,
        "findings": [f.as_json(options.lang) for f in findings],
        "summary": {**count(findings), "failing": len(failing(findings, options.fail_on))},
    }
    payload.update(extra or {})
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- sarif


def to_sarif(findings: Sequence[Finding], rules: Sequence[Rule], options: ReportOptions) -> str:
    """SARIF 2.1.0, as GitHub code scanning accepts it: rule metadata, help, locations."""
    descriptors = [_sarif_rule(rule) for rule in rules]
    index = {rule.id: i for i, rule in enumerate(rules)}
    for finding in findings:  # problems that made the registry unreadable
        if finding.rule not in index:
            index[finding.rule] = len(descriptors)
            descriptors.append(_sarif_input_rule(finding))
    driver = {
        "name": "holte-ropa",
        "informationUri": TOOL_URI,
        "semanticVersion": options.version,
        "rules": descriptors,
    }
    results = [_sarif_result(f, index, options) for f in findings if f.rule in index]
    log = {
        "$schema": _SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": "file:///"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def artifact_uri(path: str) -> str:
    """A file path as a URI reference (RFC 3986): ``my registry/ø.yaml`` ->
    ``my%20registry/%C3%B8.yaml``. SARIF 2.1.0 §3.4.3 requires valid URIs; spaces and
    non-ASCII letters are percent-encoded as UTF-8, and so is a colon, so that a path such
    as ``HEAD:registry/x.yaml`` cannot be read as a URI scheme."""
    return quote(path, safe="/")


def _sarif_rule(rule: Rule) -> dict[str, object]:
    references = ", ".join(rule.references)
    bad = rule.bad.replace("  # <-", "").replace(" # <-", "")
    markdown = (
        f"**{rule.summary}**\n\n{rule.rationale}\n\n**Fix:** {rule.fix}\n\n"
        f"**Legal references:** {references}\n\n"
        f"Violating example:\n\n```yaml\n{bad}```\n\nFixed:\n\n```yaml\n{rule.good}```\n"
    )
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": f"{rule.rationale} Fix: {rule.fix}", "markdown": markdown},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {
            "tags": ["privacy", "gdpr", rule.area],
            "legalReferences": list(rule.references),
            "judgement": rule.judgement,
        },
    }


def _sarif_input_rule(finding: Finding) -> dict[str, object]:
    text = f"The registry cannot be read: a {finding.rule} problem."
    return {
        "id": finding.rule,
        "name": finding.name,
        "shortDescription": {"text": text},
        "help": {"text": "Fix the file at the reported location; nothing else can be checked."},
        "defaultConfiguration": {"level": "error"},
    }


def _sarif_result(
    finding: Finding, index: dict[str, int], options: ReportOptions
) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": _SARIF_LEVEL[finding.severity],
        "message": {"text": finding.text(options.lang)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(finding.file)},
                    "region": {
                        "startLine": max(finding.line, 1),
                        "startColumn": max(finding.column, 1),
                    },
                },
                "logicalLocations": (
                    [{"name": finding.entity, "kind": "object"}] if finding.entity else []
                ),
            }
        ],
        "partialFingerprints": {
            "holteRopa/v1": f"{finding.rule}:{finding.entity or ''}:{finding.message}"
        },
    }
    if finding.waived:
        result["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": finding.waiver_reason}
        ]
    return result


# --------------------------------------------------------------------------- junit


def to_junit(findings: Sequence[Finding], rules: Sequence[Rule], options: ReportOptions) -> str:
    """One test case per rule that found nothing and per finding; failures fail the run."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    suite = ET.Element("testsuite", name="holte-ropa")
    failures = skipped = tests = 0
    known = {rule.id for rule in rules}
    groups: list[tuple[str, str, list[Finding]]] = [
        (rule.id, f"holte_ropa.{rule.area}", by_rule.get(rule.id, [])) for rule in rules
    ]
    groups += [
        (rid, "holte_ropa.input", found) for rid, found in by_rule.items() if rid not in known
    ]
    names = {rule.id: rule.name for rule in rules}
    for rule_id, classname, found in groups:
        label = f"{rule_id} {names.get(rule_id, found[0].name if found else rule_id)}"
        if not found:
            ET.SubElement(suite, "testcase", classname=classname, name=label)
            tests += 1
        for f in found:
            tests += 1
            case = ET.SubElement(
                suite,
                "testcase",
                classname=classname,
                name=f"{label} {f.file}:{f.line}:{f.column}",
                file=f.file,
                line=str(f.line),
            )
            text = f"{f.file}:{f.line}:{f.column}: {f.severity.value}: {f.text(options.lang)}"
            if f.waived:
                skipped += 1
                ET.SubElement(case, "skipped", message=f"waived: {f.waiver_reason}")
            elif f.severity.rank >= options.fail_on.rank:
                failures += 1
                node = ET.SubElement(
                    case, "failure", message=f.text(options.lang), type=f.severity.value
                )
                node.text = text
            else:
                ET.SubElement(case, "system-out").text = text
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    root = ET.Element(
        "testsuites",
        name="holte-ropa",
        tests=str(tests),
        failures=str(failures),
        errors="0",
        skipped=str(skipped),
    )
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
