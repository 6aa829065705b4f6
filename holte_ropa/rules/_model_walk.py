"""A generic walk over the registry's models, for rules about every field of a kind.

Rules such as "every text has both languages" or "every unknown fact is confirmed" must
keep working when the models grow, so they walk the fields instead of naming them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from holte_ropa.model._models import Text, internal_field_names
from holte_ropa.model._registry import Registry
from holte_ropa.model._yaml import PathSegment

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


def walk_fields(registry: Registry, wanted: Callable[[object], bool]) -> Iterator[Field]:
    """Every field of every entity whose value is ``wanted``, depth first.

    Values inside tuples count too. Texts are leaves: their ``nb`` and ``en`` are prose,
    never facts. Only wanted values cost a path and a Field, which keeps the walk fast
    on registries with tens of thousands of activities.
    """
    for entity, model in walk_entities(registry):
        yield from _fields(entity, model, model, (), False, wanted=wanted)


_NAMES: dict[type[BaseModel], tuple[tuple[str, bool], ...]] = {}


def _names(cls: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """Field names of a model class with whether each is internal, computed once."""
    names = _NAMES.get(cls)
    if names is None:
        names = tuple((n, (cls.__name__, n) in _INTERNAL) for n in cls.model_fields)
        _NAMES[cls] = names
    return names


def _inner(kind: type) -> bool:
    """True for a model class the walk descends into (every model except Text)."""
    found = _INNER.get(kind)
    if found is None:
        found = _INNER[kind] = issubclass(kind, BaseModel) and kind is not Text
    return found


_INNER: dict[type, bool] = {}


def _fields(
    entity: str,
    root: BaseModel,
    model: BaseModel,
    path: tuple[PathSegment, ...],
    internal: bool,
    *,
    wanted: Callable[[object], bool],
) -> Iterator[Field]:
    # Class identity and dict lookups instead of isinstance: this loop visits every
    # field of the registry, a million on 10,000 activities.
    owner = type(model).__name__
    for name, hidden_field in _names(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        hidden = internal or hidden_field
        if wanted(value):
            yield Field(entity, root, (*path, name), owner, name, value, hidden)
        kind = value.__class__
        if kind is tuple:
            for index, item in enumerate(value):
                if not isinstance(item, BaseModel):
                    break
                at = (*path, name, index)
                if wanted(item):
                    yield Field(entity, root, at, owner, name, item, hidden)
                if _inner(item.__class__):
                    yield from _fields(entity, root, item, at, hidden, wanted=wanted)
        elif _inner(kind):
            yield from _fields(entity, root, value, (*path, name), hidden, wanted=wanted)
