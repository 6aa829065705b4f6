"""Building the public view of a registry: the only place that reads the models.

Only public facts are copied (see :mod:`holte_ropa.notice._views`), in registry order,
and third-country transfers come from ``Registry.transfers``, computed, never typed, so
two renders of the same registry are identical.
"""

from __future__ import annotations

import re
from dataclasses import replace

from holte_ropa.model._models import (
    Activity,
    Consent,
    Contract,
    Cookie,
    DataKind,
    Duration,
    LegalObligation,
    LegalSource,
    LegitimateInterest,
    Organisation,
    Party,
    PartyRole,
    PublicTask,
    Purpose,
    Recipients,
    Role,
    Text,
    Unknown,
    VitalInterest,
    is_unknown,
)
from holte_ropa.model._registry import Registry, Transfer
from holte_ropa.notice._views import (
    MISSING,
    PENDING,
    ActivityView,
    CookieView,
    Lang,
    Marker,
    NoticeView,
    PartyView,
    PromiseView,
    PurposeView,
    RecipientsView,
    RetentionView,
    SafeguardView,
    Str,
)
from holte_ropa.notice._wording import country_name, duration_text
from holte_ropa.terms import LEGAL_BASES

__all__ = ["notice_view"]

_COOKIE_ORDER = ("strictly_necessary", "preferences", "statistics", "marketing")


def _t(text: Text | Unknown | None, lang: Lang) -> Str:
    if is_unknown(text):
        return PENDING
    if text is None:
        return MISSING
    value = text.get(lang)
    return MISSING if value is None else value


def _authority(org: Organisation, lang: Lang) -> tuple[Str, Str]:
    """The supervisory authority's name and website, both pending while it is unknown."""
    authority = org.supervisory_authority
    if is_unknown(authority):
        return PENDING, PENDING
    return _t(authority.name, lang), str(authority.website)


def _opt(text: Text | None, lang: Lang) -> Str | None:
    return None if text is None else _t(text, lang)


def _known(value: Text | Unknown, lang: Lang) -> Str:
    """A Text, or PENDING for ``unknown``."""
    return PENDING if is_unknown(value) else _t(value, lang)


def _told(value: Text | Unknown | None, lang: Lang) -> Str | None:
    """A Text, PENDING for ``unknown``, None when the record leaves it out."""
    return None if value is None else _known(value, lang)


def _source(source: LegalSource | Unknown) -> Str:
    return PENDING if is_unknown(source) else str(source)


def _purpose(purpose: Purpose, lang: Lang) -> PurposeView:
    basis = purpose.legal_basis
    desc = _t(purpose.description, lang)
    dm = purpose.direct_marketing
    if is_unknown(basis):
        return PurposeView(desc, "pending", None, direct_marketing=dm)
    point = LEGAL_BASES[basis.basis].point
    if isinstance(basis, Consent):
        return PurposeView(
            desc,
            basis.basis,
            point,
            consent_collection=_known(basis.collection, lang),
            consent_withdrawal=_known(basis.withdrawal, lang),
            direct_marketing=dm,
        )
    if isinstance(basis, LegitimateInterest):
        return PurposeView(
            desc,
            basis.basis,
            point,
            interest=_known(basis.interest, lang),
            right_to_object=_opt(basis.right_to_object, lang),
            direct_marketing=dm,
        )
    if isinstance(basis, Contract):
        return PurposeView(
            desc, basis.basis, point, contract=_t(basis.contract, lang), direct_marketing=dm
        )
    if isinstance(basis, LegalObligation):
        return PurposeView(
            desc, basis.basis, point, legal_source=_source(basis.source), direct_marketing=dm
        )
    if isinstance(basis, PublicTask):
        return PurposeView(
            desc,
            basis.basis,
            point,
            legal_source=_source(basis.source),
            right_to_object=_opt(basis.right_to_object, lang),
            direct_marketing=dm,
        )
    assert isinstance(basis, VitalInterest)
    return PurposeView(
        desc, basis.basis, point, explanation=_t(basis.explanation, lang), direct_marketing=dm
    )


def _safeguard(registry: Registry, transfer: Transfer, lang: Lang) -> SafeguardView:
    party = registry.parties[transfer.party].name_in(lang)
    country = country_name(transfer.country, lang)
    mechanism = transfer.mechanism
    decision = transfer.adequacy.decision if transfer.adequacy is not None else None
    if mechanism is None or is_unknown(mechanism):
        return SafeguardView(party, country, "pending")
    kind = mechanism.mechanism
    if kind in {"adequacy", "dpf"} and decision is None:
        # No decision covers the destination (R28, R70 report it): the notice must not
        # state a basis the rules refuted, so it says the basis is not yet confirmed.
        return SafeguardView(party, country, "pending")
    if kind in {"adequacy", "dpf"}:
        number = re.search(r"\d{4}/\d+(?:/[A-Z]+)?", decision or "")
        return SafeguardView(
            party,
            country,
            kind,
            decision=decision,
            decision_number=number.group(0) if number else None,
        )
    if kind == "derogation":
        return SafeguardView(party, country, kind, point=getattr(mechanism, "point", None))
    return SafeguardView(party, country, kind)


def _used_for(registry: Registry, party_id: str, lang: Lang) -> tuple[str, ...]:
    """The names of the activities that use the sub-processor ``party_id``.

    A customer reading the sub-processor list (Art. 28(2)) needs to know which of our
    services it serves; our name alone tells them nothing they did not know.
    """
    served = (
        a.name.get(lang) or ""
        for a in registry.activities.values()
        if isinstance(a.recipients, Recipients) and party_id in a.recipients.processors
    )
    return tuple(name for name in served if name)


def _organisation_safeguard(registry: Registry, party: Party, lang: Lang) -> SafeguardView | None:
    """The transfer to a party that is an international organisation (Art. 4(26), 44),
    in the shape of a country's; None for any other party."""
    organisation = party.international_organisation
    if organisation is None:
        return None
    decision = registry.reference.adequacy_for_organisation(organisation.code)
    mechanism = organisation.mechanism
    if mechanism is not None and not is_unknown(mechanism) and mechanism.mechanism == "dpf":
        decision = None  # the DPF covers certified US companies only (R70)
    transfer = Transfer(
        activity="",
        party=party.id,
        country=organisation.code,
        access="processing",
        mechanism=mechanism,
        adequacy=decision,
    )
    view = _safeguard(registry, transfer, lang)
    # Named by its decision, or, with none, by its legal name (its code is often its name).
    if decision is not None:
        return replace(view, country=decision.name)
    legal_name = party.legal_name
    return view if is_unknown(legal_name) else replace(view, country=legal_name)


def _organisation_transfers(
    registry: Registry, reached: list[tuple[str, tuple[str, ...]]], lang: Lang
) -> tuple[SafeguardView, ...]:
    found = (_organisation_safeguard(registry, registry.parties[p], lang) for p, _ in reached)
    return tuple(view for view in found if view is not None)


def _transfers(
    registry: Registry, transfers: list[Transfer], lang: Lang
) -> tuple[SafeguardView, ...]:
    seen: dict[tuple[str, str], SafeguardView] = {}
    for transfer in transfers:
        key = (transfer.party, transfer.country)
        if key not in seen:
            seen[key] = _safeguard(registry, transfer, lang)
    return tuple(seen.values())


def _names(registry: Registry, ids: tuple[str, ...] | list[str], lang: Lang) -> tuple[str, ...]:
    return tuple(_in_sentence(registry, i, lang) for i in ids if i in registry.parties)


def _in_sentence(registry: Registry, party_id: str, lang: Lang) -> str:
    """A party's name inside a sentence: a category of recipients (``shown_as``) in lower
    case ("samarbeidspartnere i ..."), a company's name as it is written."""
    party = registry.parties[party_id]
    name = party.name_in(lang)
    return name[:1].lower() + name[1:] if party.shown_as is not None else name


def _recipients(
    registry: Registry,
    activity: Activity,
    reached: list[tuple[str, tuple[str, ...]]],
    lang: Lang,
) -> RecipientsView | Marker | None:
    """``reached`` is ``registry.parties_of(activity)``, computed once by the caller."""
    r = activity.recipients
    joint = _names(registry, activity.joint_controllers, lang)
    if is_unknown(r):
        return PENDING
    if not isinstance(r, Recipients):  # recipients: none
        return RecipientsView(joint_controllers=joint) if joint else None
    direct = set(registry.direct_parties(activity))
    subs = [p for p, via in reached if via and p not in direct]
    return RecipientsView(
        processors=_names(registry, r.processors, lang),
        sub_processors=_names(registry, subs, lang),
        controllers=_names(registry, r.controllers, lang),
        authorities=_names(registry, r.authorities, lang),
        joint_controllers=joint,
        unconfirmed=_names(registry, r.unconfirmed, lang),
    )


def _activity(
    registry: Registry, activity: Activity, lang: Lang, transfers: list[Transfer]
) -> ActivityView:
    data = [registry.data_categories[d] for d in activity.data_categories]
    # Identity, not a set: hashing an enum member runs Python code, once per category.
    special = tuple(
        _t(d.name, lang) for d in data if d.kind is DataKind.SPECIAL or d.kind is DataKind.CRIMINAL
    )
    sources: tuple[tuple[str, Str], ...] | Marker
    if is_unknown(activity.sources):
        sources = PENDING
    else:
        sources = tuple((s.kind, _t(s.description, lang)) for s in activity.sources)
    other = not isinstance(sources, Marker) and any(kind == "other" for kind, _ in sources)
    requirement: tuple[str, Str] | Marker | None
    if is_unknown(activity.requirement):
        requirement = PENDING
    elif activity.requirement is None:
        requirement = None
    else:
        requirement = (
            activity.requirement.required,
            _t(activity.requirement.consequences, lang),
        )
    automated: tuple[bool, Str | None, Str | None] | Marker | None
    decisions = activity.automated_decisions
    if is_unknown(decisions):
        automated = PENDING
    elif decisions is None:
        automated = None
    else:
        automated = (
            decisions.used,
            _told(decisions.logic, lang),
            _told(decisions.consequences, lang),
        )
    retention: tuple[RetentionView, ...] | Marker
    if is_unknown(activity.retention):
        retention = PENDING
    else:
        retention = tuple(
            RetentionView(
                tuple(
                    _t(registry.data_categories[c].name, lang)
                    for c in rule.categories
                    if c in registry.data_categories
                ),
                _t(rule.description, lang),
            )
            for rule in activity.retention
        )
    reached = registry.parties_of(activity)
    pending_locations = tuple(
        _in_sentence(registry, p, lang)
        for p, _ in reached
        if is_unknown(registry.parties[p].locations)
    )
    purposes = tuple(_purpose(p, lang) for p in activity.purposes)
    processor = activity.processor
    measures = tuple(
        _t(registry.security_measures[m].name, lang)
        for m in activity.security_measures
        if m in registry.security_measures and registry.security_measures[m].public
    )
    return ActivityView(
        anchor=f"activity-{activity.id}",
        entity=activity.id,
        name=_t(activity.name, lang),
        description=_t(activity.description, lang),
        role=activity.role.value,
        purposes=purposes,
        subjects=tuple(
            _t(registry.subject_categories[s].name, lang)
            for s in activity.subject_categories
            if s in registry.subject_categories
        ),
        data=tuple(_t(d.name, lang) for d in data),
        special_data=special,
        special_condition=activity.special_category_condition,
        sources=sources,
        other_source=other,
        requirement=requirement,
        automated=automated,
        recipients=_recipients(registry, activity, reached, lang),
        locations_pending=pending_locations,
        transfers=_transfers(registry, transfers, lang),
        retention=retention,
        security=measures,
        arrangement=_opt(activity.arrangement, lang),
        processor_controllers=_t(processor.controllers, lang) if processor else None,
        processor_agreement=_t(processor.agreement, lang) if processor else None,
        processor_categories=(
            tuple(_t(c, lang) for c in processor.processing_categories) if processor else ()
        ),
        consent=any(p.basis == "consent" for p in purposes),
        legitimate_interest=any(p.basis == "legitimate_interest" for p in purposes),
        direct_marketing=any(p.direct_marketing for p in purposes),
        organisation_transfers=_organisation_transfers(registry, reached, lang),
    )


def _party(registry: Registry, party: Party, lang: Lang, used: list[Transfer]) -> PartyView:
    countries: tuple[str, ...] | Marker
    if is_unknown(party.locations):
        countries = PENDING
        safeguards: tuple[SafeguardView, ...] = ()
    else:
        countries = tuple(dict.fromkeys(country_name(loc.country, lang) for loc in party.locations))
        if used:
            safeguards = _transfers(registry, used, lang)
        else:
            # No activity sends data to this party yet; its list entry still shows the
            # safeguard its locations would need, computed the way Registry.transfers does.
            safeguards = _transfers(
                registry,
                [
                    Transfer(
                        activity="",
                        party=party.id,
                        country=loc.country,
                        access=loc.access,
                        mechanism=loc.mechanism,
                        adequacy=registry.reference.adequacy_for(loc.country),
                    )
                    for loc in party.locations
                    if not registry.reference.is_eea(loc.country)
                ],
                lang,
            )
    organisation = _organisation_safeguard(registry, party, lang)
    if organisation is not None:
        safeguards = (*safeguards, organisation)
    engaged = None
    if party.engaged_by is not None:
        engaged = (
            registry.parties[party.engaged_by].name_in(lang)
            if party.engaged_by in registry.parties
            else registry.organisation.trade_name or registry.organisation.legal_name
        )
    return PartyView(
        name=party.name_in(lang),
        service=_t(party.service, lang),
        role=party.role.value,
        countries=countries,
        safeguards=safeguards,
        engaged_by=engaged,
        used_for=(
            _used_for(registry, party.id, lang)
            or _used_for(registry, party.engaged_by, lang)  # what its processor serves
            if party.engaged_by is not None
            else ()
        ),
        website=str(party.website) if party.website else None,
        category=party.shown_as is not None,
    )


def _cookie(registry: Registry, cookie: Cookie, lang: Lang) -> CookieView:
    org = registry.organisation
    if cookie.provider in registry.parties:
        provider = registry.parties[cookie.provider].name_in(lang)
    else:
        provider = org.trade_name or org.legal_name
    lifetime: Str
    if is_unknown(cookie.lifetime):
        lifetime = PENDING
    elif cookie.lifetime == "session":
        lifetime = "session"
    else:
        assert isinstance(cookie.lifetime, Duration)
        lifetime = duration_text(cookie.lifetime, lang)
    return CookieView(
        name=PENDING if is_unknown(cookie.name) else cookie.name,
        provider=provider,
        first_party=cookie.first_party,
        purpose=_t(cookie.purpose, lang),
        category=cookie.category.value,
        lifetime=lifetime,
        consent_before_set=cookie.consent_before_set,
    )


def _address(lines: tuple[str, ...], postal_code: str, city: str) -> tuple[str, ...]:
    return (*lines, f"{postal_code} {city}")


def _contact(value: object) -> Str:
    """An e-mail address or URL as text, or PENDING for ``unknown``."""
    return PENDING if is_unknown(value) else str(value)


def notice_view(registry: Registry, lang: Lang) -> NoticeView:
    """The public view of ``registry`` in ``lang``."""
    org = registry.organisation
    by_activity: dict[str, list[Transfer]] = {}
    by_party: dict[str, list[Transfer]] = {}
    for transfer in registry.transfers:
        by_activity.setdefault(transfer.activity, []).append(transfer)
        by_party.setdefault(transfer.party, []).append(transfer)
    activities = [
        _activity(registry, a, lang, by_activity.get(a.id, []))
        for a in registry.activities.values()
    ]
    controller = tuple(
        v
        for v, a in zip(activities, registry.activities.values(), strict=True)
        if a.role is not Role.PROCESSOR
    )
    processor = tuple(
        v
        for v, a in zip(activities, registry.activities.values(), strict=True)
        if a.role is Role.PROCESSOR
    )
    dpo: tuple[str, ...] | Str
    appointed: bool | None
    if is_unknown(org.dpo):
        dpo, appointed = PENDING, None
    elif org.dpo.appointed:
        dpo = tuple(x for x in (org.dpo.name, org.dpo.email, org.dpo.phone) if x)
        appointed = True
    else:
        dpo, appointed = _t(org.dpo.reason_none, lang), False
    visiting: tuple[str, ...] | Marker | None
    if is_unknown(org.visiting_address):
        visiting = PENDING
    elif org.visiting_address is None:
        visiting = None
    else:
        v = org.visiting_address
        visiting = _address(v.lines, v.postal_code, v.city)
    parties = [_party(registry, p, lang, by_party.get(p.id, [])) for p in registry.parties.values()]
    roles = [p.role for p in registry.parties.values()]
    cookies: dict[str, tuple[CookieView, ...]] = {}
    for category in _COOKIE_ORDER:
        found = tuple(
            _cookie(registry, c, lang)
            for c in registry.cookies.values()
            if c.category.value == category
        )
        if found:
            cookies[category] = found
    data_summary: dict[str, Str] = {}
    for a in registry.activities.values():
        if a.role is Role.PROCESSOR:
            continue
        for d in a.data_categories:
            data_summary.setdefault(d, _t(registry.data_categories[d].name, lang))
    bases = tuple(
        dict.fromkeys(p.basis for v in controller for p in v.purposes if p.basis != "pending")
    )
    controller_ids = {v.entity for v in controller}
    countries = tuple(
        dict.fromkeys(
            country_name(t.country, lang)
            for t in registry.transfers
            if t.activity in controller_ids
        )
    )
    organisations = tuple(
        dict.fromkeys(s.party for v in controller for s in v.organisation_transfers)
    )
    return NoticeView(
        lang=lang,
        entity=org.id,
        title=_t(org.notice.title, lang),
        legal_name=org.legal_name,
        trade_name=org.trade_name,
        org_number=PENDING if is_unknown(org.org_number) else org.org_number,
        postal_address=(
            PENDING
            if is_unknown(org.postal_address)
            else _address(
                org.postal_address.lines, org.postal_address.postal_code, org.postal_address.city
            )
        ),
        visiting_address=visiting,
        phone=org.phone,
        email=_contact(org.email),
        website=_contact(org.website),
        privacy_contact=_contact(org.privacy_contact),
        dpo=dpo,
        dpo_appointed=appointed,
        eu_representative=_opt(org.eu_representative, lang),
        authority=_authority(org, lang)[0],
        authority_website=_authority(org, lang)[1],
        security_summary=_known(org.security_summary, lang),
        security_measures=tuple(
            (_t(m.name, lang), _t(m.description, lang))
            for m in registry.security_measures.values()
            if m.public
        ),
        complaints=_known(org.complaints, lang),
        change_announcement=_known(org.notice.change_announcement, lang),
        version=PENDING if is_unknown(org.notice.version) else org.notice.version,
        safeguards_copy=_opt(org.safeguards_copy, lang),
        last_changed=(
            PENDING if is_unknown(org.notice.last_changed) else org.notice.last_changed.isoformat()
        ),
        history=tuple(
            (h.version, h.date.isoformat(), _t(h.summary, lang)) for h in org.notice.history
        ),
        rights=tuple(r.value for r in org.rights.applicable),
        how_to_exercise=_known(org.rights.how_to_exercise, lang),
        response_time=_known(org.rights.response_time, lang),
        promises=tuple(PromiseView(p.section, _t(p.text, lang)) for p in org.promises),
        controller_activities=controller,
        processor_activities=processor,
        processors=tuple(
            v for v, r in zip(parties, roles, strict=True) if r is PartyRole.PROCESSOR
        ),
        sub_processors=tuple(
            v for v, r in zip(parties, roles, strict=True) if r is PartyRole.SUB_PROCESSOR
        ),
        other_recipients=tuple(
            v
            for v, r in zip(parties, roles, strict=True)
            if r in {PartyRole.CONTROLLER, PartyRole.JOINT_CONTROLLER, PartyRole.AUTHORITY}
        ),
        cookies=cookies,
        cookies_stated=registry.cookies_stated,
        data_summary=tuple(data_summary.values()),
        bases_summary=bases,
        transfer_countries=countries,
        transfer_pending=tuple(p.in_sentence for p in parties if p.countries is PENDING),
        transfer_organisations=organisations,
        has_consent=any(v.consent for v in controller),
        has_legitimate_interest=any(v.legitimate_interest for v in controller),
        has_direct_marketing=any(v.direct_marketing for v in controller),
        recipients_pending=any(is_unknown(a.recipients) for a in registry.activities.values()),
        bases_pending=any(p.basis == "pending" for v in controller for p in v.purposes),
    )
