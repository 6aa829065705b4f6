"""Accountability over time: documents past their review date (GDPR Art. 5(2), 24(1)).

The dates come from :mod:`._reviews`, which ``holte-ropa due`` lists too; the reference
data (rule R49) and waivers (rule R45) have rules of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._models import is_unknown
from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.rules._reviews import reviews
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry

_PARTY = """\
activities:
  - id: support
    name: {nb: Kundestøtte, en: Customer support}
    description: {nb: Vi svarer på henvendelser., en: We answer requests.}
    role: controller
    recipients:
      processors: [helpdesk]
parties:
  - id: helpdesk
    legal_name: Helpdesk AS
    trade_name: Helpdesk
    role: processor
    service: {nb: Kundestøtte, en: Customer support}
    locations: [{country: "NO"}]
"""


@rule(
    id="R59",
    name="review-overdue",
    severity=Severity.WARNING,
    references=("GDPR Art. 5(2)", "GDPR Art. 24(1)", "GDPR Art. 35(11)"),
    summary=(
        "A balancing test, DPIA, transfer impact assessment or data processing agreement "
        "is past its review date."
    ),
    rationale=(
        "The controller's measures are 'reviewed and updated where necessary' (Art. 24(1)) "
        "and it must be able to show compliance at any time (Art. 5(2)); a DPIA is reviewed "
        "at least when the risk changes (Art. 35(11)), and a transfer impact assessment "
        "when the law or practice of the destination country does (EDPB Recommendations "
        "01/2020). A `review_by` date the organisation set itself and let pass means the "
        "document may no longer describe the processing. `holte-ropa due --within 30d` "
        "lists what falls due before it is overdue."
    ),
    fix=(
        "Review the document, then record the next date in its `review_by` "
        "(`tia_review_by` for a transfer impact assessment)."
    ),
    bad=_PARTY + "    dpa: {reference: DBA-2024-01, review_by: 2026-06-30}  # <-\n",
    good=_PARTY + "    dpa: {reference: DBA-2024-01, review_by: 2027-06-30}\n",
)
def review_overdue(registry: Registry, context: Context) -> Iterator[Hit]:
    for review in reviews(registry):
        if review.kind in ("reference_data", "waiver") or is_unknown(review.review_by):
            continue
        if review.review_by >= context.today:
            continue
        day = review.review_by.isoformat()
        yield Hit(
            review.entity,
            review.path,
            Words(
                en=f"{review.what.en} was due for review on {day}: review it and record the "
                "next date",
                nb=f"{review.what.nb} skulle vært gjennomgått {day}: gå gjennom og registrer "
                "neste dato",
            ),
        )
