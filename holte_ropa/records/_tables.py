"""The Art. 30 record as tables: 30(1) for the controller, 30(2) for the processor.

Datatilsynet and auditors read the record as a spreadsheet with one row per activity and
purpose, columns in the order of Art. 30's letters. This module turns the Registry into
those rows once, in one language, so every file format (xlsx, csv, json) shows the same
cells. Multi-valued cells stay tuples; each format decides how to join them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from holte_ropa.graph._graph import role_name
from holte_ropa.graph._labels import safeguard, text
from holte_ropa.model._countries import country_name
from holte_ropa.model._models import (
    UNKNOWN,
    Activity,
    Consent,
    Contract,
    LegalObligation,
    LegitimateInterest,
    PublicTask,
    Purpose,
    RetentionRule,
    Role,
    Unknown,
    VitalInterest,
    is_unknown,
)
from holte_ropa.model._registry import Registry
from holte_ropa.terms import (
    DATA_KINDS,
    LEGAL_BASES,
    RETENTION_TRIGGERS,
    cite_ref,
    period_words,
    published_language,
)

__all__ = ["Cell", "Column", "RecordRole", "RecordTable", "record_table"]

RecordRole = Literal["controller", "processor"]
Cell = str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Column:
    """One column: a stable key for machines and a header for people."""

    key: str
    nb: str
    en: str

    def header(self, lang: str) -> str:
        return self.nb if lang == "nb" else self.en


@dataclass(frozen=True, slots=True)
class RecordTable:
    """One Art. 30 record: who keeps it, its columns, and one row per activity and purpose."""

    role: RecordRole
    article: str
    title: str
    lang: str
    organisation: dict[str, str | None]
    """Art. 30(1)(a)/30(2)(a) facts by stable key; None where the registry says ``unknown``
    (or, for the optional ``phone``, records nothing): JSON writes null."""
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Cell], ...]

    def organisation_text(self) -> dict[str, str]:
        """:attr:`organisation` for people: every missing fact said in the table's language."""
        w = _w(self.lang)
        return {
            key: value
            if value is not None
            else w["not_stated"]
            if key in _OPTIONAL_FACTS
            else w[UNKNOWN.value]
            for key, value in self.organisation.items()
        }


_OPTIONAL_FACTS = frozenset({"phone"})
"""Organisation facts the record may leave out: missing means "not stated", not unknown."""


# Column order follows the letters of Art. 30(1) and 30(2), as Datatilsynet's and the
# ICO's templates do; the legal basis columns sit next to the purpose they justify.
_CONTROLLER_COLUMNS = (
    Column("activity_id", "ID", "ID"),
    Column("activity", "Behandlingsaktivitet", "Processing activity"),
    Column(
        "joint_controllers",
        "Felles behandlingsansvarlige (art. 30(1)(a))",
        "Joint controllers (Art. 30(1)(a))",
    ),
    Column(
        "joint_controller_contacts",
        "Kontaktopplysninger, felles behandlingsansvar (art. 30(1)(a))",
        "Contact details, joint control (Art. 30(1)(a))",
    ),
    Column("purpose", "Formål (art. 30(1)(b))", "Purpose (Art. 30(1)(b))"),
    Column("legal_basis", "Behandlingsgrunnlag (art. 6(1))", "Legal basis (Art. 6(1))"),
    Column(
        "special_condition",
        "Unntak for særlige kategorier (art. 9(2)) og straffedata (art. 10)",
        "Special category condition (Art. 9(2)) and criminal data basis (Art. 10)",
    ),
    Column(
        "subject_categories",
        "Kategorier av registrerte (art. 30(1)(c))",
        "Categories of data subjects (Art. 30(1)(c))",
    ),
    Column(
        "data_categories",
        "Kategorier av personopplysninger (art. 30(1)(c))",
        "Categories of personal data (Art. 30(1)(c))",
    ),
    Column(
        "recipients",
        "Kategorier av mottakere (art. 30(1)(d))",
        "Categories of recipients (Art. 30(1)(d))",
    ),
    Column("third_countries", "Tredjeland (art. 30(1)(e))", "Third countries (Art. 30(1)(e))"),
    Column(
        "safeguards",
        "Garantier ved overføring (art. 30(1)(e), 44-49)",
        "Transfer safeguards (Art. 30(1)(e), 44-49)",
    ),
    Column(
        "retention",
        "Frister for sletting (art. 30(1)(f))",
        "Time limits for erasure (Art. 30(1)(f))",
    ),
    Column(
        "security_measures",
        "Sikkerhetstiltak (art. 30(1)(g), 32(1))",
        "Security measures (Art. 30(1)(g), 32(1))",
    ),
    Column("dpia", "DPIA (art. 35)", "DPIA (Art. 35)"),
)

_PROCESSOR_COLUMNS = (
    Column("activity_id", "ID", "ID"),
    Column("activity", "Behandlingsaktivitet", "Processing activity"),
    Column(
        "controllers",
        "Behandlingsansvarlige vi behandler for (art. 30(2)(a))",
        "Controllers we process for (Art. 30(2)(a))",
    ),
    Column(
        "controller_register",
        "Register som navngir hver behandlingsansvarlig (art. 30(2)(a))",
        "Register naming each controller (Art. 30(2)(a))",
    ),
    Column(
        "agreement", "Databehandleravtale (art. 28(3))", "Data processing agreement (Art. 28(3))"
    ),
    Column(
        "processing_categories",
        "Kategorier av behandling (art. 30(2)(b))",
        "Categories of processing (Art. 30(2)(b))",
    ),
    Column("purpose", "Formål", "Purpose"),
    Column(
        "subject_categories",
        "Kategorier av registrerte",
        "Categories of data subjects",
    ),
    Column("data_categories", "Kategorier av personopplysninger", "Categories of personal data"),
    Column(
        "sub_processors",
        "Underdatabehandlere (art. 28(2), 28(4))",
        "Sub-processors (Art. 28(2), 28(4))",
    ),
    Column("third_countries", "Tredjeland (art. 30(2)(c))", "Third countries (Art. 30(2)(c))"),
    Column(
        "safeguards",
        "Garantier ved overføring (art. 30(2)(c), 44-49)",
        "Transfer safeguards (Art. 30(2)(c), 44-49)",
    ),
    Column(
        "security_measures",
        "Sikkerhetstiltak (art. 30(2)(d), 32(1))",
        "Security measures (Art. 30(2)(d), 32(1))",
    ),
)

_WORDS: dict[str, dict[str, str]] = {
    "nb": {
        UNKNOWN.value: "ukjent, må bekreftes",
        "none": "ingen",
        "not_stated": "ikke oppgitt",
        "withdrawal": "trekkes tilbake",
        "until_withdrawn": "til samtykket trekkes tilbake",
        "period_unknown": "periode ikke avklart",
        "event_unknown": "en hendelse som ikke er avklart",
        "after": "etter",
        "delete": "slettes",
        "anonymise": "anonymiseres",
        "delete_or_anonymise": "slettes eller anonymiseres",
        "controller_title": "Protokoll over behandlingsaktiviteter, behandlingsansvarlig",
        "processor_title": "Protokoll over behandlingsaktiviteter, databehandler",
        "via": "via",
        "not_required": "ikke påkrevd",
        "required": "påkrevd",
        "done": "gjennomført",
        "eea_only": "ingen, bare EØS",
        "organisation": "internasjonal organisasjon",
        "representative_not_required": "ikke påkrevd, etablert i EØS (art. 27(1))",
    },
    "en": {
        UNKNOWN.value: "unknown, to be confirmed",
        "none": "none",
        "not_stated": "not stated",
        "withdrawal": "withdrawal",
        "until_withdrawn": "until consent is withdrawn",
        "period_unknown": "period not confirmed",
        "event_unknown": "an event not confirmed",
        "after": "after",
        "delete": "deleted",
        "anonymise": "anonymised",
        "delete_or_anonymise": "deleted or anonymised",
        "controller_title": "Record of processing activities, controller",
        "processor_title": "Record of processing activities, processor",
        "via": "via",
        "not_required": "not required",
        "required": "required",
        "done": "done",
        "eea_only": "none, EEA only",
        "organisation": "international organisation",
        "representative_not_required": "not required, established in the EEA (Art. 27(1))",
    },
}


def _w(lang: str) -> dict[str, str]:
    return _WORDS["nb" if lang == "nb" else "en"]


def record_table(registry: Registry, role: RecordRole, lang: str = "nb") -> RecordTable:
    """The 30(1) (controller) or 30(2) (processor) record of ``registry`` in ``lang``.

    One row per activity and purpose, columns as GDPR Art. 30(1)(a)-(g) or 30(2)(a)-(d)
    ask; ``lang`` is ``nb`` or ``en`` (else ValueError).
    """
    w = _w(published_language(lang))
    columns: tuple[Column, ...]
    if role == "controller":
        wanted = {Role.CONTROLLER, Role.JOINT_CONTROLLER}
        columns, article = _CONTROLLER_COLUMNS, "GDPR Art. 30(1)"
    else:
        wanted = {Role.PROCESSOR}
        columns, article = _PROCESSOR_COLUMNS, "GDPR Art. 30(2)"
    rows: list[dict[str, Cell]] = []
    for activity in registry.activities.values():
        if activity.role not in wanted:
            continue
        common = _common_cells(registry, activity, lang)
        if role == "processor":
            common.update(_processor_cells(activity, lang))
        purposes: list[Purpose | None] = [*activity.purposes] or [None]
        for purpose in purposes:
            row = dict(common)
            row.update(_purpose_cells(purpose, lang))
            rows.append({c.key: row.get(c.key, "") for c in columns})
    return RecordTable(
        role=role,
        article=article,
        title=w[f"{role}_title"],
        lang=lang,
        organisation=_organisation(registry, role, lang),
        columns=columns,
        rows=tuple(rows),
    )


def _organisation(registry: Registry, role: RecordRole, lang: str) -> dict[str, str | None]:
    """Art. 30(1)(a) / 30(2)(a): who keeps the record, worded in ``lang``.

    Name and contact details of the controller (or processor), its representative
    (Art. 27) and its data protection officer (Art. 37); in the processor's record also
    the controllers it acts for. Keys are stable; a value is None where the registry says
    ``unknown`` (an address with any part unknown is unknown as a whole) and, for the
    optional phone, where it records none.
    """
    w = _w(lang)
    org = registry.organisation
    dpo = org.dpo
    dpo_text: str | None
    if is_unknown(dpo):
        dpo_text = None
    elif dpo.appointed:
        dpo_text = ", ".join(x for x in (dpo.name, dpo.email, dpo.phone) if x)
    else:
        reason = text(dpo.reason_none, lang) if dpo.reason_none is not None else ""
        dpo_text = f"{w['none']}: {reason}" if reason else w["none"]
    representative: str | None = None
    if org.eu_representative is not None:
        representative = text(org.eu_representative, lang)
    elif org.country in registry.reference.eea:
        representative = w["representative_not_required"]
    address = org.postal_address
    parts = (
        [UNKNOWN.value]
        if is_unknown(address)
        else [*address.lines, address.postal_code, address.city]
    )
    facts: dict[str, str | None] = {
        "name": org.legal_name,
        "org_number": None if is_unknown(org.org_number) else str(org.org_number),
        "address": None
        if is_unknown(address) or any(part == UNKNOWN.value for part in parts)
        else ", ".join([*map(str, address.lines), f"{address.postal_code} {address.city}"]),
        "email": None if is_unknown(org.email) else str(org.email),
        "privacy_contact": None if is_unknown(org.privacy_contact) else str(org.privacy_contact),
        "phone": org.phone or None,
        "representative": representative,
        "dpo": dpo_text,
    }
    if role == "processor":
        controllers = [
            w[UNKNOWN.value] if a.processor is None else text(a.processor.controllers, lang)
            for a in registry.activities.values()
            if a.role == Role.PROCESSOR
        ]
        facts["controllers"] = "; ".join(dict.fromkeys(controllers)) or w["none"]
    return facts


def _common_cells(registry: Registry, activity: Activity, lang: str) -> dict[str, Cell]:
    w = _w(lang)
    parties = registry.parties
    recipients: list[str] = []
    for party_id, via in registry.parties_of(activity):
        party = parties[party_id]
        entry = f"{party.name_in(lang)} ({role_name(party.role.value, lang)})"
        if via:
            entry += f", {w['via']} {', '.join(parties[p].name_in(lang) for p in via)}"
        recipients.append(entry)
    transfers = registry.transfers_of(activity.id)
    # countries by name in the table's language, as the diagrams name them ("USA")
    countries: tuple[str, ...] = tuple(
        dict.fromkeys(country_name(t.country, lang) for t in transfers)
    )
    unlocated = [p for p, _ in registry.parties_of(activity) if is_unknown(parties[p].locations)]
    if unlocated:
        names = ", ".join(parties[p].name_in(lang) for p in unlocated)
        countries += (f"{names}: {w[UNKNOWN.value]}",)
    safeguards = tuple(
        dict.fromkeys(
            f"{parties[t.party].name_in(lang)} → {country_name(t.country, lang)}: "
            f"{safeguard(t.mechanism, t.adequacy, lang)}"
            for t in transfers
        )
    )
    for party_id, _ in registry.parties_of(activity):  # Art. 30(1)(e): or an international
        organisation = parties[party_id].international_organisation  # organisation
        if organisation is not None:
            code = organisation.code
            decision = registry.reference.adequacy_for_organisation(code)
            countries += (f"{code} ({w['organisation']})",)
            basis = safeguard(organisation.mechanism, decision, lang)
            safeguards += (f"{parties[party_id].name_in(lang)} → {code}: {basis}",)
    if is_unknown(activity.recipients):
        recipient_cell: Cell = w[UNKNOWN.value]
    elif not recipients:
        recipient_cell = w["none"]
    else:
        recipient_cell = tuple(recipients)
    return {
        "activity_id": activity.id,
        "activity": text(activity.name, lang),
        "joint_controllers": tuple(parties[p].name_in(lang) for p in activity.joint_controllers),
        "joint_controller_contacts": tuple(
            _with_contact(parties[p].name_in(lang), parties[p].contact, lang)
            for p in activity.joint_controllers
        ),
        "special_condition": _special(activity, lang),
        "subject_categories": tuple(
            text(registry.subject_categories[s].name, lang) for s in activity.subject_categories
        ),
        "data_categories": tuple(
            text(registry.data_categories[d].name, lang) for d in activity.data_categories
        ),
        "recipients": recipient_cell,
        "sub_processors": recipient_cell,
        "third_countries": countries or w["eea_only"],
        "safeguards": safeguards,
        "retention": _retention(activity, lang),
        "security_measures": tuple(
            text(registry.security_measures[m].name, lang) for m in activity.security_measures
        ),
        "dpia": _dpia(activity, lang),
    }


def _processor_cells(activity: Activity, lang: str) -> dict[str, Cell]:
    details = activity.processor
    if details is None:
        unknown = _w(lang)[UNKNOWN.value]
        return {
            "controllers": unknown,
            "controller_register": unknown,
            "agreement": unknown,
            "processing_categories": unknown,
        }
    register = details.controller_register
    return {
        "controllers": text(details.controllers, lang),
        "controller_register": (
            ""
            if register is None
            else _w(lang)[UNKNOWN.value]
            if is_unknown(register)
            else register
        ),
        "agreement": text(details.agreement, lang),
        "processing_categories": tuple(text(t, lang) for t in details.processing_categories),
    }


def _with_contact(name: str, contact: str | Unknown | None, lang: str) -> str:
    """A joint controller with its contact details (Art. 30(1)(a))."""
    if contact is None or is_unknown(contact):
        return f"{name}: {_w(lang)[UNKNOWN.value]}"
    return f"{name}: {contact}"


def _purpose_cells(purpose: Purpose | None, lang: str) -> dict[str, Cell]:
    if purpose is None:
        return {"purpose": "", "legal_basis": ""}
    return {
        "purpose": text(purpose.description, lang),
        "legal_basis": legal_basis_text(purpose, lang),
    }


def legal_basis_text(purpose: Purpose, lang: str) -> str:
    """ "legitimate interest (GDPR Art. 6(1)(f)): <the interest>", with what it rests on.

    The basis is worded by the vocabulary's ``record`` form (explicit where a bare noun
    would be ambiguous in a table) and cited by :func:`holte_ropa.terms.cite`.
    """
    w = _w(lang)
    basis = purpose.legal_basis
    if is_unknown(basis):
        return w[UNKNOWN.value]
    term = LEGAL_BASES[basis.basis]
    head = f"{term.form('record').get(lang)} ({term.cite(lang)})"
    detail: str | None = None
    if isinstance(basis, LegitimateInterest):
        detail = w[UNKNOWN.value] if is_unknown(basis.interest) else text(basis.interest, lang)
    elif isinstance(basis, LegalObligation | PublicTask):
        detail = w[UNKNOWN.value] if is_unknown(basis.source) else str(basis.source)
    elif isinstance(basis, Contract):
        detail = text(basis.contract, lang)
    elif isinstance(basis, VitalInterest):
        detail = text(basis.explanation, lang)
    elif isinstance(basis, Consent) and not is_unknown(basis.withdrawal):
        # how consent is withdrawn (Art. 7(3)), labelled: bare, it read as the consent itself
        head += f"; {w['withdrawal']}"
        detail = text(basis.withdrawal, lang)
    return f"{head}: {detail}" if detail else head


def _special(activity: Activity, lang: str) -> Cell:
    found: list[str] = []
    if activity.special_category_condition:
        found.append(cite_ref(lang, activity.special_category_condition))
    if activity.criminal_data_basis is not None:
        found.append(
            f"{DATA_KINDS['criminal'].cite(lang)}: {text(activity.criminal_data_basis, lang)}"
        )
    return tuple(found)


def _retention(activity: Activity, lang: str) -> Cell:
    if is_unknown(activity.retention):
        return _w(lang)[UNKNOWN.value]
    return tuple(_retention_rule(rule, lang) for rule in activity.retention)


def _retention_rule(rule: RetentionRule, lang: str) -> str:
    """ "[5 år etter oppsigelse, slettes] <the notice's words> (<statute § n>)".

    The structured period, the event it counts from and what happens then come first in
    brackets, so a rule worded vaguely in the notice still states its period.
    """
    described = f"[{_period(rule, lang)}, {_w(lang)[rule.action]}] {text(rule.description, lang)}"
    if is_unknown(rule.legal_source):
        label = {"nb": "hjemmel", "en": "legal source"}[lang]
        described += f" ({label}: {_w(lang)[UNKNOWN.value]})"
    elif rule.legal_source is not None:
        described += f" ({rule.legal_source})"
    return described


def _period(rule: RetentionRule, lang: str) -> str:
    w = _w(lang)
    duration, trigger = rule.duration, rule.trigger
    if duration == "until_consent_withdrawn":
        return w["until_withdrawn"]
    period = (
        w["period_unknown"]
        if is_unknown(duration)
        else period_words(duration.years, duration.months, duration.days, lang)
    )
    if trigger is None:
        return period
    event = (
        w["event_unknown"] if is_unknown(trigger) else RETENTION_TRIGGERS[trigger].label.get(lang)
    )
    return f"{period} {w['after']} {event}"


def _dpia(activity: Activity, lang: str) -> str:
    w = _w(lang)
    if activity.dpia is None or is_unknown(activity.dpia.status):
        return w[UNKNOWN.value]
    status = w[activity.dpia.status]
    if activity.dpia.date is not None:
        status += f" ({activity.dpia.date.isoformat()})"
    return status
