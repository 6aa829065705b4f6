"""A generic walk over the registry's models, for rules about every field of a kind.

Rules such as "every text has both languages" or "every unknown fact is confirmed" must
keep working when the models grow, so they walk the fields instead of naming them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from holte_ropa.models import internal_field_names
from holte_ropa.registry import Registry
from holte_ropa.yaml_source import PathSegment

__all__ = ["Field", "walk_entities", "walk_fields"]


@dataclass(frozen=True, slots=True)
class Field:
    """One field value met on the walk, with where it sits."""

    entity: str
    """Id of the entity (organisation, activity, party, ...) the field belongs to."""
    root: BaseModel
    """The entity itself."""
    path: tuple[PathSegment, ...]
    """Path from the entity to the value, as ``Registry.locate`` takes it."""
    owner: str
    """Name of the model class holding the field."""
    name: str
    """The field name."""
    value: object
    internal: bool
    """True when the field, or a field it sits in, is kept for auditors only."""


_INTERNAL = internal_field_names()


def walk_entities(registry: Registry) -> Iterator[tuple[str, BaseModel]]:
    """Every entity with its id, in registry order."""
    yield registry.organisation.id, registry.organisation
    for table in (
        registry.activities,
        registry.parties,
        registry.data_categories,
        registry.subject_categories,
        registry.security_measures,
        registry.cookies,
    ):
        yield from table.items()


def walk_fields(registry: Registry) -> Iterator[Field]:
    """Every field of every entity, depth first, values inside tuples included."""
    for entity, model in walk_entities(registry):
        yield from _fields(entity, model, model, (), False)


def _fields(
    entity: str,
    root: BaseModel,
    model: BaseModel,
    path: tuple[PathSegment, ...],
    internal: bool,
) -> Iterator[Field]:
    owner = type(model).__name__
    for name in type(model).model_fields:
        value = getattr(model, name)
        if value is None:
            continue
        hidden = internal or (owner, name) in _INTERNAL
        here = (*path, name)
        yield Field(entity, root, here, owner, name, value, hidden)
        if isinstance(value, BaseModel):
            yield from _fields(entity, root, value, here, hidden)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    at = (*here, index)
                    yield Field(entity, root, at, owner, name, item, hidden)
                    yield from _fields(entity, root, item, at, hidden)
