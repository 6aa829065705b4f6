"""Reading fideslang manifests: positions, keys, and the taxonomy cross-walk.

A manifest is read with the registry's strict YAML reader, so every value has a
``file:line:column``. Keys are checked against fideslang's own models (and the
fideslang 1.x keys they replaced); taxonomy keys against ``fideslang.default_taxonomy``
and the custom entries the manifest defines, with the nearest valid key for a typo.
``fides_crosswalk.yaml`` maps the taxonomy to holte-ropa's vocabulary.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from holte_ropa.imports._draft import Draft
from holte_ropa.imports._notes import Fact, ImportSourceError

__all__ = [
    "Manifest",
    "as_list",
    "as_text",
    "category_id",
    "check_keys",
    "crosswalk",
    "custom_entry",
    "fields",
    "nearest",
    "subject_id",
    "taxonomy",
    "taxonomy_key",
    "walk_up",
]


Path_ = Sequence[str | int]


@cache
def crosswalk() -> dict[str, Any]:
    """``fides_crosswalk.yaml``: the fideslang taxonomy in holte-ropa's vocabulary."""
    text = resources.files("holte_ropa.imports").joinpath("fides_crosswalk.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@cache
def taxonomy() -> dict[str, frozenset[str]]:
    from fideslang.default_taxonomy import DEFAULT_TAXONOMY

    return {
        "data_category": frozenset(c.fides_key for c in DEFAULT_TAXONOMY.data_category),
        "data_use": frozenset(u.fides_key for u in DEFAULT_TAXONOMY.data_use),
        "data_subject": frozenset(s.fides_key for s in DEFAULT_TAXONOMY.data_subject),
    }


@cache
def fields() -> dict[str, frozenset[str]]:
    from fideslang import models

    return {
        "system": frozenset(models.System.model_fields),
        "privacy_declaration": frozenset(models.PrivacyDeclaration.model_fields),
        "organization": frozenset(models.Organization.model_fields),
        "dataset": frozenset(models.Dataset.model_fields),
    }


def as_list(value: object) -> list[Any]:
    """A manifest list; one scalar counts as a list of one, anything else as empty."""
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, str | int) else []


def as_text(value: object) -> str | None:
    """A scalar as text; a list or mapping where text belongs is None."""
    return None if isinstance(value, list | dict) or value is None else str(value)


def nearest(value: str, valid: frozenset[str]) -> str:
    close = difflib.get_close_matches(value, sorted(valid), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Manifest:
    """One manifest file with positions for any path in it."""

    def __init__(self, path: Path, display: str) -> None:
        from holte_ropa.model._yaml import read_yaml
        from holte_ropa.report._problems import Problem

        document = read_yaml(path, display)
        if isinstance(document, Problem):
            raise ImportSourceError(str(document.position), document.message)
        self.file = display
        self.document = document
        self.custom: dict[str, dict[str, dict[str, Any]]] = {
            "data_category": {},
            "data_use": {},
            "data_subject": {},
        }
        data = document.data
        if isinstance(data, dict):
            for kind, table in self.custom.items():
                for entry in data.get(kind) or []:
                    if isinstance(entry, dict) and isinstance(entry.get("fides_key"), str):
                        table[entry["fides_key"]] = entry

    def where(self, path: Path_, key: bool = False) -> str:
        from holte_ropa.model._yaml import node_at, position_of

        node, key_node = node_at(self.document.root, path)
        chosen = key_node if key and key_node is not None else node
        return str(position_of(self.file, chosen))


def check_keys(
    draft: Draft, manifest: Manifest, item: dict[str, Any], at: list[str | int], kind: str
) -> None:
    valid = fields()[kind]
    old = crosswalk()["old_keys"].get(kind, {})
    for key in item:
        if key in valid:
            continue
        where = manifest.where([*at, key], key=True)
        if key in old:
            new = old[key]
            after = f"; fideslang 2+ uses '{new}'" if new else "; later fideslang dropped it"
            draft.warn(where, f"'{key}' is a fideslang 1.x key{after}")
        else:
            draft.warn(
                where,
                f"'{key}' is not a fideslang {kind.replace('_', ' ')} key"
                f"{nearest(str(key), valid)}; not imported",
            )


def taxonomy_key(
    draft: Draft, manifest: Manifest, key: object, where: list[str | int], kind: str
) -> str | None:
    """The current fideslang key for ``key``, reporting old and misspelled keys."""
    at = manifest.where(where)
    valid = taxonomy()[kind] | frozenset(manifest.custom[kind])
    if not isinstance(key, str):
        draft.warn(at, f"a {kind.replace('_', ' ')} is a fideslang key, not {key!r}")
        return None
    if key in valid:
        return key
    old_table = crosswalk().get(f"old_{kind}s", {})
    new = old_table.get(key)
    if new is None and kind == "data_category":
        stripped = key.replace(".provided.identifiable", "").replace(".derived.identifiable", "")
        new = stripped if stripped in valid else None
    if new is not None:
        draft.warn(at, f"'{key}' is a fideslang 1.x {kind.replace('_', ' ')}; read as '{new}'")
        return str(new)
    draft.warn(
        at,
        f"'{key}' is not a fideslang {kind.replace('_', ' ')}{nearest(key, valid)}; not recorded",
    )
    return None


def walk_up(key: str, table: dict[str, Any]) -> dict[str, Any] | None:
    parts = key.split(".")
    while parts:
        found = table.get(".".join(parts))
        if found is not None:
            return dict(found)
        parts.pop()
    return None


def custom_entry(manifest: Manifest, kind: str, key: str) -> dict[str, Any] | None:
    """A taxonomy entry the manifest defines itself, named in the import language."""
    custom = manifest.custom[kind].get(key)
    if custom is None:
        return None
    name = str(custom.get("name") or key)
    return {"id": key.rsplit(".", 1)[-1].replace("_", "-"), "nb": name, "en": name, "custom": True}


def category_id(draft: Draft, manifest: Manifest, key: str, where: str) -> str:
    entry = (
        custom_entry(manifest, "data_category", key)
        or walk_up(key, crosswalk()["data_categories"])
        or {}
    )
    wanted = str(entry.get("id", key))
    if wanted in draft.data_categories:
        return wanted
    draft.new_id(wanted, "data")  # reserve it
    draft.data_categories[wanted] = {
        "id": Fact(wanted, f"fideslang {key} ({where}), through the cross-walk"),
        "name": draft.text(entry["en"])
        if entry.get("custom")
        else {"nb": entry["nb"], "en": entry["en"]},
        "kind": _kind(draft, entry, key, where),
    }
    return wanted


def _kind(draft: Draft, entry: dict[str, Any], key: str, where: str) -> Fact:
    """The cross-walk's kind for a taxonomy key (ordinary where it names none); for a
    custom category, what its name says, else ``unknown`` with a warning."""
    if entry.get("custom"):
        return draft.kind_fact(str(entry["en"]), where)
    kind = str(entry.get("kind", "ordinary"))
    return Fact(kind, f"fideslang {key} is {kind} data in the cross-walk")


def subject_id(draft: Draft, manifest: Manifest, key: str, where: str) -> str:
    entry = custom_entry(manifest, "data_subject", key) or crosswalk()["data_subjects"].get(
        key, {"nb": key, "en": key}
    )
    wanted = key.replace("_", "-")
    if wanted in draft.subject_categories:
        return wanted
    draft.new_id(wanted, "subjects")
    extra = {k: entry[k] for k in ("vulnerable", "relationship") if k in entry}
    draft.subject_categories[wanted] = {
        "id": Fact(wanted, f"fideslang {key} ({where})"),
        "name": draft.text(entry["en"])
        if entry.get("custom")
        else {"nb": entry["nb"], "en": entry["en"]},
        **extra,
    }
    return wanted
