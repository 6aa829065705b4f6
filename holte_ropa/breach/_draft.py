"""The breach draft as data: what the record can say for Art. 33(3) and Art. 34.

``breach_draft()`` gathers everything the notification and the communication need from
the registry, as ids and recorded facts, never as sentences; renderers turn it into
Markdown or JSON in a language. What the record cannot say stays empty (None) so that
renderers mark it for the privacy officer to fill.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

from holte_ropa.breach._consequences import Consequence, RiskFactors, consequences, risk_factors
from holte_ropa.breach._deadline import Deadline, deadline
from holte_ropa.breach._scope import Scope, scope
from holte_ropa.graph._graph import DataFlowGraph
from holte_ropa.model._models import Role, Text
from holte_ropa.model._registry import Registry
from holte_ropa.model._unknown import Unknown, is_unknown, known

__all__ = ["AffectedActivity", "BreachDraft", "ControllerToNotify", "breach_draft"]


@dataclass(frozen=True, slots=True)
class AffectedActivity:
    """One activity whose data the breach concerns."""

    id: str
    role: Role
    subject_categories: tuple[str, ...]
    data_categories: tuple[str, ...]
    """Limited to the breached data category when one was named."""
    subjects: int | None
    """Approximate number of data subjects; None when not recorded or unknown."""
    records: int | None
    """Approximate number of records; None when not recorded or unknown."""
    security_measures: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ControllerToNotify:
    """For an activity done as a processor: whom to tell, under which agreement (Art. 33(2))."""

    activity: str
    controllers: Text
    agreement: Text


@dataclass(frozen=True, slots=True)
class BreachDraft:
    """Everything the record says for a breach notification (GDPR Art. 33 and 34)."""

    scope: Scope
    deadline: Deadline
    role: str
    """``controller``, ``processor`` or ``controller_and_processor``."""
    activities: tuple[AffectedActivity, ...]
    controllers_to_notify: tuple[ControllerToNotify, ...]
    risk: RiskFactors
    consequences: tuple[Consequence, ...]
    security_measures: tuple[str, ...]
    """Ids of the recorded Art. 32 measures of the concerned activities."""
    dpo_known: bool
    """False when the record says the DPO question is ``unknown``."""
    deadline_passed: bool = False
    """The 72 hours had run out when the draft was made: it must give the reasons for
    the delay (Art. 33(1))."""

    @property
    def notify_authority(self) -> bool:
        """True when an activity is the organisation's own (controller or joint): Art. 33(1)."""
        return any(a.role is not Role.PROCESSOR for a in self.activities)

    @property
    def subjects_total(self) -> int | None:
        """The sum of the activities' estimates, if every one is known; people in several
        activities count more than once, so it is an upper bound."""
        return _total([a.subjects for a in self.activities])

    @property
    def records_total(self) -> int | None:
        """The sum of the activities' record estimates, if every one is known."""
        return _total([a.records for a in self.activities])


def breach_draft(
    registry: Registry,
    targets: Sequence[str],
    discovered: _dt.datetime,
    graph: DataFlowGraph | None = None,
    *,
    now: _dt.datetime | None = None,
) -> BreachDraft:
    """The draft for a breach of ``targets`` the organisation became aware of at ``discovered``.

    ``targets`` are ids of parties, activities, security measures or data categories.
    Raises :class:`~holte_ropa.breach.UnknownTargetError` for an id that names none of
    them, and :class:`~holte_ropa.breach.NaiveDatetimeError` when ``discovered`` has no
    UTC offset. ``now`` (aware) tells whether the 72 hours have already run out; without
    it the draft does not judge, so the same arguments give the same draft.
    """
    due = deadline(discovered, registry.organisation.time_zone)
    concerned = scope(registry, targets, graph)
    wanted = set(concerned.data_categories)
    affected: list[AffectedActivity] = []
    notify: list[ControllerToNotify] = []
    for activity_id in concerned.activities:
        activity = registry.activities[activity_id]
        volume = activity.volume
        affected.append(
            AffectedActivity(
                id=activity.id,
                role=activity.role,
                subject_categories=activity.subject_categories,
                data_categories=tuple(d for d in activity.data_categories if d in wanted),
                subjects=_count(volume.subjects) if volume else None,
                records=_count(volume.records) if volume else None,
                security_measures=activity.security_measures,
            )
        )
        if activity.role is Role.PROCESSOR and activity.processor is not None:
            details = activity.processor
            notify.append(ControllerToNotify(activity.id, details.controllers, details.agreement))
    roles = {a.role is Role.PROCESSOR for a in affected}
    role = (
        "controller_and_processor"
        if len(roles) == 2
        else "processor"
        if roles == {True}
        else "controller"
    )
    measures = tuple(dict.fromkeys(m for a in affected for m in a.security_measures))
    subjects = concerned.subject_categories
    return BreachDraft(
        scope=concerned,
        deadline=due,
        role=role,
        activities=tuple(affected),
        controllers_to_notify=tuple(notify),
        risk=risk_factors(registry, concerned.data_categories, subjects),
        consequences=consequences(registry, concerned.data_categories, subjects),
        security_measures=measures,
        dpo_known=not is_unknown(registry.organisation.dpo),
        deadline_passed=now is not None and now > due.due,
    )


def _count(value: int | Unknown) -> int | None:
    return known(value)


def _total(values: list[int | None]) -> int | None:
    if not values or any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)
