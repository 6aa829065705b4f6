"""Registry text in spreadsheet cells is data, never a formula, and never cut silently.

The fixture is the small registry with an activity named ``=1+1`` and parties named like
formulas; the outputs are opened with their real client (csv, openpyxl with lxml).
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl import load_workbook

from holte_ropa.cli import main
from holte_ropa.records._formats import XLSX_CELL_LIMIT, csv_safe
from tests.conftest import FIXTURES, MakeRegistry

SMALL = (FIXTURES / "small" / "registry.yaml").read_text(encoding="utf-8")
ORGANISATION = (FIXTURES / "small" / "organisation.yaml").read_text(encoding="utf-8")
HYPERLINK = '=HYPERLINK("http://evil.example","x")'
FORMULAS = (
    SMALL.replace("name: {nb: Nyhetsbrev, en: Newsletter}", 'name: {nb: "=1+1", en: "=1+1"}')
    .replace("trade_name: Mailtool", "trade_name: '" + HYPERLINK + "'")
    .replace("trade_name: Cloud\n", 'trade_name: "@SUM(1+1)"\n')
    .replace("trade_name: Backup\n", 'trade_name: "-2+3"\n')
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_registry(make_registry: MakeRegistry) -> Path:
    return make_registry(
        {"organisation.yaml": ORGANISATION, "registry.yaml": FORMULAS}, organisation=False
    )


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+47 22 00 00 00", "'+47 22 00 00 00"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Kari = 1", "Kari = 1"),
        ("", ""),
    ],
)
def test_a_csv_cell_that_starts_like_a_formula_gets_a_leading_apostrophe(
    text: str, cell: str
) -> None:
    assert csv_safe(text) == cell


@pytest.mark.parametrize("role", ["controller", "processor"])
def test_no_csv_cell_of_the_record_starts_like_a_formula(
    make_registry: MakeRegistry, tmp_path: Path, role: str
) -> None:
    out = tmp_path / f"{role}.csv"
    assert main(["export", "record", str(formula_registry(make_registry)), "--role", role,
                 "--format", "csv", "-o", str(out)]) == 0  # fmt: skip
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_START)]
    if role == "controller":
        activity = rows[1][1]
        assert activity == "'=1+1"
        assert rows[1][9].startswith("'" + HYPERLINK)
    else:
        assert rows[1][9].startswith("'@SUM(1+1) ")


def test_the_xlsx_stores_formula_like_text_as_string_cells_that_lxml_loads(
    make_registry: MakeRegistry, tmp_path: Path
) -> None:
    out = tmp_path / "record.xlsx"
    assert main(["export", "record", str(formula_registry(make_registry)), "--format", "xlsx",
                 "-o", str(out)]) == 0  # fmt: skip
    assert openpyxl.xml.LXML  # the stricter reader: a lost namespace would fail here
    book = load_workbook(out)
    sheet = book.worksheets[0]
    assert sheet["B2"].value == "=1+1"
    assert sheet["B2"].data_type == "s"
    assert sheet["B2"].quotePrefix
    texts = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert texts and all(c.data_type == "s" for c in texts)
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml  # no formula element anywhere


def long_cell_registry(make_registry: MakeRegistry) -> Path:
    """The formula registry with 170 data categories of 200 characters on one activity:
    its data categories cell has 34,188 characters, more than an xlsx cell holds."""
    names = [f"c{i:03d}" for i in range(170)]
    vocabulary = "".join(
        f"  - {{id: {n}, name: {{nb: {n}{'x' * 196}, en: {n}{'y' * 196}}}}}\n" for n in names
    )
    registry = FORMULAS.replace("data_categories:\n", "data_categories:\n" + vocabulary, 1)
    registry = registry.replace(
        "data_categories: [name, email]", f"data_categories: [name, email, {', '.join(names)}]"
    )
    return make_registry(
        {"organisation.yaml": ORGANISATION, "registry.yaml": registry}, organisation=False
    )


def test_an_xlsx_cell_longer_than_the_cell_limit_is_cut_with_a_note_and_a_warning(
    make_registry: MakeRegistry, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = long_cell_registry(make_registry)
    out = tmp_path / "record.xlsx"
    code = main(["export", "record", str(folder), "--format", "xlsx", "-o", str(out)])
    assert code == 0
    err = capsys.readouterr().err
    assert (
        "holte-ropa export: warning: row 2, data_categories: the text has 34,188 characters, "
        "more than an xlsx cell holds (32,767); the cell shows the first 32,702 and says so. "
        "The CSV and JSON exports hold the whole text." in err
    )
    cell = load_workbook(out).worksheets[0]["I2"].value
    assert isinstance(cell, str)
    assert len(cell) <= XLSX_CELL_LIMIT
    assert cell.endswith("[… 1,486 tegn til er utelatt her: se CSV- eller JSON-eksporten]")
    csv_out = tmp_path / "record.csv"
    assert main(["export", "record", str(folder), "--format", "csv", "-o", str(csv_out)]) == 0
    assert "c169" + "x" * 196 in csv_out.read_text(encoding="utf-8")


_EVALUATING_CSV = "Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1,true"
"""LibreOffice's CSV import with "evaluate formulas" on (the 13th token)."""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) absent")
def test_libreoffice_shows_a_neutralised_cell_as_text_with_its_apostrophe(
    make_registry: MakeRegistry, tmp_path: Path
) -> None:
    record = tmp_path / "record.csv"
    assert main(["export", "record", str(formula_registry(make_registry)), "--format", "csv",
                 "--lang", "en", "-o", str(record)]) == 0  # fmt: skip
    control = tmp_path / "control.csv"
    control.write_text("ID,Processing activity\r\nx,=1+1\r\n", encoding="utf-8")
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         f"--infilter={_EVALUATING_CSV}", "--convert-to", "pdf", "--outdir", str(tmp_path / "out"),
         str(record), str(control)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip

    def shown(name: str, row: str) -> list[str]:
        """The words LibreOffice prints on the line of the row whose first cell is ``row``."""
        pdf = tmp_path / "out" / f"{name}.pdf"
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
        return next(line.split() for line in text.splitlines() if line.startswith(row))

    assert shown("control", "x") == ["x", "2"]  # without the apostrophe it is evaluated
    # with it, the cell is text, and LibreOffice shows the apostrophe: README says so
    assert shown("record", "newsletter")[1] == "'=1+1"
