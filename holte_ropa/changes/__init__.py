"""Changes to the record over time: semantic diff, git history, change log and feed.

``diff(old, new)`` compares two registries by meaning (entities matched by id) and says
who must be told of each change: data subjects, customers (GDPR Art. 28(2)) or nobody
outside. ``load_revision()`` reads a registry at a git revision through ``git archive``;
``registry_history()`` walks the first-parent history; ``sub_processor_feed()`` writes
the Atom feed customers subscribe to; ``dated_changes()`` groups the history by day in
sentences for people and ``changes_feed()`` publishes it as the site's Atom feed.
``_wording`` holds the bokmål and English sentences, ``_report`` the text, JSON and Markdown forms.

It may import :mod:`holte_ropa.model`; never rules, graph, records, notice or site.
"""

from __future__ import annotations

from holte_ropa.changes._dated import DatedChanges, DatedItem, changes_feed, dated_changes
from holte_ropa.changes._diff import Audience, Change, ChangeKind, diff
from holte_ropa.changes._git import load_revision
from holte_ropa.changes._history import HistoryEntry, registry_history, sub_processor_feed

__all__ = [
    "Audience",
    "Change",
    "ChangeKind",
    "DatedChanges",
    "DatedItem",
    "HistoryEntry",
    "changes_feed",
    "dated_changes",
    "diff",
    "load_revision",
    "registry_history",
    "sub_processor_feed",
]
