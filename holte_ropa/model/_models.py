"""Typed model of a record of processing activities (GDPR Art. 30).

The models are strict on purpose: a privacy officer's typo must never be silently
dropped, so every model forbids unknown keys, and references between entities are plain
ids that the :class:`~holte_ropa.model._registry.Registry` resolves and checks.

Facts that are not yet confirmed are written ``unknown`` in YAML; the model keeps them as
the marker ``UNKNOWN`` so that rules can ask for them instead of the record inventing an
answer.

Fields whose JSON Schema carries ``"x-internal": true`` belong to the record kept for
auditors and must never be published (see :func:`internal_field_names`).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
)
from pydantic_core import PydanticCustomError

from holte_ropa.model._activities import (
    Activity,
    AutomatedDecisions,
    BalancingTest,
    Consent,
    Contract,
    DataCategory,
    DataKind,
    DataSource,
    Dpia,
    DpiaCriterion,
    Duration,
    LegalBasis,
    LegalObligation,
    LegalSource,
    LegitimateInterest,
    ProcessorDetails,
    PublicTask,
    Purpose,
    Recipients,
    Requirement,
    RetentionRule,
    Role,
    SubjectCategory,
    Trigger,
    VitalInterest,
    VolumeEstimate,
)
from holte_ropa.model._base import (
    UNKNOWN,
    CountryCode,
    Email,
    Id,
    NonEmpty,
    Text,
    Unknown,
    _Model,
    is_unknown,
    known,
)
from holte_ropa.model._breaches import Breach, BreachNotification
from holte_ropa.model._organisation import (
    Address,
    Dpo,
    NoticeChange,
    NoticeMeta,
    Organisation,
    Promise,
    Right,
    Rights,
    SecurityMeasure,
    SiteColours,
    SiteSettings,
    SupervisoryAuthority,
)
from holte_ropa.model._parties import (
    Adequacy,
    Authorisation,
    BindingCorporateRules,
    Cookie,
    CookieCategory,
    DataPrivacyFramework,
    DataProcessingAgreement,
    Derogation,
    InternationalOrganisation,
    Party,
    PartyLocation,
    PartyRole,
    StandardContractualClauses,
    TransferMechanism,
    Waiver,
)

__all__ = [
    "UNKNOWN",
    "Activity",
    "Address",
    "Adequacy",
    "Authorisation",
    "AutomatedDecisions",
    "BalancingTest",
    "BindingCorporateRules",
    "Breach",
    "BreachNotification",
    "Consent",
    "Contract",
    "Cookie",
    "CookieCategory",
    "CountryCode",
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
    "Email",
    "Id",
    "InternationalOrganisation",
    "LegalBasis",
    "LegalObligation",
    "LegalSource",
    "LegitimateInterest",
    "NonEmpty",
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
    "Requirement",
    "RetentionRule",
    "Right",
    "Rights",
    "Role",
    "SecurityMeasure",
    "SiteColours",
    "SiteSettings",
    "StandardContractualClauses",
    "SubjectCategory",
    "SupervisoryAuthority",
    "Text",
    "TransferMechanism",
    "Trigger",
    "Unknown",
    "VitalInterest",
    "VolumeEstimate",
    "Waiver",
    "internal_field_names",
    "is_unknown",
    "known",
]

# --------------------------------------------------------------------------- files


def _cookie_statement(value: Any) -> Any:
    """One clear message for a ``cookies:`` value of none of the three forms.

    An empty list says nothing (was the list forgotten, or does the site set none?), so
    it is refused rather than read as a denial the organisation never made.
    """
    if isinstance(value, list | tuple) and not value:
        raise PydanticCustomError(
            "cookies_empty",
            "an empty list does not say whether the website sets cookies: list them, or "
            "write 'cookies: none' if it sets none (unknown is allowed here)",
        )
    if value is None or value is UNKNOWN or isinstance(value, list | tuple):
        return value
    if value in ("none", "unknown"):
        return value  # None, an empty "cookies:", says nothing either: rule R60 reports it
    shown = (
        f"'{value}'"
        if isinstance(value, str | int | float | bool)
        else "a mapping"
        if isinstance(value, dict)
        else "this"
    )
    raise PydanticCustomError(
        "cookies_form",
        f"{shown} is not a list of cookies; write a list of cookies, or none (the website "
        "sets none), or unknown",
    )


CookieStatement = Annotated[
    tuple[Cookie, ...] | Literal["none"] | Unknown | None,
    BeforeValidator(_cookie_statement),
    Field(
        description="The cookies and similar technology the website sets (ekomloven § 3-15): "
        "a list, or `none` when it sets none, or `unknown`. Left out of every file, the "
        "record does not say (rule R60); it is never read as `none`.",
    ),
]
"""What the registry says about cookies: a list, ``none``, ``unknown``, or nothing (None)."""


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
    cookies: CookieStatement = None
    waivers: tuple[Waiver, ...] = ()
    breaches: tuple[Breach, ...] = Field(
        default=(),
        description="The breach log (GDPR Art. 33(5)); internal, never published.",
    )


class RegistryData(_Model):
    """A whole registry merged from its files: what a JSON dump holds."""

    organisation: Organisation
    activities: tuple[Activity, ...] = ()
    parties: tuple[Party, ...] = ()
    data_categories: tuple[DataCategory, ...] = ()
    subject_categories: tuple[SubjectCategory, ...] = ()
    security_measures: tuple[SecurityMeasure, ...] = ()
    cookies: CookieStatement = None
    waivers: tuple[Waiver, ...] = ()
    breaches: tuple[Breach, ...] = Field(
        default=(),
        description="The breach log (GDPR Art. 33(5)); internal, never published.",
    )


def internal_field_names() -> frozenset[tuple[str, str]]:
    """(model name, field name) of every field marked internal, for renderers and tests."""
    found: set[tuple[str, str]] = set()
    for model in _Model.__subclasses__():
        for name, info in model.model_fields.items():
            extra = info.json_schema_extra
            if isinstance(extra, dict) and extra.get("x-internal"):
                found.add((model.__name__, name))
    return frozenset(found)
