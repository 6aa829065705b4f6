"""The xlsx as its readers see it: strict XML (lxml), print setup, words in its language."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from datetime import datetime

import pytest
from lxml import etree
from openpyxl import load_workbook

from holte_ropa import load_registry
from holte_ropa.records._formats import export_record
from tests.conftest import FIXTURES, ROOT, MakeRegistry

SMALL = FIXTURES / "small"

_WRITE = """
import sys
from holte_ropa import load_registry
from holte_ropa.records._formats import export_record
sys.stdout.buffer.write(export_record(load_registry(sys.argv[1]), "controller", "xlsx", "nb"))
"""
_READ = """
import io, sys
from openpyxl import load_workbook
from openpyxl.xml import LXML
book = load_workbook(io.BytesIO(sys.stdin.buffer.read()))
print(LXML, book.sheetnames[0])
"""


def _python(code: str, lxml: bool, stdin: bytes = b"", *args: str) -> bytes:
    env = {**os.environ, "OPENPYXL_LXML": str(lxml)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args], input=stdin, capture_output=True, env=env, check=True
    )
    return done.stdout


@pytest.mark.parametrize("writer_lxml", [True, False], ids=["written-with-lxml", "without"])
@pytest.mark.parametrize("reader_lxml", [True, False], ids=["read-with-lxml", "without"])
def test_the_xlsx_loads_in_openpyxl_whether_lxml_writes_or_reads_it(
    writer_lxml: bool, reader_lxml: bool
) -> None:
    data = _python(_WRITE, writer_lxml, b"", str(ROOT / "registry"))
    out = _python(_READ, reader_lxml, data).decode().split()
    assert out == [str(reader_lxml), "Protokoll", "art.", "30(1)"]


def test_every_xml_part_of_the_xlsx_is_namespace_well_formed_for_lxml() -> None:
    data = export_record(load_registry(ROOT / "registry"), "controller", "xlsx", "nb")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]
        for name in parts:
            etree.fromstring(archive.read(name))  # raises on an undeclared prefix
        core = etree.fromstring(archive.read("docProps/core.xml"))
    modified = core.find("{http://purl.org/dc/terms/}modified")
    assert modified is not None
    assert modified.get("{http://www.w3.org/2001/XMLSchema-instance}type") == "dcterms:W3CDTF"


def test_the_record_prints_on_a4_landscape_at_80_percent_across_then_down() -> None:
    book = load_workbook(
        io.BytesIO(export_record(load_registry(ROOT / "registry"), "controller", "xlsx", "en"))
    )
    for sheet in book.worksheets:
        assert int(sheet.page_setup.paperSize) == 9  # A4 in OOXML's ST_PaperSize
        assert sheet.page_setup.orientation == "landscape"
    record, organisation = book.worksheets
    # 15 columns on one page width printed at 3.3 pt: the record keeps its scale instead
    assert not record.sheet_properties.pageSetUpPr.fitToPage
    assert int(record.page_setup.scale) == 80
    assert record.page_setup.pageOrder == "overThenDown"
    assert record.print_title_rows == "$1:$1"
    assert record.print_title_cols == "$A:$B"
    assert organisation.sheet_properties.pageSetUpPr.fitToPage
    assert (organisation.page_setup.fitToWidth, organisation.page_setup.fitToHeight) == (1, 0)


def test_every_page_names_the_organisation_the_record_its_date_and_page_n_of_m(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    registry = load_registry(ROOT / "registry")
    nb = load_workbook(io.BytesIO(export_record(registry, "controller", "xlsx", "nb")))
    en = load_workbook(io.BytesIO(export_record(registry, "controller", "xlsx", "en")))
    sheet = nb.worksheets[0]
    assert sheet.oddHeader.left.text == "Holte AS"
    assert sheet.oddHeader.center.text == (
        "Protokoll over behandlingsaktiviteter, behandlingsansvarlig (GDPR art. 30(1))"
    )
    # the registry records no date: the day it was exported, said as such
    assert sheet.oddHeader.right.text == "Utskrevet: 2026-01-01"
    assert sheet.oddFooter.right.text == "side &P av &N"
    assert en.worksheets[0].oddFooter.right.text == "page &P of &N"
    assert en.worksheets[1].oddHeader.right.text == "Exported: 2026-01-01"


def test_without_a_recorded_date_the_header_gives_the_export_day_not_unknown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import datetime as _dt

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    registry = load_registry(ROOT / "registry")  # the notice carries no date
    book = load_workbook(io.BytesIO(export_record(registry, "controller", "xlsx", "nb")))
    header = book.worksheets[0].oddHeader.right.text
    assert header == f"Utskrevet: {_dt.date.today().isoformat()}"


def test_a_recorded_date_is_printed_and_source_date_epoch_does_not_override_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    registry = load_registry(SMALL)  # the notice was last changed on 2026-01-15
    data = export_record(registry, "controller", "xlsx", "en")
    book = load_workbook(io.BytesIO(data))
    assert book.worksheets[0].oddHeader.right.text == "Date: 2026-01-15"
    # the file's own metadata is what SOURCE_DATE_EPOCH pins
    assert book.properties.created == datetime(2026, 1, 1)


def test_unpinned_xlsx_and_pdf_carry_the_same_creation_moment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from holte_ropa.graph._dot import _pin_pdf_date

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    book = load_workbook(
        io.BytesIO(export_record(load_registry(SMALL), "controller", "xlsx", "en"))
    )
    assert book.properties.created == datetime(1980, 1, 1)
    pdf = _pin_pdf_date(b"<< /CreationDate (D:20261208001500Z) >>")
    assert pdf == b"<< /CreationDate (D:19800101000000Z) >>"


def test_an_ampersand_in_the_organisation_name_is_escaped_in_the_page_header() -> None:
    from holte_ropa.records._formats import _header_text

    assert _header_text("Holte & Co") == "Holte && Co"


def test_rows_are_tall_enough_for_their_wrapped_text() -> None:
    book = load_workbook(
        io.BytesIO(export_record(load_registry(ROOT / "registry"), "controller", "xlsx", "nb"))
    )
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=2):
        lines = max(str(c.value or "").count("\n") + 1 for c in row)
        height = sheet.row_dimensions[row[0].row].height
        assert height is not None and height >= lines * 12.75


def test_the_bokmal_organisation_sheet_has_no_english_word() -> None:
    book = load_workbook(
        io.BytesIO(export_record(load_registry(ROOT / "registry"), "controller", "xlsx", "nb"))
    )
    facts = dict(book.worksheets[1].iter_rows(values_only=True))
    assert book.worksheets[1].title == "Virksomheten"
    assert facts["Organisasjonsnummer"] == "ukjent, må bekreftes"
    assert facts["Personvernombud (art. 37)"] == "ukjent, må bekreftes"
    assert facts["Representant (art. 27)"] == "ikke påkrevd, etablert i EØS (art. 27(1))"
    assert "unknown" not in " ".join(str(v) for v in facts.values())


def test_the_processor_record_names_the_controllers_it_acts_for() -> None:
    book = load_workbook(io.BytesIO(export_record(load_registry(SMALL), "processor", "xlsx", "en")))
    facts = dict(book.worksheets[1].iter_rows(values_only=True))
    assert "Controllers we process for (Art. 30(2)(a))" in facts
    assert facts["Controllers we process for (Art. 30(2)(a))"]


def test_the_csv_starts_with_a_byte_order_mark_so_excel_reads_utf8() -> None:
    data = export_record(load_registry(ROOT / "registry"), "controller", "csv", "nb")
    assert data.startswith(b"\xef\xbb\xbfID,Behandlingsaktivitet,")
    assert "ø".encode() in data


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("nb", "Ingen behandlingsaktiviteter der vi er databehandler (art. 30(2))."),
        ("en", "No processing activities in which we are a processor (Art. 30(2))."),
    ],
)
def test_a_processor_record_without_activities_says_so(
    lang: str, note: str, make_registry: MakeRegistry
) -> None:
    registry = load_registry(make_registry())  # an organisation that processes for no one
    book = load_workbook(io.BytesIO(export_record(registry, "processor", "xlsx", lang)))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][0] == note
