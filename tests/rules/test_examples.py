"""Every rule's own examples are its tests: the bad one fails where marked, the good passes."""

from __future__ import annotations

import datetime as _dt
import re

import pytest

from holte_ropa import load_registry
from holte_ropa.rules import Rule, all_rules, check
from tests.conftest import MakeRegistry

TODAY = _dt.date(2026, 11, 25)
MARK = "# <-"


def _run(make_registry: MakeRegistry, text: str, rule: Rule) -> list[tuple[str, str, int]]:
    with_org = re.search(r"(?m)^organisation:", text) is None
    path = make_registry({"example.yaml": text}, organisation=with_org)
    findings = check(load_registry(path), today=TODAY, select=[rule.id])
    return [
        (f.rule, f.severity.value, f.line)
        for f in findings
        if f.file.endswith("example.yaml") or not with_org
    ]


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: f"{r.id}-{r.name}")
def test_the_bad_example_fails_on_the_marked_line(rule: Rule, make_registry: MakeRegistry) -> None:
    marked = [n for n, line in enumerate(rule.bad.splitlines(), start=1) if MARK in line]
    assert marked, f"{rule.id}: mark the offending line of the bad example with '{MARK}'"
    found = _run(make_registry, rule.bad, rule)
    assert found, f"{rule.id} found nothing in its bad example"
    assert {(r, line) for r, _, line in found} >= {(rule.id, line) for line in marked}
    assert all(r == rule.id for r, _, _ in found)
    assert rule.severity.value in {s for _, s, _ in found} or rule.judgement


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: f"{r.id}-{r.name}")
def test_the_good_example_passes(rule: Rule, make_registry: MakeRegistry) -> None:
    assert MARK not in rule.good
    assert _run(make_registry, rule.good, rule) == []


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: f"{r.id}-{r.name}")
def test_every_rule_has_complete_metadata(rule: Rule) -> None:
    assert rule.name == rule.name.lower() and " " not in rule.name
    assert rule.references and all(ref.strip() for ref in rule.references)
    assert rule.summary and rule.rationale and rule.fix
