"""The data-flow graph: where personal data comes from, where it goes, and where it ends up.

Auditors and Datatilsynet ask for a picture of the flows, and a privacy officer answering
a breach or an access request needs the same picture as queries. Both come from one
networkx ``MultiDiGraph`` built from the Registry's derived facts (``parties_of``,
``transfers``, reference data), so a diagram can never disagree with the record.

Edges point the way the data flows: data subject -> activity -> party -> sub-processor,
and party -> country for where it is processed. Node ids are ``kind:id`` (countries
``country:US``) so they stay stable when names change, and nodes and edges are added in
registry order so every export is byte-identical across runs.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import networkx as nx

from holte_ropa.graph._labels import (
    _SENSITIVE,
    UNKNOWN_CODE,
    VIEW_KINDS,
    WHOLE_VIEWS,
    NodeKind,
    UnknownEntityError,
    mechanism_code,
    node_id,
    safeguard,
    text,
)
from holte_ropa.graph._results import FlowRow, GraphView, Impact, WhereIs
from holte_ropa.model._countries import country_name
from holte_ropa.model._models import (
    Activity,
    Party,
    PartyRole,
    Recipients,
    is_unknown,
    known,
)
from holte_ropa.model._registry import Registry
from holte_ropa.terms import ROLES, Words, published_language

__all__ = [
    "VIEW_KINDS",
    "DataFlowGraph",
    "FlowRow",
    "GraphView",
    "Impact",
    "NodeKind",
    "UnknownEntityError",
    "WhereIs",
    "build_graph",
    "country_name",
    "flows_table",
    "node_id",
    "role_name",
    "safeguard",
]


# --------------------------------------------------------------------------- the graph


class DataFlowGraph:
    """The registry as a typed graph, with views and the queries privacy officers ask."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph(name=registry.organisation.id)
        self._build()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        reg = self.registry
        org = reg.organisation
        g = self.graph
        org_label = org.trade_name or org.legal_name
        g.add_node(
            node_id("organisation", org.id),
            kind="organisation",
            entity=org.id,
            label_nb=org_label,
            label_en=org_label,
        )
        for subject in reg.subject_categories.values():
            g.add_node(
                node_id("subject", subject.id),
                kind="subject",
                entity=subject.id,
                label_nb=text(subject.name, "nb"),
                label_en=text(subject.name, "en"),
                vulnerable=subject.vulnerable,
            )
        for activity in reg.activities.values():
            g.add_node(
                node_id("activity", activity.id),
                kind="activity",
                entity=activity.id,
                label_nb=text(activity.name, "nb"),
                label_en=text(activity.name, "en"),
                role=activity.role.value,
                special=bool(self._sensitive(activity.data_categories)),
                data_categories=activity.data_categories,
                data_nb=self._data_names(activity, "nb"),
                data_en=self._data_names(activity, "en"),
            )
        for party in reg.parties.values():
            g.add_node(
                node_id("party", party.id),
                kind="party",
                entity=party.id,
                label_nb=party.name_in("nb"),
                label_en=party.name_in("en"),
                role=party.role.value,
                legal_name=UNKNOWN_CODE if is_unknown(party.legal_name) else party.legal_name,
                located=not is_unknown(party.locations),
                # An international organisation is a transfer wherever it sits (Art. 44).
                organisation=party.international_organisation.code
                if party.international_organisation
                else "",
                organisation_mechanism=mechanism_code(party.international_organisation.mechanism)
                if party.international_organisation
                else "",
            )
        for code in self._countries():
            third = not reg.reference.is_eea(code)
            decision = reg.reference.adequacy_for(code)
            g.add_node(
                node_id("country", code),
                kind="country",
                entity=code,
                label_nb=country_name(code, "nb"),
                label_en=country_name(code, "en"),
                region="third_country" if third else "eea",
                adequacy=decision.decision if decision is not None else "",
            )
        for activity in reg.activities.values():
            self._activity_edges(activity)
        self._party_edges()

    def _countries(self) -> list[str]:
        """EEA countries first, then third countries, each alphabetically."""
        found = {
            loc.country
            for p in self.registry.parties.values()
            if not is_unknown(p.locations)
            for loc in p.locations
        }
        eea = self.registry.reference.is_eea
        return sorted(found, key=lambda c: (not eea(c), c))

    def _activity_edges(self, activity: Activity) -> None:
        g = self.graph
        reg = self.registry
        a = node_id("activity", activity.id)
        g.add_edge(
            node_id("organisation", reg.organisation.id),
            a,
            key="performs",
            kind="performs",
            role=activity.role.value,
        )
        sources = activity.sources
        source = (
            UNKNOWN_CODE
            if is_unknown(sources)
            else ",".join(dict.fromkeys(s.kind for s in sources))
        )
        for subject in activity.subject_categories:
            g.add_edge(
                node_id("subject", subject),
                a,
                key="collected_from",
                kind="collected_from",
                data_categories=activity.data_categories,
                source=source,
            )
        recipient_of = _recipient_kinds(activity)
        for party in reg.direct_parties(activity):
            g.add_edge(
                a,
                node_id("party", party),
                key="discloses",
                kind="discloses",
                recipient=recipient_of.get(party, "processor"),
                data_categories=activity.data_categories,
            )

    def _party_edges(self) -> None:
        g = self.graph
        reg = self.registry
        transferred = {(t.party, t.country) for t in reg.transfers}
        for party in reg.parties.values():
            if party.engaged_by is not None and party.engaged_by in reg.parties:
                g.add_edge(
                    node_id("party", party.engaged_by),
                    node_id("party", party.id),
                    key="sub_processing",
                    kind="sub_processing",
                )
        for party in reg.parties.values():
            if is_unknown(party.locations):
                continue
            for loc in party.locations:
                third = not reg.reference.is_eea(loc.country)
                g.add_edge(
                    node_id("party", party.id),
                    node_id("country", loc.country),
                    key=f"located_in:{loc.access}",
                    kind="located_in",
                    access=loc.access,
                    third_country=third,
                    transfer=(party.id, loc.country) in transferred,
                    mechanism=mechanism_code(loc.mechanism) if third else "none",
                    safeguard_nb=safeguard(
                        loc.mechanism, reg.reference.adequacy_for(loc.country), "nb"
                    )
                    if third
                    else "",
                    safeguard_en=safeguard(
                        loc.mechanism, reg.reference.adequacy_for(loc.country), "en"
                    )
                    if third
                    else "",
                )

    def _data_names(self, activity: Activity, lang: str) -> tuple[str, ...]:
        table = self.registry.data_categories
        return tuple(text(table[d].name, lang) for d in activity.data_categories if d in table)

    def _sensitive(self, categories: Iterable[str]) -> list[str]:
        table = self.registry.data_categories
        return [c for c in categories if c in table and table[c].kind in _SENSITIVE]

    # ------------------------------------------------------------------ views

    def view(self, spec: str = "organisation") -> GraphView:
        """The part of the graph a view spec names; raises UnknownEntityError or ValueError."""
        kind, _, ident = spec.partition(":")
        if kind not in VIEW_KINDS or (kind in WHOLE_VIEWS) == bool(ident):
            raise ValueError(
                f"unknown view '{spec}'; use organisation, transfers, sources, recipients, "
                "activity:ID, party:ID or subject:ID"
            )
        reg = self.registry
        org = reg.organisation.trade_name or reg.organisation.legal_name
        if kind == "organisation":
            nodes = list(self.graph.nodes)
            titles = (
                f"Dataflyt i {org}",
                f"Data flows at {org}",
            )
        elif kind == "transfers":
            nodes = self._transfer_nodes()
            titles = (
                f"Overføringer ut av EØS: {org}",
                f"Transfers outside the EEA: {org}",
            )
        elif kind in ("sources", "recipients"):
            # The organisation view in two halves, each narrow enough for a page column.
            wanted = {"sources": ("organisation", "subject", "activity")}.get(
                kind, ("organisation", "activity", "party", "country")
            )
            nodes = [n for n, d in self.graph.nodes(data=True) if d["kind"] in wanted]
            titles = (
                (f"Hvor opplysningene kommer fra: {org}", f"Where the data comes from: {org}")
                if kind == "sources"
                else (f"Hvem som får opplysningene: {org}", f"Who receives the data: {org}")
            )
        elif kind == "activity":
            activity = self._activity(ident)
            nodes = self._activity_nodes(activity)
            titles = (
                f"Dataflyt: {text(activity.name, 'nb')}",
                f"Data flows: {text(activity.name, 'en')}",
            )
        elif kind == "party":
            party = self._party(ident)
            nodes = self._party_nodes(party)
            titles = (f"Hva når {party.name_in('nb')}", f"What reaches {party.name_in('en')}")
        else:
            subject = reg.subject_categories[self._subject(ident)]
            nodes = self._subject_nodes(subject.id)
            titles = (
                f"Hvor opplysningene går: {text(subject.name, 'nb')}",
                f"Where the data goes: {text(subject.name, 'en')}",
            )
        # The whole-organisation view shares the graph: views are read, never changed.
        graph = self.graph if kind == "organisation" else self._subgraph(nodes)
        return GraphView(spec, titles[0], titles[1], graph, org)

    def _subgraph(self, nodes: Iterable[str]) -> nx.MultiDiGraph:
        """An induced subgraph that keeps the full graph's node and edge order."""
        keep = set(nodes)
        sub = nx.MultiDiGraph(name=self.graph.graph["name"])
        sub.add_nodes_from((n, d) for n, d in self.graph.nodes(data=True) if n in keep)
        sub.add_edges_from(
            (u, v, k, d)
            for u, v, k, d in self.graph.edges(keys=True, data=True)
            if u in keep and v in keep
        )
        return sub

    def _activity_nodes(self, activity: Activity) -> list[str]:
        reg = self.registry
        nodes = [node_id("organisation", reg.organisation.id), node_id("activity", activity.id)]
        nodes += [node_id("subject", s) for s in activity.subject_categories]
        for party, _ in reg.parties_of(activity):
            nodes += self._party_and_countries(reg.parties[party])
        return nodes

    def _party_nodes(self, party: Party) -> list[str]:
        reg = self.registry
        nodes = [node_id("organisation", reg.organisation.id)]
        for activity in reg.activities_using(party.id):
            nodes.append(node_id("activity", activity.id))
            nodes += [node_id("subject", s) for s in activity.subject_categories]
        for upstream in reg.chain(party.id)[1:]:
            if upstream in reg.parties:
                nodes.append(node_id("party", upstream))
        for below in [party, *self._descendants(party.id)]:
            nodes += self._party_and_countries(below)
        return nodes

    def _subject_nodes(self, subject_id: str) -> list[str]:
        reg = self.registry
        nodes = [node_id("organisation", reg.organisation.id), node_id("subject", subject_id)]
        for activity in self._activities_of(subject_id):
            nodes.append(node_id("activity", activity.id))
            for party, _ in reg.parties_of(activity):
                nodes += self._party_and_countries(reg.parties[party])
        return nodes

    def _transfer_nodes(self) -> list[str]:
        reg = self.registry
        nodes = [node_id("organisation", reg.organisation.id)]
        for t in reg.transfers:
            nodes += [node_id("activity", t.activity), node_id("party", t.party)]
            nodes += [node_id("party", p) for p in t.via]
            nodes.append(node_id("country", t.country))
        # A party whose countries the record leaves unknown may transfer: it is shown,
        # marked "countries not confirmed", never left out as if it had no transfers.
        for activity in reg.activities.values():
            for party, via in reg.parties_of(activity):
                if is_unknown(reg.parties[party].locations):
                    nodes += [node_id("activity", activity.id), node_id("party", party)]
                    nodes += [node_id("party", p) for p in via]
        return nodes

    def _party_and_countries(self, party: Party) -> list[str]:
        nodes = [node_id("party", party.id)]
        if not is_unknown(party.locations):
            nodes += [node_id("country", loc.country) for loc in party.locations]
        return nodes

    def _descendants(self, party_id: str) -> list[Party]:
        found: list[Party] = []
        queue = [party_id]
        while queue:
            current = queue.pop(0)
            for child in self.registry.sub_processors_of(current):
                if child not in found and child.id != party_id:
                    found.append(child)
                    queue.append(child.id)
        return found

    def _activities_of(self, subject_id: str) -> list[Activity]:
        return [a for a in self.registry.activities.values() if subject_id in a.subject_categories]

    def _activity(self, ident: str) -> Activity:
        if ident not in self.registry.activities:
            raise _missing("activity", ident, self.registry.activities)
        return self.registry.activities[ident]

    def _party(self, ident: str) -> Party:
        if ident not in self.registry.parties:
            raise _missing("party", ident, self.registry.parties)
        return self.registry.parties[ident]

    def _subject(self, ident: str) -> str:
        if ident not in self.registry.subject_categories:
            raise _missing("data subject category", ident, self.registry.subject_categories)
        return ident

    # ------------------------------------------------------------------ queries

    def impact(self, party_id: str) -> Impact:
        """Breach triage: what a breach at ``party_id`` (or below it) exposes."""
        reg = self.registry
        party = self._party(party_id)
        below = self._descendants(party.id)
        exposed = {party.id, *(p.id for p in below)}
        activities = reg.activities_using(party.id)
        subjects = _union(a.subject_categories for a in activities)
        data = _union(a.data_categories for a in activities)
        countries: list[str] = []
        for p in [party, *below]:
            if not is_unknown(p.locations):
                countries += [loc.country for loc in p.locations]
        used = {a.id for a in activities}
        return Impact(
            party=party.id,
            chain=tuple(reg.chain(party.id)),
            sub_processors=tuple(p.id for p in below),
            activities=tuple(a.id for a in activities),
            subject_categories=subjects,
            data_categories=data,
            special_categories=tuple(self._sensitive(data)),
            countries=tuple(dict.fromkeys(countries)),
            transfers=tuple(t for t in reg.transfers if t.party in exposed and t.activity in used),
        )

    def where_is(self, subject_id: str) -> WhereIs:
        """Where a data subject category's data goes, for access and erasure requests."""
        reg = self.registry
        self._subject(subject_id)
        activities = self._activities_of(subject_id)
        parties: dict[str, tuple[str, ...]] = {}
        for activity in activities:
            for party, via in reg.parties_of(activity):
                parties.setdefault(party, via)
        countries: list[str] = []
        for party in parties:
            locations = reg.parties[party].locations
            if not is_unknown(locations):
                countries += [loc.country for loc in locations]
        used = {a.id for a in activities}
        return WhereIs(
            subject=subject_id,
            activities=tuple(a.id for a in activities),
            data_categories=_union(a.data_categories for a in activities),
            parties=tuple(parties.items()),
            countries=tuple(dict.fromkeys(countries)),
            transfers=tuple(t for t in reg.transfers if t.activity in used),
        )

    def flows(self, lang: str = "nb") -> list[FlowRow]:
        """Every (activity, recipient, country) flow: the table equivalent of a diagram."""
        reg = self.registry
        transfers = {(t.activity, t.party, t.country): t for t in reg.transfers}
        rows: list[FlowRow] = []
        for activity in reg.activities.values():
            for party_id, via in reg.parties_of(activity):
                party = reg.parties[party_id]
                locations = known(party.locations) or ()
                countries = list(dict.fromkeys(loc.country for loc in locations)) or [UNKNOWN_CODE]
                for country in countries:
                    t = transfers.get((activity.id, party_id, country))
                    rows.append(
                        FlowRow(
                            activity=activity.id,
                            data_categories=activity.data_categories,
                            recipient=party_id,
                            role=party.role.value,
                            via=via,
                            country=country,
                            third_country=t is not None,
                            safeguard=safeguard(t.mechanism, t.adequacy, lang) if t else "",
                            activity_name=text(activity.name, lang),
                            data_category_names=tuple(
                                text(reg.data_categories[d].name, lang)
                                for d in activity.data_categories
                            ),
                            recipient_name=party.name_in(lang),
                            role_name=role_name(party.role.value, lang),
                            country_name=country_name(country, lang)
                            if country != UNKNOWN_CODE
                            else _UNKNOWN[lang == "nb"],
                        )
                    )
        return rows


_UNKNOWN = {True: "ukjent, må bekreftes", False: "unknown, to be confirmed"}
_ROLE_NAMES: dict[str, Words] = {
    "processor": ROLES["processor"].label,
    "sub_processor": ROLES["sub_processor"].label,
    "controller": ROLES["independent_controller"].label,  # a party role: not us
    "joint_controller": ROLES["joint_controller"].label,
    "authority": Words(nb="offentlig myndighet", en="public authority"),
    "unknown": Words(nb="rolle ikke bekreftet", en="role not confirmed"),
    "customer": Words(
        nb=f"kunde ({ROLES['controller'].label.nb})",
        en=f"customer ({ROLES['controller'].label.en})",
    ),
}


def role_name(role: str, lang: str) -> str:
    """A party role in words (vocabulary.md), so tables never rely on colour or codes."""
    words = _ROLE_NAMES.get(role)
    return role if words is None else words.get(lang)


def flows_table(registry: Registry, lang: str = "nb") -> list[FlowRow]:
    """The accessible table equivalent of the diagrams: one row per flow, named in ``lang``.

    Rows follow the registry's order; ``lang`` is a published language (``nb`` or
    ``en``), else ValueError. Transfers are marked per GDPR Art. 44-49.
    """
    return DataFlowGraph(registry).flows(published_language(lang))


def _recipient_kinds(activity: Activity) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for party in activity.joint_controllers:
        kinds[party] = PartyRole.JOINT_CONTROLLER.value
    if isinstance(activity.recipients, Recipients):
        r = activity.recipients
        for group, name in ((r.authorities, "authority"), (r.controllers, "controller")):
            for party in group:
                kinds[party] = name
        for party in r.processors:
            kinds[party] = "processor"
        for party in r.unconfirmed:
            kinds[party] = "unknown"
    return kinds


def _missing(what: str, ident: str, known_ids: Iterable[str]) -> UnknownEntityError:
    """No ``what`` called ``ident``, with "did you mean" the closest id when one is close."""
    close = difflib.get_close_matches(ident, list(known_ids), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return UnknownEntityError(f"no {what} '{ident}' in the registry{hint}")


def _union(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for group in groups:
        found.update(dict.fromkeys(group))
    return tuple(found)


def build_graph(registry: Registry) -> DataFlowGraph:
    """The data-flow graph of a registry: a networkx ``MultiDiGraph`` with typed nodes.

    Node ids are ``kind:id`` (``activity:web-forms``, ``party:zapier``, ``country:US``);
    edges say who performs, discloses to, sub-processes for, or is located in what.
    Third-country transfers come from the Registry (GDPR Art. 44-49), never typed.
    """
    return DataFlowGraph(registry)
