"""Spreadsheet ROPAs (xlsx, ods, csv) into a registry draft.

Each Art. 30 fact of a row becomes the registry's typed value with a comment naming its
cell; a value that cannot be mapped becomes ``unknown`` with a located warning. Rows of
one activity (one per purpose, as holte-ropa's own export writes them, or continuation
rows under a merged cell) are grouped by the ID column, else by the activity name.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from holte_ropa.imports._draft import ORGANISATION, UNKNOWN, Draft
from holte_ropa.imports._facts import legal_source, organisation_block, retention_rules
from holte_ropa.imports._layout import Layout, Located, find_layout
from holte_ropa.imports._notes import Fact
from holte_ropa.imports._sheets import Sheet, read_sheets
from holte_ropa.imports._values import (
    country_code,
    data_kind,
    is_empty,
    is_none,
    is_unknown,
    legal_basis,
    mechanism,
    normalise,
    one_item_a_line,
    phrases,
    special_condition,
    split_list,
    vocabulary,
)

__all__ = ["import_spreadsheet"]

_ROW = "_row"


def import_spreadsheet(
    path: Path,
    kind: str,
    display: str,
    draft: Draft,
    *,
    mapping: dict[str, str],
    language: str | None,
) -> None:
    """Fill ``draft`` from every sheet of the spreadsheet at ``path``.

    ``language`` is the language of its texts; None takes the language most of the
    recognised column names are in (English when they say nothing).
    """
    from holte_ropa.imports._notes import ImportSourceError

    sheets = read_sheets(path, kind, display)
    draft.sheets = [s.name for s in sheets if s.name is not None]
    layouts = [(s, find_layout(s, {normalise(k): v for k, v in mapping.items()})) for s in sheets]
    if language is None:
        votes = sum((layout.languages for _, layout in layouts), Counter[str]())
        draft.lang = votes.most_common(1)[0][0] if votes else "en"
    found_any = False
    for sheet, layout in layouts:
        organisation_block(draft, layout.organisation)
        if layout.kind == "none":
            if any(any(v.strip() for v in row) for row in sheet.rows) and not layout.organisation:
                draft.warn(
                    sheet.where(0, 0),
                    f"sheet '{sheet.name or display}' holds no record table or activity form; "
                    "not imported",
                )
            continue
        found_any = True
        for header, where in layout.unmapped:
            draft.warn(
                where,
                f"column '{header}' is not an Art. 30 field holte-ropa knows; its values are "
                "not imported (map it with --mapping)",
            )
        if _own_export(sheet, layout):
            with one_item_a_line():
                _activities(draft, sheet, layout)
        else:
            _activities(draft, sheet, layout)
    if not found_any:
        raise ImportSourceError(
            display,
            "no record found: no sheet has a header row naming at least three Art. 30 fields "
            "(purpose, categories of data subjects and of personal data, recipients, "
            "transfers, retention, security measures) in English, French or Norwegian; "
            "name the columns with --mapping",
        )


# --------------------------------------------------------------------------- organisation


# --------------------------------------------------------------------------- activities
_OWN_EXPORT = (("ID", "Behandlingsaktivitet"), ("ID", "Processing activity"))
"""The first two headers of holte-ropa's own ``export record`` (csv and xlsx), which
write a list one item per line (records/_formats.py; tests/imports keep them in step)."""


def _own_export(sheet: Sheet, layout: Layout) -> bool:
    if layout.kind != "table" or layout.header_row < 0:
        return False
    headers = tuple(cell.strip() for cell in sheet.rows[layout.header_row][:2])
    return headers in _OWN_EXPORT


def _activities(draft: Draft, sheet: Sheet, layout: Layout) -> None:
    groups: dict[str, list[dict[str, Located]]] = {}
    last: str | None = None
    for record in layout.records:
        ident = record.get("activity_id", ("", ""))[0].strip()
        name = record.get("activity", ("", ""))[0].strip()
        key = ident or name
        if not key:
            if last is None:
                if layout.kind == "form":
                    key = sheet.name or draft.source
                else:
                    draft.warn(record[_ROW][1], "row without an activity name; not imported")
                    continue
            else:
                key = last
        groups.setdefault(key, []).append(record)
        last = key
    for key, records in groups.items():
        _activity(draft, key, records, sheet)


def _at(records: list[dict[str, Located]], name: str, fallback: str) -> str:
    """Where the activity's ``name`` cell is (empty or not) when the sheet has that
    column, else ``fallback``: a warning about a missing value points at its cell."""
    return next((record[name][1] for record in records if name in record), fallback)


def _first(records: list[dict[str, Located]], name: str) -> Located | None:
    for record in records:
        if name in record and record[name][0].strip():
            return record[name]
    return None


def _activity(draft: Draft, key: str, records: list[dict[str, Located]], sheet: Sheet) -> None:
    name_cell = _first(records, "activity")
    id_cell = _first(records, "activity_id")
    name = name_cell[0] if name_cell else key
    where = name_cell[1] if name_cell else (id_cell[1] if id_cell else sheet.where(0, 0))
    wanted = id_cell[0].strip() if id_cell else name
    activity_id = draft.new_id(wanted, "activity")
    activity: dict[str, Any] = {
        "id": Fact(activity_id, f"from {id_cell[1] if id_cell else where}"),
        "name": Fact(draft.text(name), f"from {where}"),
        "description": Fact(UNKNOWN, f"the source names the activity only ({where}); describe it"),
        "role": Fact("controller", "a row of a controller's record (Art. 30(1))"),
    }
    draft.activities[activity_id] = activity
    joint = _first(records, "joint_controllers")
    if joint and not is_empty(joint[0]) and not is_none(joint[0]):
        ids = [draft.party(n, "joint_controller", joint[1]) for n in split_list(joint[0])]
        activity["role"] = Fact("joint_controller", f"joint controllers named in {joint[1]}")
        activity["joint_controllers"] = Fact(ids, f"from {joint[1]}")
    controllers = _first(records, "controllers")
    if controllers is not None:
        _processor(draft, activity, records, controllers)
    purposes = [_purpose(draft, r) for r in records if not is_empty(r.get("purpose", ("", ""))[0])]
    if purposes:
        activity["purposes"] = purposes
    elif controllers is None:
        draft.warn(where, f"no purpose given for '{name}' (Art. 30(1)(b))")
    special = _first(records, "special_condition")
    if special:
        _special(draft, activity, special)
    for field, method in (
        ("subject_categories", draft.subject_category),
        ("data_categories", draft.data_category),
    ):
        cell = _first(records, field)
        if cell is None or is_empty(cell[0]) or is_unknown(cell[0]):
            draft.warn(
                _at(records, field, where) if cell is None else cell[1],
                f"no {field.replace('_', ' ')} given for '{name}' (Art. 30(1)(c))",
            )
            continue
        activity[field] = Fact([method(n, cell[1]) for n in split_list(cell[0])], f"from {cell[1]}")
    _special_data(draft, activity, _first(records, "special_data"))
    sources = _first(records, "sources")
    if sources and not is_empty(sources[0]):
        activity["sources"] = _sources(draft, sources)
    _recipients(draft, activity, records, where)
    agreement = _first(records, "processor_agreement")
    if agreement and not is_empty(agreement[0]) and not is_unknown(agreement[0]):
        _processor_agreement(draft, activity, agreement)
    _transfers(draft, activity, records)
    _retention(draft, activity, _first(records, "retention"), _at(records, "retention", where))
    security = _first(records, "security_measures")
    if security and not is_empty(security[0]) and not is_unknown(security[0]):
        activity["security_measures"] = Fact(
            [draft.security_measure(n, security[1]) for n in split_list(security[0])],
            f"from {security[1]}",
        )
    dpia = _first(records, "dpia")
    if dpia:
        activity["dpia"] = _dpia(draft, dpia)
    done = _first(records, "dpia_done")
    if done and "dpia" not in activity:
        activity["dpia"] = _dpia_done(draft, done)


def _note(activity: dict[str, Any], text: str, where: str) -> None:
    """Add ``text`` to the activity's internal notes (kept, never published)."""
    current = activity.get("notes")
    if current is None:
        activity["notes"] = Fact(text, f"from {where}")
    else:
        activity["notes"] = Fact(f"{current.value} {text}", f"{current.comment}; {where}")


def _processor_agreement(draft: Draft, activity: dict[str, Any], cell: Located) -> None:
    """A link to the contract with the processor (ICO column): the agreement reference
    (Art. 28(3)) of the row's one processor, never a party of its own."""
    text, where = cell
    recipients = activity.get("recipients")
    groups = recipients.value if recipients is not None else None
    processors = groups.get("processors", []) if isinstance(groups, dict) else []
    if len(processors) == 1:
        draft.parties[processors[0]]["dpa"] = Fact(
            {"reference": text.strip()}, f"processor agreement from {where}"
        )
        return
    many = f"{len(processors)} processors" if processors else "no processor"
    draft.warn(
        where,
        f"'{text}' is a contract with a processor, but the row names {many}; kept in the "
        "activity's notes: add it as dpa.reference of the processor it binds",
    )
    _note(activity, f"Contract with a processor in the source: {text.strip()}.", where)


def _special_data(draft: Draft, activity: dict[str, Any], cell: Located | None) -> None:
    """Data listed in a special-categories column: special categories (Art. 9(1)), or
    what the name says when that is stricter (criminal data, identity numbers)."""
    if cell is None or is_empty(cell[0]) or is_none(cell[0]) or is_unknown(cell[0]):
        return
    text, where = cell
    ids = []
    for name in split_list(text):
        stated = data_kind(name)
        kind = stated[0] if stated and stated[0] in ("criminal", "national_id") else "special"
        ids.append(draft.data_category(name, where, kind))
    current = activity.get("data_categories")
    if current is None:
        activity["data_categories"] = Fact(ids, f"from {where}")
        return
    for ident in ids:
        if ident not in current.value:
            current.value.append(ident)


def _processor(
    draft: Draft, activity: dict[str, Any], records: list[dict[str, Located]], cell: Located
) -> None:
    """Art. 30(2): the organisation processes on behalf of the controllers named."""
    activity["role"] = Fact("processor", f"controllers we process for, named in {cell[1]}")
    details: dict[str, Any] = {"controllers": Fact(draft.text(cell[0]), f"from {cell[1]}")}
    agreement = _first(records, "agreement")
    if agreement is None or is_unknown(agreement[0]):
        at = cell[1] if agreement is None else agreement[1]
        draft.warn(at, "no data processing agreement named (Art. 28(3)); written as unknown")
        details["agreement"] = Fact(draft.text(UNKNOWN), f"not named in {at}")
    else:
        details["agreement"] = Fact(draft.text(agreement[0]), f"from {agreement[1]}")
    kinds = _first(records, "processing_categories")
    if kinds is None or is_unknown(kinds[0]):
        at = cell[1] if kinds is None else kinds[1]
        draft.warn(at, "no categories of processing given (Art. 30(2)(b)); written as unknown")
        details["processing_categories"] = Fact([draft.text(UNKNOWN)], f"not given in {at}")
    else:
        details["processing_categories"] = Fact(
            [draft.text(k) for k in split_list(kinds[0])], f"from {kinds[1]}"
        )
    activity["processor"] = details


def _purpose(draft: Draft, record: dict[str, Located]) -> dict[str, Any]:
    text, where = record["purpose"]
    purpose_id = draft.new_id(text[:48], "purpose")
    basis_cell = record.get("legal_basis")
    interest = record.get("legitimate_interest")
    return {
        "id": Fact(purpose_id, f"from {where}"),
        "description": Fact(draft.text(text), f"from {where}"),
        "legal_basis": _basis(draft, basis_cell, interest, where),
    }


def _basis(draft: Draft, cell: Located | None, interest: Located | None, purpose_where: str) -> Any:
    if cell is None or is_empty(cell[0]):
        at = cell[1] if cell else purpose_where
        draft.warn(at, "no legal basis given (Art. 6(1)); recorded as unknown")
        return Fact(UNKNOWN, f"no legal basis in {at}")
    text, where = cell
    if is_unknown(text):
        return Fact(UNKNOWN, f"unknown in {where}")
    basis = legal_basis(text)
    if basis is None:
        draft.warn(
            where,
            f"'{text}' is not an Art. 6(1) legal basis holte-ropa recognises; recorded as unknown",
        )
        return Fact(UNKNOWN, f"'{' '.join(text.split())[:60]}' in {where} is not mapped")
    head, _, rest = text.partition(":")
    detail = rest.strip()
    if basis == "legitimate_interest" and interest and not is_empty(interest[0]):
        detail = interest[0].strip()
    open_text = "unknown"
    tree: dict[str, Any] = {"basis": basis}
    if basis == "consent":
        tree["collection"] = Fact(UNKNOWN, f"{where} does not say how consent is asked for")
        tree["withdrawal"] = (
            Fact(draft.text(detail), f"from {where}")
            if detail
            else Fact(UNKNOWN, f"{where} does not say how consent is withdrawn")
        )
    elif basis == "contract":
        tree["contract"] = Fact(
            draft.text(detail or open_text),
            f"from {where}" if detail else f"{where} does not name the contract; write it",
        )
    elif basis in ("legal_obligation", "public_task"):
        source = legal_source(detail or head)
        tree["source"] = (
            Fact(source, f"from {where}")
            if source
            else Fact(UNKNOWN, f"{where} names no statute and section")
        )
    elif basis == "vital_interest":
        tree["explanation"] = Fact(draft.text(detail or open_text), f"from {where}")
    else:
        tree["interest"] = (
            Fact(
                draft.text(detail),
                f"from {interest[1] if interest and detail == interest[0].strip() else where}",
            )
            if detail
            else Fact(UNKNOWN, f"{where} does not name the interest")
        )
    return Fact(tree, f"from {where}")


def _special(draft: Draft, activity: dict[str, Any], cell: Located) -> None:
    text, where = cell
    if is_empty(text) or is_none(text):
        return
    match = special_condition(text)
    if match:
        activity["special_category_condition"] = Fact(match, f"from {where}")
    crime = re.search(r"\b10\b\s*:\s*(.+)", text)
    if crime:
        activity["criminal_data_basis"] = Fact(draft.text(crime.group(1)), f"from {where}")
    if not match and not crime:
        draft.warn(where, f"'{text}' names no Art. 9(2) condition; not recorded")
        activity["notes"] = Fact(f"Special categories in the source: {text}", f"from {where}")


def _sources(draft: Draft, cell: Located) -> Any:
    text, where = cell
    if is_unknown(text):
        return Fact(UNKNOWN, f"unknown in {where}")
    phrases = vocabulary()["sources"]["data_subject"]
    found = []
    for item in split_list(text):
        kind = "data_subject" if any(p in item.casefold() for p in phrases) else "other"
        found.append({"kind": kind, "description": draft.text(item)})
    return Fact(found, f"from {where}")


_ENTRY = re.compile(r"^(?P<name>.+?)\s*\((?P<role>[^()]*)\)\s*(?:,\s*(?P<via>.+))?$")


def _role_of(text: str) -> str | None:
    folded = " ".join(text.casefold().split())
    for role, words in phrases("roles").items():
        if folded in words:
            return str(role)
    return None


def _recipients(
    draft: Draft, activity: dict[str, Any], records: list[dict[str, Located]], where: str
) -> None:
    groups: dict[str, list[str]] = {
        "processors": [],
        "controllers": [],
        "authorities": [],
        "unconfirmed": [],
    }
    sources: list[str] = []
    stated = False
    not_applicable: list[Located] = []
    # Processors columns first: a recipient they name has its role stated there.
    for field in ("processors", "sub_processors", "recipients"):
        cell = _first(records, field)
        if cell is None or not cell[0].strip():
            continue
        if is_empty(cell[0]):  # "N/A", "-": a cell filled in without an answer
            not_applicable.append(cell)
            continue
        text, at = cell
        if is_unknown(text):
            activity["recipients"] = Fact(UNKNOWN, f"unknown in {at}")
            return
        stated = True
        if is_none(text):
            continue
        sources.append(at)
        for entry in split_list(text):
            _recipient(draft, activity, entry, at, field, groups)
    if not stated and not_applicable:
        text, at = not_applicable[0]
        draft.warn(
            at,
            f"'{text}' does not say whether there are recipients (Art. 30(1)(d)); recorded as "
            "unknown: write the recipients, or 'none' if there are none",
        )
        activity["recipients"] = Fact(UNKNOWN, f"'{text}' in {at}")
        return
    if not stated:
        # The empty recipients cell when the sheet has the column, else the activity's name.
        at = _at(records, "recipients", where)
        draft.warn(at, "no recipients given (Art. 30(1)(d)); recorded as unknown")
        activity["recipients"] = Fact(UNKNOWN, f"no recipients in {at}")
        return
    if not any(groups.values()):
        activity["recipients"] = Fact("none", f"from {', '.join(sources) or 'the source'}")
        return
    activity["recipients"] = Fact(
        {k: v for k, v in groups.items() if v}, f"from {', '.join(sources)}"
    )


def _recipient(  # noqa: PLR0917 - one call site, each argument a different thing
    draft: Draft,
    activity: dict[str, Any],
    entry: str,
    where: str,
    field: str,
    groups: dict[str, list[str]],
) -> None:
    match = _ENTRY.match(entry)
    role = _role_of(match.group("role")) if match else None
    name = match.group("name") if match and role else entry
    via_text = match.group("via") if match and role else None
    if role is None:
        # A recipients column does not say what a recipient is; a processors column does.
        default = {"sub_processors": "sub_processor", "processors": "processor"}.get(field, UNKNOWN)
        party = draft.party(name, default, where, role_stated=field != "recipients")
        role = str(draft.parties[party]["role"].value)
    else:
        party = draft.party(name, role, where)
    if via_text:
        via = re.sub(r"^(via|par)\s+", "", via_text.strip(), flags=re.IGNORECASE)
        chain = [draft.party(v, "processor", where) for v in split_list(via)]
        draft.parties[party]["engaged_by"] = Fact(chain[-1], f"from {where}")
        return
    if role == "sub_processor" or field == "sub_processors":
        if activity["role"].value != "processor":
            draft.warn(where, f"sub-processor '{name}' without the processor that engaged it")
            return
        # In a processor record the organisation itself engaged its sub-processors.
        draft.parties[party].setdefault("engaged_by", Fact(ORGANISATION, f"from {where}"))
    target = {
        "controller": "controllers",
        "authority": "authorities",
        UNKNOWN: "unconfirmed",
    }.get(role, "processors")
    if role == "joint_controller":
        ids = activity.setdefault("joint_controllers", Fact([], f"from {where}")).value
        if party not in ids:
            ids.append(party)
        return
    if party not in groups[target]:
        groups[target].append(party)


_SAFEGUARD = re.compile(r"^(?P<party>.+?)\s*(?:→|->)\s*(?P<country>[^:]+):\s*(?P<how>.+)$")


def _mechanism_tree(draft: Draft, how: str, where: str) -> Any:
    if is_unknown(how) or normalise(how) in ("not stated", "ikke oppgitt"):
        return Fact(UNKNOWN, f"unknown in {where}")
    found = mechanism(how)
    if found is None:
        draft.warn(
            where, f"'{how}' is not a transfer mechanism holte-ropa recognises; recorded as unknown"
        )
        return Fact(UNKNOWN, f"'{how[:60]}' in {where} is not mapped")
    point = re.search(r"49\s*\(\s*1\s*\)\s*\(\s*([a-g])\s*\)", how)
    if point:
        return Fact(
            {"mechanism": "derogation", "point": point.group(1), "occasional": True},
            f"from {where}",
        )
    return Fact({"mechanism": found}, f"from {where}")


def _transfers(draft: Draft, activity: dict[str, Any], records: list[dict[str, Located]]) -> None:
    attributed: set[str] = set()
    safeguards = _first(records, "safeguards")
    if safeguards and not is_empty(safeguards[0]):
        text, where = safeguards
        for entry in split_list(text):
            match = _SAFEGUARD.match(entry)
            code = country_code(match.group("country")) if match else None
            if match is None or code is None:
                continue
            party = draft.party(match.group("party").strip(), "processor", where, role_stated=False)
            draft.add_location(
                party, code, where, _mechanism_tree(draft, match.group("how"), where)
            )
            attributed.add(code)
    cell = _first(records, "third_countries")
    if cell is None or is_empty(cell[0]) or is_none(cell[0]):
        return
    text, where = cell
    loose: list[str] = []
    for entry in split_list(text):
        if ":" in entry:  # "Party: unknown, to be confirmed" - its locations stay unknown
            continue
        code = country_code(entry)
        if code is None:
            draft.warn(
                where,
                f"'{entry}' is not a country holte-ropa recognises (ISO 3166, "
                "or its name in English, French or Norwegian)",
            )
            continue
        if code not in attributed:
            loose.append(code)
    if loose and _only_recipient(activity) is not None:
        party = str(_only_recipient(activity))
        name = draft.parties[party]["trade_name"].value
        for code in loose:
            draft.add_location(
                party, code, where, comment=f"from {where}, the row's only recipient; confirm"
            )
        draft.warn(
            where,
            f"{', '.join(loose)} tied to {name}, the row's only recipient: confirm that "
            f"{name} processes the data there",
        )
    elif loose:
        _loose_countries(draft, activity, loose, where)


def _only_recipient(activity: dict[str, Any]) -> str | None:
    """The one party the activity names as recipient, if it names exactly one."""
    recipients = activity.get("recipients")
    groups = recipients.value if recipients is not None else None
    if not isinstance(groups, dict):
        return None
    named = [p for ids in groups.values() for p in ids]
    return str(named[0]) if len(named) == 1 else None


def _loose_countries(draft: Draft, activity: dict[str, Any], codes: list[str], where: str) -> None:
    """Countries in a transfers column that no party is tied to, kept in the notes; only
    those outside the EEA are called third countries (an EEA country is no transfer)."""
    from holte_ropa.model._reference import reference_data

    eea = [c for c in codes if reference_data().is_eea(c)]
    third = [c for c in codes if c not in eea]
    said = []
    if third:
        said.append(f"third {'countries' if len(third) > 1 else 'country'} {', '.join(third)}")
    if eea:
        said.append(f"{', '.join(eea)} (in the EEA, so no transfer to a third country)")
    many = len(codes) > 1
    draft.warn(
        where,
        f"{' and '.join(said)} {'are' if many else 'is'} not tied to a party; add "
        f"{'them' if many else 'it'} to the locations of the parties that process data there "
        "(kept in notes)",
    )
    listed = [f"Third countries in the source: {', '.join(third)}"] if third else []
    if eea:
        listed.append(f"EEA countries in its transfers column: {', '.join(eea)}")
    activity["notes"] = Fact(f"{'; '.join(listed)}; not tied to a party.", f"from {where}")


def _retention(draft: Draft, activity: dict[str, Any], cell: Located | None, where: str) -> None:
    if cell is None or is_empty(cell[0]):
        draft.warn(
            cell[1] if cell else where, "no retention given (Art. 30(1)(f)); recorded as unknown"
        )
        activity["retention"] = Fact(UNKNOWN, "no retention in the source")
        return
    text, at = cell
    if is_unknown(text):
        activity["retention"] = Fact(UNKNOWN, f"unknown in {at}")
        return
    activity["retention"] = retention_rules(draft, text, at)


def _dpia_done(draft: Draft, cell: Located) -> Any:
    """A "DPIA carried out?" column: yes is a DPIA done (Art. 35); no says nothing about
    whether one is required, so the status stays unknown and is reported."""
    text, where = cell
    if is_unknown(text) or is_empty(text):
        return Fact({"status": UNKNOWN}, f"unknown in {where}")
    folded = " ".join(normalise(text).split())
    table = vocabulary()["answers"]
    if any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", folded) for p in table["no"]):
        draft.warn(
            where,
            f"'{text}': no DPIA carried out, which does not say whether one is required "
            "(Art. 35(1)); status recorded as unknown: screen the activity",
        )
        return Fact({"status": UNKNOWN}, f"no DPIA carried out ({where}); is one required?")
    if any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", folded) for p in table["yes"]):
        return Fact({"status": "done"}, f"a DPIA carried out, from {where}")
    draft.warn(where, f"'{text}' does not say whether a DPIA was carried out; recorded as unknown")
    return Fact({"status": UNKNOWN}, f"'{text[:60]}' in {where} is not mapped")


def _dpia(draft: Draft, cell: Located) -> Any:
    text, where = cell
    if is_unknown(text) or is_empty(text):
        return Fact({"status": UNKNOWN}, f"unknown in {where}")
    folded = " ".join(normalise(text).split())
    table = vocabulary()["dpia"]
    status = None
    for name in ("not_required", "done", "required"):
        if any(re.search(rf"(?<!\w){re.escape(normalise(p))}(?!\w)", folded) for p in table[name]):
            status = name
            break
    if status is None:
        draft.warn(
            where,
            f"'{text}' is not a DPIA status (done, required, not required); recorded as unknown",
        )
        return Fact({"status": UNKNOWN}, f"'{text[:60]}' in {where} is not mapped")
    tree: dict[str, Any] = {"status": status}
    date = re.search(r"(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
    if date:
        y, m, d = (
            (date.group(1), date.group(2), date.group(3))
            if date.group(1)
            else (date.group(6), date.group(5), date.group(4))
        )
        tree["date"] = f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    return Fact(tree, f"from {where}")
