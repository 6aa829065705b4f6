"""The plain-language communication to the data subjects (GDPR Art. 34).

Art. 34(2) asks for the nature of the breach "in clear and plain language" and at least
the contact point, the likely consequences and the measures (Art. 33(3)(b)-(d)). The text
here is short sentences and common words, so it stays well under the notice's LIX
threshold (55); the privacy officer fills in what happened and what is being done.
"""

from __future__ import annotations

from holte_ropa.breach._draft import BreachDraft
from holte_ropa.breach._wording import fill_marker
from holte_ropa.graph._labels import text
from holte_ropa.model._registry import Registry
from holte_ropa.model._unknown import is_unknown, known
from holte_ropa.terms import Words, in_running_text

__all__ = ["communication"]

_HEADINGS: tuple[Words, ...] = (
    Words(nb="Vi har hatt et brudd på sikkerheten", en="We have had a security breach"),
    Words(nb="Hva skjedde?", en="What happened?"),
    Words(nb="Hvilke opplysninger gjelder det?", en="What information is concerned?"),
    Words(nb="Hva kan det bety for deg?", en="What can it mean for you?"),
    Words(nb="Hva gjør vi?", en="What are we doing?"),
    Words(nb="Hva kan du gjøre?", en="What can you do?"),
    Words(nb="Vil du vite mer?", en="Do you want to know more?"),
)
_FILL_WHAT = Words(
    nb="hva som skjedde og når, med enkle ord", en="what happened and when, in plain words"
)
_FILL_MEASURES = Words(
    nb="hva vi har gjort, og hva vi skal gjøre", en="what we have done and what we will do"
)
_CONCERNS = Words(
    nb="Det gjelder disse opplysningene om deg: {names}.",
    en="It concerns this information about you: {names}.",
)
_PLAIN: dict[str, Words] = {
    "loss_of_control": Words(
        nb="Du mister kontroll over hvem som har opplysningene om deg.",
        en="You lose control over who has your information.",
    ),
    "unwanted_contact": Words(
        nb="Noen kan bruke opplysningene til å kontakte deg eller lure deg.",
        en="Someone may use the information to contact you or trick you.",
    ),
    "discrimination": Words(
        nb="Noen kan behandle deg urettferdig.",
        en="Someone may treat you unfairly.",
    ),
    "reputation": Words(
        nb="Det kan skade ryktet ditt.",
        en="It may harm your good name.",
    ),
    "distress": Words(
        nb="Det kan føles tungt at andre kan vite dette om deg.",
        en="It may be hard to know that others can see this about you.",
    ),
    "professional_secrecy": Words(
        nb="Opplysninger som skulle være hemmelige, kan bli kjent.",
        en="Information that should be secret may become known.",
    ),
    "identity_theft": Words(
        nb="Noen kan late som de er deg, for eksempel for å ta opp lån.",
        en="Someone may pretend to be you, for example to take a loan.",
    ),
    "financial_loss": Words(
        nb="Du kan tape penger.",
        en="You may lose money.",
    ),
    "vulnerable": Words(
        nb="Vi vet at dette kan ramme deg hardere enn andre.",
        en="We know that this may hit you harder than others.",
    ),
}
_ADVICE: dict[str, Words] = {
    "always": Words(
        nb="Vær på vakt mot e-post, SMS og telefoner som ber om passord, koder eller penger.",
        en="Be careful with e-mails, texts and calls that ask for passwords, codes or money.",
    ),
    "national_id": Words(
        nb=(
            "Følg med på brev om lån eller kjøp du ikke kjenner til. "
            "Du kan sperre for kredittsjekk."
        ),
        en=(
            "Watch for letters about loans or purchases you do not know of. You can block "
            "credit checks."
        ),
    ),
    "ask": Words(
        nb="Si fra til oss hvis du merker noe rart.",
        en="Tell us if you notice anything odd.",
    ),
}
_CONTACT = Words(nb="Skriv til oss på {email}.", en="Write to us at {email}.")
_CONTACT_FILL = Words(
    nb="e-postadressen personer skal skrive til; protokollen har den ikke",
    en="the e-mail address people should write to; the record does not give it",
)
_DPO = Words(
    nb="Du kan også skrive til personvernombudet vårt på {email}.",
    en="You can also write to our data protection officer at {email}.",
)
_COMPLAIN = Words(
    nb="Du kan klage til {authority}: {website}",
    en="You can complain to {authority}: {website}",
)
_AUTHORITY_FILL = Words(
    nb="tilsynsmyndigheten og nettstedet dens; protokollen har dem ikke",
    en="the supervisory authority and its website; the record does not name them",
)


def communication(registry: Registry, draft: BreachDraft, lang: str) -> str:
    """The Art. 34 communication in ``lang`` as Markdown (h4 headings and short lists).

    A fact the record holds as ``unknown`` (the contact e-mail, the supervisory
    authority) is a field for the privacy officer to fill, never the word "unknown".
    """
    title, happened, concerns, means, doing, you, more = (h[lang] for h in _HEADINGS)
    names = ", ".join(
        text(registry.data_categories[d].name, lang) for d in draft.scope.data_categories
    )
    org = registry.organisation
    lines = [f"#### {title}", "", f"**{happened}**", "", fill_marker(lang, _FILL_WHAT[lang]), ""]
    lines += [f"**{concerns}**", "", _CONCERNS[lang].format(names=names or "-"), ""]
    lines += [f"**{means}**", ""]
    lines += [f"- {_PLAIN[c.key][lang]}" for c in draft.consequences]
    lines += ["", f"**{doing}**", "", fill_marker(lang, _FILL_MEASURES[lang]), ""]
    lines += [f"**{you}**", "", f"- {_ADVICE['always'][lang]}"]
    if draft.risk.national_ids:
        lines.append(f"- {_ADVICE['national_id'][lang]}")
    lines.append(f"- {_ADVICE['ask'][lang]}")
    contact = known(org.privacy_contact)
    email = str(contact) if contact else fill_marker(lang, _CONTACT_FILL[lang])
    lines += ["", f"**{more}**", "", _CONTACT[lang].format(email=email)]
    if not is_unknown(org.dpo) and org.dpo.email:
        lines.append(_DPO[lang].format(email=org.dpo.email))
    authority = org.supervisory_authority
    if is_unknown(authority):
        lines.append(fill_marker(lang, _AUTHORITY_FILL[lang]))
    else:
        name = in_running_text(text(authority.name, lang), lang)
        lines.append(_COMPLAIN[lang].format(authority=name, website=str(authority.website)))
    return "\n".join(lines) + "\n"
