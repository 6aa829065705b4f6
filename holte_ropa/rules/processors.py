"""Processors, sub-processors, joint controllers and other recipients: GDPR Art. 26 and 28."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._models import Party, PartyRole, Recipients, Role, is_unknown
from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.rules._platforms import advertising_platforms, marketing_cookie_providers
from holte_ropa.terms import ROLES, Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry
    from holte_ropa.model._yaml import PathSegment

_PROCESSING = frozenset({PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR})
_EXPECTED: dict[str, frozenset[PartyRole]] = {
    "processors": _PROCESSING,
    "controllers": frozenset({PartyRole.CONTROLLER, PartyRole.JOINT_CONTROLLER}),
    "authorities": frozenset({PartyRole.AUTHORITY}),
    "joint_controllers": frozenset({PartyRole.JOINT_CONTROLLER}),
    "unconfirmed": frozenset(),
}
"""The party roles each way an activity names a party accepts."""
_GROUP_LABEL = {
    "processors": ("the processors", "databehandlerne"),
    "controllers": ("the independent controllers", "de selvstendige behandlingsansvarlige"),
    "authorities": ("the authorities", "myndighetene"),
    "unconfirmed": ("the recipients whose role is unknown", "mottakerne med ukjent rolle"),
    "joint_controllers": ("the joint controllers", "de felles behandlingsansvarlige"),
}
_ROLE_LABEL = {
    **{
        role: (ROLES[key].form("indefinite").en, ROLES[key].form("indefinite").nb)
        for role, key in (
            (PartyRole.PROCESSOR, "processor"),
            (PartyRole.SUB_PROCESSOR, "sub_processor"),
            (PartyRole.CONTROLLER, "independent_controller"),
            (PartyRole.JOINT_CONTROLLER, "joint_controller"),
        )
    },
    PartyRole.AUTHORITY: ("an authority", "myndighet"),
    PartyRole.CUSTOMER: ("a customer", "kunde"),
}
_NOUN = {
    PartyRole.PROCESSOR: ("processor", "databehandleren"),
    PartyRole.SUB_PROCESSOR: ("sub-processor", "underdatabehandleren"),
}

_PARTIES = """\
parties:
  - id: mailer
    legal_name: Mailer AB
    trade_name: Mailer
    role: processor
    service: {nb: Utsending av e-post, en: Sending e-mail}
    locations: [{country: SE}]
"""


# --------------------------------------------------------------------------- R21


@rule(
    id="R21",
    name="processor-without-agreement",
    severity=Severity.ERROR,
    references=("GDPR Art. 28(3)", "GDPR Art. 28(4)"),
    summary="Every processor the organisation engages has a data processing agreement.",
    rationale=(
        "Processing by a processor must be governed by a contract that binds it to the "
        "controller's instructions and to the duties of Art. 28(3). The record should "
        "point at that agreement, so that an auditor can find it. The rule reads "
        "processors and the sub-processors the organisation engages itself; a "
        "sub-processor engaged by a vendor is bound by the vendor's agreement "
        "(Art. 28(4)), which the organisation does not hold."
    ),
    fix="Record `dpa:` with the agreement's `reference` (and `signed` date).",
    bad=f"""\
activities:
  - id: newsletter
    name: {{nb: Nyhetsbrev, en: Newsletter}}
    description: {{nb: Vi sender nyhetsbrev, en: We send newsletters}}
    role: controller
    recipients:
      processors: [mailer]
{_PARTIES}    dpa: {{reference: unknown}}  # <-
""",
    good=f"""\
activities:
  - id: newsletter
    name: {{nb: Nyhetsbrev, en: Newsletter}}
    description: {{nb: Vi sender nyhetsbrev, en: We send newsletters}}
    role: controller
    recipients:
      processors: [mailer]
{_PARTIES}    dpa: {{reference: DPA-2025-04 Mailer, signed: 2025-04-02}}
""",
)
def processor_without_agreement(registry: Registry, context: Context) -> Iterator[Hit]:
    org = registry.organisation.id
    for party in registry.parties.values():
        engaged_here = party.role is PartyRole.SUB_PROCESSOR and party.engaged_by == org
        if not isinstance(party.role, PartyRole) or (
            party.role is not PartyRole.PROCESSOR and not engaged_here
        ):
            continue
        noun_en, noun_nb = _NOUN[party.role]
        if party.dpa is None:
            yield Hit(
                party.id,
                ("dpa",),
                Words(
                    en=f"the {noun_en} '{party.id}' has no data processing agreement on record",
                    nb=f"{noun_nb} '{party.id}' har ingen registrert databehandleravtale",
                ),
            )
        elif is_unknown(party.dpa.reference):
            yield Hit(
                party.id,
                ("dpa", "reference"),
                Words(
                    en=f"the data processing agreement with the {noun_en} '{party.id}' is not "
                    "referenced (unknown); record where it is kept",
                    nb=f"databehandleravtalen med {noun_nb} '{party.id}' er ikke referert "
                    "(ukjent); oppgi hvor den oppbevares",
                ),
            )


# --------------------------------------------------------------------------- R22


@rule(
    id="R22",
    name="broken-sub-processor-chain",
    severity=Severity.ERROR,
    references=("GDPR Art. 28(2)", "GDPR Art. 28(4)"),
    summary="Every sub-processor's chain leads through processors to the organisation.",
    rationale=(
        "A sub-processor acts on the instructions of a processor, which answers for it to "
        "the controller (Art. 28(4)); the record must show whose sub-processor it is so "
        "that its countries, transfers and authorisation land on the right activities. A "
        "chain through a party that is not a processor (an independent controller, an "
        "authority) is not a processing chain, and a 'processor' engaged by another "
        "processor is in fact a sub-processor. The loader already refuses chains that "
        "name undefined parties or form cycles."
    ),
    fix=(
        "Set `engaged_by:` to the processor that engaged the sub-processor (or to the "
        "organisation's id), and give every party the role it has."
    ),
    bad="""\
parties:
  - id: crm
    legal_name: CRM AS
    trade_name: CRM
    role: processor
    service: {nb: Kunderegister, en: Customer register}
    locations: [{country: "NO"}]
  - id: crm-hosting  # <-
    legal_name: Hosting AB
    trade_name: Hosting
    role: sub_processor
    service: {nb: Drift av kunderegisteret, en: Hosting the customer register}
    locations: [{country: SE}]
""",
    good="""\
parties:
  - id: crm
    legal_name: CRM AS
    trade_name: CRM
    role: processor
    service: {nb: Kunderegister, en: Customer register}
    locations: [{country: "NO"}]
  - id: crm-hosting
    legal_name: Hosting AB
    trade_name: Hosting
    role: sub_processor
    engaged_by: crm
    service: {nb: Drift av kunderegisteret, en: Hosting the customer register}
    locations: [{country: SE}]
""",
)
def broken_sub_processor_chain(registry: Registry, context: Context) -> Iterator[Hit]:
    org = registry.organisation.id
    for party in registry.parties.values():
        if party.role is PartyRole.SUB_PROCESSOR and party.engaged_by is None:
            yield Hit(
                party.id,
                ("engaged_by",),
                Words(
                    en=f"the sub-processor '{party.id}' does not name the processor that engaged "
                    "it (engaged_by)",
                    nb=f"underdatabehandleren '{party.id}' oppgir ikke hvilken databehandler som "
                    "har engasjert den (engaged_by)",
                ),
            )
        elif party.role is PartyRole.PROCESSOR and party.engaged_by not in (None, org):
            yield Hit(
                party.id,
                ("role",),
                Words(
                    en=f"'{party.id}' is engaged by '{party.engaged_by}', so it is a "
                    "sub-processor; "
                    "set `role: sub_processor`",
                    nb=f"'{party.id}' er engasjert av '{party.engaged_by}' og er derfor "
                    "underdatabehandler; sett `role: sub_processor`",
                ),
            )
        elif party.role is PartyRole.SUB_PROCESSOR:
            yield from _broken_link(registry, party)


def _broken_link(registry: Registry, party: Party) -> Iterator[Hit]:
    for link in registry.chain(party.id)[1:]:
        linked = registry.parties.get(link)
        if linked is None or not isinstance(linked.role, PartyRole) or linked.role in _PROCESSING:
            continue  # an unknown role is R46's to report
        en, nb = _ROLE_LABEL[linked.role]
        yield Hit(
            party.id,
            ("engaged_by",),
            Words(
                en=f"the sub-processor chain of '{party.id}' passes through '{link}', which is "
                f"{en}, not a processor",
                nb=f"kjeden til underdatabehandleren '{party.id}' går via '{link}', som er {nb}, "
                "ikke databehandler",
            ),
        )
        return


# --------------------------------------------------------------------------- R23


@rule(
    id="R23",
    name="sub-processor-not-authorised",
    severity=Severity.WARNING,
    references=("GDPR Art. 28(2)", "GDPR Art. 28(4)"),
    summary="Every sub-processor was authorised, specifically or with notice of changes.",
    rationale=(
        "A processor may not engage another processor without the controller's prior "
        "written authorisation, specific or general; under a general authorisation the "
        "controller must be told of every change and be able to object (Art. 28(2)). It "
        "is a warning because the authorisation usually exists in the agreement and only "
        "the record is silent."
    ),
    fix=(
        "Record `authorisation:` with `kind: specific`, or `kind: general` and "
        "`notice_of_changes:` saying how controllers are told and may object."
    ),
    bad="""\
parties:
  - id: cloud
    legal_name: Cloud AB
    trade_name: Cloud
    role: sub_processor
    engaged_by: acme
    authorisation: {kind: general}  # <-
    service: {nb: Drift av programvaren, en: Hosting the software}
    locations: [{country: SE}]
    dpa: {reference: DPA-9}
""",
    good="""\
parties:
  - id: cloud
    legal_name: Cloud AB
    trade_name: Cloud
    role: sub_processor
    engaged_by: acme
    authorisation:
      kind: general
      notice_of_changes:
        nb: Kundene varsles 30 dager før en ny underdatabehandler tas i bruk, og kan protestere.
        en: Customers are e-mailed 30 days before a new sub-processor starts, and may object.
    service: {nb: Drift av programvaren, en: Hosting the software}
    locations: [{country: SE}]
    dpa: {reference: DPA-9}
""",
)
def sub_processor_not_authorised(registry: Registry, context: Context) -> Iterator[Hit]:
    for party in registry.parties.values():
        if party.role is not PartyRole.SUB_PROCESSOR:
            continue
        authorisation = party.authorisation
        if authorisation is None or is_unknown(authorisation):
            yield Hit(
                party.id,
                ("authorisation",),
                Words(
                    en=f"the record does not say how the controller authorised the sub-processor "
                    f"'{party.id}'",
                    nb=f"protokollen sier ikke hvordan den behandlingsansvarlige har godkjent "
                    f"underdatabehandleren '{party.id}'",
                ),
            )
        elif authorisation.kind == "general" and authorisation.notice_of_changes is None:
            yield Hit(
                party.id,
                ("authorisation", "kind"),
                Words(
                    en=f"the sub-processor '{party.id}' is generally authorised, but the record "
                    "does "
                    "not say how controllers are told of changes and may object",
                    nb=f"underdatabehandleren '{party.id}' er generelt godkjent, men protokollen "
                    "sier "
                    "ikke hvordan de behandlingsansvarlige varsles om endringer og kan protestere",
                ),
            )


# --------------------------------------------------------------------------- R24


@rule(
    id="R24",
    name="advertising-platform-as-processor",
    severity=Severity.ERROR,
    references=(
        "GDPR Art. 26",
        "GDPR Art. 28",
        "CJEU C-40/17 Fashion ID, paras 76-85",
        "CJEU C-210/16",
    ),
    summary=(
        "An advertising platform with pixels, plugins or marketing cookies on the site is "
        "recorded as a processor or as an independent controller."
    ),
    rationale=(
        "A processor processes only on the controller's instructions and for the "
        "controller's purposes. An advertising platform that collects data through a "
        "pixel, social plugin or third-party marketing cookie on the organisation's site "
        "also uses it for its own advertising; the CJEU held the site and the platform "
        "joint controllers for the collection and transmission (C-40/17 Fashion ID, paras "
        "76-85; C-210/16 Wirtschaftsakademie). Calling the platform a processor hides the "
        "Art. 26 arrangement people are entitled to know the essence of; calling it only an "
        "independent recipient hides that the site decides, with the platform, to collect "
        "and transmit the data. A party providing a third-party marketing cookie "
        "(`first_party: false`, `category: marketing`) is treated as such a platform even "
        "when `advertising_platform` is not set. For the collection and transmission this "
        "is settled case law, so the finding is an error; a platform product outside that "
        "(e.g. customer-list matching under a processor addendum) may be processing, and a "
        "waiver must then say why."
    ),
    fix=(
        "Record the platform as `role: joint_controller`, name it under the activity's "
        "`joint_controllers:` with the `arrangement:` (e.g. Meta's Controller Addendum) for "
        "the collection and transmission (its own later use stays its own), set "
        "`advertising_platform: true`, or waive the finding with the reason."
    ),
    bad="""\
parties:
  - id: facebook
    legal_name: Meta Platforms Ireland Limited
    trade_name: Facebook
    role: processor  # <-
    advertising_platform: true
    service: {nb: Annonsering med Meta-piksel, en: Advertising with the Meta pixel}
    locations: [{country: IE}]
    dpa: {reference: Meta Business Tools Terms}
  - id: adnet
    legal_name: Adnet Ltd
    trade_name: Adnet
    role: controller  # <-
    advertising_platform: true
    service: {nb: Annonsenettverk, en: Advertising network}
    locations: [{country: IE}]
""",
    good="""\
parties:
  - id: facebook
    legal_name: Meta Platforms Ireland Limited
    trade_name: Facebook
    role: joint_controller
    advertising_platform: true
    service: {nb: Annonsering med Meta-piksel, en: Advertising with the Meta pixel}
    locations: [{country: IE}]
""",
)
def advertising_platform_as_processor(registry: Registry, context: Context) -> Iterator[Hit]:
    cookies = marketing_cookie_providers(registry)
    for party_id, party in advertising_platforms(registry).items():
        how = _how_it_collects(party_id, cookies)
        if party.role in _PROCESSING:
            yield Hit(
                party_id,
                ("role",),
                Words(
                    en=f"'{party_id}' {how.en} but is recorded as "
                    f"{_ROLE_LABEL[party.role][0]}; the CJEU (C-40/17 Fashion ID, paras 76-85) "
                    "makes the site and the platform joint controllers for the collection and "
                    "transmission: record it as joint controller with an Art. 26 arrangement",
                    nb=f"'{party_id}' {how.nb}, men er registrert som "
                    f"{_ROLE_LABEL[party.role][1]}; EU-domstolen (C-40/17 Fashion ID, avsnitt "
                    "76-85) gjør nettstedet og plattformen til felles behandlingsansvarlige for "
                    "innsamlingen og overføringen: registrer den som felles behandlingsansvarlig "
                    "med en ordning etter art. 26",
                ),
            )
        elif party.role is PartyRole.CONTROLLER:
            yield Hit(
                party_id,
                ("role",),
                Words(
                    en=f"'{party_id}' {how.en} but is recorded only as an independent "
                    "controller; for the collection and transmission through the site the "
                    "site and the platform are joint controllers (CJEU C-40/17 Fashion ID, "
                    "paras 76-85; GDPR Art. 26): record it as joint controller with an Art. 26 "
                    "arrangement for that part (its own later use stays its own)",
                    nb=f"'{party_id}' {how.nb}, men er bare registrert som selvstendig "
                    "behandlingsansvarlig; for innsamlingen og overføringen gjennom nettstedet "
                    "er nettstedet og plattformen felles behandlingsansvarlige (EU-domstolen "
                    "C-40/17 Fashion ID, avsnitt 76-85; personvernforordningen art. 26): "
                    "registrer den som felles behandlingsansvarlig med en ordning etter art. 26 "
                    "for den delen (dens egen videre bruk forblir dens egen)",
                ),
            )


def _how_it_collects(party_id: str, cookies: dict[str, list[str]]) -> Words:
    """How the party collects data on the site, from the record."""
    if party_id in cookies:
        names = ", ".join(f"'{c}'" for c in cookies[party_id])
        return Words(
            en=f"provides the third-party marketing cookie(s) {names} on the site",
            nb=f"leverer tredjeparts markedsføringsinformasjonskapsel(er) {names} på nettstedet",
        )
    return Words(
        en="sets pixels or plugins for advertising",
        nb="setter piksler eller programtillegg for annonsering",
    )


# --------------------------------------------------------------------------- R25


@rule(
    id="R25",
    name="joint-control-without-arrangement",
    severity=Severity.ERROR,
    references=("GDPR Art. 26(1)", "GDPR Art. 26(2)"),
    summary="A joint-controller activity names the other controllers and the arrangement.",
    rationale=(
        "Joint controllers must determine their respective responsibilities in an "
        "arrangement, and its essence must be made available to data subjects "
        "(Art. 26(1)-(2)). The record must say who the others are and what was agreed; an "
        "activity naming joint controllers under another role is the same gap."
    ),
    fix=(
        "Set `role: joint_controller`, list the parties under `joint_controllers:` and "
        "summarise the arrangement under `arrangement:`."
    ),
    bad="""\
activities:
  - id: event
    name: {nb: Felles konferanse, en: Joint conference}
    description: {nb: Påmelding til konferansen, en: Conference registration}
    role: joint_controller  # <-
    joint_controllers: [partner]
    recipients: none
parties:
  - id: partner
    legal_name: Partner AS
    trade_name: Partner
    role: joint_controller
    service: {nb: Medarrangør, en: Co-organiser}
    locations: [{country: "NO"}]
""",
    good="""\
activities:
  - id: event
    name: {nb: Felles konferanse, en: Joint conference}
    description: {nb: Påmelding til konferansen, en: Conference registration}
    role: joint_controller
    joint_controllers: [partner]
    arrangement:
      nb: Partner AS håndterer påmelding og henvendelser om personvern; vi sender deltakerlisten.
      en: Partner AS handles registration and privacy requests; we send the attendee list.
    recipients: none
parties:
  - id: partner
    legal_name: Partner AS
    trade_name: Partner
    role: joint_controller
    service: {nb: Medarrangør, en: Co-organiser}
    locations: [{country: "NO"}]
""",
)
def joint_control_without_arrangement(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        joint = activity.role is Role.JOINT_CONTROLLER
        if not joint and activity.joint_controllers:
            yield Hit(
                activity.id,
                ("role",),
                Words(
                    en=f"'{activity.id}' names joint controllers but its role is "
                    f"{activity.role.value}; set `role: joint_controller`",
                    nb=f"'{activity.id}' oppgir felles behandlingsansvarlige, men rollen er "
                    f"{activity.role.value}; sett `role: joint_controller`",
                ),
            )
        if not (joint or activity.joint_controllers):
            continue
        if activity.arrangement is None:
            yield Hit(
                activity.id,
                ("role",),
                Words(
                    en=f"the joint-controller activity '{activity.id}' does not state the Art. 26 "
                    "arrangement",
                    nb=f"aktiviteten '{activity.id}' med felles behandlingsansvar oppgir ikke "
                    "ordningen etter art. 26",
                ),
            )
        if not activity.joint_controllers:
            yield Hit(
                activity.id,
                ("role",),
                Words(
                    en=f"the joint-controller activity '{activity.id}' does not name the other "
                    "controllers",
                    nb=f"aktiviteten '{activity.id}' med felles behandlingsansvar oppgir ikke de "
                    "andre behandlingsansvarlige",
                ),
            )


# --------------------------------------------------------------------------- R26


@rule(
    id="R26",
    name="misreferenced-or-unused-party",
    severity=Severity.ERROR,
    also=(Severity.WARNING,),
    references=("GDPR Art. 30(1)(d)", "GDPR Art. 5(2)"),
    summary="Activities name each party as what it is; every party is used by one.",
    rationale=(
        "The recipients of the record (Art. 30(1)(d)) are only right if each party is "
        "named as what it is: a processor under `processors`, an independent controller "
        "under `controllers`, an authority under `authorities`, a joint controller under "
        "`joint_controllers`. A mismatch means either the activity or the party is wrong, "
        "and the notice would describe the party wrongly. A party no activity uses "
        "(directly, through a processor, or as a cookie provider) is probably stale "
        "(warning). Customers are the controllers of processor activities and are not "
        "expected to be named. The loader already refuses references to parties that do "
        "not exist."
    ),
    fix=(
        "Move the party to the group that matches its role, or correct the party's "
        "`role:`; remove a party no activity uses."
    ),
    bad="""\
activities:
  - id: quote-requests
    name: {nb: Pristilbud, en: Quote requests}
    description: {nb: Pristilbud fra partnere, en: Quotes from partners}
    role: controller
    recipients:
      processors: [partner]  # <-
parties:
  - id: partner
    legal_name: Partner AS
    trade_name: Partner
    role: controller
    service: {nb: Gir pristilbud, en: Gives quotes}
    locations: [{country: "NO"}]
""",
    good="""\
activities:
  - id: quote-requests
    name: {nb: Pristilbud, en: Quote requests}
    description: {nb: Pristilbud fra partnere, en: Quotes from partners}
    role: controller
    recipients:
      controllers: [partner]
parties:
  - id: partner
    legal_name: Partner AS
    trade_name: Partner
    role: controller
    service: {nb: Gir pristilbud, en: Gives quotes}
    locations: [{country: "NO"}]
""",
)
def misreferenced_or_unused_party(registry: Registry, context: Context) -> Iterator[Hit]:
    used: set[str] = {c.provider for c in registry.cookies.values()}
    for activity in registry.activities.values():
        used.update(party_id for party_id, _ in registry.parties_of(activity))
        groups: list[tuple[str, tuple[str, ...], tuple[PathSegment, ...]]] = [
            ("joint_controllers", activity.joint_controllers, ("joint_controllers",))
        ]
        if isinstance(activity.recipients, Recipients):
            groups += [
                (g, getattr(activity.recipients, g), ("recipients", g))
                for g in ("processors", "controllers", "authorities", "unconfirmed")
            ]
        for group, names, path in groups:
            for index, party_id in enumerate(names):
                role = registry.parties[party_id].role
                if not isinstance(role, PartyRole) or role in _EXPECTED[group]:
                    continue  # an unknown role is R46's to report
                where_en, where_nb = _GROUP_LABEL[group]
                role_en, role_nb = _ROLE_LABEL[role]
                yield Hit(
                    activity.id,
                    (*path, index),
                    Words(
                        en=f"'{activity.id}' names '{party_id}' among {where_en}, but the party is "
                        f"recorded as {role_en}",
                        nb=f"'{activity.id}' fører opp '{party_id}' blant {where_nb}, men parten "
                        "er "
                        f"registrert som {role_nb}",
                    ),
                )
    for party in registry.parties.values():
        if party.id not in used and party.role is not PartyRole.CUSTOMER:
            yield Hit(
                party.id,
                (),
                Words(
                    en=f"no activity uses the party '{party.id}'; remove it or name it where its "
                    "data comes from",
                    nb=f"ingen aktivitet bruker parten '{party.id}'; fjern den eller før den opp "
                    "der "
                    "opplysningene kommer fra",
                ),
                severity=Severity.WARNING,
            )
