"""What the graph's views and queries return: views, impact, where data is, flow rows."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from holte_ropa.model._registry import Transfer

# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class GraphView:
    """A named part of the graph, ready for an exporter."""

    name: str
    """The view spec, e.g. ``party:azure``."""
    title_nb: str
    title_en: str
    graph: nx.MultiDiGraph
    organisation: str
    """The organisation's name: the cluster holding its activities."""

    def title(self, lang: str) -> str:
        return self.title_nb if lang == "nb" else self.title_en


@dataclass(frozen=True, slots=True)
class Impact:
    """Breach triage for one party: what is exposed if it is breached."""

    party: str
    chain: tuple[str, ...]
    """The party and the processors above it, up to the organisation."""
    sub_processors: tuple[str, ...]
    """Every party engaged below it, at any depth."""
    activities: tuple[str, ...]
    subject_categories: tuple[str, ...]
    data_categories: tuple[str, ...]
    special_categories: tuple[str, ...]
    """Art. 9 and Art. 10 data categories among them: these raise the breach's risk."""
    countries: tuple[str, ...]
    """Where the party and its sub-processors process or can access the data."""
    transfers: tuple[Transfer, ...]


@dataclass(frozen=True, slots=True)
class WhereIs:
    """Where one category of data subjects' data goes: the map for access and erasure."""

    subject: str
    activities: tuple[str, ...]
    data_categories: tuple[str, ...]
    parties: tuple[tuple[str, tuple[str, ...]], ...]
    """Every party holding the data, with the processors in between."""
    countries: tuple[str, ...]
    transfers: tuple[Transfer, ...]


@dataclass(frozen=True, slots=True)
class FlowRow:
    """One row of the accessible table that stands in for a diagram."""

    activity: str
    data_categories: tuple[str, ...]
    recipient: str
    role: str
    via: tuple[str, ...]
    country: str
    third_country: bool
    safeguard: str
    """How a third-country transfer is safeguarded; empty inside the EEA."""
    activity_name: str = ""
    data_category_names: tuple[str, ...] = ()
    recipient_name: str = ""
    role_name: str = ""
    country_name: str = ""
