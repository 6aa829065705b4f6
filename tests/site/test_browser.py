"""The published site in a real browser: Debian's Chromium driven by Playwright.

One browser per session and one build per registry, served by ``python -m http.server``
on 127.0.0.1, so the checks see exactly what a visitor's browser sees: accessibility
(axe-core, WCAG 2.1 A/AA), no request leaving the machine, registry text never run as
script, internal fields never published, and a notice usable on a 390 px phone.
"""

from __future__ import annotations

import itertools
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from holte_ropa.model._loader import load_registry
from holte_ropa.site import page_language, site_pages
from tests.site_project import make_project, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NOTICE_PAGES = ("index.md", "en/index.md")

if not CHROMIUM.exists():  # pragma: no cover - scripts/setup.sh installs it
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402


@dataclass
class Site:
    """A built site being served, with the generated pages it should hold."""

    root: Path
    base: str
    pages: list[str]
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def url(self, page: str) -> str:
        path = page.removesuffix(".md")
        path = path.removesuffix("index")
        return f"{self.base}/{path}{'' if path.endswith('/') or not path else '/'}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(root: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return server, f"http://127.0.0.1:{port}"
        time.sleep(0.05)
    server.kill()
    raise RuntimeError("http.server did not start")


def _build_and_serve(tmp: Path, registry: Path, *, fail_on: str = "error") -> Iterator[Site]:
    config = make_project(tmp / "project", registry, fail_on=fail_on)
    result = mkdocs_build(config, tmp / "site", strict=False)
    assert result.returncode == 0, result.stderr
    pages = [p for p in site_pages(load_registry(registry)) if p.endswith(".md")]
    server, base = _serve(tmp / "site")
    try:
        yield Site(tmp / "site", base, pages)
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def holte(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    # What the pages look like does not depend on the findings: those have their own
    # test below, so a finding shows up once, not as a failure of every browser test.
    tmp = tmp_path_factory.mktemp("holte")
    yield from _build_and_serve(tmp, ROOT / "registry", fail_on="never")


def test_holtes_real_site_builds_as_a_draft_with_the_committed_configuration(
    tmp_path: Path,
) -> None:
    # Holte's notice still lacks elements GDPR Art. 13-14 require: a draft, not a release.
    config = make_project(tmp_path / "project", ROOT / "registry")
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/en/index.html").is_file()


def _open(browser: Browser, site: Site, **context: object) -> Page:
    page = browser.new_page(**context)  # type: ignore[arg-type]
    page.on("request", lambda request: site.requests.append(request.url))
    page.on("dialog", lambda dialog: (site.dialogs.append(dialog.message), dialog.dismiss()))
    return page


def _axe_violations(page: Page, name: str) -> list[str]:
    """Every WCAG 2.1 A/AA violation axe-core finds: rule, element and page."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [
        f"{name}: {violation['id']}: {node['target']} {node['html'][:120]}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


@dataclass(frozen=True)
class Visit:
    """What one visit of a page found: its language, its axe violations."""

    lang: str | None
    violations: list[str]
    headings: list[int]
    """Levels of the headings in the page's content, in document order."""


@pytest.fixture(scope="module")
def visits(browser: Browser, holte: Site) -> dict[str, Visit]:
    """Every generated page visited once (the slow part), for the tests below to judge."""
    page = _open(browser, holte)
    found = {}
    for name in holte.pages:
        # Waiting for the network to go idle (search index, worker) is slow: the two front
        # pages show every kind of request the theme makes; the rest need only load.
        idle = name in NOTICE_PAGES
        response = page.goto(holte.url(name), wait_until="networkidle" if idle else "load")
        assert response is not None and response.ok, name
        levels = page.eval_on_selector_all(
            "article h1, article h2, article h3, article h4, article h5, article h6",
            "hs => hs.map(h => Number(h.tagName[1]))",
        )
        found[name] = Visit(page.get_attribute("html", "lang"), _axe_violations(page, name), levels)
    page.close()
    return found


def test_every_generated_page_in_both_languages_has_no_axe_violations(
    visits: dict[str, Visit],
) -> None:
    assert any(p.startswith("en/") for p in visits)
    problems = [v for visit in visits.values() for v in visit.violations]
    assert not problems, "axe violations:\n" + "\n".join(problems)


def test_every_page_says_its_own_language_in_html_lang(visits: dict[str, Visit]) -> None:
    wrong = {n: v.lang for n, v in visits.items() if v.lang != page_language(n)}
    assert not wrong


def test_every_page_has_one_h1_and_never_skips_a_heading_level(
    visits: dict[str, Visit],
) -> None:
    for name, visit in visits.items():
        assert visit.headings.count(1) == 1 and visit.headings[0] == 1, name
        jumps = [b for a, b in itertools.pairwise(visit.headings) if b > a + 1]
        assert not jumps, f"{name}: heading levels {visit.headings}"


def test_no_request_leaves_127_0_0_1(visits: dict[str, Visit], holte: Site) -> None:
    assert len(holte.requests) > len(visits)
    hosts = {urlparse(url).hostname for url in holte.requests}
    assert hosts == {"127.0.0.1"}, sorted(u for u in holte.requests if "127.0.0.1" not in u)


def test_no_built_file_loads_an_external_script_stylesheet_image_or_font(holte: Site) -> None:
    import re

    loaded = re.compile(r'<(?:script|link|img|source|iframe)\b[^>]*\b(?:src|href)="(https?:)?//')
    for file in holte.root.rglob("*"):
        if file.suffix in (".html", ".css"):
            content = file.read_text(encoding="utf-8")
            assert not loaded.search(content), file
            assert "@import url(http" not in content and "url(https://" not in content, file


def test_the_notice_fits_a_390_px_phone_without_sideways_scrolling(
    browser: Browser, holte: Site
) -> None:
    page = _open(browser, holte, viewport={"width": 390, "height": 844})
    problems = []
    for name in holte.pages:
        if name in NOTICE_PAGES or name.removeprefix("en/") in ("processors.md", "cookies.md"):
            page.goto(holte.url(name))
            width = page.evaluate("document.scrollingElement.scrollWidth")
            assert width <= 390, f"{name}: scrollWidth {width}"
            # Tables that scroll on a phone must still be reachable by keyboard.
            problems += _axe_violations(page, name)
    page.close()
    assert not problems, "axe violations at 390 px:\n" + "\n".join(problems)


def test_the_language_switch_leads_to_the_same_page_in_the_other_language(
    browser: Browser, holte: Site
) -> None:
    page = _open(browser, holte)
    page.goto(holte.url("flows.md"))
    page.keyboard.press("Tab")  # skip link first: the switch must be reachable by keyboard
    switch = page.locator("a.holte-lang-switch")
    switch.focus()
    assert switch.get_attribute("lang") == "en"
    page.keyboard.press("Enter")
    page.wait_for_url(holte.url("en/flows.md"))
    assert page.get_attribute("html", "lang") == "en"
    page.close()


def test_every_link_in_the_first_layer_leads_to_a_heading_on_the_same_page(
    browser: Browser, holte: Site
) -> None:
    page = _open(browser, holte)
    for name in NOTICE_PAGES:
        page.goto(holte.url(name))
        layer = page.locator("h2#summary")
        assert layer.count() == 1, f"{name}: no first layer (h2#summary)"
        hrefs = page.evaluate(
            """() => {
                const links = [];
                let node = document.querySelector('h2#summary').nextElementSibling;
                while (node && node.tagName !== 'H2') {
                    node.querySelectorAll('a').forEach(a => links.push(a.getAttribute('href')));
                    node = node.nextElementSibling;
                }
                return links;
            }"""
        )
        assert hrefs, f"{name}: the first layer links nowhere"
        for href in hrefs:
            assert href.startswith("#"), f"{name}: {href} leaves the page"
            target = page.locator(f"[id='{href[1:]}']")
            assert target.count() == 1, f"{name}: {href} resolves to nothing"
            tag = target.evaluate("e => e.tagName")
            assert tag in ("H2", "H3", "H4"), f"{name}: {href} is a {tag}, not a heading"
    page.close()


CANARY = "CANARY"  # every internal field of tests/fixtures/canary holds CANARY-<field>
TEMPLATE = "{{ 7*7 }}"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    tmp = tmp_path_factory.mktemp("hostile")
    yield from _build_and_serve(tmp, FIXTURES / "hostile", fail_on="never")


@pytest.fixture(scope="module")
def canary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    tmp = tmp_path_factory.mktemp("canary")
    yield from _build_and_serve(tmp, FIXTURES / "canary", fail_on="never")


def test_registry_text_never_runs_as_script_and_templates_show_literally(
    browser: Browser, hostile: Site
) -> None:
    page = _open(browser, hostile)
    texts = []
    for name in hostile.pages:
        page.goto(hostile.url(name), wait_until="load")
        texts.append(page.inner_text("article"))
    page.close()
    assert hostile.dialogs == []
    shown = "\n".join(texts)
    assert "<script>alert(1)</script>" in shown
    # The fixture names "{{ 7*7 }} Evil" and "Health {{ 7*7 }}": shown as written, never 49.
    assert f"{TEMPLATE} Evil" in shown and f"Health {TEMPLATE}" in shown
    assert "49 Evil" not in shown and "Health 49" not in shown and "Helse 49" not in shown


def test_no_internal_field_reaches_any_file_of_the_built_site(canary: Site) -> None:
    leaks = [
        str(file.relative_to(canary.root))
        for file in canary.root.rglob("*")
        if file.is_file() and CANARY.encode() in file.read_bytes()
    ]
    assert not leaks, f"internal fields published in {leaks}"


@pytest.fixture(scope="module")
def fjordlys(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Another organisation's site as ``holte-ropa build`` makes it with the packaged
    configuration: its own colour (brown) and logo, a draft with visible gaps."""
    from holte_ropa.cli import main

    tmp = tmp_path_factory.mktemp("fjordlys")
    assert main(["build", str(FIXTURES / "fjordlys"), "-o", str(tmp / "out")]) == 0
    pages = [p for p in site_pages(load_registry(FIXTURES / "fjordlys")) if p.endswith(".md")]
    server, base = _serve(tmp / "out" / "site")
    try:
        yield Site(tmp / "out" / "site", base, pages)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_another_organisation_s_site_in_its_own_colour_and_logo_passes_axe_offline(
    browser: Browser, fjordlys: Site
) -> None:
    page = _open(browser, fjordlys)
    problems: list[str] = []
    for name in fjordlys.pages:
        response = page.goto(fjordlys.url(name))
        assert response is not None and response.ok, name
        assert page.get_attribute("html", "lang") == page_language(name), name
        assert page.locator("img[src$='assets/logo.svg']").first.is_visible(), name
        problems += _axe_violations(page, name)
    page.close()
    assert not problems, "axe violations:\n" + "\n".join(problems)
    assert {urlparse(url).hostname for url in fjordlys.requests} == {"127.0.0.1"}
