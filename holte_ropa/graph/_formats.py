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
import shutil
import struct
import subprocess
import zlib
from typing import Any, Literal

import networkx as nx

from holte_ropa._reproducible import pinned_moment
from holte_ropa.graph._data import to_graphml, to_mermaid, to_node_link_json
from holte_ropa.graph._graph import GraphView, build_graph, role_name
from holte_ropa.graph._labels import UNSETTLED
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

_INSTALL_HINT = (
    "Graphviz's `dot` program is not installed or not on PATH; it draws the SVG, PNG and "
    "PDF diagrams. Install it with `apt-get install graphviz` (Debian/Ubuntu), "
    "`brew install graphviz` (macOS) or from https://graphviz.org/download/; the dot, "
    "graphml, graphml-yed, json and mermaid formats work without it."
)


class GraphvizMissingError(RuntimeError):
    """``dot`` is not installed; the message says how to install it."""


class GraphvizError(RuntimeError):
    """``dot`` ran and failed."""


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
    focused = view.name not in ("organisation", "transfers")

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
                    label=_lines(_label(data, lang), str(data["entity"])),
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
    """ "US: DPF" lines inside a party's box: a label on a converging edge is ambiguous."""
    w = _w(lang)
    notes: list[str] = [] if g.nodes[party].get("located", True) else [w["unlocated"]]
    for _, country, data in g.out_edges(party, data=True):
        if data["kind"] == "located_in" and data["third_country"]:
            note = (
                f"→ {g.nodes[country]['entity']}: {_short_mechanism(str(data['mechanism']), lang)}"
            )
            if data["access"] != "processing":
                note += f" ({w.get(str(data['access']), str(data['access']))})"
            notes.append(note)
    return notes


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
            f'<TD ALIGN="LEFT">{html.escape(w["legend_unlocated"])}</TD></TR>'
        )
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


def render(dot_source: str, fmt: Literal["svg", "png", "pdf"]) -> bytes:
    """Run Graphviz ``dot``; raises GraphvizMissingError (with install advice) or GraphvizError."""
    exe = shutil.which("dot")
    if exe is None:
        raise GraphvizMissingError(_INSTALL_HINT)
    # PNG at twice Graphviz's 96 dpi, so diagrams stay sharp on high-density screens
    # and in printed documents; SVG and PDF are vector and need no resolution.
    resolution = ["-Gdpi=192"] if fmt == "png" else []
    result = subprocess.run(
        [exe, f"-T{fmt}", *resolution],
        input=dot_source.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise GraphvizError(f"dot -T{fmt} failed: {message}")
    if fmt == "pdf":
        return _pin_pdf_date(result.stdout)
    if fmt == "png":
        return _with_resolution(result.stdout, 192)
    return result.stdout


def _with_resolution(png: bytes, dpi: int) -> bytes:
    """The PNG with a ``pHYs`` chunk saying ``dpi`` (Graphviz writes none).

    Without it, programs that place images by their physical size (word processors,
    print dialogs) assume 72 or 96 dpi and show a 2x diagram twice as large.
    """
    if b"pHYs" in png[:64]:
        return png
    per_metre = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)  # unit 1: metre
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body))
    end_of_header = 8 + 8 + 13 + 4  # signature, IHDR length and type, its data, its CRC
    return png[:end_of_header] + chunk + png[end_of_header:]


_PDF_DATE = re.compile(rb"/CreationDate \(D:\d{14}Z?\)")


def _pin_pdf_date(pdf: bytes) -> bytes:
    """Replace cairo's wall-clock CreationDate with SOURCE_DATE_EPOCH, else 1980-01-01.

    The same moment the xlsx records carry (:func:`pinned_moment`). The replacement has
    the same length, so the PDF's cross-reference offsets stay valid.
    """
    stamp = pinned_moment().strftime("%Y%m%d%H%M%S")

    def pin(match: re.Match[bytes]) -> bytes:
        zulu = b"Z" if match.group(0).endswith(b"Z)") else b""
        return b"/CreationDate (D:" + stamp.encode() + zulu + b")"

    return _PDF_DATE.sub(pin, pdf)


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
    svg = render(to_dot(view, lang), "svg").decode("utf-8")
    return _svg_with_title(_readable_titles(svg, view, lang), view, lang)


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


def export_graph(view: GraphView, fmt: GraphFormat, lang: str = "nb") -> bytes:
    """The view in ``fmt`` (one of ``GRAPH_FORMATS``), as bytes ready to write.

    Labels are in ``lang`` (``nb`` or ``en``, else ValueError). ``svg``, ``png`` and
    ``pdf`` are drawn by Graphviz's ``dot``: GraphvizMissingError when it is not
    installed, GraphvizError when it fails; the other formats need no program.
    """
    lang = published_language(lang)
    if fmt == "dot":
        return to_dot(view, lang).encode("utf-8")
    if fmt == "svg":
        return _svg(view, lang).encode("utf-8")
    if fmt == "png":
        return render(to_dot(view, lang), fmt)
    if fmt == "pdf":
        # the title a viewer shows, and the text equivalent as the subject
        pdf = render(to_dot(view, lang), fmt)
        return with_document_info(pdf, view.title(lang), describe(view, lang))
    if fmt == "graphml":
        return to_graphml(view, lang).encode("utf-8")
    if fmt == "graphml-yed":
        return to_yed_graphml(view, lang).encode("utf-8")
    if fmt == "json":
        return to_node_link_json(view).encode("utf-8")
    if fmt == "mermaid":
        return to_mermaid(view, lang).encode("utf-8")
    raise ValueError(f"unknown graph format '{fmt}'; use one of {', '.join(GRAPH_FORMATS)}")
