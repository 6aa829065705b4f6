"""Typed model of a record of processing activities (GDPR Art. 30).

The models are strict on purpose: a privacy officer's typo must never be silently
dropped, so every model forbids unknown keys, and references between entities are plain
ids that the :class:`~holte_ropa.model._registry.Registry` resolves and checks.

Facts that are not yet confirmed are written as the literal ``unknown``; the model keeps
them so that rules can ask for them instead of the record inventing an answer.

Fields whose JSON Schema carries ``"x-internal": true`` belong to the record kept for
auditors and must never be published (see :func:`internal_field_names`).
"""

from __future__ import annotations

import datetime as _dt
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import (
    AnyUrl,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

__all__ = [
    "Activity",
    "Address",
    "Adequacy",
    "Authorisation",
    "BindingCorporateRules",
    "Consent",
    "Contract",
    "Cookie",
    "CookieCategory",
    "DataCategory",
    "DataKind",
    "DataPrivacyFramework",
    "DataProcessingAgreement",
    "DataSource",
    "Derogation",
    "Dpia",
    "DpiaCriterion",
    "Dpo",
    "Duration",
    "LegalBasis",
    "LegalObligation",
    "LegalSource",
    "LegitimateInterest",
    "NoticeChange",
    "NoticeMeta",
    "Organisation",
    "Party",
    "PartyLocation",
    "PartyRole",
    "ProcessorDetails",
    "Promise",
    "PublicTask",
    "Purpose",
    "Recipients",
    "RegistryData",
    "RegistryFile",
    "RetentionRule",
    "Right",
    "Rights",
    "Role",
    "SecurityMeasure",
    "StandardContractualClauses",
    "SubjectCategory",
    "SupervisoryAuthority",
    "Text",
    "TransferMechanism",
    "Trigger",
    "Unknown",
    "VitalInterest",
    "Waiver",
    "internal_field_names",
]

Unknown: TypeAlias = Literal["unknown"]
"""A fact not yet confirmed. Rules report it; renderers say it is being confirmed."""

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80),
    Field(description="A stable slug: lower-case letters, digits and hyphens."),
]
CountryCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    Field(description="ISO 3166-1 alpha-2 country code, e.g. NO, SE, US."),
]
Email = Annotated[
    str,
    StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$"),
    Field(description="An e-mail address."),
]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]


def _internal(description: str) -> Any:
    """Field(...) for data kept for auditors that must never be published."""
    return Field(default=None, description=description, json_schema_extra={"x-internal": True})


class _Model(BaseModel):
    """Base for every registry model: unknown keys are errors and values are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=False,
        use_attribute_docstrings=True,
        validate_default=False,
    )


class Text(_Model):
    """A text shown to people, in bokmål (primary) and English."""

    nb: NonEmpty | None = None
    """Bokmål."""
    en: NonEmpty | None = None
    """English."""

    @model_validator(mode="after")
    def _at_least_one(self) -> Text:
        if self.nb is None and self.en is None:
            raise ValueError("give the text in at least one language: nb or en")
        return self

    def get(self, lang: str) -> str | None:
        """The text in ``lang`` or None, never the other language in disguise."""
        return self.nb if lang == "nb" else self.en if lang == "en" else None


# --------------------------------------------------------------------------- organisation


def _mod11_ok(number: str) -> bool:
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    total = sum(int(d) * w for d, w in zip(number[:8], weights, strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(number[8])


class Address(_Model):
    """A postal or visiting address."""

    lines: tuple[NonEmpty, ...] = Field(min_length=1)
    """Street or post box lines, e.g. "Pb. 172 Skøyen"."""
    postal_code: NonEmpty
    city: NonEmpty
    country: CountryCode = "NO"


class Dpo(_Model):
    """The data protection officer (personvernombud), or why none is appointed (Art. 37)."""

    appointed: bool
    name: str | None = None
    email: Email | None = None
    phone: str | None = None
    reason_none: Text | None = None
    """Why no DPO is appointed; Art. 37 applies only in some cases."""

    @model_validator(mode="after")
    def _consistent(self) -> Dpo:
        if self.appointed and not (self.email or self.phone):
            raise ValueError("an appointed DPO needs contact details: email or phone")
        if not self.appointed and self.reason_none is None:
            raise ValueError("say why no DPO is appointed in reason_none")
        return self


class SupervisoryAuthority(_Model):
    """The lead supervisory authority, where data subjects may complain (Art. 77)."""

    name: Text
    website: AnyUrl


class NoticeChange(_Model):
    """One published version of the notice."""

    version: NonEmpty
    date: _dt.date
    summary: Text


class NoticeMeta(_Model):
    """Metadata of the published privacy notice."""

    title: Text
    version: NonEmpty | Unknown
    last_changed: _dt.date | Unknown
    change_announcement: Text
    """How changes to the notice are announced to data subjects."""
    history: tuple[NoticeChange, ...] = ()


class Right(StrEnum):
    """A data subject right (Art. 15-22, 7(3), 77)."""

    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    OBJECTION = "objection"
    PORTABILITY = "portability"
    WITHDRAW_CONSENT = "withdraw_consent"
    COMPLAINT = "complaint"


class Rights(_Model):
    """Which rights the notice describes and how they are exercised (Art. 12-22)."""

    applicable: tuple[Right, ...] = Field(min_length=1)
    how_to_exercise: Text
    response_time: Text
    """Art. 12(3): without undue delay and within one month, extendable by two months."""


class SecurityMeasure(_Model):
    """A technical or organisational measure (Art. 32)."""

    id: Id
    name: Text
    description: Text
    public: bool = True
    """False keeps the measure in the record only; it is never published."""
    notes: str | None = _internal("Internal notes for auditors.")


class Promise(_Model):
    """A statement the notice makes that the record must keep true (rule 38)."""

    id: Id
    section: Literal[
        "sharing", "security", "retention", "rights", "complaints", "changes", "cookies", "other"
    ]
    text: Text
    claim: (
        Literal[
            "no-sharing-without-legal-basis",
            "deletes-on-consent-withdrawal",
            "direct-marketing-only-with-consent",
            "only-strictly-necessary-cookies-without-consent",
            "processors-under-agreement",
            "access-limited-to-need",
            "none",
        ]
        | None
    ) = None
    """A machine-checkable claim the text makes, if any."""


class Organisation(_Model):
    """The controller keeping the record (Art. 30(1)(a), 13(1)(a)-(b))."""

    id: Id
    legal_name: NonEmpty
    trade_name: str | None = None
    org_number: Annotated[str, StringConstraints(pattern=r"^\d{9}$")] | Unknown
    """Norwegian organisation number, 9 digits with a MOD11 check digit."""
    country: CountryCode = "NO"
    postal_address: Address
    visiting_address: Address | Unknown | None = None
    phone: NonEmpty | None = None
    email: Email
    website: AnyUrl
    privacy_contact: Email
    """Where data subjects send rights requests."""
    dpo: Dpo | Unknown
    eu_representative: Text | None = None
    """Only needed for controllers outside the EU/EEA (Art. 27)."""
    supervisory_authority: SupervisoryAuthority
    notice: NoticeMeta
    rights: Rights
    security_summary: Text
    """The public description of how data is secured."""
    complaints: Text
    """What the notice says about complaints, to the organisation and to the authority."""
    safeguards_copy: Text | None = None
    """How people get a copy of the safeguards for transfers outside the EEA (Art. 13(1)(f))."""
    promises: tuple[Promise, ...] = ()
    owner: str | None = _internal("Who keeps the record up to date.")
    notes: str | None = _internal("Internal notes for auditors.")
    reference_checked: _dt.date | None = _internal(
        "The day someone confirmed that holte-ropa's dated reference data (EEA, adequacy "
        "decisions, DPIA list) still holds; rule R49 counts from it when it is later."
    )

    @field_validator("org_number")
    @classmethod
    def _mod11(cls, value: str) -> str:
        if value != "unknown" and not _mod11_ok(value):
            raise ValueError(f"organisation number {value} fails the MOD11 check digit")
        return value


# --------------------------------------------------------------------------- vocabularies


class DataKind(StrEnum):
    """How the law treats a personal data category."""

    ORDINARY = "ordinary"
    SPECIAL = "special"
    """Art. 9(1)."""
    CRIMINAL = "criminal"
    """Art. 10."""
    NATIONAL_ID = "national_id"
    """personopplysningsloven § 12."""


class DataCategory(_Model):
    """A category of personal data (Art. 30(1)(c))."""

    id: Id
    name: Text
    kind: DataKind = DataKind.ORDINARY
    description: Text | None = None
    logs: bool = False
    """Crash reports, error reports or logs: personal data in them should be minimised."""


class SubjectCategory(_Model):
    """A category of data subjects (Art. 30(1)(c))."""

    id: Id
    name: Text
    description: Text | None = None
    vulnerable: bool = False
    """Children, employees, patients: an EDPB DPIA criterion."""
    relationship: Literal["employee", "applicant"] | None = None
    """A dependency on the organisation that makes consent rarely free (Art. 7(4))."""


# --------------------------------------------------------------------------- legal bases


class LegalSource(_Model):
    """A statute and section, e.g. bokføringsloven § 13."""

    statute: NonEmpty
    section: NonEmpty
    url: AnyUrl | None = None
    period: Duration | None = None
    """The retention period the provision sets, if it sets one (rule 33 compares)."""

    def __str__(self) -> str:
        return f"{self.statute} {self.section}"


class Consent(_Model):
    """Art. 6(1)(a)."""

    basis: Literal["consent"]
    collection: Text | Unknown
    """How consent is asked for."""
    withdrawal: Text | Unknown
    """How consent is withdrawn; must be as easy as giving it (Art. 7(3))."""
    proof: str | Unknown | None = _internal("Where proof of consent is kept (Art. 7(1)).")
    deleted_on_withdrawal: bool | Unknown = "unknown"


class Contract(_Model):
    """Art. 6(1)(b)."""

    basis: Literal["contract"]
    contract: Text
    """Which contract, or the steps before entering into it."""


class LegalObligation(_Model):
    """Art. 6(1)(c)."""

    basis: Literal["legal_obligation"]
    source: LegalSource | Unknown


class VitalInterest(_Model):
    """Art. 6(1)(d)."""

    basis: Literal["vital_interest"]
    explanation: Text


class PublicTask(_Model):
    """Art. 6(1)(e)."""

    basis: Literal["public_task"]
    source: LegalSource | Unknown
    right_to_object: Text | None = None


class BalancingTest(_Model):
    """The legitimate interest assessment (LIA), kept internal."""

    reference: NonEmpty
    date: _dt.date | None = None


class LegitimateInterest(_Model):
    """Art. 6(1)(f)."""

    basis: Literal["legitimate_interest"]
    interest: Text | Unknown
    """The interest pursued; it must be told to data subjects (Art. 13(1)(d))."""
    balancing_test: BalancingTest | Unknown | None = Field(
        default=None, json_schema_extra={"x-internal": True}
    )
    right_to_object: Text | None = None
    """How the data subject objects (Art. 21)."""


LegalBasis = Annotated[
    Consent | Contract | LegalObligation | VitalInterest | PublicTask | LegitimateInterest,
    Field(discriminator="basis"),
]


class Purpose(_Model):
    """One purpose with exactly one Art. 6(1) legal basis."""

    id: Id
    description: Text
    legal_basis: LegalBasis | Unknown
    direct_marketing: bool = False
    """Marketing addressed to a person; gives an unconditional right to object (Art. 21(2))."""
    electronic_marketing: bool = False
    """Marketing by e-mail or SMS to natural persons (markedsføringsloven § 15)."""
    existing_customer_exception: bool = False
    """markedsføringsloven § 15 second paragraph: similar products to existing customers."""


# --------------------------------------------------------------------------- activities


class Role(StrEnum):
    """The organisation's role in an activity."""

    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint_controller"
    PROCESSOR = "processor"


class ProcessorDetails(_Model):
    """What Art. 30(2) needs when the organisation is a processor."""

    controllers: Text
    """The controllers, or their category, on whose behalf it processes."""
    agreement: Text
    """The data processing agreement with them."""
    processing_categories: tuple[Text, ...] = Field(min_length=1)


class DataSource(_Model):
    """Where the data comes from; another source triggers Art. 14."""

    kind: Literal["data_subject", "other"]
    description: Text


class Recipients(_Model):
    """Who receives the data (Art. 30(1)(d))."""

    processors: tuple[Id, ...] = ()
    """Processors (or, for processor activities, sub-processors) engaged directly."""
    controllers: tuple[Id, ...] = ()
    """Independent controllers that receive the data for their own purposes."""
    authorities: tuple[Id, ...] = ()
    """Public authorities a law requires disclosure to."""


class Trigger(StrEnum):
    """The event a retention period counts from."""

    COLLECTION = "collection"
    END_OF_CONTRACT = "end_of_contract"
    """The contract and all obligations under it are fulfilled."""
    TERMINATION = "termination"
    """The customer terminates the subscription."""
    LAST_CONTACT = "last_contact"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    RECRUITMENT_CLOSED = "recruitment_closed"
    END_OF_FINANCIAL_YEAR = "end_of_financial_year"
    PURPOSE_FULFILLED = "purpose_fulfilled"


class Duration(_Model):
    """A period of years, months and days."""

    years: int = Field(default=0, ge=0)
    months: int = Field(default=0, ge=0)
    days: int = Field(default=0, ge=0)

    def in_days(self) -> int:
        """Approximate length, for comparisons only."""
        return self.years * 365 + self.months * 30 + self.days


class RetentionRule(_Model):
    """When data is erased or anonymised (Art. 5(1)(e), 30(1)(f))."""

    categories: tuple[Id, ...] = ()
    """Data categories the rule covers; empty means the whole activity."""
    duration: Duration | Unknown | Literal["until_consent_withdrawn"]
    trigger: Trigger | Unknown | None = None
    action: Literal["delete", "anonymise", "delete_or_anonymise"] = "delete"
    legal_source: LegalSource | None = None
    description: Text
    """How the notice states the rule."""


class DpiaCriterion(StrEnum):
    """The nine EDPB (WP248) criteria."""

    EVALUATION_SCORING = "evaluation_scoring"
    AUTOMATED_DECISIONS = "automated_decisions"
    SYSTEMATIC_MONITORING = "systematic_monitoring"
    SENSITIVE_DATA = "sensitive_data"
    LARGE_SCALE = "large_scale"
    MATCHING_DATASETS = "matching_datasets"
    VULNERABLE_SUBJECTS = "vulnerable_subjects"
    INNOVATIVE_TECHNOLOGY = "innovative_technology"
    PREVENTS_RIGHTS = "prevents_rights"


class Dpia(_Model):
    """DPIA screening and status (Art. 35)."""

    criteria: tuple[DpiaCriterion, ...] = ()
    datatilsynet_list_items: tuple[Annotated[int, Field(ge=1, le=14)], ...] = ()
    """Items of Datatilsynet's list of processing that always requires a DPIA."""
    status: Literal["not_required", "required", "done"] | Unknown
    reference: str | None = _internal("Where the DPIA is kept.")
    date: _dt.date | None = None


class AutomatedDecisions(_Model):
    """Art. 22 automated decisions or profiling."""

    used: bool
    logic: Text | None = None


class Requirement(_Model):
    """Art. 13(2)(e): whether the data must be provided, and what happens if not."""

    required: Literal["statutory", "contractual", "contract_entry", "voluntary"]
    consequences: Text


class Activity(_Model):
    """One processing activity: one line of the Art. 30 record."""

    id: Id
    name: Text
    description: Text
    role: Role
    joint_controllers: tuple[Id, ...] = ()
    arrangement: Text | None = None
    """The essence of the Art. 26 arrangement, for joint-controller activities."""
    processor: ProcessorDetails | None = None
    """Art. 30(2) details, for processor activities."""
    purposes: tuple[Purpose, ...] = ()
    subject_categories: tuple[Id, ...] = ()
    data_categories: tuple[Id, ...] = ()
    special_category_condition: (
        Literal[
            "9(2)(a)",
            "9(2)(b)",
            "9(2)(c)",
            "9(2)(d)",
            "9(2)(e)",
            "9(2)(f)",
            "9(2)(g)",
            "9(2)(h)",
            "9(2)(i)",
            "9(2)(j)",
        ]
        | None
    ) = None
    """The Art. 9(2) condition for special category data."""
    criminal_data_basis: Text | None = None
    """The Art. 10 basis: the law authorising processing of criminal data."""
    national_id_justification: Text | None = None
    """personopplysningsloven § 12."""
    sources: tuple[DataSource, ...] | Unknown = ()
    requirement: Requirement | Unknown | None = None
    automated_decisions: AutomatedDecisions | Unknown | None = None
    recipients: Recipients | Literal["none"] | Unknown
    retention: tuple[RetentionRule, ...] | Unknown = ()
    security_measures: tuple[Id, ...] = ()
    dpia: Dpia | None = None
    owner: str | None = _internal("Who answers for this activity.")
    notes: str | None = _internal("Internal notes for auditors.")

    def legal_bases(self) -> list[LegalBasis | Unknown]:
        """The basis of each purpose, in order."""
        return [p.legal_basis for p in self.purposes]


# --------------------------------------------------------------------------- parties


class PartyRole(StrEnum):
    """What a party is to the organisation."""

    PROCESSOR = "processor"
    SUB_PROCESSOR = "sub_processor"
    CONTROLLER = "controller"
    """An independent controller that receives data."""
    JOINT_CONTROLLER = "joint_controller"
    AUTHORITY = "authority"
    CUSTOMER = "customer"
    """The controllers the organisation processes for."""


class Adequacy(_Model):
    """Art. 45: an adequacy decision covers the country."""

    mechanism: Literal["adequacy"]


class DataPrivacyFramework(_Model):
    """Art. 45: the US recipient is certified under the EU-US Data Privacy Framework."""

    mechanism: Literal["dpf"]
    entry: str | Unknown = "unknown"
    """The DPF list entry of the certified organisation."""


class StandardContractualClauses(_Model):
    """Art. 46(2)(c): Commission Implementing Decision (EU) 2021/914."""

    mechanism: Literal["scc"]
    module: Literal[1, 2, 3, 4] | Unknown = "unknown"
    tia: str | Unknown | None = Field(default=None, json_schema_extra={"x-internal": True})
    """Reference to the transfer impact assessment."""


class BindingCorporateRules(_Model):
    """Art. 47."""

    mechanism: Literal["bcr"]
    reference: str | None = None


class Derogation(_Model):
    """Art. 49(1): only for occasional transfers."""

    mechanism: Literal["derogation"]
    point: Literal["a", "b", "c", "d", "e", "f", "g"]
    occasional: bool


TransferMechanism = Annotated[
    Adequacy
    | DataPrivacyFramework
    | StandardContractualClauses
    | BindingCorporateRules
    | Derogation,
    Field(discriminator="mechanism"),
]


class PartyLocation(_Model):
    """A country where a party processes data or from where it can access it."""

    country: CountryCode
    access: Literal["storage", "processing", "support", "parent"] = "processing"
    mechanism: TransferMechanism | Unknown | None = None
    """Needed for every country outside the EEA."""


class DataProcessingAgreement(_Model):
    """Art. 28(3) agreement; its details are kept internal."""

    reference: NonEmpty | Unknown = Field(json_schema_extra={"x-internal": True})
    signed: _dt.date | Unknown | None = Field(default=None, json_schema_extra={"x-internal": True})


class Authorisation(_Model):
    """How the controller authorised a sub-processor (Art. 28(2))."""

    kind: Literal["specific", "general"]
    notice_of_changes: Text | None = None
    """For general authorisation: how controllers are told and may object."""


class Party(_Model):
    """Another organisation that receives or processes personal data."""

    id: Id
    legal_name: NonEmpty | Unknown
    trade_name: NonEmpty
    """The name people know; shown in the notice."""
    shown_as: Text | None = None
    """A name that depends on the language, for a category of recipients rather than a
    company (e.g. "benefits-programme partners"); ``trade_name`` is shown otherwise."""
    role: PartyRole
    website: AnyUrl | None = None
    service: Text
    """What the party does for the organisation."""
    locations: tuple[PartyLocation, ...] | Unknown
    parent_country: CountryCode | None = None
    """Country of the parent company, relevant for government access."""
    dpa: DataProcessingAgreement | None = None
    engaged_by: Id | None = None
    """For sub-processors: the processor (or the organisation) that engaged it."""
    authorisation: Authorisation | Unknown | None = None
    advertising_platform: bool = False
    """Sets pixels or social plugins on the organisation's site (CJEU C-40/17)."""
    owner: str | None = _internal("Who manages the relationship.")
    notes: str | None = _internal("Internal notes for auditors.")

    def name_in(self, lang: str) -> str:
        """The name to show people reading ``lang``."""
        if self.shown_as is not None:
            return self.shown_as.get(lang) or self.trade_name
        return self.trade_name


# --------------------------------------------------------------------------- cookies


class CookieCategory(StrEnum):
    """ekomloven § 3-15 categories."""

    STRICTLY_NECESSARY = "strictly_necessary"
    PREFERENCES = "preferences"
    STATISTICS = "statistics"
    MARKETING = "marketing"


class Cookie(_Model):
    """A cookie or similar technology (local storage, pixel, SDK)."""

    id: Id
    name: NonEmpty | Unknown
    provider: Id
    """The party that sets it, or the organisation's own id."""
    first_party: bool
    purpose: Text
    category: CookieCategory
    uses: tuple[
        Literal[
            "functionality",
            "statistics",
            "analytics",
            "marketing",
            "improvement",
            "security",
            "consent",
            "session",
        ],
        ...,
    ] = ()
    """What the cookie is actually used for; rule 40 compares it with the category."""
    lifetime: Duration | Literal["session"] | Unknown
    consent_before_set: bool
    activity: Id


# --------------------------------------------------------------------------- waivers


class Waiver(_Model):
    """A finding the organisation accepts for now; it stays visible, marked waived."""

    rule: NonEmpty
    """Rule id, e.g. "R10" or its name."""
    entity: Id | None = None
    """Limit the waiver to one entity; None waives the rule everywhere."""
    reason: NonEmpty
    approved_by: NonEmpty
    expires: _dt.date


# --------------------------------------------------------------------------- files


_SCHEMA_NAME = "holte-ropa registry file"


class RegistryFile(_Model):
    """One YAML file of a registry folder. Any file may hold any section."""

    model_config = ConfigDict(title=_SCHEMA_NAME)

    organisation: Organisation | None = None
    activities: tuple[Activity, ...] = ()
    parties: tuple[Party, ...] = ()
    data_categories: tuple[DataCategory, ...] = ()
    subject_categories: tuple[SubjectCategory, ...] = ()
    security_measures: tuple[SecurityMeasure, ...] = ()
    cookies: tuple[Cookie, ...] = ()
    waivers: tuple[Waiver, ...] = ()


class RegistryData(_Model):
    """A whole registry merged from its files: what a JSON dump holds."""

    organisation: Organisation
    activities: tuple[Activity, ...] = ()
    parties: tuple[Party, ...] = ()
    data_categories: tuple[DataCategory, ...] = ()
    subject_categories: tuple[SubjectCategory, ...] = ()
    security_measures: tuple[SecurityMeasure, ...] = ()
    cookies: tuple[Cookie, ...] = ()
    waivers: tuple[Waiver, ...] = ()


def internal_field_names() -> frozenset[tuple[str, str]]:
    """(model name, field name) of every field marked internal, for renderers and tests."""
    found: set[tuple[str, str]] = set()
    for model in _Model.__subclasses__():
        for name, info in model.model_fields.items():
            extra = info.json_schema_extra
            if isinstance(extra, dict) and extra.get("x-internal"):
                found.add((model.__name__, name))
    return frozenset(found)
