"""``holte-ropa export fides``: manifests that fideslang's own models accept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from holte_ropa.cli import main
from holte_ropa.imports import import_record, write_registry
from holte_ropa.model import Registry, load_registry
from holte_ropa.records._fides import to_fides

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def holte() -> Registry:
    return load_registry(ROOT / "registry")


@pytest.fixture(scope="module")
def manifest(holte: Registry) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(to_fides(holte))
    return data


def test_the_exported_manifests_validate_with_fideslang_models(manifest: dict[str, Any]) -> None:
    from fideslang.models import Taxonomy

    taxonomy = Taxonomy.model_validate(manifest)

    assert len(taxonomy.system) == 26  # 10 activities and 16 parties
    assert taxonomy.organization[0].name == "Holte AS"


def test_every_taxonomy_key_a_declaration_uses_exists_in_fideslang_or_the_manifest(
    manifest: dict[str, Any],
) -> None:
    from fideslang.default_taxonomy import DEFAULT_TAXONOMY

    known = {
        kind: {e.fides_key for e in getattr(DEFAULT_TAXONOMY, kind)}
        | {e["fides_key"] for e in manifest.get(kind, [])}
        for kind in ("data_category", "data_use", "data_subject")
    }
    for kind, keys in known.items():
        for entry in manifest.get(kind, []):
            assert entry.get("parent_key") is None or entry["parent_key"] in keys
    systems = {s["fides_key"] for s in manifest["system"]}
    for system in manifest["system"]:
        for flow in system.get("egress", []):
            assert flow["fides_key"] in systems
        for declaration in system["privacy_declarations"]:
            assert declaration["data_use"] in known["data_use"]
            assert set(declaration["data_categories"]) <= known["data_category"]
            assert set(declaration["data_subjects"]) <= known["data_subject"]


def test_a_legal_basis_and_standard_categories_use_fideslang_words(
    manifest: dict[str, Any],
) -> None:
    systems = {s["fides_key"]: s for s in manifest["system"]}
    marketing = systems["direct-marketing"]["privacy_declarations"][0]

    assert marketing["legal_basis_for_processing"] == "Consent"
    assert marketing["data_use"].startswith("marketing.communications")
    # Holte's notice names e-mail addresses for sales and customer service.
    sales = systems["sales-and-customer-service"]["privacy_declarations"][0]
    assert "user.contact.email" in sales["data_categories"]
    assert systems["azure"]["responsibility"] == ["Sub-Processor"]


def test_the_export_is_the_same_on_every_run(holte: Registry) -> None:
    assert to_fides(holte) == to_fides(holte)


def test_holtes_record_exported_to_fides_and_imported_keeps_activities_and_purposes(
    tmp_path: Path, holte: Registry
) -> None:
    source = tmp_path / "holte.yml"
    assert main(["export", "fides", str(ROOT / "registry"), "-o", str(source)]) == 0
    write_registry(import_record(source), tmp_path / "back")
    back = load_registry(tmp_path / "back")

    def purposes(registry: Registry) -> dict[str, list[tuple[str | None, str]]]:
        return {
            a.id: [
                (p.description.en, getattr(p.legal_basis, "basis", "unknown")) for p in a.purposes
            ]
            for a in registry.activities.values()
        }

    assert purposes(back) == purposes(holte)
    for activity in holte.activities.values():
        names = sorted(
            holte.parties[p].name_in("en") for p, via in holte.parties_of(activity) if not via
        )
        again = back.activities[activity.id]
        assert (
            sorted(back.parties[p].name_in("en") for p, via in back.parties_of(again) if not via)
            == names
        ), activity.id
