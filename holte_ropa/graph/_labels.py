"""Node and edge kinds, and the words the graph shows for roles and safeguards (GDPR Art. 44-49)."""

from __future__ import annotations

from typing import Final, Literal

from holte_ropa.model._models import (
    UNKNOWN,
    DataKind,
    Derogation,
    StandardContractualClauses,
    Text,
    TransferMechanism,
    Unknown,
    is_unknown,
)
from holte_ropa.model._reference import AdequacyDecision
from holte_ropa.terms import TRANSFER_MECHANISMS, cite

NodeKind = Literal["organisation", "activity", "subject", "party", "country"]
EdgeKind = Literal["performs", "collected_from", "discloses", "sub_processing", "located_in"]

VIEW_KINDS: tuple[str, ...] = (
    "organisation",
    "activity",
    "party",
    "subject",
    "transfers",
    "sources",
    "recipients",
)
"""``--view`` values: ``organisation``, ``transfers``, ``sources`` (data subjects to
activities), ``recipients`` (activities to recipients and countries), or ``activity:ID``,
``party:ID``, ``subject:ID``."""
WHOLE_VIEWS: tuple[str, ...] = ("organisation", "transfers", "sources", "recipients")
"""The views of the whole organisation, which take no id."""

_SENSITIVE = (DataKind.SPECIAL, DataKind.CRIMINAL)

UNKNOWN_CODE: Final = UNKNOWN.value
"""What node and edge attributes (and the flow table) hold where the record says unknown:
the word itself, since graph exports and tables write attributes as they are."""
UNSETTLED: Final = (UNKNOWN_CODE, "none")
"""Mechanism codes of a transfer without a known safeguard."""


class UnknownEntityError(KeyError):
    """A view or query names an id the registry does not have."""

    def __str__(self) -> str:
        return str(self.args[0])


def node_id(kind: NodeKind, entity: str) -> str:
    """The stable graph id of an entity: its kind and its registry id."""
    return f"{kind}:{entity}"


def text(value: Text, lang: str) -> str:
    """A label in ``lang``; a diagram needs a name, so the other language stands in."""
    return value.get(lang) or value.nb or value.en or ""


def mechanism_code(mechanism: TransferMechanism | Unknown | None) -> str:
    """``adequacy``, ``dpf``, ``scc``, ``bcr``, ``derogation``, ``unknown`` or ``none``."""
    if mechanism is None:
        return "none"
    if is_unknown(mechanism):
        return UNKNOWN_CODE
    return mechanism.mechanism


def safeguard(
    mechanism: TransferMechanism | Unknown | None,
    adequacy: AdequacyDecision | None,
    lang: str,
    *,
    short: bool = False,
) -> str:
    """How a transfer is safeguarded, in words an auditor reads, with the article."""
    if mechanism is None or is_unknown(mechanism):
        if short:
            return "?"
        missing = {"nb": "ikke oppgitt", "en": "not stated"}
        confirm = {"nb": "ukjent, må bekreftes", "en": "unknown, to be confirmed"}
        return (confirm if mechanism is not None else missing)["nb" if lang == "nb" else "en"]
    code = mechanism.mechanism
    term = TRANSFER_MECHANISMS[code]
    if short:
        return term.form("code").en
    words = term.label.get(lang)
    if isinstance(mechanism, StandardContractualClauses) and not is_unknown(mechanism.module):
        words += f" ({'modul' if lang == 'nb' else 'module'} {mechanism.module})"
    if isinstance(mechanism, Derogation):
        return f"{words} ({cite(lang, 49, 1, mechanism.point)})"
    if code == "adequacy" and adequacy is not None:
        words += f", {adequacy.decision}"
    return f"{words} ({term.cite(lang)})"
