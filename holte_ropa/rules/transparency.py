"""Transparency: what the privacy notice must tell people, GDPR Art. 12-14.

The notice is rendered from the registry, so these rules judge whether the registry holds
what the notice needs, in every published language, without contradicting itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._models import (
    UNKNOWN,
    Activity,
    Consent,
    CookieCategory,
    LegitimateInterest,
    PartyRole,
    PublicTask,
    Right,
    Role,
    Text,
    is_unknown,
    known,
)
from holte_ropa.model._yaml import PathSegment
from holte_ropa.report._findings import Severity
from holte_ropa.rules._examples import organisation
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.rules._model_walk import walk_fields
from holte_ropa.rules._periods import stated_periods
from holte_ropa.rules._wording import listing
from holte_ropa.terms import LANGUAGES, Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry, Transfer

"""The languages every published text must exist in."""

_Gap = tuple[tuple[PathSegment, ...], str, str]


def _in_notice(activity: Activity) -> bool:
    """Art. 13-14 bind the controller; processor activities belong to the customer's notice."""
    return activity.role is not Role.PROCESSOR


_SUPPORT = """\
activities:
  - id: support
    name: {nb: Kundestøtte, en: Customer support}
    description: {nb: Vi svarer på henvendelser., en: We answer requests.}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare på henvendelser, en: Answer requests}
        legal_basis:
          basis: legitimate_interest
          interest: {nb: Gi god kundestøtte, en: Giving good support}
          right_to_object: {nb: Send e-post, en: Send an e-mail}
    recipients: none
    retention:
      - duration: {months: 12}
        trigger: last_contact
        description: {nb: Ett år etter siste kontakt, en: One year after the last contact}
"""


@rule(
    id="R35",
    blocks_publication=True,
    name="notice-incomplete",
    severity=Severity.ERROR,
    references=("GDPR Art. 13(1)", "GDPR Art. 13(2)", "GDPR Art. 14(1)", "GDPR Art. 14(2)"),
    summary=(
        "The notice can state, for every activity, its purposes, basis, interest, "
        "recipients, transfers, retention and the rights that apply."
    ),
    rationale=(
        "Art. 13 and 14 list what people must be told: the purposes and legal basis, the "
        "legitimate interest where it is the basis, the recipients, transfers and their "
        "safeguards, the retention period or its criteria, the rights (objection where "
        "legitimate interest, public task or direct marketing is the basis; withdrawal "
        "and portability where consent or a contract is), and the right to complain. The "
        "notice is rendered from the registry, so each fact the registry lacks is a gap in "
        "the published notice. One finding per activity lists its gaps; missing rights "
        "are reported once, at the organisation. Processor activities are left out: the "
        "customer, as controller, informs its own data subjects."
    ),
    fix=(
        "Settle each listed fact in the activity, and list every right that applies under "
        "`rights.applicable`."
    ),
    bad=organisation(rights="    applicable: [access, rectification, erasure, restriction]  # <-")
    + _SUPPORT,
    good=organisation() + _SUPPORT,
)
def notice_incomplete(registry: Registry, context: Context) -> Iterator[Hit]:
    transfers: dict[str, list[Transfer]] = {}
    for transfer in registry.transfers:
        transfers.setdefault(transfer.activity, []).append(transfer)
    activities = [a for a in registry.activities.values() if _in_notice(a)]
    yield from _missing_rights(registry, activities)
    for activity in activities:
        gaps = [*_purpose_gaps(activity), *_other_gaps(registry, activity, transfers)]
        if gaps:
            a = activity.id
            yield Hit(
                a,
                gaps[0][0],
                Words(
                    en=f"the notice cannot tell the people of '{a}': "
                    + "; ".join(en for _, en, _ in gaps),
                    nb=f"erklæringen kan ikke fortelle de registrerte i '{a}': "
                    + "; ".join(nb for _, _, nb in gaps),
                ),
            )


def _purpose_gaps(activity: Activity) -> Iterator[_Gap]:
    if not activity.purposes:
        yield ("purposes",), "its purposes", "formålene"
    for index, purpose in enumerate(activity.purposes):
        p, basis, path = purpose.id, purpose.legal_basis, ("purposes", index, "legal_basis")
        if is_unknown(basis):
            yield path, f"the legal basis of '{p}'", f"behandlingsgrunnlaget for '{p}'"
        elif isinstance(basis, LegitimateInterest) and is_unknown(basis.interest):
            yield (
                (*path, "interest"),
                f"the legitimate interest of '{p}'",
                f"den berettigede interessen bak '{p}'",
            )
        elif isinstance(basis, Consent) and is_unknown(basis.withdrawal):
            yield (
                (*path, "withdrawal"),
                f"how to withdraw consent to '{p}'",
                f"hvordan samtykket til '{p}' trekkes tilbake",
            )


def _other_gaps(
    registry: Registry, activity: Activity, transfers: dict[str, list[Transfer]]
) -> Iterator[_Gap]:
    if is_unknown(activity.recipients):
        yield ("recipients",), "who receives the data", "hvem som mottar opplysningene"
    unsettled = [t for t in transfers.get(activity.id, []) if known(t.mechanism) is None]
    if unsettled:
        where = sorted({t.country for t in unsettled})
        yield (
            ("recipients",),
            f"the safeguards for transfers to {', '.join(where)}",
            f"grunnlaget for overføringer til {', '.join(where)}",
        )
    organisations = [
        p
        for p, _ in registry.parties_of(activity)
        if (o := registry.parties[p].international_organisation) is not None
        and known(o.mechanism) is None
    ]
    if organisations:
        yield (
            ("recipients",),
            f"the safeguards for transfers to {listing(organisations, 'en')}",
            f"grunnlaget for overføringer til {listing(organisations, 'nb')}",
        )
    unlocated = [
        p for p, _ in registry.parties_of(activity) if is_unknown(registry.parties[p].locations)
    ]
    if unlocated:
        yield (
            ("recipients",),
            f"whether {listing(unlocated, 'en')} take the data outside the EEA",
            f"om {listing(unlocated, 'nb')} fører opplysningene ut av EØS",
        )
    if is_unknown(activity.retention) or not activity.retention:
        yield ("retention",), "how long the data is kept", "hvor lenge opplysningene lagres"


def _missing_rights(registry: Registry, activities: list[Activity]) -> Iterator[Hit]:
    listed = set(registry.organisation.rights.applicable)
    needed: dict[Right, list[str]] = {}
    for activity in activities:
        needs = {Right.ACCESS, Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION}
        needs.add(Right.COMPLAINT)
        for purpose in activity.purposes:
            basis = purpose.legal_basis
            if isinstance(basis, LegitimateInterest | PublicTask) or purpose.direct_marketing:
                needs.add(Right.OBJECTION)
            if isinstance(basis, Consent):
                needs.add(Right.WITHDRAW_CONSENT)
            if getattr(basis, "basis", None) in ("consent", "contract"):
                needs.add(Right.PORTABILITY)
        decisions = activity.automated_decisions
        if decisions is not None and not is_unknown(decisions) and decisions.used:
            needs.add(Right.AUTOMATED_DECISIONS)  # Art. 22(1), told of by Art. 13(2)(f)
        for right in needs - listed:
            needed.setdefault(right, []).append(activity.id)
    for right in Right:
        if right in needed:
            names = needed[right]
            yield Hit(
                None,
                ("rights", "applicable"),
                Words(
                    en=f"the notice does not list the right '{right.value}', which applies to "
                    f"{listing(names, 'en')}",
                    nb=f"erklæringen nevner ikke retten '{right.value}', som gjelder for "
                    f"{listing(names, 'nb')}",
                ),
            )


_FORMS = """\
activities:
  - id: leads
    name: {nb: Salgsemner, en: Sales leads}
    description: {nb: Vi kontakter mulige kunder., en: We contact prospective customers.}
    role: controller
    purposes:
      - id: prospect
        description: {nb: Tilby produktene våre, en: Offer our products}
        legal_basis:
          basis: legitimate_interest
          interest: {nb: Finne nye kunder, en: Finding new customers}
          right_to_object: {nb: Send e-post, en: Send an e-mail}
    recipients: none
"""


@rule(
    id="R36",
    blocks_publication=True,
    name="source-not-named",
    severity=Severity.ERROR,
    references=("GDPR Art. 14(2)(f)", "GDPR Art. 13(1)"),
    summary="An activity does not say where its data comes from.",
    rationale=(
        "Data not obtained from the person triggers Art. 14, whose notice must name the "
        "source (Art. 14(2)(f)); data from the person falls under Art. 13. An activity "
        "whose sources are missing or unknown cannot tell which applies, so the notice "
        "may owe people a source it cannot name. The model already requires a bilingual "
        "description for every source, including `kind: other`."
    ),
    fix=(
        "List `sources:` with `kind: data_subject` or `kind: other` and a description of "
        'the source category (e.g. "public company registers").'
    ),
    bad=_FORMS + "    sources: unknown  # <-\n",
    good=_FORMS
    + """\
    sources:
      - kind: other
        description: {nb: Offentlige foretaksregistre, en: Public company registers}
""",
)
def source_not_named(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        if not _in_notice(activity) or activity.sources not in (UNKNOWN, ()):
            continue
        a = activity.id
        yield Hit(
            a,
            ("sources",),
            Words(
                en=f"'{a}' does not say where its data comes from; if not from the person, the "
                "notice must name the source",
                nb=f"'{a}' sier ikke hvor opplysningene kommer fra; kommer de ikke fra personen "
                "selv, må erklæringen oppgi kilden",
            ),
        )


def _lacks_language(value: object) -> bool:
    return value.__class__ is Text and any(value.get(lang) is None for lang in LANGUAGES)


_MEASURE = """\
security_measures:
  - id: backups
    name: {nb: Sikkerhetskopier, en: Backups}
"""


@rule(
    id="R37",
    blocks_publication=True,
    name="text-missing-language",
    severity=Severity.ERROR,
    references=("GDPR Art. 12(1)",),
    summary="A text shown in the notice is missing in a published language.",
    rationale=(
        "Information must be intelligible to the people it is for (Art. 12(1)); a notice "
        "published in bokmål and English that falls back to the other language, or leaves "
        "a gap, fails the readers of that version. Every text of the registry is checked, "
        "except those kept internal and security measures marked `public: false`."
    ),
    fix="Give the text in both `nb:` and `en:`.",
    bad=_MEASURE + "    description: {nb: Daglige kopier av databasene}  # <-\n",
    good=_MEASURE
    + "    description: {nb: Daglige kopier av databasene, en: Daily copies of the databases}\n",
)
def text_missing_language(registry: Registry, context: Context) -> Iterator[Hit]:
    hidden = {m.id for m in registry.security_measures.values() if not m.public}
    for field in walk_fields(registry, _lacks_language):
        value = field.value
        if not isinstance(value, Text) or field.internal or field.entity in hidden:
            continue
        missing = list(value.missing())
        if missing:
            what = ".".join(str(s) for s in field.path)
            yield Hit(
                field.entity,
                field.path,
                Words(
                    en=f"the text '{what}' of '{field.entity}' has no {', '.join(missing)} version",
                    nb=f"teksten '{what}' i '{field.entity}' mangler {', '.join(missing)}-versjon",
                ),
            )


_ClaimCheck = Callable[["Registry"], list[str]]


def _sharing_without_basis(registry: Registry) -> list[str]:
    return [
        a.id
        for a in registry.activities.values()
        if registry.direct_parties(a) and any(is_unknown(b) for b in a.legal_bases())
    ]


def _kept_after_withdrawal(registry: Registry) -> list[str]:
    return [
        a.id
        for a in registry.activities.values()
        if any(
            isinstance(b, Consent) and b.deleted_on_withdrawal is not True for b in a.legal_bases()
        )
    ]


def _marketing_without_consent(registry: Registry) -> list[str]:
    return [
        a.id
        for a in registry.activities.values()
        if any(p.direct_marketing and not isinstance(p.legal_basis, Consent) for p in a.purposes)
    ]


_NOT_NECESSARY = frozenset({"statistics", "analytics", "marketing", "improvement"})


def _cookies_without_consent(registry: Registry) -> list[str]:
    return [
        c.id
        for c in registry.cookies.values()
        if not c.consent_before_set
        and (c.category is not CookieCategory.STRICTLY_NECESSARY or _NOT_NECESSARY & set(c.uses))
    ]


def _processors_without_agreement(registry: Registry) -> list[str]:
    roles = (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR)
    return [p.id for p in registry.parties.values() if p.role in roles and p.dpa is None]


_CLAIMS: dict[str, tuple[_ClaimCheck, str, str]] = {
    "no-sharing-without-legal-basis": (
        _sharing_without_basis,
        "data of {ids} goes to other parties while a purpose has no settled legal basis",
        "opplysninger fra {ids} går til andre mens et formål mangler avklart grunnlag",
    ),
    "deletes-on-consent-withdrawal": (
        _kept_after_withdrawal,
        "consent-based data of {ids} is not recorded as deleted on withdrawal",
        "samtykkebaserte opplysninger i {ids} er ikke registrert som slettet ved tilbaketrekning",
    ),
    "direct-marketing-only-with-consent": (
        _marketing_without_consent,
        "{ids} send direct marketing without consent as its basis",
        "{ids} sender direkte markedsføring uten samtykke som grunnlag",
    ),
    "only-strictly-necessary-cookies-without-consent": (
        _cookies_without_consent,
        "the cookies {ids} are set without consent but are used for more than what is "
        "strictly necessary",
        "informasjonskapslene {ids} settes uten samtykke, men brukes til mer enn det "
        "som er strengt nødvendig",
    ),
    "processors-under-agreement": (
        _processors_without_agreement,
        "the processors {ids} have no data processing agreement recorded",
        "databehandlerne {ids} har ingen registrert databehandleravtale",
    ),
}


_PROMISE = """\
  promises:
    - id: marketing-on-consent
      section: other
      text: {{nb: Vi sender bare reklame med samtykke., en: We only send ads with consent.}}
      claim: direct-marketing-only-with-consent{mark}
activities:
  - id: offers
    name: {{nb: Tilbud, en: Offers}}
    description: {{nb: Vi sender tilbud på e-post., en: We e-mail offers.}}
    role: controller
    purposes:
      - id: offers
        description: {{nb: Sende tilbud, en: Send offers}}
        direct_marketing: true
        legal_basis:
"""


@rule(
    id="R38",
    blocks_publication=True,
    name="promise-contradicted",
    severity=Severity.WARNING,
    references=("GDPR Art. 5(1)(a)", "GDPR Art. 12(1)"),
    summary="The notice promises something the registry contradicts.",
    rationale=(
        "A notice that promises more than the organisation does is not transparent "
        "(Art. 5(1)(a)) and misleads people about their data. Each promise with a "
        "machine-checkable `claim` is compared with the registry: sharing only with a legal "
        "basis, deletion on withdrawal of consent, direct marketing only with consent, "
        "only strictly necessary cookies without consent, processors under agreement. "
        "Judgement: the registry may be what is wrong, not the promise."
    ),
    fix="Correct the registry if it is wrong; otherwise change the practice or the promise.",
    bad=organisation()
    + _PROMISE.format(mark="  # <-")
    + """\
          basis: legitimate_interest
          interest: {nb: Selge mer, en: Selling more}
          right_to_object: {nb: Lenke i e-posten, en: A link in the e-mail}
    recipients: none
""",
    good=organisation()
    + _PROMISE.format(mark="")
    + """\
          basis: consent
          collection: {nb: Avkrysning i skjema, en: A tick box in a form}
          withdrawal: {nb: Lenke i e-posten, en: A link in the e-mail}
          deleted_on_withdrawal: true
    recipients: none
""",
    judgement=True,
)
def promise_contradicted(registry: Registry, context: Context) -> Iterator[Hit]:
    for index, promise in enumerate(registry.organisation.promises):
        check = _CLAIMS.get(promise.claim or "none")
        if check is None:
            continue
        find, en, nb = check
        offending = find(registry)
        if offending:
            yield Hit(
                None,
                ("promises", index, "claim"),
                Words(
                    en=f"the notice promises '{promise.id}', but "
                    + en.format(ids=listing(offending, "en")),
                    nb=f"erklæringen lover '{promise.id}', men "
                    + nb.format(ids=listing(offending, "nb")),
                ),
            )


_ONE_MONTH = "response_time: {nb: Innen én måned., en: Within one month.}"


@rule(
    id="R51",
    blocks_publication=True,
    name="response-time-not-stated",
    severity=Severity.WARNING,
    references=("GDPR Art. 12(3)", "GDPR Art. 12(4)"),
    summary="The notice does not say within what time a request about one's rights is answered.",
    rationale=(
        "Art. 12(3) sets the time limit for answering a request to exercise a right: "
        "without undue delay and within one month, extendable by two further months "
        "when the person is told why within the first month. Art. 12(4) requires a reason "
        'within one month when no action is taken. "As soon as possible" gives people '
        "no date to hold the organisation to; a deadline credited to national law is also "
        "wrong, since the period comes from the GDPR. The rule looks for a stated period "
        '("én måned", "one month", "30 dager") in every published language.'
    ),
    fix=(
        "State the deadline in `rights.response_time` in the organisation's own words, "
        'e.g. "Vi svarer innen én måned. ...", once the organisation has decided to say it.'
    ),
    bad=organisation().replace(
        _ONE_MONTH,
        "response_time: {nb: Så fort som mulig., en: As soon as possible.}  # <-",
    ),
    good=organisation(),
)
def response_time_not_stated(registry: Registry, context: Context) -> Iterator[Hit]:
    text = registry.organisation.rights.response_time
    missing = [
        lang
        for lang in LANGUAGES
        if is_unknown(text) or not stated_periods(text.get(lang) or "", lang)
    ]
    if missing:
        yield Hit(
            None,
            ("rights", "response_time"),
            Words(
                en="the notice does not say within what time requests are answered "
                f"({', '.join(missing)}); GDPR Art. 12(3) sets one month, extendable by two",
                nb="erklæringen sier ikke innen hvilken frist henvendelser besvares "
                f"({', '.join(missing)}); GDPR art. 12 nr. 3 setter én måned, som kan "
                "forlenges med to",
            ),
        )


# --------------------------------------------------------------------------- R61

_CREDIT = """\
activities:
  - id: credit
    name: {nb: Kredittvurdering, en: Credit check}
    description: {nb: Vi vurderer kreditt., en: We check credit.}
    role: controller
    recipients: none
    automated_decisions:
      used: true
      logic: {nb: En modell gir betalingshistorikken en score., en: A model scores payments.}
"""


@rule(
    id="R61",
    blocks_publication=True,
    name="automated-decision-logic-not-stated",
    severity=Severity.ERROR,
    references=("GDPR Art. 13(2)(f)", "GDPR Art. 14(2)(g)", "GDPR Art. 22(1)"),
    summary=(
        "Where decisions are automated, the notice gives the logic involved and the "
        "significance and envisaged consequences for the person."
    ),
    rationale=(
        "Art. 13(2)(f) and 14(2)(g) require, where automated decision-making including "
        "profiling referred to in Art. 22(1) and (4) exists, meaningful information about "
        "the logic involved, as well as the significance and the envisaged consequences of "
        "such processing for the data subject. Saying only that decisions are automated "
        "leaves out both; the notice shows each that is not recorded as not yet confirmed."
    ),
    fix=(
        "Under `automated_decisions:`, write `logic:` (how the decision is reached) and "
        "`consequences:` (what it means for the person), in nb and en."
    ),
    bad=organisation(
        rights="    applicable: [access, rectification, erasure, restriction, "
        "automated_decisions, complaint]"
    )
    + _CREDIT.replace("      used: true", "      used: true  # <-"),
    good=organisation(
        rights="    applicable: [access, rectification, erasure, restriction, "
        "automated_decisions, complaint]"
    )
    + _CREDIT
    + "      consequences: {nb: Med lav score betaler du med kort og ikke faktura., "
    "en: With a low score you pay by card and not by invoice.}\n",
)
def automated_decision_logic_not_stated(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        decisions = activity.automated_decisions
        if not _in_notice(activity) or decisions is None or is_unknown(decisions):
            continue
        if not decisions.used:
            continue
        missing = [
            (field, en, nb)
            for field, value, en, nb in (
                ("logic", decisions.logic, "the logic involved", "logikken som brukes"),
                (
                    "consequences",
                    decisions.consequences,
                    "the significance and envisaged consequences for the person",
                    "betydningen og de forventede konsekvensene for den registrerte",
                ),
            )
            if value is None or is_unknown(value)
        ]
        if not missing:
            continue
        first = missing[0][0]
        # At the field when it says unknown, else at the mapping that leaves it out.
        path: tuple[PathSegment, ...] = (
            ("automated_decisions", first)
            if getattr(decisions, first) is not None
            else ("automated_decisions",)
        )
        a = activity.id
        yield Hit(
            a,
            path,
            Words(
                en=f"'{a}' makes automated decisions, but the notice cannot give "
                + " or ".join(en for _, en, _ in missing)
                + "; write "
                + " and ".join(f"automated_decisions.{f}" for f, _, _ in missing),
                nb=f"'{a}' tar automatiserte avgjørelser, men erklæringen kan ikke gi "
                + " eller ".join(nb for _, _, nb in missing)
                + "; skriv "
                + " og ".join(f"automated_decisions.{f}" for f, _, _ in missing),
            ),
        )
