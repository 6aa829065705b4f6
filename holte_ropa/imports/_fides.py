"""Fides manifests (fideslang ``system``, ``organization``, ``dataset``) into a draft.

A system is a processing activity; its privacy declarations are the purposes, with the
legal basis fideslang records (``legal_basis_for_processing``, or a data use that names
one such as ``essential.legal_obligation``). Data categories, uses and subjects go
through ``fides_crosswalk.yaml``. The company behind a system (``legal_name`` or
``vendor_id``) and the third parties a declaration shares data with become parties.
Keys of fideslang 1.x are read and reported with the key that replaced them; unknown
keys and taxonomy keys are reported with the nearest valid one. What fideslang has no
field for (sources, recipients "none", security of each activity) is left ``unknown``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from holte_ropa.imports._draft import UNKNOWN, Draft
from holte_ropa.imports._facts import address_fact, dpo_fact, retention_rules
from holte_ropa.imports._fideslang import (
    Manifest,
    as_list,
    as_text,
    category_id,
    check_keys,
    crosswalk,
    nearest,
    subject_id,
    taxonomy_key,
    walk_up,
)
from holte_ropa.imports._notes import Fact, ImportSourceError
from holte_ropa.imports._values import country_code, email

__all__ = ["import_fides"]


def import_fides(path: Path, display: str, draft: Draft) -> None:
    """Fill ``draft`` from a fideslang manifest: a mapping of resource lists or a bare
    list of systems. Raises :class:`ImportSourceError` for YAML that is not a manifest."""
    try:
        import fideslang  # noqa: F401 - its models and taxonomy are read below
    except ImportError as exc:  # pragma: no cover - fideslang comes with the import extra
        raise ImportSourceError(
            display, "reading Fides manifests needs fideslang: pip install 'holte-ropa[import]'"
        ) from exc
    manifest = Manifest(path, display)
    data = manifest.document.data
    resources_: dict[str, Any]
    if isinstance(data, list):
        resources_, prefix = {"system": data}, False
    elif isinstance(data, dict):
        resources_, prefix = data, True
    else:
        raise ImportSourceError(
            f"{display}:1:1",
            "not a Fides manifest: expected 'system:' "
            "and other resource lists, or a list of systems",
        )
    known = {
        "system",
        "organization",
        "dataset",
        "data_category",
        "data_use",
        "data_subject",
        "policy",
        "evaluation",
        "registry",
    }
    vendors = _vendor_systems(draft, manifest, resources_.get("system"), prefix)
    own = _own_names(resources_.get("organization"))
    for kind, items in resources_.items():
        base: list[str | int] = [kind] if prefix else []
        if kind not in known:
            draft.warn(
                manifest.where(base, key=True),
                f"'{kind}' is not a fideslang resource "
                f"type{nearest(str(kind), frozenset(known))}; not imported",
            )
            continue
        if not isinstance(items, list):
            draft.warn(manifest.where(base), f"'{kind}' should be a list of resources")
            continue
        for index, item in enumerate(items):
            at = [*base, index]
            if not isinstance(item, dict):
                draft.warn(manifest.where(at), f"a {kind} is a mapping of keys; not imported")
                continue
            if kind == "system" and item.get("fides_key") not in vendors:
                _system(draft, manifest, item, at, (vendors, own))
            elif kind == "organization":
                _organization(draft, manifest, item, at)
            elif kind == "dataset":
                draft.warn(
                    manifest.where(at),
                    f"dataset '{item.get('fides_key', '?')}' "
                    "describes storage, not processing: its categories are not imported; "
                    "declare them on the systems that use it",
                )
    if not any(kind in resources_ for kind in ("system", "organization")):
        raise ImportSourceError(
            f"{display}:1:1", "no fideslang 'system' or 'organization' resources found"
        )


_PARTY_ROLES = {
    "Processor": "processor",
    "Sub-Processor": "sub_processor",
    "Controller": "controller",
}


def _vendor_systems(
    draft: Draft, manifest: Manifest, systems: object, prefix: bool
) -> dict[str, str]:
    """Systems without privacy declarations are the companies data goes to: parties
    (except holte-ropa's own ``system_type: Processing activity``, an activity still
    without purposes).

    Returns fides_key -> party id, so other systems' ``egress`` can name recipients.
    """
    found: dict[str, str] = {}
    if not isinstance(systems, list):
        return found
    for index, item in enumerate(systems):
        if (
            not isinstance(item, dict)
            or item.get("privacy_declarations")
            or not item.get("fides_key")
            or str(item.get("system_type", "")).casefold() == "processing activity"
        ):
            continue
        at: list[str | int] = ["system", index] if prefix else [index]
        check_keys(draft, manifest, item, at, "system")
        where = manifest.where([*at, "fides_key"])
        titles = as_list(item.get("responsibility"))
        roles = [_PARTY_ROLES[t] for t in titles if t in _PARTY_ROLES]
        role_at = manifest.where([*at, "responsibility"]) if roles else where
        name = as_text(item.get("name")) or str(item["fides_key"])
        party = draft.party(name, roles[0] if roles else UNKNOWN, role_at, role_stated=bool(roles))
        if item.get("legal_name"):
            draft.parties[party]["legal_name"] = Fact(
                str(item["legal_name"]), f"from {manifest.where([*at, 'legal_name'])}"
            )
        if item.get("description"):
            draft.parties[party]["service"] = Fact(
                draft.text(str(item["description"])),
                f"from {manifest.where([*at, 'description'])}",
            )
        found[str(item["fides_key"])] = party
    return found


def _system(
    draft: Draft,
    manifest: Manifest,
    item: dict[str, Any],
    at: list[str | int],
    known: tuple[dict[str, str], frozenset[str]],
) -> None:
    vendors, own = known
    check_keys(draft, manifest, item, at, "system")
    key = str(item.get("fides_key") or item.get("name") or f"system-{at[-1]}")
    where = manifest.where([*at, "fides_key"] if "fides_key" in item else at)
    activity_id = draft.new_id(key.replace("_", "-").replace(".", "-"), "system")
    name = as_text(item.get("name")) or key
    described = item.get("description")
    activity: dict[str, Any] = {
        "id": Fact(activity_id, f"fides_key of {where}"),
        "name": Fact(draft.text(name), f"from {manifest.where([*at, 'name'])}"),
        "description": Fact(
            draft.text(str(described)), f"from {manifest.where([*at, 'description'])}"
        )
        if described
        else Fact(UNKNOWN, f"{where} has no description; describe the activity"),
        "role": "controller",
    }
    draft.activities[activity_id] = activity
    responsibility = item.get("responsibility") or item.get("data_responsibility_title")
    if responsibility:
        titles = responsibility if isinstance(responsibility, list) else [responsibility]
        role_at = manifest.where(
            [*at, "responsibility" if "responsibility" in item else "data_responsibility_title"]
        )
        if "Processor" in titles or "Sub-Processor" in titles:
            activity["role"] = Fact("processor", f"from {role_at}")
        else:
            activity["role"] = Fact("controller", f"from {role_at}")
    else:
        draft.warn(where, "the system's responsibility is not given; recorded as controller")
        activity["role"] = Fact("controller", f"responsibility not given at {where}; confirm")
    recipients: list[str] = []
    vendor = item.get("legal_name") or item.get("vendor_id")
    vendor_id: str | None = None
    if vendor and _folded(str(vendor)) in own:
        # The organisation's own system: no company of its own behind it, no recipient.
        vendor = None
    if vendor:
        vendor_at = manifest.where([*at, "legal_name" if item.get("legal_name") else "vendor_id"])
        vendor_id = draft.party(str(vendor), UNKNOWN, vendor_at, role_stated=False)
        draft.parties[vendor_id]["trade_name"] = Fact(name, f"system name at {where}")
        if item.get("legal_name"):
            draft.parties[vendor_id]["legal_name"] = Fact(str(vendor), f"from {vendor_at}")
        recipients.append(vendor_id)
    _transfers(draft, manifest, item, at, activity, vendor=vendor_id)
    for index, flow in enumerate(as_list(item.get("egress"))):
        target = flow.get("fides_key") if isinstance(flow, dict) else None
        if target in vendors:
            if vendors[target] not in recipients:
                recipients.append(vendors[target])
        elif target is not None:
            draft.warn(
                manifest.where([*at, "egress", index]),
                f"egress to '{target}', which "
                "is not a system without declarations (a party); not a recipient",
            )
    joint = item.get("joint_controller_info") or item.get("joint_controller")
    if joint:
        joint_key = (
            "joint_controller_info" if "joint_controller_info" in item else "joint_controller"
        )
        joint_name = joint.get("name") if isinstance(joint, dict) else str(joint)
        joint_at = manifest.where([*at, joint_key])
        if joint_name:
            party = draft.party(str(joint_name), "joint_controller", joint_at)
            activity["role"] = Fact("joint_controller", f"from {joint_at}")
            activity["joint_controllers"] = Fact([party], f"from {joint_at}")
    purposes: list[dict[str, Any]] = []
    subjects: list[str] = []
    categories: list[str] = []
    retention: list[dict[str, Any]] = []
    declarations = item.get("privacy_declarations") or []
    special: str | None = None
    dpia_done: str | None = None
    for index, declaration in enumerate(declarations if isinstance(declarations, list) else []):
        dat = [*at, "privacy_declarations", index]
        if not isinstance(declaration, dict):
            continue
        check_keys(draft, manifest, declaration, dat, "privacy_declaration")
        purposes.append(_purpose(draft, manifest, declaration, dat))
        for i, raw in enumerate(as_list(declaration.get("data_categories"))):
            current = taxonomy_key(
                draft, manifest, raw, [*dat, "data_categories", i], "data_category"
            )
            if current is None:
                continue
            if current.startswith("system"):
                draft.warn(
                    manifest.where([*dat, "data_categories", i]),
                    f"'{current}' is system data, not personal data; not recorded",
                )
                continue
            cid = category_id(
                draft, manifest, current, manifest.where([*dat, "data_categories", i])
            )
            if cid not in categories:
                categories.append(cid)
        for i, raw in enumerate(as_list(declaration.get("data_subjects"))):
            current = taxonomy_key(draft, manifest, raw, [*dat, "data_subjects", i], "data_subject")
            if current is not None:
                sid = subject_id(
                    draft, manifest, current, manifest.where([*dat, "data_subjects", i])
                )
                if sid not in subjects:
                    subjects.append(sid)
        third = declaration.get("third_parties")
        if declaration.get("data_shared_with_third_parties") and third:
            tat = manifest.where([*dat, "third_parties"])
            party = draft.party(str(third), "controller", tat, role_stated=False)
            if party not in recipients:
                recipients.append(party)
        period = declaration.get("retention_period")
        if period:
            for rule in retention_rules(
                draft, str(period), manifest.where([*dat, "retention_period"])
            ):
                said = rule["description"].value
                if all(r["description"].value != said for r in retention):
                    retention.append(rule)
        basis = declaration.get("special_category_legal_basis")
        if declaration.get("processes_special_category_data") or basis:
            sat = manifest.where(
                [
                    *dat,
                    "special_category_legal_basis" if basis else "processes_special_category_data",
                ]
            )
            special = _special_basis(as_text(basis) or "")
            if special is None:
                draft.warn(
                    sat,
                    f"special category data without a known Art. 9(2) condition "
                    f"({basis!r}); not recorded",
                )
            else:
                activity["special_category_condition"] = Fact(special, f"from {sat}")
        if declaration.get("impact_assessment_location"):
            dpia_done = manifest.where([*dat, "impact_assessment_location"])
    if purposes:
        activity["purposes"] = purposes
    if subjects:
        activity["subject_categories"] = subjects
    if categories:
        activity["data_categories"] = categories
    activity["sources"] = Fact(UNKNOWN, "fideslang has no field for where data comes from")
    by_role = {
        "processor": "processors",
        "sub_processor": "processors",
        "controller": "controllers",
        "authority": "authorities",
        UNKNOWN: "unconfirmed",
    }
    groups: dict[str, list[str]] = {}
    for party in recipients:
        role = draft.parties[party]["role"].value
        if role in by_role:
            groups.setdefault(by_role[role], []).append(party)
    activity["recipients"] = (
        Fact(groups, f"from {where}")
        if groups
        else Fact(UNKNOWN, "fideslang cannot say 'no recipients'; confirm")
    )
    activity["retention"] = retention or Fact(UNKNOWN, f"{where} gives no retention_period")
    practices = item.get("data_security_practices")
    if practices:
        pat = manifest.where([*at, "data_security_practices"])
        activity["security_measures"] = Fact(
            [draft.security_measure(str(practices), pat)], f"from {pat}"
        )
    activity["dpia"] = _dpia(manifest, item, at, dpia_done)
    dpo = item.get("dpo")
    if dpo and "dpo" not in draft.organisation:
        _dpo(draft, str(dpo), manifest.where([*at, "dpo"]))


def _folded(name: str) -> str:
    return " ".join(name.casefold().split())


def _own_names(organizations: object) -> frozenset[str]:
    """The organisation's names (``name``, ``controller.name``): a system whose company
    carries one of them is the organisation's own, not a recipient's."""
    names: set[str] = set()
    for item in organizations if isinstance(organizations, list) else []:
        if not isinstance(item, dict):
            continue
        controller = item.get("controller")
        for value in (
            item.get("name"),
            controller.get("name") if isinstance(controller, dict) else None,
        ):
            if value:
                names.add(_folded(str(value)))
    return frozenset(names)


def _special_basis(text: str) -> str | None:
    """The Art. 9(2) condition a fideslang ``special_category_legal_basis`` names: the
    fideslang phrase in any case, or a condition the text names itself."""
    from holte_ropa.imports._values import special_condition

    for phrase, point in crosswalk()["special_category_bases"].items():
        if _folded(str(phrase)) == _folded(text):
            return str(point)
    return special_condition(text)


def _dpia(manifest: Manifest, item: dict[str, Any], at: list[str | int], done: str | None) -> Any:
    if done:
        return Fact({"status": "done"}, f"impact_assessment_location at {done}")
    old = item.get("data_protection_impact_assessment")
    if isinstance(old, dict):
        oat = manifest.where([*at, "data_protection_impact_assessment"])
        progress = str(old.get("progress") or "").casefold()
        if progress.startswith("complete"):
            return Fact({"status": "done"}, f"from {oat}")
        if old.get("is_required") is True:
            return Fact({"status": "required"}, f"from {oat}")
        if old.get("is_required") is False:
            return Fact({"status": "not_required"}, f"from {oat}")
    required = item.get("requires_data_protection_assessments")
    if required is True:
        return Fact(
            {"status": "required"},
            f"from {manifest.where([*at, 'requires_data_protection_assessments'])}",
        )
    return Fact({"status": UNKNOWN}, "the manifest does not say whether a DPIA is needed")


def _purpose(
    draft: Draft, manifest: Manifest, declaration: dict[str, Any], dat: list[str | int]
) -> dict[str, Any]:
    use = (
        taxonomy_key(draft, manifest, declaration.get("data_use"), [*dat, "data_use"], "data_use")
        if "data_use" in declaration
        else None
    )
    custom = manifest.custom["data_use"].get(use) if use else None
    entry = walk_up(use, crosswalk()["data_uses"]) if use else None
    if custom is not None and custom.get("name"):
        parent = custom.get("parent_key")
        inherited = (walk_up(str(parent), crosswalk()["data_uses"]) or {}) if parent else {}
        entry = {**inherited, "nb": str(custom["name"]), "en": str(custom["name"]), "custom": True}
    uat = manifest.where([*dat, "data_use"])
    name = declaration.get("name")
    if name:
        description = Fact(draft.text(str(name)), f"from {manifest.where([*dat, 'name'])}")
    elif entry:
        words = (
            draft.text(entry["en"])
            if entry.get("custom")
            else {"nb": entry["nb"], "en": entry["en"]}
        )
        description = Fact(words, f"data use {use} at {uat}")
    else:
        description = Fact(draft.text(UNKNOWN), f"{manifest.where(dat)} names no purpose")
        draft.warn(manifest.where(dat), "a privacy declaration without a name or data use")
    purpose: dict[str, Any] = {
        "id": draft.new_id(
            str(use or name or "purpose").replace(".", "-").replace("_", "-"), "purpose"
        ),
        "description": description,
    }
    raw = declaration.get("legal_basis_for_processing")
    bat = manifest.where([*dat, "legal_basis_for_processing"])
    basis = crosswalk()["legal_bases"].get(as_text(raw)) if raw else None
    if raw and basis is None:
        draft.warn(
            bat,
            f"'{raw}' is not a fideslang legal basis (one of "
            + ", ".join(crosswalk()["legal_bases"])
            + "); recorded as unknown",
        )
    if basis is None and entry and entry.get("legal_basis"):
        basis, bat = str(entry["legal_basis"]), uat
    if basis is None:
        purpose["legal_basis"] = Fact(UNKNOWN, f"{manifest.where(dat)} gives no legal basis")
    else:
        purpose["legal_basis"] = Fact(_basis_tree(draft, basis, declaration), f"from {bat}")
    if entry and entry.get("direct_marketing"):
        purpose["direct_marketing"] = Fact(True, f"data use {use} at {uat}")
    if entry and entry.get("electronic_marketing"):
        purpose["electronic_marketing"] = Fact(True, f"data use {use} at {uat}")
    return purpose


def _basis_tree(draft: Draft, basis: str, declaration: dict[str, Any]) -> dict[str, Any]:
    missing = "fideslang has no field for it"
    tree: dict[str, Any] = {"basis": basis}
    if basis == "consent":
        tree["collection"] = Fact(UNKNOWN, missing)
        tree["withdrawal"] = Fact(UNKNOWN, missing)
    elif basis == "contract":
        tree["contract"] = Fact(draft.text(UNKNOWN), f"which contract: {missing}")
    elif basis in ("legal_obligation", "public_task"):
        tree["source"] = Fact(UNKNOWN, f"statute and section: {missing}")
    elif basis == "vital_interest":
        tree["explanation"] = Fact(draft.text(UNKNOWN), missing)
    else:
        tree["interest"] = Fact(UNKNOWN, f"the interest: {missing}")
    return tree


def _transfers(
    draft: Draft,
    manifest: Manifest,
    item: dict[str, Any],
    at: list[str | int],
    activity: dict[str, Any],
    *,
    vendor: str | None,
) -> None:
    countries = item.get("third_country_transfers") or []
    if not countries:
        if item.get("does_international_transfers") is True:
            where = manifest.where([*at, "does_international_transfers"])
            draft.warn(
                where,
                "the system transfers data outside the EEA, but fideslang 2+ does not say to "
                "which countries; add them to the locations of the parties concerned",
            )
            activity["notes"] = Fact(
                "Transfers outside the EEA to countries the manifest does not name.",
                f"from {where}",
            )
        return
    tat = manifest.where([*at, "third_country_transfers"])
    bases = as_list(item.get("legal_basis_for_transfers"))
    mechanisms = {crosswalk()["transfer_bases"].get(as_text(b)) for b in bases} - {None}
    mechanism: Any = Fact(UNKNOWN, f"{tat} names no transfer basis")
    if len(mechanisms) == 1:
        mechanism = Fact(
            {"mechanism": mechanisms.pop()},
            f"from {manifest.where([*at, 'legal_basis_for_transfers'])}",
        )
    loose = []
    for i, raw in enumerate(countries if isinstance(countries, list) else [countries]):
        code = country_code(str(raw))
        if code is None:
            draft.warn(
                manifest.where([*at, "third_country_transfers", i]),
                f"'{raw}' is not an ISO 3166 country; not recorded",
            )
        elif vendor is not None:
            draft.add_location(
                vendor, code, manifest.where([*at, "third_country_transfers", i]), mechanism
            )
        else:
            loose.append(code)
    if loose:
        draft.warn(
            tat,
            f"third countries {', '.join(loose)} with no company behind the system "
            "(legal_name); kept in notes",
        )
        activity["notes"] = Fact(
            f"Third countries in the manifest: {', '.join(loose)}.", f"from {tat}"
        )


def _organization(
    draft: Draft, manifest: Manifest, item: dict[str, Any], at: list[str | int]
) -> None:
    check_keys(draft, manifest, item, at, "organization")
    org = draft.organisation
    if item.get("name") and "name" not in org:
        org["name"] = Fact(str(item["name"]), f"from {manifest.where([*at, 'name'])}")
    controller = item.get("controller")
    if isinstance(controller, dict):
        cat = [*at, "controller"]
        if controller.get("name"):
            org["name"] = Fact(str(controller["name"]), f"from {manifest.where([*cat, 'name'])}")
        if email(controller.get("email")):
            org["email"] = Fact(
                email(controller.get("email")), f"from {manifest.where([*cat, 'email'])}"
            )
        elif controller.get("email"):
            draft.warn(manifest.where([*cat, "email"]), "no e-mail address here; not recorded")
        if controller.get("phone"):
            org["phone"] = Fact(str(controller["phone"]), f"from {manifest.where([*cat, 'phone'])}")
        if controller.get("address"):
            address_fact(draft, str(controller["address"]), manifest.where([*cat, "address"]))
    officer = item.get("data_protection_officer")
    if isinstance(officer, dict) and email(officer.get("email")):
        dat = [*at, "data_protection_officer"]
        dpo: dict[str, Any] = {"appointed": True}
        if officer.get("name"):
            dpo["name"] = str(officer["name"])
        dpo["email"] = email(officer["email"])
        if officer.get("phone"):
            dpo["phone"] = str(officer["phone"])
        org["dpo"] = Fact(dpo, f"from {manifest.where(dat)}")
    for key in ("representative", "security_policy"):
        if item.get(key):
            draft.warn(
                manifest.where([*at, key]),
                f"'{key}' has no place in the registry's organisation; not imported",
            )


def _dpo(draft: Draft, text: str, where: str) -> None:
    dpo_fact(draft, text, where)
