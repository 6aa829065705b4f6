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


@pytest.mark.slow
def test_a_cut_xlsx_cell_is_the_builds_own_warning_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "registry"
    shutil.copytree(ROOT / "registry", folder)
    names = [f"c{i:03d}" for i in range(170)]
    vocabulary = folder / "vocabulary.yaml"
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8").replace(
            "data_categories:\n",
            "data_categories:\n"
            + "".join(
                f"  - {{id: {n}, name: {{nb: {n}{'x' * 196}, en: {n}{'y' * 196}}}}}\n"
                for n in names
            ),
            1,
        ),
        encoding="utf-8",
    )
    forms = folder / "activities" / "web-forms.yaml"
    old = "data_categories: ["
    forms.write_text(
        forms.read_text(encoding="utf-8").replace(old, f"{old}{', '.join(names)}, ", 1),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["build", str(folder), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"holte-ropa build: warning: {out}/records/controller.nb.xlsx: row " in err
    assert "data_categories: the text has 34," in err
    assert "XlsxCellCut" not in err and ".py:" not in err
