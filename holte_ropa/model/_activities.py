"""Processing activities: purposes, legal bases, retention (GDPR Art. 6, Art. 30(1)(b)-(g))."""

from __future__ import annotations

import datetime as _dt
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AnyUrl,
    Field,
    StrictBool,
)

from holte_ropa.model._base import (
    UNKNOWN,
    UNKNOWN_OVER_TEXT,
    Id,
    NonEmpty,
    Text,
    Unknown,
    _internal,
    _Model,
)


def _review_by(document: str) -> Any:
    """An internal ``review_by`` date: when the document must be reviewed next."""
    return _internal(
        f"When the {document} must be reviewed next (YYYY-MM-DD), or `unknown`; rule R59 "
        "reports it once past, and `holte-ropa due` lists it before."
    )


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
    kind: DataKind | Unknown = DataKind.ORDINARY
    """How the law treats the category; ``unknown`` when the source does not say whether
    it is a special category, criminal offence data or a national identity number (an
    import): rule R46 asks for it, and the breach draft asks the officer to assess it."""
    description: Text | None = None
    logs: StrictBool = False
    """Crash reports, error reports or logs: personal data in them should be minimised."""


class SubjectCategory(_Model):
    """A category of data subjects (Art. 30(1)(c))."""

    id: Id
    name: Text
    description: Text | None = None
    vulnerable: StrictBool = False
    """Children, employees, patients: an EDPB DPIA criterion."""
    relationship: Literal["employee", "applicant", "customer"] | None = None
    """``employee`` or ``applicant``: a dependency on the organisation that makes consent
    rarely free (Art. 4(11), Recital 43). ``customer``: the organisation's existing
    customers (markedsføringsloven § 15 third paragraph)."""


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
    proof: Annotated[str | Unknown | None, UNKNOWN_OVER_TEXT] = _internal(
        "Where proof of consent is kept (Art. 7(1))."
    )
    deleted_on_withdrawal: StrictBool | Unknown = UNKNOWN


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
    review_by: _dt.date | Unknown | None = _review_by("balancing test")


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
    direct_marketing: StrictBool = False
    """Marketing addressed to a person; gives an unconditional right to object (Art. 21(2))."""
    electronic_marketing: StrictBool = False
    """Marketing by e-mail or SMS to natural persons (markedsføringsloven § 15)."""
    existing_customer_exception: StrictBool = False
    """markedsføringsloven § 15 third paragraph: similar products to existing customers."""
    opt_out: Text | Unknown | None = None
    """How the customer was offered a simple, free opt-out when the address was collected,
    and is offered one in every message (markedsføringsloven § 15 third paragraph)."""


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
    controller_register: Annotated[str | Unknown | None, UNKNOWN_OVER_TEXT] = None
    """Where the register naming each controller with contact details is kept, when
    ``controllers`` is a category (Art. 30(2)(a)); rule R09 asks for it."""


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
    unconfirmed: tuple[Id, ...] = ()
    """Recipients whose role is not yet known (their party's ``role: unknown``), e.g.
    from an imported record that names them only."""


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
    action: Literal["delete", "anonymise", "delete_or_anonymise", "return", "delete_or_return"] = (
        "delete"
    )
    """What happens when the period ends. ``return`` and ``delete_or_return`` (at the
    controller's choice) are for processor activities (Art. 28(3)(g))."""
    legal_source: LegalSource | Unknown | None = None
    """The statute that sets or requires the period; ``unknown`` when the source is known
    to exist but not yet named (rule R33)."""
    controller_instruction: Text | None = None
    """Processor activities: the controller's documented instruction this retention
    follows (Art. 28(3)(a), (g)), e.g. the clause of the data processing agreement."""
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
    review_by: _dt.date | Unknown | None = _review_by("DPIA (Art. 35(11))")


class AutomatedDecisions(_Model):
    """Art. 22 automated decisions or profiling, and what the notice must say of them."""

    used: StrictBool
    logic: Text | Unknown | None = None
    """Meaningful information about the logic involved (GDPR Art. 13(2)(f), 14(2)(g)):
    how the decision is reached, in words the person understands."""
    consequences: Text | Unknown | None = None
    """The significance and the envisaged consequences of the processing for the person
    (GDPR Art. 13(2)(f), 14(2)(g)), e.g. what a refusal means and how to contest it."""


class Requirement(_Model):
    """Art. 13(2)(e): whether the data must be provided, and what happens if not."""

    required: Literal["statutory", "contractual", "contract_entry", "voluntary"]
    consequences: Text


class VolumeEstimate(_Model):
    """Roughly how many people and records an activity holds (GDPR Art. 33(3)(a)).

    A breach notification must give "the approximate number of data subjects concerned
    and the approximate number of personal data records concerned"; recording an estimate
    here lets the draft fill it in. Write ``unknown`` where no estimate exists yet.
    """

    subjects: Annotated[int, Field(ge=0)] | Unknown
    """Approximate number of data subjects."""
    records: Annotated[int, Field(ge=0)] | Unknown
    """Approximate number of personal data records."""
    as_of: _dt.date | None = None
    """The day the estimate was made."""


class Activity(_Model):
    """One processing activity: one line of the Art. 30 record."""

    id: Id
    name: Text
    description: Text | Unknown
    """What the activity is; ``unknown`` when the source gives only its name."""
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
    special_category_source: LegalSource | Unknown | None = None
    """The Union or Member State law that points (b), (g), (h), (i) and (j) of Art. 9(2)
    rest on: statute and section."""
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
    volume: VolumeEstimate | None = None
    """Approximate number of data subjects and records, for breach notifications."""
    owner: str | None = _internal("Who answers for this activity.")
    notes: str | None = _internal("Internal notes for auditors.")

    def legal_bases(self) -> list[LegalBasis | Unknown]:
        """The basis of each purpose, in order."""
        return [p.legal_basis for p in self.purposes]
