"""Small spreadsheets written by the tests: the same sheets as xlsx, ods or csv."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holte_ropa.imports import ImportResult
    from holte_ropa.model import Registry

Rows = list[list[str]]


def write_book(path: Path, sheets: dict[str, Rows]) -> Path:
    """``sheets`` in the format of ``path``'s suffix; a CSV holds only the first sheet."""
    suffix = path.suffix
    if suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(next(iter(sheets.values())))
    elif suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        book.remove(book.active)
        for name, rows in sheets.items():
            sheet = book.create_sheet(name)
            for row in rows:
                sheet.append(row)
        book.save(path)
    else:
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import Table, TableCell, TableRow
        from odf.text import P

        doc = OpenDocumentSpreadsheet()
        for name, rows in sheets.items():
            table = Table(name=name)
            for row in rows:
                tr = TableRow()
                for value in row:
                    cell = TableCell(valuetype="string") if value else TableCell()
                    if value:
                        cell.addElement(P(text=value))
                    tr.addElement(cell)
                table.addElement(tr)
            doc.spreadsheet.addElement(table)
        doc.save(str(path))
    return path


# A one-sheet English record: the header and a row with every Art. 30 column filled in.
HEADER = [
    "Processing activity",
    "Purpose",
    "Legal basis",
    "Categories of data subjects",
    "Categories of personal data",
    "Special category data",
    "Recipients",
    "Third countries",
    "Retention",
    "Security measures",
]


def row(name: str, **cells: str) -> list[str]:
    """A row of :data:`HEADER` for activity ``name``; ``cells`` replace its defaults."""
    fields = {
        "purpose": "Run it",
        "basis": "contract",
        "subjects": "Customers",
        "data": "Name",
        "special": "",
        "recipients": "None",
        "countries": "",
        "retention": "5 years after the end of the contract",
        "security": "Access control",
    }
    fields.update(cells)
    return [name, *fields.values()]


def imported(
    tmp_path: Path, sheets: dict[str, Rows], suffix: str = "xlsx"
) -> tuple[ImportResult, Registry]:
    """``sheets`` written as ``ropa.<suffix>``, imported, written and loaded."""
    from holte_ropa.imports import import_record, write_registry
    from holte_ropa.model import load_registry

    source = write_book(tmp_path / f"ropa.{suffix}", sheets)
    result = import_record(source)
    write_registry(result, tmp_path / "registry")
    return result, load_registry(tmp_path / "registry")


def notes(result: ImportResult) -> list[str]:
    """The import's warnings as the command prints them."""
    return [str(note) for note in result.notes]
