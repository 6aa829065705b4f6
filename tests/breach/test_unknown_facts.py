"""A record that holds facts as ``unknown`` (an imported one, say) gives a draft with
fields for the officer to fill, in the draft's language: never the word "unknown", and
never an authority, e-mail address or country the record does not have."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import pytest

from holte_ropa import load_registry
from holte_ropa.breach import breach_draft, breach_json, render_breach
from tests.conftest import FIXTURES, MakeRegistry

AWARE = _dt.datetime.fromisoformat("2026-11-29T10:00+01:00")

RECORD = """\
data_categories:
  - {id: name, name: {nb: Navn, en: Name}}
  - {id: diagnosis, kind: unknown, name: {nb: Diagnose, en: Diagnosis}}
subject_categories:
  - {id: clients, name: {nb: Klienter, en: Clients}}
activities:
  - id: care
    name: {nb: Behandling, en: Care}
    description: unknown
    role: controller
    subject_categories: [clients]
    data_categories: [name, diagnosis]
    recipients: {processors: [store, cloud]}
  - id: files
    name: {nb: Klientfiler, en: Client files}
    description: unknown
    role: processor
    processor:
      controllers: {en: unknown}
      agreement: {en: unknown}
      processing_categories: [{en: Storage.}]
    subject_categories: [clients]
    data_categories: [name]
    recipients: {processors: [store]}
parties:
  - id: store
    legal_name: unknown
    trade_name: Store
    role: processor
    service: unknown
    locations: unknown
  - id: cloud
    legal_name: Cloud Ltd
    trade_name: Cloud
    role: processor
    service: {en: Hosting.}
    locations: [{country: IE}, {country: US, mechanism: {mechanism: scc, module: 3}}]
"""

_MINIMAL = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
_AUTHORITY = re.search(r"  supervisory_authority:\n(    .*\n)+", _MINIMAL)
assert _AUTHORITY is not None
UNKNOWN_ORGANISATION = (
    _MINIMAL.replace(_AUTHORITY.group(0), "  supervisory_authority: unknown\n")
    .replace("privacy_contact: personvern@acme.no", "privacy_contact: unknown")
    .replace("legal_name: Acme AS", "legal_name: unknown")
)


@pytest.fixture
def imported(make_registry: MakeRegistry) -> Path:
    folder = make_registry({"record.yaml": RECORD})
    (folder / "organisation.yaml").write_text(UNKNOWN_ORGANISATION, encoding="utf-8")
    return folder


def _draft(folder: Path, lang: str, *targets: str) -> str:
    registry = load_registry(folder)
    return render_breach(
        registry, breach_draft(registry, list(targets), AWARE), lang, communication_draft=True
    )


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_no_unknown_reaches_the_draft_and_no_authority_is_named(imported: Path, lang: str) -> None:
    text = _draft(imported, lang, "store", "cloud")
    assert "unknown" not in text.replace("`", "").lower()
    assert "Datatilsynet" not in text and "Authority" not in text


@pytest.mark.parametrize(
    ("lang", "fields"),
    [
        (
            "en",
            [
                "| Notify [TO FILL: the supervisory authority; the record does not name it] by |",
                "Notify [TO FILL: the supervisory authority; the record does not name it] "
                "without undue delay",
                "Diagnosis ([TO FILL: whether this is a special category, criminal offence "
                "data or a national identity number; the record does not say])",
                "Ireland; outside the EEA: United States; [TO FILL: the countries where the "
                "data is processed by Store; the record does not give them]",
                "**Contact point for more information:** [TO FILL: our name; the record does "
                "not give it], [TO FILL: privacy contact e-mail]",
                "**Controllers:** [TO FILL: controllers; the record does not give it]",
                "**Agreement:** [TO FILL: agreement; the record does not give it]",
                "Write to us at [TO FILL: the e-mail address people should write to; the "
                "record does not give it].",
                "[TO FILL: the supervisory authority and its website; the record does not "
                "name them]",
            ],
        ),
        (
            "nb",
            [
                "| Meld til [FYLL INN: tilsynsmyndigheten; protokollen har den ikke] innen |",
                "Diagnose ([FYLL INN: om dette er særlige kategorier, straffedommer eller "
                "fødselsnummer; protokollen sier det ikke])",
                "Irland; utenfor EØS: USA; [FYLL INN: landene der opplysningene behandles av "
                "Store; protokollen har dem ikke]",
                "Skriv til oss på [FYLL INN: e-postadressen personer skal skrive til; "
                "protokollen har den ikke].",
            ],
        ),
    ],
)
def test_unknown_facts_are_fields_to_fill_in_the_drafts_language(
    imported: Path, lang: str, fields: list[str]
) -> None:
    text = " ".join(_draft(imported, lang, "store", "cloud").split())
    for field in fields:
        assert field in text


def test_a_category_of_unknown_kind_is_not_called_ordinary(imported: Path) -> None:
    text = _draft(imported, "en", "cloud")
    assert "The record shows no special categories" not in text
    assert "The record does not say for every category whether it is a special category" in text


def test_only_the_countries_outside_the_eea_are_called_so(imported: Path) -> None:
    text = _draft(imported, "en", "cloud")
    assert (
        "**Countries where the data is processed or accessible:** Ireland; "
        "outside the EEA: United States\n" in text
    )


def test_an_english_authority_name_starting_with_the_reads_mid_sentence(
    make_registry: MakeRegistry,
) -> None:
    folder = make_registry({"record.yaml": RECORD.replace("kind: unknown, ", "")})
    text = _draft(folder, "en", "cloud")
    assert "You can complain to the Norwegian Data Protection Authority: https" in text
    assert "Notify the Norwegian Data Protection Authority without undue delay" in text
    assert "| Notify the Norwegian Data Protection Authority by |" in text
    assert "The Norwegian" not in text


def test_the_json_lists_what_the_record_leaves_unknown(imported: Path) -> None:
    registry = load_registry(imported)
    data = breach_json(breach_draft(registry, ["store", "cloud"], AWARE))
    assert data["categories_of_unknown_kind"] == ["diagnosis"]
    assert data["parties_with_unknown_countries"] == ["store"]
    assert (data["countries"], data["countries_outside_eea"]) == (["IE", "US"], ["US"])


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_freshly_imported_spreadsheet_gives_a_draft_with_fields_not_placeholders(
    tmp_path: Path, lang: str
) -> None:
    from holte_ropa.imports import import_record, write_registry
    from tests.imports._books import write_book
    from tests.imports.conftest import ICO

    source = write_book(tmp_path / "ropa.xlsx", {"Sheet1": ICO})
    write_registry(import_record(source), tmp_path / "registry")
    text = _draft(tmp_path / "registry", lang, "payroll-bureau", "mailer-inc")
    flat = " ".join(text.split())
    assert "unknown" not in text.replace("`", "").lower() and "invalid" not in text
    fill = "[TO FILL:" if lang == "en" else "[FYLL INN:"
    authority = "the supervisory authority" if lang == "en" else "tilsynsmyndigheten"
    assert f"{fill} {authority};" in flat
    assert "Datatilsynet" not in text
