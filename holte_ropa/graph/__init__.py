"""The data-flow graph of the record and its formats.

``build_graph(registry)`` gives a ``DataFlowGraph`` (a networkx ``MultiDiGraph`` with
typed nodes and edges), its views, and the queries ``impact()`` and ``where_is()``;
``flows_table()`` is the same flows as rows. ``export_graph()`` writes a view as DOT,
SVG/PNG/PDF (through the ``dot`` binary), GraphML, node-link JSON or Mermaid.

It may import :mod:`holte_ropa.model`; never rules, records, notice or site.
"""

from __future__ import annotations

from holte_ropa.graph._formats import (
    FILE_SUFFIX,
    GRAPH_FORMATS,
    GraphvizError,
    GraphvizMissingError,
    export_graph,
    render_svg,
)
from holte_ropa.graph._graph import (
    VIEW_KINDS,
    DataFlowGraph,
    FlowRow,
    GraphView,
    Impact,
    UnknownEntityError,
    WhereIs,
    build_graph,
    flows_table,
)

__all__ = [
    "FILE_SUFFIX",
    "GRAPH_FORMATS",
    "VIEW_KINDS",
    "DataFlowGraph",
    "FlowRow",
    "GraphView",
    "GraphvizError",
    "GraphvizMissingError",
    "Impact",
    "UnknownEntityError",
    "WhereIs",
    "build_graph",
    "export_graph",
    "flows_table",
    "render_svg",
]
