"""The data-flow page: the diagrams drawn by Graphviz at build time, and the same flows
as a table.

A diagram alone shuts out screen-reader users and anyone on a small screen, so every
flow it draws is also a row of a captioned table (WCAG 1.1.1, 1.3.1). The SVG is
embedded inline, keeping its ``<title>`` and ``<desc>``, and loads nothing from anywhere.
"""

from __future__ import annotations

import math
import re

from holte_ropa.graph._formats import render_svg
from holte_ropa.graph._graph import build_graph, country_name
from holte_ropa.graph._labels import UNKNOWN_CODE, safeguard
from holte_ropa.model._models import is_unknown
from holte_ropa.model._registry import Registry, Transfer
from holte_ropa.site import _markdown as md
from holte_ropa.terms import LANGUAGES, ROLES

__all__ = ["MIN_LABEL_PX", "flows_page"]

MIN_LABEL_PX = 12
"""The smallest size a diagram label is shown at, in CSS pixels."""

_WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "title": "Dataflyt",
        "intro": "Her ser du hvem opplysningene kommer fra, hvilke opplysninger som går fra "
        "hver behandlingsaktivitet til hvilke mottakere, og i hvilke land mottakerne behandler "
        "dem. Tabellen under diagrammene viser de samme dataflytene som tekst.",
        "sources": "Hvor opplysningene kommer fra",
        "recipients": "Hvem som får opplysningene",
        "transfers": "Overføringer ut av EØS",
        "table": "Dataflyt i tabellform",
        "caption": "Dataflyt per behandlingsaktivitet, mottaker og land",
        "activity": "Behandlingsaktivitet",
        "data": "Opplysninger",
        "recipient": "Mottaker",
        "role": "Rolle",
        "country": "Land",
        "safeguard": "Overføringsgrunnlag",
        "eea": "Ingen overføring utenfor EØS",
        UNKNOWN_CODE: "ikke avklart ennå",
        "via": "via",
        "lang": "nb",
    },
    "en": {
        "title": "Data flows",
        "intro": "This page shows whom the personal data comes from, which data goes from "
        "each processing activity to which recipients, and in which countries the recipients "
        "process it. The table below the diagrams shows the same data flows as text.",
        "sources": "Where the data comes from",
        "recipients": "Who receives the data",
        "transfers": "Transfers outside the EEA",
        "table": "Data flows as a table",
        "caption": "Data flows by processing activity, recipient and country",
        "activity": "Processing activity",
        "data": "Personal data",
        "recipient": "Recipient",
        "role": "Role",
        "country": "Country",
        "safeguard": "Transfer basis",
        "eea": "No transfer outside the EEA",
        UNKNOWN_CODE: "not yet confirmed",
        "via": "via",
        "lang": "en",
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
_FONT_SIZE = re.compile(r'font-size="([\d.]+)"')
_LABELLED_BY = re.compile(r'<svg\b[^>]*aria-labelledby="([^" ]+)')
_GRAPHVIZ_ID = re.compile(r'\bid="((?:graph|clust|node|edge)\d+"|a_(?:node|edge|clust|graph)\d)')


def flows_page(registry: Registry, lang: str) -> str:
    """Markdown of the data-flow page in ``lang``, with inline SVG from Graphviz."""
    words = _WORDS[lang]
    out = [f"# {words['title']}", "", words["intro"], ""]
    # The whole organisation in one picture is wider than a page column at any legible
    # size, so the site shows it in halves: where the data comes from, where it goes.
    views = [("sources", words["sources"]), ("recipients", words["recipients"])]
    if registry.transfers:
        views.append(("transfers", words["transfers"]))
    for view, heading in views:
        out += [f"## {heading}", "", _figure(render_svg(registry, view, lang), view), ""]
    out += [f"## {words['table']}", "", _flows_table(registry, lang)]
    return "\n".join(out)


def _figure(svg: str, view: str) -> str:
    """The SVG as an inline block: no XML prologue, scalable, ids unique on the page.

    The diagram shrinks with its column, never above its own size and never below the
    width where its smallest label is 12 CSS pixels: a narrower column (a phone) scrolls
    the diagram inside its own box instead.
    """
    svg = _COMMENT.sub("", _PROLOGUE.sub("", svg))
    svg = _SIZE.sub(lambda m: f'<svg style="{_sizes(svg, float(m.group(1)))}"', svg, count=1)
    svg = _GRAPHVIZ_ID.sub(rf'id="{view}-\1', svg)
    lines = [line for line in svg.splitlines() if line.strip()]
    labelled = _LABELLED_BY.search(svg)
    label = f' aria-labelledby="{labelled.group(1)}"' if labelled else ""
    # A region that scrolls on a phone must be reachable by keyboard (WCAG 2.1.1).
    opening = f'<figure class="holte-diagram" role="group" tabindex="0"{label}>'
    return opening + "\n" + "\n".join(lines) + "\n</figure>"


def _sizes(svg: str, width_pt: float) -> str:
    """``max-width`` (natural size) and ``min-width`` (smallest label at 12 px) of a diagram."""
    sizes = [float(size) for size in _FONT_SIZE.findall(svg)] or [MIN_LABEL_PX * 0.75]
    # Graphviz writes sizes in points in a viewBox measured in points: a label of s pt is
    # s * (shown width / width_pt) px on screen.
    least = math.ceil(width_pt * MIN_LABEL_PX / min(sizes))
    return f"max-width: {width_pt:g}pt; min-width: {least}px"


def _flows_table(registry: Registry, lang: str) -> str:
    words = _WORDS[lang]
    transfers = {(t.activity, t.party, t.country): t for t in registry.transfers}
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
                # No categories recorded: the record does not know, and says so.
                _mid_list([_name(d.get(lang), d.nb) for d in data]) or words[UNKNOWN_CODE],
                recipient,
                _ROLE[lang].get(flow.role, flow.role),
                country,
                _basis(transfers.get((flow.activity, flow.recipient, flow.country)), words)
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


_DECISION = re.compile(r"\d{4}/\d+")


def _basis(transfer: Transfer | None, words: dict[str, str]) -> str:
    """The transfer basis in the notice's words; "ikke avklart ennå" where it is unknown."""
    if transfer is None or transfer.mechanism is None or is_unknown(transfer.mechanism):
        return words[UNKNOWN_CODE]
    said = safeguard(transfer.mechanism, transfer.adequacy, words["lang"])
    # The DPF is named with its decision, as the notice names it ("(EU) 2023/1795").
    number = _DECISION.search(transfer.adequacy.decision) if transfer.adequacy else None
    if transfer.mechanism.mechanism == "dpf" and number and number.group(0) not in said:
        kind = "gjennomføringsbeslutning" if words["lang"] == "nb" else "implementing decision"
        return said.replace(" (", f" ({kind} (EU) {number.group(0)}, ", 1)
    return said


def _mid_list(names: list[str]) -> str:
    """ "Navn, e-postadresse, telefonnummer": after the first, ordinary words in lower case."""
    shown = names[:1]
    for name in names[1:]:
        first = name.split(" ", 1)[0]
        ordinary = first[:1].isupper() and first[1:] == first[1:].lower()
        shown.append(name[:1].lower() + name[1:] if ordinary else name)
    return ", ".join(shown)


def _name(wanted: str | None, fallback: str | None) -> str:
    return wanted or fallback or ""
