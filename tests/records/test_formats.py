"""Record exports: the xlsx opens in openpyxl, the JSON-LD parses with rdflib and speaks DPV."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pycountry
import pytest
import rdflib
from openpyxl import load_workbook

from holte_ropa import load_registry
from holte_ropa.records._formats import RECORD_FORMATS, export_record
from tests.conftest import FIXTURES, ROOT, MakeRegistry

SMALL = FIXTURES / "small"
DPV = rdflib.Namespace("https://w3id.org/dpv#")
GDPR = rdflib.Namespace("https://w3id.org/dpv/legal/eu/gdpr#")
LOC = rdflib.Namespace("https://w3id.org/dpv/loc#")

# Every DPV term the JSON-LD export may use, each looked up in the DPV 2.2 source tables
# of the w3c/dpv repository (one CSV per module, columns term, type, iri):
#   2.2/dpv/modules/{process,purposes,legal_basis,personal_data,entities,
#     entities_legalrole,entities_datasubject,entities_authority,TOM,processing,
#     jurisdiction,processing_context,context,contract_types,contract}.csv
#   2.2/legal/eu/gdpr/modules/{legal_basis,legal_basis_data_transfer}.csv
# A term outside these lists, a typo or a DPV 1.x spelling, fails the build.
VERIFIED_DPV_TERMS = frozenset(
    {
        # classes
        "Authority",
        "CrossBorderTransfer",
        "DataController",
        "DataProcessor",
        "DataSubProcessor",
        "DataSubject",
        "JointDataControllers",
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
    }
)
VERIFIED_GDPR_TERMS = frozenset(
    {
        *(f"A6-1-{point}" for point in "abcdef"),
        "A45-3",
        "A46-2-b",
        "A46-2-c",
        *(f"A49-1-{point}" for point in "abcdefg"),
    }
)


def test_the_xlsx_opens_with_one_row_per_activity_and_purpose_under_a_frozen_header() -> None:
    registry = load_registry(ROOT / "registry")
    book = load_workbook(io.BytesIO(export_record(registry, "controller", "xlsx", "nb")))
    sheet = book.worksheets[0]
    assert sheet.freeze_panes == "C2"
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["ID", "Behandlingsaktivitet"]
    assert sheet["D1"].alignment.wrap_text and sheet["D1"].font.b
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True)]
    expected = [
        (a.id, p.id)
        for a in registry.activities.values()
        if a.role.value != "processor"
        for p in (a.purposes or [None])  # type: ignore[list-item]
    ]
    assert len(rows) == len(expected)
    assert [r[0] for r in rows] == [a for a, _ in expected]
    assert book.worksheets[1]["B1"].value == registry.organisation.legal_name


def test_the_processor_xlsx_holds_the_processor_activities() -> None:
    registry = load_registry(SMALL)
    book = load_workbook(io.BytesIO(export_record(registry, "processor", "xlsx", "en")))
    rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == ["hosting"]
    assert book.worksheets[0]["C1"].value == "Controllers we process for (Art. 30(2)(a))"


def test_csv_and_json_carry_the_same_rows() -> None:
    registry = load_registry(SMALL)
    rows = list(
        csv.reader(
            io.StringIO(export_record(registry, "controller", "csv", "en").decode("utf-8-sig"))
        )
    )
    payload = json.loads(export_record(registry, "controller", "json", "en"))
    assert len(rows) - 1 == len(payload["rows"]) == 1
    assert rows[1][0] == payload["rows"][0]["activity_id"] == "newsletter"
    assert payload["record"] == "GDPR Art. 30(1)"
    assert payload["rows"][0]["data_categories"] == ["Name", "E-mail address"]


def test_the_jsonld_parses_with_rdflib_and_uses_dpv_terms() -> None:
    graph = rdflib.Graph()
    graph.parse(data=export_record(load_registry(SMALL), "controller", "jsonld"), format="json-ld")
    processes = set(graph.subjects(rdflib.RDF.type, DPV.Process))
    newsletter = next(p for p in processes if str(p).endswith(":activity/newsletter"))
    purposes = list(graph.objects(newsletter, DPV.hasPurpose))
    assert len(purposes) == 1
    assert (purposes[0], DPV.hasLegalBasis, GDPR["A6-1-a"]) in graph
    assert (newsletter, DPV.hasLegalBasis, GDPR["A6-1-a"]) in graph
    assert any(True for _ in graph.objects(newsletter, DPV.hasDataProcessor))
    recipients = {str(o).rsplit("/", 1)[-1] for o in graph.objects(newsletter, DPV.hasRecipient)}
    assert recipients == {"mailtool"}
    transfer = next(graph.objects(newsletter, DPV.hasProcess))
    assert (transfer, DPV.hasProcessing, DPV.CrossBorderTransfer) in graph
    assert (transfer, DPV.hasLegalBasis, GDPR["A46-2-c"]) in graph
    assert (transfer, DPV.hasThirdCountry, LOC.US) in graph
    hosting = next(p for p in processes if str(p).endswith(":activity/hosting"))
    storage = next(graph.objects(hosting, DPV.hasStorageCondition))
    assert (storage, rdflib.RDF.type, DPV.StorageDuration) in graph
    duration = next(graph.objects(storage, DPV.hasDuration))
    assert (duration, rdflib.RDF.type, DPV.TemporalDuration) in graph
    assert str(next(graph.objects(duration, rdflib.RDF.value))) == "P5Y"
    assert (None, rdflib.RDF.type, DPV.SpecialCategoryPersonalData) in graph


def test_a_sub_processor_is_tied_to_the_processor_that_engaged_it_by_an_agreement() -> None:
    graph = _graph(export_record(load_registry(SMALL), "controller", "jsonld"))
    backup = next(
        s
        for s in graph.subjects(rdflib.RDF.type, DPV.DataSubProcessor)
        if str(s).endswith("/backup")
    )
    agreement = next(graph.subjects(DPV.hasParty, backup))
    assert (agreement, rdflib.RDF.type, DPV.SubProcessorAgreement) in graph
    parties = {str(p).rsplit("/", 1)[-1] for p in graph.objects(agreement, DPV.hasParty)}
    assert parties == {"backup", "cloud"}


@pytest.mark.parametrize("fmt", RECORD_FORMATS)
def test_every_record_export_is_byte_identical_across_two_runs(fmt: str) -> None:
    registry = load_registry(ROOT / "registry")
    first = export_record(registry, "controller", fmt, "nb")  # type: ignore[arg-type]
    if fmt == "xlsx":
        time.sleep(2.1)  # zip entry times have two-second resolution
    second = export_record(load_registry(ROOT / "registry"), "controller", fmt, "nb")  # type: ignore[arg-type]
    assert first == second


# Every branch of the export at least once: all six Art. 6(1) bases, every transfer
# mechanism including each Art. 49(1) derogation, every party role, joint controllers,
# fixed and event-bound retention.
_EVERY_BRANCH = """\
data_categories:
  - {id: name, name: {en: Name}}
  - {id: health, name: {en: Health}, kind: special}
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
      - {id: c, description: {en: C}, legal_basis: {basis: legal_obligation, source: unknown}}
      - {id: d, description: {en: D}, legal_basis: {basis: vital_interest, explanation: {en: Life}}}
      - {id: e, description: {en: E}, legal_basis: {basis: public_task, source: unknown}}
      - {id: f, description: {en: F}, legal_basis: {basis: legitimate_interest, interest: unknown}}
    subject_categories: [customers]
    data_categories: [name, health]
    recipients: {processors: [host], controllers: [bank], authorities: [tax]}
    retention:
      - {duration: {months: 6}, description: {en: Six months}}
      - {duration: until_consent_withdrawn, description: {en: Until withdrawn}}
    security_measures: [tls]
parties:
  - {id: partner, legal_name: Partner AS, trade_name: Partner, role: joint_controller,
     service: {en: Co-runs the shop}, locations: [{country: NO}]}
  - {id: bank, legal_name: Bank ASA, trade_name: Bank, role: controller,
     service: {en: Payments}, locations: [{country: NO}]}
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
      - {country: IN, mechanism: {mechanism: scc}}
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


def _graph(data: bytes) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=data, format="json-ld")
    return graph


def _dpv_iris(graph: rdflib.Graph) -> set[str]:
    """Every IRI in the graph from the DPV family of namespaces (https://w3id.org/dpv...)."""
    nodes = {node for triple in graph for node in triple}
    return {
        str(n)
        for n in nodes
        if isinstance(n, rdflib.URIRef) and str(n).startswith("https://w3id.org/dpv")
    }


def _unverified(iris: set[str]) -> set[str]:
    """The IRIs that are neither a verified dpv:/eu-gdpr: term nor an ISO country in loc:."""
    bad = set()
    for iri in iris:
        namespace, _, term = iri.rpartition("#")
        if namespace == str(DPV).rstrip("#"):
            ok = term in VERIFIED_DPV_TERMS
        elif namespace == str(GDPR).rstrip("#"):
            ok = term in VERIFIED_GDPR_TERMS
        elif namespace == str(LOC).rstrip("#"):
            ok = pycountry.countries.get(alpha_2=term) is not None
        else:
            ok = False  # e.g. the DPV 1.x https://w3id.org/dpv/dpv-gdpr# namespace
        if not ok:
            bad.add(iri)
    return bad


@pytest.mark.parametrize("folder", [SMALL, ROOT / "registry"], ids=["small", "holte"])
def test_every_dpv_term_in_the_jsonld_was_verified_in_the_specification(folder: Path) -> None:
    graph = _graph(export_record(load_registry(folder), "controller", "jsonld"))
    iris = _dpv_iris(graph)
    assert iris, "the export uses no DPV terms at all"
    assert _unverified(iris) == set()


def test_every_branch_of_the_export_uses_exactly_the_verified_terms(
    make_registry: MakeRegistry,
) -> None:
    folder = make_registry({"registry.yaml": _EVERY_BRANCH})
    graph = _graph(export_record(load_registry(folder), "controller", "jsonld"))
    iris = _dpv_iris(graph)
    assert _unverified(iris) == set()
    used = {iri.rpartition("#")[2] for iri in iris if iri.startswith(str(DPV))}
    assert used == VERIFIED_DPV_TERMS, "the allow-list names a term the export never uses"
    cited = {iri.rpartition("#")[2] for iri in iris if iri.startswith(str(GDPR))}
    assert cited == VERIFIED_GDPR_TERMS


def test_a_typo_in_a_dpv_term_is_caught_by_the_allow_list() -> None:
    assert _unverified({str(DPV.hasDataProcesor), str(GDPR["A6-1-g"])}) == {
        str(DPV.hasDataProcesor),
        str(GDPR["A6-1-g"]),
    }
    assert _unverified({"https://w3id.org/dpv/dpv-gdpr#A6-1-a", str(LOC.XX)}) == {
        "https://w3id.org/dpv/dpv-gdpr#A6-1-a",
        str(LOC.XX),
    }
