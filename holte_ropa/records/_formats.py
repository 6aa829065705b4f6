"""Art. 30 record exports: xlsx for people, csv and json for tools, DPV JSON-LD for the web.

The xlsx is what Datatilsynet and auditors open: a frozen, filterable header, wrapped
text, one row per activity and purpose, and the organisation's details on a second sheet.
Office files embed the time they were written; here every timestamp is pinned
(SOURCE_DATE_EPOCH, else the notice's last-changed date) so the file is byte-identical
across runs and a diff in git means the record changed.

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

from holte_ropa._reproducible import source_date_epoch
from holte_ropa.graph._labels import mechanism_code
from holte_ropa.model._models import (
    UNKNOWN,
    Activity,
    Duration,
    Party,
    PartyRole,
    Purpose,
    Text,
    is_unknown,
)
from holte_ropa.model._registry import Registry, Transfer
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


def _join(cell: Cell, separator: str) -> str:
    return cell if isinstance(cell, str) else separator.join(cell)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make spreadsheet programs read a CSV cell as a formula (OWASP)."""


def csv_safe(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet evaluates: ``=1+1`` -> ``'=1+1``.

    OWASP's rule for CSV injection: a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or
    carriage return gets a leading apostrophe, which Excel and LibreOffice hide and which
    makes them read the cell as text; quotes inside are the csv module's business.
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


# --------------------------------------------------------------------------- csv / json


def to_csv(table: RecordTable) -> str:
    """RFC 4180 CSV with the headers in the table's language; lists joined with "; "."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_safe(c.header(table.lang)) for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_safe(_join(row[c.key], "; ")) for c in table.columns])
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

_WIDTH = {"activity_id": 22, "activity": 30, "purpose": 34, "legal_basis": 40}
_ORGANISATION_LABELS = {
    "nb": {
        "sheet": "Virksomheten",
        "name": "Navn",
        "org_number": "Organisasjonsnummer",
        "address": "Adresse",
        "email": "E-post",
        "privacy_contact": "Kontakt for personvern",
        "phone": "Telefon",
        "dpo": "Personvernombud (art. 37)",
        "representative": "Representant (art. 27)",
        "record": "Protokoll",
    },
    "en": {
        "sheet": "Organisation",
        "name": "Name",
        "org_number": "Organisation number",
        "address": "Address",
        "email": "E-mail",
        "privacy_contact": "Privacy contact",
        "phone": "Phone",
        "dpo": "Data protection officer (Art. 37)",
        "representative": "Representative (Art. 27)",
        "record": "Record",
    },
}


def _pinned_time(registry: Registry) -> _dt.datetime:
    """SOURCE_DATE_EPOCH if set, else the notice's last-changed date, else 1980-01-01."""
    pinned = source_date_epoch()
    if pinned is not None:
        return pinned.replace(tzinfo=None)
    changed = registry.organisation.notice.last_changed
    if isinstance(changed, _dt.date):
        return _dt.datetime(changed.year, changed.month, changed.day)
    return _dt.datetime(1980, 1, 1)


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


def to_xlsx(table: RecordTable, registry: Registry) -> bytes:
    """A formatted workbook: the record on sheet one, the organisation on sheet two.

    Every text is a string cell (never a formula); a text longer than an xlsx cell holds
    is cut with a note in the cell and an :class:`XlsxCellCut` warning.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    labels = _ORGANISATION_LABELS["nb" if table.lang == "nb" else "en"]
    book = Workbook()
    sheet = book.active
    sheet.title = f"{labels['record']} {table.article.removeprefix('GDPR ')}"[:31]
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE7F0")
    sheet.append([c.header(table.lang) for c in table.columns])
    for number, row in enumerate(table.rows, start=2):
        sheet.append(
            [
                _xlsx_text(_join(row[c.key], "\n"), table.lang, f"row {number}, {c.key}")
                for c in table.columns
            ]
        )
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _WIDTH.get(column.key, 36)
    for cells in sheet.iter_rows():
        _as_text(cells)
        for cell in cells:
            cell.alignment = wrap
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"

    about = book.create_sheet(labels["sheet"])
    for key, value in table.organisation.items():
        about.append([labels[key], _xlsx_text(value, table.lang, labels[key])])
    about.column_dimensions["A"].width = 34
    about.column_dimensions["B"].width = 60
    for cells in about.iter_rows():
        _as_text(cells)
        cells[0].font = bold
        for cell in cells:
            cell.alignment = wrap

    stamp = _pinned_time(registry)
    book.properties.creator = "holte-ropa"
    book.properties.title = table.title
    book.properties.created = stamp
    book.properties.modified = stamp
    raw = io.BytesIO()
    book.save(raw)
    return _repack(raw.getvalue(), stamp)


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


# --------------------------------------------------------------------------- DPV JSON-LD
#
# Every dpv:, eu-gdpr: and loc: term below was checked against the DPV 2.2 source tables
# in the w3c/dpv repository (one CSV per module; columns term, type, iri), because the
# first version was written from memory. tests/test_record_formats.py holds the same
# terms as an allow-list, so a term that is not in this list fails the build.
#   2.2/dpv/modules/process.csv               Process, hasProcess
#   2.2/dpv/modules/purposes.csv              Purpose, hasPurpose
#   2.2/dpv/modules/legal_basis.csv           hasLegalBasis
#   2.2/dpv/modules/personal_data.csv         PersonalData, SpecialCategoryPersonalData,
#                                             hasPersonalData
#   2.2/dpv/modules/entities.csv              hasName, hasContact
#   2.2/dpv/modules/entities_legalrole.csv    DataController, DataProcessor, DataSubProcessor,
#                                             JointDataControllers, Recipient, ThirdParty,
#                                             hasDataController, hasDataProcessor,
#                                             hasJointDataControllers, hasRecipient
#   2.2/dpv/modules/entities_datasubject.csv  DataSubject, hasDataSubject
#   2.2/dpv/modules/entities_authority.csv    Authority
#   2.2/dpv/modules/TOM.csv                   TechnicalOrganisationalMeasure,
#                                             hasTechnicalOrganisationalMeasure
#   2.2/dpv/modules/processing.csv            CrossBorderTransfer, hasProcessing
#   2.2/dpv/modules/jurisdiction.csv          hasCountry, hasThirdCountry
#   2.2/dpv/modules/processing_context.csv    StorageDuration, hasStorageCondition
#   2.2/dpv/modules/context.csv               TemporalDuration, UntilEventDuration, hasDuration
#   2.2/dpv/modules/contract_types.csv        SubProcessorAgreement
#   2.2/dpv/modules/contract.csv              hasParty
#   2.2/legal/eu/gdpr/modules/legal_basis.csv                A6-1-a .. A6-1-f
#   2.2/legal/eu/gdpr/modules/legal_basis_data_transfer.csv  A45-3, A46-2-b, A46-2-c,
#                                                            A49-1-a .. A49-1-g
#   2.2/loc/modules/locations.csv             loc:<ISO 3166-1 alpha-2>, e.g. loc:US
# Where DPV 1.x and 2.x differ, this follows 2.x: the GDPR extension moved from
# https://w3id.org/dpv/dpv-gdpr# to eu-gdpr:, activities are dpv:Process (1.x
# dpv:PersonalDataHandling is deprecated), and dpv:CrossBorderTransfer is new in 2.x.
# GDPR Art. 47 has no term of its own: a transfer under binding corporate rules is A46-2-b.

_DPV = "https://w3id.org/dpv#"
_GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"
_LOC = "https://w3id.org/dpv/loc#"
_CONTEXT: dict[str, Any] = {
    "dpv": _DPV,
    "eu-gdpr": _GDPR,
    "loc": _LOC,
    "dct": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_BASIS = {
    "consent": "eu-gdpr:A6-1-a",
    "contract": "eu-gdpr:A6-1-b",
    "legal_obligation": "eu-gdpr:A6-1-c",
    "vital_interest": "eu-gdpr:A6-1-d",
    "public_task": "eu-gdpr:A6-1-e",
    "legitimate_interest": "eu-gdpr:A6-1-f",
}
_TRANSFER_BASIS = {
    "adequacy": "eu-gdpr:A45-3",
    "dpf": "eu-gdpr:A45-3",  # the EU-US Data Privacy Framework is an Art. 45(3) decision
    "scc": "eu-gdpr:A46-2-c",
    "bcr": "eu-gdpr:A46-2-b",
}
_PARTY_TYPES = {
    PartyRole.PROCESSOR: ["dpv:DataProcessor"],
    PartyRole.SUB_PROCESSOR: ["dpv:DataSubProcessor"],
    PartyRole.CONTROLLER: ["dpv:DataController", "dpv:ThirdParty"],
    PartyRole.JOINT_CONTROLLER: ["dpv:DataController"],
    PartyRole.AUTHORITY: ["dpv:Authority"],
    PartyRole.CUSTOMER: ["dpv:DataController"],
}


def _texts(value: Text | None) -> list[dict[str, str]]:
    if value is None:
        return []
    return [{"@value": v, "@language": k} for k, v in (("nb", value.nb), ("en", value.en)) if v]


def _ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def _refs(iris: Iterable[str]) -> list[dict[str, str]]:
    """Each IRI once, first occurrence first: repeats add nothing in RDF but noise in diffs."""
    return [_ref(iri) for iri in dict.fromkeys(iris)]


def _iso_duration(duration: Duration) -> str:
    parts = "".join(
        f"{n}{unit}"
        for n, unit in ((duration.years, "Y"), (duration.months, "M"), (duration.days, "D"))
        if n
    )
    return f"P{parts or '0D'}"


def to_jsonld(registry: Registry) -> str:
    """The whole record as DPV JSON-LD (both languages), one ``dpv:Process`` per activity."""
    org = registry.organisation
    base = f"urn:holte-ropa:{org.id}:"
    context = {**_CONTEXT, "ropa": base}
    graph: list[dict[str, Any]] = [
        {
            "@id": f"ropa:organisation/{org.id}",
            "@type": "dpv:DataController"
            if not _is_processor_only(registry)
            else "dpv:DataProcessor",
            "dpv:hasName": org.legal_name,
            "dpv:hasContact": list(
                dict.fromkeys([f"mailto:{org.email}", f"mailto:{org.privacy_contact}"])
            ),
            "dct:identifier": UNKNOWN.value if is_unknown(org.org_number) else org.org_number,
            "dpv:hasCountry": _ref(f"loc:{org.country}"),
        }
    ]
    for category in registry.data_categories.values():
        kind = (
            "dpv:SpecialCategoryPersonalData"
            if category.kind.value == "special"
            else "dpv:PersonalData"
        )
        graph.append(
            {"@id": f"ropa:data/{category.id}", "@type": kind, "rdfs:label": _texts(category.name)}
        )
    for subject in registry.subject_categories.values():
        graph.append(
            {
                "@id": f"ropa:subject/{subject.id}",
                "@type": "dpv:DataSubject",
                "rdfs:label": _texts(subject.name),
            }
        )
    for measure in registry.security_measures.values():
        graph.append(
            {
                "@id": f"ropa:measure/{measure.id}",
                "@type": "dpv:TechnicalOrganisationalMeasure",
                "rdfs:label": _texts(measure.name),
            }
        )
    for party in registry.parties.values():
        graph.extend(_party_nodes(registry, party))
    for activity in registry.activities.values():
        graph.append(_activity_node(registry, activity))
    payload = {"@context": context, "@graph": graph}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _is_processor_only(registry: Registry) -> bool:
    return bool(registry.activities) and all(
        a.role.value == "processor" for a in registry.activities.values()
    )


def _party_nodes(registry: Registry, party: Party) -> list[dict[str, Any]]:
    """The party, plus the Art. 28(4) engagement when a processor engaged it.

    DPV has no "engaged by" relation between entities; it models the engagement as the
    sub-processor agreement between the two, with both as ``dpv:hasParty``.
    """
    iri = f"ropa:party/{party.id}"
    node: dict[str, Any] = {
        "@id": iri,
        "@type": ["dpv:Recipient", *_PARTY_TYPES[party.role]],
        "dpv:hasName": party.trade_name,
        "rdfs:comment": _texts(party.service),
    }
    if not is_unknown(party.locations):
        node["dpv:hasCountry"] = _refs(f"loc:{loc.country}" for loc in party.locations)
    if party.engaged_by is None:
        return [node]
    engager = (
        f"ropa:party/{party.engaged_by}"
        if party.engaged_by in registry.parties
        else f"ropa:organisation/{party.engaged_by}"
    )
    agreement = {
        "@id": f"{iri}/engagement",
        "@type": "dpv:SubProcessorAgreement",
        "dpv:hasParty": [_ref(engager), _ref(iri)],
    }
    return [node, agreement]


def _activity_node(registry: Registry, activity: Activity) -> dict[str, Any]:
    org = f"ropa:organisation/{registry.organisation.id}"
    a = f"ropa:activity/{activity.id}"
    node: dict[str, Any] = {
        "@id": a,
        "@type": "dpv:Process",
        "rdfs:label": _texts(activity.name),
        "dct:description": _texts(activity.description),
        "dpv:hasPurpose": [_purpose_node(a, p) for p in activity.purposes],
        "dpv:hasLegalBasis": _refs(
            _BASIS[p.legal_basis.basis] for p in activity.purposes if not is_unknown(p.legal_basis)
        ),
        "dpv:hasPersonalData": [_ref(f"ropa:data/{d}") for d in activity.data_categories],
        "dpv:hasDataSubject": [_ref(f"ropa:subject/{s}") for s in activity.subject_categories],
        "dpv:hasTechnicalOrganisationalMeasure": [
            _ref(f"ropa:measure/{m}") for m in activity.security_measures
        ],
    }
    if activity.role.value == "processor":
        node["dpv:hasDataProcessor"] = _ref(org)
        if activity.processor is not None:
            node["dpv:hasDataController"] = {
                "@type": "dpv:DataController",
                "rdfs:label": _texts(activity.processor.controllers),
            }
    else:
        node["dpv:hasDataController"] = _ref(org)
    if activity.joint_controllers:
        node["dpv:hasJointDataControllers"] = {
            "@type": "dpv:JointDataControllers",
            "dpv:hasDataController": [_ref(org)]
            + [_ref(f"ropa:party/{p}") for p in activity.joint_controllers],
        }
    parties = registry.parties_of(activity)
    node["dpv:hasRecipient"] = [_ref(f"ropa:party/{p}") for p, _ in parties]
    processors = [
        p
        for p, _ in parties
        if registry.parties[p].role in (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR)
    ]
    if processors and activity.role.value != "processor":
        node["dpv:hasDataProcessor"] = [_ref(f"ropa:party/{p}") for p in processors]
    transfers = registry.transfers_of(activity.id)
    if transfers:
        node["dpv:hasProcess"] = [_transfer_node(a, t) for t in transfers]
    if not is_unknown(activity.retention):
        node["dpv:hasStorageCondition"] = [
            _storage_node(a, index, rule.duration, rule.description)
            for index, rule in enumerate(activity.retention)
        ]
    return node


def _transfer_node(activity_iri: str, transfer: Transfer) -> dict[str, Any]:
    """A transfer outside the EEA: DPV's cross-border transfer to a third country."""
    code = mechanism_code(transfer.mechanism)
    if code in _TRANSFER_BASIS:
        bases = [_ref(_TRANSFER_BASIS[code])]
    elif code == "derogation":
        bases = [_ref(f"eu-gdpr:A49-1-{getattr(transfer.mechanism, 'point', 'a')}")]
    else:
        bases = []
    return {
        "@id": f"{activity_iri}/transfer/{transfer.party}/{transfer.country}/{transfer.access}",
        "@type": "dpv:Process",
        "dpv:hasProcessing": _ref("dpv:CrossBorderTransfer"),
        "dpv:hasRecipient": _ref(f"ropa:party/{transfer.party}"),
        "dpv:hasThirdCountry": _ref(f"loc:{transfer.country}"),
        "dpv:hasLegalBasis": bases,
        "rdfs:comment": f"mechanism: {code}",
    }


def _purpose_node(activity_iri: str, purpose: Purpose) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": f"{activity_iri}/purpose/{purpose.id}",
        "@type": "dpv:Purpose",
        "dct:description": _texts(purpose.description),
    }
    if not is_unknown(purpose.legal_basis):
        node["dpv:hasLegalBasis"] = _ref(_BASIS[purpose.legal_basis.basis])
    return node


def _storage_node(
    activity_iri: str, index: int, duration: object, description: Text
) -> dict[str, Any]:
    """A retention rule: a fixed period is a TemporalDuration, consent an UntilEventDuration."""
    node: dict[str, Any] = {
        "@id": f"{activity_iri}/storage/{index}",
        "@type": "dpv:StorageDuration",
        "dct:description": _texts(description),
    }
    if isinstance(duration, Duration):
        node["dpv:hasDuration"] = {
            "@type": "dpv:TemporalDuration",
            "rdf:value": {"@value": _iso_duration(duration), "@type": "xsd:duration"},
        }
    elif duration == "until_consent_withdrawn":
        node["dpv:hasDuration"] = {
            "@type": "dpv:UntilEventDuration",
            "rdfs:comment": "consent withdrawn",
        }
    return node


# --------------------------------------------------------------------------- dispatch


def export_record(
    registry: Registry, role: RecordRole, fmt: RecordFormat, lang: str = "nb"
) -> bytes:
    """One Art. 30 record in ``fmt`` (one of ``RECORD_FORMATS``), as bytes ready to write.

    ``role`` is ``controller`` (GDPR Art. 30(1)) or ``processor`` (Art. 30(2)); ``lang``
    ``nb`` or ``en`` (else ValueError) names the headers and texts. The JSON-LD (W3C
    DPV) holds both roles and both languages and ignores ``role`` and ``lang``.
    """
    lang = published_language(lang)
    if fmt == "jsonld":
        return to_jsonld(registry).encode("utf-8")
    table = record_table(registry, role, lang)
    if fmt == "xlsx":
        return to_xlsx(table, registry)
    if fmt == "csv":
        return to_csv(table).encode("utf-8")
    if fmt == "json":
        return to_json(table).encode("utf-8")
    raise ValueError(f"unknown record format '{fmt}'; use one of {', '.join(RECORD_FORMATS)}")
