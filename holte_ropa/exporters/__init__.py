"""Exporters: turn graphs and records into files auditors, tools and sites read."""
