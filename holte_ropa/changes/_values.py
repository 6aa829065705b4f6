"""Helpers that turn dumped values into sets and labels for the differ."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from holte_ropa.changes._canon import _canon
from holte_ropa.changes._wording import (
    Bilingual,
    country_label,
    join,
)
from holte_ropa.model._models import PartyRole, Role
from holte_ropa.model._registry import Registry

# --------------------------------------------------------------------------- helpers


def _group_field(key: str, group: str) -> str:
    return key if key == group else f"{key}.{group}"


def _bare(value: Bilingual) -> Bilingual:
    """A text to put in parentheses: no quotes, no final full stop."""
    plain = _unquoted(value)
    return Bilingual(nb=plain.nb.rstrip("."), en=plain.en.rstrip("."))


def _unquoted(value: Bilingual) -> Bilingual:
    return Bilingual(nb=value.nb.strip("«»"), en=value.en.strip("“”"))


def _as_set(value: Any) -> Any:
    if isinstance(value, list):
        return sorted(map(_canon, value))
    return value


def _recipient_set(key: str, value: Any) -> set[tuple[str, str]]:
    if isinstance(value, list):
        return {(key, pid) for pid in value}
    if isinstance(value, dict):
        return {(group, pid) for group, ids in value.items() for pid in ids}
    return set()


def _countries(locations: Any) -> Any:
    if not isinstance(locations, list):
        return locations
    return sorted({loc["country"] for loc in locations})


def _countries_label(countries: Any) -> Bilingual:
    """ "Irland, Nederland og USA" / "Ireland, the Netherlands and the United States"."""
    if not isinstance(countries, list):
        return Bilingual(nb="ikke avklart", en="not yet confirmed")
    if len(countries) < 2:
        return join([country_label(c) for c in countries])
    *rest, last = [country_label(c) for c in countries]
    most = join(rest)
    return Bilingual(nb=f"{most.nb} og {last.nb}", en=f"{most.en} and {last.en}")


def _by_country(locations: Any) -> dict[str, Any] | None:
    """Locations by country, or None when unknown or a country is listed twice."""
    if not isinstance(locations, list):
        return None
    found = {loc["country"]: loc for loc in locations}
    return found if len(found) == len(locations) else None


@dataclass(frozen=True, slots=True)
class _Customers:
    """What in one registry takes part in processing done for customers, found once.

    An activity whose role is processor, the parties its data reaches (sub-processors,
    along their chains), the categories and measures it uses, and every sub-processor the
    organisation engages directly.
    """

    ids: frozenset[tuple[str, str]]
    uses: dict[str, frozenset[str]]
    """Party id -> the processor activities whose data reaches it."""

    @classmethod
    def of(cls, registry: Registry) -> _Customers:
        ids: set[tuple[str, str]] = set()
        uses: dict[str, set[str]] = {}
        for activity in registry.activities.values():
            if activity.role != Role.PROCESSOR:
                continue
            ids.add(("activity", activity.id))
            ids.update(("data_category", c) for c in activity.data_categories)
            ids.update(("subject_category", c) for c in activity.subject_categories)
            ids.update(("security_measure", m) for m in activity.security_measures)
            for party_id, _ in registry.parties_of(activity):
                ids.add(("party", party_id))
                uses.setdefault(party_id, set()).add(activity.id)
        for party in registry.parties.values():
            if (
                party.role == PartyRole.SUB_PROCESSOR
                and party.engaged_by == registry.organisation.id
            ):
                ids.add(("party", party.id))
        return cls(frozenset(ids), {k: frozenset(v) for k, v in uses.items()})

    def serves(self, kind: str, eid: str) -> bool:
        return (kind, eid) in self.ids

    def activities(self, party_id: str) -> frozenset[str]:
        return self.uses.get(party_id, frozenset())
