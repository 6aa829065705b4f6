"""Completeness of the record itself: GDPR Art. 30(1) for controllers, 30(2) for processors.

Rules 3 to 8 read the controller record (activities where the organisation is controller
or joint controller); rule 9 reads the processor record as a whole, so that one missing
fact is reported once, under the paragraph of Art. 30 that asks for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._models import Activity, Recipients, Role, is_unknown
from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry
    from holte_ropa.model._yaml import PathSegment

_RECIPIENT_GROUPS = ("processors", "controllers", "authorities", "unconfirmed")


def _controller_activities(registry: Registry) -> Iterator[Activity]:
    """Activities of the Art. 30(1) record; processor activities belong to Art. 30(2)."""
    return (a for a in registry.activities.values() if a.role is not Role.PROCESSOR)


def _reference_path(activity: Activity, party_id: str) -> tuple[PathSegment, ...]:
    """Where the activity names a party: its recipients entry, or its joint controllers."""
    if isinstance(activity.recipients, Recipients):
        for group in _RECIPIENT_GROUPS:
            names: tuple[str, ...] = getattr(activity.recipients, group)
            if party_id in names:
                return ("recipients", group, names.index(party_id))
    if party_id in activity.joint_controllers:
        return ("joint_controllers", activity.joint_controllers.index(party_id))
    return ("recipients",)


def _unlocated_parties(registry: Registry, activity: Activity) -> Iterator[Hit]:
    """Parties reaching the activity's data whose countries nobody has recorded."""
    for party_id, via in registry.parties_of(activity):
        if not is_unknown(registry.parties[party_id].locations):
            continue
        through_en = f" (through {' -> '.join(via)})" if via else ""
        through_nb = f" (via {' -> '.join(via)})" if via else ""
        yield Hit(
            activity.id,
            _reference_path(activity, via[0] if via else party_id),
            Words(
                en=f"'{activity.id}' cannot state its transfers to third countries: the countries "
                f"where '{party_id}'{through_en} processes the data are unknown",
                nb=f"'{activity.id}' kan ikke oppgi overføringer til tredjeland: det er ukjent i "
                f"hvilke land '{party_id}'{through_nb} behandler opplysningene",
            ),
        )


# --------------------------------------------------------------------------- R03


@rule(
    id="R03",
    blocks_publication=True,
    name="activity-without-purpose",
    severity=Severity.ERROR,
    references=("GDPR Art. 30(1)(b)", "GDPR Art. 5(1)(b)"),
    summary="Every activity of the controller record states its purposes.",
    rationale=(
        "Purpose limitation (Art. 5(1)(b)) starts with writing the purpose down, and the "
        "record must state it (Art. 30(1)(b)). Without a purpose there is nothing to hang a "
        "legal basis or a retention period on. Processor activities are exempt: there the "
        "controller decides the purposes, and Art. 30(2) asks for categories of processing "
        "instead (rule R09)."
    ),
    fix="Add `purposes:`, each with an id, a description and its legal basis.",
    bad="""\
activities:
  - id: web-forms  # <-
    name: {nb: Kontaktskjema, en: Contact form}
    description: {nb: Skjema på nettsiden, en: A form on the website}
    role: controller
    recipients: none
""",
    good="""\
activities:
  - id: web-forms
    name: {nb: Kontaktskjema, en: Contact form}
    description: {nb: Skjema på nettsiden, en: A form on the website}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare på henvendelsen, en: Answer your enquiry}
        legal_basis:
          basis: contract
          contract: {nb: Tilbudet du ba om, en: The offer you asked for}
    recipients: none
""",
)
def activity_without_purpose(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in _controller_activities(registry):
        if not activity.purposes:
            yield Hit(
                activity.id,
                ("purposes",),
                Words(
                    en=f"'{activity.id}' states no purpose",
                    nb=f"'{activity.id}' oppgir ikke noe formål",
                ),
            )


# --------------------------------------------------------------------------- R04


@rule(
    id="R04",
    blocks_publication=True,
    name="activity-without-categories",
    severity=Severity.ERROR,
    references=("GDPR Art. 30(1)(c)", "GDPR Art. 28(3)"),
    summary="Every activity lists its categories of data subjects and of personal data.",
    rationale=(
        "The record must describe whose data is processed and what data (Art. 30(1)(c)); "
        "without it, nobody can judge special categories, retention or a DPIA. For "
        "processor activities the data processing agreement must set out the same "
        "(Art. 28(3)), so the rule reads every activity."
    ),
    fix=("List `subject_categories:` and `data_categories:` with ids defined in the vocabulary."),
    bad="""\
subject_categories:
  - {id: visitors, name: {nb: Besøkende, en: Visitors}}
activities:
  - id: web-forms  # <-
    name: {nb: Kontaktskjema, en: Contact form}
    description: {nb: Skjema på nettsiden, en: A form on the website}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare på henvendelsen, en: Answer your enquiry}
        legal_basis: {basis: contract, contract: {nb: Tilbudet, en: The offer}}
    subject_categories: [visitors]
    recipients: none
""",
    good="""\
subject_categories:
  - {id: visitors, name: {nb: Besøkende, en: Visitors}}
data_categories:
  - {id: contact-details, name: {nb: Kontaktopplysninger, en: Contact details}}
activities:
  - id: web-forms
    name: {nb: Kontaktskjema, en: Contact form}
    description: {nb: Skjema på nettsiden, en: A form on the website}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare på henvendelsen, en: Answer your enquiry}
        legal_basis: {basis: contract, contract: {nb: Tilbudet, en: The offer}}
    subject_categories: [visitors]
    data_categories: [contact-details]
    recipients: none
""",
)
def activity_without_categories(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        if not activity.subject_categories:
            yield Hit(
                activity.id,
                ("subject_categories",),
                Words(
                    en=f"'{activity.id}' lists no categories of data subjects",
                    nb=f"'{activity.id}' oppgir ingen kategorier av registrerte",
                ),
            )
        if not activity.data_categories:
            yield Hit(
                activity.id,
                ("data_categories",),
                Words(
                    en=f"'{activity.id}' lists no categories of personal data",
                    nb=f"'{activity.id}' oppgir ingen kategorier av personopplysninger",
                ),
            )


# --------------------------------------------------------------------------- R05


@rule(
    id="R05",
    blocks_publication=True,
    name="recipients-not-stated",
    severity=Severity.ERROR,
    references=("GDPR Art. 30(1)(d)", "GDPR Art. 13(1)(e)"),
    summary="Every activity lists its recipients, or says `recipients: none`.",
    rationale=(
        "The record must name the recipients or categories of recipients (Art. 30(1)(d)) "
        "and the notice must tell people (Art. 13(1)(e)). `unknown` or an empty list does "
        "not say whether data leaves the organisation; `none` does. Processor activities "
        "are read by rule R09, which asks for their sub-processors."
    ),
    fix=(
        "List the parties under `recipients:` (`processors`, `controllers`, `authorities`), "
        "or write `recipients: none`."
    ),
    bad="""\
activities:
  - id: web-forms
    name: {nb: Kontaktskjema, en: Contact form}
    description: {nb: Skjema på nettsiden, en: A form on the website}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare på henvendelsen, en: Answer your enquiry}
        legal_basis: {basis: contract, contract: {nb: Tilbudet, en: The offer}}
    recipients: unknown  # <-
""",
    good="""\
activities:
  - id: web-forms
    name: {nb: Kontaktskjema, en: Contact form}
    description: {nb: Skjema på nettsiden, en: A form on the website}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare på henvendelsen, en: Answer your enquiry}
        legal_basis: {basis: contract, contract: {nb: Tilbudet, en: The offer}}
    recipients: none
""",
)
def recipients_not_stated(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in _controller_activities(registry):
        recipients = activity.recipients
        if is_unknown(recipients):
            yield Hit(
                activity.id,
                ("recipients",),
                Words(
                    en=f"the recipients of '{activity.id}' are unknown; list them or write "
                    "`recipients: none`",
                    nb=f"mottakerne i '{activity.id}' er ukjente; før dem opp eller skriv "
                    "`recipients: none`",
                ),
            )
        elif recipients != "none" and not any(getattr(recipients, g) for g in _RECIPIENT_GROUPS):
            yield Hit(
                activity.id,
                ("recipients",),
                Words(
                    en=f"'{activity.id}' has an empty recipients list; write `recipients: none` "
                    "if nobody receives the data",
                    nb=f"'{activity.id}' har en tom mottakerliste; skriv `recipients: none` hvis "
                    "ingen mottar opplysningene",
                ),
            )


# --------------------------------------------------------------------------- R06


@rule(
    id="R06",
    blocks_publication=True,
    name="transfers-not-stated",
    severity=Severity.ERROR,
    references=("GDPR Art. 30(1)(e)", "GDPR Art. 44"),
    summary="Every activity can state its transfers: the countries of all its parties are known.",
    rationale=(
        "The record must state transfers to third countries and their safeguards "
        "(Art. 30(1)(e)). holte-ropa computes them from the countries where each party, "
        "and each sub-processor under it, processes or can access the data, so a party "
        "with `locations: unknown` makes the activity's transfers unknowable. Missing "
        "safeguards for a known country are rule R27's; processor activities are rule "
        "R09's."
    ),
    fix=(
        "Record the party's `locations:` (country codes, including support and parent "
        "access) from its data processing agreement or sub-processor list."
    ),
    bad="""\
activities:
  - id: newsletter
    name: {nb: Nyhetsbrev, en: Newsletter}
    description: {nb: Vi sender nyhetsbrev, en: We send newsletters}
    role: controller
    purposes:
      - id: send
        description: {nb: Sende nyhetsbrev, en: Send newsletters}
        legal_basis: {basis: contract, contract: {nb: Abonnementet, en: The subscription}}
    recipients:
      processors: [mailer]  # <-
parties:
  - id: mailer
    legal_name: Mailer AB
    trade_name: Mailer
    role: processor
    service: {nb: Utsending av e-post, en: Sending e-mail}
    locations: unknown
    dpa: {reference: DPA-2025-04}
""",
    good="""\
activities:
  - id: newsletter
    name: {nb: Nyhetsbrev, en: Newsletter}
    description: {nb: Vi sender nyhetsbrev, en: We send newsletters}
    role: controller
    purposes:
      - id: send
        description: {nb: Sende nyhetsbrev, en: Send newsletters}
        legal_basis: {basis: contract, contract: {nb: Abonnementet, en: The subscription}}
    recipients:
      processors: [mailer]
parties:
  - id: mailer
    legal_name: Mailer AB
    trade_name: Mailer
    role: processor
    service: {nb: Utsending av e-post, en: Sending e-mail}
    locations: [{country: SE}]
    dpa: {reference: DPA-2025-04}
""",
)
def transfers_not_stated(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in _controller_activities(registry):
        yield from _unlocated_parties(registry, activity)


# --------------------------------------------------------------------------- R07


@rule(
    id="R07",
    blocks_publication=True,
    name="retention-not-stated",
    severity=Severity.WARNING,
    references=("GDPR Art. 30(1)(f)", "GDPR Art. 5(1)(e)", "GDPR Art. 13(2)(a)"),
    summary="Every activity states when its data is erased, where possible.",
    rationale=(
        "Storage limitation (Art. 5(1)(e)) needs a time limit, the record should state it "
        '"where possible" (Art. 30(1)(f)) and the notice must tell people (Art. 13(2)(a)). '
        "It is a warning because the law allows the rare case where no limit can be given; "
        "whether a stated rule is definite enough is rule R32's. For processor activities "
        "the controller's instructions decide, so they are not read here."
    ),
    fix=(
        "Add `retention:` rules: a duration counted from a trigger (or "
        "`until_consent_withdrawn` for consent), with the legal source when a law sets it."
    ),
    bad="""\
activities:
  - id: web-forms
    name: {nb: Kontaktskjema, en: Contact form}
    description: {nb: Skjema på nettsiden, en: A form on the website}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare på henvendelsen, en: Answer your enquiry}
        legal_basis: {basis: contract, contract: {nb: Tilbudet, en: The offer}}
    recipients: none
    retention: unknown  # <-
""",
    good="""\
activities:
  - id: web-forms
    name: {nb: Kontaktskjema, en: Contact form}
    description: {nb: Skjema på nettsiden, en: A form on the website}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare på henvendelsen, en: Answer your enquiry}
        legal_basis: {basis: contract, contract: {nb: Tilbudet, en: The offer}}
    recipients: none
    retention:
      - duration: {months: 6}
        trigger: last_contact
        description: {nb: Seks måneder etter siste kontakt, en: Six months after last contact}
""",
)
def retention_not_stated(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in _controller_activities(registry):
        if is_unknown(activity.retention):
            yield Hit(
                activity.id,
                ("retention",),
                Words(
                    en=f"the retention of '{activity.id}' is unknown; say when its data is erased",
                    nb=f"lagringstiden i '{activity.id}' er ukjent; oppgi når opplysningene "
                    "slettes",
                ),
            )
        elif not activity.retention:
            yield Hit(
                activity.id,
                ("retention",),
                Words(
                    en=f"'{activity.id}' states no retention; say when its data is erased",
                    nb=f"'{activity.id}' oppgir ingen lagringstid; oppgi når opplysningene slettes",
                ),
            )


# --------------------------------------------------------------------------- R08


@rule(
    id="R08",
    name="security-measures-not-stated",
    severity=Severity.WARNING,
    references=("GDPR Art. 30(1)(g)", "GDPR Art. 32(1)"),
    summary="Every activity refers to the security measures that protect it.",
    rationale=(
        "The record should describe the technical and organisational measures "
        "(Art. 30(1)(g)) that make security appropriate to the risk (Art. 32(1)). An "
        "activity without any reference gives an auditor nothing to check. It is a warning "
        'because the law says "where possible". Processor activities are rule R09\'s.'
    ),
    fix="List the ids of the measures under `security_measures:`.",
    bad="""\
activities:
  - id: web-forms  # <-
    name: {nb: Kontaktskjema, en: Contact form}
    description: {nb: Skjema på nettsiden, en: A form on the website}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare på henvendelsen, en: Answer your enquiry}
        legal_basis: {basis: contract, contract: {nb: Tilbudet, en: The offer}}
    recipients: none
""",
    good="""\
security_measures:
  - id: tls
    name: {nb: Kryptering, en: Encryption}
    description: {nb: Skjemaet sendes over TLS, en: The form is sent over TLS}
activities:
  - id: web-forms
    name: {nb: Kontaktskjema, en: Contact form}
    description: {nb: Skjema på nettsiden, en: A form on the website}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare på henvendelsen, en: Answer your enquiry}
        legal_basis: {basis: contract, contract: {nb: Tilbudet, en: The offer}}
    recipients: none
    security_measures: [tls]
""",
)
def security_measures_not_stated(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in _controller_activities(registry):
        if not activity.security_measures:
            yield Hit(
                activity.id,
                ("security_measures",),
                Words(
                    en=f"'{activity.id}' refers to no security measures",
                    nb=f"'{activity.id}' viser ikke til noen sikkerhetstiltak",
                ),
            )


# --------------------------------------------------------------------------- R09


@rule(
    id="R09",
    name="incomplete-processor-record",
    severity=Severity.ERROR,
    references=(
        "GDPR Art. 30(1)(a)",
        "GDPR Art. 30(2)(a)",
        "GDPR Art. 30(2)",
        "GDPR Art. 28(2)",
        "GDPR Art. 32(1)",
    ),
    summary=(
        "A processor activity has the full Art. 30(2) record; joint controllers have contact "
        "details (Art. 30(1)(a))."
    ),
    rationale=(
        "Where the organisation processes on behalf of others it keeps a second record "
        "(Art. 30(2)): the controllers, the categories of processing, transfers with their "
        "safeguards and the security measures. Sub-processors are part of it because the "
        "controllers must have authorised them (Art. 28(2)). The model requires the "
        "`processor:` details to be complete once given; this rule asks for them at all, "
        "and for sub-processors, their countries and security measures. Art. 30(2)(a) asks "
        "for the name and contact details of each controller: a category such as 'our "
        "customers' is enough only with the register that names them "
        "(`controller_register:`). Likewise Art. 30(1)(a) asks for the name and contact "
        "details of every joint controller (`contact:` on the party)."
    ),
    fix=(
        "Add `processor:` with `controllers`, `agreement`, `processing_categories` and "
        "`controller_register` (where the list of controllers with contact details is kept), "
        "list the sub-processors under `recipients: processors` (or `recipients: none`), "
        "record their countries, refer to the security measures, and give each joint "
        "controller party its `contact:`."
    ),
    bad="""\
security_measures:
  - id: backups
    name: {nb: Sikkerhetskopier, en: Backups}
    description: {nb: Daglige kopier, en: Daily copies}
activities:
  - id: hosted-payroll  # <-
    name: {nb: Lønn for kunder, en: Payroll for customers}
    description: {nb: Vi kjører lønn for kundene, en: We run payroll for customers}
    role: processor
    recipients: none
    security_measures: [backups]
""",
    good="""\
security_measures:
  - id: backups
    name: {nb: Sikkerhetskopier, en: Backups}
    description: {nb: Daglige kopier, en: Daily copies}
activities:
  - id: hosted-payroll
    name: {nb: Lønn for kunder, en: Payroll for customers}
    description: {nb: Vi kjører lønn for kundene, en: We run payroll for customers}
    role: processor
    processor:
      controllers: {nb: Kundene våre, en: Our customers}
      agreement: {nb: Databehandleravtalen i kundeavtalen, en: The DPA in the customer contract}
      processing_categories:
        - {nb: Lønnskjøring, en: Running payroll}
      controller_register: Customer list with contact persons in the CRM
    recipients: none
    security_measures: [backups]
""",
)
def incomplete_processor_record(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        yield from _joint_controllers_without_contact(registry, activity)
        if activity.role is not Role.PROCESSOR:
            continue
        if activity.processor is not None and (
            activity.processor.controller_register is None
            or is_unknown(activity.processor.controller_register)
        ):
            yield Hit(
                activity.id,
                ("processor", "controllers"),
                Words(
                    en=f"the processor record of '{activity.id}' names the controllers only as a "
                    "category; Art. 30(2)(a) needs each controller's name and contact details: "
                    "record where that register is kept (`controller_register:`)",
                    nb=f"databehandlerprotokollen for '{activity.id}' oppgir de "
                    "behandlingsansvarlige bare som en kategori; art. 30 nr. 2 bokstav a krever "
                    "navn og kontaktopplysninger for hver av dem: oppgi hvor registeret over dem "
                    "finnes (`controller_register:`)",
                ),
            )
        if activity.processor is None:
            yield Hit(
                activity.id,
                ("processor",),
                Words(
                    en=f"the processor activity '{activity.id}' does not name the controllers, the "
                    "agreement or the categories of processing (`processor:`)",
                    nb=f"databehandleraktiviteten '{activity.id}' oppgir ikke "
                    "behandlingsansvarlige, "
                    "avtale eller kategorier av behandling (`processor:`)",
                ),
            )
        if is_unknown(activity.recipients):
            yield Hit(
                activity.id,
                ("recipients",),
                Words(
                    en=f"the sub-processors of '{activity.id}' are unknown; list them or write "
                    "`recipients: none`",
                    nb=f"underdatabehandlerne i '{activity.id}' er ukjente; før dem opp eller "
                    "skriv "
                    "`recipients: none`",
                ),
            )
        yield from _unlocated_parties(registry, activity)
        if not activity.security_measures:
            yield Hit(
                activity.id,
                ("security_measures",),
                Words(
                    en=f"the processor activity '{activity.id}' refers to no security measures",
                    nb=f"databehandleraktiviteten '{activity.id}' viser ikke til noen "
                    "sikkerhetstiltak",
                ),
            )


def _joint_controllers_without_contact(registry: Registry, activity: Activity) -> Iterator[Hit]:
    """Art. 30(1)(a): the record gives every joint controller's contact details."""
    for index, party_id in enumerate(activity.joint_controllers):
        party = registry.parties.get(party_id)
        if party is None or (party.contact is not None and not is_unknown(party.contact)):
            continue
        yield Hit(
            activity.id,
            ("joint_controllers", index),
            Words(
                en=f"the joint controller '{party_id}' of '{activity.id}' has no contact details "
                "on record (Art. 30(1)(a)); record `contact:` on the party",
                nb=f"den felles behandlingsansvarlige '{party_id}' i '{activity.id}' har ingen "
                "kontaktopplysninger i protokollen (art. 30 nr. 1 bokstav a); oppgi `contact:` "
                "på parten",
            ),
        )
