"""Dated reference data: the EEA, adequacy decisions and Datatilsynet's DPIA list.

These facts change with politics and court rulings, so they live in data files with a
source, an ``as_of`` date and a ``review_by`` date rather than in rules; a rule warns when
the review date has passed. The reader is strict: a key it does not know raises
:class:`ReferenceError`, so no entry of a file can be silently ignored.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from holte_ropa.model._unknown import UNKNOWN, Unknown, is_unknown

__all__ = [
    "AdequacyDecision",
    "DpiaListItem",
    "ReferenceData",
    "ReferenceError",
    "reference_data",
]


class ReferenceError(ValueError):
    """A reference file has a key or value this version of holte-ropa does not read."""


@dataclass(frozen=True, slots=True)
class AdequacyDecision:
    """One Art. 45 decision and whether it applies in the EEA on a given day.

    ``country`` is the ISO 3166-1 alpha-2 code, or for an international organisation
    (Art. 45(1) covers them too) its short code, e.g. ``EPO``.
    ``eea_in_force`` is the day the EEA Joint Committee's decision incorporating it takes
    effect (``eea_decision`` names that decision); None while incorporation is pending;
    :data:`UNKNOWN` where it could not be confirmed (a rule reports every transfer that
    relies on such a decision).
    """

    country: str
    name: str
    decision: str
    eu_adopted: _dt.date
    eea_in_force: _dt.date | Unknown | None
    eea_decision: str | Unknown | None = None
    valid_until: _dt.date | None = None
    scope: str | None = None
    requires_dpf: bool = False
    caveat: str | None = None

    def valid_on(self, day: _dt.date) -> bool:
        """In force for a Norwegian controller on ``day``.

        While the EEA incorporation is unknown, the EU adoption day is the earliest day it
        can apply; the decision then counts as valid and rule R51 asks for confirmation.
        """
        if self.eea_in_force is None:
            return False
        start = self.eu_adopted if is_unknown(self.eea_in_force) else self.eea_in_force
        if day < start:
            return False
        return self.valid_until is None or day <= self.valid_until

    @property
    def pending_in_eea(self) -> bool:
        return self.eea_in_force is None

    @property
    def eea_unconfirmed(self) -> bool:
        """Its incorporation into the EEA Agreement could not be confirmed."""
        return is_unknown(self.eea_in_force)


@dataclass(frozen=True, slots=True)
class DpiaListItem:
    item: int
    needs_another_criterion: bool
    en: str


@dataclass(frozen=True, slots=True)
class ReferenceFile:
    """Where one reference file's facts come from and when they must be checked again."""

    name: str
    source: str
    as_of: _dt.date
    review_by: _dt.date
    extra_source: str | None = None


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
    organisations: dict[str, AdequacyDecision]
    """Adequacy decisions for international organisations (Art. 45(1)), by short code."""
    files: tuple[ReferenceFile, ...] = ()
    """Each file's source, as-of and review dates, in a fixed order (eea, adequacy, dpia)."""

    def is_eea(self, country: str) -> bool:
        return country in self.eea

    def adequacy_for(self, country: str) -> AdequacyDecision | None:
        return self.adequacy.get(country)

    def adequacy_for_organisation(self, code: str) -> AdequacyDecision | None:
        return self.organisations.get(code)


def _read(name: str) -> dict[str, Any]:
    text = (
        resources.files("holte_ropa.model").joinpath("reference", name).read_text(encoding="utf-8")
    )
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    if not isinstance(data, dict):
        raise ReferenceError(f"reference/{name}: expected a mapping at the top")
    return data


def _keys(where: str, entry: Mapping[str, Any], required: set[str], optional: set[str]) -> None:
    extra = set(entry) - required - optional
    missing = required - set(entry)
    if extra or missing:
        raise ReferenceError(
            f"{where}: unread keys {sorted(extra)}, missing keys {sorted(missing)}"
        )


def _unknown_or(value: Any) -> Any:
    return UNKNOWN if value == UNKNOWN.value else value


_FILE_KEYS = {"source", "as_of", "review_by"}
_DECISION_REQUIRED = {"name", "decision", "eu_adopted", "eea_in_force", "eea_decision"}
_DECISION_OPTIONAL = {"valid_until", "scope", "requires_dpf", "caveat"}


def _decision(where: str, d: Mapping[str, Any], code_key: str) -> AdequacyDecision:
    _keys(where, d, _DECISION_REQUIRED | {code_key}, _DECISION_OPTIONAL)
    return AdequacyDecision(
        country=d[code_key],
        name=d["name"],
        decision=d["decision"],
        eu_adopted=d["eu_adopted"],
        eea_in_force=_unknown_or(d["eea_in_force"]),
        eea_decision=_unknown_or(d["eea_decision"]),
        valid_until=d.get("valid_until"),
        scope=d.get("scope"),
        requires_dpf=bool(d.get("requires_dpf", False)),
        caveat=d.get("caveat"),
    )


def _file(name: str, data: Mapping[str, Any], extra: str | None = None) -> ReferenceFile:
    return ReferenceFile(
        name=name,
        source=data["source"],
        as_of=data["as_of"],
        review_by=data["review_by"],
        extra_source=data.get(extra) if extra else None,
    )


@cache
def reference_data() -> ReferenceData:
    """The reference data shipped with this version of holte-ropa.

    Raises :class:`ReferenceError` when a file holds a key this reader does not use.
    """
    eea = _read("eea.yaml")
    adequacy = _read("adequacy.yaml")
    dpia = _read("dpia_list.yaml")
    _keys("reference/eea.yaml", eea, _FILE_KEYS | {"members"}, set())
    _keys(
        "reference/adequacy.yaml",
        adequacy,
        _FILE_KEYS | {"eea_source", "decisions", "international_organisations"},
        set(),
    )
    _keys("reference/dpia_list.yaml", dpia, _FILE_KEYS | {"items"}, set())
    decisions = {
        d["country"]: _decision(f"reference/adequacy.yaml: {d.get('country')}", d, "country")
        for d in adequacy["decisions"]
    }
    organisations = {
        d["code"]: _decision(f"reference/adequacy.yaml: {d.get('code')}", d, "code")
        for d in adequacy["international_organisations"]
    }
    items = []
    for item in dpia["items"]:
        _keys("reference/dpia_list.yaml", item, {"item", "needs_another_criterion", "en"}, set())
        items.append(DpiaListItem(**item))
    return ReferenceData(
        eea=frozenset(eea["members"]),
        eea_source=eea["source"],
        eea_as_of=eea["as_of"],
        adequacy=decisions,
        adequacy_source=adequacy["source"],
        adequacy_as_of=adequacy["as_of"],
        dpia_list=tuple(items),
        dpia_list_source=dpia["source"],
        dpia_list_as_of=dpia["as_of"],
        organisations=organisations,
        files=(
            _file("eea.yaml", eea),
            _file("adequacy.yaml", adequacy, "eea_source"),
            _file("dpia_list.yaml", dpia),
        ),
    )
