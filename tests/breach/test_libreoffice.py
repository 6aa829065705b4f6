"""The docx draft opened by LibreOffice (headless soffice), printed to PDF, read by poppler.

A privacy officer edits the draft in a word processor; what LibreOffice shows is what
they see. Both languages are converted in one soffice call (it starts slowly), in a
profile of its own so parallel runs do not share a lock.
"""

from __future__ import annotations

import datetime as _dt
import shutil
import subprocess

import pytest

from holte_ropa import load_registry
from holte_ropa.breach import breach_draft, render_breach_docx
from tests.conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) absent"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler (pdftotext) absent"),
]

AWARE = _dt.datetime.fromisoformat("2026-11-29T10:00+01:00")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("breach-docx")
    registry = load_registry(ROOT / "registry")
    draft = breach_draft(registry, ["zapier"], AWARE)
    files = []
    for lang in ("nb", "en"):
        path = folder / f"draft.{lang}.docx"
        path.write_bytes(render_breach_docx(registry, draft, lang, communication_draft=True))
        files.append(str(path))
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    command = ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder)]
    subprocess.run([*command, *files], check=True, capture_output=True, timeout=240)
    texts = {}
    for lang in ("nb", "en"):
        pdf = folder / f"draft.{lang}.pdf"
        done = subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, timeout=60
        )
        texts[lang] = " ".join(done.stdout.decode("utf-8").split())
    return texts


def test_libreoffice_shows_the_english_draft_with_its_deadline_and_fields_to_fill(
    printed: dict[str, str],
) -> None:
    text = printed["en"]
    assert "Personal data breach: draft notification" in text
    assert "Notify the Norwegian Data Protection Authority (Datatilsynet) without undue" in text
    assert "by Wednesday 2 December 2026, 10:00 (CET, UTC+01:00)." in text
    assert "What happened: [TO FILL: what happened, when it started and ended" in text
    assert "We have had a security breach" in text  # the Art. 34 draft
    assert "**" not in text and "unknown" not in text.lower()


def test_libreoffice_shows_the_bokmal_draft(printed: dict[str, str]) -> None:
    text = printed["nb"]
    assert "Brudd på personopplysningssikkerheten: utkast til melding" in text
    assert "Meldingen skal sendes til Datatilsynet uten ugrunnet opphold" in text
    assert "senest onsdag 2. desember 2026 kl. 10:00" in text
    assert "[FYLL INN:" in text and "Vi har hatt et brudd på sikkerheten" in text
