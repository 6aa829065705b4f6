"""holte_ropa.site: every page rendered from the registry, without MkDocs."""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from holte_ropa.model._loader import load_registry
from holte_ropa.rules import all_rules
from holte_ropa.site import page_language, rule_docs, site_nav, site_pages, write_site

ROOT = Path(__file__).parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures"


def _html(page: str) -> str:
    body = page.split("---\n", 2)[2]
    return markdown.markdown(body, extensions=["attr_list", "tables", "toc"])


def test_every_page_exists_in_both_languages_with_a_switch_to_its_counterpart() -> None:
    pages = site_pages(load_registry(ROOT / "registry"))
    nb = {p for p in pages if p.endswith(".md") and page_language(p) == "nb"}
    en = {p.removeprefix("en/") for p in pages if p.endswith(".md") and p.startswith("en/")}
    assert {"index.md", "flows.md", "changes.md"} <= nb
    assert {"index.md", "flows.md", "changes.md"} <= en
    assert 'hreflang="en" lang="en"' in _html(pages["flows.md"])
    assert 'href="en/flows.md"' in _html(pages["flows.md"])
    assert 'href="../flows.md"' in _html(pages["en/flows.md"])
    assert "\nlang: en\n" in pages["en/flows.md"].split("\n---\n")[0]


def test_pages_are_byte_identical_across_runs() -> None:
    registry = load_registry(ROOT / "registry")
    assert site_pages(registry) == site_pages(registry)


def test_the_flows_page_embeds_an_svg_with_title_and_desc_and_a_captioned_table() -> None:
    html = _html(site_pages(load_registry(ROOT / "registry"))["en/flows.md"])
    # Where the data comes from, who receives it, and the transfers outside the EEA: the
    # whole organisation in one picture is too wide for a page column.
    assert html.count("<svg") == 3
    assert "<?xml" not in html and "<!DOCTYPE" not in html
    assert re.search(r'<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"', html)
    assert "<title" in html and "<desc" in html
    assert "<caption" in html and '<th scope="col">Transfer basis</th>' in html
    assert "United States" in html and "EU-US Data Privacy Framework" in html
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids must be unique on the page"


def test_every_rule_has_a_page_and_the_bokmal_index_links_to_each() -> None:
    pages = rule_docs()
    rules = all_rules()
    for rule in rules:
        assert f"# {rule.id} {rule.name}" in pages[f"en/rules/{rule.id}.md"]
        assert f"../en/rules/{rule.id}.md" in pages["rules/index.md"]


def test_registry_text_is_shown_literally_never_as_markup(make_registry) -> None:  # type: ignore[no-untyped-def]
    hostile = (FIXTURES / "small" / "registry.yaml").read_text(encoding="utf-8")
    hostile = hostile.replace("Mailtool Inc.", "<script>alert(1)</script>")
    hostile = hostile.replace("trade_name: Mailtool", "trade_name: '<img src=x onerror=alert(1)>'")
    hostile = hostile.replace("Send newsletters", "'{{ 7*7 }} *bold* [link](https://evil)'")
    registry = load_registry(make_registry({"registry.yaml": hostile}))
    for path, page in site_pages(registry).items():
        if path.endswith(".md"):
            html = _html(page)
            assert "<script>" not in html and "<img src=x" not in html, path
            assert 'href="https://evil"' not in html, path


def test_the_hostile_fixture_renders_no_element_from_registry_text() -> None:
    pages = site_pages(load_registry(FIXTURES / "hostile"))
    for path, page in pages.items():
        if path.endswith(".md"):
            html = _html(page)
            assert "<script" not in html and "<i>" not in html, path
    titles = str(site_nav(pages))
    assert "<script" not in titles


def test_the_navigation_has_one_section_per_language_in_page_order() -> None:
    nav = site_nav(site_pages(load_registry(ROOT / "registry")))
    (nb_title, nb), (en_title, en) = (next(iter(s.items())) for s in nav)
    assert (nb_title, en_title) == ("Norsk (bokmål)", "English")
    assert isinstance(nb, list) and isinstance(en, list)
    assert next(iter(nb[0].values())) == "index.md"
    assert next(iter(en[0].values())) == "en/index.md"


def test_write_site_writes_the_same_pages_to_disk(tmp_path: Path) -> None:
    registry = load_registry(ROOT / "registry")
    written = write_site(registry, tmp_path)
    pages = site_pages(registry)
    assert {p.relative_to(tmp_path).as_posix() for p in written} == set(pages)
    assert (tmp_path / "en/changes.md").read_text(encoding="utf-8") == pages["en/changes.md"]


def test_the_flows_page_says_ikke_avklart_where_the_record_is_silent_and_spells_out_dpf() -> None:
    pages = site_pages(load_registry(ROOT / "registry"))
    nb, en = _html(pages["flows.md"]), _html(pages["en/flows.md"])
    assert "ukjent" not in nb and "ikke avklart" in nb
    assert "unknown" not in en.replace('"unknown', "") and "not yet confirmed" in en
    assert "DPF: EU–US Data Privacy Framework" in nb


def test_the_flows_page_gives_its_diagrams_the_whole_width_and_a_legible_minimum() -> None:
    page = site_pages(load_registry(ROOT / "registry"))["flows.md"]
    assert "hide: [toc]" in page.split("\n---\n")[0]
    sizes = re.findall(r'<svg style="max-width: ([\d.]+)pt; min-width: (\d+)px"', page)
    assert len(sizes) == 3
    for width_pt, least_px in sizes:
        # 10 pt labels at 12 px: the diagram is never shown narrower than 1.2 px per point.
        assert int(least_px) >= float(width_pt) * 1.2 - 1


def test_the_flows_table_and_the_processors_page_say_no_transfer_in_the_same_words() -> None:
    pages = site_pages(load_registry(Path(__file__).parents[2] / "registry"))
    for lang, words in (
        ("", "Ingen overføring utenfor EØS"),
        ("en/", "No transfer outside the EEA"),
    ):
        assert words in pages[f"{lang}flows.md"], lang
        assert words in pages[f"{lang}processors.md"], lang
        assert "innenfor EØS" not in pages[f"{lang}flows.md"]
    # The DPF is named with its decision, as the notice names it.
    assert "gjennomføringsbeslutning (EU) 2023/1795, GDPR art. 45" in pages["flows.md"]
    assert "implementing decision (EU) 2023/1795, GDPR Art. 45" in pages["en/flows.md"]


def test_the_flows_table_says_ikke_avklart_where_no_data_categories_are_recorded() -> None:
    # Holte's notice lists no data for direct marketing: nothing is said to go to Facebook.
    pages = site_pages(load_registry(ROOT / "registry"))
    for lang, unknown in (("", "ikke avklart ennå"), ("en/", "not yet confirmed")):
        marketing = re.findall(
            r'<th scope="row">(?:Direkte markedsføring|Direct marketing)</th><td>([^<]*)</td>'
            r"<td>Facebook</td>",
            pages[f"{lang}flows.md"],
        )
        assert marketing and set(marketing) == {unknown}, (lang, marketing)
