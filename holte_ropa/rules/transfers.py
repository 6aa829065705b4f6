"""Transfers of personal data outside the EEA: GDPR Art. 44-49 and Art. 13(1)(f).

Transfers are computed by the Registry from party countries and the dated reference data,
never typed by hand, so these rules judge every country a party reaches.

Each rule's check is an undecorated ``_check_*`` function that the decorated, registered
function calls: mutmut does not mutate decorated functions (scripts/mutation.sh).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from holte_ropa.model._models import (
    Adequacy,
    BindingCorporateRules,
    DataPrivacyFramework,
    Derogation,
    Party,
    PartyLocation,
    PartyRole,
    StandardContractualClauses,
    is_unknown,
    known,
)
from holte_ropa.report._findings import Severity
from holte_ropa.rules._examples import organisation
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.rules._wording import listing
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._reference import AdequacyDecision
    from holte_ropa.model._registry import Registry


@dataclass(frozen=True, slots=True)
class _Reached:
    """A party location outside the EEA that some activity's data reaches."""

    party: Party
    index: int
    location: PartyLocation
    activities: tuple[str, ...]

    @property
    def path(self) -> tuple[str | int, ...]:
        return ("locations", self.index, "mechanism")


def _reached(registry: Registry) -> Iterator[_Reached]:
    """Each party location once, however many activities reach it (linear time)."""
    by_key: dict[tuple[str, str, str], list[str]] = {}
    for transfer in registry.transfers:
        key = (transfer.party, transfer.country, transfer.access)
        by_key.setdefault(key, []).append(transfer.activity)
    for party in registry.parties.values():
        if is_unknown(party.locations):
            continue
        for index, location in enumerate(party.locations):
            activities = by_key.get((party.id, location.country, location.access))
            if activities:
                yield _Reached(party, index, location, tuple(dict.fromkeys(activities)))


_PARTY = """\
parties:
  - id: helpdesk
    legal_name: Helpdesk Inc.
    trade_name: Helpdesk
    role: processor
    service: {nb: Kundestøtte, en: Customer support}
    dpa: {reference: DPA-12}
"""

_ACTIVITY = """\
activities:
  - id: support
    name: {nb: Kundestøtte, en: Customer support}
    description: {nb: Vi svarer på henvendelser., en: We answer requests.}
    role: controller
    recipients:
      processors: [helpdesk]
"""


@rule(
    id="R27",
    blocks_publication=True,
    name="transfer-without-mechanism",
    severity=Severity.ERROR,
    references=("GDPR Art. 44", "GDPR Art. 46(1)", "GDPR Art. 30(1)(e)"),
    summary="A party processes data outside the EEA without a transfer mechanism.",
    rationale=(
        "Personal data may leave the EEA only under Chapter V: an adequacy decision "
        "(Art. 45), appropriate safeguards such as standard contractual clauses or binding "
        "corporate rules (Art. 46-47), or an Art. 49 derogation. The transfer is computed "
        "from the countries where each party that receives an activity's data processes "
        "or can access it (support access included), so a missing mechanism is a transfer "
        "that has no legal ground yet."
    ),
    fix=(
        "Under the party's location, record `mechanism:` (adequacy, dpf, scc with module and "
        "tia, bcr, or derogation), or remove the location if data never goes there."
    ),
    bad=_ACTIVITY
    + _PARTY
    + """\
    locations:
      - country: US
        mechanism: unknown  # <-
""",
    good=_ACTIVITY
    + _PARTY
    + """\
    locations:
      - country: US
        mechanism: {mechanism: scc, module: 2, tia: TIA-2026-03}
""",
)
def transfer_without_mechanism(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_transfer_without_mechanism(registry, context)


def _check_transfer_without_mechanism(registry: Registry, context: Context) -> Iterator[Hit]:
    for reached in _reached(registry):
        if known(reached.location.mechanism) is not None:
            continue
        country = reached.location.country
        party = reached.party.id
        yield Hit(
            party,
            reached.path,
            Words(
                en=f"'{party}' receives data of {listing(reached.activities, 'en')} in {country}, "
                "outside the EEA, with no transfer mechanism",
                nb=f"'{party}' mottar opplysninger fra {listing(reached.activities, 'nb')} i "
                f"{country}, utenfor EØS, uten overføringsgrunnlag",
            ),
        )


@rule(
    id="R28",
    name="adequacy-not-valid",
    severity=Severity.ERROR,
    also=(Severity.WARNING, Severity.INFO),
    references=("GDPR Art. 45(1)", "GDPR Art. 45(3)", "EEA Agreement Annex XI"),
    summary="A transfer relies on an adequacy decision that does not cover it today.",
    rationale=(
        "An adequacy decision covers only its country and scope, and reaches Norway only "
        "once the EEA Joint Committee has incorporated it. For the United States the "
        "decision covers only organisations certified under the EU-US Data Privacy "
        "Framework, so the mechanism must be `dpf`. The check uses the dated reference "
        "data shipped with holte-ropa; where that data carries a caveat (e.g. a pending "
        "court case against the DPF), the finding repeats it as information."
    ),
    fix=(
        "Use `mechanism: dpf` with the DPF list entry for certified US recipients; "
        "otherwise agree standard contractual clauses (`mechanism: scc`) with a transfer "
        "impact assessment."
    ),
    bad=_ACTIVITY
    + _PARTY
    + """\
    locations:
      - country: US
        mechanism: {mechanism: adequacy}  # <-
""",
    good=_ACTIVITY
    + _PARTY
    + """\
    locations:
      - country: US
        mechanism: {mechanism: scc, module: 2, tia: TIA-2026-03}
""",
)
def adequacy_not_valid(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_adequacy_not_valid(registry, context)


def _check_adequacy_not_valid(registry: Registry, context: Context) -> Iterator[Hit]:
    for reached in _reached(registry):
        mechanism = reached.location.mechanism
        if isinstance(mechanism, Adequacy):
            yield from _adequacy_hits(registry, context, reached)
        elif isinstance(mechanism, DataPrivacyFramework):
            yield from _dpf_hits(registry, context, reached)


def _adequacy_hits(registry: Registry, context: Context, reached: _Reached) -> Iterator[Hit]:
    party, country = reached.party.id, reached.location.country
    decision = registry.reference.adequacy_for(country)
    day = context.today.isoformat()
    if decision is None:
        yield Hit(
            party,
            reached.path,
            Words(
                en=f"'{party}' relies on adequacy for {country}, but no adequacy decision covers "
                f"{country}",
                nb=f"'{party}' bygger på tilstrekkelig beskyttelsesnivå for {country}, men ingen "
                f"beslutning om tilstrekkelig beskyttelsesnivå gjelder {country}",
            ),
        )
    elif decision.requires_dpf:
        yield Hit(
            party,
            reached.path,
            Words(
                en=f"'{party}' relies on adequacy for {decision.name}, but the decision covers "
                f"{decision.scope or 'certified organisations'}: record `mechanism: dpf` with "
                "the list entry, or standard contractual clauses",
                nb=f"'{party}' bygger på tilstrekkelig beskyttelsesnivå for {decision.name}, men "
                "beslutningen gjelder bare virksomheter sertifisert under Data Privacy "
                "Framework: oppgi `mechanism: dpf` med oppføringen, eller standard "
                "personvernbestemmelser",
            ),
        )
    elif decision.pending_in_eea:
        yield Hit(
            party,
            reached.path,
            Words(
                en=f"'{party}' relies on adequacy for {decision.name}: {decision.decision} was "
                f"adopted on {decision.eu_adopted.isoformat()}, but its incorporation into the "
                "EEA Agreement is pending, so it does not yet apply to a Norwegian controller",
                nb=f"'{party}' bygger på tilstrekkelig beskyttelsesnivå for {decision.name}: "
                f"{decision.decision} ble vedtatt {decision.eu_adopted.isoformat()}, men "
                "innlemmelsen i EØS-avtalen er ikke gjort, så den gjelder ennå ikke for en "
                "norsk behandlingsansvarlig",
            ),
            severity=Severity.WARNING,
        )
    elif not decision.valid_on(context.today):
        yield Hit(
            party,
            reached.path,
            Words(
                en=f"'{party}' relies on adequacy for {decision.name}, but {decision.decision} is "
                f"not in force on {day}",
                nb=f"'{party}' bygger på tilstrekkelig beskyttelsesnivå for {decision.name}, men "
                f"{decision.decision} gjelder ikke {day}",
            ),
        )


def _dpf_hits(registry: Registry, context: Context, reached: _Reached) -> Iterator[Hit]:
    party, country = reached.party.id, reached.location.country
    decision = registry.reference.adequacy_for(country)
    if decision is None or not decision.requires_dpf:
        yield Hit(
            party,
            reached.path,
            Words(
                en=f"'{party}' relies on the EU-US Data Privacy Framework for {country}, which it "
                "does not cover",
                nb=f"'{party}' bygger på EU-US Data Privacy Framework for {country}, som den ikke "
                "gjelder for",
            ),
        )
    elif not decision.valid_on(context.today):
        day = context.today.isoformat()
        yield Hit(
            party,
            reached.path,
            Words(
                en=f"'{party}' relies on {decision.decision}, which is not in force on {day}",
                nb=f"'{party}' bygger på {decision.decision}, som ikke gjelder {day}",
            ),
        )
    elif decision.caveat:
        caveat = " ".join(decision.caveat.split())
        valid_en, valid_nb = "valid today", "som gjelder i dag"
        if decision.eea_unconfirmed:
            valid_en = "in force in the EU today (its EEA incorporation is unconfirmed, see R54)"
            valid_nb = "som gjelder i EU i dag (innlemmelsen i EØS er ubekreftet, se R54)"
        yield Hit(
            party,
            reached.path,
            Words(
                en=f"'{party}' relies on the EU-US Data Privacy Framework, {valid_en} but "
                f"fragile: {caveat}",
                nb=f"'{party}' bygger på EU-US Data Privacy Framework, {valid_nb}, men er "
                f"usikkert (merknad i referansedataene, på engelsk): {caveat}",
            ),
            severity=Severity.INFO,
        )


@rule(
    id="R29",
    name="scc-without-tia",
    severity=Severity.WARNING,
    references=("GDPR Art. 46(2)(c)", "CJEU C-311/18", "EDPB Recommendations 01/2020"),
    summary="Standard contractual clauses without a transfer impact assessment reference.",
    rationale=(
        "After Schrems II (CJEU C-311/18) the exporter must assess whether the law of the "
        "destination country lets the recipient honour the clauses, and add supplementary "
        "measures where it does not. Without a recorded assessment the clauses alone may "
        "not protect the data."
    ),
    fix="Record the assessment under the mechanism: `tia: <reference>`.",
    bad=_ACTIVITY
    + _PARTY
    + """\
    locations:
      - country: US
        mechanism: {mechanism: scc, module: 2}  # <-
""",
    good=_ACTIVITY
    + _PARTY
    + """\
    locations:
      - country: US
        mechanism: {mechanism: scc, module: 2, tia: TIA-2026-03}
""",
)
def scc_without_tia(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_scc_without_tia(registry, context)


def _check_scc_without_tia(registry: Registry, context: Context) -> Iterator[Hit]:
    for reached in _reached(registry):
        mechanism = reached.location.mechanism
        if isinstance(mechanism, StandardContractualClauses) and known(mechanism.tia) is None:
            party, country = reached.party.id, reached.location.country
            yield Hit(
                party,
                reached.path,
                Words(
                    en=f"'{party}' receives data in {country} under standard contractual clauses, "
                    "but no transfer impact assessment is referenced",
                    nb=f"'{party}' mottar opplysninger i {country} etter standard "
                    "personvernbestemmelser, men ingen vurdering av overføringen er oppgitt",
                ),
            )


@rule(
    id="R30",
    name="derogation-for-regular-transfers",
    severity=Severity.WARNING,
    references=("GDPR Art. 49(1)", "EDPB Guidelines 2/2018"),
    summary="An Art. 49 derogation is used for regular, repetitive transfers.",
    rationale=(
        "The derogations of Art. 49 are exceptions for occasional transfers (EDPB "
        "Guidelines 2/2018); a service that transfers data as a matter of routine needs an "
        "adequacy decision or appropriate safeguards under Art. 46."
    ),
    fix="Use standard contractual clauses or another Art. 46 safeguard for regular transfers.",
    bad=_ACTIVITY
    + _PARTY
    + """\
    locations:
      - country: US
        mechanism: {mechanism: derogation, point: b, occasional: false}  # <-
""",
    good=_ACTIVITY
    + _PARTY
    + """\
    locations:
      - country: US
        mechanism: {mechanism: scc, module: 2, tia: TIA-2026-03}
""",
)
def derogation_for_regular_transfers(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_derogation_for_regular_transfers(registry, context)


def _check_derogation_for_regular_transfers(registry: Registry, context: Context) -> Iterator[Hit]:
    for reached in _reached(registry):
        mechanism = reached.location.mechanism
        if isinstance(mechanism, Derogation) and not mechanism.occasional:
            party, country = reached.party.id, reached.location.country
            yield Hit(
                party,
                (*reached.path, "occasional"),
                Words(
                    en=f"'{party}' receives data in {country} regularly under the Art. 49(1)"
                    f"({mechanism.point}) derogation, which only covers occasional transfers",
                    nb=f"'{party}' mottar opplysninger i {country} jevnlig etter unntaket i art. "
                    f"49 nr. 1 bokstav {mechanism.point}, som bare gjelder enkeltstående "
                    "overføringer",
                ),
            )


_SAFEGUARDS_COPY = """\
  safeguards_copy:
    nb: Send e-post til personvern@acme.no for en kopi av personvernbestemmelsene.
    en: E-mail personvern@acme.no for a copy of the standard contractual clauses.
"""

_NEEDS_COPY = (StandardContractualClauses, BindingCorporateRules)
"""Art. 46 and 47 safeguards: the notice must say how to obtain a copy."""

_SCC = """\
    locations:
      - country: US
        mechanism: {mechanism: scc, module: 2, tia: TIA-2026-03}
"""


@rule(
    id="R31",
    blocks_publication=True,
    name="transfers-not-in-notice",
    severity=Severity.ERROR,
    references=("GDPR Art. 13(1)(f)", "GDPR Art. 14(1)(f)"),
    summary="The notice cannot say how to get a copy of the safeguards for transfers.",
    rationale=(
        "The notice must tell people that their data leaves the EEA and, for transfers "
        "under Art. 46 or 47 safeguards, refer to them and say how to obtain a copy "
        "(Art. 13(1)(f)). The registry computes the transfers and their mechanisms for the "
        "notice; what it cannot compute is how the organisation hands out the safeguards, "
        "so the organisation must state it (`safeguards_copy`) whenever a transfer rests on "
        "standard contractual clauses, binding corporate rules, or a mechanism not yet "
        "known. Transfers under an adequacy decision or the DPF need no copy."
    ),
    fix=(
        "Add `safeguards_copy:` to the organisation, in bokmål and English, e.g. "
        '"E-mail personvern@... for a copy of the standard contractual clauses".'
    ),
    bad=organisation(id_mark="  # <-") + _ACTIVITY + _PARTY + _SCC,
    good=organisation(extra=_SAFEGUARDS_COPY) + _ACTIVITY + _PARTY + _SCC,
)
def transfers_not_in_notice(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_transfers_not_in_notice(registry, context)


def _check_transfers_not_in_notice(registry: Registry, context: Context) -> Iterator[Hit]:
    if registry.organisation.safeguards_copy is not None:
        return
    needing = [
        reached.party.id
        for reached in _reached(registry)
        if known(reached.location.mechanism) is None
        or isinstance(reached.location.mechanism, _NEEDS_COPY)
    ]
    needing += [  # international organisations (Art. 13(1)(f) names them too)
        party.id
        for party in registry.parties.values()
        if party.international_organisation is not None
        and registry.activities_using(party.id)
        and (
            known(party.international_organisation.mechanism) is None
            or isinstance(party.international_organisation.mechanism, _NEEDS_COPY)
        )
    ]
    if not needing:
        return
    parties = listing(needing, "en")
    parties_nb = listing(needing, "nb")
    yield Hit(
        None,
        ("safeguards_copy",),
        Words(
            en=f"data goes outside the EEA under safeguards or unsettled mechanisms ({parties}), "
            "but the organisation does not say how people get a copy of the safeguards",
            nb=f"opplysninger overføres ut av EØS etter garantier eller uavklart grunnlag "
            f"({parties_nb}), men virksomheten sier ikke hvordan man får en kopi av garantiene",
        ),
    )


@rule(
    id="R54",
    name="adequacy-eea-unconfirmed",
    severity=Severity.WARNING,
    references=("GDPR Art. 45(1)", "EEA Agreement Art. 98", "EEA Agreement Annex XI"),
    summary="A transfer relies on an adequacy decision whose EEA incorporation is unconfirmed.",
    rationale=(
        "An adequacy decision adopted by the Commission binds Norway only once the EEA Joint "
        "Committee has incorporated it into Annex XI of the EEA Agreement (Art. 98). Where "
        "the reference data could not confirm that Joint Committee decision and its date, "
        "the transfer is judged from the EU adoption, which is the earliest day it can apply; "
        "the finding asks for the confirmation instead of passing silently."
    ),
    fix=(
        "Look up the EEA Joint Committee decision incorporating the adequacy decision "
        "(efta.int, EEA-Lex) and record it in the reference data, or rely on standard "
        "contractual clauses until it is confirmed."
    ),
    bad=_ACTIVITY
    + _PARTY
    + """\
    locations:
      - country: JP
        mechanism: {mechanism: adequacy}  # <-
""",
    good=_ACTIVITY
    + _PARTY
    + """\
    locations:
      - country: JP
        mechanism: {mechanism: scc, module: 2, tia: TIA-2026-03}
""",
)
def adequacy_eea_unconfirmed(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_adequacy_eea_unconfirmed(registry, context)


def _check_adequacy_eea_unconfirmed(registry: Registry, context: Context) -> Iterator[Hit]:
    """One finding per decision, at the first transfer relying on it, naming every party."""
    yield from _organisations_eea_unconfirmed(registry, context)
    relying: dict[str, tuple[AdequacyDecision, list[_Reached]]] = {}
    for reached in _reached(registry):
        if not isinstance(reached.location.mechanism, Adequacy | DataPrivacyFramework):
            continue
        decision = registry.reference.adequacy_for(reached.location.country)
        if decision is None or not decision.eea_unconfirmed:
            continue
        if not decision.valid_on(context.today):
            continue  # R28 reports it as not in force
        relying.setdefault(decision.decision, (decision, []))[1].append(reached)
    for decision, transfers in relying.values():
        first, adopted = transfers[0], decision.eu_adopted.isoformat()
        parties = list(dict.fromkeys(r.party.id for r in transfers))
        who_en, who_nb = listing(parties, "en"), listing(parties, "nb")
        yield Hit(
            first.party.id,
            first.path,
            Words(
                en=f"{who_en} {'relies' if len(parties) == 1 else 'rely'} on the adequacy "
                f"decision for {decision.name} (adopted {adopted}), but its incorporation into "
                "the EEA Agreement is not confirmed in the reference data: confirm the EEA "
                "Joint Committee decision and its date",
                nb=f"{who_nb} bygger på beslutningen om tilstrekkelig beskyttelsesnivå for "
                f"{decision.name} (vedtatt {adopted}), men innlemmelsen i EØS-avtalen er ikke "
                "bekreftet i referansedataene: bekreft EØS-komiteens beslutning og datoen",
            ),
        )


def _organisations_eea_unconfirmed(registry: Registry, context: Context) -> Iterator[Hit]:
    """The same for an international organisation's adequacy decision (rule R70's parties)."""
    for party in registry.parties.values():
        organisation = party.international_organisation
        if organisation is None or not isinstance(organisation.mechanism, Adequacy):
            continue
        decision = registry.reference.adequacy_for_organisation(organisation.code)
        if decision is None or not decision.eea_unconfirmed:
            continue
        if not decision.valid_on(context.today) or not registry.activities_using(party.id):
            continue
        p, adopted = party.id, decision.eu_adopted.isoformat()
        yield Hit(
            p,
            ("international_organisation", "mechanism"),
            Words(
                en=f"'{p}' relies on the adequacy decision for the {decision.name} (adopted "
                f"{adopted}), but its incorporation into the EEA Agreement is not confirmed in "
                "the reference data: confirm the EEA Joint Committee decision and its date",
                nb=f"'{p}' bygger på beslutningen om tilstrekkelig beskyttelsesnivå for "
                f"{decision.name} (vedtatt {adopted}), men innlemmelsen i EØS-avtalen er ikke "
                "bekreftet i referansedataene: bekreft EØS-komiteens beslutning og datoen",
            ),
        )


# --------------------------------------------------------------------------- R72


@rule(
    id="R72",
    name="adequacy-scope-unconfirmed",
    severity=Severity.WARNING,
    references=(
        "GDPR Art. 45(1)",
        "Commission Decision 2002/2/EC (Canada, PIPEDA)",
        "Commission Implementing Decision (EU) 2019/419 (Japan)",
    ),
    summary=(
        "A transfer relies on an adequacy decision that covers only part of the country, "
        "and the record does not say the recipient is within it."
    ),
    rationale=(
        "Some adequacy decisions cover only part of a country: Canada's covers commercial "
        "organisations subject to PIPEDA, Japan's the private sector. A public authority or "
        "a body outside that scope receives the data without an adequacy decision, and the "
        "transfer needs another mechanism (Art. 46, 49). The rule reads the decision's "
        "scope from the reference data: a recipient recorded as an authority is outside it; "
        "any other recipient is asked to confirm, under the mechanism's `scope:`, why it "
        "falls within it."
    ),
    fix=(
        "Record under the mechanism `scope:` why the recipient falls within the decision "
        "(e.g. a Japanese company bound by the APPI), or use standard contractual clauses."
    ),
    bad=_ACTIVITY
    + _PARTY
    + """\
    locations:
      - country: JP
        mechanism: {mechanism: adequacy}  # <-
""",
    good=_ACTIVITY
    + _PARTY
    + """\
    locations:
      - country: JP
        mechanism:
          mechanism: adequacy
          scope: {nb: Japansk selskap under APPI, en: A Japanese company under the APPI}
""",
)
def adequacy_scope_unconfirmed(registry: Registry, context: Context) -> Iterator[Hit]:
    for reached in _reached(registry):
        mechanism = reached.location.mechanism
        if not isinstance(mechanism, Adequacy):
            continue
        decision = registry.reference.adequacy_for(reached.location.country)
        if decision is None or decision.scope is None or decision.requires_dpf:
            continue
        party = reached.party.id
        if reached.party.role is PartyRole.AUTHORITY:
            yield Hit(
                party,
                reached.path,
                Words(
                    en=f"'{party}' is an authority in {decision.name}, outside the scope of "
                    f"{decision.decision} ({decision.scope}): the transfer needs another "
                    "mechanism (GDPR Art. 46 or 49)",
                    nb=f"'{party}' er en myndighet i {decision.name}, utenfor virkeområdet til "
                    f"{decision.decision} («{decision.scope}», på engelsk): overføringen trenger "
                    "et annet grunnlag (GDPR art. 46 eller 49)",
                ),
            )
        elif mechanism.scope is None:
            yield Hit(
                party,
                reached.path,
                Words(
                    en=f"'{party}' relies on {decision.decision} for {decision.name}, which "
                    f"covers {decision.scope}: confirm the recipient is within it and say why "
                    "under the mechanism's `scope:`",
                    nb=f"'{party}' bygger på {decision.decision} for {decision.name}, som "
                    f"gjelder «{decision.scope}» (referansedataene, på engelsk): bekreft at "
                    "mottakeren er omfattet og si hvorfor under grunnlagets `scope:`",
                ),
            )
