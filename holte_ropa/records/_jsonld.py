"""The record as W3C Data Privacy Vocabulary (DPV) 2.3 JSON-LD: both roles, both languages.

For tools that read linked data: every activity, purpose with its legal basis (GDPR Art.
6), recipient, transfer (Art. 44-49) and storage condition as DPV terms. Every ``dpv:``,
``eu-gdpr:`` and ``loc:`` term is one the DPV 2.3 release defines (the tests hold the
export against the term lists of w3c/dpv's ``2.3/`` folder, vendored under tests/data/dpv).

How the record maps to DPV, where DPV leaves a choice:

- The organisation is a ``dpv:LegalEntity`` with the roles it holds somewhere in the
  record (``dpv:DataController``, ``dpv:DataProcessor``); which role it holds in an
  activity is said by the activity (``dpv:hasDataController`` or ``dpv:hasDataProcessor``).
- Each purpose is a ``dpv:Process`` of its own inside the activity (``dpv:hasProcess``),
  with that purpose and its one legal basis, so a basis never spreads to the activity's
  other purposes.
- A retention period counted from an event ("5 years after termination") is a
  ``dpv:UntilEventDuration`` naming the event and holding the period as a
  ``dpv:TemporalDuration``, as DPV's example E0048 ("6 months from account closure") does.
- What the record writes ``unknown`` is never exported as a value: a fact the law asks for
  (a legal basis, a retention period, a transfer's basis) is marked
  ``dpv:hasApplicability dpv:NotAvailable`` (applicable, but not available yet); anything
  else unknown (an organisation number, an e-mail address, countries) is left out.
- IRIs are fragments of ``<base_url>/record.jsonld`` when the site's base URL is given, so
  they resolve once the file is published there; without one they are ``urn:holte-ropa:``
  names, which identify but do not resolve.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from holte_ropa.graph._labels import mechanism_code
from holte_ropa.model._models import (
    Activity,
    Duration,
    Party,
    PartyRole,
    Purpose,
    RetentionRule,
    Text,
    TransferMechanism,
    Unknown,
    is_unknown,
)
from holte_ropa.model._registry import Registry, Transfer
from holte_ropa.terms import RETENTION_TRIGGERS

__all__ = ["base_url_problem", "to_jsonld"]

# Where each term is defined in the DPV 2.3 release (w3c/dpv, folder 2.3/):
#   dpv/modules/process.csv               Process, hasProcess
#   dpv/modules/purposes.csv              Purpose, hasPurpose
#   dpv/modules/legal_basis.csv           LegalBasis, hasLegalBasis
#   dpv/modules/personal_data.csv         PersonalData, SpecialCategoryPersonalData,
#                                         hasPersonalData
#   dpv/modules/entities.csv              LegalEntity, hasName, hasContact
#   dpv/modules/entities_legalrole.csv    DataController, DataProcessor, DataSubProcessor,
#                                         JointDataControllers, Recipient, ThirdParty,
#                                         hasDataController, hasDataProcessor,
#                                         hasJointDataControllers, hasRecipient
#   dpv/modules/entities_datasubject.csv  DataSubject, hasDataSubject
#   dpv/modules/entities_authority.csv    Authority
#   dpv/modules/TOM.csv                   TechnicalOrganisationalMeasure,
#                                         hasTechnicalOrganisationalMeasure
#   dpv/modules/processing.csv            CrossBorderTransfer, hasProcessing
#   dpv/modules/jurisdiction.csv          hasCountry, hasThirdCountry
#   dpv/dpv.csv (module file not checked) InternationalOrganisation
#   dpv/modules/processing_context.csv    StorageDuration, hasStorageCondition
#   dpv/modules/context.csv               TemporalDuration, UntilEventDuration, hasDuration,
#                                         NotAvailable, hasApplicability
#   dpv/modules/contract_types.csv        SubProcessorAgreement
#   dpv/modules/contract.csv              hasParty
#   dpv/dpv.csv (the 2.3 term list)      DataProtectionOfficer, hasDataProtectionOfficer,
#                                         IdentifyingPersonalData (a national ID number),
#                                         Law, hasApplicableLaw (a legal obligation's statute)
#   legal/eu/gdpr: A6-1-a .. A6-1-f, A9-2-a .. A9-2-j, A45-3, A46-2-b, A46-2-c,
#                  A49-1-a .. A49-1-g
# DPV 2.3 has no term per module of the 2021 standard contractual clauses: a transfer
# under them is A46-2-c, and the module is said in its comment.
#   loc: loc:<ISO 3166-1 alpha-2>, e.g. loc:US
# GDPR Art. 47 has no term of its own: a transfer under binding corporate rules is A46-2-b.

_DPV = "https://w3id.org/dpv#"
_GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"
_LOC = "https://w3id.org/dpv/loc#"
_CONTEXT: dict[str, Any] = {
    "dpv": _DPV,
    "eu-gdpr": _GDPR,
    "loc": _LOC,
    "dct": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}
_BASIS = {
    "consent": "eu-gdpr:A6-1-a",
    "contract": "eu-gdpr:A6-1-b",
    "legal_obligation": "eu-gdpr:A6-1-c",
    "vital_interest": "eu-gdpr:A6-1-d",
    "public_task": "eu-gdpr:A6-1-e",
    "legitimate_interest": "eu-gdpr:A6-1-f",
}
_TRANSFER_BASIS = {
    "adequacy": "eu-gdpr:A45-3",
    "dpf": "eu-gdpr:A45-3",  # the EU-US Data Privacy Framework is an Art. 45(3) decision
    "scc": "eu-gdpr:A46-2-c",
    "bcr": "eu-gdpr:A46-2-b",
}
_PARTY_TYPES = {
    PartyRole.PROCESSOR: ["dpv:DataProcessor"],
    PartyRole.SUB_PROCESSOR: ["dpv:DataSubProcessor"],
    PartyRole.CONTROLLER: ["dpv:DataController", "dpv:ThirdParty"],
    PartyRole.JOINT_CONTROLLER: ["dpv:DataController"],
    PartyRole.AUTHORITY: ["dpv:Authority"],
    PartyRole.CUSTOMER: ["dpv:DataController"],
}
_DATA_TYPES: dict[str, str | list[str]] = {
    "special": "dpv:SpecialCategoryPersonalData",
    # a national ID number (personopplysningsloven § 12): identifying, DPV 2.3's nearest
    "national_id": ["dpv:PersonalData", "dpv:IdentifyingPersonalData"],
}
_NOT_AVAILABLE = {"dpv:hasApplicability": {"@id": "dpv:NotAvailable"}}
"""Marks a fact the law asks for that the record does not state yet (DPV 2.3 context)."""


def _texts(value: Text | Unknown | None) -> list[dict[str, str]]:
    if value is None or is_unknown(value):
        return []
    return [{"@value": v, "@language": k} for k, v in (("nb", value.nb), ("en", value.en)) if v]


def _ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def _refs(iris: Iterable[str]) -> list[dict[str, str]]:
    """Each IRI once, first occurrence first: repeats add nothing in RDF but noise in diffs."""
    return [_ref(iri) for iri in dict.fromkeys(iris)]


def _iso_duration(duration: Duration) -> str:
    parts = "".join(
        f"{n}{unit}"
        for n, unit in ((duration.years, "Y"), (duration.months, "M"), (duration.days, "D"))
        if n
    )
    return f"P{parts or '0D'}"


def base_url_problem(base_url: str) -> str | None:
    """Why ``base_url`` cannot be the base of the IRIs, or None when it can.

    It must be an absolute http or https URL with a host and no spaces or other characters
    an IRI may not hold (RFC 3987): ``ftp://x y`` gave IRIs rdflib dropped, 0 triples.
    """
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return (
            f"'{base_url}' is not an absolute http or https URL; give the address the site "
            "is published at, e.g. https://example.no/personvern/"
        )
    bad = sorted({c for c in base_url if c.isspace() or c in '<>"{}|\\^`' or ord(c) < 32})
    if bad:
        shown = ", ".join(repr(c) for c in bad)
        return f"'{base_url}' holds {shown}, which an IRI may not; percent-encode it (%20)"
    return None


def _base(registry: Registry, base_url: str | None) -> str:
    if base_url:
        problem = base_url_problem(base_url)
        if problem is not None:
            raise ValueError(problem)
        return f"{base_url.rstrip('/')}/record.jsonld#"
    return f"urn:holte-ropa:{registry.organisation.id}:"


def to_jsonld(registry: Registry, base_url: str | None = None) -> str:
    """The whole record as DPV JSON-LD (both languages), one ``dpv:Process`` per activity.

    ``base_url`` is where the site is published (``https://example.no/personvern/``):
    every node's IRI is then ``<base_url>/record.jsonld#<kind>/<id>``. Without it the IRIs
    are ``urn:holte-ropa:<organisation>:<kind>/<id>``. A ``base_url`` that is not an
    absolute http(s) URL raises ValueError (:func:`base_url_problem` says why).
    """
    context = {**_CONTEXT, "ropa": _base(registry, base_url)}
    graph: list[dict[str, Any]] = [_organisation_node(registry)]
    for category in registry.data_categories.values():
        kind = _DATA_TYPES.get(category.kind.value, "dpv:PersonalData")
        graph.append(
            {"@id": f"ropa:data/{category.id}", "@type": kind, "rdfs:label": _texts(category.name)}
        )
    for subject in registry.subject_categories.values():
        graph.append(
            {
                "@id": f"ropa:subject/{subject.id}",
                "@type": "dpv:DataSubject",
                "rdfs:label": _texts(subject.name),
            }
        )
    for measure in registry.security_measures.values():
        graph.append(
            {
                "@id": f"ropa:measure/{measure.id}",
                "@type": "dpv:TechnicalOrganisationalMeasure",
                "rdfs:label": _texts(measure.name),
            }
        )
    for party in registry.parties.values():
        graph.extend(_party_nodes(registry, party))
    for activity in registry.activities.values():
        graph.append(_activity_node(registry, activity))
    payload = {"@context": context, "@graph": graph}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _organisation_node(registry: Registry) -> dict[str, Any]:
    """The organisation: a legal entity typed by every role it holds in the record."""
    org = registry.organisation
    roles = {a.role.value for a in registry.activities.values()}
    types = ["dpv:LegalEntity"]
    if not roles or roles & {"controller", "joint_controller"}:
        types.append("dpv:DataController")
    if "processor" in roles:
        types.append("dpv:DataProcessor")
    node: dict[str, Any] = {
        "@id": f"ropa:organisation/{org.id}",
        "@type": types,
        "dpv:hasName": org.legal_name,
        "dpv:hasCountry": _ref(f"loc:{org.country}"),
    }
    contacts = [f"mailto:{e}" for e in (org.email, org.privacy_contact) if not is_unknown(e)]
    if contacts:
        node["dpv:hasContact"] = list(dict.fromkeys(contacts))
    if not is_unknown(org.org_number):
        node["dct:identifier"] = org.org_number
    if org.trade_name and org.trade_name != org.legal_name:
        node["skos:altLabel"] = org.trade_name
    dpo = org.dpo
    if not is_unknown(dpo) and dpo.appointed:  # Art. 37-39
        officer: dict[str, Any] = {"@type": "dpv:DataProtectionOfficer"}
        if dpo.name:
            officer["dpv:hasName"] = dpo.name
        contacts = [
            f"mailto:{dpo.email}" if dpo.email else "",
            f"tel:{dpo.phone}" if dpo.phone else "",
        ]
        officer["dpv:hasContact"] = [c.replace(" ", "") for c in contacts if c]
        node["dpv:hasDataProtectionOfficer"] = officer
    return node


def _party_types(party: Party) -> list[str]:
    """DPV's types for the party's role; none beyond Recipient while it is unknown."""
    return _PARTY_TYPES[party.role] if isinstance(party.role, PartyRole) else []


def _party_nodes(registry: Registry, party: Party) -> list[dict[str, Any]]:
    """The party, plus the Art. 28(4) engagement when a processor engaged it.

    DPV has no "engaged by" relation between entities; it models the engagement as the
    sub-processor agreement between the two, with both as ``dpv:hasParty``.
    """
    iri = f"ropa:party/{party.id}"
    node: dict[str, Any] = {
        "@id": iri,
        "@type": [
            "dpv:Recipient",
            *_party_types(party),
            *(["dpv:InternationalOrganisation"] if party.international_organisation else []),
        ],
        "dpv:hasName": party.trade_name
        if is_unknown(party.legal_name)
        else str(party.legal_name),  # the name in the agreement; the trade name beside it
        "rdfs:comment": _texts(party.service),
    }
    if not is_unknown(party.legal_name) and party.trade_name != party.legal_name:
        node["skos:altLabel"] = party.trade_name
    if not is_unknown(party.locations):
        node["dpv:hasCountry"] = _refs(f"loc:{loc.country}" for loc in party.locations)
    if party.engaged_by is None:
        return [node]
    engager = (
        f"ropa:party/{party.engaged_by}"
        if party.engaged_by in registry.parties
        else f"ropa:organisation/{party.engaged_by}"
    )
    agreement = {
        "@id": f"{iri}/engagement",
        "@type": "dpv:SubProcessorAgreement",
        "dpv:hasParty": [_ref(engager), _ref(iri)],
    }
    return [node, agreement]


def _activity_node(registry: Registry, activity: Activity) -> dict[str, Any]:
    org = f"ropa:organisation/{registry.organisation.id}"
    a = f"ropa:activity/{activity.id}"
    node: dict[str, Any] = {
        "@id": a,
        "@type": "dpv:Process",
        "rdfs:label": _texts(activity.name),
        "dct:description": _texts(activity.description),
        "dpv:hasPurpose": [_ref(f"{a}/purpose/{p.id}") for p in activity.purposes],
        "dpv:hasPersonalData": [_ref(f"ropa:data/{d}") for d in activity.data_categories],
        "dpv:hasDataSubject": [_ref(f"ropa:subject/{s}") for s in activity.subject_categories],
        "dpv:hasTechnicalOrganisationalMeasure": [
            _ref(f"ropa:measure/{m}") for m in activity.security_measures
        ],
    }
    if activity.special_category_condition is not None:  # "9(2)(h)" -> eu-gdpr:A9-2-h
        point = activity.special_category_condition[5]
        node["dpv:hasLegalBasis"] = _ref(f"eu-gdpr:A9-2-{point}")
    if activity.role.value == "processor":
        node["dpv:hasDataProcessor"] = _ref(org)
        if activity.processor is not None:
            node["dpv:hasDataController"] = {
                "@type": "dpv:DataController",
                "rdfs:label": _texts(activity.processor.controllers),
            }
    else:
        node["dpv:hasDataController"] = _ref(org)
    if activity.joint_controllers:
        node["dpv:hasJointDataControllers"] = {
            "@type": "dpv:JointDataControllers",
            "dpv:hasDataController": [_ref(org)]
            + [_ref(f"ropa:party/{p}") for p in activity.joint_controllers],
        }
    parties = registry.parties_of(activity)
    node["dpv:hasRecipient"] = [_ref(f"ropa:party/{p}") for p, _ in parties]
    processors = [
        p
        for p, _ in parties
        if registry.parties[p].role in (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR)
    ]
    if processors and activity.role.value != "processor":
        node["dpv:hasDataProcessor"] = [_ref(f"ropa:party/{p}") for p in processors]
    processes = [_purpose_process(a, p) for p in activity.purposes]
    processes += [_transfer_node(a, t) for t in registry.transfers_of(activity.id)]
    processes += [
        _organisation_transfer_node(a, registry.parties[p])
        for p, _ in parties
        if registry.parties[p].international_organisation is not None
    ]
    if processes:
        node["dpv:hasProcess"] = processes
    if is_unknown(activity.retention):
        node["dpv:hasStorageCondition"] = [
            {"@id": f"{a}/storage", "@type": "dpv:StorageDuration", **_NOT_AVAILABLE}
        ]
    elif activity.retention:
        node["dpv:hasStorageCondition"] = [
            _storage_node(a, index, rule) for index, rule in enumerate(activity.retention)
        ]
    return node


def _purpose_process(activity_iri: str, purpose: Purpose) -> dict[str, Any]:
    """One purpose and its one Art. 6(1) basis, as a process inside the activity."""
    iri = f"{activity_iri}/purpose/{purpose.id}"
    basis: dict[str, Any] = (
        {"@type": "dpv:LegalBasis", **_NOT_AVAILABLE}
        if is_unknown(purpose.legal_basis)
        else _ref(_BASIS[purpose.legal_basis.basis])
    )
    process: dict[str, Any] = {
        "@id": f"{iri}/process",
        "@type": "dpv:Process",
        "dpv:hasPurpose": {
            "@id": iri,
            "@type": "dpv:Purpose",
            "dct:description": _texts(purpose.description),
        },
        "dpv:hasLegalBasis": basis,
    }
    source = getattr(purpose.legal_basis, "source", None)  # Art. 6(1)(c) and (e): the law
    if source is not None and not is_unknown(source):
        law: dict[str, Any] = {"@type": "dpv:Law", "rdfs:label": str(source)}
        if source.url is not None:
            law["rdfs:seeAlso"] = _ref(str(source.url))
        process["dpv:hasApplicableLaw"] = law
    return process


def _transfer_node(activity_iri: str, transfer: Transfer) -> dict[str, Any]:
    """A transfer outside the EEA: DPV's cross-border transfer to a third country."""
    node: dict[str, Any] = {
        "@id": f"{activity_iri}/transfer/{transfer.party}/{transfer.country}/{transfer.access}",
        "@type": "dpv:Process",
        "dpv:hasProcessing": _ref("dpv:CrossBorderTransfer"),
        "dpv:hasRecipient": _ref(f"ropa:party/{transfer.party}"),
        "dpv:hasThirdCountry": _ref(f"loc:{transfer.country}"),
    }
    return _with_transfer_basis(node, transfer.mechanism)


def _organisation_transfer_node(activity_iri: str, party: Party) -> dict[str, Any]:
    """A transfer to an international organisation (GDPR Art. 44): no third country, the
    recipient typed ``dpv:InternationalOrganisation``."""
    organisation = party.international_organisation
    assert organisation is not None
    node: dict[str, Any] = {
        "@id": f"{activity_iri}/transfer/{party.id}/{organisation.code}",
        "@type": "dpv:Process",
        "dpv:hasProcessing": _ref("dpv:CrossBorderTransfer"),
        "dpv:hasRecipient": _ref(f"ropa:party/{party.id}"),
    }
    return _with_transfer_basis(node, organisation.mechanism)


def _with_transfer_basis(
    node: dict[str, Any], mechanism: TransferMechanism | Unknown | None
) -> dict[str, Any]:
    code = mechanism_code(mechanism)
    if code in _TRANSFER_BASIS:
        node["dpv:hasLegalBasis"] = _ref(_TRANSFER_BASIS[code])
        node["rdfs:comment"] = f"mechanism: {code}"
        module = getattr(mechanism, "module", None)
        if module is not None and not is_unknown(module):
            node["rdfs:comment"] += f", module {module}"
    elif code == "derogation":
        point = getattr(mechanism, "point", "a")
        node["dpv:hasLegalBasis"] = _ref(f"eu-gdpr:A49-1-{point}")
        node["rdfs:comment"] = f"mechanism: {code}"
    else:  # Chapter V asks for a basis the record does not state (yet)
        node["dpv:hasLegalBasis"] = {"@type": "dpv:LegalBasis", **_NOT_AVAILABLE}
    return node


def _temporal(duration: Duration) -> dict[str, Any]:
    return {
        "@type": "dpv:TemporalDuration",
        "rdf:value": {"@value": _iso_duration(duration), "@type": "xsd:duration"},
    }


def _storage_node(activity_iri: str, index: int, rule: RetentionRule) -> dict[str, Any]:
    """A retention rule as a storage duration: a period, an event, or a period after one."""
    node: dict[str, Any] = {
        "@id": f"{activity_iri}/storage/{index}",
        "@type": "dpv:StorageDuration",
        "dct:description": _texts(rule.description),
    }
    duration, trigger = rule.duration, rule.trigger
    if duration == "until_consent_withdrawn":
        trigger_words = RETENTION_TRIGGERS["consent_withdrawn"].label
        node["dpv:hasDuration"] = {
            "@type": "dpv:UntilEventDuration",
            "dct:description": _both(trigger_words.nb, trigger_words.en),
        }
        return node
    period: dict[str, Any] = (
        _temporal(duration)
        if isinstance(duration, Duration)
        else {"@type": "dpv:TemporalDuration", **_NOT_AVAILABLE}
    )
    if trigger is None:
        if isinstance(duration, Duration):
            node["dpv:hasDuration"] = period
        else:
            node.update(_NOT_AVAILABLE)  # neither a period nor an event is stated
        return node
    event: dict[str, Any] = {"@type": "dpv:UntilEventDuration", "dpv:hasDuration": period}
    if not is_unknown(trigger):  # an unknown trigger: an event, but the record names none
        words = RETENTION_TRIGGERS[str(trigger)].label
        event["dct:description"] = _both(words.nb, words.en)
    node["dpv:hasDuration"] = event
    return node


def _both(nb: str, en: str) -> list[dict[str, str]]:
    return [{"@value": nb, "@language": "nb"}, {"@value": en, "@language": "en"}]
