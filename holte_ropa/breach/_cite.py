"""The references the breach drafts cite besides GDPR articles (those come from ``cite``).

GDPR articles are cited by :func:`holte_ropa.terms.cite`, as Lovdata writes them in
bokmål ("GDPR art. 33 nr. 3 bokstav a") and EUR-Lex in English ("GDPR Art. 33(3)(a)").
"""

from __future__ import annotations

from holte_ropa.terms import Words, cite

__all__ = ["EDPB_BREACH_GUIDELINES", "RECITALS", "cite"]

EDPB_BREACH_GUIDELINES = Words(
    nb="EDPBs retningslinjer 9/2022 om melding om brudd på personopplysningssikkerheten",
    en="EDPB Guidelines 9/2022 on personal data breach notification under GDPR",
)
RECITALS = Words(nb="GDPR fortalepunkt 75 og 85", en="GDPR Recitals 75 and 85")
