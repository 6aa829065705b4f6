"""What a breach touches, according to the record: activities, people, data, countries.

A breached party is answered by the graph's :meth:`~holte_ropa.graph.DataFlowGraph.impact`
(the party, its sub-processors at any depth, the activities whose data reaches them). An
activity, a security measure or a data category is answered from the activities it
belongs to; a data category limits the data concerned to itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from holte_ropa.graph._graph import DataFlowGraph
from holte_ropa.model._models import Activity
from holte_ropa.model._registry import Registry
from holte_ropa.model._unknown import is_unknown

__all__ = ["TARGET_KINDS", "Scope", "UnknownTargetError", "scope"]

TARGET_KINDS = ("party", "activity", "security_measure", "data_category")
"""What ``holte-ropa breach TARGET`` accepts."""


class UnknownTargetError(KeyError):
    """A target id that names nothing a breach can concern."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True, slots=True)
class Scope:
    """Ids of everything the record says a breach concerns, in the order first met."""

    targets: tuple[tuple[str, str], ...]
    """(kind, id) of each breached target, as given."""
    activities: tuple[str, ...]
    subject_categories: tuple[str, ...]
    data_categories: tuple[str, ...]
    parties: tuple[str, ...]
    """The breached parties and every sub-processor below them."""
    countries: tuple[str, ...]
    """ISO 3166 codes where the concerned data is processed or accessible."""
    transfer_countries: tuple[str, ...]
    """Those of the countries outside the EEA."""
    locations_unknown: tuple[str, ...] = ()
    """Ids of the concerned parties whose countries the record holds as ``unknown``: the
    countries above may be incomplete until someone fills them in."""
    parent_countries: tuple[tuple[str, str], ...] = ()
    """(party, country) for each concerned party whose parent company is recorded in a
    country outside the EEA: the data may be accessible from there (e.g. to its
    authorities), wherever it is stored."""


def scope(registry: Registry, targets: Sequence[str], graph: DataFlowGraph | None = None) -> Scope:
    """The union of what each target concerns; raises UnknownTargetError for a bad id."""
    if not targets:
        raise UnknownTargetError(
            "name at least one party, activity, security measure or data category"
        )
    graph = graph or DataFlowGraph(registry)
    kinds: list[tuple[str, str]] = []
    activities: list[Activity] = []
    subjects: list[Iterable[str]] = []
    data: list[Iterable[str]] = []
    parties: list[str] = []
    countries: list[str] = []
    concerned: list[str] = []  # the parties whose countries are listed
    for target in dict.fromkeys(_resolve(registry, t) for t in targets):
        kind = registry.kind_of(target)
        assert kind is not None
        kinds.append((kind, target))
        if kind == "party":
            impact = graph.impact(target)
            found = [registry.activities[a] for a in impact.activities]
            parties += [target, *impact.sub_processors]
            concerned += [target, *impact.sub_processors]
            countries += impact.countries
            subjects.append(impact.subject_categories)
            data.append(impact.data_categories)
        else:
            found = _activities_for(registry, kind, target)
            for activity in found:
                for party, _ in registry.parties_of(activity):
                    countries += _countries_of(registry, party)
                    concerned.append(party)
            subjects += [a.subject_categories for a in found]
            if kind == "data_category":
                data.append((target,) if found else ())
            else:
                data += [a.data_categories for a in found]
        activities += found
    unique_countries = tuple(dict.fromkeys(countries))
    return Scope(
        targets=tuple(kinds),
        activities=tuple(dict.fromkeys(a.id for a in activities)),
        subject_categories=_union(subjects),
        data_categories=_union(data),
        parties=tuple(dict.fromkeys(parties)),
        countries=unique_countries,
        transfer_countries=tuple(c for c in unique_countries if not registry.reference.is_eea(c)),
        locations_unknown=tuple(
            dict.fromkeys(p for p in concerned if is_unknown(registry.parties[p].locations))
        ),
        parent_countries=tuple(
            (p, str(parent))
            for p in dict.fromkeys(concerned)
            if (parent := registry.parties[p].parent_country) is not None
            and not registry.reference.is_eea(parent)
        ),
    )


def _activities_for(registry: Registry, kind: str, target: str) -> list[Activity]:
    if kind == "activity":
        return [registry.activities[target]]
    if kind == "security_measure":
        return [a for a in registry.activities.values() if target in a.security_measures]
    return [a for a in registry.activities.values() if target in a.data_categories]


def _countries_of(registry: Registry, party_id: str) -> list[str]:
    locations = registry.parties[party_id].locations
    return [] if is_unknown(locations) else [loc.country for loc in locations]


def _union(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """Every item once, in the order first met (a single party: as ``impact()`` lists)."""
    return tuple(dict.fromkeys(item for group in groups for item in group))


def _names(registry: Registry) -> dict[str, set[str]]:
    """Every target's id by its folded id and names (a party's trade and legal names, the
    bokmål and English name of an activity, a measure or a data category)."""
    found: dict[str, set[str]] = {}

    def add(name: object, ident: str) -> None:
        if isinstance(name, str) and name:
            found.setdefault(" ".join(name.casefold().split()), set()).add(ident)

    for party in registry.parties.values():
        add(party.id, party.id)
        add(party.trade_name, party.id)
        add(party.legal_name, party.id)
    for table in (registry.activities, registry.security_measures, registry.data_categories):
        for item in table.values():
            add(item.id, item.id)
            add(item.name.nb, item.id)
            add(item.name.en, item.id)
    return found


def _resolve(registry: Registry, target: str) -> str:
    """The id ``target`` is, or names case-insensitively; else UnknownTargetError with the
    nearest ids and names."""
    kind = registry.kind_of(target)
    if kind in TARGET_KINDS:
        return target
    if kind is not None:
        raise UnknownTargetError(_not_a_target(registry, target, kind))
    names = _names(registry)
    folded = " ".join(target.casefold().split())
    ids = names.get(folded, set())
    if len(ids) == 1:
        return ids.pop()
    if len(ids) > 1:
        raise UnknownTargetError(
            f"'{target}' names more than one thing: {', '.join(sorted(ids))}; give the id"
        )
    import difflib

    near = difflib.get_close_matches(folded, list(names), n=3, cutoff=0.6)
    hint = sorted({i for n in near for i in names[n]})
    suggestion = f" (did you mean {' or '.join(repr(h) for h in hint)}?)" if hint else ""
    raise UnknownTargetError(
        f"'{target}' is not an id or name in the registry{suggestion}; name a party, an "
        "activity, a security measure or a data category"
    )


def _not_a_target(registry: Registry, target: str, kind: str | None) -> str:
    if kind is None:
        return (
            f"'{target}' is not an id in the registry; name a party, an activity, a "
            "security measure or a data category"
        )
    return (
        f"'{target}' is {kind.replace('_', ' ')}, not something a breach can concern; name "
        "a party, an activity, a security measure or a data category"
    )
