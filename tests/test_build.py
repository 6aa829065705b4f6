"""The library builds every output without the command line: holte_ropa.build."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from holte_ropa import BuildRefusedError, build, check, load_registry
from tests.conftest import FIXTURES, ROOT, MakeRegistry

UNSETTLED = """\
activities:
  - id: web-forms
    name: {nb: Skjema, en: Forms}
    description: {nb: Kontaktskjema, en: Contact forms}
    role: controller
    purposes:
      - id: contact
        description: {nb: Kontakte deg, en: Contact you}
        legal_basis: unknown
    recipients: none
"""


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_library_writes_reports_dump_graphs_records_and_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    registry = load_registry(FIXTURES / "minimal")
    said: list[str] = []
    result = build(registry, tmp_path / "out", mkdocs_config=None, progress=said.append)
    files = _files(tmp_path / "out")
    for name in (
        "reports/check.txt",
        "reports/check.json",
        "reports/check.sarif",
        "reports/check.junit.xml",
        "reports/readability.txt",
        "registry.json",
        "registry.schema.json",
        "graphs/organisation.nb.svg",
        "graphs/transfers.en.pdf",
        "records/controller.nb.xlsx",
        "records/record.jsonld",
        "notice/index.md",
        "notice/en/index.md",
    ):
        assert name in files, name
    assert "site/index.html" not in files
    assert list(result.findings) == check(registry)
    assert sorted(result.reports + result.outputs) == sorted(
        tmp_path / "out" / name for name in files
    )
    report = json.loads(files["reports/check.json"])
    assert report["registry"] == "registry"
    assert [row["lix"] for row in report["readability"]] == [
        row["lix"] for row in result.readability
    ]
    assert said[0] == files["reports/check.txt"].decode()
    assert said[1].startswith("readability (LIX per notice section): nb max")


def test_two_library_builds_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    registry = load_registry(FIXTURES / "minimal")
    build(registry, tmp_path / "one", mkdocs_config=None)
    build(load_registry(FIXTURES / "minimal"), tmp_path / "two", mkdocs_config=None)
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def test_unwaived_errors_raise_after_the_reports_and_publish_nothing(
    make_registry: MakeRegistry, tmp_path: Path
) -> None:
    registry = load_registry(make_registry({"forms.yaml": UNSETTLED}))
    out = tmp_path / "refused"
    with pytest.raises(BuildRefusedError, match="Nothing was published") as refused:
        build(registry, out, mkdocs_config=None)
    assert any(f.rule == "R10" and not f.waived for f in refused.value.findings)
    assert {p.name for p in refused.value.reports} == {
        "check.txt",
        "check.json",
        "check.sarif",
        "check.junit.xml",
        "readability.txt",
    }
    assert sorted(p.name for p in out.iterdir()) == ["reports"]


def test_a_missing_mkdocs_config_builds_everything_but_the_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = load_registry(FIXTURES / "minimal")
    result = build(registry, tmp_path / "out", mkdocs_config=tmp_path / "absent.yml")
    assert not (tmp_path / "out" / "site").exists()
    assert (tmp_path / "out" / "registry.json") in result.outputs
    assert "the website is not built" in capsys.readouterr().err


@pytest.mark.slow
def test_a_build_draws_each_diagram_once_the_site_reusing_the_graph_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = shutil.which("dot")
    if real is None:
        pytest.skip("Graphviz dot not installed")
    log, scratch, folder = tmp_path / "dot.log", tmp_path / "inputs", tmp_path / "bin"
    scratch.mkdir()
    folder.mkdir()
    (folder / "dot").write_text(
        "#!/bin/sh\n"
        f'f=$(mktemp -p {scratch}); cat > "$f"\n'
        f'echo "$* $(sha256sum < "$f" | cut -c1-64)" >> {log}\n'
        f'exec {real} "$@" < "$f"\n',
        encoding="utf-8",
    )
    (folder / "dot").chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:{os.environ['PATH']}")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    build(load_registry(ROOT / "registry"), tmp_path / "out")
    runs = log.read_text(encoding="utf-8").splitlines()
    assert (tmp_path / "out" / "site" / "flows" / "index.html").is_file()
    assert len(runs) == len(set(runs)), "a diagram was drawn twice"
    graphs = [p for p in (tmp_path / "out" / "graphs").iterdir() if p.suffix != ".dot"]
    # the graph step's diagrams, plus the site's own views that the graph step does not write
    assert len(runs) >= len([p for p in graphs if p.suffix in (".svg", ".png", ".pdf")])


def test_the_site_url_of_the_users_mkdocs_yml_is_read_with_its_env_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from holte_ropa._build import _site_url

    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: !ENV [SITE_URL, 'https://acme.example/']\n", encoding="utf-8")
    assert _site_url(config) == "https://acme.example/"
    monkeypatch.setenv("SITE_URL", "https://privacy.acme.example/")
    assert _site_url(config) == "https://privacy.acme.example/"
    config.write_text("site_name: Acme\n", encoding="utf-8")
    assert _site_url(config) is None
    assert _site_url("default") is None and _site_url(tmp_path / "absent.yml") is None
    config.write_text("site_url: [unclosed\n", encoding="utf-8")
    assert _site_url(config) is None  # MkDocs reports the broken file in the site step
