"""GraphML for yEd: the same graph, with yEd's own drawing markup so names show.

yEd reads standard GraphML ``<data>`` as properties but draws a node's or an edge's text
only from the yFiles GraphML extension (namespace ``http://www.yworks.com/xml/graphml``):
a ``<key for="node" yfiles.type="nodegraphics"/>`` whose ``<data>`` holds a
``<y:ShapeNode>`` with a ``<y:NodeLabel>``, and for edges a ``<y:PolyLineEdge>`` with a
``<y:EdgeLabel>``. yEd does not lay a file out when it opens it, so each node gets a
position: one column per kind, left to right as in the diagrams (the organisation and
the data subjects, activities, parties, countries), in registry order; yEd's Layout >
Hierarchic tidies it further.

The extension is not part of the GraphML XSD (yWorks publishes its own ``ygraphml.xsd``
that allows it), so this is a format of its own, ``graphml-yed``; plain ``graphml``
stays valid against the GraphML schema for Gephi and networkx.

yEd draws labels with Java Swing, which renders a text whose first character is ``<`` and
that starts ``<html>`` as HTML (fetching the images it names). A label that starts with
``<`` therefore starts with a space, so a name like ``<html><img src=...>`` shows as
written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from holte_ropa.graph._data import to_graphml
from holte_ropa.graph._graph import GraphView, role_name
from holte_ropa.graph._labels import UNSETTLED
from holte_ropa.graph._style import (
    _ACTIVITY_COLOURS,
    _COUNTRY_COLOURS,
    _QUIET,
    _ROLE_COLOURS,
    _SUBJECT_COLOURS,
    _TRANSFER,
    _label,
    _short_mechanism,
    _w,
)

__all__ = ["to_yed_graphml"]

_GRAPHML = "http://graphml.graphdrawing.org/xmlns"
_Y = "http://www.yworks.com/xml/graphml"
_NODE_KEY, _EDGE_KEY = "yed_node", "yed_edge"
_COLUMNS = {"organisation": 0, "subject": 0, "activity": 1, "party": 2, "country": 3}
_WIDTH, _HEIGHT, _GAP_X, _GAP_Y = 220.0, 56.0, 120.0, 24.0
_SHAPES = {"subject": "ellipse", "activity": "roundrectangle", "country": "hexagon"}


def _g(tag: str) -> str:
    return f"{{{_GRAPHML}}}{tag}"


def _y(tag: str) -> str:
    return f"{{{_Y}}}{tag}"


def _colours(data: dict[str, Any]) -> tuple[str, str]:
    kind = data["kind"]
    if kind == "party":
        return _ROLE_COLOURS.get(str(data["role"]), ("#FFFFFF", "#333333"))
    return {
        "subject": _SUBJECT_COLOURS,
        "activity": _ACTIVITY_COLOURS,
        "country": _COUNTRY_COLOURS,
    }.get(kind, ("#FFFFFF", "#333333"))


def _node_text(data: dict[str, Any], lang: str) -> str:
    text = _label(data, lang)
    if data["kind"] == "party":
        text += "\n" + role_name(str(data["role"]), lang)
        if not data.get("located", True):
            text += "\n" + _w(lang)["unlocated"]
    return text


def _text(parent: ET.Element, tag: str, text: str, colour: str, **model: str) -> None:
    """A ``y:NodeLabel`` or ``y:EdgeLabel``: centred, in yEd's default font."""
    label = ET.SubElement(
        parent,
        _y(tag),
        alignment="center",
        fontFamily="Dialog",
        fontSize="12",
        modelName=model.get("modelName", "centered"),
        modelPosition="c" if tag == "NodeLabel" else "center",
        textColor=colour,
        visible="true",
    )
    label.text = _not_html(text)


def _not_html(text: str) -> str:
    """``text`` as a label yEd shows literally: a leading ``<`` gets a space before it."""
    return f" {text}" if text.startswith("<") else text


def _shape_node(data: dict[str, Any], lang: str, x: float, y: float) -> ET.Element:
    fill, line = _colours(data)
    shape = ET.Element(_y("ShapeNode"))
    ET.SubElement(shape, _y("Geometry"), height=f"{_HEIGHT}", width=f"{_WIDTH}", x=f"{x}", y=f"{y}")
    ET.SubElement(shape, _y("Fill"), color=fill, transparent="false")
    ET.SubElement(shape, _y("BorderStyle"), color=line, type="line", width="1.0")
    _text(shape, "NodeLabel", _node_text(data, lang), "#000000", modelName="internal")
    ET.SubElement(shape, _y("Shape"), type=_SHAPES.get(str(data["kind"]), "rectangle"))
    return shape


def _poly_line_edge(data: dict[str, Any], lang: str) -> ET.Element:
    edge = ET.Element(_y("PolyLineEdge"))
    transfer = data["kind"] == "located_in" and data.get("third_country")
    colour = _TRANSFER if transfer and data.get("transfer") else _QUIET
    style = "line"
    if data["kind"] == "located_in" and not transfer:
        style = "dotted"
    elif transfer and str(data["mechanism"]) in UNSETTLED:
        style = "dashed"
    width = "2.0" if data["kind"] == "sub_processing" or transfer else "1.0"
    ET.SubElement(edge, _y("LineStyle"), color=colour, type=style, width=width)
    ET.SubElement(edge, _y("Arrows"), source="none", target="standard")
    if transfer:
        _text(edge, "EdgeLabel", _short_mechanism(str(data["mechanism"]), lang), colour)
    ET.SubElement(edge, _y("BendStyle"), smoothed="true")
    return edge


def _positions(view: GraphView) -> dict[str, tuple[float, float]]:
    rows: dict[int, int] = {}
    where: dict[str, tuple[float, float]] = {}
    for node, data in view.graph.nodes(data=True):
        column = _COLUMNS.get(str(data["kind"]), len(_COLUMNS))
        row = rows.get(column, 0)
        rows[column] = row + 1
        where[node] = (column * (_WIDTH + _GAP_X), row * (_HEIGHT + _GAP_Y))
    return where


def to_yed_graphml(view: GraphView, lang: str = "nb") -> str:
    """The view's GraphML (see :func:`to_graphml`) plus yEd's labels, shapes and colours.

    Labels are in ``lang``; every attribute of the plain GraphML stays, so Gephi and
    networkx read this file too.
    """
    ET.register_namespace("", _GRAPHML)
    ET.register_namespace("y", _Y)
    root = ET.fromstring(to_graphml(view, lang).encode("utf-8"))
    keys = root.findall(_g("key"))
    at = list(root).index(keys[-1]) + 1 if keys else 0
    root.insert(
        at, ET.Element(_g("key"), {"for": "node", "id": _NODE_KEY, "yfiles.type": "nodegraphics"})
    )
    root.insert(
        at + 1,
        ET.Element(_g("key"), {"for": "edge", "id": _EDGE_KEY, "yfiles.type": "edgegraphics"}),
    )
    graph = root.find(_g("graph"))
    assert graph is not None  # to_graphml always writes one
    where = _positions(view)
    for element in graph.findall(_g("node")):
        node = element.get("id", "")
        data = ET.SubElement(element, _g("data"), key=_NODE_KEY)
        data.append(_shape_node(view.graph.nodes[node], lang, *where[node]))
    edges = {f"{u}--{k}--{v}": d for u, v, k, d in view.graph.edges(keys=True, data=True)}
    for element in graph.findall(_g("edge")):
        data = ET.SubElement(element, _g("data"), key=_EDGE_KEY)
        data.append(_poly_line_edge(edges[element.get("id", "")], lang))
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    # the schema location names yWorks' extended schema, as yEd's own files do
    body = re.sub(
        r'xsi:schemaLocation="[^"]*"',
        f'xsi:schemaLocation="{_GRAPHML} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"',
        body,
        count=1,
    )
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"
