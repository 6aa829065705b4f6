"""Any organisation: a registry in any folder builds its own site, with nothing of Holte.

The fixture ``fjordlys`` is a fictional small accounting firm shaped unlike Holte's
registry: two activities, no cookies recorded, no DPO, a US processor.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from holte_ropa import RegistryError, registry_history, sub_processor_feed
from holte_ropa.cli import main
from holte_ropa.model._loader import load_registry
from holte_ropa.site._mkdocs_config import THEME_DIR, default_config
from tests.conftest import GitRepo, MakeRegistry

FJORDLYS = Path(__file__).parent / "fixtures" / "fjordlys"

_CLASSES = (
    "lang-switch|diagram|table-caption|draft-print|draft|overflow|scroll-hint|scroll--diagram"
    "|scroll|at-start|at-end|print-[a-z0-9-]+"
)
_TOOL = re.compile(
    rf"holte[-_]?ropa|github\.com/holte/|holte-({_CLASSES})\b",
    re.IGNORECASE,
)
"""The tool's own names (package, entry points, CSS classes, home page), not Holte's."""
_HOLTES = re.compile(r"holte|skøyen|I want this|Dette vil jeg ha|fordelsprogram", re.IGNORECASE)
"""Anything of Holte AS: its name, address, domain or the benefits programme."""


def _texts(out: Path) -> dict[str, str]:
    """Every text output, with the XML parts inside each xlsx as their own entries."""
    texts: dict[str, str] = {}
    for file in sorted(out.rglob("*")):
        if not file.is_file():
            continue
        name = file.relative_to(out).as_posix()
        if file.suffix == ".xlsx":
            with zipfile.ZipFile(io.BytesIO(file.read_bytes())) as book:
                for part in book.namelist():
                    texts[f"{name}!{part}"] = book.read(part).decode("utf-8")
        elif file.suffix not in {".png", ".pdf", ".gz", ".woff", ".woff2", ".ico"}:
            texts[name] = file.read_text(encoding="utf-8")
    return texts


def test_the_default_site_configuration_is_named_after_the_organisation() -> None:
    config = default_config(load_registry(FJORDLYS))
    assert config["site_name"] == "Fjordlys Regnskap AS"
    assert config["copyright"] == "Fjordlys Regnskap AS"
    assert config["theme"]["custom_dir"] == str(THEME_DIR)
    assert (THEME_DIR / "partials" / "language.html").is_file()


def _problems(path: Path) -> list[str]:
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    return [str(p) for p in caught.value.problems]


def _with_site(make_registry: MakeRegistry, settings: str) -> Path:
    """The minimal registry with ``settings`` added at the end of its organisation."""
    path = make_registry()
    organisation = path / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(text + settings, encoding="utf-8")
    return path


def test_the_registry_s_site_settings_give_the_base_url_logo_and_colours() -> None:
    config = default_config(load_registry(FJORDLYS))
    assert config["site_url"] == "https://personvern.fjordlys.example/"
    assert config["theme"]["logo"] == "assets/logo.svg"
    [palette] = config["theme"]["palette"]
    assert (palette["primary"], palette["accent"]) == ("brown", "indigo")


def test_a_site_name_in_the_settings_wins_over_the_organisation_s_names(
    make_registry: MakeRegistry,
) -> None:
    path = _with_site(make_registry, "  site: {name: Acme <Personvern>}\n")
    config = default_config(load_registry(path))
    assert config["site_name"] == "Acme &lt;Personvern&gt;"
    assert "site_url" not in config and "logo" not in config["theme"]
    assert config["theme"]["palette"][0]["primary"] == "indigo"


def test_a_logo_that_is_not_there_is_a_located_problem(make_registry: MakeRegistry) -> None:
    path = _with_site(make_registry, "  site:\n    logo: images/logo.png\n")
    assert _problems(path) == [
        "registry/organisation.yaml:33:11: error[io]: logo: no file 'images/logo.png' next to "
        "this file; give the path of the logo image relative to it, or leave logo out"
    ]


def test_a_colour_material_does_not_have_is_refused_with_the_allowed_ones(
    make_registry: MakeRegistry,
) -> None:
    path = _with_site(make_registry, "  site: {colours: {primary: gold}}\n")
    [problem] = _problems(path)
    assert problem.startswith(
        "registry/organisation.yaml:32:29: error[schema]: primary: 'gold' is not allowed; "
        "input should be 'indigo', 'deep purple', "
    )


@pytest.mark.slow
def test_another_organisation_builds_its_whole_site_from_any_folder_with_nothing_of_holte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(FJORDLYS), "-o", "out"]) == 0
    out = tmp_path / "out"
    site = out / "site"
    for page in ("", "processors/", "cookies/", "flows/", "changes/"):
        for lang in ("", "en/"):
            html = (site / lang / page / "index.html").read_text(encoding="utf-8")
            assert "- Fjordlys Regnskap AS</title>" in html, lang + page
            assert f'<html lang="{lang.strip("/") or "nb"}"' in html, lang + page
            assert 'data-md-color-primary="brown"' in html, lang + page
            assert 'assets/logo.svg" alt="Fjordlys Regnskap AS"' in html, lang + page
    assert (site / "assets" / "logo.svg").read_bytes() == (FJORDLYS / "logo.svg").read_bytes()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://personvern.fjordlys.example/en/cookies/</loc>" in sitemap
    texts = _texts(out)
    suffixes = {Path(name.split("!")[0]).suffix for name in texts}
    for suffix in (".html", ".md", ".svg", ".dot", ".mmd", ".graphml", ".json", ".jsonld"):
        assert suffix in suffixes, suffix
    for suffix in (".csv", ".sarif", ".xml", ".xlsx"):
        assert suffix in suffixes, suffix
    leaks = {
        name: sorted({m.group(0) for m in _HOLTES.finditer(_TOOL.sub("", text))})
        for name, text in texts.items()
    }
    assert {name: found for name, found in leaks.items() if found} == {}


def test_the_atom_feed_of_another_organisation_holds_nothing_of_holte(git_repo: GitRepo) -> None:
    registry = git_repo.root / "registry"
    shutil.copytree(FJORDLYS, registry)
    git_repo.commit("First record", "2026-03-02T09:00:00Z")
    text = (registry / "registry.yaml").read_text(encoding="utf-8")
    sub = (
        "  - id: backup\n    legal_name: Backup AB\n    trade_name: Backup\n"
        "    role: processor\n    service: {nb: Sikkerhetskopi, en: Backup}\n"
        "    locations: [{country: SE}]\n    dpa: {reference: DPA-2, signed: 2026-01-01}\n"
    )
    assert text.count("    recipients: none\n") == 1  # bookkeeping, done as a processor
    text = text.replace("    recipients: none\n", "    recipients: {processors: [backup]}\n")
    (registry / "registry.yaml").write_text(text + sub, encoding="utf-8")
    git_repo.commit("Backup", "2026-04-01T09:00:00Z")
    history = registry_history()
    organisation = load_registry(registry).organisation
    for lang in ("nb", "en"):
        feed = sub_processor_feed(history, organisation, lang)
        assert "<entry>" in feed and "Backup" in feed
        assert "tag:fjordlys.example,2026:sub-processors" in feed
        assert not _HOLTES.search(_TOOL.sub("", feed)), feed


def test_the_site_configuration_without_the_plugin_carries_the_logo_beside_the_pages(
    tmp_path: Path,
) -> None:
    pages = tmp_path / "pages"
    assert main(["site", str(FJORDLYS), "-o", str(pages), "--config", str(tmp_path / "z.yml")]) == 0
    assert (pages / "assets" / "logo.svg").read_bytes() == (FJORDLYS / "logo.svg").read_bytes()
    config = (tmp_path / "z.yml").read_text(encoding="utf-8")
    assert "logo: assets/logo.svg" in config
    assert "site_url: https://personvern.fjordlys.example/" in config


def test_a_logo_path_out_of_the_registry_s_folder_is_refused(make_registry: MakeRegistry) -> None:
    path = _with_site(make_registry, "  site: {logo: ../../home/user/photo.png}\n")
    assert _problems(path) == [
        "registry/organisation.yaml:32:16: error[schema]: logo: '../../home/user/photo.png' "
        "leaves the folder of this file; give a path below it, e.g. logo.svg"
    ]


def test_an_svg_logo_with_script_is_never_published(make_registry: MakeRegistry) -> None:
    path = _with_site(make_registry, "  site: {logo: logo.svg}\n")
    (path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>', "utf-8"
    )
    assert _problems(path) == [
        "registry/organisation.yaml:32:16: error[io]: logo: 'logo.svg' holds script (a script "
        "element, an event handler or a javascript: link), which the site would serve as it "
        "is; remove it or use a PNG"
    ]
