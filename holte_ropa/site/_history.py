"""The page with the notice's version and change history (GDPR Art. 12(1), 13(3)).

People who read the notice before deserve to see what changed since. When the registry
lives in git, the history is the semantic diff of its commits, grouped by day and written
as sentences for people (:mod:`holte_ropa.changes._dated`); otherwise it is the registry's
own ``notice.history``. Either way the page never invents a date, changes to internal
fields are never shown, and what customers must hear of is marked (GDPR Art. 28(2)).
The same days are published as an Atom feed beside the page (:func:`history_feed`).
"""

from __future__ import annotations

import datetime as _dt
import subprocess
from collections.abc import Sequence
from pathlib import Path

from holte_ropa.changes._dated import (
    DatedChanges,
    DatedItem,
    changes_feed,
    dated_changes,
    long_date,
)
from holte_ropa.changes._history import HistoryEntry
from holte_ropa.changes._wording import Bilingual
from holte_ropa.model._models import UNKNOWN, Text, Unknown, is_unknown
from holte_ropa.model._registry import Registry
from holte_ropa.site import _markdown as md
from holte_ropa.terms import cite

__all__ = ["FEED", "git_history", "history_days", "history_feed", "history_page"]

FEED = "changes.xml"
"""The Atom feed's file name, beside ``changes.md`` in each language."""

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
        "first": "Første versjon av personvernerklæringen.",
        "customers": "Til kundene våre",
        "subscribe": "Følg endringene som Atom-feed",
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
        "first": "First version of the privacy notice.",
        "customers": "To our customers",
        "subscribe": "Follow the changes as an Atom feed",
    },
}


def history_days(
    registry: Registry, history: Sequence[HistoryEntry] | None = None
) -> list[DatedChanges]:
    """The public history, newest day first: from git when ``history`` is given (from
    ``notice.history_since`` on, where the registry sets it), else the registry's own
    ``notice.history``."""
    since = registry.organisation.notice.history_since
    if history and since is not None:
        history = [h for h in history if h.date[:10] >= since.isoformat()]
    if history:
        return dated_changes(history)
    days: dict[str, list[DatedItem]] = {}
    for change in sorted(registry.organisation.notice.history, key=lambda c: c.date):
        summary = change.summary
        text = Bilingual(nb=summary.nb or summary.en or "", en=summary.en or summary.nb or "")
        days.setdefault(change.date.isoformat(), []).append(DatedItem(text=text))
    return [
        DatedChanges(date=day, updated=f"{day}T00:00:00Z", items=tuple(items))
        for day, items in sorted(days.items(), reverse=True)
    ]


def git_history(folder: Path) -> list[HistoryEntry] | None:
    """The history of the registry in ``folder`` from the git repository holding it.

    The repository is found from the folder itself (``git rev-parse --show-toplevel``),
    wherever the site is configured or built from; None when the folder is in no
    repository or git cannot read it. A shallow clone yields the commits it has.
    """
    from holte_ropa.changes._history import registry_history
    from holte_ropa.report._problems import RegistryError

    place = folder.resolve()
    if not place.is_dir():
        return None
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=place,
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        return None
    if top.returncode != 0 or not top.stdout.strip():
        return None
    repo = Path(top.stdout.strip()).resolve()
    inside = place.relative_to(repo).as_posix() if place.is_relative_to(repo) else None
    if inside is None:
        return None
    try:
        return registry_history(repo=repo, folder=inside or ".")
    except RegistryError:
        return None


def history_feed(registry: Registry, lang: str, days: Sequence[DatedChanges]) -> str:
    """The Atom feed published as ``changes.xml`` beside the changes page in ``lang``.

    Without days the feed has no entries and says it was updated on the notice's last
    change, or else on the build's day (SOURCE_DATE_EPOCH or today).
    """
    # Relative to the feed: the changes page of the same language is changes/.
    return changes_feed(
        days,
        registry.organisation,
        lang,
        page_url="changes/",
        feed_url=FEED,
        updated=_feed_date(registry),
    )


def _feed_date(registry: Registry) -> str:
    from holte_ropa._reproducible import source_date_epoch

    changed = registry.organisation.notice.last_changed
    if not is_unknown(changed):
        return f"{changed.isoformat()}T00:00:00Z"
    moment = source_date_epoch() or _dt.datetime.now(tz=_dt.UTC)
    return f"{moment.date().isoformat()}T00:00:00Z"


def history_page(
    registry: Registry, lang: str, history: Sequence[HistoryEntry] | None = None
) -> str:
    """Markdown of the version and history page in ``lang``; ``history`` from git if any."""
    words = _WORDS[lang]
    notice = registry.organisation.notice
    # The version and the date are optional: left out while unknown, never a placeholder.
    current = (
        [] if is_unknown(notice.version) else [f"- {words['version']}: {md.text(notice.version)}"]
    )
    if not is_unknown(notice.last_changed):
        current.append(
            f"- {words['changed']}: {md.text(long_date(notice.last_changed.isoformat(), lang))}"
        )
    out = [
        f"# {words['title']}",
        "",
        *([f"## {words['current']}", "", *current, ""] if current else []),
        f"## {words['announce']}",
        "",
        md.text(_announcement(notice.change_announcement, lang)),
        "",
        f"[{words['subscribe']}]({FEED}){{ type=application/atom+xml }}",
        "",
        f"## {words['history']}",
        "",
    ]
    days = history_days(registry, history)
    if not days:
        return "\n".join([*out, words["none"], ""])
    art28 = cite(lang, 28, 2)
    for day in days:
        out += [f"### {md.text(long_date(day.date, lang))} {{#{day.anchor}}}", ""]
        for item in day.items:
            mark = f"**{words['customers']}** ({art28}): " if item.customers else ""
            out.append(f"- {mark}{md.text(item.text.get(lang))}")
        if day.initial:
            out.append(f"- {words['first']}")
        out.append("")
    return "\n".join(out)


def _announcement(text: Text | Unknown, lang: str) -> str:
    """How changes are announced; a visible gap, never a sentence, while ``unknown``."""
    if is_unknown(text):
        gap = _WORDS[lang][UNKNOWN.value]
        return f"{gap[:1].upper()}{gap[1:]}."
    return text.get(lang) or ""
