"""Exact legal references in the reader's language, as Lovdata and EUR-Lex write them.

Bokmål follows Lovdata ("GDPR art. 33 nr. 3 bokstav a"), English follows EUR-Lex
("GDPR Art. 33(3)(a)"); every citation of the breach drafts comes from here.
"""

from __future__ import annotations

__all__ = ["EDPB_BREACH_GUIDELINES", "RECITALS", "cite"]


def cite(lang: str, article: int, paragraph: int | None = None, point: str | None = None) -> str:
    """A GDPR article, paragraph and point: ``cite("en", 33, 3, "a")`` is GDPR Art. 33(3)(a)."""
    if lang == "nb":
        words = [f"GDPR art. {article}"]
        if paragraph is not None:
            words.append(f"nr. {paragraph}")
        if point is not None:
            words.append(f"bokstav {point}")
        return " ".join(words)
    text = f"GDPR Art. {article}"
    if paragraph is not None:
        text += f"({paragraph})"
    if point is not None:
        text += f"({point})"
    return text


EDPB_BREACH_GUIDELINES = {
    "nb": "EDPBs retningslinjer 9/2022 om melding om brudd på personopplysningssikkerheten",
    "en": "EDPB Guidelines 9/2022 on personal data breach notification under GDPR",
}
RECITALS = {"nb": "GDPR fortalepunkt 75 og 85", "en": "GDPR Recitals 75 and 85"}
