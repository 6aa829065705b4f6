"""What registry text may contain: the character policy and the length limits.

Every text in the registry (ids, keys, names, descriptions, waiver reasons) ends up in XML
(SVG, GraphML, JUnit, Atom), in spreadsheet cells, in HTML and in terminals. XML 1.0 has no
way to write most control characters at all, a spreadsheet cell holds 32,767 characters,
and an escape sequence in a terminal rewrites what the reader sees. So the loader refuses,
before any model sees them:

- C0 and C1 control characters (``unicodedata.category == "Cc"``) other than tab, line feed
  and carriage return, DELETE included (XML 1.0 §2.2, Unicode §23.1);
- Unicode non-characters (U+FDD0..U+FDEF and the last two code points of every plane,
  Unicode §23.7) and lone surrogates (not characters at all, Unicode §3.8 D71);
- a byte-order mark anywhere but at the start of the file (Unicode §23.8).

Bidirectional controls (Unicode UAX #9: the embeddings and overrides U+202A..U+202E and
the isolates U+2066..U+2069) reorder how text is shown, so ``Evil\u202erossecorp`` reads as
``Evilprocessor``: they are refused outright in names, ids and keys, and elsewhere when one
is left open at the end of its line or closes nothing. The marks U+200E and U+200F change
no order and stay allowed. A name that is empty, or holds only spaces and invisible
characters (category Cf, such as U+200B ZERO WIDTH SPACE), is refused as blank.

Limits (characters, counted as Python ``len``): a name (``name``, ``trade_name``,
``legal_name``, ``shown_as``, ``title``, ``approved_by``) at most 200, a key at most 200,
every other text at most 10,000. The longest text in Holte's registry has about 500
characters; 10,000 is some 1,500 words, three times what a notice section should hold, and a
third of a spreadsheet cell (32,767), so no export ever has to cut a text. A registry file may
hold at most 5 MiB, checked before it is read, so memory stays bounded whatever a file holds
(Holte's largest file has 3 KB; a synthetic registry of 10,000 activities has 16 KB files).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_NAME",
    "MAX_TEXT",
    "NAME_FIELDS",
    "TextSpot",
    "all_refused",
    "bidi_problem",
    "blank_problem",
    "character_name",
    "first_refused",
    "more_text_problems",
    "text_limit",
]

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Largest registry file read (5 MiB); a larger file is refused before it is read."""
MAX_NAME = 200
"""Longest name, key or title (characters)."""
MAX_TEXT = 10_000
"""Longest other text, e.g. a description or a waiver reason (characters)."""
NAME_FIELDS = frozenset({"name", "trade_name", "legal_name", "shown_as", "title", "approved_by"})
"""Fields whose texts are names: short, shown in table cells, graph nodes and headings."""

# Unicode's formal name aliases (NameAliases.txt, type "control") for the control
# characters, which have no name in UnicodeData.txt and so none from unicodedata.name();
# tests check every entry with unicodedata.lookup(), which knows these aliases.
_C0 = (
    "NULL, START OF HEADING, START OF TEXT, END OF TEXT, END OF TRANSMISSION, ENQUIRY, "
    "ACKNOWLEDGE, ALERT, BACKSPACE, CHARACTER TABULATION, LINE FEED, LINE TABULATION, "
    "FORM FEED, CARRIAGE RETURN, SHIFT OUT, SHIFT IN, DATA LINK ESCAPE, DEVICE CONTROL ONE, "
    "DEVICE CONTROL TWO, DEVICE CONTROL THREE, DEVICE CONTROL FOUR, NEGATIVE ACKNOWLEDGE, "
    "SYNCHRONOUS IDLE, END OF TRANSMISSION BLOCK, CANCEL, END OF MEDIUM, SUBSTITUTE, ESCAPE, "
    "FILE SEPARATOR, GROUP SEPARATOR, RECORD SEPARATOR, UNIT SEPARATOR"
)
_C1 = (
    "PADDING CHARACTER, HIGH OCTET PRESET, BREAK PERMITTED HERE, NO BREAK HERE, INDEX, "
    "NEXT LINE, START OF SELECTED AREA, END OF SELECTED AREA, CHARACTER TABULATION SET, "
    "CHARACTER TABULATION WITH JUSTIFICATION, LINE TABULATION SET, PARTIAL LINE FORWARD, "
    "PARTIAL LINE BACKWARD, REVERSE LINE FEED, SINGLE SHIFT TWO, SINGLE SHIFT THREE, "
    "DEVICE CONTROL STRING, PRIVATE USE ONE, PRIVATE USE TWO, SET TRANSMIT STATE, "
    "CANCEL CHARACTER, MESSAGE WAITING, START OF GUARDED AREA, END OF GUARDED AREA, "
    "START OF STRING, SINGLE GRAPHIC CHARACTER INTRODUCER, SINGLE CHARACTER INTRODUCER, "
    "CONTROL SEQUENCE INTRODUCER, STRING TERMINATOR, OPERATING SYSTEM COMMAND, "
    "PRIVACY MESSAGE, APPLICATION PROGRAM COMMAND"
)
CONTROL_NAMES: dict[str, str] = {
    **{chr(i): name for i, name in enumerate(_C0.split(", "))},
    "\x7f": "DELETE",
    **{chr(0x80 + i): name for i, name in enumerate(_C1.split(", "))},
}

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)
)
_REFUSED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff" + _NONCHARACTERS + "]"
)


def first_refused(text: str) -> re.Match[str] | None:
    """The first character the registry refuses in ``text``, or None.

    U+FEFF is refused everywhere but at the start of a file (where the UTF-8 decoder drops
    it): inside a file it is a stray byte-order mark, and written as an escape it is an
    invisible zero-width no-break space nobody means to publish.
    """
    return _REFUSED.search(text)


def all_refused(text: str) -> Iterator[re.Match[str]]:
    """Every character the registry refuses in ``text``, in order."""
    return _REFUSED.finditer(text)


@dataclass(frozen=True, slots=True)
class TextSpot:
    """Where a file breaks the text policy, for the one message that lists them all."""

    line: int
    column: int
    field: str | None
    what: str
    """``U+001B ESCAPE``, or ``a text over its length limit``."""


_LISTED = 6
"""Places named in the message; the rest are counted."""


def more_text_problems(spots: Sequence[TextSpot], count: int | None = None) -> str:
    """What to add to the first text problem of a file so its one message covers the rest.

    A file gets one message, not one per field: a character pasted into every name would
    otherwise bury every other problem under copies of the same line. Places with the
    same character are grouped: `` The file has 2 more text problems: U+001B ESCAPE at
    4:17 (trade_name), 6:20 (service.nb).`` ``count`` is the number of further problems
    when ``spots`` holds only the first few. Empty when there is nothing more.
    """
    count = len(spots) if count is None else count
    if not spots or not count:
        return ""
    groups: dict[str, list[str]] = {}
    for spot in spots[:_LISTED]:
        where = f"{spot.line}:{spot.column}" + (f" ({spot.field})" if spot.field else "")
        groups.setdefault(spot.what, []).append(where)
    listed = "; ".join(f"{what} at {', '.join(places)}" for what, places in groups.items())
    rest = count - min(len(spots), _LISTED)
    tail = f"; and {rest:,} more" if rest > 0 else ""
    plural = "s" if count != 1 else ""
    return f". The file has {count:,} more text problem{plural}: {listed}{tail}"


def character_name(char: str) -> str:
    """``U+001B ESCAPE``: the code point and its Unicode name, or what kind of code point it is."""
    code = ord(char)
    label = f"U+{code:04X}"
    if char == "\ufeff":
        return f"{label} BYTE ORDER MARK"
    name = CONTROL_NAMES.get(char) or unicodedata.name(char, "")
    if name:
        return f"{label} {name}"
    if 0xD800 <= code <= 0xDFFF:
        return f"{label} (a lone surrogate, not a character)"
    return f"{label} (a Unicode non-character)"


def text_limit(field: str) -> int:
    """The most characters a text in ``field`` may have (``description.nb`` -> 10,000)."""
    base = field.split(".", 1)[0]
    return MAX_NAME if base in NAME_FIELDS else MAX_TEXT


_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c"}
_OPENERS |= {"\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\n]")
_STRICT = NAME_FIELDS | {"id", "a key"}
"""Fields where a bidirectional control is refused outright: names, ids and keys."""


def bidi_problem(field: str, text: str) -> tuple[str, str] | None:
    """A bidirectional control ``text`` may not hold in ``field``: (what, message) or None."""
    strict = field.split(".", 1)[0] in _STRICT
    open_: list[str] = []
    for match in _BIDI.finditer(text):
        char = match.group()
        if char == "\n":
            if open_:
                return _bidi(field, open_[-1], "is not closed before the line ends")
            continue
        if strict:
            return _bidi(field, char, "is not allowed in names, ids and keys")
        if char in _OPENERS:
            open_.append(char)
        elif not open_ or _OPENERS[open_[-1]] != char:
            return _bidi(field, char, "closes nothing")
        else:
            open_.pop()
    return _bidi(field, open_[-1], "is not closed") if open_ else None


def _bidi(field: str, char: str, why: str) -> tuple[str, str]:
    name = character_name(char)
    return name, (
        f"{field}: the bidirectional control {name} {why}; it reorders how the text is "
        "shown, so what readers see differs from what is written: delete it"
    )


def blank_problem(field: str, text: str) -> tuple[str, str] | None:
    """(what, message) when ``text`` is a name with nothing visible in it, else None."""
    if field.split(".", 1)[0] not in NAME_FIELDS:
        return None
    if any(not char.isspace() and unicodedata.category(char) != "Cf" for char in text):
        return None
    what = "an empty name" if not text else "a blank name"
    invisible = " (only spaces or invisible characters)" if text else ""
    return what, f"{field}: the name is {what.split()[1]}{invisible}; write the name"
