"""Every diagram and record export of a registry, written into the build folder.

``holte_ropa.build`` (and so ``holte-ropa build``) calls this once so that auditors find
the pictures and the record next to the registry dump: ``graphs/`` holds the organisation
and transfer views in every format and both languages (GraphML for yEd as
``<view>.<lang>.yed.graphml``) plus one SVG per activity, party
and data subject category; ``records/`` holds the Art. 30(1) and 30(2) records in every
format and both languages.
"""

from __future__ import annotations

from pathlib import Path

from holte_ropa.graph._formats import FILE_SUFFIX, GRAPH_FORMATS, export_graph
from holte_ropa.graph._graph import build_graph
from holte_ropa.model._registry import Registry
from holte_ropa.records._formats import export_record
from holte_ropa.terms import LANGUAGES

__all__ = ["write_graphs_and_records"]


def write_graphs_and_records(
    registry: Registry, out: Path, *, base_url: str | None = None
) -> list[Path]:
    """Write ``out/graphs`` and ``out/records``; returns the files written (a build step).

    ``base_url`` is the site's address (MkDocs' ``site_url``): the JSON-LD's IRIs are
    then ``<base_url>/record.jsonld#...``.
    """
    graphs, records = out / "graphs", out / "records"
    graphs.mkdir(parents=True, exist_ok=True)
    records.mkdir(parents=True, exist_ok=True)
    graph = build_graph(registry)
    written: list[Path] = []
    for spec in ("organisation", "transfers"):
        view = graph.view(spec)
        for lang in LANGUAGES:
            for fmt in GRAPH_FORMATS:
                if fmt in ("graphml", "json") and lang == "en":
                    continue  # language-neutral: both labels are attributes
                suffix = FILE_SUFFIX.get(fmt, fmt)
                neutral = fmt in ("graphml", "json")
                name = f"{spec}.{suffix}" if neutral else f"{spec}.{lang}.{suffix}"
                written.append(_write(graphs / name, export_graph(view, fmt, lang)))
    focused = [
        *(f"activity:{a}" for a in registry.activities),
        *(f"party:{p}" for p in registry.parties),
        *(f"subject:{s}" for s in registry.subject_categories),
    ]
    for spec in focused:
        view = graph.view(spec)
        for lang in LANGUAGES:
            name = f"{spec.replace(':', '-')}.{lang}.svg"
            written.append(_write(graphs / name, export_graph(view, "svg", lang)))
    for role in ("controller", "processor"):
        for lang in LANGUAGES:
            for kind in ("xlsx", "csv", "json"):
                data = export_record(registry, role, kind, lang)
                written.append(_write(records / f"{role}.{lang}.{kind}", data))
    jsonld = export_record(registry, "controller", "jsonld", base_url=base_url)
    written.append(_write(records / "record.jsonld", jsonld))
    return written


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
