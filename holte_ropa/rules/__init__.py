"""Compliance rules for a record of processing activities, one module per legal area.

``check(registry)`` runs them all; ``all_rules()`` lists their metadata for reporters,
the command line and the docs site; ``select_rules(select, ignore)`` is the one place
``--select``/``--ignore`` are resolved; ``report_data(registry, rules)`` gathers what the
rules that ran add to the JSON report; ``due_reviews(registry, until)`` lists the dated
documents (balancing tests, DPIAs, TIAs, agreements, reference data, waivers) falling due.

Imports go one way: rule modules -> ``_framework`` (the decorator); ``_catalogue``
discovers the rule modules; ``_engine`` runs what ``_catalogue`` lists.
"""

from __future__ import annotations

from holte_ropa.report._findings import Finding, Severity
from holte_ropa.rules._catalogue import all_rules, get_rule
from holte_ropa.rules._engine import (
    UnknownRuleError,
    check,
    default_today,
    report_data,
    select_rules,
)
from holte_ropa.rules._framework import Context, Hit, Outcome, Rule, WaiverUse, rule
from holte_ropa.rules._publication import (
    blocker_lines,
    blocking_rule_ids,
    publication_blockers,
)
from holte_ropa.rules._reviews import Review, due_reviews, reviews

__all__ = [
    "Context",
    "Finding",
    "Hit",
    "Outcome",
    "Review",
    "Rule",
    "Severity",
    "UnknownRuleError",
    "WaiverUse",
    "all_rules",
    "blocker_lines",
    "blocking_rule_ids",
    "check",
    "default_today",
    "due_reviews",
    "get_rule",
    "publication_blockers",
    "report_data",
    "reviews",
    "rule",
    "select_rules",
]
