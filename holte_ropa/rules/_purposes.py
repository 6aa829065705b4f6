"""Helpers the lawfulness rules share: purposes by legal basis, paths, basis wording."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel

from holte_ropa.model._models import (
    Activity,
    Purpose,
)
from holte_ropa.terms import LEGAL_BASES

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry
    from holte_ropa.model._yaml import PathSegment


# --------------------------------------------------------------------------- helpers


def _purposes_on(
    registry: Registry, *bases: type[BaseModel]
) -> Iterator[tuple[Activity, int, Purpose]]:
    """(activity, index, purpose) for every purpose resting on one of ``bases``."""
    for activity in registry.activities.values():
        for index, purpose in enumerate(activity.purposes):
            if isinstance(purpose.legal_basis, bases):
                yield activity, index, purpose


def _basis_path(index: int, *field: PathSegment) -> tuple[PathSegment, ...]:
    return ("purposes", index, "legal_basis", *field)


def _on(basis: str, lang: str) -> str:
    """The legal basis as the object of a sentence: "rests on a contract"."""
    return LEGAL_BASES[basis].form("object").get(lang)
