"""The data-flow page: the diagrams drawn by Graphviz at build time, and the same flows
as a table.

A diagram alone shuts out screen-reader users and anyone on a small screen, so every
flow it draws is also a row of a captioned table (WCAG 1.1.1, 1.3.1). The SVG is
embedded inline, keeping its ``<title>`` and ``<desc>``, and loads nothing from anywhere.
"""

from __future__ import annotations

import re

from holte_ropa.graph._formats import render_svg
from holte_ropa.graph._graph import build_graph, country_name
from holte_ropa.graph._labels import UNKNOWN_CODE
from holte_ropa.model._registry import Registry
from holte_ropa.site import _markdown as md
from holte_ropa.terms import LANGUAGES, ROLES

__all__ = ["flows_page"]

_WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "title": "Dataflyt",
        "intro": "Her ser du hvilke opplysninger som går fra hver behandlingsaktivitet til "
        "hvilke mottakere, og i hvilke land mottakerne behandler dem. Tabellen under "
        "diagrammene viser de samme dataflytene som tekst.",
        "all": "Alle dataflyter",
        "transfers": "Overføringer ut av EØS",
        "table": "Dataflyt i tabellform",
        "caption": "Dataflyt per behandlingsaktivitet, mottaker og land",
        "activity": "Behandlingsaktivitet",
        "data": "Opplysninger",
        "recipient": "Mottaker",
        "role": "Rolle",
        "country": "Land",
        "safeguard": "Overføringsgrunnlag",
        "eea": "innenfor EØS",
        UNKNOWN_CODE: "ikke avklart ennå",
        "via": "via",
    },
    "en": {
        "title": "Data flows",
        "intro": "This page shows which personal data goes from each processing activity "
        "to which recipients, and in which countries the recipients process it. The table "
        "below the diagrams shows the same data flows as text.",
        "all": "All data flows",
        "transfers": "Transfers outside the EEA",
        "table": "Data flows as a table",
        "caption": "Data flows by processing activity, recipient and country",
        "activity": "Processing activity",
        "data": "Personal data",
        "recipient": "Recipient",
        "role": "Role",
        "country": "Country",
        "safeguard": "Transfer safeguard",
        "eea": "within the EEA",
        UNKNOWN_CODE: "not yet confirmed",
        "via": "via",
    },
}
_ROLE: dict[str, dict[str, str]] = {
    lang: {
        "processor": ROLES["processor"].label[lang],
        "sub_processor": ROLES["sub_processor"].label[lang],
        "controller": ROLES["independent_controller"].label[lang],  # a party: not us
        "joint_controller": ROLES["joint_controller"].label[lang],
        "authority": {"nb": "offentlig myndighet", "en": "public authority"}[lang],
        "customer": {"nb": "kunde", "en": "customer"}[lang],
    }
    for lang in LANGUAGES
}
_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SIZE = re.compile(r'<svg width="([\d.]+)pt" height="[\d.]+pt"')
_LABELLED_BY = re.compile(r'<svg\b[^>]*aria-labelledby="([^" ]+)')
_GRAPHVIZ_ID = re.compile(r'\bid="((?:graph|clust|node|edge)\d+"|a_(?:node|edge|clust|graph)\d)')


def flows_page(registry: Registry, lang: str) -> str:
    """Markdown of the data-flow page in ``lang``, with inline SVG from Graphviz."""
    words = _WORDS[lang]
    out = [f"# {words['title']}", "", words["intro"], ""]
    views = [("organisation", words["all"])]
    if registry.transfers:
        views.append(("transfers", words["transfers"]))
    for view, heading in views:
        out += [f"## {heading}", "", _figure(render_svg(registry, view, lang), view), ""]
    out += [f"## {words['table']}", "", _flows_table(registry, lang)]
    return "\n".join(out)


def _figure(svg: str, view: str) -> str:
    """The SVG as an inline block: no XML prologue, scalable, ids unique on the page."""
    svg = _COMMENT.sub("", _PROLOGUE.sub("", svg))
    svg = _SIZE.sub(r'<svg style="max-width: \1pt"', svg, count=1)
    svg = _GRAPHVIZ_ID.sub(rf'id="{view}-\1', svg)
    lines = [line for line in svg.splitlines() if line.strip()]
    labelled = _LABELLED_BY.search(svg)
    label = f' aria-labelledby="{labelled.group(1)}"' if labelled else ""
    # A region that scrolls on a phone must be reachable by keyboard (WCAG 2.1.1).
    opening = f'<figure class="holte-diagram" role="group" tabindex="0"{label}>'
    return opening + "\n" + "\n".join(lines) + "\n</figure>"


def _flows_table(registry: Registry, lang: str) -> str:
    words = _WORDS[lang]
    rows = []
    for flow in build_graph(registry).flows(lang):
        activity = registry.activities[flow.activity]
        data = [registry.data_categories[c].name for c in flow.data_categories]
        party = registry.parties[flow.recipient]
        recipient = party.name_in(lang)
        if flow.via:
            names = ", ".join(registry.parties[p].name_in(lang) for p in flow.via)
            recipient += f" ({words['via']} {names})"
        country = (
            words[UNKNOWN_CODE]
            if flow.country == UNKNOWN_CODE
            else country_name(flow.country, lang)
        )
        rows.append(
            (
                _name(activity.name.get(lang), activity.name.nb),
                ", ".join(_name(d.get(lang), d.nb) for d in data),
                recipient,
                _ROLE[lang].get(flow.role, flow.role),
                country,
                flow.safeguard
                if flow.third_country
                else words["eea"]
                if flow.country != UNKNOWN_CODE
                else words[UNKNOWN_CODE],
            )
        )
    header = tuple(
        words[k] for k in ("activity", "data", "recipient", "role", "country", "safeguard")
    )
    return md.table(words["caption"], header, rows, table_id=f"flows-{lang}")


def _name(wanted: str | None, fallback: str | None) -> str:
    return wanted or fallback or ""
