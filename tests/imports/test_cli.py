"""``holte-ropa import``: exit codes, --force, and no traceback on any input."""

from __future__ import annotations

from pathlib import Path

import pytest

from holte_ropa.cli import main
from tests.imports._books import write_book
from tests.imports.conftest import NORWEGIAN


def test_import_writes_a_registry_that_check_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_book(tmp_path / "protokoll.xlsx", {"Protokoll": NORWEGIAN})
    out = tmp_path / "registry"

    assert main(["import", str(source), "-o", str(out), "--lang", "nb"]) == 0
    assert (out / "activities" / "kundeoppfolging.yaml").is_file()
    assert (out / "parties" / "visma.yaml").is_file()
    assert "protokoll.xlsx:Protokoll!J7: warning[import]" in capsys.readouterr().err
    assert main(["check", str(out)]) in (0, 1)


def test_import_never_overwrites_a_registry_without_force_and_force_deletes_only_registry_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_book(tmp_path / "protokoll.csv", {"Protokoll": NORWEGIAN})
    out = tmp_path / "registry"
    (out / "activities").mkdir(parents=True)
    mine = out / "activities" / "mine.yaml"
    mine.write_text("activities: []\n", "utf-8")

    assert main(["import", str(source), "-o", str(out)]) == 2
    assert f"{out}: error[import]: already holds a registry" in capsys.readouterr().err
    assert mine.is_file()
    (out / "mkdocs.yml").write_text("site_name: Not a registry file\n", "utf-8")
    (out / ".github").mkdir()
    (out / ".github" / "ci.yml").write_text("activities: []\n", "utf-8")

    assert main(["import", str(source), "-o", str(out), "--force"]) == 2  # mkdocs.yml stays
    assert not mine.exists()
    assert (out / "mkdocs.yml").is_file() and (out / ".github" / "ci.yml").is_file()
    assert "mkdocs.yml" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "broken.xlsx: error[import]: not a "),
        ("empty.csv", b"", "empty.csv: error[import]: no record found"),
        ("binary.csv", b"\x00\x01\x02", "binary.csv: error[import]: a binary file, not CSV"),
        ("notes.txt", b"hello", "notes.txt: error[import]: unknown file type"),
        ("table.csv", b"a,b,c\n1,2,3\n", "table.csv: error[import]: no record found"),
    ],
)
def test_unusable_input_exits_2_with_a_located_message_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)

    assert main(["import", str(source), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "nope.xlsx"), "-o", str(tmp_path / "out")]) == 2
    assert "nope.xlsx: error[import]: no such file" in capsys.readouterr().err
