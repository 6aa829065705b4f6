"""The Registry: one organisation's record, indexed, resolved and located.

Everything downstream (rules, graphs, records, the notice) receives a Registry and never
parses YAML again. It answers three kinds of question: what is there (entities by id),
where it was written (file:line:column of any entity or field), and what follows from it
(sub-processor chains and third-country transfers computed from party countries).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

from pydantic import BaseModel

from holte_ropa.model._models import (
    UNKNOWN,
    Activity,
    Breach,
    Cookie,
    DataCategory,
    Organisation,
    Party,
    PartyLocation,
    Recipients,
    RegistryData,
    RegistryFile,
    SecurityMeasure,
    SubjectCategory,
    TransferMechanism,
    Unknown,
    Waiver,
    is_unknown,
)
from holte_ropa.model._positions import Spot, locate
from holte_ropa.model._reference import AdequacyDecision, ReferenceData, reference_data
from holte_ropa.model._yaml import PathSegment
from holte_ropa.report._problems import Position, Problem, RegistryError

__all__ = ["EntityKind", "Registry", "SourceFile", "Transfer"]

EntityKind = Literal[
    "organisation",
    "activity",
    "party",
    "data_category",
    "subject_category",
    "security_measure",
    "cookie",
    "breach",
]

_SECTION_KIND: dict[str, EntityKind] = {
    "activities": "activity",
    "parties": "party",
    "data_categories": "data_category",
    "subject_categories": "subject_category",
    "security_measures": "security_measure",
    "cookies": "cookie",
}
_KIND_LABEL: dict[str, str] = {
    "organisation": "the organisation",
    "activity": "an activity",
    "party": "a party",
    "data_category": "a data category",
    "subject_category": "a subject category",
    "security_measure": "a security measure",
    "cookie": "a cookie",
    "breach": "a breach",
}
_SECTION_OF: dict[EntityKind, str] = {v: k for k, v in _SECTION_KIND.items()}
_SECTION_OF["organisation"] = "organisation"
_SECTION_OF["breach"] = "breaches"
_BREACH_TARGETS: tuple[EntityKind, ...] = (
    "party",
    "activity",
    "security_measure",
    "data_category",
)
"""What a breach in the log may name as breached."""


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One validated file with the positions that locate its values."""

    file: str
    root: Spot
    model: RegistryFile
    folder: Path | None = None
    """The folder the file was read from, for files the record names (the site's logo)."""


@dataclass(frozen=True, slots=True)
class _Origin:
    file: str
    root: Spot | None
    path: tuple[PathSegment, ...]


@dataclass(frozen=True, slots=True)
class Transfer:
    """Personal data of an activity reaching a country outside the EEA (Art. 44-49)."""

    activity: str
    party: str
    country: str
    access: str
    mechanism: TransferMechanism | Unknown | None
    adequacy: AdequacyDecision | None
    """The adequacy decision for the country, if one exists (valid or not)."""
    via: tuple[str, ...] = ()
    """The processors between the organisation and the party, for sub-processors."""


_T = TypeVar("_T")


class Registry:
    """A loaded record of processing activities; build it with ``load_registry``.

    Two registries are equal when their loaded data is equal (comments and file layout
    are not data); equal registries hash equal, so a registry may key a dict or sit in a
    set.
    """

    def __init__(
        self,
        data: RegistryData,
        origins: dict[str, _Origin] | None = None,
        reference: ReferenceData | None = None,
    ) -> None:
        self.data = data
        self.reference = reference or reference_data()
        self.organisation: Organisation = data.organisation
        self.activities: dict[str, Activity] = {a.id: a for a in data.activities}
        self.parties: dict[str, Party] = {p.id: p for p in data.parties}
        self.data_categories: dict[str, DataCategory] = {c.id: c for c in data.data_categories}
        self.subject_categories: dict[str, SubjectCategory] = {
            c.id: c for c in data.subject_categories
        }
        self.security_measures: dict[str, SecurityMeasure] = {
            m.id: m for m in data.security_measures
        }
        self.cookies: dict[str, Cookie] = (
            {c.id: c for c in data.cookies} if isinstance(data.cookies, tuple) else {}
        )
        """The cookies listed; empty also when none are recorded (see ``cookies_stated``)."""
        self.waivers: tuple[Waiver, ...] = data.waivers
        self.breaches: dict[str, Breach] = {b.id: b for b in data.breaches}
        """The internal breach log (GDPR Art. 33(5)), by id."""
        self._origins = origins or {}
        self.organisation_folder: Path | None = None
        """The folder of the file holding the organisation, when read from disk."""
        self._remembered: dict[Hashable, object] = {}

    # ------------------------------------------------------------------ building

    @classmethod
    def build(cls, files: Sequence[SourceFile]) -> Registry:
        """Merge validated files, check ids and references; raise RegistryError if broken."""
        problems: list[Problem] = []
        origins: dict[str, _Origin] = {}
        sections: dict[str, list[BaseModel]] = {name: [] for name in _SECTION_KIND}
        waivers: list[Waiver] = []
        breaches: list[Breach] = []
        organisation: Organisation | None = None
        said: list[tuple[_Origin, _CookieWord]] = []
        listed: list[_Origin] = []
        for source in files:
            model = source.model
            if isinstance(model.cookies, str | Unknown):
                word: _CookieWord = "unknown" if is_unknown(model.cookies) else "none"
                said.append((_Origin(source.file, source.root, ("cookies",)), word))
            elif model.cookies:
                listed.append(_Origin(source.file, source.root, ("cookies", 0)))
            if model.organisation is not None:
                if organisation is not None:
                    first = origins[organisation.id]
                    problems.append(
                        Problem(
                            _locate(source.file, source.root, ("organisation",)),
                            "reference",
                            "a second 'organisation:' section; a registry describes one "
                            f"organisation (the first is in {first.file})",
                        )
                    )
                else:
                    organisation = model.organisation
                    _claim(
                        origins,
                        organisation.id,
                        _Origin(source.file, source.root, ("organisation",)),
                        problems,
                    )
            for name in _SECTION_KIND:
                items = getattr(model, name)
                if not isinstance(items, tuple):
                    continue
                for index, item in enumerate(items):
                    origin = _Origin(source.file, source.root, (name, index))
                    if _claim(origins, item.id, origin, problems):
                        sections[name].append(item)
            for index, waiver in enumerate(model.waivers):
                origins[f"waiver:{len(waivers)}"] = _Origin(
                    source.file, source.root, ("waivers", index)
                )
                waivers.append(waiver)
            for index, breach in enumerate(model.breaches):
                origin = _Origin(source.file, source.root, ("breaches", index))
                if _claim(origins, breach.id, origin, problems):
                    breaches.append(breach)
        if organisation is None:
            where = Position(files[0].file, 1, 1) if files else Position("registry")
            problems.append(
                Problem(
                    where,
                    "reference",
                    "no 'organisation:' section in any file; add one describing the "
                    "controller (e.g. in organisation.yaml)",
                )
            )
            raise RegistryError(problems)
        statement = _one_cookie_statement(said, listed, origins, problems)
        # Every part was validated with its file; validating the whole again would build
        # a second validator of every model for nothing (a third of a small check).
        # (model_construct takes the parts as they are, hence the Any.)
        parts: dict[str, Any] = {
            name: tuple(sections[name])
            for name in (
                "activities",
                "parties",
                "data_categories",
                "subject_categories",
                "security_measures",
            )
        }
        data = RegistryData.model_construct(
            organisation=organisation,
            cookies=(
                tuple(cast(list[Cookie], sections["cookies"]))
                if sections["cookies"]
                else None
                if statement is None
                else UNKNOWN
                if statement == "unknown"
                else "none"
            ),
            waivers=tuple(waivers),
            breaches=tuple(breaches),
            **parts,
        )
        registry = cls(data, origins)
        registry.organisation_folder = next(
            (s.folder for s in files if s.model.organisation is not None), None
        )
        problems.extend(registry._reference_problems())
        problems.extend(registry._cycle_problems())
        if problems:
            raise RegistryError(problems)
        return registry

    def _reference_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        party: tuple[EntityKind, ...] = ("party",)
        owner: tuple[EntityKind, ...] = ("party", "organisation")
        for activity in self.activities.values():
            a = activity.id
            refs: list[tuple[tuple[PathSegment, ...], str, tuple[EntityKind, ...]]] = []
            refs += [
                (("subject_categories", i), r, ("subject_category",))
                for i, r in enumerate(activity.subject_categories)
            ]
            refs += [
                (("data_categories", i), r, ("data_category",))
                for i, r in enumerate(activity.data_categories)
            ]
            refs += [
                (("joint_controllers", i), r, party)
                for i, r in enumerate(activity.joint_controllers)
            ]
            refs += [
                (("security_measures", i), r, ("security_measure",))
                for i, r in enumerate(activity.security_measures)
            ]
            if isinstance(activity.recipients, Recipients):
                for group in ("processors", "controllers", "authorities", "unconfirmed"):
                    refs += [
                        (("recipients", group, i), r, party)
                        for i, r in enumerate(getattr(activity.recipients, group))
                    ]
            if not is_unknown(activity.retention):
                for i, rule in enumerate(activity.retention):
                    refs += [
                        (("retention", i, "categories", j), r, ("data_category",))
                        for j, r in enumerate(rule.categories)
                    ]
            problems += self._check_refs(a, refs)
        org = self.organisation
        for index, promise in enumerate(org.promises):
            problems += self._check_refs(
                org.id,
                [
                    (("promises", index, "activities", i), r, ("activity",))
                    for i, r in enumerate(promise.activities)
                ],
            )
        for p in self.parties.values():
            if p.engaged_by is not None:
                problems += self._check_refs(p.id, [(("engaged_by",), p.engaged_by, owner)])
        for c in self.cookies.values():
            problems += self._check_refs(
                c.id,
                [(("provider",), c.provider, owner), (("activity",), c.activity, ("activity",))],
            )
        for b in self.breaches.values():
            problems += self._check_refs(
                b.id, [(("targets", i), t, _BREACH_TARGETS) for i, t in enumerate(b.targets)]
            )
        for index, waiver in enumerate(self.waivers):
            if waiver.entity is not None and self.kind_of(waiver.entity) is None:
                problems.append(
                    Problem(
                        self.locate(f"waiver:{index}", "entity"),
                        "reference",
                        f"the waiver names '{waiver.entity}', which is not an id in the "
                        f"registry{self._suggest(waiver.entity, None)}",
                    )
                )
        return problems

    def _check_refs(
        self,
        entity: str,
        refs: Iterable[tuple[tuple[PathSegment, ...], str, tuple[EntityKind, ...]]],
    ) -> list[Problem]:
        problems: list[Problem] = []
        for path, target, kinds in refs:
            kind = self.kind_of(target)
            if kind in kinds:
                continue
            wanted = " or ".join(_KIND_LABEL[k] for k in kinds)
            if kind is None:
                section = _SECTION_OF[kinds[0]]
                message = (
                    f"'{target}' is not defined{self._suggest(target, kinds)}; expected "
                    f"{wanted}: define it under '{section}:' or correct the id"
                )
            else:
                message = f"'{target}' is {_KIND_LABEL[kind]}, but {wanted} is expected here"
            problems.append(Problem(self.locate(entity, *path), "reference", message, entity))
        return problems

    def _suggest(self, target: str, kinds: tuple[EntityKind, ...] | None) -> str:
        pool = [
            i for i in self._origins if ":" not in i and (kinds is None or self.kind_of(i) in kinds)
        ]
        close = difflib.get_close_matches(target, pool, n=1, cutoff=0.6)
        return f" (did you mean '{close[0]}'?)" if close else ""

    def _cycle_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        reported: set[str] = set()
        for start in self.parties:
            seen: list[str] = []
            current: str | None = start
            while current is not None and current in self.parties:
                if current in seen:
                    cycle = seen[seen.index(current) :]
                    if not reported.intersection(cycle):
                        reported.update(cycle)
                        first = min(cycle, key=self.locate)
                        ring = cycle[cycle.index(first) :] + cycle[: cycle.index(first)]
                        shown = " -> ".join([*ring, first])
                        problems.append(
                            Problem(
                                self.locate(first, "engaged_by"),
                                "reference",
                                f"the sub-processor chain forms a cycle: {shown}; the chain "
                                f"must end at the organisation ('{self.organisation.id}')",
                                first,
                            )
                        )
                    break
                seen.append(current)
                current = self.parties[current].engaged_by
        return problems

    @property
    def cookies_stated(self) -> Literal["listed", "none", "pending"]:
        """What the record says about cookies: ``listed``, ``none`` (``cookies: none``)
        or ``pending`` (``cookies: unknown``, or no ``cookies:`` in any file): only an
        explicit ``none`` is a denial."""
        if self.cookies:
            return "listed"
        return "none" if self.data.cookies == "none" else "pending"

    @property
    def site_logo(self) -> Path | None:
        """The logo file ``organisation.site.logo`` names, resolved, or None."""
        site = self.organisation.site
        if site is None or site.logo is None or self.organisation_folder is None:
            return None
        return self.organisation_folder / site.logo

    def locate_cookie_statement(self) -> Position | None:
        """Where ``cookies: none`` or ``cookies: unknown`` is written, if it is."""
        return self.locate(_COOKIES) if _COOKIES in self._origins else None

    # ------------------------------------------------------------------ lookups

    def kind_of(self, entity_id: str) -> EntityKind | None:
        """What kind of entity ``entity_id`` names, or None if nothing does."""
        if entity_id == self.organisation.id:
            return "organisation"
        for kind, table in (
            ("activity", self.activities),
            ("party", self.parties),
            ("data_category", self.data_categories),
            ("subject_category", self.subject_categories),
            ("security_measure", self.security_measures),
            ("cookie", self.cookies),
            ("breach", self.breaches),
        ):
            if entity_id in table:
                return kind  # type: ignore[return-value]
        return None

    def get(self, entity_id: str) -> BaseModel | None:
        """The entity with ``entity_id`` of whatever kind."""
        kind = self.kind_of(entity_id)
        if kind is None:
            return None
        if kind == "organisation":
            return self.organisation
        table: dict[str, BaseModel] = getattr(self, _SECTION_OF[kind])
        return table[entity_id]

    def locate(self, entity_id: str, *path: PathSegment) -> Position:
        """file:line:column of an entity, or of a field inside it (``"purposes", 0``)."""
        origin = self._origins.get(entity_id)
        if origin is None:
            return Position("<registry>")
        return _locate(origin.file, origin.root, origin.path + path)

    def locate_waiver(self, index: int, *path: PathSegment) -> Position:
        """file:line:column of the ``index``-th waiver (in registry order)."""
        return self.locate(f"waiver:{index}", *path)

    def remember(self, key: Hashable, compute: Callable[[], _T], *, keep: bool = True) -> _T:
        """``compute()`` the first time ``key`` is asked for; the same object after that.

        For work done from the registry alone (the notice's views and pages, their
        readability), which the check, the build and the site would otherwise each
        repeat. A registry does not change once loaded, so what it remembers stays true;
        it is forgotten with the registry. With ``keep=False`` a value not remembered yet
        is computed and handed out without being kept (a check needs the notice's scores,
        not its pages, which on a large registry are tens of megabytes).
        """
        if key in self._remembered:
            return cast(_T, self._remembered[key])
        value = compute()
        if keep:
            self._remembered[key] = value
        return value

    # ------------------------------------------------------------------ derived facts

    def sub_processors_of(self, party_id: str) -> list[Party]:
        """Parties engaged directly by ``party_id`` (or by the organisation)."""
        return [p for p in self.parties.values() if p.engaged_by == party_id]

    def chain(self, party_id: str) -> list[str]:
        """The engagement chain from a party up to the organisation, party first."""
        chain = [party_id]
        current = self.parties[party_id].engaged_by
        while current is not None and current in self.parties and current not in chain:
            chain.append(current)
            current = self.parties[current].engaged_by
        if current is not None and current not in chain:
            chain.append(current)
        return chain

    def direct_parties(self, activity: Activity) -> list[str]:
        """Parties an activity names: recipients and joint controllers, in order."""
        found: list[str] = []
        if isinstance(activity.recipients, Recipients):
            r = activity.recipients
            found += [*r.processors, *r.controllers, *r.authorities, *r.unconfirmed]
        found += activity.joint_controllers
        return list(dict.fromkeys(found))

    def parties_of(self, activity: Activity) -> list[tuple[str, tuple[str, ...]]]:
        """Every party reaching the activity's data with the processors in between."""
        result: dict[str, tuple[str, ...]] = {}
        queue: list[tuple[str, tuple[str, ...]]] = [(p, ()) for p in self.direct_parties(activity)]
        while queue:
            party_id, via = queue.pop(0)
            if party_id in result or party_id not in self.parties:
                continue
            result[party_id] = via
            queue.extend((sub.id, (*via, party_id)) for sub in self._children.get(party_id, ()))
        return list(result.items())

    @cached_property
    def _children(self) -> dict[str, list[Party]]:
        children: dict[str, list[Party]] = {}
        for party in self.parties.values():
            if party.engaged_by is not None:
                children.setdefault(party.engaged_by, []).append(party)
        return children

    def activities_using(self, party_id: str) -> list[Activity]:
        """Activities whose data reaches ``party_id``, directly or through processors."""
        return [
            a for a in self.activities.values() if any(p == party_id for p, _ in self.parties_of(a))
        ]

    @cached_property
    def transfers(self) -> tuple[Transfer, ...]:
        """Every (activity, party, country) outside the EEA, computed, never typed."""
        found: list[Transfer] = []
        for activity in self.activities.values():
            for party_id, via in self.parties_of(activity):
                party = self.parties[party_id]
                if is_unknown(party.locations):
                    continue
                for loc in party.locations:
                    if self.reference.is_eea(loc.country):
                        continue
                    found.append(self._transfer(activity.id, party_id, loc, via))
        return tuple(found)

    def _transfer(
        self, activity: str, party: str, loc: PartyLocation, via: tuple[str, ...]
    ) -> Transfer:
        return Transfer(
            activity=activity,
            party=party,
            country=loc.country,
            access=loc.access,
            mechanism=loc.mechanism,
            adequacy=self.reference.adequacy_for(loc.country),
            via=via,
        )

    def transfers_of(self, activity_id: str) -> list[Transfer]:
        return [t for t in self.transfers if t.activity == activity_id]

    # ------------------------------------------------------------------ dumping

    def to_json(self, *, indent: int | None = 2) -> str:
        """The whole registry as one JSON document that ``load_registry`` reads back."""
        payload = self.data.model_dump(mode="json", exclude_defaults=True)
        return json.dumps(payload, ensure_ascii=False, indent=indent, sort_keys=False) + "\n"

    def iter_entities(self) -> Iterator[tuple[EntityKind, str]]:
        """Every entity id with its kind, in registry order."""
        yield "organisation", self.organisation.id
        for kind, section in _SECTION_KIND.items():
            items = getattr(self.data, kind)
            for item in items if isinstance(items, tuple) else ():
                yield section, item.id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Registry) and self.data == other.data

    def __hash__(self) -> int:
        # Equal registries (same data) must hash equal, so hash what __eq__ compares.
        return hash(self.data)

    def __repr__(self) -> str:
        return (
            f"<Registry {self.organisation.legal_name}: {len(self.activities)} activities, "
            f"{len(self.parties)} parties>"
        )


_CookieWord = Literal["none", "unknown"]
_COOKIES = "section:cookies"
"""Origin key of a ``cookies: none|unknown`` statement; no id contains a colon."""


def _one_cookie_statement(
    said: list[tuple[_Origin, _CookieWord]],
    listed: list[_Origin],
    origins: dict[str, _Origin],
    problems: list[Problem],
) -> _CookieWord | None:
    """The registry's one ``cookies: none|unknown``, or None; a second statement, or one
    beside a list of cookies, is a problem located at it."""
    if not said:
        return None
    (first, word), rest = said[0], said[1:]
    for here, again in rest:
        problems.append(_cookie_conflict(here, f"'cookies: {again}'", first, word))
    if listed:
        problems.append(_cookie_conflict(first, f"'cookies: {word}'", listed[0], None))
        return None
    origins[_COOKIES] = first
    return word


def _cookie_conflict(here: _Origin, said: str, there: _Origin, word: _CookieWord | None) -> Problem:
    """A second statement about cookies that contradicts or repeats the first."""
    where = _locate(there.file, there.root, there.path)
    first = "cookies are listed" if word is None else f"'cookies: {word}' is written"
    return Problem(
        _locate(here.file, here.root, here.path),
        "reference",
        f"'cookies:' here is {said}, but {first} at {where}; say it once: list the "
        "cookies, or write none or unknown in one file",
    )


def _claim(
    origins: dict[str, _Origin], entity_id: str, origin: _Origin, problems: list[Problem]
) -> bool:
    first = origins.get(entity_id)
    if first is None:
        origins[entity_id] = origin
        return True
    there = _locate(first.file, first.root, first.path)
    problems.append(
        Problem(
            _locate(origin.file, origin.root, (*origin.path, "id")),
            "reference",
            f"duplicate id '{entity_id}' (first used at {there}); ids must be unique "
            "across the registry: rename one",
            entity_id,
        )
    )
    return False


def _locate(file: str, root: Spot | None, path: tuple[PathSegment, ...]) -> Position:
    return locate(file, root, path)
