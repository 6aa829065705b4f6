"""Graph exports: DOT, SVG/PNG/PDF through Graphviz ``dot``, GraphML, node-link JSON, Mermaid.

Diagrams are for people who were not in the room: auditors, Datatilsynet, the public.
So they flow left to right (subjects -> activities -> parties -> countries), put EEA and
third countries in separate boxes, colour parties by role *and* say the role in words,
and carry a legend. Every output is byte-identical across runs: nodes and edges keep
registry order, and the PDF's creation date is pinned (cairo ignores SOURCE_DATE_EPOCH).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any, Literal

import networkx as nx

from holte_ropa.graph._data import to_graphml, to_mermaid, to_node_link_json
from holte_ropa.graph._dot import (
    DrawFormat,
    GraphvizError,
    GraphvizMissingError,
    draw,
    draw_ahead,
    render,
)
from holte_ropa.graph._graph import GraphView, build_graph, role_name
from holte_ropa.graph._labels import UNSETTLED, WHOLE_VIEWS
from holte_ropa.graph._pdf import with_document_info
from holte_ropa.graph._style import (
    _ACTIVITY_COLOURS,
    _COUNTRY_COLOURS,
    _EEA_CLUSTER,
    _FONT,
    _QUIET,
    _ROLE_COLOURS,
    _SUBJECT_COLOURS,
    _THIRD_CLUSTER,
    _TRANSFER,
    _label,
    _short_mechanism,
    _w,
)
from holte_ropa.graph._yed import to_yed_graphml
from holte_ropa.model._registry import Registry
from holte_ropa.terms import published_language

__all__ = [
    "GRAPH_FORMATS",
    "GraphFormat",
    "GraphvizError",
    "GraphvizMissingError",
    "export_graph",
    "export_graphs",
    "export_graphs_ahead",
    "render",
    "render_svg",
    "to_dot",
    "to_graphml",
    "to_mermaid",
    "to_node_link_json",
    "to_yed_graphml",
]
GraphFormat = Literal["dot", "svg", "png", "pdf", "graphml", "graphml-yed", "json", "mermaid"]
GRAPH_FORMATS: tuple[GraphFormat, ...] = (
    "dot",
    "svg",
    "png",
    "pdf",
    "graphml",
    "graphml-yed",
    "json",
    "mermaid",
)
FILE_SUFFIX: dict[str, str] = {"mermaid": "mmd", "graphml-yed": "yed.graphml"}

# --------------------------------------------------------------------------- DOT


def _q(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _lines(*lines: str) -> str:
    """A multi-line DOT label: each line escaped, joined with DOT's own newline."""
    return '"' + "\\n".join(x.replace("\\", "\\\\").replace('"', '\\"') for x in lines) + '"'


def _wrap(value: str, width: int = 26) -> list[str]:
    """Break long names so boxes stay narrow and the diagram stays wide, not huge."""
    words, lines, line = value.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines or [value]


def _attrs(**values: str) -> str:
    return "[" + ", ".join(f"{k}={v}" for k, v in values.items()) + "]"


def to_dot(view: GraphView, lang: str = "nb") -> str:
    """The view as Graphviz DOT, laid out left to right with clusters and a legend."""
    w = _w(lang)
    g = view.graph
    out: list[str] = [
        f"digraph {_q(view.title(lang))} {{",
        f"  graph [rankdir=LR, newrank=true, fontname={_q(_FONT)}, fontsize=14, "
        f"labelloc=t, labeljust=l, label={_q(view.title(lang))}, nodesep=0.18, ranksep=0.7, "
        "pad=0.2, splines=true, outputorder=edgesfirst];",
        f'  node [fontname={_q(_FONT)}, fontsize=10, shape=box, style="rounded,filled", '
        'margin="0.12,0.05", penwidth=1.2];',
        f"  edge [fontname={_q(_FONT)}, fontsize=9, color={_q(_QUIET)}, arrowsize=0.6];",
    ]
    by_kind: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for n, data in g.nodes(data=True):
        by_kind.setdefault(str(data["kind"]), []).append((n, data))
    focused = view.name not in WHOLE_VIEWS

    out += _cluster("cluster_subjects", w["subjects"], ("#FFFDF0", "#D8CC8A"))
    for n, data in by_kind.get("subject", []):
        fill, line = _SUBJECT_COLOURS
        out.append(
            f"    {_q(n)} "
            + _attrs(
                label=_lines(*_wrap(_label(data, lang))),
                shape="ellipse",
                style="filled",
                fillcolor=_q(fill),
                color=_q(line),
            )
            + ";"
        )
    out.append("  }")

    out += _cluster("cluster_organisation", view.organisation, ("#F7F7F7", "#333333"))
    for n, data in by_kind.get("activity", []):
        fill, line = _ACTIVITY_COLOURS
        text = _wrap(_label(data, lang))
        if data.get("role") == "processor":
            text.append(f"({w['as_processor']})")
        elif data.get("role") == "joint_controller":
            text.append(f"({w['as_joint']})")
        if data.get("special"):
            text.append(w["special"])
        if focused:
            # What the activity discloses: every edge out of it carries these categories.
            text += ["", *_wrap(", ".join(data["data_nb" if lang == "nb" else "data_en"]), 34)]
        out.append(
            f"    {_q(n)} "
            + _attrs(
                label=_lines(*text),
                fillcolor=_q(fill),
                color=_q(line),
                penwidth="2.4" if data.get("special") else "1.2",
            )
            + ";"
        )
    out.append("  }")

    for n, data in by_kind.get("party", []):
        role = str(data["role"])
        fill, line = _ROLE_COLOURS.get(role, ("#FFFFFF", "#333333"))
        out.append(
            f"  {_q(n)} "
            + _attrs(
                label=_lines(
                    *_wrap(_label(data, lang)), role_name(role, lang), *_transfer_notes(g, n, lang)
                ),
                fillcolor=_q(fill),
                color=_q(line),
            )
            + ";"
        )

    countries = by_kind.get("country", [])
    for region, colours in (("eea", _EEA_CLUSTER), ("third_country", _THIRD_CLUSTER)):
        members = [(n, d) for n, d in countries if d["region"] == region]
        if not members:
            continue
        # Arrows converge on the countries from the left and top: the name goes below.
        out += _cluster(f"cluster_{region}", w[region], colours, where="b")
        for n, data in members:
            fill, line = _COUNTRY_COLOURS
            out.append(
                f"    {_q(n)} "
                + _attrs(
                    label=_lines(_label(data, lang)),
                    shape="box",
                    style="filled",
                    fillcolor=_q(fill),
                    color=_q(line),
                )
                + ";"
            )
        out.append("  }")

    out += _legend(view, lang)
    for u, v, data in g.edges(data=True):
        statement = _edge(u, v, data, lang, focused)
        if statement:
            out.append(statement)
    out.append("}")
    return "\n".join(out) + "\n"


def _transfer_notes(g: nx.MultiDiGraph, party: str, lang: str) -> list[str]:
    """ "USA: DPF" lines inside a party's box: a label on a converging edge is ambiguous.

    The country is named in the diagram's language, never by its ISO code.
    """
    w = _w(lang)
    notes: list[str] = [] if g.nodes[party].get("located", True) else [w["unlocated"]]
    if g.nodes[party].get("organisation"):
        mechanism = _short_mechanism(str(g.nodes[party]["organisation_mechanism"]), lang)
        notes.append(f"→ {g.nodes[party]['organisation']}: {mechanism}")
    for _, country, data in g.out_edges(party, data=True):
        if data["kind"] == "located_in" and data["third_country"]:
            mechanism = _short_mechanism(str(data["mechanism"]), lang)
            note = f"→ {_label(g.nodes[country], lang)}: {mechanism}"
            if data["access"] != "processing":
                note += f" ({w.get(str(data['access']), str(data['access']))})"
            notes.append(note)
    return notes


def _html_lines(text: str) -> str:
    """``text`` for a Graphviz HTML label, each line escaped and left-aligned."""
    return '<BR ALIGN="LEFT"/>'.join(html.escape(line) for line in text.split("\n"))


def _cluster(name: str, label: str, colours: tuple[str, str], where: str = "t") -> list[str]:
    fill, line = colours
    return [
        f"  subgraph {name} {{",
        f'    graph [label={_q(label)}, style="rounded,filled", fillcolor={_q(fill)}, '
        f"color={_q(line)}, fontsize=12, margin=12, labelloc={where}];",
    ]


def _edge(u: str, v: str, data: dict[str, Any], lang: str, focused: bool) -> str | None:
    w = _w(lang)
    kind = data["kind"]
    if kind == "performs":
        return None
    attrs: dict[str, str] = {}
    if kind == "discloses" and focused:
        attrs["tooltip"] = _q(", ".join(data["data_categories"]))
    if kind == "sub_processing":
        attrs["style"] = "bold"
        attrs["color"] = _q(_ROLE_COLOURS["sub_processor"][1])
    if kind == "located_in":
        access = w.get(str(data["access"]), str(data["access"]))
        if data["third_country"]:
            mechanism = str(data["mechanism"])
            known = mechanism not in UNSETTLED
            short = _short_mechanism(mechanism, lang)
            attrs["tooltip"] = _q(f"{short} ({access})")
            attrs["color"] = _q(_TRANSFER if data["transfer"] else _QUIET)
            attrs["fontcolor"] = _q(_TRANSFER if data["transfer"] else _QUIET)
            attrs["penwidth"] = "1.6"
            if not known:
                attrs["style"] = "dashed"
        else:
            # A label here floats between converging dotted lines: a tooltip is enough.
            attrs["style"] = "dotted"
            attrs["tooltip"] = _q(access)
    body = f"  {_q(u)} -> {_q(v)}"
    return f"{body} {_attrs(**attrs)};" if attrs else f"{body};"


def _legend(view: GraphView, lang: str) -> list[str]:
    """A table of the colours and line styles actually used in this view."""
    w = _w(lang)
    g = view.graph
    roles = list(
        dict.fromkeys(str(d["role"]) for _, d in g.nodes(data=True) if d["kind"] == "party")
    )
    rows: list[str] = [
        f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{html.escape(w["legend"])}</B></TD></TR>'
    ]

    def swatch(fill: str, line: str, text: str) -> str:
        return (
            f'<TR><TD BGCOLOR="{fill}" COLOR="{line}" BORDER="1" WIDTH="18" HEIGHT="12"></TD>'
            f'<TD ALIGN="LEFT">{html.escape(text)}</TD></TR>'
        )

    def stroke(colour: str, text: str, dashed: bool = False) -> str:
        mark = "- - →" if dashed else "——→"
        return (
            f'<TR><TD><FONT COLOR="{colour}">{mark}</FONT></TD>'
            f'<TD ALIGN="LEFT">{html.escape(text)}</TD></TR>'
        )

    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    if "subject" in kinds:
        rows.append(swatch(*_SUBJECT_COLOURS, w["subject"]))
    if "activity" in kinds:
        rows.append(swatch(*_ACTIVITY_COLOURS, w["activity"]))
    rows += [swatch(*_ROLE_COLOURS[r], role_name(r, lang)) for r in _ROLE_COLOURS if r in roles]
    edges = [d for _, _, d in g.edges(data=True) if d["kind"] == "located_in"]
    if any(not d["third_country"] for d in edges):
        rows.append(stroke(_QUIET, w["eea_location"], dashed=True))
    third = [d for d in edges if d["third_country"]]
    if any(d["mechanism"] not in UNSETTLED for d in third):
        rows.append(stroke(_TRANSFER, w["transfer"]))
    if any(d["mechanism"] in UNSETTLED for d in third):
        rows.append(stroke(_TRANSFER, w["transfer_unknown"], dashed=True))
    if unlocated_parties(g, lang):
        rows.append(
            f'<TR><TD><FONT COLOR="{_TRANSFER}">?</FONT></TD>'
            f'<TD ALIGN="LEFT">{_html_lines(w["legend_unlocated"])}</TD></TR>'
        )
    if any(d["mechanism"] == "dpf" for d in third):
        # "USA: DPF" in a box is an abbreviation: the legend spells it out.
        rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT">{html.escape(w["dpf"])}</TD></TR>')
    table = (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>>"
    )
    return [
        "  subgraph cluster_legend {",
        '    graph [label="", style="rounded", color="#BBBBBB", margin=8];',
        f'    legend [shape=plaintext, style="", margin=0, label={table}];',
        "  }",
    ]


# --------------------------------------------------------------------------- rendering


def _svg_with_title(svg: str, view: GraphView, lang: str) -> str:
    """Give the SVG an accessible name and description, for screen readers on the site."""
    slug = re.sub(r"[^a-z0-9]+", "-", view.name.lower()).strip("-")
    title_id, desc_id = f"graph-{slug}-{lang}-title", f"graph-{slug}-{lang}-desc"
    head = (
        f'<title id="{title_id}">{html.escape(view.title(lang))}</title>\n'
        f'<desc id="{desc_id}">{html.escape(describe(view, lang))}</desc>\n'
    )
    match = re.search(r"<svg\b[^>]*>\n?", svg)
    if match is None:
        return svg
    opening = match.group(0).rstrip("\n").rstrip(">")
    opening += f' role="img" aria-labelledby="{title_id} {desc_id}">\n'
    return svg[: match.start()] + opening + head + svg[match.end() :]


def describe(view: GraphView, lang: str) -> str:
    """A one-paragraph text equivalent of the view, for ``<desc>`` and alt texts."""
    w = _w(lang)
    g = view.graph
    count = {k: 0 for k in ("activity", "party", "country")}
    for _, data in g.nodes(data=True):
        if data["kind"] in count:
            count[data["kind"]] += 1
    transfers: dict[str, None] = {}
    for u, v, data in g.edges(data=True):
        if data["kind"] == "located_in" and data["transfer"]:
            party = _label(g.nodes[u], lang)
            country = _label(g.nodes[v], lang)
            mechanism = _short_mechanism(str(data["mechanism"]), lang)
            transfers[f"{party} → {country} ({mechanism})"] = None
    unlocated = unlocated_parties(g, lang)
    said = [w["desc_transfers"].format(list="; ".join(transfers))] if transfers else []
    if unlocated:
        # the record is silent on where these parties are: never claim "no transfers"
        said.append(w["desc_unlocated"].format(list=", ".join(unlocated)))
    t = " ".join(said) or w["desc_none"]
    a, p, c = count["activity"], count["party"], count["country"]
    if lang == "nb":
        words = {"a_s": "behandlingsaktivitet" if a == 1 else "behandlingsaktiviteter"}
        words["p_s"] = "mottaker" if p == 1 else "mottakere"
        words["c_s"] = "kjente land" if unlocated else "land"
    else:
        words = {"a_s": "activity" if a == 1 else "activities"}
        words["p_s"] = "recipient" if p == 1 else "recipients"
        words["c_s"] = "country" if c == 1 else "countries"
        if unlocated:
            words["c_s"] = "known " + words["c_s"]
    return w["desc"].format(a=a, p=p, c=c, t=t, **words).strip()


def unlocated_parties(g: nx.MultiDiGraph, lang: str) -> list[str]:
    """The names of the view's parties whose countries the record leaves unknown."""
    return [
        _label(d, lang)
        for _, d in g.nodes(data=True)
        if d["kind"] == "party" and not d.get("located", True)
    ]


def render_svg(registry: Registry, view: str = "organisation", lang: str = "nb") -> str:
    """The SVG of one view, with ``<title>`` and ``<desc>``: what the site embeds.

    ``view`` as for :meth:`DataFlowGraph.view`; ``lang`` ``nb`` or ``en`` (else
    ValueError). Raises GraphvizMissingError when the ``dot`` program is not installed
    and GraphvizError when it fails.
    """
    graph_view = build_graph(registry).view(view)
    return _svg(graph_view, published_language(lang))


def _svg(view: GraphView, lang: str) -> str:
    return _finished(view, "svg", lang, render(to_dot(view, lang), "svg")).decode("utf-8")


_SVG_TITLE = re.compile(r"<title>([^<]*)</title>")


def _readable_titles(svg: str, view: GraphView, lang: str) -> str:
    """Names, not internal ids, in the ``<title>`` a browser shows as a tooltip.

    Graphviz titles each node, edge and cluster with its DOT id (``party:sms-vendor``,
    ``subject:a->activity:b``, ``cluster_eea``); people hovering see the names instead.
    """
    w = _w(lang)
    g = view.graph
    names = {n: _label(d, lang) for n, d in g.nodes(data=True)}
    names |= {
        "cluster_subjects": w["subjects"],
        "cluster_organisation": view.organisation,
        "cluster_eea": w["eea"],
        "cluster_third_country": w["third_country"],
        "cluster_legend": w["legend"],
        "legend": w["legend"],
    }

    def readable(match: re.Match[str]) -> str:
        title = html.unescape(match.group(1))
        if title in names:
            return f"<title>{html.escape(names[title], quote=False)}</title>"
        source, arrow, target = title.partition("->")
        if arrow and source in names and target in names:
            text = f"{names[source]} → {names[target]}"
            return f"<title>{html.escape(text, quote=False)}</title>"
        return match.group(0)

    return _SVG_TITLE.sub(readable, svg)


# --------------------------------------------------------------------------- dispatch


_DRAWN_FORMATS: dict[str, DrawFormat] = {"svg": "svg", "png": "png", "pdf": "pdf"}
"""The formats Graphviz draws, by name."""


def _finished(view: GraphView, fmt: DrawFormat, lang: str, drawn: bytes) -> bytes:
    """What Graphviz drew, with the view's title and text equivalent where the format
    carries them: ``<title>``/``<desc>`` in SVG, document Title and Subject in PDF."""
    if fmt == "svg":
        svg = _readable_titles(drawn.decode("utf-8"), view, lang)
        return _svg_with_title(svg, view, lang).encode("utf-8")
    if fmt == "pdf":
        return with_document_info(drawn, view.title(lang), describe(view, lang))
    return drawn


def export_graph(view: GraphView, fmt: GraphFormat, lang: str = "nb") -> bytes:
    """The view in ``fmt`` (one of ``GRAPH_FORMATS``), as bytes ready to write.

    Labels are in ``lang`` (``nb`` or ``en``, else ValueError). ``svg``, ``png`` and
    ``pdf`` are drawn by Graphviz's ``dot``: GraphvizMissingError when it is not
    installed, GraphvizError when it fails; the other formats need no program.
    """
    lang = published_language(lang)
    if fmt == "dot":
        return to_dot(view, lang).encode("utf-8")
    if fmt in _DRAWN_FORMATS:
        drawn = _DRAWN_FORMATS[fmt]
        return _finished(view, drawn, lang, render(to_dot(view, lang), drawn))
    if fmt == "graphml":
        return to_graphml(view, lang).encode("utf-8")
    if fmt == "graphml-yed":
        return to_yed_graphml(view, lang).encode("utf-8")
    if fmt == "json":
        return to_node_link_json(view).encode("utf-8")
    if fmt == "mermaid":
        return to_mermaid(view, lang).encode("utf-8")
    raise ValueError(f"unknown graph format '{fmt}'; use one of {', '.join(GRAPH_FORMATS)}")


GraphJob = tuple[GraphView, GraphFormat, str]
"""One output of :func:`export_graphs`: a view, a format and a language."""


def export_graphs_ahead(jobs: Sequence[GraphJob]) -> None:
    """Start Graphviz on the diagrams of ``jobs`` and return at once.

    Within a drawing session (:func:`holte_ropa.graph._dot.drawing_session`) a later
    :func:`export_graphs` of the same jobs finds them drawn or under way; the caller does
    other work meanwhile. Outside a session nothing is started.
    """
    draw_ahead(_plan(jobs)[2])


def _plan(
    jobs: Sequence[GraphJob],
) -> tuple[list[str], dict[tuple[int, str], str], dict[DrawFormat, list[str]]]:
    """Each job's language, each view's DOT per language, and the sources to draw."""
    langs: list[str] = [published_language(lang) for _, _, lang in jobs]
    dots: dict[tuple[int, str], str] = {}
    for (view, fmt, _), lang in zip(jobs, langs, strict=True):
        if fmt in ("dot", *_DRAWN_FORMATS) and (id(view), lang) not in dots:
            dots[(id(view), lang)] = to_dot(view, lang)
    wanted: dict[DrawFormat, list[str]] = {}
    for (view, fmt, _), lang in zip(jobs, langs, strict=True):
        if fmt in _DRAWN_FORMATS:
            wanted.setdefault(_DRAWN_FORMATS[fmt], []).append(dots[(id(view), lang)])
    return langs, dots, wanted


def export_graphs(jobs: Sequence[GraphJob]) -> list[bytes]:
    """What :func:`export_graph` gives for each (view, format, language), in order.

    Each view's DOT is written once per language, and the diagrams are drawn side by
    side, each once (see :func:`holte_ropa.graph._dot.draw`). Errors as for
    ``export_graph``.
    """
    langs, dots, wanted = _plan(jobs)
    drawn = {fmt: iter(outputs) for fmt, outputs in draw(wanted).items()}
    results: list[bytes] = []
    for (view, fmt, _), lang in zip(jobs, langs, strict=True):
        if fmt == "dot":
            results.append(dots[(id(view), lang)].encode("utf-8"))
        elif fmt in _DRAWN_FORMATS:
            kind = _DRAWN_FORMATS[fmt]
            results.append(_finished(view, kind, lang, next(drawn[kind])))
        else:
            results.append(export_graph(view, fmt, lang))
    return results
