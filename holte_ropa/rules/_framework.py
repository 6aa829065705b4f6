"""The rule framework: metadata in code, registration by decorator, one check per rule.

Modelled on ruff and yamllint: every rule has an id, a kebab-case name, a severity, its
exact legal references, a rationale ("why it matters"), a fix, and a violating and a
fixed YAML example. The examples are real registry files and double as the rule's tests.
Adding a rule touches one module: define the function and decorate it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from holte_ropa.report._findings import Severity
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry
    from holte_ropa.model._yaml import PathSegment

__all__ = ["Context", "Hit", "Rule", "all_rules", "get_rule", "rule"]


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


Check = Callable[["Registry", Context], Iterable[Hit]]


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

    @property
    def area(self) -> str:
        """The legal area: the module the rule lives in."""
        return self.check.__module__.rsplit(".", 1)[-1]


_RULES: dict[str, Rule] = {}


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
) -> Callable[[Check], Check]:
    """Register the decorated function as the check of a new rule."""

    def register(check: Check) -> Check:
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
        )
        return check

    return register


def _ensure_loaded() -> None:
    # Importing the rule modules registers their rules.
    from holte_ropa.rules import _catalogue  # noqa: F401


def all_rules() -> list[Rule]:
    """Every registered rule, ordered by number."""
    _ensure_loaded()
    return sorted(_RULES.values(), key=lambda r: (len(r.id), r.id))


def get_rule(key: str) -> Rule | None:
    """A rule by id (R10, r10, 10) or by name."""
    _ensure_loaded()
    wanted = key.strip()
    if wanted.isdigit():
        wanted = f"R{int(wanted):02d}"
    wanted_upper = wanted.upper()
    for candidate in _RULES.values():
        if candidate.id == wanted_upper or candidate.name == wanted.lower():
            return candidate
    return None
