"""Spreadsheets as grids of text with a location for every cell.

xlsx and ods are read with python-calamine (no formulas evaluated, no macros run); CSV
with the standard library, dialect sniffed. Dates become ISO text, whole numbers lose
their ``.0``. Cells are addressed as ``ropa.xlsx:Sheet1!D7`` or, for CSV, as
``ropa.csv:7:4`` (line and column, like every other location in holte-ropa).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from holte_ropa.imports._notes import ImportSourceError

__all__ = ["Sheet", "read_sheets"]


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name, rows of cell texts, and how to name a cell's location."""

    file: str
    name: str | None
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...] = ()
    """For CSV: the line each row starts on (quoted cells may span lines)."""

    def where(self, row: int, column: int) -> str:
        """``file:Sheet!D7`` for a workbook, ``file:line:column`` for CSV (0-based input)."""
        if self.name is None:
            line = self.lines[row] if row < len(self.lines) else row + 1
            return f"{self.file}:{line}:{column + 1}"
        return f"{self.file}:{self.name}!{_column_letter(column)}{row + 1}"

    def cell(self, row: int, column: int) -> str:
        if row < len(self.rows) and column < len(self.rows[row]):
            return self.rows[row][column]
        return ""


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat()
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def read_sheets(path: Path, kind: str, display: str) -> list[Sheet]:
    """Every sheet of the workbook (or the CSV file), in workbook order.

    Raises :class:`ImportSourceError` for a file that is not a readable spreadsheet.
    """
    sheets = [_read_csv(path, display)] if kind == "csv" else _read_workbook(path, kind, display)
    _refuse_control_characters(sheets)
    return sheets


_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidirectional embeddings, overrides and isolates: refused in names, which any cell may
become, so refused in every cell (the registry allows balanced ones in longer texts)."""


def _refuse_control_characters(sheets: list[Sheet]) -> None:
    """ImportSourceError at the first cell holding a character the registry refuses
    (:mod:`holte_ropa.model._text`) or a bidirectional control: found in the source,
    before anything is written, rather than in a written file that then does not load."""
    from holte_ropa.model._text import all_refused, character_name

    found = [
        (sheet, r, c, match.group())
        for sheet in sheets
        for r, row in enumerate(sheet.rows)
        for c, value in enumerate(row)
        for match in [*all_refused(value), *_BIDI_CONTROLS.finditer(value)]
    ]
    if not found:
        return
    sheet, row, column, char = found[0]
    names = ", ".join(dict.fromkeys(character_name(f[3]) for f in found))
    cells = len({(f[0].name, f[1], f[2]) for f in found})
    more = "1 more cell holds" if cells == 2 else f"{cells - 1} more cells hold"
    others = f"; {more} such characters ({names})" if cells > 1 else ""
    raise ImportSourceError(
        sheet.where(row, column),
        f"the cell holds the character {character_name(char)}, which registry text may not "
        "hold (control characters, non-characters and lone surrogates break XML, "
        "spreadsheets and terminals; bidirectional controls reorder what readers see)"
        f"{others}; delete it in the source and import again",
    )


def _read_workbook(path: Path, kind: str, display: str) -> list[Sheet]:
    try:
        from python_calamine import CalamineWorkbook
    except ImportError as exc:  # pragma: no cover - the import extra is installed in dev
        raise ImportSourceError(
            display, "reading xlsx and ods needs python-calamine: pip install 'holte-ropa[import]'"
        ) from exc
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = []
        for name in book.sheet_names:
            data = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            rows = tuple(tuple(_text(v) for v in row) for row in data)
            sheets.append(Sheet(display, name, rows))
    except Exception as exc:  # calamine raises its own error types for broken files
        raise ImportSourceError(display, f"not a readable {kind} workbook ({exc})") from exc
    return sheets


def _read_csv(path: Path, display: str) -> Sheet:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly everything
        raise ImportSourceError(display, "not text in UTF-8 or Windows-1252")
    if "\0" in text:
        raise ImportSourceError(display, "a binary file, not CSV")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], ",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    start = 1
    try:
        for record in reader:
            rows.append(tuple(_text(v) for v in record))
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportSourceError(f"{display}:{reader.line_num}", f"not valid CSV ({exc})") from exc
    return Sheet(display, None, tuple(rows), tuple(lines))
