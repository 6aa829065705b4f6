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


WORDS: dict[str, Words] = {
    # ------------------------------------------------------------------ heading
    "title": Words(
        nb="Brudd på personopplysningssikkerheten: utkast til melding",
        en="Personal data breach: draft notification",
    ),
    "intro": Words(
        nb=(
            "Utkast laget fra protokollen over behandlingsaktiviteter. Alt merket «FYLL INN» "
            "må personvernansvarlig fylle ut. Konsekvensene er forslag som skal vurderes. "
            "Utkastet er internt til det er sendt."
        ),
        en=(
            "Draft made from the record of processing activities. Everything marked "
            '"TO FILL" must be completed by the privacy officer. The consequences are '
            "suggestions to review. The draft is internal until it is sent."
        ),
    ),
    "authority_fill": Words(
        nb="tilsynsmyndigheten; protokollen har den ikke",
        en="the supervisory authority; the record does not name it",
    ),
    "breached": Words(
        nb="Rammet",
        en="Breached",
    ),
    "aware": Words(
        nb="Ble kjent med bruddet",
        en="Became aware of the breach",
    ),
    "due": Words(
        nb="Meld til {authority} innen",
        en="Notify {authority} by",
    ),
    "role": Words(
        nb="Vår rolle",
        en="Our role",
    ),
    "role_controller_and_processor": Words(
        nb="behandlingsansvarlig og databehandler",
        en="controller and processor",
    ),
    "kind_party": Words(
        nb="aktør",
        en="party",
    ),
    "kind_activity": Words(
        nb="behandlingsaktivitet",
        en="activity",
    ),
    "kind_security_measure": Words(
        nb="sikkerhetstiltak",
        en="security measure",
    ),
    "kind_data_category": Words(
        nb="opplysningskategori",
        en="data category",
    ),
    # ------------------------------------------------------------------ deadline
    "deadline_heading": Words(
        nb="Frist",
        en="Deadline",
    ),
    "deadline_text": Words(
        nb=(
            "Meldingen skal sendes til {authority} uten ugrunnet opphold og om mulig innen 72 "
            "timer etter at vi ble kjent med bruddet ({ref}): senest {due}. Fristen er 72 "
            "timer faktisk tid, regnet i tidssonen {zone}."
        ),
        en=(
            "Notify {authority} without undue delay and, where feasible, within 72 hours of "
            "becoming aware of the breach ({ref}): by {due}. The deadline is 72 hours of "
            "elapsed time, shown in the time zone {zone}."
        ),
    ),
    "deadline_missed": Words(
        nb=(
            "Hvis fristen ikke holdes, skal meldingen begrunne forsinkelsen ({ref}): "
            "{reasons} Opplysninger som ikke er klare, kan gis trinnvis uten ytterligere "
            "ugrunnet opphold ({ref4})."
        ),
        en=(
            "If the deadline is missed, the notification must give the reasons for the delay "
            "({ref}): {reasons} Information not yet available may be provided in phases "
            "without undue further delay ({ref4})."
        ),
    ),
    "deadline_passed": Words(
        nb=(
            "**Fristen er ute:** de 72 timene gikk ut {due}. Send meldingen nå, og begrunn "
            "forsinkelsen ({ref}): {reasons}"
        ),
        en=(
            "**The deadline has passed:** the 72 hours ran out on {due}. Notify now and give "
            "the reasons for the delay ({ref}): {reasons}"
        ),
    ),
    "delay_reasons": Words(
        nb="grunnene til forsinkelsen",
        en="the reasons for the delay",
    ),
    "no_authority_deadline": Words(
        nb=(
            "Alle berørte aktiviteter utføres av oss som databehandler. Fristen på 72 timer "
            "i {ref} gjelder den behandlingsansvarlige, fra den blir kjent med bruddet. Vi "
            "skal varsle hver behandlingsansvarlig uten ugrunnet opphold ({ref2})."
        ),
        en=(
            "We carry out every concerned activity as a processor. The 72 hours of {ref} are "
            "the controller's, counted from when it becomes aware. We must notify each "
            "controller without undue delay ({ref2})."
        ),
    ),
    "no_risk_exception": Words(
        nb=(
            "Bare når det er lite sannsynlig at bruddet vil medføre en risiko for fysiske "
            "personers rettigheter og friheter, kan meldingen unnlates ({ref}). Dokumenter "
            "den vurderingen i bruddloggen ({ref5})."
        ),
        en=(
            "Only when the breach is unlikely to result in a risk to the rights and freedoms "
            "of natural persons may the notification be left out ({ref}). Document that "
            "assessment in the breach log ({ref5})."
        ),
    ),
    # ------------------------------------------------------------------ (a)
    "a_heading": Words(
        nb="Bruddets art, berørte personer og opplysninger",
        en="Nature of the breach, people and data concerned",
    ),
    "what_happened": Words(
        nb="Hva skjedde",
        en="What happened",
    ),
    "what_happened_fill": Words(
        nb="hva som skjedde, når det startet og sluttet, og hvordan det ble oppdaget",
        en="what happened, when it started and ended, and how it was discovered",
    ),
    "breach_type": Words(
        nb="Type brudd",
        en="Type of breach",
    ),
    "breach_type_fill": Words(
        nb="konfidensialitet, integritet og/eller tilgjengelighet ({guidelines})",
        en="confidentiality, integrity and/or availability ({guidelines})",
    ),
    "activities": Words(
        nb="Berørte behandlingsaktiviteter",
        en="Processing activities concerned",
    ),
    "none_recorded": Words(
        nb="Ingen i protokollen. Sjekk om protokollen er komplett.",
        en="None in the record. Check whether the record is complete.",
    ),
    "as_role": Words(
        nb="som {role}",
        en="as {role}",
    ),
    "subject_categories": Words(
        nb="Kategorier av registrerte",
        en="Categories of data subjects",
    ),
    "subjects_number": Words(
        nb="Omtrentlig antall registrerte",
        en="Approximate number of data subjects",
    ),
    "records_number": Words(
        nb="Omtrentlig antall registreringer",
        en="Approximate number of personal data records",
    ),
    "number_fill": Words(
        nb="anslag; protokollen har ikke anslag for {activities}",
        en="estimate; the record has no estimate for {activities}",
    ),
    "number_total": Words(
        nb="opptil {total} (summen for aktivitetene; samme person kan telle flere ganger)",
        en="up to {total} (the activities' sum; one person may count more than once)",
    ),
    "data_categories": Words(
        nb="Kategorier av personopplysninger",
        en="Categories of personal data",
    ),
    "special": Words(
        nb="særlige kategorier ({ref})",
        en="special category ({ref})",
    ),
    "criminal": Words(
        nb="straffedommer og lovovertredelser ({ref})",
        en="criminal offence data ({ref})",
    ),
    "national_id": Words(
        nb=(
            "fødselsnummer eller annet nasjonalt identifikasjonsnummer "
            "(personopplysningsloven § 12)"
        ),
        en="national identity number (personopplysningsloven § 12)",
    ),
    "no_special": Words(
        nb="Protokollen viser ingen særlige kategorier, straffedommer eller fødselsnumre.",
        en=(
            "The record shows no special categories, criminal offence data or national "
            "identity numbers."
        ),
    ),
    "countries": Words(
        nb="Land der opplysningene behandles eller er tilgjengelige",
        en="Countries where the data is processed or accessible",
    ),
    "kind_unknown": Words(
        nb="om dette er særlige kategorier, straffedommer eller fødselsnummer; "
        "protokollen sier det ikke",
        en="whether this is a special category, criminal offence data or a national "
        "identity number; the record does not say",
    ),
    "some_unassessed": Words(
        nb="Protokollen sier ikke for alle kategoriene om de er særlige kategorier, "
        "straffedommer eller fødselsnumre; vurder dem før risikoen vurderes.",
        en="The record does not say for every category whether it is a special category, "
        "criminal offence data or a national identity number; assess them before the risk.",
    ),
    "parent_access": Words(
        nb="Mulig tilgang fra morselskapets land, også for myndighetene der: {owners}.",
        en=(
            "Possible access from the parent company's country, its authorities included: {owners}."
        ),
    ),
    "countries_fill": Words(
        nb="landene der opplysningene behandles av {parties}; protokollen har dem ikke",
        en="the countries where the data is processed by {parties}; the record does not give them",
    ),
    "text_fill": Words(
        nb="{what}; protokollen har det ikke",
        en="{what}; the record does not give it",
    ),
    "organisation_name": Words(nb="navnet vårt", en="our name"),
    "contact_email": Words(nb="e-postadresse for personvern", en="privacy contact e-mail"),
    "outside_eea": Words(
        nb="utenfor EØS",
        en="outside the EEA",
    ),
    "parties": Words(
        nb="Berørte aktører",
        en="Parties concerned",
    ),
    # ------------------------------------------------------------------ (b)
    "b_heading": Words(
        nb="Kontaktpunkt",
        en="Contact point",
    ),
    "dpo": Words(
        nb="Personvernombud",
        en="Data protection officer",
    ),
    "dpo_none": Words(
        nb="Ikke utnevnt: {reason}",
        en="None appointed: {reason}",
    ),
    "dpo_fill": Words(
        nb=(
            "navn og kontaktopplysninger til personvernombudet; protokollen sier ikke om "
            "det finnes et"
        ),
        en=(
            "the data protection officer's name and contact details; the record does not say "
            "whether there is one"
        ),
    ),
    "contact_point": Words(
        nb="Kontaktpunkt for mer informasjon",
        en="Contact point for more information",
    ),
    "contact_person": Words(
        nb="kontaktperson hos oss",
        en="contact person",
    ),
    # ------------------------------------------------------------------ (c)
    "c_heading": Words(
        nb="Sannsynlige konsekvenser (forslag)",
        en="Likely consequences (suggestions)",
    ),
    "c_intro": Words(
        nb=(
            "Forslag utledet fra kategoriene i protokollen ({recitals}; {guidelines}). "
            "Stryk det som ikke passer, og legg til det som mangler."
        ),
        en=(
            "Suggestions derived from the categories in the record ({recitals}; {guidelines}). "
            "Strike what does not apply and add what is missing."
        ),
    ),
    "because": Words(
        nb="på grunn av: {what}",
        en="because of: {what}",
    ),
    "consequences_fill": Words(
        nb="konsekvensene dere har vurdert",
        en="the consequences you have assessed",
    ),
    "high_risk": Words(
        nb=(
            "Kategoriene tyder på høy risiko for de registrerte. Da skal de registrerte også "
            "varsles ({ref}); se utkastet nedenfor."
        ),
        en=(
            "The categories suggest a high risk to the people concerned. They must then be "
            "told as well ({ref}); see the draft below."
        ),
    ),
    "processor_risk": Words(
        nb=(
            "Her er vi databehandler: det er den behandlingsansvarlige som vurderer risikoen "
            "og varsler de registrerte ({ref}). Gi de behandlingsansvarlige det de trenger "
            "for å gjøre det ({ref28})."
        ),
        en=(
            "Here we are a processor: the controller assesses the risk and tells the people "
            "concerned ({ref}). Give the controllers what they need to do so ({ref28})."
        ),
    ),
    "no_high_risk": Words(
        nb=(
            "Kategoriene alene tyder ikke på høy risiko. Vurder likevel om bruddet kan gi høy "
            "risiko; da skal de registrerte varsles ({ref})."
        ),
        en=(
            "The categories alone do not suggest a high risk. Still assess whether the breach "
            "is likely to result in a high risk; if so, the people concerned must be told "
            "({ref})."
        ),
    ),
    # ------------------------------------------------------------------ (d)
    "d_heading": Words(
        nb="Tiltak som er satt i verk eller foreslås",
        en="Measures taken or proposed",
    ),
    "measures_fill": Words(
        nb="tiltak for å håndtere bruddet og begrense skadevirkningene",
        en=(
            "measures taken or proposed to address the breach and mitigate its possible "
            "adverse effects"
        ),
    ),
    "recorded_measures": Words(
        nb="Sikkerhetstiltak i protokollen for de berørte aktivitetene ({ref}):",
        en="Security measures in the record for the activities concerned ({ref}):",
    ),
    "no_measures": Words(
        nb="Protokollen har ingen sikkerhetstiltak for de berørte aktivitetene.",
        en="The record has no security measures for the activities concerned.",
    ),
    "measure_fill": Words(
        nb="hva tiltaket går ut på; protokollen beskriver det ikke",
        en="what the measure does; the record does not describe it",
    ),
    "not_public": Words(
        nb="ikke publisert",
        en="not published",
    ),
    # ------------------------------------------------------------------ processor
    "processor_heading": Words(
        nb="Som databehandler: varsle de behandlingsansvarlige",
        en="As a processor: notify the controllers",
    ),
    "processor_intro": Words(
        nb=(
            "For disse aktivitetene er vi databehandler. Varsle hver behandlingsansvarlig uten "
            "ugrunnet opphold etter at vi ble kjent med bruddet ({ref}), slik avtalen krever."
        ),
        en=(
            "For these activities we are a processor. Notify each controller without undue "
            "delay after becoming aware of the breach ({ref}), as the agreement requires."
        ),
    ),
    "controllers": Words(
        nb="Behandlingsansvarlige",
        en="Controllers",
    ),
    "agreement": Words(
        nb="Avtale",
        en="Agreement",
    ),
    "agreement_terms_fill": Words(
        nb="avtalens frist og framgangsmåte for varsling",
        en="the agreement's deadline and procedure for notification",
    ),
    # ------------------------------------------------------------------ documentation
    "log_heading": Words(
        nb="Dokumentasjon",
        en="Documentation",
    ),
    "log_text": Words(
        nb=(
            "Alle brudd skal dokumenteres, også de som ikke meldes: fakta, virkninger og "
            "tiltak ({ref}). Før bruddet i bruddloggen med `holte-ropa breach ... --log`."
        ),
        en=(
            "Every breach must be documented, also those not notified: the facts, the effects "
            "and the remedial action ({ref}). Add it to the breach log with "
            "`holte-ropa breach ... --log`."
        ),
    ),
    # ------------------------------------------------------------------ Art. 34
    "art34_heading": Words(
        nb="Utkast til varsel til de registrerte",
        en="Draft communication to the data subjects",
    ),
    "art34_intro": Words(
        nb=(
            "Skal sendes uten ugrunnet opphold når bruddet sannsynligvis vil medføre høy "
            "risiko ({ref}). Varselet skal være i et klart og enkelt språk og gi det {ref2} "
            "krever. Her er det på bokmål og engelsk."
        ),
        en=(
            "To be sent without undue delay when the breach is likely to result in a high "
            "risk ({ref}). It must use clear and plain language and give what {ref2} requires. "
            "Here it is in bokmål and English."
        ),
    ),
}

WORDS.update({f"role_{name}": ROLES[name].label for name in ("controller", "processor")})
WORDS["role_joint_controller"] = ROLES["joint_controller"].label
