"""R48 notice-hard-to-read: a long-winded notice section is reported where its text is."""

from __future__ import annotations

import datetime as _dt

from holte_ropa import load_registry, readability
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
    above = [s for s in readability(registry) if s.lix > 55]
    assert len(findings) == len(above)
    for finding in findings:
        assert finding.file.startswith("registry/") or "registry" in finding.file
