"""The catalogue: every rule module imported (which registers its rules), and look-ups.

Rule modules are discovered, not listed: a new legal area is a new module and nothing
else changes. Discovery happens on the first look-up, so importing the engine stays
cheap; the rule modules import only :mod:`._framework`, never this module.
"""

from __future__ import annotations

import pkgutil
from functools import cache
from importlib import import_module
from pathlib import Path

from holte_ropa.rules._framework import Rule, registered

__all__ = ["all_rules", "get_rule"]


@cache
def _load() -> None:
    folder = Path(__file__).parent
    for module in sorted(m.name for m in pkgutil.iter_modules([str(folder)])):
        if not module.startswith("_"):
            import_module(f"holte_ropa.rules.{module}")


def all_rules() -> list[Rule]:
    """Every registered rule, ordered by number."""
    _load()
    return sorted(registered().values(), key=lambda r: (len(r.id), r.id))


def get_rule(key: str) -> Rule | None:
    """A rule by id (R10, r10, 10) or by name; None when there is none."""
    _load()
    wanted = key.strip()
    if wanted.isdigit():
        wanted = f"R{int(wanted):02d}"
    wanted_upper = wanted.upper()
    for candidate in registered().values():
        if candidate.id == wanted_upper or candidate.name == wanted.lower():
            return candidate
    return None
