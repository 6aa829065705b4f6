"""Graph views as data: GraphML (Gephi, yEd), node-link JSON and Mermaid (Markdown hosts)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import networkx as nx

from holte_ropa.graph._graph import GraphView, role_name
from holte_ropa.graph._labels import UNSETTLED
from holte_ropa.graph._style import _ROLE_COLOURS, _TRANSFER, _label, _short_mechanism, _w

# --------------------------------------------------------------------------- data formats


def _scalar(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return ",".join(str(v) for v in value)
    return value


def to_graphml(view: GraphView, lang: str = "nb") -> str:
    """GraphML for yEd and Gephi: scalar attributes and a ``label`` in ``lang``."""
    g = nx.MultiDiGraph(name=view.name)
    for n, data in view.graph.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in data.items()}
        g.add_node(n, label=_label(data, lang), **attrs)
    for u, v, k, data in view.graph.edges(keys=True, data=True):
        g.add_edge(u, v, key=k, **{a: _scalar(x) for a, x in data.items()})
    return "\n".join(nx.generate_graphml(g, prettyprint=True)) + "\n"


def to_node_link_json(view: GraphView) -> str:
    """networkx's node-link JSON, for D3 and other web tools."""
    payload = nx.node_link_data(view.graph, edges="edges")
    payload["graph"] = {"name": view.name, "title_nb": view.title_nb, "title_en": view.title_en}
    return json.dumps(payload, ensure_ascii=False, indent=2, default=list) + "\n"


def _mid(node: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "_", node)


def _mq(text: str) -> str:
    """A quoted Mermaid label: Mermaid's own #entity; codes, not HTML's."""
    for char, code in (('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(char, code)
    return '"' + text.replace("\n", "<br/>") + '"'


def to_mermaid(view: GraphView, lang: str = "nb") -> str:
    """A Mermaid flowchart: renders on GitHub and GitLab without Graphviz."""
    w = _w(lang)
    g = view.graph
    out = ["---", f"title: {view.title(lang)}", "---", "flowchart LR"]

    def block(name: str, label: str, nodes: Iterator[str]) -> None:
        members = list(nodes)
        if members:
            out.append(f"  subgraph {name}[{_mq(label)}]")
            out.extend(f"    {m}" for m in members)
            out.append("  end")

    nodes = list(g.nodes(data=True))
    block(
        "subjects",
        w["subjects"],
        (f"{_mid(n)}([{_mq(_label(d, lang))}])" for n, d in nodes if d["kind"] == "subject"),
    )
    block(
        "organisation",
        view.organisation,
        (f"{_mid(n)}[{_mq(_label(d, lang))}]" for n, d in nodes if d["kind"] == "activity"),
    )
    for n, d in nodes:
        if d["kind"] == "party":
            role = str(d["role"])
            out.append(f"  {_mid(n)}[{_mq(_label(d, lang) + chr(10) + role_name(role, lang))}]")
    for region in ("eea", "third_country"):
        block(
            region,
            w[region],
            (
                f"{_mid(n)}{{{{{_mq(_label(d, lang))}}}}}"
                for n, d in nodes
                if d["kind"] == "country" and d["region"] == region
            ),
        )
    transfer_links: list[str] = []
    index = 0
    for u, v, d in g.edges(data=True):
        if d["kind"] == "performs":
            continue
        arrow = "-->"
        if d["kind"] == "located_in":
            if d["third_country"]:
                mechanism = str(d["mechanism"])
                arrow = "-.->" if mechanism in UNSETTLED else "-->"
                arrow = f"{arrow}|{_mq(_short_mechanism(mechanism, lang))}|"
                if d["transfer"]:
                    transfer_links.append(str(index))
            else:
                arrow = "-.->"
        elif d["kind"] == "sub_processing":
            arrow = "==>"
        out.append(f"  {_mid(u)} {arrow} {_mid(v)}")
        index += 1
    for role, (fill, line) in _ROLE_COLOURS.items():
        members = [_mid(n) for n, d in nodes if d["kind"] == "party" and d["role"] == role]
        if members:
            out.append(f"  classDef {role} fill:{fill},stroke:{line},color:#000")
            out.append(f"  class {','.join(members)} {role}")
    if transfer_links:
        out.append(f"  linkStyle {','.join(transfer_links)} stroke:{_TRANSFER},stroke-width:2px")
    return "\n".join(out) + "\n"
