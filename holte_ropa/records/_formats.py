"""Art. 30 record exports: xlsx for people, csv and json for tools, DPV JSON-LD for the web.

The xlsx is what Datatilsynet and auditors open: a frozen, filterable header, wrapped
text, one row per activity and purpose, and the organisation's details on a second sheet.
Office files embed the time they were written; here every timestamp is pinned
(SOURCE_DATE_EPOCH, else 1980-01-01, as the PDF diagrams) so the file is byte-identical
across runs and a diff in git means the record changed. The date printed in the page
header is the registry's own (the notice's last change), never the pinned time.

Registry text is data, never a formula: a CSV cell that starts with ``=``, ``+``, ``-``,
``@``, tab or carriage return gets a leading apostrophe (OWASP, "CSV Injection"), and every
xlsx cell is a string cell with Excel's quote prefix, so spreadsheet programs show the text
and never evaluate it. An xlsx cell holds at most 32,767 characters; a longer cell (many
long names joined) is cut with a visible note in the cell and a warning (``XlsxCellCut``),
never silently.

The JSON-LD speaks the W3C Data Privacy Vocabulary (DPV, https://w3id.org/dpv#) and its
GDPR extension, so other tools can read purposes, legal bases, recipients, transfers
and storage durations without knowing this project.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import re
import warnings
import zipfile
from collections.abc import Iterable
from typing import Any, Literal

from holte_ropa._reproducible import pinned_moment, source_date_epoch
from holte_ropa.model._registry import Registry
from holte_ropa.records._jsonld import to_jsonld
from holte_ropa.records._tables import Cell, RecordRole, RecordTable, record_table
from holte_ropa.terms import published_language

__all__ = [
    "RECORD_FORMATS",
    "XLSX_CELL_LIMIT",
    "RecordFormat",
    "XlsxCellCut",
    "csv_safe",
    "export_record",
    "to_csv",
    "to_json",
    "to_jsonld",
    "to_xlsx",
]

RecordFormat = Literal["xlsx", "csv", "json", "jsonld"]
RECORD_FORMATS: tuple[RecordFormat, ...] = ("xlsx", "csv", "json", "jsonld")


def _join(cell: Cell) -> str:
    """A cell's text: a list one item per line, in the csv and the xlsx alike.

    A line break is the one separator, so an item may hold "; " or ", " ("Invoices;
    payments" stays one category when the file is read back); an item's own line breaks
    become spaces, so that every line is one item.
    """
    if isinstance(cell, str):
        return cell
    return "\n".join(" ".join(item.split()) for item in cell)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make spreadsheet programs read a CSV cell as a formula (OWASP)."""


def csv_safe(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet evaluates: ``=1+1`` -> ``'=1+1``.

    OWASP's rule for CSV injection: a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or
    carriage return gets a leading apostrophe, which makes spreadsheet programs read the
    cell as text; it stays visible (LibreOffice shows ``'=1+1``). Quotes inside are the
    csv module's business.
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


# --------------------------------------------------------------------------- csv / json


def to_csv(table: RecordTable) -> str:
    """RFC 4180 CSV with the headers in the table's language; a list one item per line.

    A cell with a line break is quoted, as RFC 4180 allows; LibreOffice and Excel show
    the items one per line, as in the xlsx.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_safe(c.header(table.lang)) for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_safe(_join(row[c.key])) for c in table.columns])
    return out.getvalue()


def to_json(table: RecordTable) -> str:
    """The table with stable column keys; multi-valued cells stay lists."""
    payload = {
        "record": table.article,
        "title": table.title,
        "lang": table.lang,
        "organisation": table.organisation,
        "columns": [{"key": c.key, "header": c.header(table.lang)} for c in table.columns],
        "rows": [
            {k: list(v) if isinstance(v, tuple) else v for k, v in r.items()} for r in table.rows
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- xlsx

# Column widths in characters of the default font: narrow, wrapped columns with rows as
# tall as their text. The record prints at a fixed scale (fitting all 15 columns on one
# page width gave 3.3 pt text): pages go across, then down, and every page repeats the
# header row and the id and name columns, so each says which activity a row is.
_WIDTH = {
    "activity_id": 12,
    "activity": 19,
    "joint_controllers": 20,
    "joint_controller_contacts": 20,
    "purpose": 20,
    "legal_basis": 24,
    "safeguards": 22,
    "recipients": 20,
    "retention": 20,
    "third_countries": 14,
    "dpia": 14,
}
_DEFAULT_WIDTH = 18
_PRINT_SCALE = 80
"""Per cent: the 10 pt text prints at 8 pt, readable on paper (LibreOffice, Excel)."""
_LINE_HEIGHT = 12.75  # points per wrapped line of 10 pt text
_FONT_SIZE = 10
_ORGANISATION_LABELS = {
    "nb": {
        "sheet": "Virksomheten",
        "name": "Navn (art. 30(1)(a), 30(2)(a))",
        "org_number": "Organisasjonsnummer",
        "address": "Adresse",
        "email": "E-post",
        "privacy_contact": "Kontakt for personvern",
        "phone": "Telefon",
        "dpo": "Personvernombud (art. 37)",
        "controllers": "Behandlingsansvarlige vi behandler for (art. 30(2)(a))",
        "representative": "Representant (art. 27)",
        "record": "Protokoll",
        "as_of": "Dato:",
        "exported": "Utskrevet:",
        "page": "side &P av &N",
    },
    "en": {
        "sheet": "Organisation",
        "name": "Name (Art. 30(1)(a), 30(2)(a))",
        "org_number": "Organisation number",
        "address": "Address",
        "email": "E-mail",
        "privacy_contact": "Privacy contact",
        "phone": "Phone",
        "dpo": "Data protection officer (Art. 37)",
        "controllers": "Controllers we process for (Art. 30(2)(a))",
        "representative": "Representative (Art. 27)",
        "record": "Record",
        "as_of": "Date:",
        "exported": "Exported:",
        "page": "page &P of &N",
    },
}


def _pinned_time() -> _dt.datetime:
    """The workbook's creation time: SOURCE_DATE_EPOCH, else 1980-01-01, as the PDFs have."""
    return pinned_moment().astimezone(_dt.UTC).replace(tzinfo=None)


_EMPTY = {
    "controller": {
        "nb": "Ingen behandlingsaktiviteter der vi er behandlingsansvarlig (art. 30(1)).",
        "en": "No processing activities in which we are the controller (Art. 30(1)).",
    },
    "processor": {
        "nb": "Ingen behandlingsaktiviteter der vi er databehandler (art. 30(2)).",
        "en": "No processing activities in which we are a processor (Art. 30(2)).",
    },
}
"""The one row of a record without activities."""

XLSX_CELL_LIMIT = 32_767
"""Most characters an xlsx cell holds (Excel specifications and limits)."""
_CUT_NOTE = {
    "nb": "[… {n:,} tegn til er utelatt her: se CSV- eller JSON-eksporten]",
    "en": "[… {n:,} more characters left out here: see the CSV or JSON export]",
}


class XlsxCellCut(UserWarning):
    """A cell's text was longer than an xlsx cell holds and was cut, with a note in the cell."""


def _xlsx_text(text: str, lang: str, where: str) -> str:
    """``text`` fitted to a cell: cut with a visible note and a warning when too long."""
    if len(text) <= XLSX_CELL_LIMIT:
        return text
    note = _CUT_NOTE["nb" if lang == "nb" else "en"]
    keep = XLSX_CELL_LIMIT - len(note.format(n=len(text))) - 1
    warnings.warn(
        f"{where}: the text has {len(text):,} characters, more than an xlsx cell holds "
        f"({XLSX_CELL_LIMIT:,}); the cell shows the first {keep:,} and says so. "
        "The CSV and JSON exports hold the whole text.",
        XlsxCellCut,
        stacklevel=3,
    )
    return text[:keep] + "\n" + note.format(n=len(text) - keep)


def _as_text(cells: Iterable[Any]) -> None:
    """Make every cell a string cell with the quote prefix: never a formula (``=1+1``)."""
    for cell in cells:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            cell.quotePrefix = True


def _record_date(registry: Registry, labels: dict[str, str]) -> str:
    """What the page header says of the record's date, with its label.

    The date the registry records (the notice's last change); where it records none, the
    day the record was exported, said as such (SOURCE_DATE_EPOCH's day in a reproducible
    build). SOURCE_DATE_EPOCH never stands in for a recorded date.
    """
    changed = registry.organisation.notice.last_changed
    if isinstance(changed, _dt.date):
        return f"{labels['as_of']} {changed.isoformat()}"
    pinned = source_date_epoch()
    exported = pinned.date() if pinned is not None else _dt.date.today()
    return f"{labels['exported']} {exported.isoformat()}"


def _header_text(value: str) -> str:
    """Escape ``&``, the control character of Excel's header and footer codes."""
    return value.replace("&", "&&")


def _lines(value: object, width: float) -> int:
    """How many lines ``value`` wraps to in a column ``width`` characters wide."""
    if value is None or value == "":
        return 1
    per_line = max(1, int(width * 1.1))
    return sum(max(1, -(-len(line) // per_line)) for line in str(value).split("\n"))


def to_xlsx(table: RecordTable, registry: Registry) -> bytes:
    """A print-ready workbook: the record on sheet one, the organisation on sheet two.

    Both sheets print on A4 landscape: the record at 80 % (8 pt text), pages across then
    down, with the header row and the id and name columns repeated on every page, the
    organisation one page wide; a header naming the organisation, the record and
    its date, and a footer "side N av M" / "page N of M". Row heights are set from the
    wrapped text, since LibreOffice and Excel do not grow rows on their own when printing.
    Every word is in the table's language.

    Every text is a string cell (never a formula); a text longer than an xlsx cell holds
    is cut with a note in the cell and an :class:`XlsxCellCut` warning.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    labels = _ORGANISATION_LABELS["nb" if table.lang == "nb" else "en"]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    article = table.article.removeprefix("GDPR ")
    if table.lang == "nb":
        article = article.replace("Art.", "art.")
    sheet.title = f"{labels['record']} {article}"[:31]
    labels = {**labels, "article": article}
    wrap = Alignment(wrap_text=True, vertical="top")
    plain = Font(size=_FONT_SIZE)
    bold = Font(size=_FONT_SIZE, bold=True)
    fill = PatternFill("solid", fgColor="DDE7F0")
    sheet.append([c.header(table.lang) for c in table.columns])
    for number, row in enumerate(table.rows, start=2):
        sheet.append(
            [
                _xlsx_text(_join(row[c.key]), table.lang, f"row {number}, {c.key}")
                for c in table.columns
            ]
        )
    if not table.rows:  # an empty record says so, rather than looking unfinished
        sheet.append([_EMPTY[table.role]["nb" if table.lang == "nb" else "en"]])
    widths = [_WIDTH.get(column.key, _DEFAULT_WIDTH) for column in table.columns]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cells in sheet.iter_rows():
        _as_text(cells)
        for cell in cells:
            cell.alignment = wrap
            cell.font = plain
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.print_title_cols = "A:B"

    about = book.create_sheet(labels["sheet"])
    for key, value in table.organisation_text().items():
        about.append([labels[key], _xlsx_text(value, table.lang, labels[key])])
    about.column_dimensions["A"].width = 40
    about.column_dimensions["B"].width = 70
    for cells in about.iter_rows():
        _as_text(cells)
        for cell in cells:
            cell.alignment = wrap
            cell.font = plain
        cells[0].font = bold
    about.print_title_cols = "A:A"

    when = _record_date(registry, labels)
    for page in (sheet, about):
        assert isinstance(page, Worksheet)
        _fit_rows(page)
        _print_setup(page, table, labels, when, across=page is sheet)

    stamp = _pinned_time()
    book.properties.creator = "holte-ropa"
    book.properties.title = table.title
    book.properties.language = table.lang
    book.properties.created = stamp
    book.properties.modified = stamp
    raw = io.BytesIO()
    book.save(raw)
    return _repack(raw.getvalue(), stamp)


def _fit_rows(sheet: Any) -> None:
    """Set each row's height from its tallest wrapped cell."""
    from openpyxl.utils import get_column_letter

    for cells in sheet.iter_rows():
        lines = 1
        for cell in cells:
            width = sheet.column_dimensions[get_column_letter(cell.column)].width
            lines = max(lines, _lines(cell.value, width or _DEFAULT_WIDTH))
        sheet.row_dimensions[cells[0].row].height = lines * _LINE_HEIGHT + 3


def _print_setup(
    sheet: Any, table: RecordTable, labels: dict[str, str], when: str, *, across: bool
) -> None:
    """A4 landscape, header with who and when, footer with page N of M.

    ``across``: at a fixed scale, pages across then down (the record); else one page wide.
    """
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    if across:
        sheet.page_setup.scale = _PRINT_SCALE
        sheet.page_setup.pageOrder = "overThenDown"
    else:
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.page_margins.header = sheet.page_margins.footer = 0.25
    organisation = _header_text(table.organisation_text()["name"])
    sheet.oddHeader.left.text = organisation
    sheet.oddHeader.center.text = _header_text(f"{table.title} (GDPR {labels['article']})")
    sheet.oddHeader.right.text = _header_text(when)
    sheet.oddFooter.left.text = organisation
    sheet.oddFooter.right.text = labels["page"]
    for part in (sheet.oddHeader.left, sheet.oddHeader.center, sheet.oddHeader.right):
        part.size = 9
    for part in (sheet.oddFooter.left, sheet.oddFooter.right):
        part.size = 9


def _repack(data: bytes, stamp: _dt.datetime) -> bytes:
    """Rewrite the zip with pinned times: openpyxl stamps entries and ``modified`` with now()."""
    when = max(stamp, _dt.datetime(1980, 1, 1)).timetuple()[:6]
    # Only the element's text is replaced: its namespace declarations stay where the
    # writer put them (on the element itself when openpyxl serialises through lxml).
    pinned = f"{stamp:%Y-%m-%dT%H:%M:%S}Z<".encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified [^>]*>)[^<]*<", lambda m: m.group(1) + pinned, content
                )
            target.writestr(entry, content)
    return out.getvalue()


# --------------------------------------------------------------------------- dispatch


def export_record(
    registry: Registry,
    role: RecordRole,
    fmt: RecordFormat,
    lang: str = "nb",
    *,
    base_url: str | None = None,
) -> bytes:
    """One Art. 30 record in ``fmt`` (one of ``RECORD_FORMATS``), as bytes ready to write.

    ``role`` is ``controller`` (GDPR Art. 30(1)) or ``processor`` (Art. 30(2)); ``lang``
    ``nb`` or ``en`` (else ValueError) names the headers and texts. The JSON-LD (W3C
    DPV) holds both roles and both languages and ignores ``role`` and ``lang``; its IRIs
    are fragments of ``<base_url>/record.jsonld`` when the site's ``base_url`` is given.
    """
    lang = published_language(lang)
    if fmt == "jsonld":
        return to_jsonld(registry, base_url).encode("utf-8")
    table = record_table(registry, role, lang)
    if fmt == "xlsx":
        return to_xlsx(table, registry)
    if fmt == "csv":
        # The byte-order mark is how Excel, opened by double-click, knows the file is
        # UTF-8; without it æøå come out garbled. Python's csv, LibreOffice and pandas
        # (encoding="utf-8-sig") read past it.
        return to_csv(table).encode("utf-8-sig")
    if fmt == "json":
        return to_json(table).encode("utf-8")
    raise ValueError(f"unknown record format '{fmt}'; use one of {', '.join(RECORD_FORMATS)}")
