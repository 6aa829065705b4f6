"""Dated reference data: the EEA, adequacy decisions and Datatilsynet's DPIA list.

These facts change with politics and court rulings, so they live in data files with a
source and an ``as_of`` date rather than in rules; a rule warns when they grow old.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["AdequacyDecision", "DpiaListItem", "ReferenceData", "reference_data"]


@dataclass(frozen=True, slots=True)
class AdequacyDecision:
    """One Art. 45 decision and whether it applies in the EEA on a given day."""

    country: str
    name: str
    decision: str
    eu_adopted: _dt.date
    eea_in_force: _dt.date | None
    valid_until: _dt.date | None = None
    scope: str | None = None
    requires_dpf: bool = False
    caveat: str | None = None

    def valid_on(self, day: _dt.date) -> bool:
        """In force for a Norwegian controller on ``day``."""
        if self.eea_in_force is None or day < self.eea_in_force:
            return False
        return self.valid_until is None or day <= self.valid_until

    @property
    def pending_in_eea(self) -> bool:
        return self.eea_in_force is None


@dataclass(frozen=True, slots=True)
class DpiaListItem:
    item: int
    needs_another_criterion: bool
    en: str


@dataclass(frozen=True, slots=True)
class ReferenceData:
    """Everything dated that rules and transfers depend on."""

    eea: frozenset[str]
    eea_source: str
    eea_as_of: _dt.date
    adequacy: dict[str, AdequacyDecision]
    adequacy_source: str
    adequacy_as_of: _dt.date
    dpia_list: tuple[DpiaListItem, ...]
    dpia_list_source: str
    dpia_list_as_of: _dt.date

    def is_eea(self, country: str) -> bool:
        return country in self.eea

    def adequacy_for(self, country: str) -> AdequacyDecision | None:
        return self.adequacy.get(country)


def _read(name: str) -> dict[str, Any]:
    text = (
        resources.files("holte_ropa.model").joinpath("reference", name).read_text(encoding="utf-8")
    )
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    assert isinstance(data, dict)
    return data


@cache
def reference_data() -> ReferenceData:
    """The reference data shipped with this version of holte-ropa."""
    eea = _read("eea.yaml")
    adequacy = _read("adequacy.yaml")
    dpia = _read("dpia_list.yaml")
    decisions = {
        d["country"]: AdequacyDecision(
            country=d["country"],
            name=d["name"],
            decision=d["decision"],
            eu_adopted=d["eu_adopted"],
            eea_in_force=d.get("eea_in_force"),
            valid_until=d.get("valid_until"),
            scope=d.get("scope"),
            requires_dpf=bool(d.get("requires_dpf", False)),
            caveat=d.get("caveat"),
        )
        for d in adequacy["decisions"]
    }
    return ReferenceData(
        eea=frozenset(eea["members"]),
        eea_source=eea["source"],
        eea_as_of=eea["as_of"],
        adequacy=decisions,
        adequacy_source=adequacy["source"],
        adequacy_as_of=adequacy["as_of"],
        dpia_list=tuple(DpiaListItem(**item) for item in dpia["items"]),
        dpia_list_source=dpia["source"],
        dpia_list_as_of=dpia["as_of"],
    )
