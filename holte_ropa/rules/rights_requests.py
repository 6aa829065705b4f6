"""Answering requests about one's rights: the time limit of GDPR Art. 12(3).

Rule R51 (transparency) asks that the notice state a period at all; this module checks
that the period it states is not longer than the law allows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._unknown import is_unknown
from holte_ropa.report._findings import Severity
from holte_ropa.rules._examples import organisation
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.rules._periods import stated_periods
from holte_ropa.terms import LANGUAGES, Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry

_ONE_MONTH_DAYS = 31
"""The longest calendar month: a stated period longer than this exceeds one month."""
_THREE_MONTHS_DAYS = 92
"""The longest three calendar months in a row: one month plus the two of an extension."""

_EXTENSION = {
    "nb": re.compile(r"forleng|utvid|kompliser|omfattende|ytterligere", re.IGNORECASE),
    "en": re.compile(r"extend|extension|complex|further", re.IGNORECASE),
}
"""Words that state an extension of the answer time."""
_REASONS = {
    "nb": re.compile(r"begrunn|hvorfor|årsak", re.IGNORECASE),
    "en": re.compile(r"reason|\bwhy\b", re.IGNORECASE),
}
_FIRST_MONTH = {
    "nb": re.compile(r"første måned|innen (?:én|en|1) måned (?:etter|fra)", re.IGNORECASE),
    "en": re.compile(r"first month|within (?:one|a|1) month (?:of|from|after)", re.IGNORECASE),
}
"""The person is told of an extension, and why, within the first month (Art. 12(3))."""

_ONE_MONTH = "response_time: {nb: Innen én måned., en: Within one month.}"


@rule(
    id="R71",
    blocks_publication=True,
    name="response-time-too-long",
    severity=Severity.WARNING,
    references=("GDPR Art. 12(3)",),
    summary=(
        "The notice gives people longer than one month to wait for an answer, longer than "
        "three in all, or an extension without the reasons within the first month."
    ),
    rationale=(
        "Art. 12(3): a request to exercise a right is answered without undue delay and in "
        "any event within one month of receipt. Only where necessary, given the complexity "
        "and number of requests, may the period be extended by two further months, and the "
        "person must be told of the extension and why within the first month. A notice "
        'that promises an answer "within three months" or "within 45 days" makes the '
        "exception the rule. The rule reads the periods stated in `rights.response_time` "
        "in each language (one month, 30 dager, 30 working days ...) and reports the text "
        "when even its shortest period is longer than a month, when any period it states is "
        'longer than the three months in all ("innen en måned, eller seks måneder i '
        'kompliserte saker"), and when it states an extension without saying that the '
        'person is told of it, with the reasons, within the first month. "One month, '
        'extendable by two further months; we tell you why within the first month" is what '
        "the law says and passes."
    ),
    fix=(
        'State one month as the time limit, e.g. "Vi svarer innen én måned. Er saken '
        'omfattende, kan fristen forlenges med to måneder; da får du beskjed om hvorfor."'
    ),
    bad=organisation().replace(
        _ONE_MONTH,
        "response_time: {nb: Innen tre måneder., en: Within three months.}  # <-",
    ),
    good=organisation().replace(
        _ONE_MONTH,
        "response_time: {nb: 'Innen én måned. Fristen kan forlenges med to måneder; da sier vi "
        "fra, med begrunnelse, innen den første måneden.', en: 'Within one month, extendable "
        "by two further months; we then tell you why within the first month.'}",
    ),
)
def response_time_too_long(registry: Registry, context: Context) -> Iterator[Hit]:
    text = registry.organisation.rights.response_time
    if is_unknown(text):
        return  # R51 asks for the answer time itself
    shortest: dict[str, str] = {}
    longest: dict[str, str] = {}
    unexplained: dict[str, str] = {}
    for lang in LANGUAGES:
        said = text.get(lang) or ""
        periods = stated_periods(said, lang)
        if not periods:
            continue
        if min(p.days for p in periods) > _ONE_MONTH_DAYS:
            shortest[lang] = min(periods, key=lambda p: p.days).text
        elif max(p.days for p in periods) > _THREE_MONTHS_DAYS:
            longest[lang] = max(periods, key=lambda p: p.days).text
        elif (len(periods) > 1 or _EXTENSION[lang].search(said)) and not (
            _REASONS[lang].search(said) and _FIRST_MONTH[lang].search(said)
        ):
            unexplained[lang] = said
    if shortest:
        said = _quoted(shortest)
        yield Hit(
            None,
            _PATH,
            Words(
                en=f"the notice says requests are answered within {said}, longer than GDPR "
                "Art. 12(3) allows: one month, extendable by two further months only where "
                "needed, with the reasons given within the first month",
                nb=f"erklæringen sier at henvendelser besvares innen {said}, lenger enn GDPR "
                "art. 12 nr. 3 tillater: én måned, som bare kan forlenges med to måneder når "
                "det trengs, med begrunnelse innen den første måneden",
            ),
        )
    if longest:
        said = _quoted(longest)
        yield Hit(
            None,
            _PATH,
            Words(
                en=f"the notice states a period of {said} for answering requests, longer than "
                "the three months GDPR Art. 12(3) allows in all (one month, extended by at most "
                "two further months where needed): state those limits",
                nb=f"erklæringen oppgir en frist på {said} for å svare på henvendelser, lenger "
                "enn de tre månedene GDPR art. 12 nr. 3 tillater i alt (én måned, forlenget med "
                "høyst to måneder når det trengs): oppgi de grensene",
            ),
        )
    if unexplained:
        said = _quoted(unexplained)
        yield Hit(
            None,
            _PATH,
            Words(
                en=f"the notice states an extension of the answer time ({said}) without saying "
                "that the person is told of it, with the reasons, within the first month "
                "(GDPR Art. 12(3)): add that",
                nb=f"erklæringen oppgir en forlengelse av svarfristen ({said}) uten å si at "
                "personen får beskjed om den, med begrunnelse, innen den første måneden (GDPR "
                "art. 12 nr. 3): legg det til",
            ),
        )


_PATH = ("rights", "response_time")


def _quoted(by_lang: dict[str, str]) -> str:
    return ", ".join(f"'{period}' ({lang})" for lang, period in by_lang.items())
