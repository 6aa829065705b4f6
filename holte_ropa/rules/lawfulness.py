"""Lawfulness of processing: GDPR Art. 6, 7, 9, 10 and 21."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule

if TYPE_CHECKING:
    from holte_ropa.registry import Registry


@rule(
    id="R10",
    name="purpose-without-legal-basis",
    severity=Severity.ERROR,
    references=("GDPR Art. 6(1)", "GDPR Art. 13(1)(c)", "GDPR Art. 30(1)(b)"),
    summary="Every purpose has exactly one Art. 6(1) legal basis.",
    rationale=(
        "Processing is lawful only if one of the six bases of Art. 6(1) applies, and the "
        "notice must tell people which one (Art. 13(1)(c)). A purpose whose basis is not "
        "settled cannot be shown to be lawful."
    ),
    fix="State the basis under `legal_basis:` with `basis:` and what that basis needs.",
    bad="""\
activities:
  - id: web-forms
    name: {nb: Skjema, en: Forms}
    description: {nb: Kontaktskjema, en: Contact forms}
    role: controller
    purposes:
      - id: contact
        description: {nb: Kontakte deg, en: Contact you}
        legal_basis: unknown  # <-
    recipients: none
""",
    good="""\
activities:
  - id: web-forms
    name: {nb: Skjema, en: Forms}
    description: {nb: Kontaktskjema, en: Contact forms}
    role: controller
    purposes:
      - id: contact
        description: {nb: Kontakte deg, en: Contact you}
        legal_basis:
          basis: contract
          contract: {nb: Tilbudet du ba om, en: The offer you asked for}
    recipients: none
""",
)
def purpose_without_legal_basis(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        for index, purpose in enumerate(activity.purposes):
            if purpose.legal_basis == "unknown":
                yield Hit(
                    activity.id,
                    ("purposes", index, "legal_basis"),
                    f"the purpose '{purpose.id}' of '{activity.id}' has no settled legal basis",
                    f"formålet '{purpose.id}' i '{activity.id}' mangler avklart "
                    "behandlingsgrunnlag",
                )
