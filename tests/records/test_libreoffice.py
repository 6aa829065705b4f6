"""The record opened by LibreOffice (headless soffice) and printed to PDF through poppler.

LibreOffice is what many Norwegian offices use for spreadsheets; what it makes of the
files is what an auditor sees. soffice starts slowly, so each conversion takes every
file in one call, in a profile of its own so parallel runs do not share a lock.
"""

from __future__ import annotations

import csv
import re
import shutil
import statistics
import subprocess
from pathlib import Path

import pytest

from holte_ropa import load_registry
from holte_ropa.records._formats import export_record
from tests.conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) absent"),
]

_UTF8_CSV = "Text - txt - csv (StarCalc):44,34,76,1"  # comma, double quote, UTF-8, line 1


def _soffice(folder: Path, target: str, files: list[Path], infilter: str | None = None) -> Path:
    out = folder / "out"
    command = [
        "soffice",
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        target,
        "--outdir",
        str(out),
    ]
    if infilter:
        command.append(f"--infilter={infilter}")
    subprocess.run([*command, *map(str, files)], check=True, capture_output=True, timeout=240)
    return out


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("libreoffice")
    registry = load_registry(ROOT / "registry")
    inputs = folder / "in"
    inputs.mkdir()
    books = []
    with pytest.MonkeyPatch.context() as monkeypatch:
        # Holte's notice records no date: the header gives the export day, pinned here
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")  # 2025-11-25
        for lang in ("nb", "en"):
            book = inputs / f"record.{lang}.xlsx"
            book.write_bytes(export_record(registry, "controller", "xlsx", lang))
            books.append(book)
            (inputs / f"record.{lang}.csv").write_bytes(
                export_record(registry, "controller", "csv", lang)
            )
    _soffice(folder, "pdf", books)
    _soffice(folder, f"csv:{_UTF8_CSV}", books)
    (folder / "out" / "from-xlsx").mkdir()
    for lang in ("nb", "en"):
        (folder / "out" / f"record.{lang}.csv").rename(
            folder / "out" / "from-xlsx" / f"record.{lang}.csv"
        )
    _soffice(folder, f"csv:{_UTF8_CSV}", sorted(inputs.glob("*.csv")), infilter=_UTF8_CSV)
    return folder


def _rows(path: Path, encoding: str = "utf-8") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_libreoffice_reads_the_xlsx_as_the_same_table_as_our_csv(
    converted: Path, lang: str
) -> None:
    ours = _rows(converted / "in" / f"record.{lang}.csv", "utf-8-sig")
    theirs = _rows(converted / "out" / "from-xlsx" / f"record.{lang}.csv")
    # both put each value of a list on a line of its own
    assert theirs == ours
    assert any("\n" in cell for row in ours for cell in row)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_libreoffice_reads_our_csv_back_unchanged_with_its_byte_order_mark_consumed(
    converted: Path, lang: str
) -> None:
    ours = _rows(converted / "in" / f"record.{lang}.csv", "utf-8-sig")
    theirs = _rows(converted / "out" / f"record.{lang}.csv")
    assert theirs == ours
    assert theirs[0][0] == "ID"


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils absent")
@pytest.mark.parametrize(
    ("lang", "page", "date", "headers"),
    [
        ("nb", "side {n} av {m}", "Utskrevet: 2025-11-25", ("ID", "Behandlingsaktivitet")),
        ("en", "page {n} of {m}", "Exported: 2025-11-25", ("ID", "Processing activity")),
    ],
)
def test_the_printed_record_is_a4_landscape_and_every_page_says_who_when_which_and_page_n_of_m(
    converted: Path, lang: str, page: str, date: str, headers: tuple[str, str]
) -> None:
    pdf = converted / "out" / f"record.{lang}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "841.89 x 595.3" in info.stdout  # A4 landscape in points
    pages = _pages(pdf)
    for number, text in enumerate(pages, start=1):
        assert "Holte AS" in text
        assert page.format(n=number, m=len(pages)) in text
        assert date in text
    # every page of the record repeats the header row and the id and name columns
    names = {
        a.name.get(lang).split()[0] for a in load_registry(ROOT / "registry").activities.values()
    }
    for text in pages[:-1]:
        assert all(header in text for header in headers)
        assert any(name in text for name in names)
    png = converted / f"page-{lang}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(png)], check=True
    )
    rendered = sorted(converted.glob(f"page-{lang}*.png"))
    assert rendered and rendered[0].stat().st_size > 10_000


_WORD_BOX = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"')
_BOX_PER_POINT = 1.3
"""poppler's word box spans the font's ascent to descent: 1.3 x the size for the Carlito
and Liberation fonts LibreOffice prints the sheet in (13.0 pt for 10 pt text at 100 %)."""


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_printed_record_is_readable_on_paper_at_8_point(converted: Path, lang: str) -> None:
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(converted / "out" / f"record.{lang}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sizes = [
        (float(bottom) - float(top)) / _BOX_PER_POINT for top, bottom in _WORD_BOX.findall(bbox)
    ]
    assert len(sizes) > 500
    assert statistics.median(sizes) == pytest.approx(8.0, abs=0.2)  # was 3.3 pt
    assert min(sizes) >= 7.0  # the page header and footer too
