"""One vocabulary of legal terms, in bokmål and English, with the article each rests on.

Every output (notice, records, graph, change log, rule messages, site) takes its legal
words from here, so "legitimate interest" is worded and cited the same way everywhere.
Bokmål follows Datatilsynet and the Norwegian GDPR text on Lovdata (personopplysningsloven
§ 1 incorporates the GDPR); English follows the GDPR on EUR-Lex.

Each ``Term`` has a ``label`` (the short noun: "avtale" / "contract") and named variants
in ``forms`` where an output needs another form today (e.g. the record's explicit
"nødvendig for å oppfylle en avtale"); ``Term.form(name)`` falls back to the label.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from holte_ropa.terms._cite import cite
from holte_ropa.terms._words import Words

__all__ = [
    "DATA_KINDS",
    "LEGAL_BASES",
    "RETENTION_TRIGGERS",
    "RIGHTS",
    "ROLES",
    "TRANSFER_MECHANISMS",
    "VOCABULARY",
    "Term",
]


@dataclass(frozen=True, slots=True)
class Term:
    """A legal term: its words in every language and the GDPR article it rests on."""

    label: Words
    """The short noun, as a table cell or list item: "berettiget interesse"."""
    article: int | None = None
    """The GDPR article, e.g. 6; None for terms the GDPR does not define by article."""
    paragraph: int | None = None
    point: str | None = None
    forms: Mapping[str, Words] = field(default_factory=lambda: MappingProxyType({}))
    """Named variants some outputs use instead of the label (see each group)."""

    def form(self, name: str) -> Words:
        """The variant ``name``, or the label where the term has no such variant."""
        return self.forms.get(name, self.label)

    def cite(self, lang: str) -> str:
        """The term's article in ``lang`` ("GDPR art. 6 nr. 1 bokstav f"); "" without one."""
        if self.article is None:
            return ""
        return cite(lang, self.article, self.paragraph, self.point)


def _w(nb: str, en: str) -> Words:
    return Words(nb=nb, en=en)


def _forms(**forms: Words) -> Mapping[str, Words]:
    return MappingProxyType(forms)


def _group(**terms: Term) -> Mapping[str, Term]:
    return MappingProxyType(terms)


LEGAL_BASES: Mapping[str, Term] = _group(
    # "record": the Art. 30 record's column, where a bare "avtale" would be ambiguous.
    # "object": the basis as the object of a sentence ("rests on a contract"), as rule
    # messages use it.
    consent=Term(
        _w("samtykke", "consent"), 6, 1, "a", forms=_forms(object=_w("samtykke", "consent"))
    ),
    contract=Term(
        _w("avtale", "contract"),
        6,
        1,
        "b",
        forms=_forms(
            record=_w("nødvendig for å oppfylle en avtale", "necessary for a contract"),
            object=_w("en avtale", "a contract"),
        ),
    ),
    legal_obligation=Term(
        _w("rettslig forpliktelse", "legal obligation"),
        6,
        1,
        "c",
        forms=_forms(object=_w("en rettslig forpliktelse", "a legal obligation")),
    ),
    vital_interest=Term(
        _w("vitale interesser", "vital interests"),
        6,
        1,
        "d",
        forms=_forms(object=_w("vitale interesser", "vital interests")),
    ),
    public_task=Term(
        _w("allmennhetens interesse eller offentlig myndighet", "public task"),
        6,
        1,
        "e",
        forms=_forms(object=_w("en offentlig oppgave", "a public task")),
    ),
    legitimate_interest=Term(
        _w("berettiget interesse", "legitimate interest"),
        6,
        1,
        "f",
        forms=_forms(object=_w("berettiget interesse", "legitimate interest")),
    ),
)
"""The six legal bases of GDPR Art. 6(1)(a)-(f), keyed as ``legal_basis.basis``."""

RIGHTS: Mapping[str, Term] = _group(
    access=Term(_w("rett til innsyn", "right of access"), 15),
    rectification=Term(_w("rett til retting", "right to rectification"), 16),
    erasure=Term(_w("rett til sletting", "right to erasure"), 17),
    restriction=Term(_w("rett til begrensning av behandling", "right to restriction"), 18),
    portability=Term(_w("rett til dataportabilitet", "right to data portability"), 20),
    objection=Term(_w("rett til å protestere", "right to object"), 21),
    automated_decisions=Term(
        _w(
            "rett til ikke å bli underlagt automatiserte avgjørelser",
            "right not to be subject to automated decisions",
        ),
        22,
    ),
    withdraw_consent=Term(
        _w("rett til å trekke tilbake samtykke", "right to withdraw consent"), 7, 3
    ),
)
"""The data subject's rights, GDPR Art. 15-22 and Art. 7(3)."""

ROLES: Mapping[str, Term] = _group(
    controller=Term(_w("behandlingsansvarlig", "controller"), 4, 7),
    processor=Term(
        _w("databehandler", "processor"),
        4,
        8,
        # "indefinite": the role as a sentence names it ("Facebook is recorded as a processor").
        forms=_forms(indefinite=_w("databehandler", "a processor")),
    ),
    sub_processor=Term(
        _w("underdatabehandler", "sub-processor"),
        28,
        4,
        forms=_forms(indefinite=_w("underdatabehandler", "a sub-processor")),
    ),
    joint_controller=Term(
        _w("felles behandlingsansvarlig", "joint controller"),
        26,
        forms=_forms(indefinite=_w("felles behandlingsansvarlig", "a joint controller")),
    ),
    independent_controller=Term(
        _w("selvstendig behandlingsansvarlig", "independent controller"),
        4,
        7,
        forms=_forms(
            indefinite=_w("selvstendig behandlingsansvarlig", "an independent controller")
        ),
    ),
)
"""Roles under GDPR Art. 4(7), 4(8), 26 and 28(4), in Datatilsynet's bokmål."""

TRANSFER_MECHANISMS: Mapping[str, Term] = _group(
    adequacy=Term(
        _w("beslutning om tilstrekkelig beskyttelsesnivå", "adequacy decision"),
        45,
        forms=_forms(short=_w("tilstrekkelighet", "adequacy"), code=_w("adequacy", "adequacy")),
    ),
    dpf=Term(
        _w("EU-US Data Privacy Framework", "EU-US Data Privacy Framework"),
        45,
        forms=_forms(short=_w("DPF", "DPF"), code=_w("DPF", "DPF")),
    ),
    scc=Term(
        _w("EUs standardavtaler", "standard contractual clauses"),
        46,
        2,
        "c",
        forms=_forms(short=_w("SCC", "SCC"), code=_w("SCC", "SCC")),
    ),
    bcr=Term(
        _w("bindende virksomhetsregler", "binding corporate rules"),
        47,
        forms=_forms(short=_w("BCR", "BCR"), code=_w("BCR", "BCR")),
    ),
    derogation=Term(
        _w("unntak for særlige situasjoner", "derogation"),
        49,
        1,
        forms=_forms(short=_w("Art. 49", "Art. 49"), code=_w("Art. 49", "Art. 49")),
    ),
)
"""Transfer mechanisms of GDPR Chapter V, keyed as ``transfer.mechanism``.

Forms: ``short`` is the diagram's word in each language; ``code`` the language-neutral
abbreviation in a party's box (``US: SCC``).
"""

RETENTION_TRIGGERS: Mapping[str, Term] = _group(
    collection=Term(_w("innsamling", "collection")),
    end_of_contract=Term(_w("avtalens slutt", "the end of the contract")),
    termination=Term(_w("oppsigelse", "termination")),
    last_contact=Term(_w("siste kontakt", "last contact")),
    consent_withdrawn=Term(_w("tilbaketrukket samtykke", "withdrawal of consent"), 7, 3),
    recruitment_closed=Term(_w("avsluttet rekruttering", "the end of the recruitment")),
    end_of_financial_year=Term(_w("regnskapsårets slutt", "the end of the financial year")),
    purpose_fulfilled=Term(_w("oppnådd formål", "the purpose being fulfilled")),
)
"""The events a retention period counts from (GDPR Art. 5(1)(e), 13(2)(a))."""

DATA_KINDS: Mapping[str, Term] = _group(
    ordinary=Term(_w("alminnelige personopplysninger", "ordinary personal data"), 4, 1),
    special=Term(
        _w("særlige kategorier av personopplysninger", "special categories of personal data"),
        9,
        1,
    ),
    criminal=Term(
        _w(
            "personopplysninger om straffedommer og lovovertredelser",
            "personal data relating to criminal convictions and offences",
        ),
        10,
    ),
)
"""Kinds of personal data: ordinary, special categories (Art. 9), criminal (Art. 10)."""

VOCABULARY: Mapping[str, Mapping[str, Term]] = MappingProxyType(
    {
        "legal_bases": LEGAL_BASES,
        "rights": RIGHTS,
        "roles": ROLES,
        "transfer_mechanisms": TRANSFER_MECHANISMS,
        "retention_triggers": RETENTION_TRIGGERS,
        "data_kinds": DATA_KINDS,
    }
)
"""Every group of terms by name, for tests and documentation."""
