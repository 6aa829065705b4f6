"""Special categories and national identity numbers: GDPR Art. 9, Art. 10 and Art. 87.

Each rule's check is an undecorated ``_check_*`` function that the decorated, registered
function calls: mutmut does not mutate decorated functions (scripts/mutation.sh).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._models import (
    DataKind,
    Role,
    is_unknown,
)
from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry


# --------------------------------------------------------------------------- R17


@rule(
    id="R17",
    name="special-data-without-condition",
    severity=Severity.ERROR,
    references=(
        "GDPR Art. 9(1)",
        "GDPR Art. 9(2)",
        "GDPR Art. 9(2)(b), (g), (h), (i), (j)",
        "GDPR Art. 10",
    ),
    summary=(
        "Special category data has an Art. 9(2) condition, with the law it rests on where "
        "the condition needs one; criminal data has an Art. 10 basis."
    ),
    rationale=(
        "Processing special categories (health, union membership, ethnicity, beliefs, "
        "biometrics and the like) is prohibited unless one of the conditions of "
        "Art. 9(2) applies, on top of an Art. 6(1) basis. Points (b) (employment and social "
        "security law), (g) (substantial public interest), (h) (health and social care), (i) "
        "(public health) and (j) (archiving, research, statistics) apply only on the basis "
        "of Union or Member State law (or, for (b), a collective agreement, and for (h), a "
        "contract with a health professional), so the record names the statute and section "
        "under `special_category_source:`, as R16 asks for Art. 6(1)(c) and (e); a "
        "collective agreement or a contract is waived with its name. Data on criminal "
        "convictions and "
        "offences may only be processed under official authority or where a law "
        "authorises it (Art. 10)."
    ),
    fix=(
        'Set `special_category_condition:` (e.g. "9(2)(b)" for employment law) or '
        "`criminal_data_basis:` naming the law; or remove the data category."
    ),
    bad="""\
data_categories:
  - {id: sick-leave, name: {nb: Sykefravær, en: Sick leave}, kind: special}
activities:
  - id: absence
    name: {nb: Fraværsoppfølging, en: Absence follow-up}
    description: {nb: Oppfølging av sykmeldte, en: Following up employees on sick leave}
    role: controller
    purposes:
      - id: follow-up
        description: {nb: Følge opp sykmeldte, en: Follow up employees on sick leave}
        legal_basis:
          basis: legal_obligation
          source: {statute: arbeidsmiljøloven, section: § 4-6}
    data_categories: [sick-leave]  # <-
    recipients: none
""",
    good="""\
data_categories:
  - {id: sick-leave, name: {nb: Sykefravær, en: Sick leave}, kind: special}
activities:
  - id: absence
    name: {nb: Fraværsoppfølging, en: Absence follow-up}
    description: {nb: Oppfølging av sykmeldte, en: Following up employees on sick leave}
    role: controller
    purposes:
      - id: follow-up
        description: {nb: Følge opp sykmeldte, en: Follow up employees on sick leave}
        legal_basis:
          basis: legal_obligation
          source: {statute: arbeidsmiljøloven, section: § 4-6}
    data_categories: [sick-leave]
    special_category_condition: "9(2)(b)"
    special_category_source: {statute: arbeidsmiljøloven, section: § 4-6}
    recipients: none
""",
)
def special_data_without_condition(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_special_data_without_condition(registry, context)


_NEEDS_LAW = frozenset({"9(2)(b)", "9(2)(g)", "9(2)(h)", "9(2)(i)", "9(2)(j)"})
"""Art. 9(2) points that apply only on the basis of Union or Member State law."""


def _check_special_data_without_condition(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        condition = activity.special_category_condition
        source = activity.special_category_source
        if condition in _NEEDS_LAW and (source is None or is_unknown(source)):
            yield Hit(
                activity.id,
                ("special_category_condition",),
                Words(
                    en=f"'{activity.id}' relies on Art. {condition}, which applies only on the "
                    "basis of Union or Member State law, but does not name it: record the "
                    "statute and section under `special_category_source:`",
                    nb=f"'{activity.id}' bygger på art. {condition}, som bare gjelder med "
                    "grunnlag i EU-rett eller nasjonal rett, men oppgir ikke loven: registrer "
                    "lov og paragraf under `special_category_source:`",
                ),
            )
        special_reported = criminal_reported = False
        for index, category_id in enumerate(activity.data_categories):
            kind = registry.data_categories[category_id].kind
            if (
                kind is DataKind.SPECIAL
                and activity.special_category_condition is None
                and not special_reported
            ):
                special_reported = True
                yield Hit(
                    activity.id,
                    ("data_categories", index),
                    Words(
                        en=f"'{activity.id}' processes special category data ('{category_id}') "
                        "without an Art. 9(2) condition",
                        nb=f"'{activity.id}' behandler særlige kategorier av personopplysninger "
                        f"('{category_id}') uten et vilkår i art. 9(2)",
                    ),
                )
            if (
                kind is DataKind.CRIMINAL
                and activity.criminal_data_basis is None
                and not criminal_reported
            ):
                criminal_reported = True
                yield Hit(
                    activity.id,
                    ("data_categories", index),
                    Words(
                        en=f"'{activity.id}' processes data on criminal convictions or offences "
                        f"('{category_id}') without an Art. 10 basis",
                        nb=f"'{activity.id}' behandler opplysninger om straffedommer og "
                        "lovovertredelser "
                        f"('{category_id}') uten grunnlag etter art. 10",
                    ),
                )


# --------------------------------------------------------------------------- R18


@rule(
    id="R18",
    name="national-id-without-justification",
    severity=Severity.WARNING,
    references=("personopplysningsloven § 12", "GDPR Art. 87"),
    summary="National identity numbers are justified under personopplysningsloven § 12.",
    rationale=(
        "In Norway a national identity number (fødselsnummer, D-number) may only be "
        "processed where there is an objective need for secure identification and the "
        "method is necessary to achieve it (personopplysningsloven § 12, under GDPR "
        "Art. 87). The record should say why; it is a warning because the need is often "
        "real (e.g. payroll reporting) but must be written down. The justification is the "
        "controller's: a processor activity is not reported (its controllers justify it)."
    ),
    fix="Say under `national_id_justification:` why secure identification is needed.",
    bad="""\
data_categories:
  - {id: national-id, name: {nb: Fødselsnummer, en: National identity number}, kind: national_id}
activities:
  - id: payroll
    name: {nb: Lønn, en: Payroll}
    description: {nb: Lønnskjøring, en: Running payroll}
    role: controller
    purposes:
      - id: report
        description: {nb: Rapportere lønn, en: Report pay}
        legal_basis:
          basis: legal_obligation
          source: {statute: a-opplysningsloven, section: § 4}
    data_categories: [national-id]  # <-
    recipients: none
""",
    good="""\
data_categories:
  - {id: national-id, name: {nb: Fødselsnummer, en: National identity number}, kind: national_id}
activities:
  - id: payroll
    name: {nb: Lønn, en: Payroll}
    description: {nb: Lønnskjøring, en: Running payroll}
    role: controller
    purposes:
      - id: report
        description: {nb: Rapportere lønn, en: Report pay}
        legal_basis:
          basis: legal_obligation
          source: {statute: a-opplysningsloven, section: § 4}
    data_categories: [national-id]
    national_id_justification:
      nb: A-meldingen til Skatteetaten krever fødselsnummer for sikker identifisering.
      en: The A-melding to the Tax Administration requires it for secure identification.
    recipients: none
""",
)
def national_id_without_justification(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_national_id_without_justification(registry, context)


def _check_national_id_without_justification(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        if activity.national_id_justification is not None or activity.role is Role.PROCESSOR:
            continue  # a processor's identity numbers are the controller's to justify
        for index, category_id in enumerate(activity.data_categories):
            if registry.data_categories[category_id].kind is DataKind.NATIONAL_ID:
                yield Hit(
                    activity.id,
                    ("data_categories", index),
                    Words(
                        en=f"'{activity.id}' processes national identity numbers ('{category_id}') "
                        "without saying why secure identification is needed",
                        nb=f"'{activity.id}' behandler fødselsnummer ('{category_id}') uten å si "
                        "hvorfor sikker identifisering er nødvendig",
                    ),
                )
                break
