"""The registry being built by an import: entities by id, each fact with its source.

Both importers (spreadsheets and Fides manifests) fill a :class:`Draft`; it hands out
unique ids, reuses a party or category named twice, keeps the warnings, and lays the
result out as the registry's normal files (one per activity and party). This is the one
place that knows the registry's YAML shape, so a model change is adapted here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from holte_ropa.imports._notes import Fact, ImportNote
from holte_ropa.imports._values import data_kind, slug
from holte_ropa.model import UNKNOWN as _MARKER
from holte_ropa.terms import LANGUAGES

__all__ = ["UNKNOWN", "Draft", "ImportResult"]

UNKNOWN: str = _MARKER.value
"""How the registry's YAML writes a fact not yet confirmed (the model's marker, as text)."""

ORGANISATION = "\0organisation"
"""Stands for the organisation's id until the end of the import, when it is known."""

_MISSING = "not in the source"
_KIND_WORDS = {
    "special": "a special category (Art. 9(1))",
    "criminal": "criminal offence data (Art. 10)",
    "national_id": "a national identity number",
    "ordinary": "ordinary personal data",
}


@dataclass
class ImportResult:
    """An imported registry: file path (relative, POSIX) -> YAML text, and the warnings."""

    files: dict[str, str]
    notes: list[ImportNote]
    source: str


@dataclass
class Draft:
    """A registry under construction; ``lang`` is the language texts are written in."""

    source: str
    lang: str = "en"
    notes: list[ImportNote] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    """The workbook's sheet names in workbook order, so notes follow it."""
    organisation: dict[str, Any] = field(default_factory=dict)
    activities: dict[str, dict[str, Any]] = field(default_factory=dict)
    parties: dict[str, dict[str, Any]] = field(default_factory=dict)
    data_categories: dict[str, dict[str, Any]] = field(default_factory=dict)
    subject_categories: dict[str, dict[str, Any]] = field(default_factory=dict)
    security_measures: dict[str, dict[str, Any]] = field(default_factory=dict)
    _taken: set[str] = field(default_factory=set)
    _by_name: dict[tuple[str, str], str] = field(default_factory=dict)

    # ----------------------------------------------------------------- basics

    def warn(self, where: str, message: str) -> None:
        self.notes.append(ImportNote(where, message))

    def new_id(self, wanted: str, fallback: str) -> str:
        """A slug unique across the whole registry (ids are global)."""
        plain = re.fullmatch(r"[a-z0-9][a-z0-9-]{0,59}", wanted)
        base = wanted if plain else slug(wanted, fallback)
        candidate, n = base, 2
        while candidate in self._taken:
            candidate, n = f"{base}-{n}", n + 1
        self._taken.add(candidate)
        return candidate

    def text(self, value: str) -> dict[str, str]:
        """A bilingual text holding ``value`` in the import language only.

        A language the registry does not publish (French; see
        :data:`holte_ropa.terms.LANGUAGES`) is kept under ``en``, reported once by the
        importer, until someone translates it.
        """
        return {self.lang if self.lang in LANGUAGES else "en": value.strip()}

    def _named(
        self, kind: str, table: dict[str, dict[str, Any]], name: str, where: str, **extra: Any
    ) -> str:
        key = (kind, " ".join(name.casefold().split()))
        found = self._by_name.get(key)
        if found is not None:
            return found
        new = self.new_id(name, kind)
        self._by_name[key] = new
        table[new] = {"id": Fact(new, f"from {where}"), "name": self.text(name), **extra}
        return new

    def data_category(self, name: str, where: str, kind: str | None = None) -> str:
        """The id of the data category called ``name``; a new one gets :meth:`kind_fact`."""
        known = ("data", " ".join(name.casefold().split())) in self._by_name
        ident = self._named("data", self.data_categories, name, where)
        if not known:
            self.data_categories[ident]["kind"] = self.kind_fact(name, where, kind)
        return ident

    def kind_fact(self, name: str, where: str, kind: str | None = None) -> Fact:
        """The kind the column (``kind``) or the name states, else ``unknown`` and a
        warning: never "ordinary" unasked, so health data or identity numbers do not pass
        as ordinary data."""
        stated = data_kind(name)
        if kind is not None:
            return Fact(kind, f"listed as {_KIND_WORDS[kind]} in {where}")
        if stated is not None:
            found, words = stated
            return Fact(found, f"the name says '{words}' ({where}): {_KIND_WORDS[found]}; confirm")
        self.warn(
            where,
            f"the source does not say whether '{name}' is a special category (Art. 9(1)), "
            "criminal offence data (Art. 10) or a national identity number; its kind is "
            "recorded as unknown",
        )
        return Fact(UNKNOWN, f"{where} does not say; confirm")

    def subject_category(self, name: str, where: str) -> str:
        return self._named("subjects", self.subject_categories, name, where)

    def security_measure(self, name: str, where: str) -> str:
        return self._named(
            "measure",
            self.security_measures,
            name,
            where,
            description=Fact(UNKNOWN, f"{where} names the measure only; describe it"),
        )

    def party(self, name: str, role: str, where: str, role_stated: bool = True) -> str:
        """The id of the party called ``name``, created with ``role`` when new."""
        key = ("party", _company_key(name))
        found = self._by_name.get(key)
        if found is not None:
            stated = self.parties[found]["role"]
            if role_stated and stated.value == UNKNOWN and role != UNKNOWN:
                # Named elsewhere without a role; this source says it.
                self.parties[found]["role"] = Fact(role, f"from {where}")
            return found
        new = self.new_id(name, "party")
        self._by_name[key] = new
        role_comment = (
            f"from {where}"
            if role_stated
            else f"{where} does not say whether {name} is a processor or receives the data "
            "for its own purposes; confirm"
            if role == UNKNOWN
            else f"role not stated in {where}: recorded as {role}; confirm"
        )
        if not role_stated:
            self.warn(
                where,
                f"the role of recipient '{name}' is not stated; recorded as unknown: write "
                "processor, controller or authority"
                if role == UNKNOWN
                else f"the role of recipient '{name}' is not stated; recorded as {role}",
            )
        self.parties[new] = {
            "id": new,
            "legal_name": Fact(UNKNOWN, f"only the name '{name}' is in {where}; confirm"),
            "trade_name": Fact(name, f"from {where}"),
            "role": Fact(role, role_comment),
            "service": Fact(UNKNOWN, f"the source names {name} only; describe what it does"),
            "locations": Fact(UNKNOWN, f"{where} names no countries for {name}"),
        }
        return new

    def add_location(
        self,
        party_id: str,
        country: str,
        where: str,
        mechanism: Any | None = None,
        comment: str | None = None,
    ) -> None:
        """Record that the party processes data in ``country`` (with its safeguard)."""
        party = self.parties[party_id]
        current: Fact = party["locations"]
        if current.value == UNKNOWN:
            name = party["trade_name"].value
            current = party["locations"] = Fact(
                [],
                f"the source names the third countries only; add the EEA countries where "
                f"{name} processes data",
            )
        locations: list[Fact] = current.value
        if any(loc.value["country"] == country for loc in locations):
            return
        entry: dict[str, Any] = {"country": country}
        if mechanism is not None:
            entry["mechanism"] = mechanism
        locations.append(Fact(entry, comment or f"from {where}"))

    # ----------------------------------------------------------------- organisation

    def organisation_document(self) -> dict[str, Any]:
        """The organisation, filled from the source where it says something, else marked.

        Fields the model allows as ``unknown`` are written so; the few it requires in a
        fixed shape (e-mail, website, address, texts) get a marker and a warning.
        """
        given = self.organisation
        name = given.get("name")
        org: dict[str, Any] = {
            "id": Fact(self.new_id(name.value if name else "organisation", "organisation"), None),
            "legal_name": name or Fact(UNKNOWN, f"{_MISSING}; give the controller's name"),
            "org_number": given.get("org_number") or Fact(UNKNOWN, _MISSING),
            "postal_address": given.get("postal_address")
            or Fact(UNKNOWN, f"{_MISSING}; give the postal address"),
        }
        org.update(self._country_and_zone(org["postal_address"]))
        for key in ("phone",):
            if key in given:
                org[key] = given[key]
        silent = "the source is silent"
        org["email"] = given.get("email") or Fact(UNKNOWN, f"{silent}; give the e-mail address")
        org["website"] = given.get("website") or Fact(UNKNOWN, f"{silent}; give the website")
        org["privacy_contact"] = given.get("privacy_contact") or _privacy_address(
            given.get("email")
        )
        org["dpo"] = given.get("dpo") or Fact(UNKNOWN, f"{_MISSING}: is a DPO appointed?")
        org["supervisory_authority"] = Fact(
            UNKNOWN, f"{silent}: the lead supervisory authority (Art. 77)"
        )
        org["notice"] = Fact(
            {
                "title": {"nb": "Personvernerklæring", "en": "Privacy notice"},
                "version": UNKNOWN,
                "last_changed": UNKNOWN,
                "change_announcement": UNKNOWN,
            },
            f"{_MISSING}: the privacy notice is not part of the imported record",
        )
        org["rights"] = Fact(
            {
                "applicable": ["complaint"],
                "how_to_exercise": UNKNOWN,
                "response_time": UNKNOWN,
            },
            f"{_MISSING}: only the right to complain (Art. 77), which always applies, "
            "is listed; add the others that apply",
        )
        org["security_summary"] = Fact(UNKNOWN, f"{_MISSING}; write it")
        org["complaints"] = Fact(UNKNOWN, f"{_MISSING}; write it")
        wanted = ("name", "email", "postal_address", "website", "privacy_contact")
        missing = [k for k in wanted if k not in given]
        if "privacy_contact" in missing and "email" in given:
            missing.remove("privacy_contact")
        if missing:
            self.warn(
                self.source,
                "the source does not give the controller's "
                + ", ".join(m.replace("_", " ").replace("email", "e-mail") for m in missing)
                + " (Art. 30(1)(a)); organisation.yaml records them as unknown for you to "
                "fill in",
            )
        self.warn(
            self.source,
            "a record of processing activities does not hold the supervisory authority, the "
            "privacy notice, the rights people have, the security summary or how to complain; "
            "organisation.yaml marks them unknown for you to write",
        )
        return {"organisation": org}

    def _country_and_zone(self, address: Fact) -> dict[str, Fact]:
        """The controller's country from its postal address, and the time zone breach
        deadlines are shown in when that country has one (CLDR); else the registry's
        defaults (Norway, Europe/Oslo), written out and reported so they are not silent."""
        from babel.core import get_global

        country = address.value.get("country") if isinstance(address.value, dict) else None
        if not isinstance(country, str):
            self.warn(
                self.source,
                "the source does not give the controller's country; organisation.yaml says "
                "Norway (NO) and the time zone Europe/Oslo, the registry's defaults: correct "
                "them if they are wrong",
            )
            default = "not in the source: the registry's default; correct it if wrong"
            return {"country": Fact("NO", default), "time_zone": Fact("Europe/Oslo", default)}
        found: dict[str, Fact] = {"country": Fact(country, "the country of the postal address")}
        zones = get_global("territory_zones").get(country, [])
        if len(zones) == 1:
            found["time_zone"] = Fact(
                str(zones[0]),
                f"the time zone of {country} (CLDR); breach deadlines are shown in it",
            )
        else:
            self.warn(
                self.source,
                f"{country} has {len(zones)} time zones; organisation.yaml keeps the registry's "
                "default, Europe/Oslo: set time_zone to the one breach deadlines are shown in",
            )
        return found

    # ----------------------------------------------------------------- files

    def result(self) -> ImportResult:
        header = [
            f"Imported from {self.source} by holte-ropa import.",
            "Each comment names the cell or line a fact comes from; every `unknown` is open.",
        ]
        files: dict[str, str] = {}
        from holte_ropa.imports._limits import fit_lengths
        from holte_ropa.imports._yamlout import dump_yaml as _dump

        def dump_yaml(document: dict[str, Any], header: list[str]) -> str:
            return _dump(fit_lengths(document, self.source, self.warn), header)

        organisation = self.organisation_document()
        files["organisation.yaml"] = dump_yaml(organisation, header)
        org_id = organisation["organisation"]["id"].value
        for party in self.parties.values():
            engaged = party.get("engaged_by")
            if isinstance(engaged, Fact) and engaged.value == ORGANISATION:
                party["engaged_by"] = Fact(org_id, engaged.comment)
        vocab: dict[str, Any] = {}
        if self.data_categories:
            vocab["data_categories"] = list(self.data_categories.values())
        if self.subject_categories:
            vocab["subject_categories"] = list(self.subject_categories.values())
        if vocab:
            files["vocabulary.yaml"] = dump_yaml(vocab, header)
        if self.security_measures:
            files["security.yaml"] = dump_yaml(
                {"security_measures": list(self.security_measures.values())}, header
            )
        for activity_id, activity in self.activities.items():
            files[f"activities/{activity_id}.yaml"] = dump_yaml({"activities": [activity]}, header)
        for party_id, party in self.parties.items():
            files[f"parties/{party_id}.yaml"] = dump_yaml({"parties": [party]}, header)
        return ImportResult(
            files=files,
            notes=sorted(self.notes, key=lambda n: _reading_order(n, self.sheets)),
            source=self.source,
        )


_CELL = re.compile(r"^(?P<sheet>.*)!(?P<column>[A-Z]+)(?P<row>\d+)$")
_LINE = re.compile(r"^(?P<line>\d+)(?::(?P<column>\d+))?$")


_PRIVACY_WORDS = re.compile(
    r"privacy|personvern|dpo|gdpr|rgpd|dpd|data\.?protection|donnees|données|vie\.?privee",
    re.IGNORECASE,
)


_LEGAL_FORM = re.compile(
    r"[\s,]+(?:as|asa|ab|a/s|oy|ltd\.?|limited|plc|inc\.?|llc|corp\.?|gmbh|ag|sarl|sas|sa)$"
)
"""A company's legal form at the end of its name: "Webcruiter AS" is "Webcruiter"."""


def _company_key(name: str) -> str:
    """How party names compare: case and spacing aside, and without the legal form, so
    "Webcruiter" in one column and "Webcruiter AS" in another are one party."""
    folded = " ".join(name.casefold().split())
    return _LEGAL_FORM.sub("", folded) or folded


def _privacy_address(general: Fact | None) -> Fact:
    """The privacy contact: the organisation's e-mail only when its address says it is
    for privacy (personvern@, privacy@, dpo@); a general info@ or post@ is not assumed to
    be where rights requests go."""
    if general is not None and _PRIVACY_WORDS.search(str(general.value).split("@")[0]):
        return general
    said = (
        f"only the general e-mail {general.value} is given" if general else "the source is silent"
    )
    return Fact(UNKNOWN, f"{said}; where do people send rights requests?")


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _reading_order(note: ImportNote, sheets: list[str]) -> tuple[object, ...]:
    """Notes in reading order: the whole file first, then by sheet (in workbook order),
    row and column (row 8 before row 10, column B before AA), or by line and column."""
    _, colon, place = note.where.partition(":")
    if not colon:
        return (0, 0, 0, 0, note.message)
    cell = _CELL.match(place)
    if cell is not None:
        sheet = cell.group("sheet")
        index = sheets.index(sheet) if sheet in sheets else len(sheets)
        row, column = int(cell.group("row")), _column_number(cell.group("column"))
        return (1, index, row, column, note.message)
    line = _LINE.match(place)
    if line is not None:
        return (1, 0, int(line.group("line")), int(line.group("column") or 0), note.message)
    return (2, 0, 0, 0, note.where, note.message)
