"""Hygiene of the record itself: waivers, unknown facts, unused entries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel

from holte_ropa.model._models import UNKNOWN, is_unknown
from holte_ropa.model._yaml import PathSegment
from holte_ropa.report._findings import Severity
from holte_ropa.rules._examples import organisation
from holte_ropa.rules._framework import Context, Hit, Outcome, rule
from holte_ropa.rules._model_walk import walk_fields
from holte_ropa.rules._reviews import REFERENCE_TOPICS, reference_review_by
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry


@rule(
    id="R45",
    name="broken-waiver",
    severity=Severity.ERROR,
    also=(Severity.INFO,),
    references=("GDPR Art. 5(2)",),
    summary="A waiver names an unknown rule, gives no reason, or has expired.",
    rationale=(
        "A waiver is an accountable decision to accept a finding for a while (the "
        "controller must be able to demonstrate compliance, Art. 5(2)). A waiver for a rule "
        "that does not exist hides nothing and misleads reviewers; an expired waiver means "
        "the decision is no longer approved, so its findings count again."
    ),
    fix=(
        "Use a rule id from `holte-ropa rules`, give the reason and who approved it, and "
        "renew or remove a waiver when it expires."
    ),
    bad="""\
waivers:
  - rule: R999  # <-
    reason: Open item for the privacy officer
    approved_by: CEO
    expires: 2099-12-31
""",
    good="""\
waivers:
  - rule: R10
    reason: Open item for the privacy officer
    approved_by: CEO
    expires: 2099-12-31
""",
    phase="findings",
    waivable=False,
)
def broken_waiver(registry: Registry, context: Context, outcome: Outcome) -> Iterator[Hit]:
    # A findings-phase rule: only after the other rules ran is it known which findings
    # each waiver matched.
    for use in outcome.waivers:
        w = use.waiver
        if use.rule is None:
            yield Hit(
                None,
                ("rule",),
                Words(
                    en=f"the waiver names rule '{w.rule}', which does not exist; use an id "
                    "from `holte-ropa rules`",
                    nb=f"unntaket viser til regel '{w.rule}', som ikke finnes; bruk en id fra "
                    "`holte-ropa rules`",
                ),
                waiver_index=use.index,
            )
        elif not w.reason.strip():
            yield Hit(
                None,
                ("reason",),
                Words(
                    en="the waiver gives no reason; say why the finding is accepted",
                    nb="unntaket mangler begrunnelse; skriv hvorfor funnet godtas",
                ),
                waiver_index=use.index,
            )
        elif use.expired:
            yield Hit(
                None,
                ("expires",),
                Words(
                    en=f"the waiver of {use.rule.id} expired on {w.expires.isoformat()}; its "
                    "findings are back: fix them or renew the waiver with a new approval",
                    nb=f"unntaket for {use.rule.id} utløp {w.expires.isoformat()}; funnene "
                    "gjelder igjen: rett dem eller forny unntaket med ny godkjenning",
                ),
                waiver_index=use.index,
            )
        elif not use.used and use.rule.id in outcome.ran:
            yield Hit(
                None,
                ("rule",),
                Words(
                    en=f"the waiver of {use.rule.id} matches no finding; remove it",
                    nb=f"unntaket for {use.rule.id} treffer ingen funn; fjern det",
                ),
                severity=Severity.INFO,
                waiver_index=use.index,
            )


def _unconfirmed(value: object) -> bool:
    """The marker, or its word typed into a plain-text field that has no marker (e.g.
    ``trade_name: unknown``): either way the record does not state the fact."""
    return value is UNKNOWN or (value.__class__ is str and value == UNKNOWN.value)


_WHO_DEFAULT = ("the privacy officer", "personvernansvarlig")


def _who(registry: Registry, root: BaseModel) -> tuple[str, str]:
    """Who must confirm a fact: the entity's owner, the record's owner, or the officer."""
    for owner in (getattr(root, "owner", None), registry.organisation.owner):
        if owner:
            return owner, owner
    return _WHO_DEFAULT


def _label(root: BaseModel, path: tuple[PathSegment, ...]) -> str:
    """A field path people can read: list items by their id where they have one."""
    parts: list[str] = []
    current: object = root
    for segment in path:
        if isinstance(segment, int) and isinstance(current, tuple) and parts:
            current = current[segment]
            parts[-1] += f"[{getattr(current, 'id', segment)}]"
        else:
            current = getattr(current, str(segment), None)
            parts.append(str(segment))
    return ".".join(parts)


@rule(
    id="R46",
    name="unconfirmed-fact",
    severity=Severity.WARNING,
    references=("GDPR Art. 5(2)", "GDPR Art. 30(1)"),
    summary="A fact is recorded as `unknown`; the rule names who must confirm it.",
    rationale=(
        "Writing `unknown` keeps the record honest instead of inventing an answer, but "
        "every unknown is an open task: the controller must be able to demonstrate "
        "compliance (Art. 5(2)). Each unknown field is reported once, with the person "
        "responsible: the entity's `owner`, else the record's `owner`, else the privacy "
        "officer. Every field of every model is walked, internal ones included."
    ),
    fix="Find out the fact and record it; ask the person the finding names.",
    gives_way=True,
    bad="""\
parties:
  - id: mailer
    legal_name: unknown  # <-
    trade_name: Mailer
    role: processor
    service: {nb: Utsending av e-post, en: E-mail delivery}
    locations: [{country: SE}]
    owner: Marketing lead
""",
    good="""\
parties:
  - id: mailer
    legal_name: Mailer AB
    trade_name: Mailer
    role: processor
    service: {nb: Utsending av e-post, en: E-mail delivery}
    locations: [{country: SE}]
    owner: Marketing lead
""",
)
def unconfirmed_fact(registry: Registry, context: Context) -> Iterator[Hit]:
    for field in walk_fields(registry, _unconfirmed):
        if field.name == "id":
            continue
        label = _label(field.root, field.path)
        who_en, who_nb = _who(registry, field.root)
        yield Hit(
            field.entity,
            field.path,
            Words(
                en=f"'{field.entity}' records {label} as unknown; {who_en} must confirm it",
                nb=f"'{field.entity}' har {label} registrert som ukjent; {who_nb} må bekrefte det",
            ),
        )


@rule(
    id="R47",
    name="unused-category",
    severity=Severity.WARNING,
    references=("GDPR Art. 30(1)(c)", "GDPR Art. 5(1)(c)"),
    summary="A data category or subject category that no activity uses.",
    rationale=(
        "The record lists categories of data and data subjects per activity (Art. "
        "30(1)(c)); a category no activity uses is either a leftover that makes the record "
        "look broader than it is, or a sign that an activity forgot to list it. The "
        "catalogue's other half, an id used twice, is refused by the loader (exit 2), and "
        "unused parties are rule R26."
    ),
    fix="List the category in the activities that process it, or delete it.",
    bad="""\
data_categories:
  - {id: email, name: {nb: E-postadresse, en: E-mail address}}
  - {id: phone, name: {nb: Telefonnummer, en: Phone number}}  # <-
activities:
  - id: newsletter
    name: {nb: Nyhetsbrev, en: Newsletter}
    description: {nb: Vi sender nyhetsbrev., en: We send newsletters.}
    role: controller
    data_categories: [email]
    recipients: none
""",
    good="""\
data_categories:
  - {id: email, name: {nb: E-postadresse, en: E-mail address}}
activities:
  - id: newsletter
    name: {nb: Nyhetsbrev, en: Newsletter}
    description: {nb: Vi sender nyhetsbrev., en: We send newsletters.}
    role: controller
    data_categories: [email]
    recipients: none
""",
)
def unused_category(registry: Registry, context: Context) -> Iterator[Hit]:
    data: set[str] = set()
    subjects: set[str] = set()
    for activity in registry.activities.values():
        data.update(activity.data_categories)
        subjects.update(activity.subject_categories)
        if not is_unknown(activity.retention):
            for retention in activity.retention:
                data.update(retention.categories)
    for category in registry.data_categories.values():
        if category.id not in data:
            yield Hit(
                category.id,
                (),
                Words(
                    en=f"no activity uses the data category '{category.id}'",
                    nb=f"ingen behandlingsaktivitet bruker opplysningskategorien '{category.id}'",
                ),
            )
    for subject in registry.subject_categories.values():
        if subject.id not in subjects:
            yield Hit(
                subject.id,
                (),
                Words(
                    en=f"no activity uses the subject category '{subject.id}'",
                    nb=f"ingen behandlingsaktivitet bruker kategorien registrerte '{subject.id}'",
                ),
            )


@rule(
    id="R49",
    name="reference-data-outdated",
    severity=Severity.WARNING,
    references=("GDPR Art. 45(5)", "GDPR Art. 35(4)", "GDPR Art. 5(2)"),
    summary="The dated reference data (EEA, adequacy, DPIA list) is past its review date.",
    rationale=(
        "Transfer and DPIA rules judge the registry against dated facts: EEA membership, "
        "adequacy decisions (which the Commission may repeal, amend or suspend, Art. 45(5), "
        "and which are incorporated into the EEA Agreement and challenged in court) and "
        "Datatilsynet's Art. 35(4) list. Facts older "
        "than a year may no longer hold, so every finding built on them may be wrong. Each "
        "file carries a `review_by` date (12 months after its `as_of`); a "
        "`reference_checked` date on the organisation moves it to 12 months after that check. "
        "The finding is about holte-ropa's own copy, once per file, and names the day it was "
        "last checked and the source to check it against."
    ),
    fix=(
        "Upgrade holte-ropa, or check the sources named in the finding and record the day "
        "as `reference_checked:` on the organisation."
    ),
    bad=organisation(extra="  reference_checked: 2025-01-10  # <-\n"),
    good=organisation(extra="  reference_checked: 2026-10-01\n"),
)
def reference_data_outdated(registry: Registry, context: Context) -> Iterator[Hit]:
    checked = registry.organisation.reference_checked
    for file in registry.reference.files:
        en, nb = REFERENCE_TOPICS[file.name]
        due = reference_review_by(registry, file.name)
        if due < context.today:
            since = max(file.as_of, checked) if checked else file.as_of
            day = since.isoformat()
            yield Hit(
                None,
                ("reference_checked",),
                Words(
                    en=f"holte-ropa's copy of {en} was last checked on {day} and was due for "
                    f"review on {due.isoformat()}: check the source ({file.source}) and, if it "
                    "still holds, record the day as `reference_checked:`; otherwise upgrade "
                    "holte-ropa",
                    nb=f"holte-ropas kopi av {nb} ble sist kontrollert {day} og skulle vært "
                    f"gjennomgått {due.isoformat()}: kontroller kilden ({file.source}) og, "
                    "stemmer den fortsatt, registrer dagen som `reference_checked:`; ellers "
                    "oppgrader holte-ropa",
                ),
            )
