"""Compliance rules for a record of processing activities, one module per legal area.

``check(registry)`` runs them all; ``all_rules()`` lists their metadata for reporters,
the command line and the docs site.
"""

from __future__ import annotations

from holte_ropa.report._findings import Finding, Severity
from holte_ropa.rules._engine import check, default_today
from holte_ropa.rules._framework import Context, Hit, Rule, all_rules, get_rule, rule

__all__ = [
    "Context",
    "Finding",
    "Hit",
    "Rule",
    "Severity",
    "all_rules",
    "check",
    "default_today",
    "get_rule",
    "rule",
]
