"""Finding the record in a sheet: a table under a header row, or a one-activity form.

Real ROPA spreadsheets are forms: a controller block above the table, a grouped header
row ("Mandatory" / "Useful additional") above the real one, the header on row 5, one
sheet per activity with labels in the first column (CNIL's "fiche"). A row is the header
when it names the most Art. 30 fields; a sheet is a form when its first columns do.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from holte_ropa.imports._sheets import Sheet
from holte_ropa.imports._values import normalise, vocabulary

__all__ = [
    "ACTIVITY_FIELDS",
    "IGNORE",
    "Layout",
    "Located",
    "find_layout",
    "header_language",
    "match_header",
]

Located = tuple[str, str]
"""A cell's text and where it is."""

ACTIVITY_FIELDS: tuple[str, ...] = tuple(vocabulary()["columns"])
IGNORE = "ignore"
"""What a mapping file maps a column to that is to be left out without a warning."""
_SCAN_ROWS = 40
_MIN_FIELDS = 3


Table = dict[str, Any]
"""Field -> synonyms: a list, or lists by language (``{en: [...], nb: [...]}``)."""


def _by_language(names: list[str] | dict[str, list[str]]) -> list[tuple[str, str]]:
    if isinstance(names, dict):
        return [(lang, str(n)) for lang, group in names.items() for n in group]
    return [("any", str(n)) for n in names]


def _synonyms(table: Table) -> dict[str, str]:
    return {normalise(s): f for f, names in table.items() for _, s in _by_language(names)}


@cache
def _languages() -> dict[str, str]:
    columns: Table = vocabulary()["columns"]
    return {normalise(s): lang for names in columns.values() for lang, s in _by_language(names)}


def header_language(text: str) -> str | None:
    """en, fr or nb when ``text`` is a column name used in one language only."""
    for part in (text, *_JOINED.split(text)):
        found = _languages().get(normalise(part))
        if found not in (None, "any"):
            return found
    return None


_JOINED = re.compile(r"\s*(?:/|,|;|\s-\s|\s(?:og|and|et|eller|or|ou)\s)\s*", re.IGNORECASE)


def match_header(text: str, table: Table, extra: dict[str, str]) -> str | None:
    """The field a header names: exactly, or by its longest multi-word synonym; a
    combined header ("Sletting / lagringstid") by the first of its parts that names one."""
    found = _match_whole(text, table, extra)
    if found is not None:
        return found
    parts = [p for p in _JOINED.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    for part in parts:
        found = _match_whole(part, table, extra)
        if found is not None:
            return found
    return None


def _match_whole(text: str, table: Table, extra: dict[str, str]) -> str | None:
    norm = normalise(text)
    if not norm:
        return None
    if norm in extra:
        return extra[norm]
    synonyms = _synonyms(table)
    if norm in synonyms:
        return synonyms[norm]
    best: tuple[int, str] | None = None
    padded = f" {norm} "
    for synonym, name in synonyms.items():
        if " " in synonym and f" {synonym} " in padded and (best is None or len(synonym) > best[0]):
            best = (len(synonym), name)
    return best[1] if best else None


@dataclass
class Layout:
    """What a sheet holds: table rows, a form, an organisation block, or nothing."""

    kind: str  # "table", "form" or "none"
    header_row: int = -1
    columns: dict[int, str] = field(default_factory=dict)
    records: list[dict[str, Located]] = field(default_factory=list)
    organisation: dict[str, Located] = field(default_factory=dict)
    unmapped: list[Located] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)
    """How many recognised headers are in each language: the texts' language."""


def _value_right(sheet: Sheet, row: int, column: int) -> tuple[str, int] | None:
    for c in range(column + 1, len(sheet.rows[row])):
        if sheet.rows[row][c].strip():
            return sheet.rows[row][c], c
    return None


def _vertical(
    sheet: Sheet,
    rows: range,
    table: Table,
    extra: dict[str, str],
    languages: Counter[str] | None = None,
) -> dict[str, Located]:
    found: dict[str, Located] = {}
    for r in rows:
        for c in range(min(3, len(sheet.rows[r]))):
            name = match_header(sheet.rows[r][c], table, extra)
            if name is None or name == IGNORE or name in found:
                continue
            value = _value_right(sheet, r, c)
            if value is not None:
                found[name] = (value[0], sheet.where(r, value[1]))
                lang = header_language(sheet.rows[r][c])
                if languages is not None and lang:
                    languages[lang] += 1
            break
    return found


_GRID_COLUMNS = ("name", "address", "email", "phone")


def _grid(sheet: Sheet, rows: range, table: Table) -> dict[str, Located]:
    """The ICO template's contact grid: a header row naming at least two of name,
    address, e-mail and telephone, a row for the controller and one for the DPO below."""
    for r in rows:
        header: dict[int, str] = {}
        for c, value in enumerate(sheet.rows[r]):
            name = match_header(value, table, {})
            if name in _GRID_COLUMNS and name not in header.values():
                header[c] = name
        if len(header) < 2:
            continue
        found: dict[str, Located] = {}
        for below in range(r + 1, min(r + 6, len(sheet.rows))):
            row = sheet.rows[below]
            label = next((c for c, v in enumerate(row) if v.strip()), None)
            if label is None or label in header:
                continue
            who = match_header(row[label], table, {})
            cells = [(row[c], c, f) for c, f in header.items() if c < len(row) and row[c].strip()]
            if who == "name":  # "Controller"
                for value, c, field_name in cells:
                    found.setdefault(field_name, (value, sheet.where(below, c)))
            elif who == "dpo" and cells:
                joined = ", ".join(value for value, _, _ in cells)
                found["dpo"] = (joined, sheet.where(below, cells[0][1]))
        if found:
            return found
    return {}


def _organisation(sheet: Sheet, rows: range, table: Table) -> dict[str, Located]:
    """The controller's details above the table: a contact grid, else label-value rows."""
    return _grid(sheet, rows, table) or _vertical(sheet, rows, table, {})


def find_layout(sheet: Sheet, extra: dict[str, str]) -> Layout:
    """The layout of ``sheet``; ``extra`` maps normalised headers to fields (--mapping)."""
    columns_table = vocabulary()["columns"]
    org_table = vocabulary()["organisation"]
    best_row, best_columns = -1, dict[int, str]()
    for r in range(min(_SCAN_ROWS, len(sheet.rows))):
        found: dict[int, str] = {}
        for c, value in enumerate(sheet.rows[r]):
            name = match_header(value, columns_table, extra)
            if name not in (None, IGNORE) and name not in found.values():
                found[c] = str(name)
        if len(found) > len(best_columns):
            best_row, best_columns = r, found
    content = set(best_columns.values()) - {"activity", "activity_id"}
    form = _vertical(sheet, range(len(sheet.rows)), columns_table, extra)
    form_content = set(form) - {"activity", "activity_id"}
    if len(best_columns) >= _MIN_FIELDS and content and len(best_columns) >= len(form):
        layout = Layout("table", best_row, best_columns)
        for c in best_columns:
            lang = header_language(sheet.rows[best_row][c])
            if lang:
                layout.languages[lang] += 1
        layout.organisation = _organisation(sheet, range(best_row), org_table)
        for c, value in enumerate(sheet.rows[best_row]):
            ignored = match_header(value, columns_table, extra) == IGNORE
            if c not in best_columns and value.strip() and not ignored:
                has_data = any(
                    sheet.cell(r, c).strip() for r in range(best_row + 1, len(sheet.rows))
                )
                if has_data:
                    layout.unmapped.append((value, sheet.where(best_row, c)))
        for r in range(best_row + 1, len(sheet.rows)):
            record = {
                name: (sheet.cell(r, c), sheet.where(r, c)) for c, name in best_columns.items()
            }
            if any(text.strip() for text, _ in record.values()):
                record["_row"] = ("", sheet.where(r, 0))
                layout.records.append(record)
        return layout
    if len(form) >= _MIN_FIELDS and form_content:
        layout = Layout("form")
        _vertical(sheet, range(len(sheet.rows)), columns_table, extra, layout.languages)
        layout.records = [form]
        return layout
    organisation = _organisation(sheet, range(len(sheet.rows)), org_table)
    if len(organisation) >= 2:
        layout = Layout("none")
        layout.organisation = organisation
        return layout
    return Layout("none")
