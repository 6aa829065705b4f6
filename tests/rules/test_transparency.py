"""Notice rules: coverage per activity, rights, languages and promises."""

from __future__ import annotations

import datetime as _dt

from holte_ropa import load_registry
from holte_ropa.rules import Finding, check
from tests.conftest import MakeRegistry

TODAY = _dt.date(2026, 11, 25)

NEWSLETTER = """\
activities:
  - id: newsletter
    name: {nb: Nyhetsbrev, en: Newsletter}
    description: {nb: Vi sender nyhetsbrev., en: We send newsletters.}
    role: ROLE
    purposes:
      - id: send
        description: {nb: Sende nyhetsbrev, en: Send newsletters}
        legal_basis:
          basis: consent
          collection: {nb: Avkrysning, en: A tick box}
          withdrawal: unknown
          deleted_on_withdrawal: false
    sources: [{kind: data_subject, description: {nb: Fra deg, en: From you}}]
    recipients: none
    retention:
      - duration: until_consent_withdrawn
        description: {nb: Til du trekker samtykket, en: Until you withdraw consent}
"""

PROMISES = """\
organisation:
  id: acme
  legal_name: Acme AS
  org_number: "923609016"
  postal_address: {lines: [Postboks 1], postal_code: "0150", city: Oslo}
  email: post@acme.no
  website: https://acme.no
  privacy_contact: personvern@acme.no
  dpo: {appointed: false, reason_none: {nb: Ikke påkrevd., en: Not required.}}
  supervisory_authority:
    name: {nb: Datatilsynet, en: Datatilsynet}
    website: https://www.datatilsynet.no
  notice:
    title: {nb: Personvernerklæring, en: Privacy notice}
    version: "1.0"
    last_changed: 2026-01-15
    change_announcement: {nb: På nettsiden., en: On the website.}
  rights:
    applicable: [access, rectification, erasure, restriction, complaint]
    how_to_exercise: {nb: Send e-post., en: Send an e-mail.}
    response_time: {nb: Innen én måned., en: Within one month.}
  security_summary: {nb: Vi bruker TLS., en: We use TLS.}
  complaints: {nb: Klag til Datatilsynet., en: Complain to Datatilsynet.}
  promises:
    - id: deletes
      section: retention
      text: {nb: Vi sletter ved tilbaketrekning., en: We delete on withdrawal.}
      claim: deletes-on-consent-withdrawal
    - id: cookies
      section: cookies
      text: {nb: Bare nødvendige cookies uten samtykke., en: Only necessary cookies.}
      claim: only-strictly-necessary-cookies-without-consent
cookies:
  - id: stats
    name: _stats
    provider: acme
    first_party: true
    purpose: {nb: Forbedre nettsiden, en: Improve the website}
    category: strictly_necessary
    uses: [improvement]
    lifetime: {months: 12}
    consent_before_set: false
    activity: newsletter
"""


def run(make_registry: MakeRegistry, rule: str, *files: str) -> list[Finding]:
    org = not any("organisation:" in f for f in files)
    path = make_registry({f"f{i}.yaml": f for i, f in enumerate(files)}, organisation=org)
    return check(load_registry(path), today=TODAY, select=[rule])


def test_consent_needs_the_rights_to_withdraw_and_to_portability(
    make_registry: MakeRegistry,
) -> None:
    findings = run(make_registry, "R35", NEWSLETTER.replace("ROLE", "controller"))
    messages = [f.message for f in findings]
    assert any("right 'withdraw_consent'" in m for m in messages)
    assert any("right 'portability'" in m for m in messages)
    assert any("how to withdraw consent to 'send'" in m for m in messages)


def test_processor_activities_are_left_to_the_customers_notice(
    make_registry: MakeRegistry,
) -> None:
    assert run(make_registry, "R35", NEWSLETTER.replace("ROLE", "processor")) == []


def test_a_text_deep_in_an_activity_is_located_at_its_field(make_registry: MakeRegistry) -> None:
    text = NEWSLETTER.replace("ROLE", "controller").replace(
        "{nb: Sende nyhetsbrev, en: Send newsletters}", "{en: Send newsletters}"
    )
    [finding] = run(make_registry, "R37", text)
    assert (finding.line, finding.entity) == (8, "newsletter")
    assert "'purposes.0.description'" in finding.message
    assert "no nb version" in finding.message


def test_texts_of_measures_kept_out_of_the_notice_are_not_checked(
    make_registry: MakeRegistry,
) -> None:
    measure = (
        "security_measures:\n  - id: soc\n    name: {nb: Overvåking}\n"
        "    description: {nb: Intern}\n    public: false\n"
    )
    assert run(make_registry, "R37", measure) == []


def test_each_contradicted_promise_is_a_warning_at_its_claim(make_registry: MakeRegistry) -> None:
    findings = run(make_registry, "R38", PROMISES, NEWSLETTER.replace("ROLE", "controller"))
    assert [(f.line, f.severity.value) for f in findings] == [(28, "warning"), (32, "warning")]
    assert "'newsletter' is not recorded as deleted" in findings[0].message
    assert "'stats'" in findings[1].message


def test_an_answer_time_longer_than_one_month_is_reported_even_if_a_month_is_named(
    make_registry: MakeRegistry,
) -> None:
    from holte_ropa import load_registry as _load
    from holte_ropa.rules import check as _check
    from holte_ropa.rules._examples import organisation

    text = organisation().replace(
        "en: Within one month.}", "en: 'Within one month, or 45 days in busy periods.'}"
    )
    path = make_registry({"organisation.yaml": text}, organisation=False)
    [found] = _check(_load(path), today=_dt.date(2026, 11, 25), select=["R54"])
    assert "does not promise an answer within one month" in found.message
