"""``holte-ropa export record``: the JSON-LD's IRIs follow the site's base URL."""

from __future__ import annotations

import json
from pathlib import Path

from holte_ropa.cli import main
from tests.conftest import FIXTURES


def test_export_record_jsonld_puts_the_iris_under_the_given_base_url(tmp_path: Path) -> None:
    out = tmp_path / "record.jsonld"
    code = main(
        [
            "export",
            "record",
            str(FIXTURES / "small"),
            "--format",
            "jsonld",
            "--base-url",
            "https://acme.example/personvern/",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    context = json.loads(out.read_text(encoding="utf-8"))["@context"]
    assert context["ropa"] == "https://acme.example/personvern/record.jsonld#"
