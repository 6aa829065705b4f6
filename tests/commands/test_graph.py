"""``holte-ropa graph`` and ``holte-ropa export record`` from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook

from holte_ropa.cli import main
from tests.conftest import FIXTURES, MakeRegistry

SMALL = str(FIXTURES / "small")


def test_graph_writes_dot_to_stdout_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", SMALL]) == 0
    out = capsys.readouterr().out
    assert out.startswith('digraph "Dataflyt i Acme AS"')


def test_graph_writes_a_view_in_english_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "party.graphml"
    code = main(
        [
            "graph",
            SMALL,
            "--view",
            "party:cloud",
            "--format",
            "graphml",
            "--lang",
            "en",
            "-o",
            str(target),
        ]
    )
    assert code == 0
    back = nx.read_graphml(target)
    assert "party:backup" in back and back.nodes["party:cloud"]["label"] == "Cloud"


def test_graph_renders_pdf_through_dot(tmp_path: Path) -> None:
    target = tmp_path / "g.pdf"
    assert main(["graph", SMALL, "--format", "pdf", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")


def test_an_unknown_view_is_a_usage_error_with_a_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["graph", SMALL, "--view", "party:nobody"]) == 2
    assert "no party 'nobody'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("view", "message"),
    [
        ("party:mailtol", "no party 'mailtol' in the registry (did you mean 'mailtool'?)"),
        (
            "activity:newsleter",
            "no activity 'newsleter' in the registry (did you mean 'newsletter'?)",
        ),
        (
            "subject:customer",
            "no data subject category 'customer' in the registry (did you mean 'customers'?)",
        ),
    ],
)
def test_a_mistyped_view_id_suggests_the_closest_one(
    view: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["graph", SMALL, "--view", view]) == 2
    assert f"holte-ropa graph: {message}\n" in capsys.readouterr().err


def test_export_record_writes_the_processor_record_as_xlsx(tmp_path: Path) -> None:
    target = tmp_path / "processor.xlsx"
    assert main(["export", "record", SMALL, "--role", "processor", "-o", str(target)]) == 0
    sheet = load_workbook(io.BytesIO(target.read_bytes())).worksheets[0]
    assert sheet["A2"].value == "hosting"


def test_export_record_prints_json_and_jsonld(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "record", SMALL, "--format", "json", "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"][0]["activity_id"] == "newsletter"
    assert main(["export", "record", SMALL, "--format", "jsonld"]) == 0
    assert "https://w3id.org/dpv#" in capsys.readouterr().out


def test_a_broken_registry_exits_2_without_a_traceback(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_registry({"bad.yaml": "activities:\n  - id: x\n    nme: y\n"})
    assert main(["graph", str(folder)]) == 2
    assert main(["export", "record", str(folder), "--format", "csv"]) == 2
    err = capsys.readouterr().err
    assert "registry/bad.yaml:" in err and "Traceback" not in err
