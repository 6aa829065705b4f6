"""The rule framework: metadata in code, registration by decorator, one check per rule.

Modelled on ruff and yamllint: every rule has an id, a kebab-case name, a severity, its
exact legal references, a rationale ("why it matters"), a fix, and a violating and a
fixed YAML example. The examples are real registry files and double as the rule's tests.
Adding a rule touches one module: define the function and decorate it.

This module imports no rule module: :mod:`._catalogue` discovers them and lists the
rules, so the rule modules (which import the decorator from here) form no cycle.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeVar

from holte_ropa.report._findings import Finding, Severity
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._models import Waiver
    from holte_ropa.model._registry import Registry
    from holte_ropa.model._yaml import PathSegment
    from holte_ropa.report._problems import Position

__all__ = [
    "Check",
    "Context",
    "Hit",
    "Outcome",
    "Phase",
    "ReportData",
    "Rule",
    "WaiverUse",
    "registered",
    "rule",
]


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may depend on besides the registry, so results are reproducible."""

    today: _dt.date
    """The date waivers, reference data and adequacy decisions are judged on."""
    lix_threshold: float = 55.0
    """Readability score above which a notice section is "difficult"."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's raw finding before it is located and matched against waivers."""

    entity: str | None
    """The entity concerned; None for the organisation as a whole."""
    path: tuple[PathSegment, ...]
    """Field path inside the entity, e.g. ("purposes", 0, "legal_basis")."""
    message: Words
    """What is wrong and what to do, in every language."""
    severity: Severity | None = None
    """Overrides the rule's severity, e.g. a judgement rule that is sometimes an error."""
    waiver_index: int | None = None
    """Set when the hit is about a waiver itself (located at that waiver)."""
    at: Position | None = None
    """Where to report it, when that is no field of the entity (e.g. ``cookies: unknown``
    written as a section of its own); waivers still match ``entity`` and ``path``."""


Check = Callable[..., Iterable[Hit]]
"""A rule's check: ``(registry, context)`` for the registry phase, ``(registry, context,
outcome)`` for the findings phase (see :data:`Phase`)."""

ReportData = Callable[["Registry"], dict[str, object]]
"""Extra top-level entries a rule adds to the JSON report when it runs, e.g. the figures
its findings are computed from."""

Phase = Literal["registry", "findings"]
"""When a rule runs. ``registry``: on the registry alone. ``findings``: after every
registry rule, on their findings and on how each waiver matched them (rules about the
record's own bookkeeping, such as broken waivers)."""


@dataclass(frozen=True, slots=True)
class WaiverUse:
    """One waiver of the registry and what it did in this run."""

    index: int
    """Its position in the registry's waivers (findings about it are located there)."""
    waiver: Waiver
    rule: Rule | None
    """The rule it names; None when no rule has that id or name."""
    expired: bool
    """Its ``expires`` date lies before the day the checks judge on."""
    used: bool
    """A finding of its rule (and entity) was reported, waived by it or not."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a findings-phase rule receives: the registry rules' findings and waivers."""

    findings: tuple[Finding, ...]
    """Every finding of the registry-phase rules, waived ones included, unsorted."""
    waivers: tuple[WaiverUse, ...]
    """Every waiver of the registry, in registry order."""
    ran: frozenset[str]
    """The ids of the rules that run (after ``select`` and ``ignore``)."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A numbered compliance check with everything a person needs to act on it."""

    id: str
    name: str
    severity: Severity
    references: tuple[str, ...]
    summary: str
    """One line: what the rule checks."""
    rationale: str
    """Why it matters, in plain English."""
    fix: str
    """How to fix a finding."""
    bad: str
    """A registry file that violates the rule; the offending line ends with ``# <-``."""
    good: str
    """The same file, fixed."""
    check: Check = field(repr=False, compare=False)
    judgement: bool = False
    """True when the law leaves room for judgement: findings explain it."""
    phase: Phase = "registry"
    """When the rule runs; see :data:`Phase`."""
    waivable: bool = True
    """False for a rule about waivers themselves: a waiver cannot hide it."""
    gives_way: bool = False
    """True for a catch-all rule: its finding is dropped where another rule already
    reports the same file:line:column (a second line there adds noise, not information)."""
    report_data: ReportData | None = field(default=None, repr=False, compare=False)
    """Extra entries for the JSON report when the rule runs; see :data:`ReportData`."""
    blocks_publication: bool = False
    """True when a finding means the privacy notice lacks or contradicts an element GDPR
    Art. 13(1)-(2) or 14(1)-(2) requires: the site is then built as a draft, and a release
    build refuses. A waiver accepts the finding for CI; it never makes the notice
    publishable."""
    also: tuple[Severity, ...] = ()
    """Other severities some of its findings carry (a hit's own ``severity``), so that
    listings say e.g. "warning/error" instead of only the usual one."""

    @property
    def severity_label(self) -> str:
        """The rule's severity and the others its findings may carry: "warning/error"."""
        return "/".join(dict.fromkeys(s.value for s in (self.severity, *self.also)))

    @property
    def area(self) -> str:
        """The legal area: the module the rule lives in."""
        return self.check.__module__.rsplit(".", 1)[-1]


_RULES: dict[str, Rule] = {}
"""Every rule registered so far, by id; :mod:`._catalogue` makes it complete."""

_C = TypeVar("_C", bound=Check)


def rule(
    *,
    id: str,
    name: str,
    severity: Severity,
    references: tuple[str, ...],
    summary: str,
    rationale: str,
    fix: str,
    bad: str,
    good: str,
    judgement: bool = False,
    phase: Phase = "registry",
    waivable: bool = True,
    gives_way: bool = False,
    report_data: ReportData | None = None,
    blocks_publication: bool = False,
    also: tuple[Severity, ...] = (),
) -> Callable[[_C], _C]:
    """Register the decorated function as the check of a new rule.

    mutmut skips decorated functions, so a module under mutation testing keeps the body
    in an undecorated ``_check_*`` function that the decorated one returns the result of.

    Raises ValueError when the id or the name is registered twice.
    """

    def register(check: _C) -> _C:
        if id in _RULES:
            raise ValueError(f"rule id {id} registered twice")
        if any(r.name == name for r in _RULES.values()):
            raise ValueError(f"rule name {name} registered twice")
        _RULES[id] = Rule(
            id=id,
            name=name,
            severity=severity,
            references=references,
            summary=summary,
            rationale=rationale,
            fix=fix,
            bad=bad,
            good=good,
            check=check,
            judgement=judgement,
            phase=phase,
            waivable=waivable,
            gives_way=gives_way,
            report_data=report_data,
            blocks_publication=blocks_publication,
            also=also,
        )
        return check

    return register


def registered() -> dict[str, Rule]:
    """The rules registered so far, by id (the catalogue imports every rule module)."""
    return _RULES
