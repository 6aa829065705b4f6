"""What the checks say and how it is reported: findings, located problems, reporters.

``Position``, ``Problem`` and ``RegistryError`` describe input that cannot be used (exit
2); ``Finding`` and ``Severity`` are what the rules report (exit 1 at ``--fail-on``).
The reporters write findings as text, JSON, SARIF 2.1.0 and JUnit XML;
``render_report(fmt, ...)`` picks one of ``REPORT_FORMATS``.

``_problems`` and ``_findings`` import only the standard library and pydantic, so the
loader at the bottom of the data flow may use them. The reporters need the rule
metadata and are imported on first use, which keeps this package free of cycles.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from holte_ropa.report._findings import Finding, Severity
from holte_ropa.report._problems import Position, Problem, RegistryError

if TYPE_CHECKING:
    from holte_ropa.report._reporters import (
        REPORT_FORMATS as REPORT_FORMATS,
    )
    from holte_ropa.report._reporters import (
        ReportFormat as ReportFormat,
    )
    from holte_ropa.report._reporters import (
        ReportOptions as ReportOptions,
    )
    from holte_ropa.report._reporters import (
        count as count,
    )
    from holte_ropa.report._reporters import (
        failing as failing,
    )
    from holte_ropa.report._reporters import (
        render_report as render_report,
    )
    from holte_ropa.report._reporters import (
        to_json as to_json,
    )
    from holte_ropa.report._reporters import (
        to_junit as to_junit,
    )
    from holte_ropa.report._reporters import (
        to_sarif as to_sarif,
    )
    from holte_ropa.report._reporters import (
        to_text as to_text,
    )

__all__ = [
    "REPORT_FORMATS",
    "Finding",
    "Position",
    "Problem",
    "RegistryError",
    "ReportFormat",
    "ReportOptions",
    "Severity",
    "count",
    "failing",
    "render_report",
    "to_json",
    "to_junit",
    "to_sarif",
    "to_text",
]

_LAZY = {
    "REPORT_FORMATS",
    "ReportFormat",
    "ReportOptions",
    "count",
    "failing",
    "render_report",
    "to_json",
    "to_junit",
    "to_sarif",
    "to_text",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'holte_ropa.report' has no attribute {name!r}")
    return getattr(import_module("holte_ropa.report._reporters"), name)
