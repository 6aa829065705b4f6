"""``holte-ropa build`` writes every diagram and record next to the registry dump."""

from __future__ import annotations

from pathlib import Path

from holte_ropa.cli import main
from tests.conftest import FIXTURES


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_build_writes_graphs_and_records_identically_twice(tmp_path: Path) -> None:
    registry = str(FIXTURES / "small")
    assert main(["build", registry, "-o", str(tmp_path / "a")]) == 0
    assert main(["build", registry, "-o", str(tmp_path / "b")]) == 0
    first, second = _snapshot(tmp_path / "a"), _snapshot(tmp_path / "b")
    assert first == second
    for name in (
        "graphs/organisation.nb.svg",
        "graphs/organisation.en.png",
        "graphs/transfers.nb.pdf",
        "graphs/organisation.en.dot",
        "graphs/organisation.graphml",
        "graphs/organisation.json",
        "graphs/transfers.en.mmd",
        "graphs/party-backup.nb.svg",
        "records/controller.nb.xlsx",
        "records/processor.en.csv",
        "records/controller.en.json",
        "records/record.jsonld",
    ):
        assert name in first, name
