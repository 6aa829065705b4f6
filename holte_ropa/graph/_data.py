"""Graph views as data: GraphML (Gephi, yEd), node-link JSON and Mermaid (Markdown hosts)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import networkx as nx
import yaml

from holte_ropa.graph._graph import GraphView, role_name
from holte_ropa.graph._labels import UNSETTLED
from holte_ropa.graph._style import _ROLE_COLOURS, _TRANSFER, _label, _short_mechanism, _w

# --------------------------------------------------------------------------- data formats


def _scalar(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return ",".join(str(v) for v in value)
    return value


def to_graphml(view: GraphView, lang: str = "nb") -> str:
    """GraphML 1.0 for Gephi and yEd: scalar attributes and a ``label`` in ``lang``.

    Valid against the GraphML XSD (graphml.graphdrawing.org/xmlns/1.0/graphml.xsd):
    every edge has its own id, ``<source>--<kind>--<target>``, stable across runs and
    unchanged when other edges come or go (networkx's default would reuse the multigraph
    key, so 68 edges shared 6 ids, and Gephi kept the first edge per id, yEd the last).
    Booleans are written ``true``/``false`` as XML Schema's ``xs:boolean`` spells them.
    """
    g = nx.MultiDiGraph(name=view.name)
    for n, data in view.graph.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in data.items()}
        g.add_node(n, label=_label(data, lang), **attrs)
    for u, v, k, data in view.graph.edges(keys=True, data=True):
        attrs = {a: _scalar(x) for a, x in data.items()}
        g.add_edge(u, v, key=k, edge_id=f"{u}--{k}--{v}", **attrs)
    lines = nx.generate_graphml(g, prettyprint=True, edge_id_from_attribute="edge_id")
    text = "\n".join(line for line in lines if line.strip())
    # networkx also writes the id attribute as data; the edge's own id says it already
    for helper in re.findall(r'<key id="([^"]+)" for="edge" attr\.name="edge_id"', text):
        text = "\n".join(
            line
            for line in text.split("\n")
            if f'id="{helper}" for="edge"' not in line and f'<data key="{helper}">' not in line
        )
    return '<?xml version="1.0" encoding="utf-8"?>\n' + _xsd_booleans(text) + "\n"


def _xsd_booleans(graphml: str) -> str:
    """``True``/``False`` (Python's spelling, which networkx writes) as ``true``/``false``."""
    keys = re.findall(r'<key id="([^"]+)"[^>]*attr\.type="boolean"', graphml)
    if not keys:
        return graphml
    alternatives = "|".join(map(re.escape, keys))
    pattern = re.compile(rf'(<data key="(?:{alternatives})">)(True|False)(</data>)')
    return pattern.sub(lambda m: m.group(1) + m.group(2).lower() + m.group(3), graphml)


def to_node_link_json(view: GraphView) -> str:
    """networkx's node-link JSON, for D3 and other web tools."""
    payload = nx.node_link_data(view.graph, edges="edges")
    payload["graph"] = {"name": view.name, "title_nb": view.title_nb, "title_en": view.title_en}
    return json.dumps(payload, ensure_ascii=False, indent=2, default=list) + "\n"


def _mid(node: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "_", node)


def _mq(text: str) -> str:
    """A quoted Mermaid label, every special character as Mermaid's own ``#code;`` entity.

    Mermaid decodes ``#name;`` and ``#35;`` in labels before drawing, so a literal ``#``
    must itself be written ``#35;`` (first, or the entities added below would be
    broken): a name containing ``#1;`` would otherwise become U+0001 and break the SVG.
    ``%`` is written ``#37;`` so that no name can hold a ``%%{init: ...}%%`` directive
    (which would reconfigure the diagram, e.g. ``securityLevel: loose``), and ``&`` is
    written ``#38;`` so that no name forms an HTML entity.
    """
    text = text.replace("#", "#35;")
    for char, code in (('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("%", "#37;"), ("&", "#38;")):
        text = text.replace(char, code)
    return '"' + text.replace("\n", "<br/>") + '"'


def _front_matter(title: str) -> list[str]:
    """Mermaid's front matter is YAML: written by a YAML emitter, never by string pasting.

    A title such as ``Transfers outside the EEA: Holte AS`` is not a plain YAML scalar
    (``: `` starts a mapping), and ``#`` would start a comment; the emitter quotes both.
    Mermaid shows the title as plain text: it decodes no ``#37;`` entities there (so the
    title is not entity-escaped as labels are) and reads no ``%%{init}%%`` directive in it
    (tests/graph/test_mermaid_cli.py draws a title holding one).
    """
    body = yaml.safe_dump({"title": title}, allow_unicode=True, width=1_000_000)
    return ["---", *body.rstrip("\n").split("\n"), "---"]


def to_mermaid(view: GraphView, lang: str = "nb") -> str:
    """A Mermaid flowchart: renders on GitHub and GitLab without Graphviz."""
    w = _w(lang)
    g = view.graph
    out = [*_front_matter(view.title(lang)), "flowchart LR"]

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
            lines = [_label(d, lang), role_name(str(d["role"]), lang)]
            if not d.get("located", True):
                lines.append(w["unlocated"])
            out.append(f"  {_mid(n)}[{_mq(chr(10).join(lines))}]")
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
