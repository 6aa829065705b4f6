"""Documents with a review date: what falls due, for rule R59 and ``holte-ropa due``.

Accountability is not a one-off: a balancing test, a DPIA (Art. 35(11)), a transfer impact
assessment and a data processing agreement are reviewed when the processing or the law
changes (Art. 5(2), 24(1)); holte-ropa's own reference data has a review date, and a
waiver an expiry. Each carries its date in the record; this module lists them, located,
in one order, so the rule and the command agree on what is due.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from holte_ropa.model._models import (
    LegitimateInterest,
    StandardContractualClauses,
    Unknown,
    is_unknown,
)
from holte_ropa.report._problems import Position
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry
    from holte_ropa.model._yaml import PathSegment

__all__ = [
    "REFERENCE_TOPICS",
    "Review",
    "ReviewKind",
    "due_reviews",
    "reference_review_by",
    "reviews",
    "year_after",
]

ReviewKind = Literal["balancing_test", "dpia", "tia", "dpa", "reference_data", "waiver"]


@dataclass(frozen=True, slots=True)
class Review:
    """One dated document of the record and when it must be looked at again."""

    kind: ReviewKind
    entity: str | None
    """The activity, party or waiver it belongs to; None for holte-ropa's reference data."""
    path: tuple[PathSegment, ...]
    """The field of the date inside the entity, e.g. ("dpa", "review_by")."""
    review_by: _dt.date | Unknown
    what: Words
    """The document, e.g. "the data processing agreement with 'zapier'"."""
    where: Position

    def days_left(self, today: _dt.date) -> int | None:
        """Days until the date (negative once past); None while the date is unknown."""
        return None if is_unknown(self.review_by) else (self.review_by - today).days


def year_after(day: _dt.date) -> _dt.date:
    """The same day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _activity_reviews(registry: Registry) -> list[Review]:
    found: list[Review] = []
    for activity in registry.activities.values():
        a = activity.id
        for index, purpose in enumerate(activity.purposes):
            basis = purpose.legal_basis
            if not isinstance(basis, LegitimateInterest) or basis.balancing_test is None:
                continue
            test = basis.balancing_test
            if is_unknown(test) or test.review_by is None:
                continue
            path: tuple[PathSegment, ...] = (
                "purposes",
                index,
                "legal_basis",
                "balancing_test",
                "review_by",
            )
            found.append(
                Review(
                    "balancing_test",
                    a,
                    path,
                    test.review_by,
                    Words(
                        en=f"the balancing test for '{purpose.id}' in '{a}'",
                        nb=f"interesseavveiingen for '{purpose.id}' i '{a}'",
                    ),
                    registry.locate(a, *path),
                )
            )
        if activity.dpia is not None and activity.dpia.review_by is not None:
            found.append(
                Review(
                    "dpia",
                    a,
                    ("dpia", "review_by"),
                    activity.dpia.review_by,
                    Words(
                        en=f"the DPIA of '{a}'",
                        nb=f"vurderingen av personvernkonsekvenser for '{a}'",
                    ),
                    registry.locate(a, "dpia", "review_by"),
                )
            )
    return found


def _party_reviews(registry: Registry) -> list[Review]:
    found: list[Review] = []
    for party in registry.parties.values():
        p = party.id
        if party.dpa is not None and party.dpa.review_by is not None:
            found.append(
                Review(
                    "dpa",
                    p,
                    ("dpa", "review_by"),
                    party.dpa.review_by,
                    Words(
                        en=f"the data processing agreement with '{p}'",
                        nb=f"databehandleravtalen med '{p}'",
                    ),
                    registry.locate(p, "dpa", "review_by"),
                )
            )
        if is_unknown(party.locations):
            continue
        for index, location in enumerate(party.locations):
            mechanism = location.mechanism
            if not isinstance(mechanism, StandardContractualClauses):
                continue
            if mechanism.tia_review_by is None:
                continue
            path: tuple[PathSegment, ...] = ("locations", index, "mechanism", "tia_review_by")
            c = location.country
            found.append(
                Review(
                    "tia",
                    p,
                    path,
                    mechanism.tia_review_by,
                    Words(
                        en=f"the transfer impact assessment for '{p}' in {c}",
                        nb=f"vurderingen av overføringen til '{p}' i {c}",
                    ),
                    registry.locate(p, *path),
                )
            )
    return found


REFERENCE_TOPICS = {
    "eea.yaml": ("the list of EEA members", "listen over EØS-landene"),
    "adequacy.yaml": ("the adequacy decisions", "beslutningene om tilstrekkelig beskyttelsesnivå"),
    "dpia_list.yaml": ("Datatilsynet's DPIA list", "Datatilsynets DPIA-liste"),
}


def reference_review_by(registry: Registry, name: str) -> _dt.date:
    """When a reference file is due: its own date, or a year after the organisation's
    ``reference_checked`` when that is later than the file's ``as_of``."""
    file = next(f for f in registry.reference.files if f.name == name)
    checked = registry.organisation.reference_checked
    if checked is not None and checked > file.as_of:
        return max(file.review_by, year_after(checked))
    return file.review_by


def _other_reviews(registry: Registry) -> list[Review]:
    found: list[Review] = []
    checked = registry.organisation.reference_checked
    for file in registry.reference.files:
        en, nb = REFERENCE_TOPICS[file.name]
        day = (max(file.as_of, checked) if checked else file.as_of).isoformat()
        found.append(
            Review(
                "reference_data",
                None,
                (),
                reference_review_by(registry, file.name),
                Words(
                    en=f"holte-ropa's copy of {en}, last checked on {day} (check the source: "
                    f"{file.source})",
                    nb=f"holte-ropas kopi av {nb}, sist kontrollert {day} (kontroller kilden: "
                    f"{file.source})",
                ),
                Position(f"holte_ropa/model/reference/{file.name}"),
            )
        )
    for index, waiver in enumerate(registry.waivers):
        on = f" on '{waiver.entity}'" if waiver.entity else ""
        on_nb = f" for '{waiver.entity}'" if waiver.entity else ""
        found.append(
            Review(
                "waiver",
                f"waiver:{index}",
                ("expires",),
                waiver.expires,
                Words(
                    en=f"the waiver of {waiver.rule}{on} (it expires)",
                    nb=f"unntaket fra {waiver.rule}{on_nb} (det utløper)",
                ),
                registry.locate_waiver(index, "expires"),
            )
        )
    return found


def reviews(registry: Registry) -> tuple[Review, ...]:
    """Every dated document of the registry, by date (unknown dates last), then place."""
    found = [*_activity_reviews(registry), *_party_reviews(registry), *_other_reviews(registry)]
    return tuple(
        sorted(
            found,
            key=lambda r: (
                is_unknown(r.review_by),
                _dt.date.max if is_unknown(r.review_by) else r.review_by,
                r.where.file,
                r.where.line,
                r.where.column,
            ),
        )
    )


def due_reviews(registry: Registry, until: _dt.date) -> tuple[Review, ...]:
    """What must be reviewed by ``until``: past dates included, and every date still
    ``unknown`` (nobody has said when, so it is due now)."""
    return tuple(r for r in reviews(registry) if is_unknown(r.review_by) or r.review_by <= until)
