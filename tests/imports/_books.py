"""Small spreadsheets written by the tests: the same sheets as xlsx, ods or csv."""

from __future__ import annotations

import csv
from pathlib import Path

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
