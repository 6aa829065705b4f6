"""Import entry points: a source file in, registry files and located warnings out."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from holte_ropa.imports._draft import Draft, ImportResult
from holte_ropa.imports._notes import ImportSourceError

__all__ = ["SOURCE_KINDS", "import_record", "write_registry"]

SOURCE_KINDS: tuple[str, ...] = ("xlsx", "ods", "csv", "fides")
_SUFFIX = {
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".ods": "ods",
    ".csv": "csv",
    ".tsv": "csv",
    ".yml": "fides",
    ".yaml": "fides",
}


def _mapping(path: Path | None) -> dict[str, str]:
    """``columns: {header: field}`` from a --mapping file, checked against the fields."""
    if path is None:
        return {}
    from holte_ropa.imports._layout import ACTIVITY_FIELDS, IGNORE
    from holte_ropa.model._yaml import read_yaml
    from holte_ropa.report._problems import Problem

    document = read_yaml(path)
    if isinstance(document, Problem):
        raise ImportSourceError(str(document.position), document.message)
    data: Any = document.data
    columns = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(columns, dict):
        raise ImportSourceError(document.file, "a mapping file holds 'columns: {header: field}'")
    import difflib

    for header, field in columns.items():
        if field not in (*ACTIVITY_FIELDS, IGNORE):
            near = difflib.get_close_matches(str(field), [*ACTIVITY_FIELDS, IGNORE], n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            raise ImportSourceError(
                document.file,
                f"'{header}' maps to '{field}', which is not a field{hint}; use one of "
                + ", ".join(ACTIVITY_FIELDS)
                + f", or '{IGNORE}' to leave the column out without a warning",
            )
    return {str(k): str(v) for k, v in columns.items()}


def import_record(
    path: str | Path,
    kind: str | None = None,
    *,
    mapping: str | Path | None = None,
    lang: str | None = None,
) -> ImportResult:
    """Read a spreadsheet ROPA or Fides manifests into registry files.

    ``kind`` is xlsx, ods, csv or fides (default: from the suffix); ``lang`` is the
    language of the source's texts (nb, en or fr; default: the language of a
    spreadsheet's column names, English for Fides). Raises :class:`ImportSourceError` (with a
    location) when the file cannot be used at all; everything else is a warning in
    ``ImportResult.notes``.
    """
    source = Path(path)
    display = source.name
    if kind is None:
        kind = _SUFFIX.get(source.suffix.lower())
        if kind is None:
            raise ImportSourceError(display, "unknown file type; pass --from xlsx|ods|csv|fides")
    if not source.is_file():
        raise ImportSourceError(display, "no such file")
    draft = Draft(source=display, lang=lang or "en")
    if kind == "fides":
        from holte_ropa.imports._fides import import_fides

        import_fides(source, display, draft)
    else:
        from holte_ropa.imports._spreadsheet import import_spreadsheet

        extra = _mapping(Path(mapping) if mapping else None)
        import_spreadsheet(source, kind, display, draft, mapping=extra, language=lang)
    if draft.lang == "fr":
        draft.warn(
            display,
            "texts are in French; the registry's languages are nb and en, "
            "so they are written under 'en': translate them",
        )
    return draft.result()


_SECTIONS = frozenset(
    {
        "organisation",
        "activities",
        "parties",
        "data_categories",
        "subject_categories",
        "security_measures",
        "cookies",
        "waivers",
    }
)


def _registry_files(folder: Path) -> list[Path]:
    """The YAML files under ``folder`` that are registry files: a mapping of sections only.

    Anything else (an ``mkdocs.yml``, a CI workflow, a file that does not parse) is never
    a registry file, so ``--force`` never deletes it.
    """
    from holte_ropa.model._yaml import iter_files

    found = []
    for path in iter_files(folder):
        try:
            data = yaml.safe_load(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and data and set(data) <= _SECTIONS:
            found.append(path)
    return found


def write_registry(result: ImportResult, folder: str | Path, *, force: bool = False) -> list[Path]:
    """Write the imported files under ``folder``; refuses to touch an existing registry.

    Raises :class:`ImportSourceError` when ``folder`` already holds registry files, or
    other files, and ``force`` is false; with ``force`` the registry files (and only those:
    YAML whose top-level keys are registry sections) are replaced and other files kept.
    """
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise ImportSourceError(str(target), "is a file, not a folder")
    existing = _registry_files(target) if target.exists() else []
    if existing and not force:
        raise ImportSourceError(
            str(target), "already holds a registry; choose another folder or pass --force"
        )
    if not existing and not force and target.is_dir() and any(target.iterdir()):
        raise ImportSourceError(
            str(target),
            "is not empty and holds no registry; choose an empty or new folder, or pass "
            "--force to write the registry beside what is there",
        )
    for old in existing:
        old.unlink()
    for sub in ("activities", "parties"):
        if (target / sub).is_dir() and not any((target / sub).iterdir()):
            shutil.rmtree(target / sub)
    written = []
    for name, text in result.files.items():
        out = target / name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        written.append(out)
    return written
