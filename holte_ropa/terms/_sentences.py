"""How a name or a description reads inside a sentence, in one place.

The notice, the change history and the breach drafts all put registry text mid-sentence;
one rule for each case keeps them saying it the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["in_running_text", "lower_first"]


def in_running_text(name: str, lang: str) -> str:
    """ "The Norwegian ..." -> "the Norwegian ..." after "complain to" in English.

    An English rule (the article): other languages print the name as it is written.
    """
    if lang == "en" and name.startswith("The "):
        return "t" + name[1:]
    return name


@lru_cache(maxsize=16_384)
def lower_first(value: str) -> str:
    """ "E-postadresse" -> "e-postadresse" inside a sentence; "IP-adresse" and "SuperOffice"
    stay: only a first word written as an ordinary word loses its capital.

    Memoised: the same category and subject names recur on every activity.
    """
    head = re.match(r"[^\W\d_]+", value)
    if head is None or not head.group()[0].isupper():
        return value
    word = head.group()
    rest = value[len(word) :]
    if (len(word) > 1 and word[1:].islower()) or (len(word) == 1 and rest.startswith("-")):
        return value[0].lower() + value[1:]
    return value
