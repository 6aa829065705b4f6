"""holte-ropa: a GDPR Art. 30 record of processing activities kept as code.

The public API is re-exported here lazily, so that ``holte-ropa --help`` and other
light entry points do not pay for importing pydantic and the models.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "render_report": "holte_ropa.report",
    "REPORT_FORMATS": "holte_ropa.report",
    "GRAPH_FORMATS": "holte_ropa.graph",
    "RECORD_FORMATS": "holte_ropa.records",
    "site_pages": "holte_ropa.site",
    "LANGUAGES": "holte_ropa.terms",
    "Words": "holte_ropa.terms",
    "cite": "holte_ropa.terms",
    "build": "holte_ropa._build",
    "BuildError": "holte_ropa._build",
    "BuildRefusedError": "holte_ropa._build",
    "BuildResult": "holte_ropa._build",
    "SiteError": "holte_ropa._build",
    "load_registry": "holte_ropa.model",
    "read_registry_files": "holte_ropa.model",
    "Registry": "holte_ropa.model",
    "Unknown": "holte_ropa.model",
    "UNKNOWN": "holte_ropa.model",
    "is_unknown": "holte_ropa.model",
    "known": "holte_ropa.model",
    "Transfer": "holte_ropa.model",
    "Position": "holte_ropa.report",
    "Problem": "holte_ropa.report",
    "RegistryError": "holte_ropa.report",
    "registry_json_schema": "holte_ropa.model",
    "reference_data": "holte_ropa.model",
    "build_graph": "holte_ropa.graph",
    "DataFlowGraph": "holte_ropa.graph",
    "FlowRow": "holte_ropa.graph",
    "GraphView": "holte_ropa.graph",
    "Impact": "holte_ropa.graph",
    "WhereIs": "holte_ropa.graph",
    "flows_table": "holte_ropa.graph",
    "export_graph": "holte_ropa.graph",
    "render_svg": "holte_ropa.graph",
    "RecordTable": "holte_ropa.records",
    "record_table": "holte_ropa.records",
    "export_record": "holte_ropa.records",
    "check": "holte_ropa.rules",
    "all_rules": "holte_ropa.rules",
    "due_reviews": "holte_ropa.rules",
    "Review": "holte_ropa.rules",
    "Finding": "holte_ropa.report",
    "Severity": "holte_ropa.report",
    "diff": "holte_ropa.changes",
    "Change": "holte_ropa.changes",
    "ChangeKind": "holte_ropa.changes",
    "Audience": "holte_ropa.changes",
    "registry_history": "holte_ropa.changes",
    "HistoryEntry": "holte_ropa.changes",
    "sub_processor_feed": "holte_ropa.changes",
    "dated_changes": "holte_ropa.changes",
    "changes_feed": "holte_ropa.changes",
    "DatedChanges": "holte_ropa.changes",
    "load_revision": "holte_ropa.changes",
    "render_notice": "holte_ropa.notice",
    "render_processors": "holte_ropa.notice",
    "render_cookies": "holte_ropa.notice",
    "notice_pages": "holte_ropa.notice",
    "readability": "holte_ropa.notice",
    "SectionScore": "holte_ropa.notice",
    "breach_draft": "holte_ropa.breach",
    "BreachDraft": "holte_ropa.breach",
    "render_breach": "holte_ropa.breach",
    "render_breach_json": "holte_ropa.breach",
    "import_record": "holte_ropa.imports",
    "write_registry": "holte_ropa.imports",
    "ImportResult": "holte_ropa.imports",
    "ImportNote": "holte_ropa.imports",
    "ImportSourceError": "holte_ropa.imports",
}

__all__ = [
    "GRAPH_FORMATS",
    "LANGUAGES",
    "RECORD_FORMATS",
    "REPORT_FORMATS",
    "UNKNOWN",
    "Audience",
    "BreachDraft",
    "BuildError",
    "BuildRefusedError",
    "BuildResult",
    "Change",
    "ChangeKind",
    "DataFlowGraph",
    "DatedChanges",
    "Finding",
    "FlowRow",
    "GraphView",
    "HistoryEntry",
    "Impact",
    "ImportNote",
    "ImportResult",
    "ImportSourceError",
    "Position",
    "Problem",
    "RecordTable",
    "Registry",
    "RegistryError",
    "Review",
    "SectionScore",
    "Severity",
    "SiteError",
    "Transfer",
    "Unknown",
    "WhereIs",
    "Words",
    "__version__",
    "all_rules",
    "breach_draft",
    "build",
    "build_graph",
    "changes_feed",
    "check",
    "cite",
    "dated_changes",
    "diff",
    "due_reviews",
    "export_graph",
    "export_record",
    "flows_table",
    "import_record",
    "is_unknown",
    "known",
    "load_registry",
    "load_revision",
    "notice_pages",
    "read_registry_files",
    "readability",
    "record_table",
    "reference_data",
    "registry_history",
    "registry_json_schema",
    "render_breach",
    "render_breach_json",
    "render_cookies",
    "render_notice",
    "render_processors",
    "render_report",
    "render_svg",
    "site_pages",
    "sub_processor_feed",
    "write_registry",
]

if TYPE_CHECKING:
    from holte_ropa._build import BuildError as BuildError
    from holte_ropa._build import BuildRefusedError as BuildRefusedError
    from holte_ropa._build import BuildResult as BuildResult
    from holte_ropa._build import SiteError as SiteError
    from holte_ropa._build import build as build
    from holte_ropa.breach import BreachDraft as BreachDraft
    from holte_ropa.breach import breach_draft as breach_draft
    from holte_ropa.breach import render_breach as render_breach
    from holte_ropa.breach import render_breach_json as render_breach_json
    from holte_ropa.changes import Audience as Audience
    from holte_ropa.changes import Change as Change
    from holte_ropa.changes import ChangeKind as ChangeKind
    from holte_ropa.changes import DatedChanges as DatedChanges
    from holte_ropa.changes import HistoryEntry as HistoryEntry
    from holte_ropa.changes import changes_feed as changes_feed
    from holte_ropa.changes import dated_changes as dated_changes
    from holte_ropa.changes import diff as diff
    from holte_ropa.changes import load_revision as load_revision
    from holte_ropa.changes import registry_history as registry_history
    from holte_ropa.changes import sub_processor_feed as sub_processor_feed
    from holte_ropa.graph import GRAPH_FORMATS as GRAPH_FORMATS
    from holte_ropa.graph import DataFlowGraph as DataFlowGraph
    from holte_ropa.graph import FlowRow as FlowRow
    from holte_ropa.graph import GraphView as GraphView
    from holte_ropa.graph import Impact as Impact
    from holte_ropa.graph import WhereIs as WhereIs
    from holte_ropa.graph import build_graph as build_graph
    from holte_ropa.graph import export_graph as export_graph
    from holte_ropa.graph import flows_table as flows_table
    from holte_ropa.graph import render_svg as render_svg
    from holte_ropa.imports import ImportNote as ImportNote
    from holte_ropa.imports import ImportResult as ImportResult
    from holte_ropa.imports import ImportSourceError as ImportSourceError
    from holte_ropa.imports import import_record as import_record
    from holte_ropa.imports import write_registry as write_registry
    from holte_ropa.model import UNKNOWN as UNKNOWN
    from holte_ropa.model import Registry as Registry
    from holte_ropa.model import Transfer as Transfer
    from holte_ropa.model import Unknown as Unknown
    from holte_ropa.model import is_unknown as is_unknown
    from holte_ropa.model import known as known
    from holte_ropa.model import load_registry as load_registry
    from holte_ropa.model import read_registry_files as read_registry_files
    from holte_ropa.model import reference_data as reference_data
    from holte_ropa.model import registry_json_schema as registry_json_schema
    from holte_ropa.notice import SectionScore as SectionScore
    from holte_ropa.notice import notice_pages as notice_pages
    from holte_ropa.notice import readability as readability
    from holte_ropa.notice import render_cookies as render_cookies
    from holte_ropa.notice import render_notice as render_notice
    from holte_ropa.notice import render_processors as render_processors
    from holte_ropa.records import RECORD_FORMATS as RECORD_FORMATS
    from holte_ropa.records import RecordTable as RecordTable
    from holte_ropa.records import export_record as export_record
    from holte_ropa.records import record_table as record_table
    from holte_ropa.report import REPORT_FORMATS as REPORT_FORMATS
    from holte_ropa.report import Finding as Finding
    from holte_ropa.report import Position as Position
    from holte_ropa.report import Problem as Problem
    from holte_ropa.report import RegistryError as RegistryError
    from holte_ropa.report import Severity as Severity
    from holte_ropa.report import render_report as render_report
    from holte_ropa.rules import Review as Review
    from holte_ropa.rules import all_rules as all_rules
    from holte_ropa.rules import check as check
    from holte_ropa.rules import due_reviews as due_reviews
    from holte_ropa.site import site_pages as site_pages
    from holte_ropa.terms import LANGUAGES as LANGUAGES
    from holte_ropa.terms import Words as Words
    from holte_ropa.terms import cite as cite


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'holte_ropa' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
