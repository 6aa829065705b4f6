"""The data-flow graph, its views and the queries a privacy officer asks of it."""

from __future__ import annotations

import pytest

from holte_ropa import load_registry
from holte_ropa.graph._graph import DataFlowGraph, UnknownEntityError, build_graph
from tests.conftest import FIXTURES, ROOT, MakeRegistry

SMALL = FIXTURES / "small"


def small() -> DataFlowGraph:
    return build_graph(load_registry(SMALL))


def _kinds(graph: DataFlowGraph, what: str = "nodes") -> dict[str, int]:
    counts: dict[str, int] = {}
    items = graph.graph.nodes(data=True) if what == "nodes" else graph.graph.edges(data=True)
    for item in items:
        kind = str(item[-1]["kind"])
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def test_every_entity_becomes_a_typed_node_with_a_stable_id() -> None:
    graph = small()
    assert _kinds(graph) == {
        "organisation": 1,
        "subject": 2,
        "activity": 2,
        "party": 3,
        "country": 4,
    }
    assert list(graph.graph.nodes)[:3] == [
        "organisation:acme",
        "subject:customers",
        "subject:applicants",
    ]
    assert graph.graph.nodes["party:backup"]["role"] == "sub_processor"
    assert graph.graph.nodes["country:US"]["region"] == "third_country"
    assert graph.graph.nodes["country:SE"]["region"] == "eea"


def test_edges_follow_the_data_from_subjects_to_countries() -> None:
    graph = small()
    assert _kinds(graph, "edges") == {
        "performs": 2,
        "collected_from": 2,
        "discloses": 2,
        "sub_processing": 1,
        "located_in": 4,
    }
    disclosed = graph.graph.get_edge_data("activity:newsletter", "party:mailtool")["discloses"]
    assert disclosed["data_categories"] == ("name", "email")
    assert disclosed["recipient"] == "processor"


def test_the_sub_processor_chain_is_an_edge_from_the_engaging_processor() -> None:
    graph = small()
    assert graph.graph.has_edge("party:cloud", "party:backup", key="sub_processing")
    # cloud is engaged by the organisation itself: the activity's disclosure covers it.
    assert not any(
        d["kind"] == "sub_processing" for _, _, d in graph.graph.in_edges("party:cloud", data=True)
    )


def test_a_transfer_edge_carries_its_mechanism_and_safeguard() -> None:
    graph = small()
    us = graph.graph.get_edge_data("party:mailtool", "country:US")["located_in:processing"]
    assert us["transfer"] is True
    assert us["mechanism"] == "scc"
    assert us["safeguard_en"] == "standard contractual clauses (module 2) (GDPR Art. 46(2)(c))"
    india = graph.graph.get_edge_data("party:backup", "country:IN")["located_in:support"]
    assert india["mechanism"] == "unknown"
    sweden = graph.graph.get_edge_data("party:cloud", "country:SE")["located_in:processing"]
    assert sweden["third_country"] is False and sweden["transfer"] is False


def test_building_twice_gives_the_same_nodes_and_edges_in_the_same_order() -> None:
    first, second = small(), small()
    assert list(first.graph.nodes(data=True)) == list(second.graph.nodes(data=True))
    assert list(first.graph.edges(keys=True, data=True)) == list(
        second.graph.edges(keys=True, data=True)
    )


def test_the_activity_view_holds_its_subjects_parties_and_their_countries() -> None:
    view = small().view("activity:hosting")
    assert set(view.graph.nodes) == {
        "organisation:acme",
        "activity:hosting",
        "subject:customers",
        "party:cloud",
        "party:backup",
        "country:SE",
        "country:GB",
        "country:IN",
    }
    assert view.title("en") == "Data flows: Hosting for customers"


def test_the_party_view_shows_what_reaches_it_and_its_sub_processors() -> None:
    view = small().view("party:cloud")
    assert "activity:hosting" in view.graph
    assert "activity:newsletter" not in view.graph
    assert view.graph.has_edge("party:cloud", "party:backup")
    assert "country:IN" in view.graph


def test_the_subject_view_maps_where_that_persons_data_goes() -> None:
    view = small().view("subject:applicants")
    assert set(view.graph.nodes) == {"organisation:acme", "subject:applicants"}
    customers = small().view("subject:customers")
    assert {"party:mailtool", "party:backup", "country:US"} <= set(customers.graph.nodes)


def test_the_transfers_view_keeps_only_third_countries() -> None:
    view = small().view("transfers")
    countries = {d["entity"] for _, d in view.graph.nodes(data=True) if d["kind"] == "country"}
    assert countries == {"US", "GB", "IN"}
    assert "party:cloud" in view.graph  # the processor the transfer goes through


def test_an_unknown_view_or_id_is_refused_with_a_message() -> None:
    graph = small()
    with pytest.raises(UnknownEntityError, match="no party 'nobody'"):
        graph.view("party:nobody")
    with pytest.raises(ValueError, match="unknown view"):
        graph.view("everything")
    with pytest.raises(ValueError, match="unknown view"):
        graph.view("activity")


def test_impact_lists_what_a_breach_at_a_party_exposes() -> None:
    impact = small().impact("cloud")
    assert impact.chain == ("cloud", "acme")
    assert impact.sub_processors == ("backup",)
    assert impact.activities == ("hosting",)
    assert impact.subject_categories == ("customers",)
    assert impact.data_categories == ("name",)
    assert impact.special_categories == ()
    assert impact.countries == ("SE", "GB", "IN")
    assert [(t.party, t.country) for t in impact.transfers] == [("backup", "GB"), ("backup", "IN")]


def test_impact_names_special_categories_involved(make_registry: MakeRegistry) -> None:
    text = (SMALL / "registry.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "data_categories: [name]\n    recipients:",
        "data_categories: [name, health]\n    special_category_condition: 9(2)(h)\n    recipients:",
    )
    folder = make_registry({"registry.yaml": text})
    impact = build_graph(load_registry(folder)).impact("backup")
    assert impact.special_categories == ("health",)


def test_where_is_answers_access_and_erasure_requests() -> None:
    where = small().where_is("customers")
    assert where.activities == ("newsletter", "hosting")
    assert where.data_categories == ("name", "email")
    assert where.parties == (("mailtool", ()), ("cloud", ()), ("backup", ("cloud",)))
    assert where.countries == ("US", "SE", "GB", "IN")
    with pytest.raises(UnknownEntityError):
        small().where_is("martians")


def test_the_flows_table_has_a_row_per_activity_recipient_and_country() -> None:
    rows = small().flows("en")
    assert [(r.activity, r.recipient, r.country, r.third_country) for r in rows] == [
        ("newsletter", "mailtool", "US", True),
        ("hosting", "cloud", "SE", False),
        ("hosting", "backup", "GB", True),
        ("hosting", "backup", "IN", True),
    ]
    assert rows[2].via == ("cloud",)
    assert rows[3].safeguard == "unknown, to be confirmed"
    assert rows[1].safeguard == ""


def test_holtes_transfers_all_appear_as_transfer_edges() -> None:
    graph = build_graph(load_registry(ROOT / "registry"))
    edges = {
        (graph.graph.nodes[u]["entity"], graph.graph.nodes[v]["entity"])
        for u, v, d in graph.graph.edges(data=True)
        if d["kind"] == "located_in" and d["transfer"]
    }
    assert edges == {(t.party, t.country) for t in graph.registry.transfers}


def test_the_flows_table_names_everything_in_the_language_asked() -> None:
    from holte_ropa import flows_table

    rows = flows_table(load_registry(SMALL), "nb")
    assert rows[0].activity_name == "Nyhetsbrev"
    assert rows[0].data_category_names == ("Navn", "E-postadresse")
    assert rows[0].role_name == "databehandler"
    assert rows[0].country_name == "USA"
    assert rows[0].safeguard == "EUs standardavtaler (modul 2) (GDPR art. 46 nr. 2 bokstav c)"


def test_an_international_organisation_shows_its_transfer_basis_in_its_box(
    make_registry: MakeRegistry,
) -> None:
    """A transfer wherever it sits (GDPR Art. 44): the EPO in Germany still says it."""
    from holte_ropa.graph import export_graph

    filing = """\
activities:
  - id: patents
    name: {nb: Patentsøknader, en: Patent applications}
    description: {nb: Vi søker patent., en: We file patents.}
    role: controller
    recipients:
      controllers: [epo]
parties:
  - id: epo
    legal_name: European Patent Organisation
    trade_name: EPO
    role: controller
    service: {nb: Patenter, en: Patents}
    locations: [{country: DE}]
    international_organisation: {code: EPO, mechanism: {mechanism: adequacy}}
"""
    graph = build_graph(load_registry(make_registry({"r.yaml": filing})))
    dot = export_graph(graph.view("organisation"), "dot", "en").decode("utf-8")
    assert '"party:epo" [label="EPO\\nindependent controller\\n→ EPO: adequacy"' in dot
