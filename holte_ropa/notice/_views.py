"""Public views of a registry for one language: all that the notice templates may see.

Templates never receive registry models. Models carry internal fields (owner, notes,
DPA references, balancing tests, proof of consent, TIA and DPIA references) and
non-public security measures; a template that could reach them could leak them. A view
holds only public facts in one language, with ``unknown`` kept as the :data:`PENDING`
marker so the template can say honestly that a fact is being confirmed. Views are built
by :func:`holte_ropa.notice._public.notice_view`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, TypeAlias

from holte_ropa.terms import Lang

__all__ = [
    "MISSING",
    "PENDING",
    "ActivityView",
    "BasisGroup",
    "CookieView",
    "Lang",
    "Marker",
    "NoticeView",
    "PartyView",
    "PromiseView",
    "PurposeView",
    "RecipientsView",
    "RetentionView",
    "SafeguardView",
    "Str",
    "TransferGroup",
]


class Marker:
    """A value the template shows as a phrase: not yet confirmed, or not yet translated."""

    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __repr__(self) -> str:
        return f"<{self.kind}>"


PENDING: Final = Marker("pending")
"""The registry records the fact as ``unknown``."""
MISSING: Final = Marker("missing")
"""The registry has the text in the other language only."""

Str: TypeAlias = str | Marker


@dataclass(frozen=True, slots=True)
class PurposeView:
    description: Str
    basis: str
    """consent, contract, legal_obligation, vital_interest, public_task,
    legitimate_interest, or pending."""
    point: str | None
    """The Art. 6(1) point: a-f."""
    interest: Str | None = None
    right_to_object: Str | None = None
    contract: Str | None = None
    legal_source: Str | None = None
    explanation: Str | None = None
    consent_collection: Str | None = None
    consent_withdrawal: Str | None = None
    direct_marketing: bool = False


@dataclass(frozen=True, slots=True)
class SafeguardView:
    """One country outside the EEA a party reaches, and the Art. 44-49 safeguard."""

    party: str
    country: str
    mechanism: str
    """adequacy, dpf, scc, bcr, derogation or pending."""
    decision: str | None = None
    """The adequacy decision, for adequacy and dpf."""
    decision_number: str | None = None
    """The decision's number as the Official Journal writes it ("2023/1795"), for dpf."""

    @property
    def has_documents(self) -> bool:
        """Art. 46-47 safeguards exist as documents a person can get a copy of
        (GDPR Art. 13(1)(f)); an adequacy decision or the DPF is a public decision."""
        return self.mechanism in {"scc", "bcr"}

    point: str | None = None
    """The Art. 49(1) point, for derogations."""


@dataclass(frozen=True, slots=True)
class RetentionView:
    categories: tuple[Str, ...]
    description: Str


@dataclass(frozen=True, slots=True)
class RecipientsView:
    processors: tuple[str, ...] = ()
    sub_processors: tuple[str, ...] = ()
    controllers: tuple[str, ...] = ()
    authorities: tuple[str, ...] = ()
    joint_controllers: tuple[str, ...] = ()
    unconfirmed: tuple[str, ...] = ()
    """Recipients whose role is still being confirmed (``role: unknown``)."""

    def __bool__(self) -> bool:
        return bool(
            self.processors
            or self.sub_processors
            or self.controllers
            or self.authorities
            or self.joint_controllers
            or self.unconfirmed
        )


@dataclass(frozen=True, slots=True)
class BasisGroup:
    """Purposes of one activity that share a legal basis: the basis is said once."""

    basis: str
    point: str | None
    purposes: tuple[PurposeView, ...]

    @property
    def withdrawals(self) -> tuple[Str, ...]:
        """How consent is withdrawn, each way once (consent only)."""
        found = [p.consent_withdrawal for p in self.purposes if p.consent_withdrawal is not None]
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True, slots=True)
class TransferGroup:
    """Recipients in one country on one transfer basis: the basis is said once."""

    country: str
    parties: tuple[str, ...]
    safeguard: SafeguardView
    """The first transfer of the group, for its mechanism and decision."""


@dataclass(frozen=True, slots=True)
class ActivityView:
    anchor: str
    entity: str
    name: Str
    description: Str
    role: str
    purposes: tuple[PurposeView, ...]
    subjects: tuple[Str, ...]
    data: tuple[Str, ...]
    special_data: tuple[Str, ...]
    special_condition: str | None
    sources: tuple[tuple[str, Str], ...] | Marker
    """(kind, description) pairs; kind is data_subject or other."""
    other_source: bool
    requirement: tuple[str, Str] | Marker | None
    automated: tuple[bool, Str | None, Str | None] | Marker | None
    """(used, logic, consequences): Art. 13(2)(f), 14(2)(g)."""
    recipients: RecipientsView | Marker | None
    """None when the registry says the data goes to nobody."""
    locations_pending: tuple[str, ...]
    transfers: tuple[SafeguardView, ...]
    retention: tuple[RetentionView, ...] | Marker
    security: tuple[Str, ...]
    arrangement: Str | None = None
    processor_controllers: Str | None = None
    processor_agreement: Str | None = None
    processor_categories: tuple[Str, ...] = ()
    consent: bool = False

    @property
    def basis_groups(self) -> tuple[BasisGroup, ...]:
        """The purposes by legal basis, in the order the bases first appear."""
        groups: dict[tuple[str, str | None], list[PurposeView]] = {}
        for purpose in self.purposes:
            groups.setdefault((purpose.basis, purpose.point), []).append(purpose)
        return tuple(BasisGroup(b, point, tuple(ps)) for (b, point), ps in groups.items())

    @property
    def has_direct_marketing(self) -> bool:
        return any(p.direct_marketing for p in self.purposes)

    @property
    def transfer_groups(self) -> tuple[TransferGroup, ...]:
        """The transfers by country and basis, in the order they first appear."""
        groups: dict[tuple[str, str, str | None, str | None], list[SafeguardView]] = {}
        for s in self.transfers:
            key = (s.country, s.mechanism, s.decision, s.point)
            groups.setdefault(key, []).append(s)
        return tuple(
            TransferGroup(found[0].country, tuple(s.party for s in found), found[0])
            for found in groups.values()
        )

    legitimate_interest: bool = False
    direct_marketing: bool = False
    organisation_transfers: tuple[SafeguardView, ...] = ()
    """International organisations the data reaches (Art. 13(1)(f)); ``country`` holds
    the organisation's code."""


@dataclass(frozen=True, slots=True)
class PartyView:
    name: str
    service: Str
    role: str
    countries: tuple[str, ...] | Marker
    safeguards: tuple[SafeguardView, ...]
    engaged_by: str | None
    """Who engaged a sub-processor: another processor's name, or ours."""
    website: str | None
    category: bool = False
    """A category of recipients (``shown_as``), not a company: written in lower case
    mid-sentence ("gis til samarbeidspartnere i ..."), where a company keeps its name."""

    @property
    def in_sentence(self) -> str:
        """The name as it reads inside a sentence."""
        return self.name[:1].lower() + self.name[1:] if self.category else self.name

    used_for: tuple[str, ...] = ()
    """Names of our processing activities a sub-processor serves (Art. 28(2)): what a
    customer needs to know, where "engaged by us" tells them nothing."""


@dataclass(frozen=True, slots=True)
class CookieView:
    name: Str
    provider: str
    first_party: bool
    purpose: Str
    category: str
    lifetime: Str
    consent_before_set: bool


@dataclass(frozen=True, slots=True)
class PromiseView:
    section: str
    text: Str


@dataclass(frozen=True, slots=True)
class NoticeView:
    """Every public fact the notice, processors and cookies pages show."""

    lang: Lang
    entity: str
    title: Str
    legal_name: str
    trade_name: str | None
    org_number: str | Marker
    postal_address: tuple[str, ...] | Marker
    visiting_address: tuple[str, ...] | Marker | None
    phone: str | None
    email: Str
    website: Str
    privacy_contact: Str
    safeguards_copy: Str | None
    """How people get a copy of the Art. 46-47 safeguards; None when not recorded."""
    dpo: tuple[str, ...] | Str
    """Contact lines of an appointed DPO, or why none is appointed, or PENDING."""
    dpo_appointed: bool | None
    eu_representative: Str | None
    authority: Str
    authority_website: Str
    security_summary: Str
    security_measures: tuple[tuple[Str, Str], ...]
    complaints: Str
    change_announcement: Str
    version: str | Marker
    last_changed: str | Marker
    history: tuple[tuple[str, str, Str], ...]
    rights: tuple[str, ...]
    how_to_exercise: Str
    response_time: Str
    promises: tuple[PromiseView, ...]
    controller_activities: tuple[ActivityView, ...]
    processor_activities: tuple[ActivityView, ...]
    processors: tuple[PartyView, ...]
    sub_processors: tuple[PartyView, ...]
    other_recipients: tuple[PartyView, ...]
    cookies: dict[str, tuple[CookieView, ...]]
    cookies_stated: str
    """``listed``, ``none`` (the registry says ``cookies: none``) or ``pending`` (the
    registry does not say which cookies the site sets: never read as a denial)."""
    data_summary: tuple[Str, ...]
    bases_summary: tuple[str, ...]
    transfer_countries: tuple[str, ...]
    transfer_pending: tuple[str, ...]
    """Recipients whose countries are unknown: the summary must not read as complete."""
    transfer_organisations: tuple[str, ...]
    """International organisations the controller activities transfer data to (Art. 13(1)(f):
    "third country or international organisation")."""
    has_consent: bool
    has_legitimate_interest: bool
    has_direct_marketing: bool
    recipients_pending: bool
    """Some activity records its recipients as ``unknown``."""
    bases_pending: bool
    """Some purpose of a controller activity has no settled legal basis."""

    @property
    def has_safeguard_documents(self) -> bool:
        """Some transfer rests on Art. 46-47 safeguards a person can get a copy of."""
        parties = (*self.processors, *self.sub_processors, *self.other_recipients)
        activities = (*self.controller_activities, *self.processor_activities)
        views = [s for p in parties for s in p.safeguards]
        views += [s for a in activities for s in a.transfers]
        return any(s.has_documents for s in views)

    @property
    def objection_how(self) -> tuple[Str, ...]:
        """How to object (GDPR Art. 21), each way once: the notice says it with the right."""
        found = [
            p.right_to_object
            for a in self.controller_activities
            for p in a.purposes
            if p.right_to_object is not None
        ]
        return tuple(dict.fromkeys(found))

    @property
    def automated_shared(self) -> Marker | tuple[bool, Str | None, Str | None] | None:
        """What every controller activity says of automated decisions, when they all say
        the same and it is "not yet confirmed" or "none": then the notice says it once."""
        values = {repr(a.automated) for a in self.controller_activities}
        if len(self.controller_activities) < 2 or len(values) != 1:
            return None
        value = self.controller_activities[0].automated
        if value is PENDING or (isinstance(value, tuple) and not any(value)):
            return value
        return None

    @property
    def activity_texts(self) -> tuple[str, ...]:
        """What the activities say in the organisation's words (descriptions and
        purposes): a promise that says it again is not other information."""
        texts: list[Str] = []
        for a in (*self.processor_activities, *self.controller_activities):
            texts.append(a.description)
            texts += [p.description for p in a.purposes]
        return tuple(t for t in texts if isinstance(t, str))

    @property
    def retention_texts(self) -> tuple[str, ...]:
        """The retention only one activity states, in the organisation's words: a general
        retention promise that says it again belongs to that activity. Words several
        activities share are a general rule, said in the retention section."""
        texts = [
            r.description
            for a in (*self.processor_activities, *self.controller_activities)
            if not isinstance(a.retention, Marker)
            for r in a.retention
            if isinstance(r.description, str)
        ]
        return tuple(t for t in dict.fromkeys(texts) if texts.count(t) == 1)

    @property
    def requirement_shared(self) -> bool:
        """Every controller activity leaves open whether people must give the data
        (GDPR Art. 13(2)(e)): the notice says it once, not once per activity."""
        activities = self.controller_activities
        return len(activities) > 1 and all(a.requirement is PENDING for a in activities)

    def promises_in(self, section: str) -> tuple[PromiseView, ...]:
        return tuple(p for p in self.promises if p.section == section)
