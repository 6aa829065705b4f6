"""Running the rules: locate hits, apply waivers, and report the waivers themselves."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Collection
from dataclasses import dataclass

from holte_ropa.model._models import Waiver
from holte_ropa.model._registry import Registry
from holte_ropa.report._findings import Finding, Severity
from holte_ropa.rules._framework import Context, Hit, Rule, all_rules, get_rule
from holte_ropa.terms import Words

__all__ = ["WAIVER_RULE", "check", "default_today"]

WAIVER_RULE = "R45"
"""The rule that reports broken or expired waivers; it cannot itself be waived."""
UNKNOWN_RULE = "R46"
"""The rule that lists every fact recorded as unknown."""


def default_today() -> _dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC).date()
    return _dt.date.today()


@dataclass(slots=True)
class _WaiverState:
    index: int
    waiver: Waiver
    rule: Rule | None
    expired: bool
    used: bool = False


def check(
    registry: Registry,
    *,
    today: _dt.date | None = None,
    select: Collection[str] | None = None,
    ignore: Collection[str] = (),
    lix_threshold: float = 55.0,
) -> list[Finding]:
    """Every finding of every (selected) rule, waived ones included and marked.

    ``select`` and ``ignore`` take rule ids or names. Findings are sorted by file, line,
    column and rule, so the output is the same for the same registry and day.
    """
    context = Context(today=today or default_today(), lix_threshold=lix_threshold)
    chosen = _choose(select, ignore)
    waivers = [
        _WaiverState(i, w, get_rule(w.rule), w.expires < context.today)
        for i, w in enumerate(registry.waivers)
    ]
    findings: list[Finding] = []
    for rule in chosen:
        for hit in rule.check(registry, context):
            findings.append(_finding(registry, rule, hit, waivers))
    if any(r.id == WAIVER_RULE for r in chosen):
        waiver_rule = get_rule(WAIVER_RULE)
        assert waiver_rule is not None
        for hit in _waiver_hits(waivers, {r.id for r in chosen}):
            findings.append(_finding(registry, waiver_rule, hit, []))
    return sorted(_without_repeated_unknowns(findings), key=lambda f: f.sort_key)


def _without_repeated_unknowns(findings: list[Finding]) -> list[Finding]:
    """Drop an unknown-fact finding where a more specific rule already reports that field.

    R46 lists every unknown so none is forgotten; when, say, R21 already says the DPA
    reference is unknown at the same place, a second line adds noise, not information.
    """
    taken = {(f.file, f.line, f.column) for f in findings if f.rule != UNKNOWN_RULE}
    return [
        f for f in findings if f.rule != UNKNOWN_RULE or (f.file, f.line, f.column) not in taken
    ]


def _choose(select: Collection[str] | None, ignore: Collection[str]) -> list[Rule]:
    rules = all_rules()
    if select:
        wanted = {_rule_id(s) for s in select}
        rules = [r for r in rules if r.id in wanted]
    dropped = {_rule_id(s) for s in ignore}
    return [r for r in rules if r.id not in dropped]


def _rule_id(key: str) -> str:
    found = get_rule(key)
    if found is None:
        raise KeyError(key)
    return found.id


def _finding(registry: Registry, rule: Rule, hit: Hit, waivers: list[_WaiverState]) -> Finding:
    if hit.waiver_index is not None:
        position = registry.locate_waiver(hit.waiver_index, *hit.path)
    elif hit.entity is None:
        position = registry.locate(registry.organisation.id, *hit.path)
    else:
        position = registry.locate(hit.entity, *hit.path)
    waived_by = None
    if rule.id != WAIVER_RULE:
        for state in waivers:
            if state.rule is rule and state.waiver.entity in (None, hit.entity):
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


def _waiver_hits(waivers: list[_WaiverState], ran: set[str]) -> list[Hit]:
    hits: list[Hit] = []
    for state in waivers:
        w = state.waiver
        if state.rule is None:
            hits.append(
                Hit(
                    None,
                    ("rule",),
                    Words(
                        en=f"the waiver names rule '{w.rule}', which does not exist; use an id "
                        "from `holte-ropa rules`",
                        nb=f"unntaket viser til regel '{w.rule}', som ikke finnes; bruk en id fra "
                        "`holte-ropa rules`",
                    ),
                    waiver_index=state.index,
                )
            )
        elif not w.reason.strip():
            hits.append(
                Hit(
                    None,
                    ("reason",),
                    Words(
                        en="the waiver gives no reason; say why the finding is accepted",
                        nb="unntaket mangler begrunnelse; skriv hvorfor funnet godtas",
                    ),
                    waiver_index=state.index,
                )
            )
        elif state.expired:
            hits.append(
                Hit(
                    None,
                    ("expires",),
                    Words(
                        en=f"the waiver of {state.rule.id} expired on {w.expires.isoformat()}; its "
                        "findings are back: fix them or renew the waiver with a new approval",
                        nb=f"unntaket for {state.rule.id} utløp {w.expires.isoformat()}; funnene "
                        "gjelder igjen: rett dem eller forny unntaket med ny godkjenning",
                    ),
                    waiver_index=state.index,
                )
            )
        elif not state.used and state.rule.id in ran:
            hits.append(
                Hit(
                    None,
                    ("rule",),
                    Words(
                        en=f"the waiver of {state.rule.id} matches no finding; remove it",
                        nb=f"unntaket for {state.rule.id} treffer ingen funn; fjern det",
                    ),
                    severity=Severity.INFO,
                    waiver_index=state.index,
                )
            )
    return hits
