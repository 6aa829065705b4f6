"""The bokmål and English wording of registry changes.

Kept apart from the diff itself so that the diff decides *what* changed and who must be
told, and this module only decides how a newsletter sentence reads. Legal terms and
citations come from :mod:`holte_ropa.terms`, so the change log words and cites them as
the notice does: "GDPR Art. 28(2)" in English, "GDPR art. 28 nr. 2" in bokmål.
"""

from __future__ import annotations

from typing import Any

from holte_ropa.model._countries import country_name, in_sentence
from holte_ropa.model._models import UNKNOWN
from holte_ropa.terms import (
    LANGUAGES,
    LEGAL_BASES,
    ROLES,
    TRANSFER_MECHANISMS,
    Term,
    Words,
    cite,
    lower_first,
    same,
)

__all__ = [
    "Bilingual",
    "basis_label",
    "country_label",
    "duration_label",
    "field_label",
    "group_label",
    "join",
    "mechanism_label",
    "mid_sentence",
    "public_summary",
    "same",
    "summary",
]

Bilingual = Words
"""The change log's name for :class:`holte_ropa.terms.Words` (a sentence in nb and en)."""


def join(items: list[Bilingual]) -> Bilingual:
    """A comma-separated list; "none" when empty."""
    if not items:
        return Bilingual(nb="ingen", en="none")
    return Bilingual(nb=", ".join(i.nb for i in items), en=", ".join(i.en for i in items))


_UNKNOWN = Bilingual(nb="ikke avklart", en="not yet confirmed")
_NONE = Bilingual(nb="ingen", en="none")


def _cited(term: Term, point: str | None = None) -> Bilingual:
    """ "consent (GDPR Art. 6(1)(a))": the term's label and its article, per language."""
    if point is None:
        return Bilingual(
            nb=f"{term.label.nb} ({term.cite('nb')})", en=f"{term.label.en} ({term.cite('en')})"
        )
    assert term.article is not None
    refs = {lang: cite(lang, term.article, term.paragraph, point) for lang in LANGUAGES}
    return Bilingual(nb=f"{term.label.nb} ({refs['nb']})", en=f"{term.label.en} ({refs['en']})")


_UNNAMED_BASIS = Term(Words(nb="?", en="?"), 6, 1)
_UNNAMED_MECHANISM = Term(Words(nb="?", en="?"), 46)


def basis_label(value: Any) -> Bilingual:
    """A legal basis as "consent (GDPR Art. 6(1)(a))"."""
    if not isinstance(value, dict):
        return _UNKNOWN if value == UNKNOWN.value else _NONE
    return _cited(LEGAL_BASES.get(str(value.get("basis")), _UNNAMED_BASIS))


def mechanism_label(value: Any) -> Bilingual:
    """A transfer mechanism as "standard contractual clauses (GDPR Art. 46(2)(c))"."""
    if not isinstance(value, dict):
        return _UNKNOWN if value == UNKNOWN.value else _NONE
    kind = str(value.get("mechanism"))
    term = TRANSFER_MECHANISMS.get(kind, _UNNAMED_MECHANISM)
    if kind == "derogation":
        return _cited(term, str(value.get("point")))
    return _cited(term)


def country_label(code: str) -> Bilingual:
    """A country's name from its ISO code as it stands in a sentence, e.g. "Sverige" /
    "Sweden", "USA" / "the United States"."""
    return Bilingual(nb=country_name(code, "nb"), en=in_sentence(country_name(code, "en"), "en"))


_UNITS = (("years", "år", "år", "year", "years"), ("months", "måned", "måneder", "month",
          "months"), ("days", "dag", "dager", "day", "days"))  # fmt: skip


def duration_label(value: dict[str, Any]) -> Bilingual:
    """A period as "5 år" / "5 years"."""
    nb: list[str] = []
    en: list[str] = []
    for key, nb_one, nb_many, en_one, en_many in _UNITS:
        count = int(value.get(key) or 0)
        if count:
            nb.append(f"{count} {nb_one if count == 1 else nb_many}")
            en.append(f"{count} {en_one if count == 1 else en_many}")
    if not nb:
        return Bilingual(nb="0 dager", en="0 days")
    return Bilingual(nb=" og ".join(nb), en=" and ".join(en))


_GROUPS: dict[str, Term] = {
    "processors": ROLES["processor"],
    "controllers": ROLES["independent_controller"],
    "joint_controllers": ROLES["joint_controller"],
}
_AUTHORITY = Bilingual(nb="offentlig myndighet", en="public authority")
_UNCONFIRMED = Bilingual(
    nb="mottaker med rolle som ikke er bekreftet", en="recipient whose role is not confirmed"
)


def group_label(group: str) -> Bilingual:
    """What a recipient is to the activity, e.g. "processor"."""
    if group == "authorities":
        return _AUTHORITY
    if group == "unconfirmed":
        return _UNCONFIRMED
    term = _GROUPS.get(group)
    return term.label if term is not None else same(group)


_FIELDS: dict[str, tuple[str, str]] = {
    "name": ("navn", "name"),
    "description": ("beskrivelse", "description"),
    "service": ("tjeneste", "service"),
    "purpose": ("formål", "purpose"),
    "role": ("rolle", "role"),
    "website": ("nettsted", "website"),
    "legal_name": ("juridisk navn", "legal name"),
    "trade_name": ("navn", "name"),
    "category": ("kategori", "category"),
    "lifetime": ("levetid", "lifetime"),
    "consent_before_set": ("samtykke før den settes", "consent before it is set"),
    "engaged_by": ("engasjert av", "engaged by"),
    "sources": ("kilder", "sources"),
    "requirement": ("plikt til å gi opplysninger", "requirement to provide data"),
    "automated_decisions": ("automatiserte avgjørelser", "automated decisions"),
    "security_measures": ("sikkerhetstiltak", "security measures"),
    "dpia": ("personvernkonsekvensvurdering", "data protection impact assessment"),
    "kind": ("type", "kind"),
    "public": ("offentlig", "public"),
    "vulnerable": ("sårbar gruppe", "vulnerable group"),
    "access": ("tilgang", "access"),
    "parent_country": ("morselskapets land", "parent company's country"),
    "authorisation": ("godkjenning", "authorisation"),
    "dpa": ("databehandleravtale", "data processing agreement"),
    "notice": ("personvernerklæring", "privacy notice"),
    "rights": ("rettigheter", "rights"),
    "promises": ("løfter", "promises"),
    "email": ("e-post", "e-mail"),
    "privacy_contact": ("kontakt for personvern", "privacy contact"),
    "dpo": ("personvernombud", "data protection officer"),
    "security_summary": ("sikring av opplysningene", "how data is secured"),
    "complaints": ("klage", "complaints"),
    "recipients": ("mottakere", "recipients"),
    "processor": ("databehandleropplysninger", "processor details"),
    "owner": ("ansvarlig", "owner"),
    "used": ("i bruk", "used"),
    "logic": ("logikk", "logic"),
    "balancing_test": ("interesseavveining", "balancing test"),
    "legal_basis": ("behandlingsgrunnlag", "legal basis"),
    "purposes": ("formål", "purposes"),
    "proof": ("bevis for samtykke", "proof of consent"),
    "tia": ("vurdering av overføringen", "transfer impact assessment"),
    "mechanism": ("overføringsgrunnlag", "transfer mechanism"),
    "retention": ("lagringstid", "retention"),
    "locations": ("land", "countries"),
    "signed": ("signert", "signed"),
    "data_categories": ("personopplysninger", "personal data"),
    "subject_categories": ("registrerte", "data subjects"),
    "joint_controllers": ("felles behandlingsansvarlige", "joint controllers"),
    "arrangement": ("ordning mellom felles behandlingsansvarlige", "joint arrangement"),
    "interest": ("berettiget interesse", "legitimate interest"),
    "collection": ("innhenting av samtykke", "how consent is asked for"),
    "withdrawal": ("tilbaketrekking av samtykke", "how consent is withdrawn"),
    "right_to_object": ("protestrett", "right to object"),
    "contract": ("avtale", "contract"),
    "history": ("endringshistorikk", "change history"),
    "applicable": ("rettigheter som gjelder", "rights that apply"),
    "how_to_exercise": ("slik bruker du rettighetene", "how to exercise the rights"),
    "response_time": ("svartid", "response time"),
    "postal_address": ("postadresse", "postal address"),
    "visiting_address": ("besøksadresse", "visiting address"),
    "lines": ("adresselinjer", "address lines"),
    "uses": ("bruk", "uses"),
    "criteria": ("kriterier", "criteria"),
    "change_announcement": ("varsling av endringer", "how changes are announced"),
    "duration": ("varighet", "duration"),
    "trigger": ("regnes fra", "counted from"),
    "action": ("tiltak", "action"),
    "claim": ("kontrollerbar påstand", "checkable claim"),
    "status": ("status", "status"),
    "reference": ("referanse", "reference"),
    "version": ("versjon", "version"),
    "last_changed": ("sist endret", "last changed"),
    "title": ("tittel", "title"),
    "date": ("dato", "date"),
    "notes": ("notater", "notes"),
}


def field_label(path: str) -> Bilingual:
    """A dotted field path in words: "privacy notice: version" for ``notice.version``."""
    first, last = path.split(".", 1)[0], path.rsplit(".", 1)[-1]
    outer, inner = _FIELDS.get(first), _FIELDS.get(last)
    if outer and inner and first != last:
        return Bilingual(nb=f"{outer[0]}: {inner[0]}", en=f"{outer[1]}: {inner[1]}")
    known = inner or outer
    if known is None:
        return same(path)
    return Bilingual(nb=known[0], en=known[1])


_ART28 = (cite("nb", 28, 2), cite("en", 28, 2))

_TEMPLATES: dict[str, tuple[str, str]] = {
    "activity_added": (
        "Ny behandlingsaktivitet: «{entity}».",
        "New processing activity: “{entity}”.",
    ),
    "activity_removed": (
        "Behandlingsaktiviteten «{entity}» er fjernet.",
        "The processing activity “{entity}” was removed.",
    ),
    "purpose_added": ("«{entity}»: nytt formål «{item}».", "“{entity}”: new purpose “{item}”."),
    "purpose_removed": (
        "«{entity}»: formålet «{item}» er fjernet.",
        "“{entity}”: the purpose “{item}” was removed.",
    ),
    "purpose_changed": (
        "«{entity}»: formålet «{item}» er endret ({field}): {after}.",
        "“{entity}”: the purpose “{item}” changed ({field}): {after}.",
    ),
    "legal_basis_changed": (
        "«{entity}»: behandlingsgrunnlaget for «{item}» er endret fra {before} til {after}.",
        "“{entity}”: the legal basis for “{item}” changed from {before} to {after}.",
    ),
    "legal_basis_changed:details": (
        "«{entity}»: vilkårene for behandlingsgrunnlaget for «{item}», {after}, er endret.",
        "“{entity}”: the terms of the legal basis for “{item}”, {after}, changed.",
    ),
    "retention_changed": (
        "«{entity}»: lagringstiden er endret til {after} (før: {before}).",
        "“{entity}”: the retention period changed to {after} (before: {before}).",
    ),
    "data_category_added": (
        "«{entity}» behandler nå også: {item}.",
        "“{entity}” now also processes: {item}.",
    ),
    "data_category_removed": (
        "«{entity}» behandler ikke lenger: {item}.",
        "“{entity}” no longer processes: {item}.",
    ),
    "subject_category_added": (
        "«{entity}» gjelder nå også: {item}.",
        "“{entity}” now also concerns: {item}.",
    ),
    "subject_category_removed": (
        "«{entity}» gjelder ikke lenger: {item}.",
        "“{entity}” no longer concerns: {item}.",
    ),
    "recipient_added": (
        "«{entity}»: ny mottaker «{item}» ({extra}).",
        "“{entity}”: new recipient “{item}” ({extra}).",
    ),
    "recipient_removed": (
        "«{entity}»: «{item}» ({extra}) mottar ikke lenger opplysninger.",
        "“{entity}”: “{item}” ({extra}) no longer receives data.",
    ),
    "party_added": (
        "Ny mottaker: «{entity}» ({item}), i: {after}; for: {extra}.",
        "New recipient: “{entity}” ({item}), in: {after}; for: {extra}.",
    ),
    "party_removed": (
        "«{entity}» mottar ikke lenger opplysninger.",
        "“{entity}” no longer receives data.",
    ),
    "party_countries_changed": (
        "«{entity}» behandler nå opplysninger i: {after} (før: {before}).",
        "“{entity}” now processes data in: {after} (before: {before}).",
    ),
    "transfer_mechanism_changed": (
        "«{entity}», overføring til {item}: grunnlaget er endret fra {before} til {after}.",
        "“{entity}”, transfer to {item}: the mechanism changed from {before} to {after}.",
    ),
    "sub_processor_added": (
        f"Ny underdatabehandler: «{{entity}}» ({{item}}), i: {{after}}; for: {{extra}}. "
        f"Kundene varsles etter {_ART28[0]}.",
        f"New sub-processor: “{{entity}}” ({{item}}), in: {{after}}; for: {{extra}}. "
        f"Customers are notified under {_ART28[1]}.",
    ),
    "sub_processor_removed": (
        "Underdatabehandleren «{entity}» er ikke lenger i bruk.",
        "The sub-processor “{entity}” is no longer used.",
    ),
    "sub_processor_replaced": (
        f"Underdatabehandleren «{{before}}» erstattes av «{{entity}}» ({{item}}), i: "
        f"{{after}}; for: {{extra}}. Kundene varsles etter {_ART28[0]}.",
        f"The sub-processor “{{before}}” is replaced by “{{entity}}” ({{item}}), in: "
        f"{{after}}; for: {{extra}}. Customers are notified under {_ART28[1]}.",
    ),
    "cookie_added": (
        "Ny informasjonskapsel «{entity}» fra {item} ({extra}).",
        "New cookie “{entity}” from {item} ({extra}).",
    ),
    "cookie_removed": (
        "Informasjonskapselen «{entity}» er fjernet.",
        "The cookie “{entity}” was removed.",
    ),
    "definition_added": ("Ny definisjon: «{entity}».", "New definition: “{entity}”."),
    "definition_removed": (
        "Definisjonen «{entity}» er fjernet.",
        "The definition “{entity}” was removed.",
    ),
    "text_changed": (
        "«{entity}»: teksten «{field}» er endret: {after}",
        "“{entity}”: the text “{field}” changed: {after}",
    ),
    "field_changed": (
        "«{entity}»: «{field}» er endret fra {before} til {after}.",
        "“{entity}”: “{field}” changed from {before} to {after}.",
    ),
    "field_changed:added": (
        "«{entity}»: «{field}»: lagt til {after}.",
        "“{entity}”: “{field}”: added {after}.",
    ),
    "field_changed:removed": (
        "«{entity}»: «{field}»: fjernet {before}.",
        "“{entity}”: “{field}”: removed {before}.",
    ),
    "field_changed:internal": (
        "«{entity}»: den interne opplysningen «{field}» er endret.",
        "“{entity}”: the internal field “{field}” changed.",
    ),
    "waiver_added": (
        "Nytt unntak fra regel {entity} for {extra}: {item}.",
        "New waiver of rule {entity} for {extra}: {item}.",
    ),
    "waiver_removed": (
        "Unntaket fra regel {entity} for {extra} er fjernet.",
        "The waiver of rule {entity} for {extra} was removed.",
    ),
}


def summary(kind: str, variant: str = "", /, **values: Bilingual) -> Bilingual:
    """The sentence for a change of ``kind``, its placeholders filled in each language."""
    nb, en = _TEMPLATES.get(f"{kind}:{variant}") or _TEMPLATES[kind]
    return Bilingual(
        nb=_tidy(nb.format_map(_Filled({k: v.nb for k, v in values.items()}))),
        en=_tidy(en.format_map(_Filled({k: v.en for k, v in values.items()}))),
    )


def _tidy(sentence: str) -> str:
    """One full stop when a quoted text that ends a sentence already has its own."""
    for mark in ("»", "”"):
        sentence = sentence.replace(f".{mark}.", f".{mark}")
    return sentence[:-1] if sentence.endswith("..") else sentence


class _Filled(dict[str, str]):
    """Placeholders a change has no value for read as "?" rather than failing."""

    def __missing__(self, key: str) -> str:
        return "?"


# --------------------------------------------------------------------------- for people

_PUBLIC: dict[str, tuple[str, str]] = {
    "activity_added": (
        "Vi har lagt til behandlingsaktiviteten «{entity}».",
        "We added the processing activity “{entity}”.",
    ),
    "activity_removed": (
        "Vi har avsluttet behandlingsaktiviteten «{entity}».",
        "We ended the processing activity “{entity}”.",
    ),
    "purpose_added": (
        "I «{entity}» har vi lagt til formålet «{item}».",
        "In “{entity}” we added the purpose “{item}”.",
    ),
    "purpose_removed": (
        "I «{entity}» har vi fjernet formålet «{item}».",
        "In “{entity}” we removed the purpose “{item}”.",
    ),
    "purpose_changed": (
        "I «{entity}» har vi endret beskrivelsen av formålet «{item}».",
        "In “{entity}” we changed the description of the purpose “{item}”.",
    ),
    "legal_basis_changed": (
        "I «{entity}» er behandlingsgrunnlaget for formålet «{item}» nå {after}; før var "
        "det {before}.",
        "In “{entity}” the legal basis for the purpose “{item}” is now {after}; before, it "
        "was {before}.",
    ),
    "legal_basis_changed:details": (
        "I «{entity}» har vi endret vilkårene for behandlingsgrunnlaget for formålet «{item}».",
        "In “{entity}” we changed the terms of the legal basis for the purpose “{item}”.",
    ),
    "retention_changed": (
        "I «{entity}» har vi endret hvor lenge vi lagrer opplysningene.",
        "In “{entity}” we changed how long we keep the data.",
    ),
    "data_category_added": (
        "I «{entity}» behandler vi nå også «{item}».",
        "In “{entity}” we now also process “{item}”.",
    ),
    "data_category_removed": (
        "I «{entity}» behandler vi ikke lenger «{item}».",
        "In “{entity}” we no longer process “{item}”.",
    ),
    "subject_category_added": (
        "«{entity}» gjelder nå også «{item}».",
        "“{entity}” now also concerns “{item}”.",
    ),
    "subject_category_removed": (
        "«{entity}» gjelder ikke lenger «{item}».",
        "“{entity}” no longer concerns “{item}”.",
    ),
    "recipient_added": (
        "I «{entity}» gir vi nå opplysninger til {item} ({extra}).",
        "In “{entity}” we now give data to {item} ({extra}).",
    ),
    "recipient_removed": (
        "I «{entity}» gir vi ikke lenger opplysninger til {item}.",
        "In “{entity}” we no longer give data to {item}.",
    ),
    "party_added": (
        "Vi gir nå opplysninger til {entity} for {item}, i {after}.",
        "We now give data to {entity} for {item}, in {after}.",
    ),
    "party_added:unlocated": (
        "Vi gir nå opplysninger til {entity} for {item}. Hvilke land {entity} behandler "
        "dem i, er ikke avklart ennå.",
        "We now give data to {entity} for {item}. In which countries {entity} processes it "
        "is not yet confirmed.",
    ),
    "party_removed": (
        "Vi gir ikke lenger opplysninger til {entity}.",
        "We no longer give data to {entity}.",
    ),
    "party_countries_changed": (
        "{entity} behandler nå opplysningene i {after}; før var det {before}.",
        "{entity} now processes the data in {after}; before, it was {before}.",
    ),
    "party_countries_changed:unknown_before": (
        "{entity} behandler opplysningene i {after}.",
        "{entity} processes the data in {after}.",
    ),
    "party_countries_changed:unknown_after": (
        "Hvilke land {entity} behandler opplysningene i, er ikke avklart ennå; før oppga vi "
        "{before}.",
        "In which countries {entity} processes the data is not yet confirmed; before, we "
        "said {before}.",
    ),
    "transfer_mechanism_changed": (
        "Overføringsgrunnlaget når {entity} behandler opplysninger i {item}, er nå {after}; "
        "før var det {before}.",
        "The transfer basis when {entity} processes data in {item} is now {after}; before, it "
        "was {before}.",
    ),
    "sub_processor_added": (
        "Vi har tatt i bruk {entity} som underdatabehandler for {item}, i {after}.",
        "We have engaged {entity} as a sub-processor for {item}, in {after}.",
    ),
    "sub_processor_added:unlocated": (
        "Vi har tatt i bruk {entity} som underdatabehandler for {item}. Hvilke land "
        "{entity} behandler opplysningene i, er ikke avklart ennå.",
        "We have engaged {entity} as a sub-processor for {item}. In which countries "
        "{entity} processes the data is not yet confirmed.",
    ),
    "sub_processor_removed": (
        "Vi bruker ikke lenger {entity} som underdatabehandler.",
        "We no longer use {entity} as a sub-processor.",
    ),
    "sub_processor_replaced": (
        "{entity} erstatter {before} som underdatabehandler for {item}, i {after}.",
        "{entity} replaces {before} as a sub-processor for {item}, in {after}.",
    ),
    "cookie_added": (
        "Nettsiden bruker en ny informasjonskapsel, «{entity}», fra {item}.",
        "The website uses a new cookie, “{entity}”, from {item}.",
    ),
    "cookie_removed": (
        "Nettsiden bruker ikke lenger informasjonskapselen «{entity}».",
        "The website no longer uses the cookie “{entity}”.",
    ),
    # A text or a detail changed: said once per entity, with no field names and no values.
    "updated:activity": (
        "Vi har oppdatert beskrivelsen av behandlingsaktiviteten «{entity}».",
        "We updated the description of the processing activity “{entity}”.",
    ),
    "updated:party": (
        "Vi har oppdatert opplysningene om {entity}.",
        "We updated the information about {entity}.",
    ),
    "updated:organisation": (
        "Vi har oppdatert teksten i personvernerklæringen.",
        "We updated the wording of the privacy notice.",
    ),
    "updated:cookie": (
        "Vi har oppdatert opplysningene om informasjonskapselen «{entity}».",
        "We updated the information about the cookie “{entity}”.",
    ),
    "updated:security_measure": (
        "Vi har oppdatert beskrivelsen av hvordan vi sikrer opplysningene.",
        "We updated the description of how we secure the data.",
    ),
    "updated:data_category": (
        "Vi har oppdatert beskrivelsen av opplysningene «{entity}».",
        "We updated the description of the data “{entity}”.",
    ),
    "updated:subject_category": (
        "Vi har oppdatert beskrivelsen av «{entity}».",
        "We updated the description of “{entity}”.",
    ),
}


def mid_sentence(value: Bilingual) -> Bilingual:
    """A description ("Lagring av data") as it reads inside a sentence ("lagring av data").

    The first letter only, and only where the first word is an ordinary word: "CRM-system"
    and "SuperOffice" keep their capitals.
    """

    return Bilingual(nb=lower_first(value.nb), en=lower_first(value.en))


def public_summary(kind: str, variant: str = "", /, **values: Bilingual) -> Bilingual:
    """The sentence the public change history prints for a change of ``kind``.

    Written for the people the notice is for: whole sentences, names rather than ids, no
    field names and no stored values. ``updated`` with the entity kind as ``variant`` is
    the one sentence for any change of wording or detail in that entity.
    """
    nb, en = (
        _PUBLIC.get(f"{kind}:{variant}") or _PUBLIC.get(kind) or _PUBLIC["updated:organisation"]
    )
    return Bilingual(
        nb=_tidy(nb.format_map(_Filled({k: v.nb for k, v in values.items()}))),
        en=_tidy(en.format_map(_Filled({k: v.en for k, v in values.items()}))),
    )
