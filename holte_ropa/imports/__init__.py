"""Bring an existing record in: spreadsheet ROPAs and Fides manifests as a registry.

Privacy officers keep the record in a spreadsheet built on a regulator's template (the
ICO's, CNIL's "registre", Datatilsynet's "protokoll"); engineering teams that use
Ethyca's Fides keep YAML manifests. :func:`import_record` reads either into the
registry's normal layout (one file per activity and party), every fact with a comment
naming its source cell or line; a value that cannot be mapped is written ``unknown`` and
reported as an :class:`ImportNote` located at its source, so nothing is dropped or
invented (GDPR Art. 5(2), Art. 30).

It may import the standard library, PyYAML, pycountry, Babel, python-calamine and
fideslang, :mod:`holte_ropa.model` (reading YAML with positions, the unknown marker) and
:mod:`holte_ropa.terms` (the words our own exports use, so they read back); nothing
downstream (rules, graph, records, notice, site).
"""

from __future__ import annotations

from holte_ropa.imports._api import SOURCE_KINDS, import_record, write_registry
from holte_ropa.imports._draft import ImportResult
from holte_ropa.imports._notes import ImportNote, ImportSourceError

__all__ = [
    "SOURCE_KINDS",
    "ImportNote",
    "ImportResult",
    "ImportSourceError",
    "import_record",
    "write_registry",
]
