"""R48 notice-hard-to-read: a long-winded notice section is reported where its text is."""

from __future__ import annotations

import datetime as _dt

from holte_ropa import load_registry, readability
from holte_ropa.notice._readability import MIN_WORDS
from holte_ropa.rules import check
from tests.conftest import ROOT, MakeRegistry

TODAY = _dt.date(2026, 11, 25)

LONG_WINDED = """\
activities:
  - id: web-forms
    name: {nb: Skjema, en: Forms}
    description:
      nb: >-
        Behandlingsaktiviteten omfatter innsamling, registrering, systematisering,
        strukturering, lagring, tilpasning, endring, gjenfinning, konsultasjon, anvendelse,
        utlevering ved overføring, spredning eller enhver annen form for
        tilgjengeliggjøring, sammenstilling eller samkjøring, begrensning, sletting eller
        tilintetgjøring av personopplysninger fra kontaktskjemaer og bestillingsskjemaer
      en: We keep what you write in the forms. We answer you.
    role: controller
    recipients: none
"""


def test_a_long_winded_section_is_reported_at_its_activity_description(
    make_registry: MakeRegistry,
) -> None:
    path = make_registry({"activities/web-forms.yaml": LONG_WINDED})
    findings = check(load_registry(path), today=TODAY, select=["R48"])
    # Line 5 is the bokmål description; the English one reads easily.
    assert [(f.rule, f.severity.value, f.file, f.line, f.entity) for f in findings] == [
        ("R48", "warning", "registry/activities/web-forms.yaml", 5, "web-forms")
    ]
    assert "LIX" in findings[0].message and "bokmål" in findings[0].message
    assert "Skjema" in findings[0].message_nb


def test_the_threshold_is_configurable(make_registry: MakeRegistry) -> None:
    registry = load_registry(make_registry({"activities/web-forms.yaml": LONG_WINDED}))
    assert check(registry, today=TODAY, select=["R48"], lix_threshold=200) == []
    lowered = check(registry, today=TODAY, select=["R48"], lix_threshold=10)
    assert len(lowered) > 1


def test_findings_match_the_readability_scores_of_holtes_notice() -> None:
    registry = load_registry(ROOT / "registry")
    findings = check(registry, today=TODAY, select=["R48"])
    above = [s for s in readability(registry) if s.lix > 55 and s.words >= MIN_WORDS]
    assert len(findings) == len(above)
    for finding in findings:
        assert finding.file.startswith("registry/") or "registry" in finding.file


LONG_NAME = "Fjordlys Regnskapsbyrå Revisjonsselskap AS"


def _with_name(make_registry: MakeRegistry, name: str) -> MakeRegistry:
    path = make_registry()
    organisation = path / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(text.replace("legal_name: Acme AS", f"legal_name: {name}"), "utf-8")
    return path  # type: ignore[return-value]


def test_the_template_s_sentences_score_the_same_whatever_the_organisation_is_called(
    make_registry: MakeRegistry,
) -> None:
    short = {(s.lang, s.section): s.lix for s in readability(load_registry(make_registry()))}
    path = _with_name(make_registry, LONG_NAME)
    registry = load_registry(path)
    assert registry.organisation.legal_name == LONG_NAME
    assert {(s.lang, s.section): s.lix for s in readability(registry)} == short
    assert check(registry, today=TODAY, select=["R48"]) == []


def test_a_section_of_a_heading_and_a_few_labels_is_not_judged(
    make_registry: MakeRegistry,
) -> None:
    registry = load_registry(make_registry({"activities/a.yaml": ACTIVITY_WITHOUT_RETENTION}))
    [retention] = [s for s in readability(registry, ("nb",)) if s.section == "retention"]
    assert retention.lix > 55 and retention.words < MIN_WORDS
    assert check(registry, today=TODAY, select=["R48"]) == []


ACTIVITY_WITHOUT_RETENTION = """\
activities:
  - id: kundebehandling
    name: {nb: Kundebehandling, en: Customer service}
    description: {nb: Vi svarer kundene., en: We answer customers.}
    role: controller
    recipients: none
    retention: unknown
"""
