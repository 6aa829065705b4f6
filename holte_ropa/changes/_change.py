"""What a change is: its kind, who must be told of it (GDPR Art. 12-14, Art. 28(2)), its wording."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, JsonValue

from holte_ropa.changes._wording import (
    Bilingual,
)
from holte_ropa.model._registry import EntityKind


class Audience(StrEnum):
    """Who must be told of a change."""

    DATA_SUBJECTS = "data_subjects"
    """The published privacy notice changes."""
    CUSTOMERS = "customers"
    """Processing done for customers changes (sub-processors: GDPR Art. 28(2))."""
    INTERNAL = "internal"
    """Only the record kept for auditors changes."""


class ChangeKind(StrEnum):
    """What kind of change in meaning."""

    ACTIVITY_ADDED = "activity_added"
    ACTIVITY_REMOVED = "activity_removed"
    PURPOSE_ADDED = "purpose_added"
    PURPOSE_REMOVED = "purpose_removed"
    PURPOSE_CHANGED = "purpose_changed"
    LEGAL_BASIS_CHANGED = "legal_basis_changed"
    RETENTION_CHANGED = "retention_changed"
    DATA_CATEGORY_ADDED = "data_category_added"
    DATA_CATEGORY_REMOVED = "data_category_removed"
    SUBJECT_CATEGORY_ADDED = "subject_category_added"
    SUBJECT_CATEGORY_REMOVED = "subject_category_removed"
    RECIPIENT_ADDED = "recipient_added"
    RECIPIENT_REMOVED = "recipient_removed"
    PARTY_ADDED = "party_added"
    PARTY_REMOVED = "party_removed"
    PARTY_COUNTRIES_CHANGED = "party_countries_changed"
    TRANSFER_MECHANISM_CHANGED = "transfer_mechanism_changed"
    SUB_PROCESSOR_ADDED = "sub_processor_added"
    SUB_PROCESSOR_REMOVED = "sub_processor_removed"
    SUB_PROCESSOR_REPLACED = "sub_processor_replaced"
    COOKIE_ADDED = "cookie_added"
    COOKIE_REMOVED = "cookie_removed"
    DEFINITION_ADDED = "definition_added"
    """A vocabulary entry or security measure; it reaches people through activities."""
    DEFINITION_REMOVED = "definition_removed"
    TEXT_CHANGED = "text_changed"
    FIELD_CHANGED = "field_changed"
    WAIVER_ADDED = "waiver_added"
    WAIVER_REMOVED = "waiver_removed"


class Change(BaseModel):
    """One change in meaning between two registries."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: ChangeKind
    entity_kind: EntityKind | Literal["waiver"]
    entity_id: str
    field: str = ""
    """Dotted path inside the entity (list items by id), empty for the whole entity."""
    audience: tuple[Audience, ...]
    """Everyone who must be told; ``internal`` only ever stands alone."""
    before: JsonValue = None
    after: JsonValue = None
    summary: Bilingual
    public: Bilingual | None = None
    """The sentence the public change history prints (no field names, no stored values);
    None for a change only the record kept for auditors sees."""
    location: str = ""
    """Where the entity is written: in the new registry, or the old one for removals."""
