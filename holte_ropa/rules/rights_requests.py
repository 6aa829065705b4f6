"""Answering requests about one's rights: the time limit of GDPR Art. 12(3).

Rule R51 (transparency) asks that the notice state a period at all; this module checks
that the period it states is not longer than the law allows.
"""

from __future__ import annotations

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

_ONE_MONTH = "response_time: {nb: Innen én måned., en: Within one month.}"


@rule(
    id="R71",
    blocks_publication=True,
    name="response-time-too-long",
    severity=Severity.WARNING,
    references=("GDPR Art. 12(3)",),
    summary="The notice gives people longer than one month to wait for an answer.",
    rationale=(
        "Art. 12(3): a request to exercise a right is answered without undue delay and in "
        "any event within one month of receipt. Only where necessary, given the complexity "
        "and number of requests, may the period be extended by two further months, and the "
        "person must be told of the extension and why within the first month. A notice "
        'that promises an answer "within three months" or "within 45 days" makes the '
        "exception the rule. The rule reads the periods stated in `rights.response_time` "
        "in each language (one month, 30 dager, 30 working days ...) and reports the text "
        'when even its shortest period is longer than a month; "one month, extendable by '
        'two further months" is what the law says and passes.'
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
        "response_time: {nb: 'Innen én måned, som kan forlenges med to måneder.', "
        "en: 'Within one month, extendable by two further months.'}",
    ),
)
def response_time_too_long(registry: Registry, context: Context) -> Iterator[Hit]:
    text = registry.organisation.rights.response_time
    if is_unknown(text):
        return  # R51 asks for the answer time itself
    long: dict[str, str] = {}
    for lang in LANGUAGES:
        periods = stated_periods(text.get(lang) or "", lang)
        if periods and min(p.days for p in periods) > _ONE_MONTH_DAYS:
            long[lang] = min(periods, key=lambda p: p.days).text
    if long:
        said = ", ".join(f"'{period}' ({lang})" for lang, period in long.items())
        yield Hit(
            None,
            ("rights", "response_time"),
            Words(
                en=f"the notice says requests are answered within {said}, longer than GDPR "
                "Art. 12(3) allows: one month, extendable by two further months only where "
                "needed, with the reasons given within the first month",
                nb=f"erklæringen sier at henvendelser besvares innen {said}, lenger enn GDPR "
                "art. 12 nr. 3 tillater: én måned, som bare kan forlenges med to måneder når "
                "det trengs, med begrunnelse innen den første måneden",
            ),
        )
