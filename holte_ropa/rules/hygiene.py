"""Hygiene of the record itself: waivers, unknown facts, unused entries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule

if TYPE_CHECKING:
    from holte_ropa.registry import Registry


@rule(
    id="R45",
    name="broken-waiver",
    severity=Severity.ERROR,
    references=("GDPR Art. 5(2)",),
    summary="A waiver names an unknown rule, gives no reason, or has expired.",
    rationale=(
        "A waiver is an accountable decision to accept a finding for a while (the "
        "controller must be able to demonstrate compliance, Art. 5(2)). A waiver for a rule "
        "that does not exist hides nothing and misleads reviewers; an expired waiver means "
        "the decision is no longer approved, so its findings count again."
    ),
    fix=(
        "Use a rule id from `holte-ropa rules`, give the reason and who approved it, and "
        "renew or remove a waiver when it expires."
    ),
    bad="""\
waivers:
  - rule: R999  # <-
    reason: Open item for the privacy officer
    approved_by: CEO
    expires: 2099-12-31
""",
    good="""\
waivers:
  - rule: R10
    reason: Open item for the privacy officer
    approved_by: CEO
    expires: 2099-12-31
""",
)
def broken_waiver(registry: Registry, context: Context) -> Iterator[Hit]:
    # The engine reports waivers, since only it knows which findings each one matched.
    return iter(())
