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
from holte_ropa.model._unknown import Unknown, is_unknown
from holte_ropa.terms import Words

__all__ = ["communication"]

_HEADINGS = {
    "nb": (
        "Vi har hatt et brudd på sikkerheten",
        "Hva skjedde?",
        "Hvilke opplysninger gjelder det?",
        "Hva kan det bety for deg?",
        "Hva gjør vi?",
        "Hva kan du gjøre?",
        "Vil du vite mer?",
    ),
    "en": (
        "We have had a security breach",
        "What happened?",
        "What information is concerned?",
        "What can it mean for you?",
        "What are we doing?",
        "What can you do?",
        "Do you want to know more?",
    ),
}
_FILL_WHAT = {
    "nb": ("hva som skjedde og når, med enkle ord", "hva vi har gjort, og hva vi skal gjøre"),
    "en": ("what happened and when, in plain words", "what we have done and what we will do"),
}
_CONCERNS = {
    "nb": "Det gjelder disse opplysningene om deg: {names}.",
    "en": ("It concerns this information about you: {names}."),
}
_PLAIN_TEXTS: dict[str, tuple[str, str]] = {
    "loss_of_control": (
        "Du mister kontroll over hvem som har opplysningene om deg.",
        "You lose control over who has your information.",
    ),
    "unwanted_contact": (
        "Noen kan bruke opplysningene til å kontakte deg eller lure deg.",
        "Someone may use the information to contact you or trick you.",
    ),
    "discrimination": (
        "Noen kan behandle deg urettferdig.",
        "Someone may treat you unfairly.",
    ),
    "reputation": ("Det kan skade ryktet ditt.", "It may harm your good name."),
    "distress": (
        "Det kan føles tungt at andre kan vite dette om deg.",
        "It may be hard to know that others can see this about you.",
    ),
    "professional_secrecy": (
        "Opplysninger som skulle være hemmelige, kan bli kjent.",
        "Information that should be secret may become known.",
    ),
    "identity_theft": (
        "Noen kan late som de er deg, for eksempel for å ta opp lån.",
        "Someone may pretend to be you, for example to take a loan.",
    ),
    "financial_loss": ("Du kan tape penger.", "You may lose money."),
    "vulnerable": (
        "Vi vet at dette kan ramme deg hardere enn andre.",
        "We know that this may hit you harder than others.",
    ),
}
_ADVICE_TEXTS = {
    "always": (
        "Vær på vakt mot e-post, SMS og telefoner som ber om passord, koder eller penger.",
        "Be careful with e-mails, texts and calls that ask for passwords, codes or money.",
    ),
    "national_id": (
        "Følg med på brev om lån eller kjøp du ikke kjenner til. Du kan sperre for kredittsjekk.",
        "Watch for letters about loans or purchases you do not know of. You can block "
        "credit checks.",
    ),
    "ask": (
        "Si fra til oss hvis du merker noe rart.",
        "Tell us if you notice anything odd.",
    ),
}
_PLAIN = {key: Words(nb=nb, en=en) for key, (nb, en) in _PLAIN_TEXTS.items()}
_ADVICE = {key: Words(nb=nb, en=en) for key, (nb, en) in _ADVICE_TEXTS.items()}
_CONTACT = {
    "nb": "Skriv til oss på {email}.",
    "en": "Write to us at {email}.",
}


def _contact(address: str | Unknown, lang: str) -> str:
    if is_unknown(address):
        what = {"nb": "hvor de registrerte kan kontakte oss", "en": "how people can reach us"}
        return fill_marker(lang, what[lang])
    return _CONTACT[lang].format(email=address)


_DPO = {
    "nb": "Du kan også skrive til personvernombudet vårt på {email}.",
    "en": ("You can also write to our data protection officer at {email}."),
}
_COMPLAIN = {
    "nb": "Du kan klage til {authority}: {website}",
    "en": "You can complain to {authority}: {website}",
}


def communication(registry: Registry, draft: BreachDraft, lang: str) -> str:
    """The Art. 34 communication in ``lang`` as Markdown (h4 headings and short lists)."""
    title, happened, concerns, means, doing, you, more = _HEADINGS[lang]
    what, measures = _FILL_WHAT[lang]
    names = ", ".join(
        text(registry.data_categories[d].name, lang) for d in draft.scope.data_categories
    )
    org = registry.organisation
    lines = [f"#### {title}", "", f"**{happened}**", "", fill_marker(lang, what), ""]
    lines += [f"**{concerns}**", "", _CONCERNS[lang].format(names=names or "-"), ""]
    lines += [f"**{means}**", ""]
    lines += [f"- {_PLAIN[c.key][lang]}" for c in draft.consequences]
    lines += ["", f"**{doing}**", "", fill_marker(lang, measures), "", f"**{you}**", ""]
    lines.append(f"- {_ADVICE['always'][lang]}")
    if draft.risk.national_ids:
        lines.append(f"- {_ADVICE['national_id'][lang]}")
    lines.append(f"- {_ADVICE['ask'][lang]}")
    lines += ["", f"**{more}**", "", _contact(org.privacy_contact, lang)]
    if not is_unknown(org.dpo) and org.dpo.email:
        lines.append(_DPO[lang].format(email=org.dpo.email))
    authority = org.supervisory_authority
    lines.append(
        _COMPLAIN[lang].format(authority=text(authority.name, lang), website=str(authority.website))
    )
    return "\n".join(lines) + "\n"
