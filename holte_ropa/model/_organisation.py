"""The organisation behind the record: controller, DPO, authority, rights, notice.

GDPR Art. 13(1)(a)-(b) and Art. 30(1)(a).
"""

from __future__ import annotations

import datetime as _dt
from enum import StrEnum
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AnyUrl,
    Field,
    StrictBool,
    StringConstraints,
    field_validator,
    model_validator,
)

from holte_ropa.model._base import (
    UNKNOWN_OVER_TEXT,
    CountryCode,
    Email,
    Id,
    NonEmpty,
    Text,
    Unknown,
    _internal,
    _Model,
    is_unknown,
)

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
    """Street or post box lines, e.g. "Postboks 12"."""
    postal_code: NonEmpty
    city: NonEmpty
    country: CountryCode = "NO"

    @model_validator(mode="after")
    def _known_parts(self) -> Address:
        # "unknown, unknown unknown" is no address: the whole address is unknown instead.
        if any(
            part.strip().lower() == "unknown" for part in (*self.lines, self.postal_code, self.city)
        ):
            raise ValueError(
                "the parts of an address cannot be unknown; write {field}: unknown "
                "when the address is not known"  # the loader names the field
            )
        return self


class Dpo(_Model):
    """The data protection officer (personvernombud), or why none is appointed (Art. 37)."""

    appointed: StrictBool
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
    version: Annotated[NonEmpty | Unknown, UNKNOWN_OVER_TEXT]
    last_changed: _dt.date | Unknown
    change_announcement: Text | Unknown
    """How changes to the notice are announced to data subjects; ``unknown`` until the
    organisation has decided (rule R46)."""
    history: tuple[NoticeChange, ...] = ()
    history_since: _dt.date | None = None
    """The first day whose registry changes the published history tells. Commits before it
    wrote or corrected the record (a category that never was processed, a country that
    was assumed): published as changes they would tell people that the processing
    changed when only the record did. Without it, every commit is told."""


class Right(StrEnum):
    """A data subject right (Art. 15-22, 7(3), 77).

    ``automated_decisions`` is the right not to be subject to a decision based solely on
    automated processing, including profiling, with legal or similarly significant
    effects (Art. 22(1)).
    """

    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    OBJECTION = "objection"
    PORTABILITY = "portability"
    AUTOMATED_DECISIONS = "automated_decisions"
    WITHDRAW_CONSENT = "withdraw_consent"
    COMPLAINT = "complaint"


class Rights(_Model):
    """Which rights the notice describes and how they are exercised (Art. 12-22)."""

    applicable: tuple[Right, ...] = Field(min_length=1)
    how_to_exercise: Text | Unknown
    """How people use their rights (Art. 12(2)); ``unknown`` until confirmed (rule R46)."""
    response_time: Text | Unknown
    """Art. 12(3): without undue delay and within one month, extendable by two months;
    ``unknown`` until the organisation states it (rule R51)."""


class SecurityMeasure(_Model):
    """A technical or organisational measure (Art. 32)."""

    id: Id
    name: Text
    description: Text | Unknown
    """What the measure does; ``unknown`` when the source names it only."""
    public: StrictBool = True
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
            "guarantees-lawful-processing",
            "stores-nothing",
            "none",
        ]
        | None
    ) = None
    """A machine-checkable claim the text makes, if any (rules R38 and R55-R58)."""
    activities: tuple[Id, ...] = ()
    """The activities the promise speaks of; empty: every activity. Rules R56 and R57
    compare the claim with these activities only."""


PrimaryColour = Literal["indigo", "deep purple", "purple", "blue grey", "brown", "grey"]
"""The primary colours of Material for MkDocs' palette that keep WCAG 2.1 AA contrast
(4.5:1): white header text on them, and links in them on white (indigo 6.9, brown 6.5,
blue grey 5.5, deep purple 5.3, purple 4.8, grey 4.6). The others (teal 3.8, blue 3.2,
amber 1.6, ...) fail, so they are refused rather than published."""


class SiteColours(_Model):
    """The website's colours, from Material for MkDocs' palette."""

    primary: PrimaryColour = "indigo"
    """Header, navigation and links; the accent (hover) stays indigo."""


class SiteSettings(_Model):
    """How the published website is named, where it lives and how it looks; all optional.

    Used by the MkDocs configuration that ships in the package (``holte-ropa build``
    without ``--mkdocs-config``); an own ``mkdocs.yml`` still gets the name, base URL and
    logo unless it sets its own.
    """

    name: NonEmpty | None = None
    """The site's name (page titles, header); default: the trade name, else the legal name."""
    url: AnyUrl | None = None
    """The address the site is published at, e.g. https://personvern.example.no/ (MkDocs'
    ``site_url``: canonical links and the sitemap)."""
    logo: (
        Annotated[
            str,
            StringConstraints(pattern=r"(?i)^[^\\:]+\.(svg|png|jpe?g|webp)$"),
        ]
        | None
    ) = None
    """An image file (svg, png, jpg or webp) relative to the file holding the organisation
    and below its folder, e.g. ``logo.svg``; shown in the header instead of the theme's
    icon. At most 1 MiB; an SVG must hold no script (the site serves it as it is)."""
    colours: SiteColours | None = None

    @field_validator("logo")
    @classmethod
    def _below_the_folder(cls, value: str | None) -> str | None:
        if value is not None and (value.startswith("/") or ".." in value.split("/")):
            raise ValueError(
                f"'{value}' leaves the folder of this file; give a path below it, e.g. logo.svg"
            )
        return value


class Organisation(_Model):
    """The controller keeping the record (Art. 30(1)(a), 13(1)(a)-(b))."""

    id: Id
    legal_name: NonEmpty
    trade_name: str | None = None
    org_number: Annotated[str, StringConstraints(pattern=r"^\d{9}$")] | Unknown
    """Norwegian organisation number, 9 digits with a MOD11 check digit."""
    country: CountryCode = "NO"
    postal_address: Address | Unknown
    """Where letters reach the controller (Art. 13(1)(a)); ``unknown`` until confirmed
    (rule R01), never ``lines: [unknown]``."""
    visiting_address: Address | Unknown | None = None
    phone: NonEmpty | None = None
    email: Email | Unknown
    website: AnyUrl | Unknown
    privacy_contact: Email | Unknown
    """Where data subjects send rights requests; ``unknown`` until confirmed (rule R01)."""
    dpo: Dpo | Unknown
    eu_representative: Text | None = None
    """Only needed for controllers outside the EU/EEA (Art. 27)."""
    supervisory_authority: SupervisoryAuthority | Unknown
    """``unknown`` until confirmed (an import: a record of processing does not name it);
    nothing names an authority the record does not have."""
    notice: NoticeMeta
    rights: Rights
    security_summary: Text | Unknown
    """The public description of how data is secured; ``unknown`` until the organisation
    has written it (rule R46)."""
    complaints: Text | Unknown
    """What the notice says about complaints, to the organisation and to the authority;
    ``unknown`` until confirmed (rule R46). The right to complain to the supervisory
    authority (Art. 77) is stated whatever this says."""
    safeguards_copy: Text | None = None
    """How people get a copy of the safeguards for transfers outside the EEA (Art. 13(1)(f))."""
    promises: tuple[Promise, ...] = ()
    site: SiteSettings | None = None
    """Settings of the published website: name, base URL, logo, colours."""
    time_zone: NonEmpty = "Europe/Oslo"
    """IANA time zone in which dates and deadlines are shown, e.g. the 72-hour breach
    notification deadline of GDPR Art. 33(1)."""
    owner: str | None = _internal("Who keeps the record up to date.")
    notes: str | None = _internal("Internal notes for auditors.")
    reference_checked: _dt.date | None = _internal(
        "The day someone confirmed that holte-ropa's dated reference data (EEA, adequacy "
        "decisions, DPIA list) still holds; rule R49 counts from it when it is later."
    )

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"'{value}' is not an IANA time zone; write one such as Europe/Oslo"
            ) from None
        return value

    @field_validator("org_number")
    @classmethod
    def _mod11(cls, value: str | Unknown) -> str | Unknown:
        if not is_unknown(value) and not _mod11_ok(value):
            raise ValueError(f"organisation number {value} fails the MOD11 check digit")
        return value
