"""Each notice page is rendered once per registry and language, whoever asks for it."""

from __future__ import annotations

from holte_ropa import check, load_registry, readability
from holte_ropa.notice import notice_pages, render_notice
from holte_ropa.notice._readability import readability_report
from tests.conftest import FIXTURES

SMALL = FIXTURES / "small"


def test_the_check_the_report_and_the_pages_share_one_rendering_per_language() -> None:
    registry = load_registry(SMALL)
    check(registry)  # the readability rule renders the notice page in both languages
    rendered = render_notice(registry, "nb")
    assert render_notice(registry, "nb") is rendered
    assert notice_pages(registry)["index.md"] is rendered
    assert notice_pages(registry)["en/index.md"] is render_notice(registry, "en")
    assert readability(registry) == readability(registry)
    assert [row["lix"] for row in readability_report(registry)] == [
        s.lix for s in readability(registry)
    ]


def test_a_registry_loaded_again_renders_the_same_text() -> None:
    first, second = load_registry(SMALL), load_registry(SMALL)
    assert render_notice(first, "en") == render_notice(second, "en")
    assert render_notice(first, "en") is not render_notice(second, "en")
