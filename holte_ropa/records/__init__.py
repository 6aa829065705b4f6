"""The records of processing activities, GDPR Art. 30(1) and Art. 30(2), and their formats.

``record_table(registry, role, lang)`` gives the record as rows (controller: Art. 30(1);
processor: Art. 30(2)); ``export_record()`` writes it as xlsx, CSV, JSON or DPV JSON-LD,
and ``_fides.to_fides()`` as fideslang manifests (``holte-ropa export fides``).

It may import :mod:`holte_ropa.model`, the graph's wording helpers and the fideslang
cross-walk of :mod:`holte_ropa.imports` (one table for both directions); never rules,
notice or site.
"""

from __future__ import annotations

from holte_ropa.records._formats import RECORD_FORMATS, export_record
from holte_ropa.records._tables import Column, RecordTable, record_table

__all__ = ["RECORD_FORMATS", "Column", "RecordTable", "export_record", "record_table"]
