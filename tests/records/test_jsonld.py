"""The DPV JSON-LD as a linked-data reader sees it: rdflib parses it into triples, and every
term it uses is one DPV 2.3 defines (the term lists of the release, in tests/data/dpv)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from holte_ropa import load_registry
from holte_ropa.records._formats import export_record
from tests.conftest import FIXTURES, ROOT, MakeRegistry

SMALL = FIXTURES / "small"
DATA = Path(__file__).parents[1] / "data" / "dpv"
DPV = rdflib.Namespace("https://w3id.org/dpv#")
GDPR = rdflib.Namespace("https://w3id.org/dpv/legal/eu/gdpr#")
LOC = rdflib.Namespace("https://w3id.org/dpv/loc#")
XSD_DURATION = rdflib.URIRef("http://www.w3.org/2001/XMLSchema#duration")


def _terms(name: str) -> frozenset[str]:
    return frozenset((DATA / name).read_text(encoding="utf-8").split())


DPV_23 = _terms("dpv-2.3-terms.txt")
GDPR_23 = _terms("eu-gdpr-2.3-terms.txt")
LOC_23 = _terms("loc-2.3-countries.txt")

# The DPV terms the export is written to use (see holte_ropa/records/_jsonld.py); the
# registry below reaches every one of them, and each must be in the DPV 2.3 release.
USED_DPV_TERMS = frozenset(
    {
        # classes
        "Authority",
        "CrossBorderTransfer",
        "DataController",
        "DataProcessor",
        "DataSubProcessor",
        "DataSubject",
        "InternationalOrganisation",
        "JointDataControllers",
        "LegalBasis",
        "LegalEntity",
        "NotAvailable",
        "PersonalData",
        "Process",
        "Purpose",
        "Recipient",
        "SpecialCategoryPersonalData",
        "StorageDuration",
        "SubProcessorAgreement",
        "TechnicalOrganisationalMeasure",
        "TemporalDuration",
        "ThirdParty",
        "UntilEventDuration",
        # properties
        "hasApplicability",
        "hasContact",
        "hasCountry",
        "hasDataController",
        "hasDataProcessor",
        "hasDataSubject",
        "hasDuration",
        "hasJointDataControllers",
        "hasLegalBasis",
        "hasName",
        "hasParty",
        "hasPersonalData",
        "hasProcess",
        "hasProcessing",
        "hasPurpose",
        "hasRecipient",
        "hasStorageCondition",
        "hasTechnicalOrganisationalMeasure",
        "hasThirdCountry",
        # added for the fresh-eyes review of issue 14
        "IdentifyingPersonalData",
        "Law",
        "hasApplicableLaw",
    }
)


def _graph(data: bytes) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=data, format="json-ld")
    return graph


def _jsonld(folder: Path, base_url: str | None = None) -> bytes:
    return export_record(load_registry(folder), "controller", "jsonld", base_url=base_url)


def _node(graph: rdflib.Graph, suffix: str) -> rdflib.term.Node:
    return next(s for s in set(graph.subjects()) if str(s).endswith(suffix))


def _dpv_iris(graph: rdflib.Graph) -> set[str]:
    """Every IRI in the graph from the DPV family of namespaces (https://w3id.org/dpv...)."""
    nodes = {node for triple in graph for node in triple}
    return {
        str(n)
        for n in nodes
        if isinstance(n, rdflib.URIRef) and str(n).startswith("https://w3id.org/dpv")
    }


def _not_in_dpv_23(iris: set[str]) -> set[str]:
    """The IRIs that DPV 2.3 does not define (a typo, a 1.x spelling, a deprecated term)."""
    bad = set()
    for iri in iris:
        namespace, _, term = iri.rpartition("#")
        known = {str(DPV): DPV_23, str(GDPR): GDPR_23, str(LOC): LOC_23}.get(namespace + "#")
        if known is None or term not in known:
            bad.add(iri)
    return bad


# --------------------------------------------------------------------------- the triples


def test_rdflib_reads_each_purpose_with_its_own_legal_basis() -> None:
    graph = _graph(_jsonld(SMALL))
    newsletter = _node(graph, ":activity/newsletter")
    (process,) = (
        p for p in graph.objects(newsletter, DPV.hasProcess) if (p, DPV.hasPurpose, None) in graph
    )
    purpose = next(graph.objects(process, DPV.hasPurpose))
    assert (purpose, RDF.type, DPV.Purpose) in graph
    assert (process, DPV.hasLegalBasis, GDPR["A6-1-a"]) in graph
    # an activity's bases are its purposes' bases, each kept with its own purpose
    assert list(graph.objects(newsletter, DPV.hasLegalBasis)) == []


def test_two_purposes_with_different_bases_do_not_share_them(make_registry: MakeRegistry) -> None:
    folder = make_registry({"registry.yaml": _EVERY_BRANCH})
    graph = _graph(_jsonld(folder))
    shop = _node(graph, ":activity/shop")
    bases = {
        str(next(graph.objects(p, DPV.hasPurpose))).rsplit("/", 1)[-1]: set(
            graph.objects(p, DPV.hasLegalBasis)
        )
        for p in graph.objects(shop, DPV.hasProcess)
        if (p, DPV.hasPurpose, None) in graph
    }
    assert bases == {point: {GDPR[f"A6-1-{point}"]} for point in "abcdef"}


def test_a_period_after_an_event_keeps_both_the_period_and_the_event() -> None:
    graph = _graph(_jsonld(SMALL))
    hosting = _node(graph, ":activity/hosting")
    storage = next(graph.objects(hosting, DPV.hasStorageCondition))
    assert (storage, RDF.type, DPV.StorageDuration) in graph
    event = next(graph.objects(storage, DPV.hasDuration))
    assert (event, RDF.type, DPV.UntilEventDuration) in graph
    words = {(o.language, str(o)) for o in graph.objects(event, DCTERMS.description)}
    assert words == {("nb", "oppsigelse"), ("en", "termination")}
    period = next(graph.objects(event, DPV.hasDuration))
    assert (period, RDF.type, DPV.TemporalDuration) in graph
    value = next(graph.objects(period, RDF.value))
    assert (str(value), value.datatype) == ("P5Y", XSD_DURATION)


def test_holtes_recruitment_is_kept_zero_days_after_the_recruitment_closes() -> None:
    graph = _graph(_jsonld(ROOT / "registry"))
    recruitment = _node(graph, ":activity/recruitment")
    storage = next(graph.objects(recruitment, DPV.hasStorageCondition))
    event = next(graph.objects(storage, DPV.hasDuration))
    assert (event, RDF.type, DPV.UntilEventDuration) in graph
    assert (event, RDF.type, DPV.TemporalDuration) not in graph  # never a bare "0 days"
    assert "the end of the recruitment" in {
        str(o) for o in graph.objects(event, DCTERMS.description)
    }
    period = next(graph.objects(event, DPV.hasDuration))
    assert str(next(graph.objects(period, RDF.value))) == "P0D"


def test_the_organisation_holds_the_role_each_activity_gives_it() -> None:
    graph = _graph(_jsonld(SMALL))
    org = _node(graph, ":organisation/acme")
    assert {DPV.LegalEntity, DPV.DataController, DPV.DataProcessor} <= set(
        graph.objects(org, RDF.type)
    )
    hosting = _node(graph, ":activity/hosting")  # Acme processes for its customers here
    assert (hosting, DPV.hasDataProcessor, org) in graph
    assert (hosting, DPV.hasDataController, org) not in graph
    newsletter = _node(graph, ":activity/newsletter")
    assert (newsletter, DPV.hasDataController, org) in graph


def test_a_controller_only_organisation_is_not_typed_a_processor(
    make_registry: MakeRegistry,
) -> None:
    folder = make_registry({"registry.yaml": _EVERY_BRANCH})
    graph = _graph(_jsonld(folder))
    org = next(graph.subjects(RDF.type, DPV.LegalEntity))
    assert (org, RDF.type, DPV.DataController) in graph
    assert (org, RDF.type, DPV.DataProcessor) not in graph


def test_unknown_facts_are_never_exported_as_values(make_registry: MakeRegistry) -> None:
    organisation = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    for field, value in (
        ('org_number: "923609016"', "org_number: unknown"),
        ("email: post@acme.no", "email: unknown"),
        ("privacy_contact: personvern@acme.no", "privacy_contact: unknown"),
    ):
        organisation = organisation.replace(field, value)
    folder = make_registry(
        {"organisation.yaml": organisation, "registry.yaml": _UNKNOWNS}, organisation=False
    )
    data = _jsonld(folder)
    assert b"unknown" not in data.lower()
    graph = _graph(data)
    org = next(graph.subjects(RDF.type, DPV.LegalEntity))
    assert list(graph.objects(org, DCTERMS.identifier)) == []
    assert list(graph.objects(org, DPV.hasContact)) == []
    # what the law asks for and the record lacks is marked "applicable, not available yet"
    missing = set(graph.subjects(DPV.hasApplicability, DPV.NotAvailable))
    kinds = {o for m in missing for o in graph.objects(m, RDF.type)}
    assert kinds == {DPV.LegalBasis, DPV.StorageDuration, DPV.TemporalDuration}
    basis = next(m for m in missing if (m, RDF.type, DPV.LegalBasis) in graph)
    assert (None, DPV.hasLegalBasis, basis) in graph


def test_iris_are_fragments_of_the_published_record_under_the_sites_base_url() -> None:
    graph = _graph(_jsonld(SMALL, base_url="https://acme.example/personvern/"))
    activity = _node(graph, "#activity/newsletter")
    assert str(activity) == "https://acme.example/personvern/record.jsonld#activity/newsletter"
    nodes = {n for s, _, o in graph for n in (s, o) if isinstance(n, rdflib.URIRef)}
    ours = {str(n) for n in nodes} - _dpv_iris(graph)
    assert len(ours) > 10
    assert {i for i in ours if not i.startswith("https://acme.example/personvern/")} == set()


def test_without_a_base_url_the_iris_are_urn_names() -> None:
    payload = json.loads(_jsonld(SMALL))
    assert payload["@context"]["ropa"] == "urn:holte-ropa:acme:"


@pytest.mark.parametrize("url", ["ftp://x y", "ftp://example.no/", "example.no", "https://x y/"])
def test_a_base_url_that_is_not_an_absolute_http_url_is_refused_with_a_reason(url: str) -> None:
    with pytest.raises(ValueError, match=r"http|IRI"):
        _jsonld(SMALL, base_url=url)


def test_the_cli_refuses_a_bad_base_url_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    from holte_ropa.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["export", "record", str(SMALL), "--format", "jsonld", "--base-url", "ftp://x y"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "--base-url" in err
    assert "'ftp://x y' is not an absolute http or https URL" in err
    assert "Traceback" not in err


# --------------------------------------------------------------------------- more facts


def test_the_art_9_condition_the_statute_national_ids_and_the_scc_module_are_exported(
    make_registry: MakeRegistry,
) -> None:
    graph = _graph(_jsonld(make_registry({"registry.yaml": _EVERY_BRANCH})))
    activity = _node(graph, ":activity/shop")
    assert (activity, DPV.hasLegalBasis, GDPR["A9-2-h"]) in graph
    law = graph.value(_node(graph, ":activity/shop/purpose/c/process"), DPV.hasApplicableLaw)
    assert (law, RDF.type, DPV.Law) in graph
    assert str(graph.value(law, RDFS.label)) == "bokføringsloven § 13"
    assert str(graph.value(law, RDFS.seeAlso)) == "https://lovdata.no/lov/2004-11-19-73/%C2%A713"
    assert (_node(graph, ":data/fnr"), RDF.type, DPV.IdentifyingPersonalData) in graph
    transfer = _node(graph, "/transfer/host/IN/processing")
    assert str(graph.value(transfer, RDFS.comment)) == "mechanism: scc, module 2"


def test_parties_are_named_by_legal_name_with_the_trade_name_beside_it(
    make_registry: MakeRegistry,
) -> None:
    graph = _graph(_jsonld(make_registry({"registry.yaml": _EVERY_BRANCH})))
    host = _node(graph, ":party/host")
    assert str(graph.value(host, DPV.hasName)) == "Host Inc."
    assert str(graph.value(host, SKOS.altLabel)) == "Host"


def test_an_appointed_dpo_is_the_organisations_data_protection_officer(
    make_registry: MakeRegistry,
) -> None:
    organisation = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    appointed = organisation.replace(
        "    appointed: false\n"
        "    reason_none: {nb: Ingen plikt etter art. 37., en: Not required by Art. 37.}\n",
        "    appointed: true\n    name: Kari Nordmann\n    email: dpo@acme.no\n",
    )
    assert appointed != organisation
    graph = _graph(_jsonld(make_registry({"organisation.yaml": appointed}, organisation=False)))
    officer = graph.value(_node(graph, ":organisation/acme"), DPV.hasDataProtectionOfficer)
    assert (officer, RDF.type, DPV.DataProtectionOfficer) in graph
    assert str(graph.value(officer, DPV.hasName)) == "Kari Nordmann"
    assert str(graph.value(officer, DPV.hasContact)) == "mailto:dpo@acme.no"
    assert {"DataProtectionOfficer", "hasDataProtectionOfficer"} <= DPV_23


# --------------------------------------------------------------------------- DPV 2.3


@pytest.mark.parametrize("folder", [SMALL, ROOT / "registry"], ids=["small", "holte"])
def test_every_dpv_term_in_the_jsonld_is_defined_by_dpv_2_3(folder: Path) -> None:
    iris = _dpv_iris(_graph(_jsonld(folder)))
    assert iris, "the export uses no DPV terms at all"
    assert _not_in_dpv_23(iris) == set()


def test_every_branch_of_the_export_uses_exactly_the_listed_terms(
    make_registry: MakeRegistry,
) -> None:
    folder = make_registry({"registry.yaml": _EVERY_BRANCH, "unknowns.yaml": _UNKNOWNS})
    iris = _dpv_iris(_graph(_jsonld(folder)))
    assert _not_in_dpv_23(iris) == set()
    used = {iri.rpartition("#")[2] for iri in iris if iri.startswith(str(DPV))}
    assert used == USED_DPV_TERMS, "the list names a term the export never uses"
    assert USED_DPV_TERMS <= DPV_23
    cited = {iri.rpartition("#")[2] for iri in iris if iri.startswith(str(GDPR))}
    assert cited == {
        *(f"A6-1-{p}" for p in "abcdef"),
        "A9-2-h",
        "A45-3",
        "A46-2-b",
        "A46-2-c",
        *(f"A49-1-{p}" for p in "abcdefg"),
    }


def test_a_transfer_to_an_international_organisation_has_its_basis_and_no_country(
    make_registry: MakeRegistry,
) -> None:
    folder = make_registry({"registry.yaml": _EVERY_BRANCH, "unknowns.yaml": _UNKNOWNS})
    graph = _graph(_jsonld(folder))
    transfer = _node(graph, "activity/shop/transfer/epo/EPO")
    assert (transfer, DPV.hasLegalBasis, GDPR["A45-3"]) in graph
    assert list(graph.objects(transfer, DPV.hasThirdCountry)) == []
    party = _node(graph, ":party/epo")
    assert (party, rdflib.RDF.type, DPV.InternationalOrganisation) in graph


def test_a_typo_a_dpv_1_namespace_or_a_deprecated_term_is_caught() -> None:
    assert _not_in_dpv_23(
        {
            str(DPV.hasDataProcesor),
            str(GDPR["A6-1-g"]),
            "https://w3id.org/dpv/dpv-gdpr#A6-1-a",
            str(LOC.XX),
            str(DPV.WithinDevice),  # deprecated in 2.3
        }
    ) == {
        str(DPV.hasDataProcesor),
        str(GDPR["A6-1-g"]),
        "https://w3id.org/dpv/dpv-gdpr#A6-1-a",
        str(LOC.XX),
        str(DPV.WithinDevice),
    }


# --------------------------------------------------------------------------- registries

# Every branch of the export at least once: all six Art. 6(1) bases, every transfer
# mechanism including each Art. 49(1) derogation, every party role, joint controllers,
# fixed and event-bound retention.
_EVERY_BRANCH = """\
data_categories:
  - {id: name, name: {en: Name}}
  - {id: health, name: {en: Health}, kind: special}
  - {id: fnr, name: {en: National ID number}, kind: national_id}
subject_categories:
  - {id: customers, name: {en: Customers}}
security_measures:
  - {id: tls, name: {en: TLS}, description: {en: TLS everywhere.}}
activities:
  - id: shop
    name: {en: Shop}
    description: {en: We sell things.}
    role: joint_controller
    joint_controllers: [partner]
    arrangement: {en: We share the shop with a partner.}
    purposes:
      - id: a
        description: {en: A}
        legal_basis: {basis: consent, collection: unknown, withdrawal: unknown}
      - {id: b, description: {en: B}, legal_basis: {basis: contract, contract: {en: Terms}}}
      - id: c
        description: {en: C}
        legal_basis:
          basis: legal_obligation
          source: {statute: bokføringsloven, section: "§ 13", url: "https://lovdata.no/lov/2004-11-19-73/§13"}
      - {id: d, description: {en: D}, legal_basis: {basis: vital_interest, explanation: {en: Life}}}
      - {id: e, description: {en: E}, legal_basis: {basis: public_task, source: unknown}}
      - {id: f, description: {en: F}, legal_basis: {basis: legitimate_interest, interest: unknown}}
    subject_categories: [customers]
    data_categories: [name, health, fnr]
    special_category_condition: "9(2)(h)"
    national_id_justification: {en: Identify patients safely.}
    recipients: {processors: [host], controllers: [bank, epo], authorities: [tax]}
    retention:
      - {duration: {months: 6}, description: {en: Six months}}
      - {duration: {years: 1}, trigger: last_contact, description: {en: A year after contact}}
      - {duration: until_consent_withdrawn, description: {en: Until withdrawn}}
    security_measures: [tls]
parties:
  - {id: partner, legal_name: Partner AS, trade_name: Partner, role: joint_controller,
     service: {en: Co-runs the shop}, locations: [{country: NO}]}
  - {id: bank, legal_name: Bank ASA, trade_name: Bank, role: controller,
     service: {en: Payments}, locations: [{country: NO}]}
  - {id: epo, legal_name: European Patent Organisation, trade_name: EPO, role: controller,
     service: {en: Patents}, locations: [{country: DE}],
     international_organisation: {code: EPO, mechanism: {mechanism: adequacy}}}
  - {id: tax, legal_name: Skatteetaten, trade_name: Skatteetaten, role: authority,
     service: {en: Tax}, locations: [{country: NO}]}
  - {id: client, legal_name: Client AS, trade_name: Client, role: customer,
     service: {en: Buys hosting}, locations: unknown}
  - id: host
    legal_name: Host Inc.
    trade_name: Host
    role: processor
    service: {en: Hosting}
    locations:
      - {country: CH, mechanism: {mechanism: adequacy}}
      - {country: US, mechanism: {mechanism: dpf}}
      - {country: IN, mechanism: {mechanism: scc, module: 2}}
      - {country: BR, mechanism: {mechanism: bcr}}
      - {country: AU, mechanism: {mechanism: derogation, point: a, occasional: true}}
      - {country: ZA, mechanism: {mechanism: derogation, point: b, occasional: true}}
      - {country: SG, mechanism: {mechanism: derogation, point: c, occasional: true}}
      - {country: MX, mechanism: {mechanism: derogation, point: d, occasional: true}}
      - {country: TR, mechanism: {mechanism: derogation, point: e, occasional: true}}
      - {country: AE, mechanism: {mechanism: derogation, point: f, occasional: true}}
      - {country: EG, mechanism: {mechanism: derogation, point: g, occasional: true}}
  - {id: backup, legal_name: Backup Ltd, trade_name: Backup, role: sub_processor,
     engaged_by: host, service: {en: Backup}, locations: [{country: SE}]}
"""

# An activity whose legal basis, retention period and transfer basis are unknown.
_UNKNOWN_ACTIVITY = """\
  - id: support
    name: {en: Support}
    description: {en: We answer questions.}
    role: controller
    purposes:
      - {id: answer, description: {en: Answer questions}, legal_basis: unknown}
    subject_categories: [callers]
    data_categories: [phone]
    recipients: {processors: [helpdesk]}
    retention:
      - {duration: unknown, trigger: purpose_fulfilled, description: {en: As long as needed}}
  - id: archive
    name: {en: Archive}
    description: {en: We keep old letters.}
    role: controller
    purposes:
      - {id: keep, description: {en: Keep letters}, legal_basis: unknown}
    subject_categories: [callers]
    data_categories: [phone]
    recipients: none
    retention: unknown
"""
_UNKNOWN_PARTY = """\
  - {id: helpdesk, legal_name: unknown, trade_name: Helpdesk, role: processor,
     service: {en: Tickets}, locations: [{country: US, mechanism: unknown}]}
"""
_UNKNOWNS = (
    "data_categories:\n  - {id: phone, name: {en: Phone}}\n"
    "subject_categories:\n  - {id: callers, name: {en: Callers}}\n"
    "activities:\n" + _UNKNOWN_ACTIVITY + "parties:\n" + _UNKNOWN_PARTY
)
