"""What every registry model shares: one set of given fields for instances given the same."""

from __future__ import annotations

import copy

from holte_ropa.model._base import Text


def test_texts_given_the_same_languages_share_one_set_of_given_fields() -> None:
    first = Text(nb="Hei", en="Hello")
    second = Text(nb="Ha det", en="Bye")
    only_bokmal = Text(nb="Hei")

    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.model_fields_set == {"nb", "en"}
    assert only_bokmal.model_fields_set == {"nb"}


def test_a_copy_with_changes_counts_its_own_given_fields_and_leaves_the_others_alone() -> None:
    first = Text(nb="Hei")
    second = Text(nb="Ha det")

    changed = first.model_copy(update={"en": "Hello"})

    assert changed.model_fields_set == {"nb", "en"}
    assert second.model_fields_set == {"nb"}
    assert copy.deepcopy(first) == first
    assert copy.deepcopy(first).model_fields_set == {"nb"}
