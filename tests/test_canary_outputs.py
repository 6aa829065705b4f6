"""Nothing private gets out: no canary reaches any public output.

tests/fixtures/canary fills every internal field (schema ``x-internal``) and a security
measure marked ``public: false`` with ``CANARY-...`` values and dates that occur nowhere
else. The public outputs are produced from it, and from a change history in which every
canary value changed (so a diff that leaked internal changes would show them): the notice,
every site page (the change history and data flows included), every diagram in every
format and language, the diff's Markdown, the history Markdown and the Atom feed. None of
them may contain a canary. (The built site, its search index included, is checked file by
file in tests/site/test_browser.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from holte_ropa import diff, load_registry
from holte_ropa.changes._history import HistoryEntry, sub_processor_feed
from holte_ropa.changes._report import changes_markdown, history_markdown
from holte_ropa.graph._formats import export_graph
from holte_ropa.graph._graph import build_graph
from holte_ropa.model._registry import Registry
from holte_ropa.notice import notice_pages
from holte_ropa.site import site_pages
from tests.conftest import FIXTURES

CANARY = FIXTURES / "canary"
CANARY_DATES = ("1999-12-31", "1998-11-30", "1997-10-09", "1996-08-07")
PUBLIC_GRAPH_FORMATS = ("dot", "svg", "graphml", "json", "mermaid")


def _leaks(text: str) -> list[str]:
    found = ["CANARY"] if "CANARY" in text else []
    return found + [d for d in CANARY_DATES if d in text]


@pytest.fixture(scope="module")
def canary() -> Registry:
    return load_registry(CANARY)


@pytest.fixture(scope="module")
def history(canary: Registry, tmp_path_factory: pytest.TempPathFactory) -> list[HistoryEntry]:
    """One commit in which every canary value changed (from ``earlier-...`` values)."""
    folder = tmp_path_factory.mktemp("earlier")
    text = (CANARY / "registry.yaml").read_text(encoding="utf-8")
    (folder / "registry.yaml").write_text(text.replace("CANARY", "earlier"), encoding="utf-8")
    changes = tuple(diff(load_registry(folder), canary))
    assert changes  # the internal fields did change
    return [
        HistoryEntry(
            commit="c" * 40,
            date="2026-11-25T12:00:00+00:00",
            subject="CANARY-commit-subject",
            changes=changes,
        )
    ]


def test_the_canary_registry_marks_values_not_public(canary: Registry) -> None:
    assert any(not m.public for m in canary.security_measures.values())


def test_no_canary_in_the_notice_or_any_site_page(
    canary: Registry, history: list[HistoryEntry]
) -> None:
    pages = {**notice_pages(canary), **site_pages(canary, history=history)}
    assert {"index.md", "en/index.md", "changes.md", "en/changes.md", "flows.md"} <= set(pages)
    assert {name: _leaks(page) for name, page in pages.items() if _leaks(page)} == {}


def test_no_canary_in_any_diagram(canary: Registry) -> None:
    graph = build_graph(canary)
    specs = [
        "organisation",
        "transfers",
        *(f"activity:{a}" for a in canary.activities),
        *(f"party:{p}" for p in canary.parties),
        *(f"subject:{s}" for s in canary.subject_categories),
    ]
    leaks = {}
    for spec in specs:
        view = graph.view(spec)
        for fmt in PUBLIC_GRAPH_FORMATS:
            for lang in ("nb", "en"):
                text = export_graph(view, fmt, lang).decode("utf-8")
                if _leaks(text):
                    leaks[f"{spec}.{lang}.{fmt}"] = _leaks(text)
    assert leaks == {}


def test_no_canary_in_the_diff_markdown_the_history_or_the_atom_feed(
    canary: Registry, history: list[HistoryEntry]
) -> None:
    outputs = {}
    for lang in ("nb", "en"):
        outputs[f"diff.{lang}.md"] = changes_markdown(history[0].changes, lang)
        outputs[f"history.{lang}.md"] = history_markdown(history, lang)
        outputs[f"feed.{lang}.atom"] = sub_processor_feed(history, canary.organisation, lang)
    assert {name: _leaks(text) for name, text in outputs.items() if _leaks(text)} == {}


def test_the_canary_check_is_able_to_see_a_leak(tmp_path: Path) -> None:
    assert _leaks("owner: CANARY-activity-owner") == ["CANARY"]
    assert _leaks("signed 1999-12-31") == ["1999-12-31"]
