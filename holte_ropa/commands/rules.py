"""``holte-ropa rules``: what each rule checks, why it matters and how to fix it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from holte_ropa.commands._common import EXIT_CLEAN, EXIT_UNUSABLE

if TYPE_CHECKING:
    from holte_ropa.rules import Rule


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "rule", nargs="?", metavar="ID", help="explain one rule (id like R10, number, or name)"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default) or json",
    )


def run(args: argparse.Namespace) -> int:
    from holte_ropa.rules import all_rules, get_rule

    if args.rule is None:
        rules = all_rules()
    else:
        found = get_rule(args.rule)
        if found is None:
            print(
                f"holte-ropa rules: no rule '{args.rule}'; run `holte-ropa rules` for the list",
                file=sys.stderr,
            )
            return EXIT_UNUSABLE
        rules = [found]
    if args.format == "json":
        sys.stdout.write(
            json.dumps([_as_json(r) for r in rules], ensure_ascii=False, indent=2) + "\n"
        )
    elif args.rule is None:
        width = max(len(r.name) for r in rules)
        levels = max(len(r.severity_label) for r in rules)
        for r in rules:
            print(f"{r.id}  {r.severity_label:<{levels}}  {r.name:<{width}}  {r.summary}")
    else:
        print(_explain(rules[0]))
    return EXIT_CLEAN


def _as_json(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.id,
        "name": rule.name,
        "severity": rule.severity.value,
        "severities": [rule.severity.value, *(s.value for s in rule.also)],
        "area": rule.area,
        "references": list(rule.references),
        "summary": rule.summary,
        "rationale": rule.rationale,
        "fix": rule.fix,
        "judgement": rule.judgement,
        "bad": rule.bad,
        "good": rule.good,
    }


def _explain(rule: Rule) -> str:
    judgement = " (judgement: findings explain the call)" if rule.judgement else ""
    return (
        f"{rule.id} {rule.name} [{rule.severity_label}]{judgement}\n"
        f"{rule.summary}\n\n"
        f"Legal references: {', '.join(rule.references)}\n\n"
        f"Why it matters:\n  {rule.rationale}\n\n"
        f"How to fix:\n  {rule.fix}\n\n"
        f"Violating example:\n{_indent(rule.bad)}\n"
        f"Fixed:\n{_indent(rule.good)}"
    )


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.splitlines())
