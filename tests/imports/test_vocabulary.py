"""The phrase tables and the fideslang cross-walk are data; these tests keep them sound."""

from __future__ import annotations

from collections import defaultdict

import fideslang
from fideslang.default_taxonomy import DEFAULT_TAXONOMY

from holte_ropa.imports._fideslang import crosswalk
from holte_ropa.imports._layout import ACTIVITY_FIELDS
from holte_ropa.imports._values import normalise, vocabulary


def test_no_column_name_means_two_fields() -> None:
    fields_of: dict[str, set[str]] = defaultdict(set)
    for field, groups in vocabulary()["columns"].items():
        for names in groups.values():
            for name in names:
                fields_of[normalise(str(name))].add(field)
    assert {n: f for n, f in fields_of.items() if len(f) > 1} == {}


def test_the_column_fields_are_the_importers_fields() -> None:
    assert "purpose" in ACTIVITY_FIELDS and "retention" in ACTIVITY_FIELDS
    assert set(vocabulary()["columns"]) == set(ACTIVITY_FIELDS)


def test_the_crosswalk_names_the_installed_fideslang_version() -> None:
    assert crosswalk()["fideslang"] == fideslang.__version__


def test_every_crosswalk_key_is_a_fideslang_key() -> None:
    categories = {c.fides_key for c in DEFAULT_TAXONOMY.data_category}
    uses = {u.fides_key for u in DEFAULT_TAXONOMY.data_use}
    subjects = {s.fides_key for s in DEFAULT_TAXONOMY.data_subject}
    walk = crosswalk()

    assert set(walk["data_categories"]) <= categories
    assert set(walk["data_uses"]) <= uses
    assert set(walk["data_subjects"]) <= subjects
    assert set(walk["old_data_categories"].values()) <= categories
    assert set(walk["old_data_uses"].values()) <= uses
    assert {c for c in categories if c.startswith("user")} <= {
        c
        for c in categories
        if any(c == k or c.startswith(k + ".") for k in walk["data_categories"])
    }  # every personal data category has a counterpart, through its parent at least


def test_the_crosswalk_speaks_the_registrys_vocabulary() -> None:
    walk = crosswalk()
    assert set(walk["legal_bases"].values()) == {
        "consent",
        "contract",
        "legal_obligation",
        "vital_interest",
        "public_task",
        "legitimate_interest",
    }
    assert {e.get("kind", "ordinary") for e in walk["data_categories"].values()} <= {
        "ordinary",
        "special",
        "criminal",
        "national_id",
    }
    assert all(e["nb"] and e["en"] for e in walk["data_uses"].values())
