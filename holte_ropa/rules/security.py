"""Security of processing and risk: GDPR Art. 32 and Art. 35."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from holte_ropa.model._models import (
    Activity,
    AutomatedDecisions,
    CookieCategory,
    DataKind,
    DpiaCriterion,
    Text,
    is_unknown,
)
from holte_ropa.model._yaml import PathSegment
from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.rules._wording import listing
from holte_ropa.terms import LANGUAGES, Words

if TYPE_CHECKING:
    from holte_ropa.model._reference import DpiaListItem
    from holte_ropa.model._registry import Registry

_OBSOLETE = re.compile(r"(?<![\w/])SSL(?![\w/])")
""""SSL" as a word of its own: not OpenSSL, and not "TLS/SSL", which already names TLS."""


def _public_texts(registry: Registry) -> Iterator[tuple[str | None, tuple[PathSegment, ...], Text]]:
    """The security texts the notice publishes, with where they are written."""
    organisation = registry.organisation
    if not is_unknown(organisation.security_summary):
        yield None, ("security_summary",), organisation.security_summary
    for index, promise in enumerate(organisation.promises):
        if promise.section == "security":
            yield None, ("promises", index, "text"), promise.text
    for measure in registry.security_measures.values():
        if measure.public:
            yield measure.id, ("name",), measure.name
            if not is_unknown(measure.description):
                yield measure.id, ("description",), measure.description


_MEASURE = """\
security_measures:
  - id: encryption
    name: {nb: Kryptering, en: Encryption}
"""


@rule(
    id="R42",
    name="obsolete-security-wording",
    severity=Severity.WARNING,
    references=("GDPR Art. 32(1)(a)", "GDPR Art. 12(1)", "RFC 7568"),
    summary='A public security text uses obsolete wording such as "SSL".',
    rationale=(
        "SSL 3.0 was deprecated in 2015 (RFC 7568) and is insecure; a notice that says the "
        "site is protected by SSL either describes an obsolete practice or misnames TLS. "
        "Both undermine trust in the security description (Art. 32, 12(1)). The match is "
        'case-sensitive and on the word alone, so OpenSSL or "TLS/SSL" do not count.'
    ),
    fix='Say "TLS" (and the version, e.g. TLS 1.2 or later) once the practice is confirmed.',
    bad=_MEASURE
    + "    description: {nb: All trafikk går over SSL., en: All traffic uses SSL.}  # <-\n",
    good=_MEASURE
    + "    description: {nb: All trafikk går over TLS 1.2+., en: All traffic uses TLS 1.2+.}\n",
)
def obsolete_security_wording(registry: Registry, context: Context) -> Iterator[Hit]:
    for entity, path, text in _public_texts(registry):
        langs = [lang for lang in LANGUAGES if _OBSOLETE.search(text.get(lang) or "")]
        if langs:
            what = ".".join(str(s) for s in path)
            owner = entity or registry.organisation.id
            yield Hit(
                entity,
                path,
                Words(
                    en=f"'{what}' of '{owner}' says \"SSL\" ({', '.join(langs)}), which is "
                    "obsolete "
                    "and insecure; say TLS",
                    nb=f"'{what}' i '{owner}' sier «SSL» ({', '.join(langs)}), som er foreldet og "
                    "usikkert; skriv TLS",
                ),
            )


def _criteria(registry: Registry, activity: Activity) -> set[DpiaCriterion]:
    """Declared criteria plus those the registry itself shows."""
    found = set(activity.dpia.criteria) if activity.dpia else set()
    kinds = {registry.data_categories[c].kind for c in activity.data_categories}
    if kinds & {DataKind.SPECIAL, DataKind.CRIMINAL}:
        found.add(DpiaCriterion.SENSITIVE_DATA)
    if any(registry.subject_categories[s].vulnerable for s in activity.subject_categories):
        found.add(DpiaCriterion.VULNERABLE_SUBJECTS)
    decisions = activity.automated_decisions
    if isinstance(decisions, AutomatedDecisions) and decisions.used:
        found.add(DpiaCriterion.AUTOMATED_DECISIONS)
    if _tracks_for_advertising(registry, activity):
        # Tracking-based profiling for advertising (WP248 rev.01, criteria 1, 3 and 6).
        found |= _TRACKING_PROFILING
    return found


def _tracks_for_advertising(registry: Registry, activity: Activity) -> bool:
    """Third-party marketing cookies serve the activity: profiling for commercial use."""
    return any(
        cookie.activity == activity.id
        and not cookie.first_party
        and (cookie.category is CookieCategory.MARKETING or "marketing" in cookie.uses)
        for cookie in registry.cookies.values()
    )


_COMMERCIAL_PROFILING = 13
"""Datatilsynet's list item for profiling or predictions for commercial use, which ad
tracking with third-party marketing cookies is."""
_CHILDREN_AND_HEALTH = (8, 12)
"""Datatilsynet's list items to consider when vulnerable people's sensitive data is
processed: evaluating learning, mastery or well-being in schools and kindergartens;
systematic monitoring of efficiency, skills or mental health."""


_TRACKING_PROFILING = frozenset(
    {
        DpiaCriterion.EVALUATION_SCORING,
        DpiaCriterion.SYSTEMATIC_MONITORING,
        DpiaCriterion.MATCHING_DATASETS,
    }
)
"""What third-party advertising cookies do: profile people's interests (evaluation or
scoring), track them across sites (systematic monitoring) and match the result with the
platform's own data (matching datasets)."""


_SCREENED = """\
activities:
  - id: lead-scoring
    name: {nb: Poengsetting av salgsemner, en: Lead scoring}
    description: {nb: Vi rangerer mulige kunder., en: We rank prospective customers.}
    role: controller
    recipients: none
    dpia:
      criteria: [evaluation_scoring, large_scale]
"""


@rule(
    id="R43",
    name="dpia-missing",
    severity=Severity.WARNING,
    also=(Severity.ERROR,),
    references=(
        "GDPR Art. 35(1)",
        "GDPR Art. 35(3)",
        "GDPR Art. 35(4)",
        "Article 29 Working Party Guidelines on DPIA (WP248 rev.01)",
    ),
    summary=(
        "Two or more EDPB criteria, or an item of Datatilsynet's list, without a DPIA reference."
    ),
    rationale=(
        "Processing likely to result in a high risk needs a DPIA before it starts "
        "(Art. 35(1)). The EDPB (WP248) says two or more of its nine criteria usually mean "
        "a DPIA is needed: a warning, since the controller may document why not. "
        "Datatilsynet's Art. 35(4) list names processing that always requires one (some "
        "items only together with another criterion): an error. Criteria the registry "
        "already shows are added to the declared ones: special or criminal data (sensitive "
        "data), vulnerable subject categories, automated decisions in use, and tracking with "
        "third-party marketing cookies (evaluation or scoring, systematic monitoring, "
        "matching datasets). That tracking is profiling for commercial use, item 13 of "
        "Datatilsynet's list, so it always requires a DPIA. Where vulnerable people's "
        "sensitive data is processed (children's health, observations in a kindergarten), "
        "the warning names the list items to consider (8 and 12)."
    ),
    fix=(
        "Carry out the DPIA and record `status: done` with its `reference` and `date`, or "
        "correct the screening."
    ),
    bad=_SCREENED + "      status: not_required  # <-\n",
    good=_SCREENED + "      status: done\n      reference: DPIA-2026-04\n      date: 2026-04-10\n",
)
def dpia_missing(registry: Registry, context: Context) -> Iterator[Hit]:
    items = {item.item: item for item in registry.reference.dpia_list}
    for activity in registry.activities.values():
        dpia = activity.dpia
        if dpia is not None and dpia.status == "done" and dpia.reference:
            continue
        criteria = _criteria(registry, activity)
        numbers = list(dpia.datatilsynet_list_items if dpia else ())
        if _tracks_for_advertising(registry, activity) and _COMMERCIAL_PROFILING not in numbers:
            numbers.append(_COMMERCIAL_PROFILING)
        listed = [
            items[n]
            for n in numbers
            if n in items and (not items[n].needs_another_criterion or criteria)
        ]
        path: tuple[PathSegment, ...] = ("dpia", "status") if dpia else ("dpia",)
        a = activity.id
        if listed:
            what = "; ".join(f"{i.item}. {i.en}" for i in listed)
            yield Hit(
                a,
                path,
                Words(
                    en=f"'{a}' is on Datatilsynet's list of processing that always requires a DPIA "
                    f"({what}), but no DPIA is referenced",
                    nb=f"'{a}' står på Datatilsynets liste over behandlinger som alltid krever "
                    "DPIA "
                    f"(punkt {', '.join(str(i.item) for i in listed)}), men ingen DPIA er oppgitt",
                ),
                severity=Severity.ERROR,
            )
        elif len(criteria) >= 2:
            names = sorted(c.value for c in criteria)
            hint = _list_items_to_consider(criteria, items)
            yield Hit(
                a,
                path,
                Words(
                    en=f"'{a}' meets {len(names)} EDPB criteria ({', '.join(names)}), so a DPIA is "
                    f"likely required, but none is referenced{hint.en}",
                    nb=f"'{a}' oppfyller {len(names)} av EDPBs kriterier ({', '.join(names)}), så "
                    f"en DPIA er trolig påkrevd, men ingen er oppgitt{hint.nb}",
                ),
            )


def _list_items_to_consider(
    criteria: set[DpiaCriterion], items: Mapping[int, DpiaListItem]
) -> Words:
    """Vulnerable people's sensitive data: the list items that may make a DPIA mandatory."""
    wanted = {DpiaCriterion.VULNERABLE_SUBJECTS, DpiaCriterion.SENSITIVE_DATA}
    named = [items[n] for n in _CHILDREN_AND_HEALTH if n in items]
    if not wanted <= criteria or not named:
        return Words(en="", nb="")
    what = "; ".join(f"{i.item}. {i.en}" for i in named)
    numbers = " og ".join(str(i.item) for i in named)
    return Words(
        en=f"; consider whether Datatilsynet's list items apply ({what}): if so, a DPIA is "
        "always required",
        nb=f"; vurder om punkt {numbers} på Datatilsynets liste gjelder ({what}): i så fall "
        "kreves alltid en DPIA",
    )


_CRASH = """\
data_categories:
  - id: crash-data
    name: {nb: Feilrapporter, en: Crash reports}
    logs: true
  - id: email
    name: {nb: E-postadresse, en: E-mail address}
activities:
  - id: crash-reports
    name: {nb: Feilrapporter fra appen, en: App crash reports}
    description: {nb: Appen sender feilrapporter., en: The app sends crash reports.}
    role: controller
    recipients: none
"""


@rule(
    id="R44",
    name="personal-data-in-logs",
    severity=Severity.WARNING,
    references=("GDPR Art. 5(1)(c)", "GDPR Art. 25(1)", "GDPR Art. 32(1)(a)"),
    summary="Crash reports or logs carry personal data such as e-mail addresses.",
    rationale=(
        "Crash reports and logs are collected for the software's sake and copied widely "
        "(to vendors, tickets, backups); personal data that rides along, like a user's "
        "e-mail address, is rarely needed. Data minimisation and privacy by design "
        "(Art. 5(1)(c), 25(1)) suggest removing or pseudonymising it. The signal is a data "
        "category marked `logs: true` in an activity that also processes other personal "
        "data categories, which the logs may carry."
    ),
    fix=(
        "Strip or pseudonymise identifiers before reports leave the device (e.g. a hashed "
        "user id), then remove the category from the activity."
    ),
    bad=_CRASH + "    data_categories: [crash-data, email]  # <-\n",
    good=_CRASH.replace("  - id: email\n    name: {nb: E-postadresse, en: E-mail address}\n", "")
    + "    data_categories: [crash-data]\n",
)
def personal_data_in_logs(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        logs = [c for c in activity.data_categories if registry.data_categories[c].logs]
        others = [c for c in activity.data_categories if c not in logs]
        if logs and others:
            a = activity.id
            yield Hit(
                a,
                ("data_categories", activity.data_categories.index(logs[0])),
                Words(
                    en=f"the logs or crash reports of '{a}' ({listing(logs, 'en')}) may carry "
                    f"{listing(others, 'en')}: minimise or pseudonymise them",
                    nb=f"loggene eller feilrapportene i '{a}' ({listing(logs, 'nb')}) kan "
                    "inneholde "
                    f"{listing(others, 'nb')}: minimer eller pseudonymiser dem",
                ),
            )
