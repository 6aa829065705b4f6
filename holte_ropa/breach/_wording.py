"""Every sentence of the breach drafts, in bokmål and English.

Sentences take named fields (``{deadline}``); legal references are filled in by
:func:`~holte_ropa.breach._cite.cite` so each is written once. Registry texts and names
are inserted by the renderers, never translated here.
"""

from __future__ import annotations

from holte_ropa.terms import ROLES, Words

__all__ = ["WORDS", "fill_marker", "say"]

_FILL = {"nb": "[FYLL INN: {what}]", "en": "[TO FILL: {what}]"}


def fill_marker(lang: str, what: str) -> str:
    """A field the record cannot fill, marked for the privacy officer."""
    return _FILL[lang].format(what=what)


def say(key: str, lang: str, **fields: str) -> str:
    """The sentence ``key`` in ``lang`` with its fields filled in."""
    return WORDS[key][lang].format(**fields)


_SENTENCES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ heading
    "title": (
        "Brudd på personopplysningssikkerheten: utkast til melding",
        "Personal data breach: draft notification",
    ),
    "intro": (
        "Utkast laget fra protokollen over behandlingsaktiviteter. Alt merket «FYLL INN» "
        "må personvernansvarlig fylle ut. Konsekvensene er forslag som skal vurderes. "
        "Utkastet er internt til det er sendt.",
        "Draft made from the record of processing activities. Everything marked "
        '"TO FILL" must be completed by the privacy officer. The consequences are '
        "suggestions to review. The draft is internal until it is sent.",
    ),
    "breached": ("Rammet", "Breached"),
    "aware": ("Ble kjent med bruddet", "Became aware of the breach"),
    "due": ("Meld til {authority} innen", "Notify {authority} by"),
    "role": ("Vår rolle", "Our role"),
    "role_controller_and_processor": (
        "behandlingsansvarlig og databehandler",
        "controller and processor",
    ),
    "kind_party": ("aktør", "party"),
    "kind_activity": ("behandlingsaktivitet", "activity"),
    "kind_security_measure": ("sikkerhetstiltak", "security measure"),
    "kind_data_category": ("opplysningskategori", "data category"),
    # ------------------------------------------------------------------ deadline
    "deadline_heading": ("Frist", "Deadline"),
    "deadline_text": (
        "Meldingen skal sendes til {authority} uten ugrunnet opphold og om mulig innen 72 "
        "timer etter at vi ble kjent med bruddet ({ref}): senest {due}. Fristen er 72 "
        "timer faktisk tid, regnet i tidssonen {zone}.",
        "Notify {authority} without undue delay and, where feasible, within 72 hours of "
        "becoming aware of the breach ({ref}): by {due}. The deadline is 72 hours of "
        "elapsed time, shown in the time zone {zone}.",
    ),
    "deadline_missed": (
        "Hvis fristen ikke holdes, skal meldingen begrunne forsinkelsen ({ref}): "
        "{reasons} Opplysninger som ikke er klare, kan gis trinnvis uten ytterligere "
        "ugrunnet opphold ({ref4}).",
        "If the deadline is missed, the notification must give the reasons for the delay "
        "({ref}): {reasons} Information not yet available may be provided in phases "
        "without undue further delay ({ref4}).",
    ),
    "delay_reasons": ("grunnene til forsinkelsen", "the reasons for the delay"),
    "no_authority_deadline": (
        "Alle berørte aktiviteter utføres av oss som databehandler. Fristen på 72 timer "
        "i {ref} gjelder den behandlingsansvarlige, fra den blir kjent med bruddet. Vi "
        "skal varsle hver behandlingsansvarlig uten ugrunnet opphold ({ref2}).",
        "We carry out every concerned activity as a processor. The 72 hours of {ref} are "
        "the controller's, counted from when it becomes aware. We must notify each "
        "controller without undue delay ({ref2}).",
    ),
    "no_risk_exception": (
        "Bare når det er lite sannsynlig at bruddet vil medføre en risiko for fysiske "
        "personers rettigheter og friheter, kan meldingen unnlates ({ref}). Dokumenter "
        "den vurderingen i bruddloggen ({ref5}).",
        "Only when the breach is unlikely to result in a risk to the rights and freedoms "
        "of natural persons may the notification be left out ({ref}). Document that "
        "assessment in the breach log ({ref5}).",
    ),
    # ------------------------------------------------------------------ (a)
    "a_heading": (
        "Bruddets art, berørte personer og opplysninger",
        "Nature of the breach, people and data concerned",
    ),
    "what_happened": ("Hva skjedde", "What happened"),
    "what_happened_fill": (
        "hva som skjedde, når det startet og sluttet, og hvordan det ble oppdaget",
        "what happened, when it started and ended, and how it was discovered",
    ),
    "breach_type": ("Type brudd", "Type of breach"),
    "breach_type_fill": (
        "konfidensialitet, integritet og/eller tilgjengelighet ({guidelines})",
        "confidentiality, integrity and/or availability ({guidelines})",
    ),
    "activities": ("Berørte behandlingsaktiviteter", "Processing activities concerned"),
    "none_recorded": (
        "Ingen i protokollen. Sjekk om protokollen er komplett.",
        "None in the record. Check whether the record is complete.",
    ),
    "as_role": ("som {role}", "as {role}"),
    "subject_categories": ("Kategorier av registrerte", "Categories of data subjects"),
    "subjects_number": (
        "Omtrentlig antall registrerte",
        "Approximate number of data subjects",
    ),
    "records_number": (
        "Omtrentlig antall registreringer",
        "Approximate number of personal data records",
    ),
    "number_fill": (
        "anslag; protokollen har ikke anslag for {activities}",
        "estimate; the record has no estimate for {activities}",
    ),
    "number_total": (
        "opptil {total} (summen for aktivitetene; samme person kan telle flere ganger)",
        "up to {total} (the activities' sum; one person may count more than once)",
    ),
    "data_categories": ("Kategorier av personopplysninger", "Categories of personal data"),
    "special": (
        "særlige kategorier ({ref})",
        "special category ({ref})",
    ),
    "criminal": ("straffedommer og lovovertredelser ({ref})", "criminal offence data ({ref})"),
    "national_id": (
        "fødselsnummer eller annet nasjonalt identifikasjonsnummer (personopplysningsloven § 12)",
        "national identity number (personopplysningsloven § 12)",
    ),
    "no_special": (
        "Protokollen viser ingen særlige kategorier, straffedommer eller fødselsnumre.",
        "The record shows no special categories, criminal offence data or national "
        "identity numbers.",
    ),
    "countries": (
        "Land der opplysningene behandles eller er tilgjengelige",
        "Countries where the data is processed or accessible",
    ),
    "outside_eea": ("utenfor EØS", "outside the EEA"),
    "parties": ("Berørte aktører", "Parties concerned"),
    # ------------------------------------------------------------------ (b)
    "b_heading": ("Kontaktpunkt", "Contact point"),
    "dpo": ("Personvernombud", "Data protection officer"),
    "dpo_none": ("Ikke utnevnt: {reason}", "None appointed: {reason}"),
    "dpo_fill": (
        "navn og kontaktopplysninger til personvernombudet; protokollen sier ikke om det finnes et",
        "the data protection officer's name and contact details; the record does not say "
        "whether there is one",
    ),
    "contact_point": (
        "Kontaktpunkt for mer informasjon",
        "Contact point for more information",
    ),
    "contact_person": ("kontaktperson hos oss", "contact person"),
    # ------------------------------------------------------------------ (c)
    "c_heading": ("Sannsynlige konsekvenser (forslag)", "Likely consequences (suggestions)"),
    "c_intro": (
        "Forslag utledet fra kategoriene i protokollen ({recitals}; {guidelines}). "
        "Stryk det som ikke passer, og legg til det som mangler.",
        "Suggestions derived from the categories in the record ({recitals}; {guidelines}). "
        "Strike what does not apply and add what is missing.",
    ),
    "because": ("på grunn av: {what}", "because of: {what}"),
    "consequences_fill": (
        "konsekvensene dere har vurdert",
        "the consequences you have assessed",
    ),
    "high_risk": (
        "Kategoriene tyder på høy risiko for de registrerte. Da skal de registrerte også "
        "varsles ({ref}); se utkastet nedenfor.",
        "The categories suggest a high risk to the people concerned. They must then be "
        "told as well ({ref}); see the draft below.",
    ),
    "no_high_risk": (
        "Kategoriene alene tyder ikke på høy risiko. Vurder likevel om bruddet kan gi høy "
        "risiko; da skal de registrerte varsles ({ref}).",
        "The categories alone do not suggest a high risk. Still assess whether the breach "
        "is likely to result in a high risk; if so, the people concerned must be told "
        "({ref}).",
    ),
    # ------------------------------------------------------------------ (d)
    "d_heading": ("Tiltak som er satt i verk eller foreslås", "Measures taken or proposed"),
    "measures_fill": (
        "tiltak for å håndtere bruddet og begrense skadevirkningene",
        "measures taken or proposed to address the breach and mitigate its possible "
        "adverse effects",
    ),
    "recorded_measures": (
        "Sikkerhetstiltak i protokollen for de berørte aktivitetene ({ref}):",
        "Security measures in the record for the activities concerned ({ref}):",
    ),
    "no_measures": (
        "Protokollen har ingen sikkerhetstiltak for de berørte aktivitetene.",
        "The record has no security measures for the activities concerned.",
    ),
    "not_public": ("ikke publisert", "not published"),
    # ------------------------------------------------------------------ processor
    "processor_heading": (
        "Som databehandler: varsle de behandlingsansvarlige",
        "As a processor: notify the controllers",
    ),
    "processor_intro": (
        "For disse aktivitetene er vi databehandler. Varsle hver behandlingsansvarlig uten "
        "ugrunnet opphold etter at vi ble kjent med bruddet ({ref}), slik avtalen krever.",
        "For these activities we are a processor. Notify each controller without undue "
        "delay after becoming aware of the breach ({ref}), as the agreement requires.",
    ),
    "controllers": ("Behandlingsansvarlige", "Controllers"),
    "agreement": ("Avtale", "Agreement"),
    "agreement_terms_fill": (
        "avtalens frist og framgangsmåte for varsling",
        "the agreement's deadline and procedure for notification",
    ),
    # ------------------------------------------------------------------ documentation
    "log_heading": ("Dokumentasjon", "Documentation"),
    "log_text": (
        "Alle brudd skal dokumenteres, også de som ikke meldes: fakta, virkninger og "
        "tiltak ({ref}). Før bruddet i bruddloggen med `holte-ropa breach ... --log`.",
        "Every breach must be documented, also those not notified: the facts, the effects "
        "and the remedial action ({ref}). Add it to the breach log with "
        "`holte-ropa breach ... --log`.",
    ),
    # ------------------------------------------------------------------ Art. 34
    "art34_heading": (
        "Utkast til varsel til de registrerte",
        "Draft communication to the data subjects",
    ),
    "art34_intro": (
        "Skal sendes uten ugrunnet opphold når bruddet sannsynligvis vil medføre høy "
        "risiko ({ref}). Varselet skal være i et klart og enkelt språk og gi det {ref2} "
        "krever. Her er det på bokmål og engelsk.",
        "To be sent without undue delay when the breach is likely to result in a high "
        "risk ({ref}). It must use clear and plain language and give what {ref2} requires. "
        "Here it is in bokmål and English.",
    ),
}

WORDS: dict[str, Words] = {key: Words(nb=nb, en=en) for key, (nb, en) in _SENTENCES.items()}
"""Every sentence of the drafts by key; the roles' names come from the legal vocabulary."""
WORDS.update({f"role_{name}": ROLES[name].label for name in ("controller", "processor")})
WORDS["role_joint_controller"] = ROLES["joint_controller"].label
