"""The record as W3C Data Privacy Vocabulary (DPV) JSON-LD: both roles, both languages.

For tools that read linked data: every activity, purpose, legal basis (GDPR Art. 6),
recipient, transfer (Art. 44-49) and storage condition as DPV terms, each term checked
against the DPV sources (see the list below).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from holte_ropa.graph._labels import mechanism_code
from holte_ropa.model._models import (
    UNKNOWN,
    Activity,
    Duration,
    Party,
    PartyRole,
    Purpose,
    Text,
    is_unknown,
)
from holte_ropa.model._registry import Registry, Transfer

# --------------------------------------------------------------------------- DPV JSON-LD
#
# Every dpv:, eu-gdpr: and loc: term below was checked against the DPV 2.2 source tables
# in the w3c/dpv repository (one CSV per module; columns term, type, iri), because the
# first version was written from memory. tests/test_record_formats.py holds the same
# terms as an allow-list, so a term that is not in this list fails the build.
#   2.2/dpv/modules/process.csv               Process, hasProcess
#   2.2/dpv/modules/purposes.csv              Purpose, hasPurpose
#   2.2/dpv/modules/legal_basis.csv           hasLegalBasis
#   2.2/dpv/modules/personal_data.csv         PersonalData, SpecialCategoryPersonalData,
#                                             hasPersonalData
#   2.2/dpv/modules/entities.csv              hasName, hasContact
#   2.2/dpv/modules/entities_legalrole.csv    DataController, DataProcessor, DataSubProcessor,
#                                             JointDataControllers, Recipient, ThirdParty,
#                                             hasDataController, hasDataProcessor,
#                                             hasJointDataControllers, hasRecipient
#   2.2/dpv/modules/entities_datasubject.csv  DataSubject, hasDataSubject
#   2.2/dpv/modules/entities_authority.csv    Authority
#   2.2/dpv/modules/TOM.csv                   TechnicalOrganisationalMeasure,
#                                             hasTechnicalOrganisationalMeasure
#   2.2/dpv/modules/processing.csv            CrossBorderTransfer, hasProcessing
#   2.2/dpv/modules/jurisdiction.csv          hasCountry, hasThirdCountry
#   2.2/dpv/modules/processing_context.csv    StorageDuration, hasStorageCondition
#   2.2/dpv/modules/context.csv               TemporalDuration, UntilEventDuration, hasDuration
#   2.2/dpv/modules/contract_types.csv        SubProcessorAgreement
#   2.2/dpv/modules/contract.csv              hasParty
#   2.2/legal/eu/gdpr/modules/legal_basis.csv                A6-1-a .. A6-1-f
#   2.2/legal/eu/gdpr/modules/legal_basis_data_transfer.csv  A45-3, A46-2-b, A46-2-c,
#                                                            A49-1-a .. A49-1-g
#   2.2/loc/modules/locations.csv             loc:<ISO 3166-1 alpha-2>, e.g. loc:US
# Where DPV 1.x and 2.x differ, this follows 2.x: the GDPR extension moved from
# https://w3id.org/dpv/dpv-gdpr# to eu-gdpr:, activities are dpv:Process (1.x
# dpv:PersonalDataHandling is deprecated), and dpv:CrossBorderTransfer is new in 2.x.
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


def _texts(value: Text | None) -> list[dict[str, str]]:
    if value is None:
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


def to_jsonld(registry: Registry) -> str:
    """The whole record as DPV JSON-LD (both languages), one ``dpv:Process`` per activity."""
    org = registry.organisation
    base = f"urn:holte-ropa:{org.id}:"
    context = {**_CONTEXT, "ropa": base}
    graph: list[dict[str, Any]] = [
        {
            "@id": f"ropa:organisation/{org.id}",
            "@type": "dpv:DataController"
            if not _is_processor_only(registry)
            else "dpv:DataProcessor",
            "dpv:hasName": org.legal_name,
            "dpv:hasContact": list(
                dict.fromkeys(
                    f"mailto:{address}"
                    for address in (org.email, org.privacy_contact)
                    if not is_unknown(address)
                )
            ),
            "dct:identifier": UNKNOWN.value if is_unknown(org.org_number) else org.org_number,
            "dpv:hasCountry": _ref(f"loc:{org.country}"),
        }
    ]
    for category in registry.data_categories.values():
        kind = (
            "dpv:SpecialCategoryPersonalData"
            if category.kind.value == "special"
            else "dpv:PersonalData"
        )
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


def _is_processor_only(registry: Registry) -> bool:
    return bool(registry.activities) and all(
        a.role.value == "processor" for a in registry.activities.values()
    )


def _party_nodes(registry: Registry, party: Party) -> list[dict[str, Any]]:
    """The party, plus the Art. 28(4) engagement when a processor engaged it.

    DPV has no "engaged by" relation between entities; it models the engagement as the
    sub-processor agreement between the two, with both as ``dpv:hasParty``.
    """
    iri = f"ropa:party/{party.id}"
    node: dict[str, Any] = {
        "@id": iri,
        "@type": ["dpv:Recipient", *_PARTY_TYPES[party.role]],
        "dpv:hasName": party.trade_name,
        "rdfs:comment": _texts(party.service),
    }
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
        "dpv:hasPurpose": [_purpose_node(a, p) for p in activity.purposes],
        "dpv:hasLegalBasis": _refs(
            _BASIS[p.legal_basis.basis] for p in activity.purposes if not is_unknown(p.legal_basis)
        ),
        "dpv:hasPersonalData": [_ref(f"ropa:data/{d}") for d in activity.data_categories],
        "dpv:hasDataSubject": [_ref(f"ropa:subject/{s}") for s in activity.subject_categories],
        "dpv:hasTechnicalOrganisationalMeasure": [
            _ref(f"ropa:measure/{m}") for m in activity.security_measures
        ],
    }
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
    transfers = registry.transfers_of(activity.id)
    if transfers:
        node["dpv:hasProcess"] = [_transfer_node(a, t) for t in transfers]
    if not is_unknown(activity.retention):
        node["dpv:hasStorageCondition"] = [
            _storage_node(a, index, rule.duration, rule.description)
            for index, rule in enumerate(activity.retention)
        ]
    return node


def _transfer_node(activity_iri: str, transfer: Transfer) -> dict[str, Any]:
    """A transfer outside the EEA: DPV's cross-border transfer to a third country."""
    code = mechanism_code(transfer.mechanism)
    if code in _TRANSFER_BASIS:
        bases = [_ref(_TRANSFER_BASIS[code])]
    elif code == "derogation":
        bases = [_ref(f"eu-gdpr:A49-1-{getattr(transfer.mechanism, 'point', 'a')}")]
    else:
        bases = []
    return {
        "@id": f"{activity_iri}/transfer/{transfer.party}/{transfer.country}/{transfer.access}",
        "@type": "dpv:Process",
        "dpv:hasProcessing": _ref("dpv:CrossBorderTransfer"),
        "dpv:hasRecipient": _ref(f"ropa:party/{transfer.party}"),
        "dpv:hasThirdCountry": _ref(f"loc:{transfer.country}"),
        "dpv:hasLegalBasis": bases,
        "rdfs:comment": f"mechanism: {code}",
    }


def _purpose_node(activity_iri: str, purpose: Purpose) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": f"{activity_iri}/purpose/{purpose.id}",
        "@type": "dpv:Purpose",
        "dct:description": _texts(purpose.description),
    }
    if not is_unknown(purpose.legal_basis):
        node["dpv:hasLegalBasis"] = _ref(_BASIS[purpose.legal_basis.basis])
    return node


def _storage_node(
    activity_iri: str, index: int, duration: object, description: Text
) -> dict[str, Any]:
    """A retention rule: a fixed period is a TemporalDuration, consent an UntilEventDuration."""
    node: dict[str, Any] = {
        "@id": f"{activity_iri}/storage/{index}",
        "@type": "dpv:StorageDuration",
        "dct:description": _texts(description),
    }
    if isinstance(duration, Duration):
        node["dpv:hasDuration"] = {
            "@type": "dpv:TemporalDuration",
            "rdf:value": {"@value": _iso_duration(duration), "@type": "xsd:duration"},
        }
    elif duration == "until_consent_withdrawn":
        node["dpv:hasDuration"] = {
            "@type": "dpv:UntilEventDuration",
            "rdfs:comment": "consent withdrawn",
        }
    return node
