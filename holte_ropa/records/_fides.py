"""The record as fideslang manifests, so a Fides user can load it (interoperability).

One ``system`` per processing activity, its purposes as ``privacy_declarations``; every
party as a system of its own that the activities' ``egress`` points to; the
organisation as an ``organization``. Data categories and subjects go through the same
cross-walk the importer reads (``holte_ropa/imports/fides_crosswalk.yaml``), backwards;
a category with no fideslang counterpart, and every purpose, is written as a custom
taxonomy entry under the nearest fideslang parent, so nothing is forced into a key that
says something else. Fields the registry has as ``unknown`` are left out: fideslang has
no way to say "not yet confirmed". The manifests validate with ``fideslang.models``
(tested); fideslang itself is not needed to write them.
"""

from __future__ import annotations

from typing import Any

import yaml

from holte_ropa.model import is_unknown
from holte_ropa.model._models import Activity, Party, Purpose, Text, Unknown
from holte_ropa.model._registry import Registry

__all__ = ["to_fides"]

_RESPONSIBILITY = {
    "controller": "Controller",
    "joint_controller": "Controller",
    "processor": "Processor",
    "sub_processor": "Sub-Processor",
    "customer": "Controller",
    "authority": "Controller",
}


def _en(text: Text | Unknown | None) -> str | None:
    if text is None or is_unknown(text):
        return None
    return text.en or text.nb


def _crosswalk() -> dict[str, Any]:
    from holte_ropa.imports._fideslang import crosswalk

    return crosswalk()


def _key(value: str) -> str:
    """A fides_key from a registry id (both allow letters, digits and hyphens)."""
    return value


def to_fides(registry: Registry) -> str:
    """The registry as one YAML document of fideslang resources, deterministic."""
    walk = _crosswalk()
    by_id = {entry["id"]: key for key, entry in walk["data_categories"].items()}
    category_keys: dict[str, str] = {}
    custom_categories: list[dict[str, Any]] = []
    for category in registry.data_categories.values():
        if category.id in by_id:
            category_keys[category.id] = by_id[category.id]
            continue
        key = f"user.{_key(category.id)}"
        category_keys[category.id] = key
        custom_categories.append(
            {
                "fides_key": key,
                "name": _en(category.name),
                "description": _en(category.description) or _en(category.name),
                "parent_key": "user",
            }
        )
    subject_keys: dict[str, str] = {}
    custom_subjects: list[dict[str, Any]] = []
    for subject in registry.subject_categories.values():
        standard = subject.id.replace("-", "_")
        if standard in walk["data_subjects"]:
            subject_keys[subject.id] = standard
            continue
        subject_keys[subject.id] = _key(subject.id)
        custom_subjects.append(
            {
                "fides_key": _key(subject.id),
                "name": _en(subject.name),
                "description": _en(subject.description) or _en(subject.name),
            }
        )
    uses: list[dict[str, Any]] = []
    systems: list[dict[str, Any]] = []
    for activity in registry.activities.values():
        systems.append(_system(registry, activity, category_keys, subject_keys, uses))
    for party in registry.parties.values():
        systems.append(_party_system(party))
    document: dict[str, Any] = {"organization": [_organization(registry)]}
    if custom_categories:
        document["data_category"] = custom_categories
    if custom_subjects:
        document["data_subject"] = custom_subjects
    if uses:
        document["data_use"] = uses
    document["system"] = systems
    header = (
        "# The record of processing activities as fideslang manifests, written by holte-ropa\n"
        f"# export fides (cross-walk for fideslang {walk['fideslang']}).\n"
    )
    return header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def _organization(registry: Registry) -> dict[str, Any]:
    org = registry.organisation
    postal = org.postal_address
    address = (
        None
        if is_unknown(postal)
        else ", ".join([*postal.lines, f"{postal.postal_code} {postal.city}"])
    )
    result: dict[str, Any] = {
        "fides_key": _key(org.id),
        "name": org.legal_name,
        "controller": {
            "name": org.legal_name,
            # Left out while unknown: fideslang has no word for a fact not yet confirmed.
            **({"address": address} if address is not None else {}),
            **({"email": org.email} if not is_unknown(org.email) else {}),
            **({"phone": org.phone} if org.phone else {}),
        },
    }
    if not is_unknown(org.dpo) and org.dpo.appointed:
        result["data_protection_officer"] = {
            k: v
            for k, v in (("name", org.dpo.name), ("email", org.dpo.email), ("phone", org.dpo.phone))
            if v
        }
    return result


def _use(purpose: Purpose, uses: list[dict[str, Any]]) -> str:
    """A custom data use per purpose, under the fideslang use its flags say it is."""
    basis = purpose.legal_basis
    parent: str | None = None
    if purpose.electronic_marketing:
        parent = "marketing.communications.email"
    elif purpose.direct_marketing:
        parent = "marketing.communications"
    elif not is_unknown(basis) and basis.basis == "legal_obligation":
        parent = "essential.legal_obligation"
    key = f"{parent}.{purpose.id}" if parent else purpose.id
    entry: dict[str, Any] = {
        "fides_key": key,
        "name": _en(purpose.description),
        "description": _en(purpose.description),
    }
    if parent:
        entry["parent_key"] = parent
    uses.append(entry)
    return key


def _system(
    registry: Registry,
    activity: Activity,
    categories: dict[str, str],
    subjects: dict[str, str],
    uses: list[dict[str, Any]],
) -> dict[str, Any]:
    walk = _crosswalk()
    basis_names = {v: k for k, v in walk["legal_bases"].items()}
    special_names = {v: k for k, v in walk["special_category_bases"].items()}
    retention = (
        None
        if is_unknown(activity.retention)
        else "; ".join(_en(r.description) or "" for r in activity.retention) or None
    )
    recipients = activity.recipients
    third = (
        [registry.parties[p].name_in("en") for p in recipients.controllers]
        if not is_unknown(recipients) and recipients != "none"
        else []
    )
    declarations = []
    for purpose in activity.purposes:
        declaration: dict[str, Any] = {
            "name": _en(purpose.description),
            "data_use": _use(purpose, uses),
            "data_categories": sorted({categories[c] for c in activity.data_categories}),
            "data_subjects": [subjects[s] for s in activity.subject_categories],
        }
        if not is_unknown(purpose.legal_basis):
            declaration["legal_basis_for_processing"] = basis_names[purpose.legal_basis.basis]
        if retention:
            declaration["retention_period"] = retention
        if activity.special_category_condition:
            declaration["processes_special_category_data"] = True
            declaration["special_category_legal_basis"] = special_names[
                activity.special_category_condition
            ]
        if third:
            declaration["data_shared_with_third_parties"] = True
            declaration["third_parties"] = ", ".join(third)
        declarations.append(declaration)
    transfers = registry.transfers_of(activity.id)
    system: dict[str, Any] = {
        "fides_key": _key(activity.id),
        "name": _en(activity.name),
        "description": _en(activity.description),
        "system_type": "Processing activity",
        "responsibility": [_RESPONSIBILITY[activity.role.value]],
        "privacy_declarations": declarations,
        "egress": [
            {"fides_key": _key(p), "type": "system"} for p, _ in registry.parties_of(activity)
        ],
        "does_international_transfers": bool(transfers),
    }
    mechanisms = {
        {
            "adequacy": "Adequacy Decision",
            "dpf": "Adequacy Decision",
            "scc": "SCCs",
            "bcr": "BCRs",
        }.get(getattr(t.mechanism, "mechanism", ""), "Other")
        for t in transfers
        if not is_unknown(t.mechanism) and t.mechanism is not None
    }
    if mechanisms:
        system["legal_basis_for_transfers"] = sorted(mechanisms)
    if activity.joint_controllers:
        system["joint_controller_info"] = ", ".join(
            registry.parties[p].name_in("en") for p in activity.joint_controllers
        )
    if activity.dpia is not None and activity.dpia.status in ("required", "done"):
        system["requires_data_protection_assessments"] = True
    measures = [_en(registry.security_measures[m].name) or m for m in activity.security_measures]
    if measures:
        system["data_security_practices"] = "; ".join(measures)
    return system


def _party_system(party: Party) -> dict[str, Any]:
    system: dict[str, Any] = {
        "fides_key": _key(party.id),
        "name": party.name_in("en"),
        "description": _en(party.service),
        "system_type": "Vendor",
        "responsibility": [_RESPONSIBILITY[party.role.value]]
        if party.role.value in _RESPONSIBILITY
        else [],  # role unknown: fideslang says nothing rather than a guess
        "privacy_declarations": [],
    }
    if not is_unknown(party.legal_name):
        system["legal_name"] = party.legal_name
    return system
