"""Spreadsheets saved by LibreOffice Calc import like those the tests write themselves.

openpyxl and odfpy write the tests' small books; a privacy officer's file comes from an
office suite, with its own shared strings, styles and empty cells. LibreOffice (headless
soffice) saves the ICO-like sheet as xlsx and ods, in a profile of its own, and the import
of each must equal the import of the CSV it was made from, warnings at the same cells.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from holte_ropa.imports import import_record, write_registry
from holte_ropa.model import load_registry
from tests.imports._books import write_book
from tests.imports.conftest import ICO

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) absent"),
]

_UTF8_CSV = "Text - txt - csv (StarCalc):44,34,76,1"  # comma, double quote, UTF-8, line 1


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("calc")
    source = write_book(folder / "ropa.csv", {"Sheet1": ICO})
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    books = {"csv": source}
    for target, fmt in (("xlsx:Calc MS Excel 2007 XML", "xlsx"), ("ods", "ods")):
        out = folder / fmt
        command = ["soffice", profile, "--headless", f"--infilter={_UTF8_CSV}"]
        command += ["--convert-to", target, "--outdir", str(out), str(source)]
        subprocess.run(command, check=True, capture_output=True, timeout=240)
        books[fmt] = out / f"ropa.{fmt}"
    return books


def _cell_of(where: str) -> str:
    """``ropa.xlsx:ropa!E9`` and ``ropa.csv:9:5`` as the same cell, ``E9``."""
    found = re.search(r"!([A-Z]+\d+)$", where)
    if found:
        return found.group(1)
    line, column = (int(n) for n in where.rsplit(":", 2)[1:])
    return f"{chr(64 + column)}{line}"


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_a_calc_book_imports_as_the_csv_it_was_saved_from(
    saved: dict[str, Path], fmt: str, tmp_path: Path
) -> None:
    seen = {}
    for kind in ("csv", fmt):
        result = import_record(saved[kind])
        write_registry(result, tmp_path / kind)
        registry = load_registry(tmp_path / kind)
        seen[kind] = (
            {a.id: a.model_dump(mode="json") for a in registry.activities.values()},
            {p.id: p.model_dump(mode="json") for p in registry.parties.values()},
            registry.organisation.model_dump(mode="json", exclude={"id"}),
            [(_cell_of(n.where), n.message) for n in result.notes if ":" in n.where],
        )
    assert sorted(seen[fmt][0]) == ["analytics", "marketing", "payroll"]
    assert seen[fmt] == seen["csv"]
