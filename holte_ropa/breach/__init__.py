"""Breach response from the record: GDPR Art. 33 notification and Art. 34 communication.

When a vendor reports an incident, the privacy officer has 72 hours from becoming aware
of a personal data breach to notify Datatilsynet (GDPR Art. 33(1)), and must first find
out what the record says is affected. ``breach_draft(registry, targets, discovered)``
answers that from the data-flow graph (``impact()`` for parties) and the record: the
activities, people, data (special categories and identity numbers called out), countries,
the organisation's role (as a processor it tells the controllers instead, Art. 33(2)),
the recorded security measures, suggested consequences (Recitals 75 and 85, EDPB
Guidelines 9/2022) and the deadline in the organisation's time zone.
``render_breach`` writes it in bokmål or English point by point of Art. 33(3), with a
plain-language Art. 34 draft when the categories suggest a high risk; ``render_breach_json``
gives stable keys for automation, ``render_breach_docx`` a Word document; ``--log``
appends the Art. 33(5) log entry (``_log``).

Fields the record cannot fill are marked for the officer ("[TO FILL: ...]"), never
invented. This package may import :mod:`holte_ropa.model`, :mod:`holte_ropa.graph`,
Babel (dates) and python-docx (only for docx); the command line, the public API and
rule R50 (for the deadline) import it, nothing else.
"""

from __future__ import annotations

from holte_ropa.breach._communication import communication
from holte_ropa.breach._consequences import CONSEQUENCES, Consequence, RiskFactors
from holte_ropa.breach._deadline import (
    NOTIFICATION_HOURS,
    Deadline,
    NaiveDatetimeError,
    deadline,
    local_time,
)
from holte_ropa.breach._docx import DocxMissingError, render_breach_docx
from holte_ropa.breach._draft import (
    AffectedActivity,
    BreachDraft,
    ControllerToNotify,
    breach_draft,
)
from holte_ropa.breach._json import breach_json, render_breach_json
from holte_ropa.breach._markdown import render_breach
from holte_ropa.breach._scope import TARGET_KINDS, Scope, UnknownTargetError, scope

__all__ = [
    "CONSEQUENCES",
    "NOTIFICATION_HOURS",
    "TARGET_KINDS",
    "AffectedActivity",
    "BreachDraft",
    "Consequence",
    "ControllerToNotify",
    "Deadline",
    "DocxMissingError",
    "NaiveDatetimeError",
    "RiskFactors",
    "Scope",
    "UnknownTargetError",
    "breach_draft",
    "breach_json",
    "communication",
    "deadline",
    "local_time",
    "render_breach",
    "render_breach_docx",
    "render_breach_json",
    "scope",
]
