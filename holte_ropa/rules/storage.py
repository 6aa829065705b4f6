"""Storage limitation: GDPR Art. 5(1)(e), with the retention duties of Art. 13(2)(a)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._models import (
    Activity,
    Consent,
    Duration,
    LegalObligation,
    RetentionRule,
    Role,
    Trigger,
    is_unknown,
)
from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry


def _consent_only(activity: Activity) -> bool:
    """True when every purpose with a settled basis rests on consent, and one does."""
    bases = [b for b in activity.legal_bases() if not is_unknown(b)]
    return bool(bases) and all(isinstance(b, Consent) for b in bases)


_HEAD = """\
activities:
  - id: newsletter
    name: {nb: Nyhetsbrev, en: Newsletter}
    description: {nb: Vi sender nyhetsbrev., en: We send newsletters.}
    role: controller
    purposes:
      - id: send
        description: {nb: Sende nyhetsbrev, en: Send newsletters}
        legal_basis:
          basis: legitimate_interest
          interest: {nb: Holde kundene orientert, en: Keeping customers informed}
          right_to_object: {nb: Lenke i hvert brev, en: A link in every letter}
    recipients: none
    retention:
"""


@rule(
    id="R32",
    name="indefinite-retention",
    severity=Severity.ERROR,
    references=("GDPR Art. 5(1)(e)", "GDPR Art. 13(2)(a)", "GDPR Art. 30(1)(f)"),
    summary=(
        "Retention is a definite duration from a named trigger, or until consent is "
        "withdrawn for consent-based purposes only."
    ),
    rationale=(
        "Data may be kept no longer than the purpose needs (Art. 5(1)(e)), and the notice "
        'must give the period or the criteria that fix it (Art. 13(2)(a)). "As long as '
        'necessary" without a duration and a starting event cannot be checked or '
        'enforced. "Until consent is withdrawn" is a definite end only when consent is '
        "the basis; for any other basis there is no withdrawal to wait for."
    ),
    fix=(
        "Give `duration:` in years, months or days and `trigger:` (e.g. end_of_contract, "
        "last_contact); keep `until_consent_withdrawn` for consent-based activities."
    ),
    bad=_HEAD
    + """\
      - duration: unknown  # <-
        trigger: last_contact
        description: {nb: Så lenge det er nødvendig, en: As long as necessary}
""",
    good=_HEAD
    + """\
      - duration: {months: 24}
        trigger: last_contact
        description: {nb: To år etter siste kontakt, en: Two years after the last contact}
""",
)
def indefinite_retention(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        a = activity.id
        if is_unknown(activity.retention):
            yield Hit(
                a,
                ("retention",),
                Words(
                    en=f"'{a}' records its retention as unknown; no one can tell when its data is "
                    "erased",
                    nb=f"'{a}' har ukjent lagringstid; ingen kan si når opplysningene slettes",
                ),
            )
            continue
        for index, retention in enumerate(activity.retention):
            path = ("retention", index)
            if is_unknown(retention.duration):
                yield Hit(
                    a,
                    (*path, "duration"),
                    Words(
                        en=f"a retention rule of '{a}' has no duration; give a definite period",
                        nb=f"en lagringsregel i '{a}' mangler varighet; oppgi en bestemt periode",
                    ),
                )
            elif retention.duration == "until_consent_withdrawn":
                if not _consent_only(activity):
                    yield Hit(
                        a,
                        (*path, "duration"),
                        Words(
                            en=f"'{a}' keeps data until consent is withdrawn, but not all its "
                            "purposes rest on consent",
                            nb=f"'{a}' lagrer til samtykket trekkes tilbake, men ikke alle "
                            "formålene "
                            "bygger på samtykke",
                        ),
                    )
            elif retention.trigger is None or is_unknown(retention.trigger):
                yield Hit(
                    a,
                    (*path, "trigger"),
                    Words(
                        en=f"a retention rule of '{a}' gives a duration but not the event it "
                        "counts "
                        "from; add `trigger:`",
                        nb=f"en lagringsregel i '{a}' har varighet, men ikke hendelsen den regnes "
                        "fra; legg til `trigger:`",
                    ),
                )


_BOOKS = """\
activities:
  - id: invoicing
    name: {nb: Fakturering, en: Invoicing}
    description: {nb: Vi fakturerer kunder., en: We invoice customers.}
    role: controller
    purposes:
      - id: bookkeeping
        description: {nb: Føre regnskap, en: Keep the accounts}
        legal_basis:
          basis: legal_obligation
          source: {statute: bokføringsloven, section: § 13}
    recipients: none
    retention:
      - duration: {years: 10}
        trigger: end_of_financial_year
        description: {nb: Ti år etter regnskapsårets slutt, en: Ten years after the year end}
"""


@rule(
    id="R33",
    name="retention-beyond-legal-source",
    severity=Severity.WARNING,
    references=("GDPR Art. 5(1)(e)", "GDPR Art. 6(1)(c)", "GDPR Art. 6(3)"),
    summary="Retention longer than its legal source sets, or statutory retention without one.",
    rationale=(
        "When a law sets the period (e.g. bokføringsloven § 13: five years after the end "
        "of the financial year), keeping data longer has no legal basis of its own, and a "
        "statutory period that names no statute cannot be verified. A rule is statutory "
        "when it counts from the end of a financial year or when the activity's only "
        "purposes are legal obligations; the period a provision sets is recorded on the "
        "source as `period:`. Judgement: a longer period may rest on another purpose, so "
        "this is a warning."
    ),
    fix=(
        "Name the statute and section under `legal_source:` with its `period:`, and shorten "
        "the duration to it, or record the other purpose that needs the longer period."
    ),
    bad=_BOOKS
    + """\
        legal_source: {statute: bokføringsloven, section: § 13, period: {years: 5}}  # <-
""",
    good=_BOOKS.replace("{years: 10}", "{years: 5}")
    .replace("Ti år", "Fem år")
    .replace("Ten years", "Five years")
    + """\
        legal_source: {statute: bokføringsloven, section: § 13, period: {years: 5}}
""",
    judgement=True,
)
def retention_beyond_legal_source(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        if is_unknown(activity.retention):
            continue
        a = activity.id
        bases = activity.legal_bases()
        statutory_activity = bool(bases) and all(isinstance(b, LegalObligation) for b in bases)
        for index, retention in enumerate(activity.retention):
            path = ("retention", index)
            source = retention.legal_source
            if source is None:
                if statutory_activity or retention.trigger == Trigger.END_OF_FINANCIAL_YEAR:
                    yield Hit(
                        a,
                        path,
                        Words(
                            en=f"a retention rule of '{a}' looks statutory but names no legal "
                            "source; add `legal_source:` with statute and section",
                            nb=f"en lagringsregel i '{a}' ser lovpålagt ut, men oppgir ikke "
                            "hjemmel; legg til `legal_source:` med lov og paragraf",
                        ),
                    )
                continue
            if is_unknown(source):
                yield Hit(
                    a,
                    (*path, "legal_source"),
                    Words(
                        en=f"the legal source of a retention rule of '{a}' is unknown; name "
                        "the statute and section under `legal_source:`",
                        nb=f"hjemmelen for en lagringsregel i '{a}' er ukjent; oppgi lov og "
                        "paragraf under `legal_source:`",
                    ),
                )
                continue
            duration = retention.duration
            if (
                source.period is not None
                and isinstance(duration, Duration)
                and duration.in_days() > source.period.in_days()
            ):
                yield Hit(
                    a,
                    (*path, "legal_source"),
                    Words(
                        en=f"'{a}' keeps data for {_span(duration, 'en')}, longer than {source} "
                        f"sets ({_span(source.period, 'en')})",
                        nb=f"'{a}' lagrer opplysninger i {_span(duration, 'nb')}, lenger enn "
                        f"{source} fastsetter ({_span(source.period, 'nb')})",
                    ),
                )


def _span(duration: Duration, lang: str) -> str:
    names = {
        "en": (("year", "years"), ("month", "months"), ("day", "days")),
        "nb": (("år", "år"), ("måned", "måneder"), ("dag", "dager")),
    }[lang]
    parts = [
        f"{n} {one if n == 1 else many}"
        for n, (one, many) in zip(
            (duration.years, duration.months, duration.days), names, strict=True
        )
        if n
    ]
    return " ".join(parts) or ("0 days" if lang == "en" else "0 dager")


_CONSENT = """\
activities:
  - id: newsletter
    name: {nb: Nyhetsbrev, en: Newsletter}
    description: {nb: Vi sender nyhetsbrev., en: We send newsletters.}
    role: controller
    purposes:
      - id: send
        description: {nb: Sende nyhetsbrev, en: Send newsletters}
        legal_basis:
          basis: consent
          collection: {nb: Avkrysning i skjema, en: A tick box in a form}
          withdrawal: {nb: Lenke i hvert brev, en: A link in every letter}
"""


@rule(
    id="R34",
    name="consent-data-kept-after-withdrawal",
    severity=Severity.WARNING,
    references=("GDPR Art. 7(3)", "GDPR Art. 17(1)(b)"),
    summary="A consent-based purpose whose data is not deleted on withdrawal.",
    rationale=(
        "When consent is withdrawn and no other basis applies, the data must be erased "
        "(Art. 17(1)(b)). A purpose that keeps the data, or has not decided, either needs "
        "another basis for what it keeps or a deletion routine."
    ),
    fix="Set `deleted_on_withdrawal: true` once deletion on withdrawal is in place.",
    bad=_CONSENT
    + """\
          deleted_on_withdrawal: false  # <-
    recipients: none
""",
    good=_CONSENT
    + """\
          deleted_on_withdrawal: true
    recipients: none
""",
)
def consent_data_kept_after_withdrawal(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        for index, purpose in enumerate(activity.purposes):
            basis = purpose.legal_basis
            if isinstance(basis, Consent) and basis.deleted_on_withdrawal is not True:
                state = "is not" if basis.deleted_on_withdrawal is False else "may not be"
                state_nb = (
                    "slettes ikke"
                    if basis.deleted_on_withdrawal is False
                    else ("slettes kanskje ikke")
                )
                yield Hit(
                    activity.id,
                    ("purposes", index, "legal_basis", "deleted_on_withdrawal"),
                    Words(
                        en=f"the data of consent-based purpose '{purpose.id}' of '{activity.id}' "
                        f"{state} deleted when consent is withdrawn",
                        nb=f"opplysningene i formålet '{purpose.id}' i '{activity.id}', som bygger "
                        f"på samtykke, {state_nb} når samtykket trekkes tilbake",
                    ),
                )


_PROCESSING = """\
activities:
  - id: hosted-payroll
    name: {nb: Lønn for kunder, en: Payroll for customers}
    description: {nb: Vi kjører lønn for kundene, en: We run payroll for customers}
    role: processor
    processor:
      controllers: {nb: Kundene våre, en: Our customers}
      agreement: {nb: Databehandleravtalen, en: The data processing agreement}
      processing_categories: [{nb: Lønnskjøring, en: Running payroll}]
      controller_register: Customer register in the CRM
    recipients: none
    retention:
"""

_AFTER_END = frozenset({Trigger.TERMINATION, Trigger.END_OF_CONTRACT})


@rule(
    id="R52",
    name="processor-keeps-data-after-service",
    severity=Severity.WARNING,
    references=("GDPR Art. 28(3)(a)", "GDPR Art. 28(3)(g)", "GDPR Art. 5(1)(e)"),
    summary=(
        "A processor activity keeps the controller's data after the service ends, or sets "
        "its own retention, without the controller's recorded instruction."
    ),
    rationale=(
        "A processor processes only on the controller's documented instructions (Art. "
        "28(3)(a)) and must, at the controller's choice, delete or return all personal data "
        "after the end of the provision of services and delete existing copies, unless "
        "Union or Member State law requires storage (Art. 28(3)(g)). A period counted from "
        "termination or the end of the contract keeps the data past that point; a period "
        "counted from anything else (the end of the financial year, collection) is the "
        "processor setting the retention of data that is not its own. A statute such as "
        "bokføringsloven § 13 binds the controller, not the processor, so naming it does "
        "not settle the question by itself: the processor may keep the data for that "
        "period only as the controller's documented instruction, and the record must say "
        "so (`controller_instruction:`)."
    ),
    fix=(
        "Delete or return the data at the end of the service (duration 0 from termination, "
        "`action: delete_or_return` at the controller's choice), or record the controller's "
        "documented instruction under `controller_instruction:` (e.g. the clause of the "
        "data processing agreement)."
    ),
    bad=_PROCESSING
    + """\
      - duration: {years: 5}  # <-
        trigger: termination
        description: {nb: Slettes fem år etter oppsigelse, en: Deleted five years after termination}
""",
    good=_PROCESSING
    + """\
      - duration: {days: 0}
        trigger: termination
        action: delete_or_return
        description: {nb: Slettes eller leveres tilbake, en: Deleted or returned}
      - duration: {years: 5}
        trigger: end_of_financial_year
        legal_source: {statute: bokføringsloven, section: "§ 13"}
        controller_instruction: {nb: Databehandleravtalen punkt 9, en: Clause 9 of the DPA}
        description: {nb: Bilag i fem år, en: Vouchers for five years}
""",
)
def processor_keeps_data_after_service(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        if activity.role is not Role.PROCESSOR or is_unknown(activity.retention):
            continue
        for index, rule_ in enumerate(activity.retention):
            duration = rule_.duration
            if not isinstance(duration, Duration) or duration.in_days() == 0:
                continue
            if rule_.controller_instruction is not None:
                continue
            yield Hit(
                activity.id,
                ("retention", index, "duration"),
                _processor_retention_message(activity.id, rule_, duration),
            )


def _processor_retention_message(activity: str, rule_: RetentionRule, duration: Duration) -> Words:
    span_en, span_nb = _span(duration, "en"), _span(duration, "nb")
    if rule_.legal_source is not None and not is_unknown(rule_.legal_source):
        law = str(rule_.legal_source)
        return Words(
            en=f"the processor activity '{activity}' keeps the controllers' data {span_en} "
            f"citing {law}, which binds the controller, not the processor: record the "
            "controller's documented instruction to keep it (`controller_instruction:`, Art. "
            "28(3)(a), (g)) or delete or return it at the end of the service",
            nb=f"databehandleraktiviteten '{activity}' beholder de behandlingsansvarliges "
            f"opplysninger {span_nb} med henvisning til {law}, som binder den "
            "behandlingsansvarlige, ikke databehandleren: registrer den behandlingsansvarliges "
            "dokumenterte instruks om å beholde dem (`controller_instruction:`, art. 28 nr. 3 "
            "bokstav a og g) eller slett eller lever dem tilbake når tjenesten opphører",
        )
    if rule_.trigger in _AFTER_END:
        return Words(
            en=f"the processor activity '{activity}' keeps the controllers' data {span_en} "
            "after the service ends; Art. 28(3)(g) requires deletion or return at the end "
            "unless a law requires storage: record the controller's documented instruction "
            "(`controller_instruction:`) or delete or return at the end",
            nb=f"databehandleraktiviteten '{activity}' beholder de behandlingsansvarliges "
            f"opplysninger {span_nb} etter at tjenesten opphører; art. 28 nr. 3 bokstav g "
            "krever sletting eller tilbakelevering ved slutten med mindre lov krever lagring: "
            "registrer den behandlingsansvarliges dokumenterte instruks "
            "(`controller_instruction:`) eller slett eller lever tilbake ved slutten",
        )
    return Words(
        en=f"the processor activity '{activity}' sets its own retention ({span_en}) for data "
        "that is the controllers': a processor keeps data only as the controller instructs "
        "(Art. 28(3)(a), (g)): record that instruction under `controller_instruction:`",
        nb=f"databehandleraktiviteten '{activity}' fastsetter sin egen lagringstid "
        f"({span_nb}) for opplysninger som er de behandlingsansvarliges: en databehandler "
        "beholder opplysninger bare etter den behandlingsansvarliges instruks (art. 28 nr. 3 "
        "bokstav a og g): registrer instruksen under `controller_instruction:`",
    )


_OPEN_ENDED = (
    "unless otherwise agreed",
    "or as otherwise agreed",
    "or by separate agreement",
    "as long as necessary",
    "as long as needed",
    "etter egen avtale",
    "med mindre annet er avtalt",
    "så lenge det er nødvendig",
    "så lenge det trengs",
)
"""Wordings that leave the period open, in either language (compared in lower case)."""


@rule(
    id="R53",
    name="open-ended-retention",
    severity=Severity.WARNING,
    references=("GDPR Art. 5(1)(e)", "GDPR Art. 13(2)(a)", "GDPR Art. 30(1)(f)"),
    summary='A retention rule is open-ended ("unless otherwise agreed", "as long as necessary").',
    rationale=(
        "The notice must state the period for which data is stored or, if that is not "
        "possible, the criteria used to determine it (Art. 13(2)(a)), and the record the "
        "time limits for erasure (Art. 30(1)(f)). A definite period followed by 'unless "
        "otherwise agreed' or 'as long as necessary' is not a definite period: people "
        "cannot tell when their data goes."
    ),
    fix=(
        "State the period and its trigger without an open clause, or name the criteria "
        "that decide a different period (e.g. the contract clause that sets it)."
    ),
    bad=_PROCESSING
    + """\
      - duration: {days: 30}  # <-
        trigger: collection
        description:
          nb: Slettes etter 30 dager, eller etter egen avtale.
          en: Deleted after 30 days, or by separate agreement.
""",
    good=_PROCESSING
    + """\
      - duration: {days: 30}
        trigger: collection
        description: {nb: Slettes etter 30 dager, en: Deleted after 30 days}
""",
)
def open_ended_retention(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        if is_unknown(activity.retention):
            continue
        for index, rule_ in enumerate(activity.retention):
            said = " ".join(
                v for v in (rule_.description.get("nb"), rule_.description.get("en")) if v
            )
            found = [w for w in _OPEN_ENDED if w in " ".join(said.lower().split())]
            if not found:
                continue
            yield Hit(
                activity.id,
                ("retention", index),
                Words(
                    en=f"a retention rule of '{activity.id}' is open-ended (\"{found[0]}\"), "
                    "so it is not a definite period: state the period or the criteria that set it",
                    nb=f"en lagringsregel i '{activity.id}' er åpen (\"{found[0]}\"), så den "
                    "er ingen bestemt periode: oppgi perioden eller kriteriene som avgjør den",
                ),
            )
