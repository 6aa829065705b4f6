"""``holte-ropa notice`` prints the notice or writes every page as Markdown files."""

from __future__ import annotations

from pathlib import Path

import pytest

from holte_ropa import load_registry, notice_pages, render_notice
from holte_ropa.cli import main
from tests.conftest import FIXTURES, ROOT, MakeRegistry

SMALL = str(FIXTURES / "small")


def test_without_output_the_bokmal_notice_goes_to_stdout(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["notice", SMALL]) == 0
    out = capsys.readouterr().out
    assert out == render_notice(load_registry(SMALL), "nb")


def test_lang_selects_the_english_notice(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notice", SMALL, "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("# Privacy notice\n")


def test_output_folder_receives_every_page_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["notice", SMALL, "-o", str(tmp_path / "site")]) == 0
    expected = notice_pages(load_registry(SMALL))
    written = {
        str(p.relative_to(tmp_path / "site")): p.read_text(encoding="utf-8")
        for p in (tmp_path / "site").rglob("*.md")
    }
    assert written == expected
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "wrote 6 pages" in captured.err


def test_output_folder_with_lang_writes_that_language_only(tmp_path: Path) -> None:
    assert main(["notice", SMALL, "-o", str(tmp_path), "--lang", "en"]) == 0
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.md")) == [
        "en/cookies.md",
        "en/index.md",
        "en/processors.md",
    ]


def test_a_broken_registry_is_reported_located_with_exit_2(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_registry({"bad.yaml": "activities:\n  - id: x\n    nme: {nb: a}\n"})
    assert main(["notice", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "registry/bad.yaml:" in captured.err
    assert "Traceback" not in captured.err


def test_build_publishes_the_notice_pages(tmp_path: Path) -> None:
    from holte_ropa import build

    registry = load_registry(ROOT / "registry")
    result = build(registry, tmp_path, mkdocs_config=None)
    pages = notice_pages(registry)
    for name, text in pages.items():
        assert tmp_path / "notice" / name in result.outputs
        assert (tmp_path / "notice" / name).read_text(encoding="utf-8") == text


def test_an_unwritable_output_folder_is_reported_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["notice", SMALL, "-o", str(blocker / "site")]) == 2
    captured = capsys.readouterr()
    assert "cannot write" in captured.err and "Traceback" not in captured.err
