"""Text, JSON and Markdown renderings of registry changes and of the change history.

Markdown is written to be pasted into a newsletter or published as the notice's change
history page, so it leaves out internal changes (fields marked ``x-internal`` are for
auditors only) and says who each section is for. Every sentence in it is escaped as the
notice escapes registry text (:func:`holte_ropa.notice._escape.escape_text`): names come from
the registry, and a party named ``<img src=x onerror=...>`` must show as written, not run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from holte_ropa.changes._diff import Audience, Change
from holte_ropa.changes._history import HistoryEntry
from holte_ropa.terms import cite

__all__ = [
    "changes_json",
    "changes_markdown",
    "changes_text",
    "history_json",
    "history_markdown",
    "history_text",
]

_AUDIENCE_WORDS: dict[str, dict[Audience, str]] = {
    "nb": {
        Audience.DATA_SUBJECTS: "registrerte",
        Audience.CUSTOMERS: "kunder",
        Audience.INTERNAL: "internt",
    },
    "en": {
        Audience.DATA_SUBJECTS: "data subjects",
        Audience.CUSTOMERS: "customers",
        Audience.INTERNAL: "internal",
    },
}

_MD = {
    "nb": {
        "title": "Endringer i personvernerklæringen",
        "customers": "Til kundene våre: underdatabehandlere og databehandling",
        "customers_intro": f"Vi varsler om disse endringene etter {cite('nb', 28, 2)}, "
        "slik at dere kan protestere før de trer i kraft.",
        "contact": "Spørsmål eller protester sendes til {contact}.",
        "none": "Ingen endringer.",
        "history": "Endringshistorikk",
        "initial": "Første versjon.",
    },
    "en": {
        "title": "Changes to our privacy notice",
        "customers": "To our customers: sub-processors and processing",
        "customers_intro": "We announce these changes under GDPR Art. 28(2), so that you "
        "can object before they take effect.",
        "contact": "Send questions or objections to {contact}.",
        "none": "No changes.",
        "history": "Change history",
        "initial": "First version.",
    },
}


def _lang(lang: str) -> str:
    return "nb" if lang == "nb" else "en"


def _line(change: Change, lang: str) -> str:
    who = ", ".join(_AUDIENCE_WORDS[_lang(lang)][a] for a in change.audience)
    where = f"{change.location}: " if change.location else ""
    return f"{where}{change.kind.value} [{who}]: {change.summary.get(lang)}"


def changes_text(changes: Sequence[Change], lang: str = "nb") -> str:
    """One line per change: location, kind, audience and the summary."""
    if not changes:
        return _MD[_lang(lang)]["none"] + "\n"
    return "".join(_line(c, lang) + "\n" for c in changes)


def _counts(changes: Sequence[Change]) -> dict[str, int]:
    return {a.value: sum(a in c.audience for c in changes) for a in Audience}


def changes_json(changes: Sequence[Change], old: str, new: str) -> str:
    """The changes as JSON for machines, with counts per audience."""
    payload = {
        "version": 1,
        "old": old,
        "new": new,
        "changes": [c.model_dump(mode="json") for c in changes],
        "summary": {"changes": len(changes), "by_audience": _counts(changes)},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape(text: str) -> str:
    """``text`` shown literally in Markdown; imported here, as the notice package is large."""
    from holte_ropa.notice._escape import escape_text

    return escape_text(text)


def _bullets(changes: Sequence[Change], lang: str) -> list[str]:
    return [f"- {_escape(c.summary.get(lang))}" for c in changes]


def changes_markdown(
    changes: Sequence[Change], lang: str = "nb", contact: str | None = None, level: int = 2
) -> str:
    """Newsletter-ready Markdown: what changes in the notice, then what customers are told.

    Each change appears once: one that customers must be told of goes in their section
    (with its GDPR Art. 28(2) note) even when the notice changes too.
    """
    words = _MD[_lang(lang)]
    head = "#" * level
    customers = [c for c in changes if Audience.CUSTOMERS in c.audience]
    public = [c for c in changes if Audience.DATA_SUBJECTS in c.audience and c not in customers]
    lines: list[str] = []
    if public or not customers:
        lines += [f"{head} {words['title']}", ""]
        lines += _bullets(public, lang) if public else [words["none"]]
    if customers:
        if lines:
            lines.append("")
        lines += [f"{head} {words['customers']}", "", words["customers_intro"], ""]
        lines += _bullets(customers, lang)
    if contact and (public or customers):
        lines += ["", words["contact"].format(contact=_escape(contact))]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- history


def history_text(history: Sequence[HistoryEntry], lang: str = "nb") -> str:
    """Each commit that changed meaning, newest first, with its changes indented."""
    out: list[str] = []
    for entry in history:
        out.append(f"{entry.date} {entry.commit[:12]} {entry.subject}")
        if entry.initial:
            out.append(f"    {_MD[_lang(lang)]['initial']}")
        out += [f"    {_line(c, lang)}" for c in entry.changes]
    return "\n".join(out) + "\n" if out else _MD[_lang(lang)]["none"] + "\n"


def history_json(history: Sequence[HistoryEntry]) -> str:
    """The history as JSON: entries newest first, each with its typed changes."""
    payload = {"version": 1, "history": [e.model_dump(mode="json") for e in history]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def history_markdown(history: Sequence[HistoryEntry], lang: str = "nb", level: int = 1) -> str:
    """The notice's change history page: one section per day, newest first.

    Written for the people the notice is for: each change's public sentence, once a day,
    with what customers must hear of marked (GDPR Art. 28(2)); commits that changed only
    internal fields are left out, as are field names and stored values.
    """
    from holte_ropa.changes._dated import FEED_WORDS, dated_changes, long_date

    words = _MD[_lang(lang)]
    feed = FEED_WORDS[_lang(lang)]
    head = "#" * level
    lines = [f"{head} {words['history']}"]
    for day in dated_changes(history):
        lines += ["", f"{head}# {long_date(day.date, _lang(lang))}", ""]
        lines += [
            f"- {feed['customers'] if item.customers else ''}{_escape(item.text.get(lang))}"
            for item in day.items
        ]
        if day.initial:
            lines.append(f"- {words['initial']}")
    return "\n".join(lines) + "\n"
