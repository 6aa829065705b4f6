"""The build step that writes every diagram and record next to the registry dump."""

from __future__ import annotations

import json
from pathlib import Path

from holte_ropa import load_registry
from holte_ropa._bundle import write_graphs_and_records
from tests.conftest import FIXTURES


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_graphs_and_records_are_written_identically_twice(tmp_path: Path) -> None:
    registry = load_registry(FIXTURES / "small")
    written = write_graphs_and_records(registry, tmp_path / "a")
    write_graphs_and_records(load_registry(FIXTURES / "small"), tmp_path / "b")
    first, second = _snapshot(tmp_path / "a"), _snapshot(tmp_path / "b")
    assert first == second
    assert sorted(str(p.relative_to(tmp_path / "a")) for p in written) == sorted(first)
    for name in (
        "graphs/organisation.nb.svg",
        "graphs/organisation.en.png",
        "graphs/transfers.nb.pdf",
        "graphs/organisation.en.dot",
        "graphs/organisation.graphml",
        "graphs/organisation.nb.yed.graphml",
        "graphs/transfers.en.yed.graphml",
        "graphs/organisation.json",
        "graphs/transfers.en.mmd",
        "graphs/party-backup.nb.svg",
        "records/controller.nb.xlsx",
        "records/processor.en.csv",
        "records/controller.en.json",
        "records/record.jsonld",
    ):
        assert name in first, name


def test_the_jsonld_iris_follow_the_sites_base_url_when_one_is_given(tmp_path: Path) -> None:
    registry = load_registry(FIXTURES / "small")
    write_graphs_and_records(registry, tmp_path, base_url="https://acme.example/personvern/")
    context = json.loads((tmp_path / "records" / "record.jsonld").read_text("utf-8"))["@context"]
    assert context["ropa"] == "https://acme.example/personvern/record.jsonld#"
