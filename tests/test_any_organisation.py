"""Any organisation: a registry in any folder builds its own site, with nothing of Holte.

The fixture ``fjordlys`` is a fictional small accounting firm shaped unlike Holte's
registry: two activities, no cookies recorded, no DPO, a US processor.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from holte_ropa.cli import main
from holte_ropa.model._loader import load_registry
from holte_ropa.site._mkdocs_config import THEME_DIR, default_config

FJORDLYS = Path(__file__).parent / "fixtures" / "fjordlys"

_TOOL = re.compile(
    r"holte[-_]?ropa|github\.com/holte/|holte-(lang-switch|diagram|table-caption|draft-print"
    r"|draft|scroll-hint|scroll--diagram|scroll|overflow|at-start|at-end)",
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
