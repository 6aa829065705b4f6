"""Every diagram and record export of a registry, written into the build folder.

``holte_ropa.build`` (and so ``holte-ropa build``) calls this once so that auditors find
the pictures and the record next to the registry dump: ``graphs/`` holds the organisation
and transfer views in every format and both languages (GraphML for yEd as
``<view>.<lang>.yed.graphml``) plus one SVG of the ``sources`` and ``recipients`` halves
the website shows and one per activity, party and data subject category; ``records/``
holds the Art. 30(1) and 30(2) records in every format and both languages.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from holte_ropa.graph._formats import (
    FILE_SUFFIX,
    GRAPH_FORMATS,
    GraphJob,
    export_graphs,
    export_graphs_ahead,
)
from holte_ropa.graph._graph import build_graph
from holte_ropa.model._registry import Registry
from holte_ropa.records._formats import RecordFormat, XlsxCellCut, export_record
from holte_ropa.records._tables import RecordRole
from holte_ropa.terms import LANGUAGES

__all__ = ["draw_graphs_ahead", "write_graphs_and_records"]


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
    files, jobs = _graph_jobs(registry)
    # The diagrams drawn side by side, each once (the site reuses them).
    outputs = export_graphs(jobs)
    written = [_write(graphs / name, data) for name, data in zip(files, outputs, strict=True)]
    roles: tuple[RecordRole, ...] = ("controller", "processor")
    kinds: tuple[RecordFormat, ...] = ("xlsx", "csv", "json")
    for role in roles:
        for lang in LANGUAGES:
            for kind in kinds:
                file = records / f"{role}.{lang}.{kind}"
                data = _export_naming_file(registry, role, kind, lang, file)
                written.append(_write(file, data))
    jsonld = export_record(registry, "controller", "jsonld", base_url=base_url)
    written.append(_write(records / "record.jsonld", jsonld))
    return written


def _export_naming_file(
    registry: Registry, role: RecordRole, kind: RecordFormat, lang: str, file: Path
) -> bytes:
    """:func:`export_record`, with the file named in every :class:`XlsxCellCut` warning."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", XlsxCellCut)
        data = export_record(registry, role, kind, lang)
    for warning in caught:
        message = warning.message
        if isinstance(message, XlsxCellCut):
            message = XlsxCellCut(f"{file}: {message}")
        warnings.warn(message, stacklevel=2)
    return data


def draw_graphs_ahead(registry: Registry) -> None:
    """Start Graphviz on every diagram :func:`write_graphs_and_records` writes, and return.

    Within a drawing session the build goes on with the check and the reports while the
    diagrams are drawn on the other processors.
    """
    export_graphs_ahead(_graph_jobs(registry)[1])


def _graph_jobs(registry: Registry) -> tuple[list[str], list[GraphJob]]:
    """The file name and the (view, format, language) of every diagram of the build."""
    graph = build_graph(registry)
    files: list[str] = []
    jobs: list[GraphJob] = []
    for spec in ("organisation", "transfers"):
        view = graph.view(spec)
        for lang in LANGUAGES:
            for fmt in GRAPH_FORMATS:
                if fmt in ("graphml", "json") and lang == "en":
                    continue  # language-neutral: both labels are attributes
                suffix = FILE_SUFFIX.get(fmt, fmt)
                neutral = fmt in ("graphml", "json")
                files.append(f"{spec}.{suffix}" if neutral else f"{spec}.{lang}.{suffix}")
                jobs.append((view, fmt, lang))
    focused = [
        # The website's halves of the organisation view: drawn here once, reused by the site.
        "sources",
        "recipients",
        *(f"activity:{a}" for a in registry.activities),
        *(f"party:{p}" for p in registry.parties),
        *(f"subject:{s}" for s in registry.subject_categories),
    ]
    for spec in focused:
        view = graph.view(spec)
        for lang in LANGUAGES:
            files.append(f"{spec.replace(':', '-')}.{lang}.svg")
            jobs.append((view, "svg", lang))
    return files, jobs


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
