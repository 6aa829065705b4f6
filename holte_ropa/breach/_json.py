"""The breach draft as JSON for automation: stable keys, ids rather than words.

Keys (always present, in this order): ``targets``, ``role``, ``deadline``
(``aware``, ``due``, ``time_zone``, ``hours``, ``applies``, ``passed``, ``reference``),
``activities``, ``subject_categories``, ``data_categories``, ``special_categories``,
``criminal_categories``, ``national_ids``, ``categories_of_unknown_kind``,
``countries``, ``countries_outside_eea``, ``parties_with_unknown_countries``,
``parent_countries_outside_eea``, ``parties``,
``approximate_subjects``, ``approximate_records``, ``consequences``,
``high_risk_suggested``, ``security_measures``, ``controllers_to_notify``, ``dpo_known``.
Datetimes are ISO 8601 with the offset of the organisation's time zone; a number the
record does not hold is ``null``.
"""

from __future__ import annotations

import json
from typing import Any

from holte_ropa.breach._deadline import NOTIFICATION_HOURS
from holte_ropa.breach._draft import BreachDraft

__all__ = ["breach_json", "render_breach_json"]


def breach_json(draft: BreachDraft) -> dict[str, Any]:
    """The draft as a JSON-ready dict with the stable keys listed in the module docstring."""
    scope = draft.scope
    return {
        "targets": [{"kind": kind, "id": ident} for kind, ident in scope.targets],
        "role": draft.role,
        "deadline": {
            "aware": draft.deadline.discovered.isoformat(),
            "due": draft.deadline.due.isoformat(),
            "time_zone": draft.deadline.time_zone,
            "hours": NOTIFICATION_HOURS,
            "applies": draft.notify_authority,
            "passed": draft.deadline_passed,
            "reference": "GDPR Art. 33(1)",
        },
        "activities": [
            {
                "id": a.id,
                "role": a.role.value,
                "subject_categories": list(a.subject_categories),
                "data_categories": list(a.data_categories),
                "approximate_subjects": a.subjects,
                "approximate_records": a.records,
                "security_measures": list(a.security_measures),
            }
            for a in draft.activities
        ],
        "subject_categories": list(scope.subject_categories),
        "data_categories": list(scope.data_categories),
        "special_categories": list(draft.risk.special),
        "criminal_categories": list(draft.risk.criminal),
        "national_ids": list(draft.risk.national_ids),
        "categories_of_unknown_kind": list(draft.risk.unassessed),
        "countries": list(scope.countries),
        "countries_outside_eea": list(scope.transfer_countries),
        "parties_with_unknown_countries": list(scope.locations_unknown),
        "parent_countries_outside_eea": [
            {"party": party, "country": country} for party, country in scope.parent_countries
        ],
        "parties": list(scope.parties),
        "approximate_subjects": draft.subjects_total,
        "approximate_records": draft.records_total,
        "consequences": [{"key": c.key, "because": list(c.because)} for c in draft.consequences],
        "high_risk_suggested": draft.risk.high_risk_suggested,
        "security_measures": list(draft.security_measures),
        "controllers_to_notify": [
            {
                "activity": c.activity,
                "controllers": c.controllers.model_dump(exclude_none=True),
                "agreement": c.agreement.model_dump(exclude_none=True),
            }
            for c in draft.controllers_to_notify
        ],
        "dpo_known": draft.dpo_known,
    }


def render_breach_json(draft: BreachDraft) -> str:
    """:func:`breach_json` as indented UTF-8 JSON text ending in a newline."""
    return json.dumps(breach_json(draft), ensure_ascii=False, indent=2) + "\n"
