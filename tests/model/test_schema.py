"""Editors get a JSON Schema that matches the models and every registry file names it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from holte_ropa.cli import main
from holte_ropa.model._schema import registry_json_schema, registry_json_schema_text
from holte_ropa.model._yaml import YamlDocument, iter_files, read_yaml
from tests.conftest import FIXTURES, ROOT

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def test_the_committed_schema_file_is_current() -> None:
    committed = (ROOT / "schema" / "registry.schema.json").read_text(encoding="utf-8")
    hint = "run: holte-ropa schema -o schema/registry.schema.json"
    assert committed == registry_json_schema_text(), hint


def test_the_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == registry_json_schema()


def test_the_schema_is_a_valid_json_schema_that_forbids_unknown_keys() -> None:
    schema = registry_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert not validator.is_valid({"activites": []})
    assert validator.is_valid({"waivers": []})


def test_every_registry_file_names_the_schema_by_a_path_that_exists() -> None:
    folders = [ROOT / "registry", FIXTURES / "small", FIXTURES / "minimal"]
    files = [f for folder in folders if folder.exists() for f in iter_files(folder)]
    assert files
    for file in files:
        first = file.read_text(encoding="utf-8").splitlines()[0]
        match = SCHEMA_LINE.match(first)
        assert match, f"{file}: first line must be '# yaml-language-server: $schema=...'"
        assert (file.parent / match.group(1)).resolve() == ROOT / "schema" / "registry.schema.json"


def test_registry_files_validate_against_the_schema_as_an_editor_would() -> None:
    validator = jsonschema.Draft202012Validator(registry_json_schema())
    for file in [*iter_files(FIXTURES / "small"), *iter_files(ROOT / "registry")]:
        doc = read_yaml(file)  # YAML 1.2, as the yaml-language-server reads it
        assert isinstance(doc, YamlDocument)
        data = json.loads(json.dumps(doc.data, default=str))
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, f"{file}: {errors}"


def test_the_schema_marks_internal_fields() -> None:
    text = registry_json_schema_text()
    assert text.count('"x-internal": true') >= 10
    assert Path(ROOT / "schema").is_dir()


def test_the_schema_text_is_made_once_and_kept_in_the_users_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = registry_json_schema_text()

    kept = list((tmp_path / "holte-ropa").glob("registry.schema-*.json"))
    assert [file.read_text(encoding="utf-8") for file in kept] == [made]
    assert json.loads(made) == registry_json_schema()
    kept[0].write_text("kept\n", encoding="utf-8")
    assert registry_json_schema_text() == "kept\n"


def test_a_cache_folder_that_cannot_be_written_still_gives_the_schema(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))

    assert json.loads(registry_json_schema_text()) == registry_json_schema()
