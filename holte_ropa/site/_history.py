"""The page with the notice's version and change history (GDPR Art. 12(1), 13(3)).

People who read the notice before deserve to see what changed since. When the registry
lives in git, the history is the semantic diff of its commits (what changed for the
public, dated by git); otherwise it is the registry's own ``notice.history``. Either way
the page never invents a date, and changes to internal fields are never shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from holte_ropa.changes._diff import Audience
from holte_ropa.changes._history import HistoryEntry
from holte_ropa.model._models import UNKNOWN, Text, Unknown, is_unknown
from holte_ropa.model._registry import Registry
from holte_ropa.site import _markdown as md

__all__ = ["history_page"]

_WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "title": "Versjon og endringer",
        "current": "Denne versjonen",
        "version": "Versjon",
        "changed": "Sist endret",
        UNKNOWN.value: "ikke avklart ennå",
        "announce": "Slik varsler vi om endringer",
        "history": "Tidligere endringer",
        "date": "Dato",
        "summary": "Hva ble endret",
        "caption": "Endringer i personvernerklæringen, nyeste først",
        "none": "Ingen tidligere versjoner er registrert.",
        "first": "Første versjon av protokollen.",
    },
    "en": {
        "title": "Version and changes",
        "current": "This version",
        "version": "Version",
        "changed": "Last changed",
        UNKNOWN.value: "not yet confirmed",
        "announce": "How we announce changes",
        "history": "Earlier changes",
        "date": "Date",
        "summary": "What changed",
        "caption": "Changes to the privacy notice, newest first",
        "none": "No earlier versions are recorded.",
        "first": "First version of the record.",
    },
}


def history_page(
    registry: Registry, lang: str, history: Sequence[HistoryEntry] | None = None
) -> str:
    """Markdown of the version and history page in ``lang``; ``history`` from git if any."""
    words = _WORDS[lang]
    notice = registry.organisation.notice
    changed = words[UNKNOWN.value] if is_unknown(notice.last_changed) else str(notice.last_changed)
    # The version is optional: left out while unknown, never shown as a placeholder.
    current = (
        [] if is_unknown(notice.version) else [f"- {words['version']}: {md.text(notice.version)}"]
    )
    out = [
        f"# {words['title']}",
        "",
        f"## {words['current']}",
        "",
        *current,
        f"- {words['changed']}: {md.text(changed)}",
        "",
        f"## {words['announce']}",
        "",
        md.text(_announcement(notice.change_announcement, lang)),
        "",
        f"## {words['history']}",
        "",
    ]
    if history:
        return "\n".join(out + _git_history(history, words, lang))
    changes = sorted(notice.history, key=lambda c: (c.date, c.version), reverse=True)
    if not changes:
        out += [words["none"], ""]
    else:
        rows = [(c.version, str(c.date), c.summary.get(lang) or "") for c in changes]
        header = (words["version"], words["date"], words["summary"])
        out.append(md.table(words["caption"], header, rows, table_id="history"))
    return "\n".join(out)


def _announcement(text: Text | Unknown, lang: str) -> str:
    """How changes are announced; a visible gap, never a sentence, while ``unknown``."""
    if is_unknown(text):
        gap = _WORDS[lang][UNKNOWN.value]
        return f"{gap[:1].upper()}{gap[1:]}."
    return text.get(lang) or ""


def _git_history(history: Sequence[HistoryEntry], words: dict[str, str], lang: str) -> list[str]:
    out: list[str] = []
    for entry in history:
        public = [c for c in entry.changes if Audience.INTERNAL not in c.audience]
        if not (public or entry.initial):
            continue
        out += [f"### {md.text(entry.date[:10])}", ""]
        if public:
            out += [f"- {md.text(c.summary.get(lang) or '')}" for c in public]
        else:
            out.append(words["first"])
        out.append("")
    return out or [words["none"], ""]
