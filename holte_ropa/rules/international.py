"""Transfers to international organisations: GDPR Art. 4(26), 44 and 45(1).

Chapter V covers international organisations as it covers third countries: sending data
to one needs a mechanism wherever its premises are, and Art. 45(1) lets the Commission
find one adequate. The first such decision, for the European Patent Organisation, is in
holte-ropa's reference data; this module is where it is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._models import (
    Adequacy,
    DataPrivacyFramework,
    Party,
    known,
)
from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.rules._wording import listing
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry

_FILING = """\
activities:
  - id: patents
    name: {nb: Patentsøknader, en: Patent applications}
    description: {nb: Vi søker patent for kunder., en: We file patents for clients.}
    role: controller
    recipients:
      controllers: [epo]
parties:
  - id: epo
    legal_name: European Patent Organisation
    trade_name: EPO
    role: controller
    service: {nb: Behandler patentsøknader, en: Examines patent applications}
    locations: [{country: DE}, {country: NL}]
"""

_PATH = ("international_organisation", "mechanism")


def _reached(registry: Registry) -> Iterator[tuple[Party, list[str]]]:
    for party in registry.parties.values():
        if party.international_organisation is None:
            continue
        activities = [a.id for a in registry.activities_using(party.id)]
        if activities:
            yield party, activities


@rule(
    id="R70",
    name="international-organisation-transfer",
    severity=Severity.ERROR,
    references=(
        "GDPR Art. 4(26)",
        "GDPR Art. 44",
        "GDPR Art. 45(1)",
        "GDPR Art. 46(1)",
        "EEA Agreement Annex XI",
    ),
    summary=(
        "Data goes to an international organisation without a mechanism that covers it, or "
        "on an adequacy decision that does not apply."
    ),
    rationale=(
        "An international organisation (Art. 4(26)) stands outside the law of the country "
        "that hosts it, so sending it personal data is a transfer under Chapter V even when "
        "its offices are in the EEA (Art. 44). It needs an adequacy decision for that "
        "organisation (Art. 45(1); the Commission adopted the first, for the European "
        "Patent Organisation, on 15 July 2025), appropriate safeguards (Art. 46) or an "
        "Art. 49 derogation. The EU-US Data Privacy Framework covers certified US companies "
        "only. Rule R54 asks for the EEA Joint Committee decision where the reference data "
        "could not confirm that the adequacy decision applies in Norway."
    ),
    fix=(
        "Under the party, record `international_organisation: {code: ..., mechanism: ...}`: "
        "adequacy where a decision covers the organisation (EPO), otherwise the safeguard "
        "or derogation relied on."
    ),
    bad=_FILING + "    international_organisation: {code: EPO, mechanism: unknown}  # <-\n",
    good=_FILING
    + "    international_organisation: {code: EPO, mechanism: {mechanism: adequacy}}\n",
)
def international_organisation_transfer(registry: Registry, context: Context) -> Iterator[Hit]:
    for party, activities in _reached(registry):
        organisation = party.international_organisation
        assert organisation is not None
        mechanism = known(organisation.mechanism)
        p, code = party.id, organisation.code
        whose_en, whose_nb = listing(activities, "en"), listing(activities, "nb")
        if mechanism is None:
            yield Hit(
                p,
                _PATH,
                Words(
                    en=f"'{p}' is an international organisation ({code}) that receives data "
                    f"of {whose_en} with no transfer mechanism (GDPR Art. 44)",
                    nb=f"'{p}' er en internasjonal organisasjon ({code}) som mottar "
                    f"opplysninger fra {whose_nb} uten overføringsgrunnlag (GDPR art. 44)",
                ),
            )
        elif isinstance(mechanism, DataPrivacyFramework):
            yield Hit(
                p,
                _PATH,
                Words(
                    en=f"'{p}' is an international organisation ({code}); the EU-US Data "
                    "Privacy Framework covers certified US companies only",
                    nb=f"'{p}' er en internasjonal organisasjon ({code}); EU-US Data Privacy "
                    "Framework gjelder bare sertifiserte amerikanske virksomheter",
                ),
            )
        elif isinstance(mechanism, Adequacy):
            yield from _adequacy(registry, context, party, code)


def _adequacy(registry: Registry, context: Context, party: Party, code: str) -> Iterator[Hit]:
    p = party.id
    decision = registry.reference.adequacy_for_organisation(code)
    if decision is None:
        yield Hit(
            p,
            _PATH,
            Words(
                en=f"'{p}' relies on adequacy, but no adequacy decision covers the "
                f"international organisation '{code}'",
                nb=f"'{p}' bygger på tilstrekkelig beskyttelsesnivå, men ingen slik "
                f"beslutning gjelder den internasjonale organisasjonen '{code}'",
            ),
        )
    elif not decision.valid_on(context.today):
        day = context.today.isoformat()
        yield Hit(
            p,
            _PATH,
            Words(
                en=f"'{p}' relies on the adequacy decision for the {decision.name} "
                f"({decision.decision}), which does not apply in the EEA on {day}",
                nb=f"'{p}' bygger på beslutningen om tilstrekkelig beskyttelsesnivå for "
                f"{decision.name} ({decision.decision}), som ikke gjelder i EØS {day}",
            ),
        )
