"""The published site in a real browser: Debian's Chromium driven by Playwright.

One browser per session and one build per registry, served by ``python -m http.server``
on 127.0.0.1, so the checks see exactly what a visitor's browser sees: accessibility
(axe-core, WCAG 2.1 A/AA), no request leaving the machine, registry text never run as
script, internal fields never published, and a notice usable on a 390 px phone.
"""

from __future__ import annotations

import itertools
import re
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


# --------------------------------------------------------------------------- layout

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
MIN_LABEL_PX = 12

_BOXES = """() => [...document.querySelectorAll(
    'article .md-typeset__scrollwrap, article figure.holte-diagram')].map(box => {
  const rect = box.getBoundingClientRect();
  const frame = box.parentElement;
  const hint = frame.previousElementSibling;
  const labels = [...box.querySelectorAll('svg text')].map(
    t => parseFloat(t.getAttribute('font-size')) * t.getScreenCTM().a);
  const named = box.querySelector('caption, svg > title');
  return {
    name: named ? named.textContent.trim() : box.tagName,
    scrollWidth: box.scrollWidth,
    clientWidth: box.clientWidth,
    left: rect.left,
    right: rect.right,
    overflowX: getComputedStyle(box).overflowX,
    hint: Boolean(hint && hint.matches('.holte-scroll-hint') && !hint.hidden
                  && hint.getBoundingClientRect().height > 0),
    shadow: frame.matches('.holte-overflow') && getComputedStyle(frame, '::after').display
            !== 'none',
    smallestLabel: labels.length ? Math.min(...labels) : null,
    narrowestColumn: Math.min(...[...box.querySelectorAll('thead th')].map(
      th => th.getBoundingClientRect().width), Infinity),
  };
})"""


@dataclass(frozen=True)
class Box:
    """A table's scroll box or a diagram on a page, measured in the browser."""

    page: str
    name: str
    scrollWidth: int  # noqa: N815 - the DOM's names
    clientWidth: int  # noqa: N815
    left: float
    right: float
    overflowX: str  # noqa: N815
    hint: bool
    shadow: bool
    smallestLabel: float | None  # noqa: N815
    narrowestColumn: float  # noqa: N815

    @property
    def scrolls(self) -> bool:
        return self.scrollWidth > self.clientWidth + 1

    def __str__(self) -> str:
        return f"{self.page}: {self.name!r}"


def _layout(
    browser: Browser, site: Site, viewport: dict[str, int]
) -> tuple[dict[str, int], list[Box]]:
    """Every page's scroll width and every table and diagram on it, at one viewport."""
    page = _open(browser, site, viewport=viewport)
    widths, boxes = {}, []
    for name in site.pages:
        page.goto(site.url(name), wait_until="load")
        page.wait_for_function("document.querySelector('article') !== null")
        widths[name] = page.evaluate("document.scrollingElement.scrollWidth")
        boxes += [Box(name, **found) for found in page.evaluate(_BOXES)]
    page.close()
    return widths, boxes


@pytest.fixture(scope="module")
def desktop(browser: Browser, holte: Site) -> tuple[dict[str, int], list[Box]]:
    return _layout(browser, holte, DESKTOP)


@pytest.fixture(scope="module")
def phone(browser: Browser, holte: Site) -> tuple[dict[str, int], list[Box]]:
    return _layout(browser, holte, PHONE)


def test_no_page_scrolls_sideways_at_1280_or_390_px(
    desktop: tuple[dict[str, int], list[Box]], phone: tuple[dict[str, int], list[Box]]
) -> None:
    for (widths, _), viewport in ((desktop, DESKTOP), (phone, PHONE)):
        wide = {name: w for name, w in widths.items() if w > viewport["width"]}
        assert not wide, f"pages wider than {viewport['width']} px: {wide}"


def test_at_1280_px_every_diagram_and_table_fits_its_column(
    desktop: tuple[dict[str, int], list[Box]],
) -> None:
    _, boxes = desktop
    assert any(b.smallestLabel for b in boxes), "no diagram measured"
    assert any(b.narrowestColumn < float("inf") for b in boxes), "no table measured"
    scrolling = [
        f"{b} is {b.scrollWidth} px in a {b.clientWidth} px box" for b in boxes if b.scrolls
    ]
    assert not scrolling, "\n".join(scrolling)


def test_diagram_labels_are_at_least_12_px_at_both_widths(
    desktop: tuple[dict[str, int], list[Box]], phone: tuple[dict[str, int], list[Box]]
) -> None:
    small = [
        f"{b} at {width} px: {b.smallestLabel:.1f} px"
        for (_, boxes), width in ((desktop, 1280), (phone, 390))
        for b in boxes
        if b.smallestLabel is not None and b.smallestLabel < MIN_LABEL_PX - 0.05
    ]
    assert not small, "\n".join(small)


def test_at_390_px_what_is_wider_than_the_screen_scrolls_in_its_own_box_and_says_so(
    phone: tuple[dict[str, int], list[Box]],
) -> None:
    _, boxes = phone
    scrolling = [b for b in boxes if b.scrolls]
    assert scrolling, "nothing is wider than a phone: the test proves nothing"
    outside = [str(b) for b in boxes if b.left < -0.5 or b.right > PHONE["width"] + 0.5]
    assert not outside, f"boxes cut by the screen edge: {outside}"
    for box in scrolling:
        assert box.overflowX in ("auto", "scroll"), box
        assert box.hint, f"{box} scrolls without the hint above it"
        assert box.shadow, f"{box} scrolls without a shadow at its edge"
    quiet = [str(b) for b in boxes if (b.hint or b.shadow) and not b.scrolls]
    assert not quiet, f"a hint on boxes that do not scroll: {quiet}"


def test_at_390_px_no_table_column_is_squeezed_to_a_few_letters(
    phone: tuple[dict[str, int], list[Box]],
) -> None:
    _, boxes = phone
    narrow = [f"{b}: {b.narrowestColumn:.0f} px" for b in boxes if b.narrowestColumn < 96]
    assert not narrow, "\n".join(narrow)


def test_the_language_switch_on_every_page_leads_to_that_page_in_the_other_language(
    browser: Browser, holte: Site
) -> None:
    page = _open(browser, holte)
    wrong = []
    for name in holte.pages:
        other = name.removeprefix("en/") if name.startswith("en/") else f"en/{name}"
        assert other in holte.pages, f"{name} has no counterpart"
        page.goto(holte.url(name), wait_until="load")
        switch = page.locator("a.holte-lang-switch")
        target = switch.evaluate("a => a.href")
        if target != holte.url(other):
            wrong.append(f"{name}: {target}")
    page.close()
    assert not wrong, "\n".join(wrong)


# --------------------------------------------------------------------------- print


def _pdf(browser: Browser, site: Site, name: str, tmp: Path) -> Path:
    """The page printed by Chromium to an A4 PDF."""
    page = _open(browser, site)
    page.goto(site.url(name), wait_until="load")
    pdf = tmp / "printed.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.close()
    return pdf


def _printed(browser: Browser, site: Site, name: str, tmp: Path) -> list[str]:
    """The page printed by Chromium to an A4 PDF, as the text of each printed page."""
    pdf = _pdf(browser, site, name, tmp)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


def test_the_printed_notice_names_the_organisation_the_draft_and_numbers_its_pages(
    browser: Browser, holte: Site, tmp_path: Path
) -> None:
    pages = [p for p in _printed(browser, holte, "index.md", tmp_path) if p.strip()]
    assert len(pages) > 2
    for number, text in enumerate(pages, start=1):
        assert "Holte AS – Personvernerklæring" in text, number
        assert "UTKAST – bygget" in text, number
        assert f"Side {number} av {len(pages)}" in text, number
    printed = "\n".join(pages)
    # Link targets written out (a long one may wrap: compare without white space).
    assert "(https://www.holte.no/)" in "".join(printed.split())
    # ... and a link to another page of the site names that page.
    assert "(siden«Databehandlereogunderdatabehandlere»)" in "".join(printed.split())
    assert "Read this page in English" not in printed  # no screen controls on paper
    # Every table stays with its caption: the line after a caption holds the headings,
    # on the same printed page ("UTKAST" may share the caption's line).
    for caption in ("Databehandlere", "Underdatabehandlere", "Andre mottakere"):
        found = []
        for text in pages:
            lines = [line.strip().split("   ")[0] for line in text.splitlines() if line.strip()]
            if caption in lines:
                found.append(lines[lines.index(caption) + 1])
        assert found and found[0].split()[0] == "Navn", (caption, found)


def test_the_running_head_of_a_printed_page_is_its_own_title(
    browser: Browser, holte: Site, tmp_path: Path
) -> None:
    for name, head in (
        ("processors.md", "Holte AS – Databehandlere og underdatabehandlere"),
        ("en/flows.md", "Holte AS – Data flows"),
    ):
        pages = [p for p in _printed(browser, holte, name, tmp_path) if p.strip()]
        assert all(head in text for text in pages), (name, [p[:120] for p in pages])


def test_the_printed_english_page_has_the_english_frame(
    browser: Browser, holte: Site, tmp_path: Path
) -> None:
    first = _printed(browser, holte, "en/flows.md", tmp_path)[0]
    assert "Holte AS – Data flows" in first and "DRAFT – built" in first
    assert "Page 1 of" in first


def test_a_printed_heading_is_never_alone_at_the_foot_of_a_page(
    browser: Browser, holte: Site, tmp_path: Path
) -> None:
    # The processors page: a whole table that did not fit left its heading on the page before.
    pages = [p for p in _printed(browser, holte, "processors.md", tmp_path) if p.strip()]
    headings = ("Databehandlere", "Underdatabehandlere", "Andre mottakere")
    for number, text in enumerate(pages, start=1):
        body = [line.strip() for line in text.splitlines() if line.strip()][:-1]  # "Side n av m"
        assert body and body[-1] not in headings, (number, body[-3:])
    # The table starts on the page of its heading: a table is not moved whole to the next.
    for heading in headings:
        page = next(p for p in pages if heading in [line.strip() for line in p.splitlines()])
        assert any(line.strip().startswith("Navn ") for line in page.splitlines()), heading


def test_a_printed_table_s_column_headings_never_end_a_page_alone(
    browser: Browser, holte: Site, tmp_path: Path
) -> None:
    # The processors page printed "Andre mottakere"'s heading row alone at the foot of a
    # page, its one row on the next.
    for name, first_heading in (("processors.md", "Navn"), ("en/processors.md", "Name")):
        pages = [p for p in _printed(browser, holte, name, tmp_path) if p.strip()]
        for number, text in enumerate(pages, start=1):
            body = [line.strip() for line in text.splitlines() if line.strip()][:-1]
            heads = [i for i, line in enumerate(body) if line.startswith(f"{first_heading} ")]
            assert all(i + 1 < len(body) for i in heads), (name, number, body[-3:])


# The printable width of an A4 page with the frame's 16 mm side margins, in CSS pixels.
_PRINTABLE = round((210 - 2 * 16) / 25.4 * 96)


def test_printed_tables_fit_the_printable_width(browser: Browser, holte: Site) -> None:
    # Material's table wrapper (and ours around it) reached 0.8rem into each margin, and
    # the transfer column ran to the paper's edge.
    outside = []
    for name in holte.pages:
        page = _open(browser, holte, viewport={"width": _PRINTABLE, "height": 1000})
        page.emulate_media(media="print")
        page.goto(holte.url(name), wait_until="load")
        outside += page.evaluate(
            """(name) => {
              const column = document.querySelector('article').getBoundingClientRect();
              const out = [];
              for (const table of document.querySelectorAll('article table')) {
                for (let e = table; e.tagName !== 'ARTICLE'; e = e.parentElement) {
                  const box = e.getBoundingClientRect();
                  if (box.left < column.left - 0.5 || box.right > column.right + 0.5)
                    out.push(`${name}: ${e.tagName}.${e.className} ${box.left}-${box.right}`
                      + ` outside ${column.left}-${column.right}`);
                }
              }
              return out;
            }""",
            name,
        )
        page.close()
    assert not outside, "\n".join(outside)


def test_a_printed_page_never_ends_with_a_sentence_leading_into_a_list(
    browser: Browser, holte: Site, tmp_path: Path
) -> None:
    # The notice's first printed page ended with "Dette gjør vi med opplysningene:", its
    # list on the next page.
    for name in NOTICE_PAGES:
        pages = [p for p in _printed(browser, holte, name, tmp_path) if p.strip()]
        for number, text in enumerate(pages, start=1):
            body = [line.strip() for line in text.splitlines() if line.strip()][:-1]
            assert not body[-1].endswith(":"), (name, number, body[-2:])


def test_a_printed_table_keeps_its_words_whole(
    browser: Browser, holte: Site, tmp_path: Path
) -> None:
    # Fitted to the page by breaking anywhere, the flows table printed
    # "gjennomføringsbeslutn-ing" and "behandlingsansv-arlig".
    printed = "\n".join(_printed(browser, holte, "flows.md", tmp_path))
    for word in ("gjennomføringsbeslutning", "behandlingsansvarlig", "Samarbeidspartnere"):
        assert word in printed, word


def test_the_printed_changes_page_leaves_out_the_feed_link(
    browser: Browser, holte: Site, tmp_path: Path
) -> None:
    # Printed, it read "Følg endringene som Atom-feed (../changes.xml)".
    printed = "\n".join(_printed(browser, holte, "changes.md", tmp_path))
    assert "Tidligere endringer" in printed
    assert "changes.xml" not in printed and "Atom-feed" not in printed


def _printed_words(browser: Browser, site: Site, name: str, tmp: Path) -> list[list[Word]]:
    """The words of each page of ``name`` printed to PDF, with their boxes (pdftotext -bbox)."""
    pdf = _pdf(browser, site, name, tmp)
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    box = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    )
    return [
        [Word(m[5], *(float(m[i]) for i in range(1, 5))) for m in box.finditer(part)]
        for part in xhtml.split("<page ")[1:]
    ]


@dataclass(frozen=True)
class Word:
    text: str
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Word) -> bool:
        # A point of slack: neighbouring words' boxes may touch.
        return (
            self.left < other.right - 1
            and other.left < self.right - 1
            and self.top < other.bottom - 1
            and other.top < self.bottom - 1
        )


def test_no_printed_word_lies_over_another(browser: Browser, holte: Site, tmp_path: Path) -> None:
    # The draft mark, fixed to every printed page, lay over "agreement" on page 9 of the
    # English notice.
    over = []
    for name in holte.pages:
        for number, words in enumerate(_printed_words(browser, holte, name, tmp_path), 1):
            over += [
                f"{name} page {number}: {a.text!r} over {b.text!r}"
                for a, b in itertools.combinations(words, 2)
                if a.overlaps(b)
            ]
    assert not over, "\n".join(over[:20])
