"""Running the rules: choose them, locate their hits, apply waivers, run the findings phase.

The engine knows no rule by id: what a rule needs beyond the registry is metadata on the
rule itself (its :data:`~holte_ropa.rules._framework.Phase`, ``waivable``, ``gives_way``,
``report_data``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from holte_ropa._reproducible import source_date_epoch
from holte_ropa.model._models import Waiver
from holte_ropa.model._registry import Registry
from holte_ropa.report._findings import Finding
from holte_ropa.rules._catalogue import all_rules, get_rule
from holte_ropa.rules._framework import Context, Hit, Outcome, Rule, WaiverUse

__all__ = ["UnknownRuleError", "check", "default_today", "report_data", "select_rules"]


class UnknownRuleError(KeyError):
    """``select`` or ``ignore`` names rules that do not exist; ``keys`` lists them."""

    def __init__(self, keys: Sequence[str]) -> None:
        super().__init__(*keys)
        self.keys = tuple(keys)

    def __str__(self) -> str:
        return f"unknown rule {', '.join(self.keys)}; see `holte-ropa rules`"


def default_today() -> _dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH so that builds are reproducible."""
    pinned = source_date_epoch()
    return pinned.date() if pinned is not None else _dt.date.today()


@dataclass(slots=True)
class _WaiverState:
    index: int
    waiver: Waiver
    rule: Rule | None
    expired: bool
    used: bool = False


def select_rules(select: Collection[str] | None = None, ignore: Collection[str] = ()) -> list[Rule]:
    """The rules a run uses, by number: ``select`` (all when empty) minus ``ignore``.

    Both take rule ids or names (``R10``, ``10``, ``purpose-without-legal-basis``).
    Raises :class:`UnknownRuleError` naming every key that is no rule.
    """
    unknown = [key for key in (*(select or ()), *ignore) if get_rule(key) is None]
    if unknown:
        raise UnknownRuleError(unknown)
    wanted = {_rule_id(key) for key in select or ()}
    dropped = {_rule_id(key) for key in ignore}
    return [r for r in all_rules() if (not wanted or r.id in wanted) and r.id not in dropped]


def _rule_id(key: str) -> str:
    found = get_rule(key)
    assert found is not None  # select_rules checked every key
    return found.id


def check(
    registry: Registry,
    *,
    today: _dt.date | None = None,
    select: Collection[str] | None = None,
    ignore: Collection[str] = (),
    lix_threshold: float = 55.0,
) -> list[Finding]:
    """Every finding of every (selected) rule, waived ones included and marked.

    ``select`` and ``ignore`` take rule ids or names (see :func:`select_rules`, whose
    :class:`UnknownRuleError` this raises). Registry-phase rules run first, then the
    findings-phase rules on their outcome. Findings are sorted by file, line, column and
    rule, so the output is the same for the same registry and day.

    ``today`` is the day the dated rules judge on (waiver expiry, adequacy decisions in
    force, reference data age; default: ``SOURCE_DATE_EPOCH`` or the local date).
    ``lix_threshold`` is the LIX score (words per sentence plus the percentage of words
    longer than six letters) above which R48 reports a notice section; 55 is "hard" on
    Björnsson's scale. Each finding cites its legal source through its rule
    (:func:`all_rules`).
    """
    context = Context(today=today or default_today(), lix_threshold=lix_threshold)
    chosen = select_rules(select, ignore)
    waivers = [
        _WaiverState(i, w, get_rule(w.rule), w.expires < context.today)
        for i, w in enumerate(registry.waivers)
    ]
    findings: list[Finding] = []
    for rule in chosen:
        if rule.phase == "registry":
            for hit in rule.check(registry, context):
                findings.append(_finding(registry, rule, hit, waivers))
    ran = frozenset(r.id for r in chosen)
    for rule in chosen:
        if rule.phase == "findings":
            outcome = Outcome(
                findings=tuple(findings),
                waivers=tuple(
                    WaiverUse(s.index, s.waiver, s.rule, s.expired, s.used) for s in waivers
                ),
                ran=ran,
            )
            for hit in rule.check(registry, context, outcome):
                findings.append(_finding(registry, rule, hit, waivers))
    return sorted(_without_redundant(findings, chosen), key=lambda f: f.sort_key)


def report_data(registry: Registry, rules: Sequence[Rule]) -> dict[str, object] | None:
    """The extra JSON report entries of the rules that ran, in rule order; None if none."""
    extra: dict[str, object] = {}
    for rule in rules:
        if rule.report_data is not None:
            extra.update(rule.report_data(registry))
    return extra or None


def _without_redundant(findings: list[Finding], rules: Sequence[Rule]) -> list[Finding]:
    """Drop a finding of a rule that gives way where another rule reports the same place.

    The unknown-fact rule lists every unknown so none is forgotten; when, say, the
    processor rule already says the DPA reference is unknown at the same place, a second
    line adds noise, not information.
    """
    yielding = {r.id for r in rules if r.gives_way}
    if not yielding:
        return findings
    taken = {(f.file, f.line, f.column) for f in findings if f.rule not in yielding}
    return [
        f for f in findings if f.rule not in yielding or (f.file, f.line, f.column) not in taken
    ]


def _waives(waiver: Waiver, hit: Hit, organisation: str) -> bool:
    """Whether ``waiver`` (already known to name the hit's rule) covers ``hit``.

    The organisation's own id names a finding about the organisation (``hit.entity`` is
    None); ``field`` matches the hit's path or a path inside it.
    """
    if waiver.entity is not None and waiver.entity != (hit.entity or organisation):
        return False
    if waiver.field is None:
        return True
    path = ".".join(str(segment) for segment in hit.path)
    return path == waiver.field or path.startswith(waiver.field + ".")


def _finding(registry: Registry, rule: Rule, hit: Hit, waivers: list[_WaiverState]) -> Finding:
    if hit.at is not None:
        position = hit.at
    elif hit.waiver_index is not None:
        position = registry.locate_waiver(hit.waiver_index, *hit.path)
    elif hit.entity is None:
        position = registry.locate(registry.organisation.id, *hit.path)
    else:
        position = registry.locate(hit.entity, *hit.path)
    waived_by = None
    if rule.waivable:
        for state in waivers:
            if state.rule is rule and _waives(state.waiver, hit, registry.organisation.id):
                state.used = True
                if not state.expired and state.waiver.reason.strip():
                    waived_by = state.waiver
                    break
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=hit.severity or rule.severity,
        words=hit.message,
        file=position.file,
        line=position.line,
        column=position.column,
        entity=hit.entity,
        waived=waived_by is not None,
        waiver_reason=waived_by.reason if waived_by else None,
    )
