"""Cookies and similar technology on terminal equipment: ekomloven § 3-15.

Storing or reading anything on a user's device needs consent of GDPR quality unless it is
strictly necessary for the service the user asked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._models import CookieCategory, is_unknown
from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry

NOT_STRICTLY_NECESSARY = frozenset({"statistics", "analytics", "marketing", "improvement"})
"""Uses that never make a cookie strictly necessary, whatever its category says."""

_ACTIVITY = """\
activities:
  - id: website
    name: {nb: Nettsiden, en: The website}
    description: {nb: Vi driver nettsiden., en: We run the website.}
    role: controller
    recipients: none
"""

_STATS = (
    _ACTIVITY
    + """\
cookies:
  - id: visits
    name: _visits
    provider: acme
    first_party: true
    purpose: {nb: Telle besøk, en: Count visits}
    uses: [statistics]
    lifetime: {months: 13}
    activity: website
"""
)


@rule(
    id="R39",
    name="cookie-without-consent",
    severity=Severity.ERROR,
    references=("ekomloven § 3-15", "GDPR Art. 4(11)", "GDPR Art. 7"),
    summary="A cookie that is not strictly necessary is set without prior consent.",
    rationale=(
        "ekomloven § 3-15 allows storing or reading information on a user's device without "
        "consent only when it is strictly necessary to deliver the service the user asked "
        "for. Preference, statistics and marketing cookies need consent of GDPR quality "
        "before they are set, not an opt-out afterwards."
    ),
    fix="Ask for consent before the cookie is set and record `consent_before_set: true`.",
    bad=_STATS + "    category: statistics\n    consent_before_set: false  # <-\n",
    good=_STATS + "    category: statistics\n    consent_before_set: true\n",
)
def cookie_without_consent(registry: Registry, context: Context) -> Iterator[Hit]:
    for cookie in registry.cookies.values():
        if cookie.category is CookieCategory.STRICTLY_NECESSARY or cookie.consent_before_set:
            continue
        yield Hit(
            cookie.id,
            ("consent_before_set",),
            Words(
                en=f"the {cookie.category.value} cookie '{cookie.id}' is set without prior consent",
                nb=f"informasjonskapselen '{cookie.id}' ({cookie.category.value}) settes uten "
                "forhåndssamtykke",
            ),
        )


_USES = {
    "functionality": Words(en="functionality", nb="funksjonalitet"),
    "statistics": Words(en="statistics", nb="statistikk"),
    "analytics": Words(en="analytics", nb="analyse"),
    "marketing": Words(en="marketing", nb="markedsføring"),
    "improvement": Words(en="improvement", nb="forbedring"),
    "security": Words(en="security", nb="sikkerhet"),
    "consent": Words(en="consent", nb="samtykke"),
    "session": Words(en="session", nb="økt"),
}
"""A cookie's recorded uses, as a message says them in each language."""


@rule(
    id="R40",
    name="not-strictly-necessary",
    severity=Severity.ERROR,
    references=(
        "ekomloven § 3-15 second paragraph",
        "Article 29 Working Party Opinion 04/2012 on Cookie Consent Exemption (WP194)",
    ),
    summary="A cookie marked strictly necessary is used for statistics, marketing or improvement.",
    rationale=(
        "A cookie is strictly necessary only if the service the user asked for cannot work "
        'without it. Statistics, analytics, marketing and "improving the site" serve the '
        "organisation, not the user's request, so a cookie used for any of them needs "
        "consent, whatever it is called (ekomloven § 3-15 second paragraph; the criteria for "
        "the exemption are those of the Article 29 Working Party's Opinion 04/2012 on cookie "
        "consent exemption, WP194, which excludes analytics and advertising cookies). The "
        "check compares the recorded `uses` with the category."
    ),
    fix=(
        "Move the cookie to the category of its real use and ask for consent, or stop the "
        "non-necessary use."
    ),
    bad=_STATS + "    category: strictly_necessary  # <-\n    consent_before_set: false\n",
    good=_STATS + "    category: statistics\n    consent_before_set: true\n",
)
def not_strictly_necessary(registry: Registry, context: Context) -> Iterator[Hit]:
    for cookie in registry.cookies.values():
        if cookie.category is not CookieCategory.STRICTLY_NECESSARY:
            continue
        extra = [use for use in cookie.uses if use in NOT_STRICTLY_NECESSARY]
        if extra:
            uses = ", ".join(extra)
            uses_nb = ", ".join(_USES[use].nb if use in _USES else use for use in extra)
            yield Hit(
                cookie.id,
                ("category",),
                Words(
                    en=f"the cookie '{cookie.id}' is marked strictly necessary but is used for "
                    f"{uses}",
                    nb=f"informasjonskapselen '{cookie.id}' er merket strengt nødvendig, men "
                    f"brukes til {uses_nb}",
                ),
            )


_ADNET = """\
parties:
  - id: adnet
    legal_name: Adnet Ireland Ltd
    trade_name: Adnet
    role: joint_controller
    service: {nb: Annonsenettverk, en: Ad network}
    locations: [{country: IE}]
"""

_JOINT = """\
    joint_controllers: [adnet]
    arrangement: {nb: Felles ansvar for innsamlingen, en: Joint responsibility for collection}
    recipients: none
"""

_PIXEL = """\
cookies:
  - id: ad-pixel
    name: _adp
    provider: adnet{mark}
    first_party: false
    purpose: {{nb: Måle annonser, en: Measure ads}}
    category: marketing
    uses: [marketing]
    lifetime: {{months: 3}}
    consent_before_set: true
    activity: website
"""


@rule(
    id="R41",
    name="marketing-cookie-provider-unknown",
    severity=Severity.WARNING,
    references=(
        "ekomloven § 3-15",
        "GDPR Art. 13(1)(e)",
        "GDPR Art. 13(1)(f)",
        "CJEU C-673/17 Planet49",
        "CJEU C-40/17",
    ),
    summary="A third-party marketing cookie has no named provider party with transfer data.",
    rationale=(
        "Consent to a third-party marketing cookie is informed only if people learn who "
        "sets it and where their data goes (CJEU C-673/17 Planet49; C-40/17 Fashion ID). "
        "The notice can say so only if the cookie names its provider as a party, the "
        "cookie's activity reaches that party (so its transfers are computed), and the "
        "party's countries are known."
    ),
    fix=(
        "Record the provider under `parties:` with its `locations:`, set `provider:` to it, "
        "and list it among the activity's recipients or joint controllers."
    ),
    bad=_ACTIVITY + _ADNET + _PIXEL.format(mark="  # <-"),
    good=_ACTIVITY.replace("    recipients: none\n", _JOINT) + _ADNET + _PIXEL.format(mark=""),
)
def marketing_cookie_provider_unknown(registry: Registry, context: Context) -> Iterator[Hit]:
    reached: dict[str, set[str]] = {}
    for cookie in registry.cookies.values():
        if cookie.first_party or not (
            cookie.category is CookieCategory.MARKETING or "marketing" in cookie.uses
        ):
            continue
        c, provider = cookie.id, cookie.provider
        party = registry.parties.get(provider)
        if party is None:
            yield Hit(
                c,
                ("provider",),
                Words(
                    en=f"the third-party marketing cookie '{c}' names no provider party",
                    nb=f"tredjeparts markedsføringskapselen '{c}' oppgir ingen leverandør",
                ),
            )
            continue
        if cookie.activity not in reached:
            activity = registry.activities[cookie.activity]
            reached[cookie.activity] = {p for p, _ in registry.parties_of(activity)}
        if provider not in reached[cookie.activity]:
            yield Hit(
                c,
                ("provider",),
                Words(
                    en=f"the provider '{provider}' of cookie '{c}' is not a recipient or joint "
                    f"controller of '{cookie.activity}', so its transfers are not known",
                    nb=f"leverandøren '{provider}' av informasjonskapselen '{c}' er ikke mottaker "
                    f"eller felles behandlingsansvarlig i '{cookie.activity}', så "
                    "overføringene er ukjente",
                ),
            )
        elif is_unknown(party.locations):
            yield Hit(
                c,
                ("provider",),
                Words(
                    en=f"the provider '{provider}' of cookie '{c}' has unknown locations, so the "
                    "notice cannot say where the data goes",
                    nb=f"leverandøren '{provider}' av informasjonskapselen '{c}' har ukjente "
                    "lokasjoner, så erklæringen kan ikke si hvor opplysningene havner",
                ),
            )


# --------------------------------------------------------------------------- R60


@rule(
    id="R60",
    blocks_publication=True,
    name="cookies-not-recorded",
    severity=Severity.WARNING,
    references=("ekomloven § 3-15 first paragraph", "GDPR Art. 5(1)(a)", "GDPR Art. 12(1)"),
    summary="The record does not say which cookies the website sets, or that it sets none.",
    rationale=(
        "ekomloven § 3-15 requires clear information about what is stored on or read from "
        "the user's device, and the cookie page publishes it. A registry that lists no "
        'cookies may simply not have recorded them: publishing "we do not use cookies" '
        "then states a denial the organisation never made, which is not fair and "
        "transparent (GDPR Art. 5(1)(a)). Only `cookies: none` says the website sets none; "
        "no `cookies:` in any file, or `cookies: unknown`, is reported here, and the cookie "
        "page shows the gap instead of a denial."
    ),
    fix=(
        "List every cookie and similar technology under `cookies:`, or write "
        "`cookies: none` once the website is confirmed to set none."
    ),
    bad="cookies: unknown  # <-\n",
    good="cookies: none\n",
)
def cookies_not_recorded(registry: Registry, context: Context) -> Iterator[Hit]:
    if registry.cookies_stated != "pending":
        return
    words = Words(
        en="the record does not say which cookies the website sets; list them under "
        "`cookies:`, or write `cookies: none` if it sets none",
        nb="protokollen sier ikke hvilke informasjonskapsler nettsiden bruker; list dem under "
        "`cookies:`, eller skriv `cookies: none` hvis den ikke bruker noen",
    )
    yield Hit(None, (), words, at=registry.locate_cookie_statement())
