"""The commands offer exactly the formats their package can write."""

from __future__ import annotations

from holte_ropa.commands import export, graph
from holte_ropa.graph import GRAPH_FORMATS
from holte_ropa.records import RECORD_FORMATS


def test_graph_offers_every_graph_format_and_no_other() -> None:
    assert graph._FORMATS == GRAPH_FORMATS


def test_export_record_offers_every_record_format_and_no_other() -> None:
    assert export._FORMATS == RECORD_FORMATS
