"""Exact GDPR citations in each language, one function for every output."""

from __future__ import annotations

import re

__all__ = ["cite", "cite_ref"]


def cite(lang: str, article: int, paragraph: int | None = None, point: str | None = None) -> str:
    """An exact GDPR reference, as Lovdata writes it in bokmål and EUR-Lex in English.

    ``cite("nb", 6, 1, "f")`` is "GDPR art. 6 nr. 1 bokstav f"; ``cite("en", 6, 1, "f")``
    is "GDPR Art. 6(1)(f)". Any language but ``nb`` gets the English form.

    Raises:
        ValueError: a point without a paragraph (GDPR points always sit in a paragraph).
    """
    if point is not None and paragraph is None:
        raise ValueError(f"GDPR art. {article}: a point needs its paragraph")
    if lang == "nb":
        ref = f"GDPR art. {article}"
        if paragraph is not None:
            ref += f" nr. {paragraph}"
        if point is not None:
            ref += f" bokstav {point}"
        return ref
    ref = f"GDPR Art. {article}"
    if paragraph is not None:
        ref += f"({paragraph})"
    if point is not None:
        ref += f"({point})"
    return ref


_REF = re.compile(r"^(\d+)(?:\((\d+)\))?(?:\(([a-z]+)\))?$")


def cite_paragraphs(lang: str, article: int, first: int, *more: int) -> str:
    """Paragraphs of one article, the article named once: "GDPR art. 21 nr. 2 og 3",
    "GDPR Art. 21(2) and (3)"."""
    if not more:
        return cite(lang, article, first)
    rest = [str(p) for p in more] if lang == "nb" else [f"({p})" for p in more]
    head = ", ".join([cite(lang, article, first), *rest[:-1]])
    return f"{head} {'og' if lang == 'nb' else 'and'} {rest[-1]}"


def cite_ref(lang: str, ref: str) -> str:
    """``cite`` for a compact reference such as "46(2)(c)", "49(1)" or "45".

    Raises:
        ValueError: ``ref`` is not ``article[(paragraph)[(point)]]``.
    """
    match = _REF.match(ref)
    if match is None:
        raise ValueError(f"not a GDPR reference: {ref!r} (expected e.g. 6(1)(f))")
    article, paragraph, point = match.groups()
    return cite(lang, int(article), int(paragraph) if paragraph else None, point)
