"""The breach draft as Markdown in one language: the Art. 33 notification, then Art. 34.

The order follows GDPR Art. 33(3) point by point, so the privacy officer can copy each
part into the supervisory authority's notification form; Art. 33(2) (as a processor), Art. 34 (when
the categories suggest a high risk) and Art. 33(5) (documentation) follow.
"""

from __future__ import annotations

from holte_ropa.breach._cite import EDPB_BREACH_GUIDELINES, RECITALS, cite
from holte_ropa.breach._communication import communication
from holte_ropa.breach._consequences import CONSEQUENCES
from holte_ropa.breach._deadline import local_time
from holte_ropa.breach._draft import BreachDraft
from holte_ropa.breach._wording import fill_marker, say
from holte_ropa.graph._labels import text
from holte_ropa.model._countries import country_name
from holte_ropa.model._registry import Registry
from holte_ropa.model._unknown import is_unknown, known
from holte_ropa.terms import LANGUAGES, in_running_text

__all__ = ["render_breach"]


def render_breach(
    registry: Registry, draft: BreachDraft, lang: str, *, communication_draft: bool | None = None
) -> str:
    """The whole draft in ``lang`` (nb or en) as Markdown.

    ``communication_draft`` forces the Art. 34 draft in or out; by default it is included
    when the categories suggest a high risk and the organisation is a controller of some
    concerned activity (as a processor only, telling the people is the controller's duty).
    """
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    suggested = draft.risk.high_risk_suggested and draft.role != "processor"
    with_art34 = suggested if communication_draft is None else communication_draft
    parts = [
        _summary(registry, draft, lang),
        _deadline(registry, draft, lang),
        _nature(registry, draft, lang),
        _contact(registry, lang),
        _consequences(registry, draft, lang),
        _measures(registry, draft, lang),
    ]
    if draft.controllers_to_notify:
        parts.append(_processor(draft, lang))
    if with_art34:
        parts.append(_art34(registry, draft, lang))
    parts.append(
        f"## {say('log_heading', lang)}\n\n{say('log_text', lang, ref=cite(lang, 33, 5))}\n"
    )
    return "\n".join(parts)


def _authority(registry: Registry, lang: str) -> str:
    """The supervisory authority as named mid-sentence, or a field to fill when the record
    holds it as ``unknown``: the draft never names an authority the record does not have."""
    authority = registry.organisation.supervisory_authority
    if is_unknown(authority):
        return fill_marker(lang, say("authority_fill", lang))
    return in_running_text(text(authority.name, lang), lang)


def _summary(registry: Registry, draft: BreachDraft, lang: str) -> str:
    targets = ", ".join(
        f"{_entity_name(registry, ident, lang)} ({say('kind_' + kind, lang)})"
        for kind, ident in draft.scope.targets
    )
    rows = [
        (say("breached", lang), targets),
        (say("aware", lang), local_time(draft.deadline.discovered, lang)),
    ]
    if draft.notify_authority:
        rows.append(
            (
                say("due", lang, authority=_authority(registry, lang)),
                f"**{local_time(draft.deadline.due, lang)}** ({cite(lang, 33, 1)})",
            )
        )
    rows.append((say("role", lang), say(f"role_{draft.role}", lang)))
    table = "\n".join(f"| {key} | {value} |" for key, value in rows)
    return f"# {say('title', lang)}\n\n> {say('intro', lang)}\n\n| | |\n|---|---|\n{table}\n"


def _deadline(registry: Registry, draft: BreachDraft, lang: str) -> str:
    heading = f"## {say('deadline_heading', lang)} ({cite(lang, 33, 1)})\n\n"
    if not draft.notify_authority:
        return (
            heading
            + say("no_authority_deadline", lang, ref=cite(lang, 33, 1), ref2=cite(lang, 33, 2))
            + "\n"
        )
    body = [
        say(
            "deadline_text",
            lang,
            authority=_authority(registry, lang),
            ref=cite(lang, 33, 1),
            due=local_time(draft.deadline.due, lang),
            zone=draft.deadline.time_zone,
        ),
        say(
            "deadline_missed",
            lang,
            ref=cite(lang, 33, 1),
            ref4=cite(lang, 33, 4),
            reasons=fill_marker(lang, say("delay_reasons", lang)) + ".",
        ),
        say("no_risk_exception", lang, ref=cite(lang, 33, 1), ref5=cite(lang, 33, 5)),
    ]
    if draft.deadline_passed:  # said once: the reasons are asked for at the top
        body[1:2] = []
        body.insert(
            0,
            say(
                "deadline_passed",
                lang,
                due=local_time(draft.deadline.due, lang),
                ref=cite(lang, 33, 1),
                reasons=fill_marker(lang, say("delay_reasons", lang)) + ".",
            ),
        )
    return heading + "\n\n".join(body) + "\n"


def _nature(registry: Registry, draft: BreachDraft, lang: str) -> str:
    ref = cite(lang, 33, 3, "a")
    guidelines = EDPB_BREACH_GUIDELINES[lang]
    lines = [f"## (a) {say('a_heading', lang)} ({ref})", ""]
    lines.append(
        f"- **{say('what_happened', lang)}:** {fill_marker(lang, say('what_happened_fill', lang))}"
    )
    lines.append(
        f"- **{say('breach_type', lang)}:** "
        + fill_marker(lang, say("breach_type_fill", lang, guidelines=guidelines))
    )
    lines.append(f"- **{say('activities', lang)}:**" + _activity_list(registry, draft, lang))
    subjects = [
        text(registry.subject_categories[s].name, lang) for s in draft.scope.subject_categories
    ]
    lines.append(f"- **{say('subject_categories', lang)}:** {_joined(subjects, lang)}")
    lines.append(f"- **{say('subjects_number', lang)}:** {_number(draft, 'subjects', lang)}")
    data = [_data_name(registry, d, lang) for d in draft.scope.data_categories]
    lines.append(f"- **{say('data_categories', lang)}:** {_joined(data, lang)}")
    if draft.risk.unassessed:
        lines.append(f"  {say('some_unassessed', lang)}")
    elif not draft.risk.high_risk_suggested:
        lines.append(f"  {say('no_special', lang)}")
    lines.append(f"- **{say('records_number', lang)}:** {_number(draft, 'records', lang)}")
    lines.append(f"- **{say('countries', lang)}:** {_countries(registry, draft, lang)}")
    if draft.scope.parent_countries:
        owners = ", ".join(
            f"{registry.parties[p].name_in(lang)} ({country_name(c, lang)})"
            for p, c in draft.scope.parent_countries
        )
        lines.append(f"  {say('parent_access', lang, owners=owners)}")
    parties = [registry.parties[p].name_in(lang) for p in draft.scope.parties]
    if parties:
        lines.append(f"- **{say('parties', lang)}:** {', '.join(parties)}")
    return "\n".join(lines) + "\n"


def _countries(registry: Registry, draft: BreachDraft, lang: str) -> str:
    """The EEA countries, then the others after "outside the EEA:", so the qualifier
    covers exactly the countries outside; a field to fill for parties whose countries
    the record holds as ``unknown``."""
    scope = draft.scope
    inside = [country_name(c, lang) for c in scope.countries if c not in scope.transfer_countries]
    outside = [country_name(c, lang) for c in scope.transfer_countries]
    parts = []
    if inside:
        parts.append(", ".join(inside))
    if outside:
        parts.append(f"{say('outside_eea', lang)}: {', '.join(outside)}")
    if scope.locations_unknown:
        names = ", ".join(registry.parties[p].name_in(lang) for p in scope.locations_unknown)
        parts.append(fill_marker(lang, say("countries_fill", lang, parties=names)))
    return "; ".join(parts) if parts else say("none_recorded", lang)


def _given(value: str, lang: str, what: str) -> str:
    """``value``, or a field to fill when the record holds the text ``unknown``."""
    if value.strip().casefold() == "unknown":
        return fill_marker(lang, say("text_fill", lang, what=what))
    return value


def _activity_list(registry: Registry, draft: BreachDraft, lang: str) -> str:
    if not draft.activities:
        return " " + say("none_recorded", lang)
    items = []
    for affected in draft.activities:
        name = text(registry.activities[affected.id].name, lang)
        role = say("as_role", lang, role=say(f"role_{affected.role.value}", lang))
        items.append(f"\n  - {name} (`{affected.id}`), {role}")
    return "".join(items)


def _data_name(registry: Registry, ident: str, lang: str) -> str:
    category = registry.data_categories[ident]
    name = text(category.name, lang)
    kind = category.kind.value
    if kind == "special":
        return f"{name} (**{say('special', lang, ref=cite(lang, 9, 1))}**)"
    if kind == "criminal":
        return f"{name} (**{say('criminal', lang, ref=cite(lang, 10))}**)"
    if kind == "national_id":
        return f"{name} (**{say('national_id', lang)}**)"
    if kind == "unknown":
        return f"{name} ({fill_marker(lang, say('kind_unknown', lang))})"
    return name


def _number(draft: BreachDraft, which: str, lang: str) -> str:
    total = draft.subjects_total if which == "subjects" else draft.records_total
    if total is not None:
        return say("number_total", lang, total=f"{total:,}".replace(",", "\u00a0"))
    missing = [a.id for a in draft.activities if getattr(a, which) is None]
    return fill_marker(lang, say("number_fill", lang, activities=", ".join(missing) or "-"))


def _contact(registry: Registry, lang: str) -> str:
    org = registry.organisation
    lines = [f"## (b) {say('b_heading', lang)} ({cite(lang, 33, 3, 'b')})", ""]
    dpo = org.dpo
    if is_unknown(dpo):
        lines.append(f"- **{say('dpo', lang)}:** {fill_marker(lang, say('dpo_fill', lang))}")
    elif dpo.appointed:
        details = ", ".join(v for v in (dpo.name, dpo.email, dpo.phone) if v)
        lines.append(f"- **{say('dpo', lang)}:** {details}")
    else:
        reason = text(dpo.reason_none, lang) if dpo.reason_none else "-"
        lines.append(f"- **{say('dpo', lang)}:** {say('dpo_none', lang, reason=reason)}")
    email = known(org.privacy_contact) or fill_marker(lang, say("contact_email", lang))
    name = _given(org.legal_name, lang, say("organisation_name", lang))
    contact = ", ".join(v for v in (name, str(email), org.phone) if v)
    person = fill_marker(lang, say("contact_person", lang))
    lines.append(f"- **{say('contact_point', lang)}:** {contact}; {person}")
    return "\n".join(lines) + "\n"


def _consequences(registry: Registry, draft: BreachDraft, lang: str) -> str:
    lines = [f"## (c) {say('c_heading', lang)} ({cite(lang, 33, 3, 'c')})", ""]
    lines.append(
        say("c_intro", lang, recitals=RECITALS[lang], guidelines=EDPB_BREACH_GUIDELINES[lang])
    )
    lines.append("")
    for item in draft.consequences:
        names = [_category_name(registry, ident, lang) for ident in item.because]
        because = say("because", lang, what=", ".join(names))
        lines.append(f"- {CONSEQUENCES[item.key][lang]} _({because})_")
    lines.append(f"- {fill_marker(lang, say('consequences_fill', lang))}")
    lines.append("")
    if draft.role == "processor":  # Art. 34 is the controller's duty, not ours
        lines.append(
            say("processor_risk", lang, ref=cite(lang, 34, 1), ref28=cite(lang, 28, 3, "f"))
        )
    else:
        key = "high_risk" if draft.risk.high_risk_suggested else "no_high_risk"
        lines.append(say(key, lang, ref=cite(lang, 34, 1)))
    return "\n".join(lines) + "\n"


def _category_name(registry: Registry, ident: str, lang: str) -> str:
    if ident in registry.data_categories:
        return text(registry.data_categories[ident].name, lang)
    return text(registry.subject_categories[ident].name, lang)


def _measures(registry: Registry, draft: BreachDraft, lang: str) -> str:
    lines = [f"## (d) {say('d_heading', lang)} ({cite(lang, 33, 3, 'd')})", ""]
    lines.append(f"- {fill_marker(lang, say('measures_fill', lang))}")
    lines.append("")
    if not draft.security_measures:
        lines.append(say("no_measures", lang))
        return "\n".join(lines) + "\n"
    lines.append(say("recorded_measures", lang, ref=cite(lang, 32, 1)))
    lines.append("")
    for ident in draft.security_measures:
        measure = registry.security_measures[ident]
        hidden = "" if measure.public else f" ({say('not_public', lang)})"
        described = (
            fill_marker(lang, say("measure_fill", lang))
            if is_unknown(measure.description)
            else text(measure.description, lang)
        )
        lines.append(f"- {text(measure.name, lang)}{hidden}: {described}")
    return "\n".join(lines) + "\n"


def _processor(draft: BreachDraft, lang: str) -> str:
    lines = [f"## {say('processor_heading', lang)} ({cite(lang, 33, 2)})", ""]
    lines.append(say("processor_intro", lang, ref=cite(lang, 33, 2)))
    lines.append("")
    for item in draft.controllers_to_notify:
        lines.append(f"- `{item.activity}`")
        controllers = _given(text(item.controllers, lang), lang, say("controllers", lang).lower())
        agreement = _given(text(item.agreement, lang), lang, say("agreement", lang).lower())
        lines.append(f"  - **{say('controllers', lang)}:** {controllers}")
        lines.append(f"  - **{say('agreement', lang)}:** {agreement}")
        lines.append(f"    {fill_marker(lang, say('agreement_terms_fill', lang))}")
    return "\n".join(lines) + "\n"


def _art34(registry: Registry, draft: BreachDraft, lang: str) -> str:
    heading = f"## {say('art34_heading', lang)} ({cite(lang, 34, 1)})"
    intro = say("art34_intro", lang, ref=cite(lang, 34, 1), ref2=cite(lang, 34, 2))
    bodies = [communication(registry, draft, other) for other in LANGUAGES]
    return "\n".join([heading, "", intro, "", *bodies])


def _entity_name(registry: Registry, ident: str, lang: str) -> str:
    if ident in registry.parties:
        return registry.parties[ident].name_in(lang)
    for table in (registry.activities, registry.security_measures, registry.data_categories):
        if ident in table:
            return text(table[ident].name, lang)
    return ident


def _joined(items: list[str], lang: str) -> str:
    return ", ".join(items) if items else say("none_recorded", lang)
