"""The semantic diff: one fixture pair per kind of change, and no change without meaning.

Each pair is the small fixture registry (old) and a copy with one edit (new), both written
to disk and loaded with the real loader.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from holte_ropa import load_registry
from holte_ropa.changes._diff import Audience, Change, ChangeKind, diff
from holte_ropa.model._registry import Registry

SMALL = Path(__file__).parents[1] / "fixtures" / "small"

EXTRA_ACTIVITY = """\
activities:
  - id: events
    name: {nb: Arrangementer, en: Events}
    description: {nb: Påmelding til arrangementer., en: Sign-up for events.}
    role: controller
    purposes:
      - id: sign-up
        description: {nb: Påmelding, en: Sign-up}
        legal_basis: {basis: contract, contract: {nb: Påmeldingen, en: The sign-up}}
    subject_categories: [customers]
    data_categories: [name]
    recipients: none
"""

NEW_SUB_PROCESSOR = """\
parties:
  - id: archive
    legal_name: Archive GmbH
    trade_name: Archive
    role: sub_processor
    engaged_by: cloud
    service: {nb: Arkivering, en: Archiving}
    locations: [{country: DE}]
"""


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name / "registry"
    shutil.copytree(SMALL, target)
    shutil.copy(SMALL.parent / "minimal" / "organisation.yaml", target / "organisation.yaml")
    return target


def _edit(folder: Path, old: str, new: str, file: str = "registry.yaml") -> None:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the edit must match once: {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    return _copy(tmp_path, "old"), _copy(tmp_path, "new")


def _changes(old: Path, new: Path) -> list[Change]:
    return diff(load_registry(old), load_registry(new))


def _only(changes: list[Change]) -> Change:
    assert len(changes) == 1, [c.kind for c in changes]
    return changes[0]


# --------------------------------------------------------------------------- no meaning


def test_identical_registries_have_no_changes(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    assert _changes(old, new) == []


def test_reordering_keys_lists_and_moving_entities_between_files_is_no_change(
    tmp_path: Path,
) -> None:
    old, new = _pair(tmp_path)
    registry = load_registry(new)
    # Rewrite the whole record: every entity in its own file, keys in reverse order,
    # lists of ids and of items reversed, block style instead of flow style.
    import yaml

    for path in new.glob("*.yaml"):
        path.unlink()
    payload = registry.data.model_dump(mode="json", exclude_defaults=True)
    (new / "org" / "deep").mkdir(parents=True)
    (new / "org" / "deep" / "who.yaml").write_text(
        yaml.safe_dump({"organisation": _reversed(payload["organisation"])}, sort_keys=False)
    )
    for section, items in payload.items():
        if section == "organisation":
            continue
        for index, item in enumerate(reversed(items)):
            name = item.get("id", f"{section}-{index}")
            (new / f"z-{name}.yml").write_text(
                yaml.safe_dump({section: [_reversed(item)]}, sort_keys=False)
            )
    assert _changes(old, new) == []


def _reversed(value: object) -> object:
    if isinstance(value, dict):
        return {k: _reversed(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reversed(v) for v in reversed(value)]
    return value


def test_writing_a_default_value_out_is_no_change(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(
        new,
        "{id: name, name: {nb: Navn, en: Name}}",
        "{id: name, kind: ordinary, name: {nb: Navn, en: Name}}",
    )
    assert _changes(old, new) == []


def test_reordering_address_lines_is_a_change_because_their_order_means_something(
    tmp_path: Path,
) -> None:
    old, new = _pair(tmp_path)
    _edit(old, 'lines: ["Postboks 1"]', 'lines: ["Postboks 1", "Sentrum"]', "organisation.yaml")
    _edit(new, 'lines: ["Postboks 1"]', 'lines: ["Sentrum", "Postboks 1"]', "organisation.yaml")
    change = _only(_changes(old, new))
    assert change.field == "postal_address.lines"
    assert change.entity_kind == "organisation"


# --------------------------------------------------------------------------- activities


def test_an_added_activity_is_reported_for_data_subjects(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    (new / "events.yaml").write_text(EXTRA_ACTIVITY, encoding="utf-8")
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.ACTIVITY_ADDED
    assert (change.entity_kind, change.entity_id) == ("activity", "events")
    assert change.audience == (Audience.DATA_SUBJECTS,)
    assert change.summary.nb == "Ny behandlingsaktivitet: «Arrangementer»."
    assert change.summary.en == "New processing activity: “Events”."
    assert change.location == f"{new}/events.yaml:2:5"
    assert isinstance(change.after, dict) and change.after["id"] == "events"


def test_a_removed_activity_is_located_in_the_old_registry(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    (old / "events.yaml").write_text(EXTRA_ACTIVITY, encoding="utf-8")
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.ACTIVITY_REMOVED
    assert change.location.startswith(f"{old}/events.yaml:")
    assert change.after is None and isinstance(change.before, dict)


def test_a_changed_purpose_description_is_a_purpose_change(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(new, "Send newsletters}", "Send newsletters and offers}")
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.PURPOSE_CHANGED
    assert change.field == "purposes.send.description"
    assert "Send newsletters and offers" in change.summary.en


def test_an_added_purpose_is_reported(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(
        new,
        "        electronic_marketing: true\n",
        "        electronic_marketing: true\n"
        "      - id: survey\n"
        "        description: {nb: Spørreundersøkelser, en: Surveys}\n"
        "        legal_basis: {basis: legitimate_interest, interest: {nb: Bedre tjenester, "
        "en: Better services}}\n",
    )
    changes = _changes(old, new)
    assert [c.kind for c in changes] == [ChangeKind.PURPOSE_ADDED]
    assert changes[0].field == "purposes.survey"


def test_a_changed_legal_basis_names_both_bases_with_exact_references(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(
        new,
        """          basis: consent
          collection: {nb: Avkrysning i skjema, en: A tick box in a form}
          withdrawal: {nb: Lenke i hvert brev, en: A link in every letter}
          proof: mailtool consent log
          deleted_on_withdrawal: true
""",
        """          basis: legitimate_interest
          interest: {nb: Markedsføring, en: Marketing}
""",
    )
    changes = _changes(old, new)
    basis = [c for c in changes if c.kind is ChangeKind.LEGAL_BASIS_CHANGED]
    assert len(basis) == 1
    change = basis[0]
    assert change.field == "purposes.send.legal_basis"
    assert change.audience == (Audience.DATA_SUBJECTS,)
    assert isinstance(change.before, dict) and change.before["basis"] == "consent"
    assert "proof" not in change.before, "internal fields never leave as public before/after"
    assert "from consent (GDPR Art. 6(1)(a)) to legitimate interest (GDPR Art. 6(1)(f))" in (
        change.summary.en
    )
    assert "GDPR art. 6 nr. 1 bokstav f" in change.summary.nb
    internal = [c for c in changes if c is not change]
    assert internal and all(c.audience == (Audience.INTERNAL,) for c in internal)


def test_a_changed_internal_field_is_internal_only(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(new, "proof: mailtool consent log", "proof: CRM consent table")
    _edit(new, "owner: Marketing lead", "owner: CEO")
    changes = _changes(old, new)
    assert [c.kind for c in changes] == [ChangeKind.FIELD_CHANGED] * 2
    assert {c.field for c in changes} == {"purposes.send.legal_basis.proof", "owner"}
    assert all(c.audience == (Audience.INTERNAL,) for c in changes)
    assert all("CEO" not in c.summary.en and "CRM" not in c.summary.en for c in changes)


def test_a_changed_retention_of_a_processor_activity_concerns_customers(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(new, "duration: {years: 5}", "duration: {years: 3}")
    _edit(
        new, "Fem år etter oppsigelse, en: Five years", "Tre år etter oppsigelse, en: Three years"
    )
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.RETENTION_CHANGED
    assert change.entity_id == "hosting"
    assert change.audience == (Audience.DATA_SUBJECTS, Audience.CUSTOMERS)
    assert change.summary.en == (
        "“Hosting for customers”: the retention period changed to 3 years, “Three years "
        "after termination” (before: 5 years, “Five years after termination”)."
    )
    assert change.summary.nb.startswith("«Drift for kunder»: lagringstiden er endret til 3 år")


def test_reordering_retention_rules_is_no_change(tmp_path: Path) -> None:
    rules = (
        "      - duration: {years: 1}\n        description: {nb: Ett år, en: One year}\n"
        "      - duration: {years: 2}\n        description: {nb: To år, en: Two years}\n"
    )
    swapped = (
        "      - duration: {years: 2}\n        description: {nb: To år, en: Two years}\n"
        "      - duration: {years: 1}\n        description: {nb: Ett år, en: One year}\n"
    )
    old, new = _pair(tmp_path)
    anchor = (
        "        action: delete_or_anonymise\n        description: {nb: Fem år etter "
        "oppsigelse, en: Five years after termination}\n"
    )
    _edit(old, anchor, anchor + rules)
    _edit(new, anchor, anchor + swapped)
    assert _changes(old, new) == []


def test_an_added_data_category_names_the_category(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(new, "data_categories: [name, email]", "data_categories: [email, name, health]")
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.DATA_CATEGORY_ADDED
    assert (change.entity_id, change.after) == ("newsletter", "health")
    assert change.summary.en == "“Newsletter” now also processes: Health data."
    assert change.summary.nb == "«Nyhetsbrev» behandler nå også: Helseopplysninger."


def test_a_removed_subject_category_is_reported(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(
        old,
        "    subject_categories: [customers]\n    data_categories: [name, email]",
        "    subject_categories: [customers, applicants]\n    data_categories: [name, email]",
    )
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.SUBJECT_CATEGORY_REMOVED
    assert change.before == "applicants"


def test_an_existing_party_as_new_recipient_is_a_recipient_change(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(new, "      processors: [mailtool]", "      processors: [mailtool, cloud]")
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.RECIPIENT_ADDED
    assert (change.field, change.after) == ("recipients.processors", "cloud")
    assert change.summary.en == "“Newsletter”: new recipient “Cloud” (processor)."


def test_a_recipient_added_whose_role_is_not_confirmed_is_named_so(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(
        new,
        "      processors: [mailtool]",
        "      processors: [mailtool]\n      unconfirmed: [cloud]",
    )
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.RECIPIENT_ADDED
    assert (change.field, change.after) == ("recipients.unconfirmed", "cloud")
    assert change.summary.en == (
        "“Newsletter”: new recipient “Cloud” (recipient whose role is not confirmed)."
    )


# --------------------------------------------------------------------------- parties


def test_a_new_processor_for_own_activities_is_a_party_added_for_data_subjects(
    tmp_path: Path,
) -> None:
    old, new = _pair(tmp_path)
    _edit(new, "      processors: [mailtool]", "      processors: [mailtool, sms]")
    (new / "sms.yaml").write_text(
        "parties:\n  - id: sms\n    legal_name: SMS AS\n    trade_name: SMS\n"
        "    role: processor\n    service: {nb: SMS-utsending, en: Text messages}\n"
        "    locations: [{country: 'NO'}]\n",
        encoding="utf-8",
    )
    change = _only(_changes(old, new))  # the recipient edit is part of the same news
    assert change.kind is ChangeKind.PARTY_ADDED
    assert change.audience == (Audience.DATA_SUBJECTS,)
    assert change.summary.en == (
        "New recipient: “SMS” (Text messages), in: Norway; for: “Newsletter”."
    )


def test_a_removed_party_is_reported_once(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(new, "      processors: [mailtool]", "      processors: []")
    text = (new / "registry.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: mailtool")
    end = text.index("  - id: cloud")
    (new / "registry.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.PARTY_REMOVED
    assert change.entity_id == "mailtool"


def test_a_party_moved_to_another_country_concerns_customers_of_its_chain(
    tmp_path: Path,
) -> None:
    old, new = _pair(tmp_path)
    _edit(new, "locations: [{country: SE}]", "locations: [{country: DE}]")
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.PARTY_COUNTRIES_CHANGED
    assert (change.before, change.after) == (["SE"], ["DE"])
    assert Audience.CUSTOMERS in change.audience
    assert change.summary.en == "“Cloud” now processes data in: Germany (before: Sweden)."
    assert change.summary.nb == "«Cloud» behandler nå opplysninger i: Tyskland (før: Sverige)."


def test_a_changed_transfer_mechanism_names_both_mechanisms(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(new, "mechanism: {mechanism: scc, module: 2}", "mechanism: {mechanism: dpf}")
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.TRANSFER_MECHANISM_CHANGED
    assert change.field == "locations.US.mechanism"
    assert change.audience == (Audience.DATA_SUBJECTS,)
    assert (
        "from standard contractual clauses (GDPR Art. 46(2)(c)) to EU-US Data Privacy "
        "Framework (GDPR Art. 45)" in change.summary.en
    )


def test_a_new_sub_processor_in_the_chain_is_told_to_customers(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    (new / "archive.yaml").write_text(NEW_SUB_PROCESSOR, encoding="utf-8")
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.SUB_PROCESSOR_ADDED
    assert change.audience == (Audience.DATA_SUBJECTS, Audience.CUSTOMERS)
    assert change.summary.en == (
        "New sub-processor: “Archive” (Archiving), in: Germany; for: “Hosting for "
        "customers”. Customers are notified under GDPR Art. 28(2)."
    )
    assert "GDPR art. 28 nr. 2" in change.summary.nb


def test_a_sub_processor_taking_over_from_another_is_a_replacement(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    text = (new / "registry.yaml").read_text(encoding="utf-8")
    (new / "registry.yaml").write_text(
        text[: text.index("  - id: backup")] + text[text.index("cookies:") :], encoding="utf-8"
    )
    (new / "archive.yaml").write_text(NEW_SUB_PROCESSOR, encoding="utf-8")
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.SUB_PROCESSOR_REPLACED
    assert change.entity_id == "archive"
    assert isinstance(change.before, dict) and change.before["id"] == "backup"
    assert change.summary.en.startswith("The sub-processor “Backup” is replaced by “Archive”")
    assert Audience.CUSTOMERS in change.audience


def test_an_internal_agreement_reference_is_internal_only(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(new, "dpa: {reference: DPA-8}", "dpa: {reference: DPA-9}")
    change = _only(_changes(old, new))
    assert change.audience == (Audience.INTERNAL,)
    assert change.field == "dpa.reference"


# --------------------------------------------------------------------------- the rest


def test_an_added_cookie_names_provider_and_category(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    (new / "cookies.yaml").write_text(
        "cookies:\n  - id: stats\n    name: _st\n    provider: mailtool\n"
        "    first_party: false\n    purpose: {nb: Statistikk, en: Statistics}\n"
        "    category: statistics\n    lifetime: {days: 30}\n    consent_before_set: true\n"
        "    activity: newsletter\n",
        encoding="utf-8",
    )
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.COOKIE_ADDED
    assert change.summary.en == "New cookie “_st” from Mailtool (statistics)."


def test_a_cookie_whose_name_is_not_known_is_named_by_provider_and_category(
    tmp_path: Path,
) -> None:
    # Holte's change history said «facebook-marketing»: the record's id, not a name.
    old, new = _pair(tmp_path)
    _edit(old, "    name: sid\n", "    name: unknown\n")
    _edit(new, "    name: sid\n", "    name: unknown\n")
    _edit(new, "lifetime: session", "lifetime: {days: 1}")
    change = _only(_changes(old, new))
    assert change.public is not None
    assert "«Acme AS – strengt nødvendig»" in change.public.nb, change.public.nb
    assert "“Acme AS – strictly necessary”" in change.public.en, change.public.en
    assert "session" not in change.public.nb + change.public.en


def test_a_changed_text_is_a_text_change_with_the_new_wording(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(new, "All traffic uses TLS.", "All traffic uses TLS 1.3.")
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.TEXT_CHANGED
    assert (change.entity_kind, change.entity_id, change.field) == (
        "security_measure",
        "tls",
        "description",
    )
    assert change.summary.en == (
        "“Encryption”: the text “description” changed: “All traffic uses TLS 1.3.”"
    )
    assert change.audience == (Audience.DATA_SUBJECTS, Audience.CUSTOMERS)


def test_a_measure_kept_out_of_the_notice_changes_internally_only(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    for folder in (old, new):
        _edit(
            folder,
            "    description: {nb: All trafikk går over TLS., en: All traffic uses TLS.}",
            "    description: {nb: All trafikk går over TLS., en: All traffic uses TLS.}\n"
            "    public: false",
        )
    _edit(new, "All traffic uses TLS.}", "All traffic uses TLS 1.3.}")
    assert _only(_changes(old, new)).audience == (Audience.INTERNAL,)


def test_an_added_waiver_is_internal(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(
        new,
        "    expires: 2027-06-30\n",
        "    expires: 2027-06-30\n  - rule: R9\n"
        "    reason: Later\n    approved_by: CEO\n    expires: 2027-01-01\n",
    )
    change = _only(_changes(old, new))
    assert (change.kind, change.entity_id) == (ChangeKind.WAIVER_ADDED, "R9/*")
    assert change.summary.en == "New waiver of rule R9 for the whole registry: Later."
    assert change.location.endswith("registry.yaml:109:5")
    assert change.audience == (Audience.INTERNAL,)


def test_a_new_notice_version_is_told_to_data_subjects(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(new, 'version: "1.0"', 'version: "1.1"', "organisation.yaml")
    change = _only(_changes(old, new))
    assert change.kind is ChangeKind.FIELD_CHANGED
    assert (change.field, change.before, change.after) == ("notice.version", "1.0", "1.1")
    assert change.audience == (Audience.DATA_SUBJECTS,)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_summary_is_filled_in_both_languages(tmp_path: Path, lang: str) -> None:
    old, new = _pair(tmp_path)
    (new / "events.yaml").write_text(EXTRA_ACTIVITY, encoding="utf-8")
    (new / "archive.yaml").write_text(NEW_SUB_PROCESSOR, encoding="utf-8")
    _edit(new, "locations: [{country: SE}]", "locations: [{country: DE}]")
    _edit(new, "data_categories: [name, email]", "data_categories: [name]")
    changes = _changes(old, new)
    assert len(changes) == 4
    for change in changes:
        text = change.summary.get(lang)
        assert text and "?" not in text and "{" not in text


def test_the_diff_of_holtes_registry_with_itself_is_empty() -> None:
    registry = load_registry(Path(__file__).parents[2] / "registry")
    assert diff(registry, registry) == []
    assert isinstance(registry, Registry)
