"""Imports every rule module of this package, which registers its rules.

Rule modules are discovered, not listed: a new legal area is a new module and nothing
else changes.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

import holte_ropa.rules as _package

for _module in sorted(m.name for m in pkgutil.iter_modules(_package.__path__)):
    if not _module.startswith("_"):
        import_module(f"holte_ropa.rules.{_module}")
