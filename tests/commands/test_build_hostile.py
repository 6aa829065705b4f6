"""A build of a registry whose texts look like formulas and markup writes only well-formed
files: every XML, SVG and GraphML parses with lxml, every JSON parses, every xlsx loads
through openpyxl with lxml, and no CSV cell starts like a formula."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from holte_ropa.cli import main
from tests.conftest import ROOT

EDITS = {
    "parties/zapier.yaml": ("trade_name: Zapier", "trade_name: '=HYPERLINK(\"http://x\",\"Zapier\")'"),
    "activities/web-forms.yaml": (
        "en: Order and contact forms on the website",
        "en: \"=1+1 <script>alert(1)</script> & ]]> 'forms'\"",
    ),
}  # fmt: skip


@pytest.mark.slow
def test_a_build_of_formula_and_markup_texts_writes_only_well_formed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("registry", "docs"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name, (old, new) in EDITS.items():
        file = project / "registry" / name
        text = file.read_text(encoding="utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    assert main(["build", "registry", "-o", "out"]) == 0
    checked: dict[str, int] = {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    for file in sorted(Path("out").rglob("*")):
        suffix = file.suffix
        if suffix in (".xml", ".svg", ".graphml"):
            etree.fromstring(file.read_bytes(), parser)
        elif suffix in (".json", ".sarif", ".jsonld"):
            json.loads(file.read_text(encoding="utf-8"))
        elif suffix == ".xlsx":
            openpyxl.load_workbook(file)
        elif suffix == ".csv":
            rows = csv.reader(io.StringIO(file.read_text(encoding="utf-8")))
            cells = [cell for row in rows for cell in row]
            assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
        else:
            continue
        checked[suffix] = checked.get(suffix, 0) + 1
    assert openpyxl.xml.LXML
    assert {".xml", ".svg", ".graphml", ".json", ".sarif", ".xlsx", ".csv"} <= set(checked)
    record = Path("out/records/controller.en.csv").read_text(encoding="utf-8")
    assert "'=1+1 <script>" in record
