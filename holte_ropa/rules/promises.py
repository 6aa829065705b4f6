"""Promises of the notice against the record: what the organisation says it does.

Rule R38 compares the older claims; these rules compare the claims a data protection
officer found wanting in a real notice: agreements nobody can point to, a processor that
guarantees lawfulness, "we store nothing" beside stored data, and "we delete everything
when consent is withdrawn" where other controllers hold the data. A promise's ``claim``
names what it says, and its ``activities`` (empty: all) what it speaks of.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._models import (
    Activity,
    Consent,
    PartyRole,
    Promise,
    Recipients,
    Role,
    is_unknown,
)
from holte_ropa.report._findings import Severity
from holte_ropa.rules._examples import organisation
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.rules._platforms import advertising_platforms
from holte_ropa.rules._wording import listing
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry


def _promised(registry: Registry, claim: str) -> Iterator[tuple[int, Promise]]:
    for index, promise in enumerate(registry.organisation.promises):
        if promise.claim == claim:
            yield index, promise


def _spoken_of(registry: Registry, promise: Promise) -> list[Activity]:
    if not promise.activities:
        return list(registry.activities.values())
    return [registry.activities[a] for a in promise.activities]


def _promise_example(claim: str, mark: str, activities: str = "") -> str:
    scope = f"\n      activities: [{activities}]" if activities else ""
    return organisation(
        extra=f"""\
  promises:
    - id: the-promise
      section: other
      text: {{nb: Et løfte i erklæringen., en: A promise in the notice.}}
      claim: {claim}{mark}{scope}
"""
    )


# --------------------------------------------------------------------------- R55

_PROCESSOR_ROLES = (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR)

_HOSTING = """\
activities:
  - id: hosting
    name: {nb: Drift, en: Hosting}
    description: {nb: Vi drifter tjenesten., en: We run the service.}
    role: controller
    recipients:
      processors: [cloud]
parties:
  - id: cloud
    legal_name: Cloud AS
    trade_name: Cloud
    role: processor
    service: {nb: Servere, en: Servers}
    locations: [{country: "NO"}]
"""


@rule(
    id="R55",
    name="agreements-promised-but-unknown",
    severity=Severity.WARNING,
    references=("GDPR Art. 28(3)", "GDPR Art. 28(9)", "GDPR Art. 5(2)", "GDPR Art. 5(1)(a)"),
    summary="The notice says processors are under agreement, but no agreement is on record.",
    rationale=(
        "A data processing agreement must exist in writing (Art. 28(3) and (9)), and the "
        "controller must be able to show it (Art. 5(2)). A notice that tells people 'we have "
        "data processing agreements' while the record cannot name a single one states "
        "something nobody has confirmed. The rule reports the processors whose agreement "
        "reference is `unknown` under such a promise; rule R21 reports processors with no "
        "agreement at all."
    ),
    fix=(
        "Record each agreement's reference under the processor (`dpa: {reference: ...}`), "
        "or take the sentence out of the notice until the agreements are found."
    ),
    bad=_promise_example("processors-under-agreement", "  # <-")
    + _HOSTING
    + "    dpa: {reference: unknown}\n",
    good=_promise_example("processors-under-agreement", "")
    + _HOSTING
    + "    dpa: {reference: DBA-2025-04}\n",
)
def agreements_promised_but_unknown(registry: Registry, context: Context) -> Iterator[Hit]:
    # An advertising platform's business terms are no data processing agreement: R24
    # reports it as no processor, so it is not counted here either.
    platforms = advertising_platforms(registry)
    processors = [
        p for p in registry.parties.values() if p.role in _PROCESSOR_ROLES and p.id not in platforms
    ]
    unknown = [p.id for p in processors if p.dpa is not None and is_unknown(p.dpa.reference)]
    if not unknown:
        return
    confirmed = sum(1 for p in processors if p.dpa is not None and not is_unknown(p.dpa.reference))
    share = _share(confirmed, len(processors))
    for index, promise in _promised(registry, "processors-under-agreement"):
        yield Hit(
            None,
            ("promises", index, "claim"),
            Words(
                en=f"the notice promises '{promise.id}', but {share.en} an agreement reference "
                f"on record (unknown: {listing(unknown, 'en')}): record the references or "
                "change the sentence",
                nb=f"erklæringen lover '{promise.id}', men {share.nb} en registrert "
                f"avtalereferanse (ukjent: {listing(unknown, 'nb')}): registrer referansene "
                "eller endre setningen",
            ),
        )


def _share(confirmed: int, total: int) -> Words:
    """'only 3 of the 4 processors have', 'only 1 of the 4 processors has', in each language."""
    if total == 1:
        return Words(en="the only processor has no", nb="den eneste databehandleren har ingen")
    if not confirmed:
        return Words(
            en=f"none of the {total} processors has", nb=f"ingen av de {total} databehandlerne har"
        )
    verb = "has" if confirmed == 1 else "have"
    return Words(
        en=f"only {confirmed} of the {total} processors {verb}",
        nb=f"bare {confirmed} av de {total} databehandlerne har",
    )


# --------------------------------------------------------------------------- R56

_CLOUD = """\
activities:
  - id: customer-data
    name: {nb: Kundedata, en: Customer data}
    description: {nb: Data kundene legger inn., en: Data our customers enter.}
    role: processor
    processor:
      controllers: {nb: Kundene våre, en: Our customers}
      agreement: {nb: Databehandleravtale, en: Data processing agreement}
      processing_categories: [{nb: Lagring, en: Storage}]
      controller_register: Customer list in the CRM
    recipients: none
"""


@rule(
    id="R56",
    name="processor-guarantees-lawfulness",
    severity=Severity.WARNING,
    references=("GDPR Art. 5(2)", "GDPR Art. 24(1)", "GDPR Art. 28(3)(a)", "GDPR Art. 5(1)(a)"),
    summary="The notice has the organisation, as a processor, guarantee lawful processing.",
    rationale=(
        "Lawfulness is the controller's to ensure and to show (Art. 5(2), 24(1)); a processor "
        "acts only on the controller's documented instructions (Art. 28(3)(a)) and must tell "
        "the controller when an instruction infringes the law, but it cannot guarantee that "
        "the controller's processing is lawful. A notice saying so misleads people about "
        "who answers for their data. The rule looks at promises that claim "
        "`guarantees-lawful-processing` about an activity in which the organisation is a "
        "processor (all activities when the promise names none)."
    ),
    fix=(
        "Say what the processor does instead: it processes the data only on the customer's "
        "instructions under a data processing agreement, and the customer is the controller."
    ),
    bad=_promise_example("guarantees-lawful-processing", "  # <-", "customer-data") + _CLOUD,
    good=_promise_example("none", "", "customer-data") + _CLOUD,
)
def processor_guarantees_lawfulness(registry: Registry, context: Context) -> Iterator[Hit]:
    for index, promise in _promised(registry, "guarantees-lawful-processing"):
        as_processor = [a.id for a in _spoken_of(registry, promise) if a.role is Role.PROCESSOR]
        if as_processor:
            yield Hit(
                None,
                ("promises", index, "claim"),
                Words(
                    en=f"the notice has the organisation guarantee lawful processing "
                    f"('{promise.id}') in {listing(as_processor, 'en')}, where it is a processor: "
                    "lawfulness is the controller's (GDPR Art. 5(2), 28(3)(a)); say that the "
                    "data is processed on the customer's instructions instead",
                    nb=f"erklæringen lar virksomheten garantere lovlig behandling "
                    f"('{promise.id}') i {listing(as_processor, 'nb')}, der den er "
                    "databehandler: det er den behandlingsansvarlige som svarer for "
                    "lovligheten (GDPR art. 5 nr. 2 og art. 28 nr. 3 bokstav a); si heller at "
                    "opplysningene behandles etter kundens instrukser",
                ),
            )


# --------------------------------------------------------------------------- R57

_APP = """\
activities:
  - id: app
    name: {nb: Appen, en: The app}
    description: {nb: Feilrapporter fra appen., en: Error reports from the app.}
    role: controller
    data_categories: [email]
    recipients: none
    retention:
      - duration: {days: 90}
        trigger: collection
        description: {nb: Slettes etter 90 dager, en: Deleted after 90 days}
data_categories:
  - id: email
    name: {nb: E-postadresse, en: E-mail address}
"""


def _storage(registry: Registry, activity: Activity) -> tuple[str, str] | None:
    """How an activity stores personal data, in English and bokmål; None if it is not known to."""
    if not activity.data_categories:
        return None
    if not is_unknown(activity.retention) and activity.retention:
        return "records a retention period", "har en lagringstid"
    if isinstance(activity.recipients, Recipients) and activity.recipients.processors:
        names = activity.recipients.processors
        return (
            f"has {listing(names, 'en')} process the data on its behalf",
            f"lar {listing(names, 'nb')} behandle opplysningene på dens vegne",
        )
    return None


@rule(
    id="R57",
    blocks_publication=True,
    name="stores-nothing-contradicted",
    severity=Severity.WARNING,
    references=("GDPR Art. 5(1)(a)", "GDPR Art. 13(2)(a)", "GDPR Art. 4(2)", "GDPR Art. 28(3)"),
    summary="The notice says nothing is stored, but an activity it speaks of stores data.",
    rationale=(
        "Storage is processing (Art. 4(2)), and people must be told how long their data is "
        "kept (Art. 13(2)(a)). A notice saying 'we normally store nothing' about an "
        "activity that records a retention period, or that hands the data to a processor, "
        "who stores it on the organisation's behalf, tells people the opposite of what "
        "happens (Art. 5(1)(a)). The rule compares promises that claim `stores-nothing` "
        "with the activities they name (all activities when they name none). Judgement: a "
        "processor that only passes data on may store nothing; the finding says which fact "
        "it rests on."
    ),
    fix=(
        "Say what is stored, where and for how long; or correct the record if the activity "
        "really keeps nothing."
    ),
    bad=_promise_example("stores-nothing", "  # <-", "app") + _APP,
    good=_promise_example("none", "", "app") + _APP,
    judgement=True,
)
def stores_nothing_contradicted(registry: Registry, context: Context) -> Iterator[Hit]:
    for index, promise in _promised(registry, "stores-nothing"):
        for activity in _spoken_of(registry, promise):
            how = _storage(registry, activity)
            if how is None:
                continue
            yield Hit(
                None,
                ("promises", index, "claim"),
                Words(
                    en=f"the notice says nothing is stored ('{promise.id}'), but '{activity.id}' "
                    f"{how[0]}: say what is kept and for how long",
                    nb=f"erklæringen sier at ingenting lagres ('{promise.id}'), men "
                    f"'{activity.id}' {how[1]}: si hva som lagres og hvor lenge",
                ),
            )


# --------------------------------------------------------------------------- R58

_NEWSLETTER = """\
activities:
  - id: offers
    name: {nb: Tilbud, en: Offers}
    description: {nb: Vi sender tilbud., en: We send offers.}
    role: controller
    purposes:
      - id: offers
        description: {nb: Sende tilbud, en: Send offers}
        legal_basis:
          basis: consent
          collection: {nb: Avkrysning, en: A tick box}
          withdrawal: {nb: Lenke i e-posten, en: A link in the e-mail}
          deleted_on_withdrawal: true
"""

_PARTNER = """\
parties:
  - id: partner
    legal_name: Partner AS
    trade_name: Partner
    role: controller
    service: {nb: Egne tilbud, en: Its own offers}
    locations: [{country: "NO"}]
"""


def _other_controllers(registry: Registry, activity: Activity) -> list[str]:
    """Parties that hold the activity's data as controllers of their own."""
    held = list(activity.joint_controllers)
    for party_id in registry.direct_parties(activity):
        party = registry.parties[party_id]
        if party.advertising_platform or party.role in (
            PartyRole.CONTROLLER,
            PartyRole.JOINT_CONTROLLER,
        ):
            held.append(party_id)
    return list(dict.fromkeys(held))


@rule(
    id="R58",
    blocks_publication=True,
    name="withdrawal-deletion-beyond-reach",
    severity=Severity.WARNING,
    references=(
        "GDPR Art. 5(1)(a)",
        "GDPR Art. 7(3)",
        "GDPR Art. 17(1)(b)",
        "GDPR Art. 19",
        "GDPR Art. 26(1)",
        "CJEU C-40/17",
    ),
    summary=(
        "The notice promises to delete all data when consent is withdrawn, but other "
        "controllers hold it."
    ),
    rationale=(
        "On withdrawal the organisation must erase what it holds on that consent "
        "(Art. 17(1)(b)) and tell each recipient (Art. 19); it cannot delete what an "
        "independent controller, a joint controller or an advertising platform that "
        "collected the data for itself (CJEU C-40/17) holds: each answers for its own copy. "
        "'We delete all data' then promises more than the organisation can do (Art. 5(1)(a)). "
        "The rule compares promises that claim `deletes-on-consent-withdrawal` with the "
        "consent-based activities whose data reaches such parties. Judgement for an "
        "advertising platform recorded as a processor: the rule counts it as a controller "
        "of what it collects, as R24 does."
    ),
    fix=(
        "Promise what the organisation does: it deletes its own copy and tells the "
        "recipients (Art. 19), and name where people withdraw from the other controllers."
    ),
    bad=_promise_example("deletes-on-consent-withdrawal", "  # <-")
    + _NEWSLETTER
    + "    recipients: {controllers: [partner]}\n"
    + _PARTNER,
    good=_promise_example("deletes-on-consent-withdrawal", "")
    + _NEWSLETTER
    + "    recipients: none\n"
    + _PARTNER,
    judgement=True,
)
def withdrawal_deletion_beyond_reach(registry: Registry, context: Context) -> Iterator[Hit]:
    reached: dict[str, list[str]] = {}
    for activity in registry.activities.values():
        if any(isinstance(b, Consent) for b in activity.legal_bases()):
            others = _other_controllers(registry, activity)
            if others:
                reached[activity.id] = others
    if not reached:
        return
    activities = list(reached)
    holders = [p for others in reached.values() for p in others]
    for index, promise in _promised(registry, "deletes-on-consent-withdrawal"):
        yield Hit(
            None,
            ("promises", index, "claim"),
            Words(
                en=f"the notice promises to delete the data when consent is withdrawn "
                f"('{promise.id}'), but the consent-based data of {listing(activities, 'en')} "
                f"is also held by other controllers ({listing(holders, 'en')}), whose copies "
                "the organisation cannot delete: promise deletion of its own copy and notice "
                "to the recipients (GDPR Art. 19)",
                nb=f"erklæringen lover å slette opplysningene når samtykket trekkes tilbake "
                f"('{promise.id}'), men de samtykkebaserte opplysningene i "
                f"{listing(activities, 'nb')} finnes også hos andre behandlingsansvarlige "
                f"({listing(holders, 'nb')}), som virksomheten ikke kan slette hos: lov "
                "sletting av egen kopi og varsel til mottakerne (GDPR art. 19)",
            ),
        )
