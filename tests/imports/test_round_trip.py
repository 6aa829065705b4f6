"""Holte's record exported by holte-ropa and imported again says the same things."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from holte_ropa.imports import import_record, write_registry
from holte_ropa.model import Registry, is_unknown, load_registry
from holte_ropa.records import export_record

ROOT = Path(__file__).resolve().parents[2]


def _names(registry: Registry, table: str, ids: tuple[str, ...], lang: str) -> list[str]:
    entities: Any = getattr(registry, table)
    return [entities[i].name.get(lang) for i in ids]


def _record(registry: Registry, lang: str, role: str) -> dict[str, dict[str, object]]:
    """What the Art. 30(1) or 30(2) record states per activity, by names not ids."""
    found: dict[str, dict[str, object]] = {}
    for activity in registry.activities.values():
        if (activity.role == "processor") != (role == "processor"):
            continue
        retention = activity.retention
        found[activity.id] = {
            "name": activity.name.get(lang),
            "purposes": [
                (
                    p.description.get(lang),
                    "unknown" if is_unknown(p.legal_basis) else p.legal_basis.basis,
                )
                for p in activity.purposes
            ],
            "subjects": _names(registry, "subject_categories", activity.subject_categories, lang),
            "data": _names(registry, "data_categories", activity.data_categories, lang),
            "recipients": sorted(
                (registry.parties[p].name_in(lang), registry.parties[p].role.value, via)
                for p, via in (
                    (p, tuple(registry.parties[v].name_in(lang) for v in via))
                    for p, via in registry.parties_of(activity)
                )
            ),
            "countries": sorted(
                (registry.parties[t.party].name_in(lang), t.country)
                for t in registry.transfers_of(activity.id)
            ),
            "retention": retention
            if is_unknown(retention)
            else [r.description.get(lang) for r in retention],
        }
        if role == "processor" and activity.processor is not None:
            details = activity.processor
            found[activity.id]["processor"] = (
                details.controllers.get(lang),
                details.agreement.get(lang),
                [t.get(lang) for t in details.processing_categories],
            )
            del found[activity.id]["retention"]  # the 30(2) record has no retention column
    return found


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_holtes_record_exported_and_imported_gives_the_same_record(
    tmp_path: Path, fmt: str, lang: str
) -> None:
    holte = load_registry(ROOT / "registry")
    exported = tmp_path / f"record.{fmt}"
    exported.write_bytes(export_record(holte, "controller", fmt, lang))  # type: ignore[arg-type]

    result = import_record(exported)  # the column names say which language
    write_registry(result, tmp_path / "imported")
    imported = load_registry(tmp_path / "imported")

    assert _record(imported, lang, "controller") == _record(holte, lang, "controller")
    if fmt == "xlsx":  # the workbook's second sheet names the controller; CSV has one table
        assert imported.organisation.legal_name == holte.organisation.legal_name


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_holtes_processor_record_exported_and_imported_gives_the_same_record(
    tmp_path: Path, fmt: str
) -> None:
    holte = load_registry(ROOT / "registry")
    exported = tmp_path / f"record.{fmt}"
    exported.write_bytes(export_record(holte, "processor", fmt, "en"))  # type: ignore[arg-type]

    write_registry(import_record(exported), tmp_path / "imported")
    imported = load_registry(tmp_path / "imported")

    assert _record(imported, "en", "processor") == _record(holte, "en", "processor")
    azure = next(p for p in imported.parties.values() if p.trade_name == "Microsoft Azure")
    assert azure.role == "sub_processor" and azure.engaged_by == imported.organisation.id
