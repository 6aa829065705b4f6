"""A notice is published only when it states every element GDPR Art. 13-14 requires.

While a finding says such an element is unknown or contradicted, the site is a draft:
every page carries a banner in its language and asks not to be indexed, and a release
build refuses, listing the blockers located at file:line:column. A waiver never makes a
blocker publishable.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from holte_ropa import load_registry
from holte_ropa._build import DraftRefusedError, build
from holte_ropa.rules import all_rules, blocking_rule_ids, publication_blockers
from holte_ropa.site import site_pages
from tests.conftest import ROOT, MakeRegistry

SUPPORT = """\
activities:
  - id: support
    name: {nb: Kundestøtte, en: Customer support}
    description: {nb: Vi svarer på henvendelser., en: We answer requests.}
    role: controller
    purposes:
      - id: answer
        description: {nb: Svare på henvendelser, en: Answer requests}
        legal_basis:
          basis: legitimate_interest
          interest: {nb: Gi god kundestøtte, en: Giving good support}
          right_to_object: {nb: Send e-post, en: Send an e-mail}
          balancing_test: {reference: LIA-2026-01, date: 2026-01-10}
    security_measures: [tls]
    subject_categories: [customers]
    data_categories: [contact]
    sources:
      - kind: data_subject
        description: {nb: Du skriver til oss., en: You write to us.}
    recipients: none
    retention:
      - duration: {months: 12}
        trigger: last_contact
        description: {nb: Ett år etter siste kontakt, en: One year after the last contact}
cookies: none  # the website sets none: only this says so
"""

WAIVED_BASIS = """\
waivers:
  - rule: R10
    entity: support
    reason: Open item for the privacy officer
    approved_by: Kari Nordmann
    expires: 2099-12-31
"""


def _pages(path: Path) -> dict[str, str]:
    return {p: t for p, t in site_pages(load_registry(path)).items() if p.endswith(".md")}


def test_the_blockers_come_from_rule_metadata_about_art_13_and_14() -> None:
    ids = blocking_rule_ids()
    assert {"R01", "R10", "R11", "R27", "R35", "R36"} <= ids
    for rule in all_rules():
        if rule.id in ids:
            assert any(
                "13" in ref
                or "14" in ref
                or "Art. 6" in ref
                or "Art. 7" in ref
                or "Art. 30" in ref
                or "Art. 44" in ref
                or "Art. 5" in ref
                or "Art. 12" in ref
                or "Art. 21" in ref
                for ref in rule.references
            ), rule.id


def test_holtes_registry_builds_a_draft_with_a_banner_and_noindex_on_every_page() -> None:
    pages = _pages(ROOT / "registry")
    assert pages
    for path, text in pages.items():
        head = text.split("---\n", 2)[1]
        assert "robots: noindex" in head, path
        if path.startswith("en/"):
            assert "Draft – not published:" in text and ">DRAFT<" in text, path
        else:
            assert "Utkast – ikke publisert:" in text and ">UTKAST<" in text, path


def test_a_complete_registry_builds_pages_with_no_banner(make_registry: MakeRegistry) -> None:
    path = make_registry({"support.yaml": SUPPORT, "vocabulary.yaml": VOCABULARY})
    assert publication_blockers(load_registry(path)) == ()
    for path_, text in _pages(path).items():
        assert "holte-draft" not in text and "noindex" not in text, path_


def test_a_waived_blocker_still_blocks(make_registry: MakeRegistry) -> None:
    unsettled = SUPPORT.replace(
        """        legal_basis:
          basis: legitimate_interest
          interest: {nb: Gi god kundestøtte, en: Giving good support}
          right_to_object: {nb: Send e-post, en: Send an e-mail}
          balancing_test: {reference: LIA-2026-01, date: 2026-01-10}
""",
        "        legal_basis: unknown\n",
    )
    path = make_registry(
        {"support.yaml": unsettled, "vocabulary.yaml": VOCABULARY, "waivers.yaml": WAIVED_BASIS}
    )
    blockers = publication_blockers(load_registry(path))
    assert any(f.rule == "R10" and f.waived for f in blockers)
    assert "Utkast – ikke publisert:" in _pages(path)["index.md"]


def test_a_release_build_of_a_draft_refuses_and_lists_the_blockers_located(
    make_registry: MakeRegistry, tmp_path: Path
) -> None:
    unsettled = SUPPORT.replace("    recipients: none\n", "    recipients: unknown\n")
    waiver = WAIVED_BASIS.replace("rule: R10", "rule: R05") + WAIVED_BASIS.replace(
        "waivers:\n", ""
    ).replace("rule: R10", "rule: R35")
    path = make_registry(
        {"support.yaml": unsettled, "vocabulary.yaml": VOCABULARY, "waivers.yaml": waiver}
    )
    registry = load_registry(path)
    try:
        build(registry, tmp_path / "out", mkdocs_config=None, release=True)
    except DraftRefusedError as exc:
        assert "registry/support.yaml:" in str(exc) and "R05" in str(exc)
        assert "[waived, still blocks publication]" in str(exc)
        assert (tmp_path / "out" / "reports" / "check.json").is_file()
    else:
        raise AssertionError("a release build of a draft must refuse")
    draft = build(registry, tmp_path / "draft", mkdocs_config=None)
    assert draft.blockers


def test_a_release_build_of_a_complete_registry_publishes(
    make_registry: MakeRegistry, tmp_path: Path
) -> None:
    path = make_registry({"support.yaml": SUPPORT, "vocabulary.yaml": VOCABULARY})
    result = build(load_registry(path), tmp_path / "out", mkdocs_config=None, release=True)
    assert result.blockers == ()
    assert (tmp_path / "out" / "notice").is_dir()


def test_holte_ropa_build_release_exits_1_listing_the_blockers(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "holte_ropa.cli",
            "build",
            "registry",
            "--release",
            "-o",
            str(tmp_path / "out"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "the privacy notice is a draft" in done.stderr
    assert "registry/activities/web-forms.yaml:24:22: R10 purpose-without-legal-basis" in (
        done.stderr
    )
    assert not (tmp_path / "out" / "site").exists()


def test_no_public_page_is_a_rule_page_and_the_rule_docs_are_built_apart() -> None:
    from holte_ropa.site import rule_docs

    pages = site_pages(load_registry(ROOT / "registry"))
    assert not [p for p in pages if "rules/" in p]
    docs = rule_docs()
    for rule in all_rules():
        assert f"# {rule.id} {rule.name}" in docs[f"en/rules/{rule.id}.md"]
        assert f"../en/rules/{rule.id}.md" in docs["rules/index.md"]


VOCABULARY = """\
subject_categories:
  - id: customers
    name: {nb: Kunder, en: Customers}
data_categories:
  - id: contact
    name: {nb: Kontaktopplysninger, en: Contact details}
security_measures:
  - id: tls
    name: {nb: Kryptert overføring, en: Encrypted transfer}
    description: {nb: Vi bruker TLS., en: We use TLS.}
"""


def test_no_public_page_shows_a_placeholder_for_an_optional_fact() -> None:
    # Holte's organisation number, visiting address and notice version are unknown.
    pages = _pages(ROOT / "registry")
    for path, text in pages.items():
        for label in (
            "Organisasjonsnummer",
            "Organisation number",
            "Besøksadresse",
            "Visiting address",
            "Versjon:",
            "Version:",
        ):
            assert label not in text, (path, label)
