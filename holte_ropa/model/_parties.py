"""Parties, transfer mechanisms, cookies and waivers.

GDPR Art. 28 and Art. 44-49; ekomloven § 3-15.
"""

from __future__ import annotations

import datetime as _dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AnyUrl,
    Field,
    StrictBool,
    StringConstraints,
)

from holte_ropa.model._activities import Duration, _review_by
from holte_ropa.model._base import (
    UNKNOWN,
    UNKNOWN_OVER_TEXT,
    CountryCode,
    Id,
    NonEmpty,
    Text,
    Unknown,
    _internal,
    _Model,
)

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
    scope: Text | None = None
    """Why the recipient falls within a decision that covers only part of the country
    (Canada: commercial organisations subject to PIPEDA; Japan: the private sector)."""


class DataPrivacyFramework(_Model):
    """Art. 45: the US recipient is certified under the EU-US Data Privacy Framework."""

    mechanism: Literal["dpf"]
    entry: Annotated[str | Unknown, UNKNOWN_OVER_TEXT] = UNKNOWN
    """The DPF list entry of the certified organisation."""


class StandardContractualClauses(_Model):
    """Art. 46(2)(c): Commission Implementing Decision (EU) 2021/914."""

    mechanism: Literal["scc"]
    module: Literal[1, 2, 3, 4] | Unknown = UNKNOWN
    tia: Annotated[str | Unknown | None, UNKNOWN_OVER_TEXT] = Field(
        default=None, json_schema_extra={"x-internal": True}
    )
    """Reference to the transfer impact assessment."""
    tia_review_by: _dt.date | Unknown | None = _review_by("transfer impact assessment")


class BindingCorporateRules(_Model):
    """Art. 47."""

    mechanism: Literal["bcr"]
    reference: str | None = None


class Derogation(_Model):
    """Art. 49(1): only for occasional transfers."""

    mechanism: Literal["derogation"]
    point: Literal["a", "b", "c", "d", "e", "f", "g"]
    occasional: StrictBool


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


class InternationalOrganisation(_Model):
    """The party is an international organisation (GDPR Art. 4(26)).

    Data sent to it is a transfer under Chapter V wherever its premises are, even inside
    the EEA (Art. 44), so the mechanism is recorded here rather than per location.
    """

    code: NonEmpty
    """Its short code in holte-ropa's reference data, e.g. ``EPO`` for the European Patent
    Organisation; rule R70 looks its adequacy decision up by it."""
    mechanism: TransferMechanism | Unknown | None = None
    """The transfer mechanism (Art. 45-49); rule R70 asks for it."""


class DataProcessingAgreement(_Model):
    """Art. 28(3) agreement; its details are kept internal."""

    reference: Annotated[NonEmpty | Unknown, UNKNOWN_OVER_TEXT] = Field(
        json_schema_extra={"x-internal": True}
    )
    signed: _dt.date | Unknown | None = Field(default=None, json_schema_extra={"x-internal": True})
    review_by: _dt.date | Unknown | None = _review_by("data processing agreement")


class Authorisation(_Model):
    """How the controller authorised a sub-processor (Art. 28(2))."""

    kind: Literal["specific", "general"]
    notice_of_changes: Text | None = None
    """For general authorisation: how controllers are told and may object."""


class Party(_Model):
    """Another organisation that receives or processes personal data."""

    id: Id
    legal_name: Annotated[NonEmpty | Unknown, UNKNOWN_OVER_TEXT]
    trade_name: NonEmpty
    """The name people know; shown in the notice."""
    shown_as: Text | None = None
    """A name that depends on the language, for a category of recipients rather than a
    company (e.g. "partners who give quotes"); ``trade_name`` is shown otherwise."""
    role: PartyRole | Unknown
    """What the party is to the organisation; ``unknown`` when the source names a
    recipient without saying whether it processes for the organisation or receives the
    data for its own purposes (rule R46 reports it)."""
    website: AnyUrl | None = None
    contact: Annotated[NonEmpty | Unknown, UNKNOWN_OVER_TEXT] | None = None
    """Contact details (address, e-mail or privacy contact page); the record of a joint
    controller's activities must give them (Art. 30(1)(a)); rule R09 asks for them."""
    service: Text | Unknown
    """What the party does for the organisation; ``unknown`` when the source names the
    party only."""
    locations: tuple[PartyLocation, ...] | Unknown
    international_organisation: InternationalOrganisation | None = None
    """Set when the party is an international organisation (Art. 4(26), 44)."""
    parent_country: CountryCode | None = None
    """Country of the parent company, relevant for government access."""
    dpa: DataProcessingAgreement | None = None
    engaged_by: Id | None = None
    """For sub-processors: the processor (or the organisation) that engaged it."""
    authorisation: Authorisation | Unknown | None = None
    advertising_platform: StrictBool = False
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
    name: Annotated[NonEmpty | Unknown, UNKNOWN_OVER_TEXT]
    provider: Id
    """The party that sets it, or the organisation's own id."""
    first_party: StrictBool
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
    consent_before_set: StrictBool
    activity: Id


# --------------------------------------------------------------------------- waivers


class Waiver(_Model):
    """A finding the organisation accepts for now; it stays visible, marked waived."""

    rule: NonEmpty
    """Rule id, e.g. "R10" or its name."""
    entity: Id | None = None
    """The entity whose finding is accepted: an activity, party, cookie... or the
    organisation's own id for a finding about the organisation. None waives the rule
    everywhere."""
    field: (
        Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]*(\.([a-z_][a-z0-9_]*|\d+))*$")]
        | None
    ) = None
    """Narrows the waiver to the finding at this field of the entity, a dotted path as
    in the schema with list positions from 0 (``purposes.0.legal_basis``); a finding of
    the same rule at another field is not waived."""
    reason: NonEmpty
    approved_by: NonEmpty
    expires: _dt.date
