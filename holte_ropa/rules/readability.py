"""Readability of the published notice: GDPR Art. 12(1), measured with LIX."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry


def _figures(registry: Registry) -> dict[str, object]:
    """The LIX figures of every section, for the JSON report (never the public page)."""
    from holte_ropa.notice._readability import readability_report

    return {"readability": readability_report(registry)}


_LANG_NAME = {"nb": ("bokmål", "bokmål"), "en": ("English", "engelsk")}


@rule(
    id="R48",
    name="notice-hard-to-read",
    severity=Severity.WARNING,
    references=("GDPR Art. 12(1)",),
    summary="A section of the rendered notice scores above the LIX threshold (default 55).",
    rationale=(
        "Art. 12(1) requires information that is concise, intelligible and in clear and "
        "plain language. LIX (words per sentence plus the share of words longer than six "
        "letters) is the usual measure for Scandinavian texts: above 55 is hard to read. "
        "The score is computed from the rendered notice, template sentences included, so "
        "it reflects what people actually read; the section's own registry texts are "
        "usually what makes it hard. The organisation's name counts as one short word, so "
        "the template's sentences score the same for every organisation, and a section of "
        "fewer than 20 words (a heading and a label or two) is not judged."
    ),
    fix=(
        "Shorten the sentences of the registry texts the finding points to and prefer "
        "short, common words; the threshold is `holte-ropa check --lix-threshold N`."
    ),
    bad="""\
activities:
  - id: web-forms
    name: {nb: Skjema, en: Forms}
    description: {nb: "Behandlingsaktiviteten omfatter innsamling, registrering, systematisering, strukturering, lagring, tilpasning, endring, gjenfinning, konsultasjon, anvendelse, utlevering ved overføring, spredning eller enhver annen form for tilgjengeliggjøring, sammenstilling eller samkjøring, begrensning, sletting eller tilintetgjøring av personopplysninger fra kontaktskjemaer og bestillingsskjemaer", en: "The processing activity encompasses the collection, recording, organisation, structuring, storage, adaptation or alteration, retrieval, consultation, use, disclosure by transmission, dissemination or otherwise making available, alignment or combination, restriction, erasure or destruction of personal data obtained through contact forms and order forms"}  # <-
    role: controller
    recipients: none
""",  # noqa: E501
    good="""\
activities:
  - id: web-forms
    name: {nb: Skjema, en: Forms}
    description: {nb: Vi lagrer det du skriver i skjemaene. Vi svarer deg., en: We keep what you write in the forms. We answer you.}
    role: controller
    recipients: none
""",  # noqa: E501
    report_data=_figures,
)
def notice_hard_to_read(registry: Registry, context: Context) -> Iterator[Hit]:
    # Rendering needs jinja2; import it only when the rule runs.
    from holte_ropa.notice._readability import MIN_WORDS, readability

    for score in readability(registry):
        if score.lix <= context.lix_threshold or score.words < MIN_WORDS:
            continue
        en_lang, nb_lang = _LANG_NAME.get(score.lang, (score.lang, score.lang))
        entity = None if score.entity == registry.organisation.id else score.entity
        limit = f"{context.lix_threshold:g}"
        yield Hit(
            entity,
            score.path,
            Words(
                en=f"the {en_lang} notice section '{score.title}' has LIX {score.lix:g} "
                f"(above {limit}; {score.words} words in {score.sentences} sentences): "
                "use shorter sentences and words in its texts",
                nb=f"avsnittet «{score.title}» i personvernerklæringen på {nb_lang} har LIX "
                f"{score.lix:g} (over {limit}; {score.words} ord i {score.sentences} setninger): "
                "bruk kortere setninger og ord i tekstene",
            ),
        )
