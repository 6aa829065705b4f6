"""Lawfulness (Art. 6, 7, 9, 10, 21): the branches the rules' own examples do not show."""

from __future__ import annotations

import datetime as _dt

import pytest

from holte_ropa import Finding, all_rules, check, load_registry
from tests.conftest import FIXTURES, MakeRegistry

TODAY = _dt.date(2026, 11, 25)

VOCABULARY = """\
subject_categories:
  - {id: staff, name: {nb: Ansatte, en: Employees}, relationship: employee}
  - {id: pupils, name: {nb: Elever, en: Pupils}, vulnerable: true}
data_categories:
  - {id: convictions, name: {nb: Politiattest, en: Police certificate}, kind: criminal}
"""


def activity(basis: str, *extra: str, subjects: str = "[]", data: str = "[]") -> str:
    lines = [
        "activities:",
        "  - id: staff-admin",
        "    name: {nb: Personal, en: Staff}",
        "    description: {nb: Personaladministrasjon, en: Staff administration}",
        "    role: controller",
        "    purposes:",
        "      - id: main",
        "        description: {nb: Formålet, en: The purpose}",
        f"        legal_basis: {basis}",
        *[f"        {line}" for line in extra],
        f"    subject_categories: {subjects}",
        f"    data_categories: {data}",
        "    recipients: none",
    ]
    return "\n".join(lines) + "\n"


def run(make_registry: MakeRegistry, rule: str, *files: str, org: bool = True) -> list[str]:
    path = make_registry({f"f{i}.yaml": text for i, text in enumerate(files)}, organisation=org)
    return [
        f"{f.rule} {f.severity.value} {f.file}:{f.line} {f.message}"
        for f in check(load_registry(path), today=TODAY, select=[rule])
    ]


def li(interest: str = "{en: Running the firm}", test: str = "{reference: LIA-1}") -> str:
    return (
        f"{{basis: legitimate_interest, interest: {interest}, balancing_test: {test}, "
        "right_to_object: {en: E-mail us}}"
    )


def test_an_undated_balancing_test_is_a_warning_and_a_missing_interest_an_error(
    make_registry: MakeRegistry,
) -> None:
    found = run(make_registry, "R13", activity(li(interest="unknown")))
    assert [f.split(" ", 2)[1] for f in found] == ["error", "warning"]
    assert "interest pursued by 'main'" in found[0]
    assert "'LIA-1'" in found[1] and "no date" in found[1]


def test_a_missing_balancing_test_is_a_warning_of_accountability_not_an_error(
    make_registry: MakeRegistry,
) -> None:
    found = run(make_registry, "R13", activity(li(test="unknown")))
    assert [f.split(" ", 2)[1] for f in found] == ["warning"]
    assert "without a balancing test" in found[0]


def test_a_public_task_needs_a_statute_and_a_way_to_object(make_registry: MakeRegistry) -> None:
    task = activity("{basis: public_task, source: unknown}")
    [objection] = run(make_registry, "R14", task)
    [statute] = run(make_registry, "R16", task)
    assert "rests on a public task but does not say how to object" in objection
    assert "rests on a public task without naming the statute" in statute


CUSTOMERS = """\
subject_categories:
  - {id: customers, name: {nb: Kunder, en: Customers}, relationship: customer}
  - {id: prospects, name: {nb: Interessenter, en: Prospects}}
"""
EXCEPTION = (
    "direct_marketing: true",
    "electronic_marketing: true",
    "existing_customer_exception: true",
    "opt_out: {en: A box at checkout and a link in every e-mail}",
)
FROM_THE_CUSTOMER = "    sources: [{kind: data_subject, description: {en: At checkout}}]"


def test_e_mail_marketing_under_the_existing_customer_exception_passes(
    make_registry: MakeRegistry,
) -> None:
    flags = ("direct_marketing: true", "electronic_marketing: true")
    assert run(make_registry, "R15", activity(li(), *flags))
    shop = activity(li(), *EXCEPTION, subjects="[customers]") + FROM_THE_CUSTOMER
    assert not run(make_registry, "R15", shop, CUSTOMERS)


@pytest.mark.parametrize(
    ("change", "gap"),
    [
        (("source", "kind: other"), "another source than the customer (a bought list"),
        (("subjects", "[customers, prospects]"), "the subject categories 'prospects' are not"),
        (("opt_out", ""), "how the opt-out is offered at collection and in every message"),
    ],
)
def test_the_existing_customer_exception_is_checked_against_the_record(
    make_registry: MakeRegistry, change: tuple[str, str], gap: str
) -> None:
    what, value = change
    flags = EXCEPTION[:3] if what == "opt_out" else EXCEPTION
    subjects = value if what == "subjects" else "[customers]"
    source = FROM_THE_CUSTOMER.replace("kind: data_subject", value or "kind: data_subject")
    if what != "source":
        source = FROM_THE_CUSTOMER
    shop = activity(li(), *flags, subjects=subjects) + source
    [found] = run(make_registry, "R15", shop, CUSTOMERS)
    assert found.startswith(
        "R15 error registry/f0.yaml:12 'main' in 'staff-admin' claims the "
        "existing-customer exception of markedsføringsloven § 15 third "
        "paragraph, but "
    )
    assert gap in found


def test_direct_marketing_without_objection_among_the_rights_is_reported_on_the_organisation(
    make_registry: MakeRegistry,
) -> None:
    org = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    no_objection = org.replace("restriction, objection,", "restriction,")
    marketing = activity(li(), "direct_marketing: true")
    [finding] = run(make_registry, "R15", no_objection, marketing, org=False)
    assert finding.startswith("R15 error registry/f0.yaml:27 ")
    assert "(staff-admin/main)" in finding


def test_criminal_data_needs_an_article_10_basis(make_registry: MakeRegistry) -> None:
    contract = "{basis: contract, contract: {en: Employment}}"
    [finding] = run(make_registry, "R17", VOCABULARY, activity(contract, data="[convictions]"))
    assert "criminal convictions" in finding and "Art. 10" in finding
    basis = "criminal_data_basis: {en: Politiregisterloven § 39}"
    fixed = activity(contract, data="[convictions]").replace(
        "    recipients", f"    {basis}\n    recipients"
    )
    assert not run(make_registry, "R17", VOCABULARY, fixed)


def test_consent_from_employees_names_the_relationship_and_vulnerable_falls_back(
    make_registry: MakeRegistry,
) -> None:
    consent = "{basis: consent, collection: {en: Form}, withdrawal: {en: E-mail}, proof: log}"
    found = run(make_registry, "R19", VOCABULARY, activity(consent, subjects="[staff, pupils]"))
    assert len(found) == 2
    employees = [f for f in found if "'staff'" in f]
    pupils = [f for f in found if "'pupils'" in f]
    assert len(employees) == len(pupils) == 1
    assert "who are employees" in employees[0]
    assert "marked vulnerable" in pupils[0] and "relationship:" in pupils[0]


def test_no_imbalance_finding_without_consent(make_registry: MakeRegistry) -> None:
    contract = "{basis: contract, contract: {en: Employment}}"
    assert not run(make_registry, "R19", VOCABULARY, activity(contract, subjects="[staff]"))


# --------------------------------------------------------------------------- exact findings


def described(findings: list[Finding]) -> list[tuple[str | None, int, int, str, str, str]]:
    """What a person reads: entity, line and column, severity, and both messages."""
    return [
        (f.entity, f.line, f.column, f.severity.value, f.message, f.message_nb) for f in findings
    ]


def findings(make_registry: MakeRegistry, rule: str, *files: str) -> list[Finding]:
    path = make_registry({f"f{i}.yaml": text for i, text in enumerate(files)})
    return check(load_registry(path), today=TODAY, select=[rule])


def purpose(name: str, basis: str, *flags: str) -> list[str]:
    return [
        f"      - id: {name}",
        "        description: {nb: Formålet, en: The purpose}",
        f"        legal_basis: {basis}",
        *[f"        {flag}" for flag in flags],
    ]


def activities(*blocks: tuple[str, list[list[str]], str]) -> str:
    """Activities given as (id, purposes, extra lines under the activity)."""
    lines = ["activities:"]
    for name, purposes, extra in blocks:
        lines += [
            f"  - id: {name}",
            f"    name: {{nb: {name}, en: {name}}}",
            f"    description: {{nb: {name}, en: {name}}}",
            "    role: controller",
            "    purposes:",
            *[line for p in purposes for line in p],
            *[f"    {line}" for line in extra.splitlines()],
        ]
    return "\n".join(lines) + "\n"


CONTRACT = "{basis: contract, contract: {en: Employment}}"
CONSENT = "{basis: consent, collection: {en: Form}, withdrawal: {en: E-mail}, proof: log}"
LI = li(test="{reference: LIA-1, date: 2025-01-01}")

EXAMPLES: dict[str, tuple[str, int, int, str, str, str]] = {
    "R10": (
        "web-forms",
        9,
        22,
        "error",
        "the purpose 'contact' of 'web-forms' has no settled legal basis",
        "formålet 'contact' i 'web-forms' mangler avklart behandlingsgrunnlag",
    ),
    "R11": (
        "marketing-cookies",
        12,
        23,
        "error",
        "the consent for 'ads' in 'marketing-cookies' does not say how it is withdrawn",
        "samtykket til 'ads' i 'marketing-cookies' sier ikke hvordan det trekkes tilbake",
    ),
    "R12": (
        "newsletter",
        13,
        18,
        "warning",
        "the record does not say where proof of consent for 'send' in 'newsletter' is kept",
        "protokollen sier ikke hvor beviset for samtykket til 'send' i 'newsletter' oppbevares",
    ),
    "R13": (
        "customer-follow-up",
        12,
        27,
        "warning",
        "'follow-up' in 'customer-follow-up' rests on legitimate interest without a balancing "
        "test (LIA)",
        "'follow-up' i 'customer-follow-up' bygger på berettiget interesse uten interesseavveining",
    ),
    "R14": (
        "customer-follow-up",
        10,
        11,
        "error",
        "'follow-up' in 'customer-follow-up' rests on legitimate interest but does not say how "
        "to object",
        "'follow-up' i 'customer-follow-up' bygger på berettiget interesse, men sier ikke "
        "hvordan man protesterer",
    ),
    "R15": (
        "newsletter",
        10,
        11,
        "error",
        "'offers' in 'newsletter' markets by e-mail or SMS on legitimate interest; "
        "markedsføringsloven § 15 first paragraph requires the natural person's prior consent "
        "unless the existing-customer exception of its third paragraph applies and is recorded",
        "'offers' i 'newsletter' markedsfører på e-post eller SMS med berettiget interesse som "
        "grunnlag; markedsføringsloven § 15 første ledd krever forhåndssamtykke fra den fysiske "
        "personen med mindre unntaket for eksisterende kunder i tredje ledd gjelder og er "
        "registrert",
    ),
    "R16": (
        "invoicing",
        11,
        19,
        "error",
        "'bookkeeping' in 'invoicing' rests on a legal obligation without naming the statute "
        "and section",
        "'bookkeeping' i 'invoicing' bygger på en rettslig forpliktelse uten å oppgi lov og "
        "paragraf",
    ),
    "R17": (
        "absence",
        14,
        23,
        "error",
        "'absence' processes special category data ('sick-leave') without an Art. 9(2) condition",
        "'absence' behandler særlige kategorier av personopplysninger ('sick-leave') uten et "
        "vilkår i art. 9(2)",
    ),
    "R18": (
        "payroll",
        14,
        23,
        "warning",
        "'payroll' processes national identity numbers ('national-id') without saying why "
        "secure identification is needed",
        "'payroll' behandler fødselsnummer ('national-id') uten å si hvorfor sikker "
        "identifisering er nødvendig",
    ),
    "R19": (
        "recruitment",
        12,
        11,
        "warning",
        "'assess' in 'recruitment' rests on consent from 'applicants', who are job applicants: "
        "with that imbalance of power consent is rarely freely given (Art. 4(11), Recital 43); "
        "consider another basis",
        "'assess' i 'recruitment' bygger på samtykke fra 'applicants', som er jobbsøkere: med "
        "en slik maktubalanse er samtykke sjelden frivillig (art. 4 nr. 11, fortale 43); vurder et "
        "annet grunnlag",
    ),
    "R20": (
        "quote-requests",
        12,
        11,
        "warning",
        "'quote-requests' discloses data to independent controllers (partner) and "
        "'share-with-partner' rests on legitimate interest; if the person's own request "
        "triggers the disclosure, Art. 6(1)(b) or consent fits better",
        "'quote-requests' utleverer opplysninger til selvstendige behandlingsansvarlige "
        "(partner) og 'share-with-partner' bygger på berettiget interesse; utløses utleveringen av "
        "personens egen forespørsel, passer art. 6(1)(b) eller samtykke bedre",
    ),
}


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_each_rule_explains_its_bad_example_on_the_activity_in_both_languages(
    make_registry: MakeRegistry, rule_id: str
) -> None:
    [rule] = [r for r in all_rules() if r.id == rule_id]
    assert described(findings(make_registry, rule_id, rule.bad)) == [EXAMPLES[rule_id]]


def test_a_missing_interest_and_an_undated_balancing_test_are_located_at_their_fields(
    make_registry: MakeRegistry,
) -> None:
    found = findings(make_registry, "R13", activity(li(interest="unknown")))
    assert described(found) == [
        (
            "staff-admin",
            9,
            61,
            "error",
            "the legitimate interest pursued by 'main' in 'staff-admin' is not named",
            "den berettigede interessen bak 'main' i 'staff-admin' er ikke oppgitt",
        ),
        (
            "staff-admin",
            9,
            98,
            "warning",
            "the balancing test 'LIA-1' for 'main' in 'staff-admin' has no date, so nobody can "
            "tell whether it predates and still fits the processing",
            "interesseavveiningen 'LIA-1' for 'main' i 'staff-admin' er ikke datert, så ingen "
            "kan se om den kom før og fortsatt passer behandlingen",
        ),
    ]


def test_every_e_mail_marketing_purpose_is_judged_whatever_purposes_come_before_it(
    make_registry: MakeRegistry,
) -> None:
    email = ("direct_marketing: true", "electronic_marketing: true")
    text = activities(
        (
            "shop",
            [
                purpose("sell", CONTRACT),
                purpose("old-customers", LI, *email, "existing_customer_exception: true"),
                purpose("subscribers", CONSENT, *email),
                purpose("unsettled", "unknown", *email),
                purpose("everyone", LI, *email),
            ],
            "recipients: none",
        )
    )
    claimed, finding = findings(make_registry, "R15", text)
    assert "'old-customers' in 'shop' claims the existing-customer exception" in claimed.message
    assert (finding.entity, finding.line) == ("shop", 28)
    assert finding.message.startswith("'everyone' in 'shop' markets by e-mail or SMS")


def test_direct_marketing_without_objection_names_three_purposes_and_marks_the_rest(
    make_registry: MakeRegistry,
) -> None:
    org = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    applicable = (
        "    applicable: [access, rectification, erasure, restriction, objection, complaint]\n"
    )
    assert applicable in org
    no_objection = org.replace(applicable, "").replace(
        "    response_time:", "    applicable: [access, complaint]\n    response_time:"
    )
    post = "direct_marketing: true"
    marketing = [purpose(name, LI, post) for name in ("a", "b", "c", "d")]
    four = activities(("mail", marketing, "recipients: none"))
    three = activities(("mail", marketing[:3], "recipients: none"))
    assert described(run_org(make_registry, no_objection, four)) == [
        (
            None,
            28,
            17,
            "error",
            "the organisation does direct marketing (mail/a, mail/b, mail/c ...) but its "
            "rights do not include objection, which Art. 21(2) makes unconditional",
            "organisasjonen driver direkte markedsføring (mail/a, mail/b, mail/c ...), men "
            "rettighetene omfatter ikke protest, som art. 21(2) gjør ubetinget",
        )
    ]
    [finding] = run_org(make_registry, no_objection, three)
    assert "(mail/a, mail/b, mail/c) but" in finding.message


def run_org(make_registry: MakeRegistry, organisation: str, text: str) -> list[Finding]:
    path = make_registry({"organisation.yaml": organisation, "f.yaml": text}, organisation=False)
    return check(load_registry(path), today=TODAY, select=["R15"])


KINDS = """\
subject_categories:
  - {id: customers, name: {nb: Kunder, en: Customers}}
  - {id: staff, name: {nb: Ansatte, en: Employees}, relationship: employee}
  - {id: pupils, name: {nb: Elever, en: Pupils}, vulnerable: true}
data_categories:
  - {id: health, name: {nb: Helse, en: Health}, kind: special}
  - {id: union, name: {nb: Fagforening, en: Trade union}, kind: special}
  - {id: convictions, name: {nb: Politiattest, en: Police certificate}, kind: criminal}
  - {id: offences, name: {nb: Lovbrudd, en: Offences}, kind: criminal}
  - {id: national-id, name: {nb: Fødselsnummer, en: National identity number}, kind: national_id}
  - {id: d-number, name: {nb: D-nummer, en: D number}, kind: national_id}
"""


def test_special_and_criminal_data_are_each_reported_once_per_activity_at_the_first_category(
    make_registry: MakeRegistry,
) -> None:
    data = "data_categories: [health, union, convictions, offences]\nrecipients: none"
    text = activities(("hr", [purpose("main", CONTRACT)], data))
    assert described(findings(make_registry, "R17", KINDS, text)) == [
        (
            "hr",
            10,
            23,
            "error",
            "'hr' processes special category data ('health') without an Art. 9(2) condition",
            "'hr' behandler særlige kategorier av personopplysninger ('health') uten et vilkår "
            "i art. 9(2)",
        ),
        (
            "hr",
            10,
            38,
            "error",
            "'hr' processes data on criminal convictions or offences ('convictions') without "
            "an Art. 10 basis",
            "'hr' behandler opplysninger om straffedommer og lovovertredelser ('convictions') "
            "uten grunnlag etter art. 10",
        ),
    ]


def test_national_identity_numbers_are_reported_once_for_each_activity_without_justification(
    make_registry: MakeRegistry,
) -> None:
    both = "data_categories: [national-id, d-number]\nrecipients: none"
    justified = f"national_id_justification: {{en: Payroll reporting}}\n{both}"
    text = activities(
        ("payroll", [purpose("main", CONTRACT)], justified),
        ("loans", [purpose("main", CONTRACT)], both),
        ("pensions", [purpose("main", CONTRACT)], both),
    )
    found = findings(make_registry, "R18", KINDS, text)
    assert [(f.entity, f.line, f.column) for f in found] == [
        ("loans", 21, 23),
        ("pensions", 31, 23),
    ]


def test_consent_is_judged_for_every_activity_and_purpose_with_dependent_people(
    make_registry: MakeRegistry,
) -> None:
    text = activities(
        ("shop", [purpose("main", CONSENT)], "subject_categories: [customers]\nrecipients: none"),
        (
            "school",
            [purpose("teach", CONTRACT), purpose("photos", CONSENT)],
            "subject_categories: [customers, staff, pupils]\nrecipients: none",
        ),
    )
    found = findings(make_registry, "R19", KINDS, text)
    assert [(f.entity, f.line, f.column) for f in found] == [
        ("school", 22, 22),
        ("school", 22, 22),
    ]
    assert [(f.message, f.message_nb) for f in found] == [
        (
            "'photos' in 'school' rests on consent from 'pupils', marked vulnerable: if they are "
            "employees or applicants, consent is rarely freely given (Recital 43); record "
            "`relationship:` on the category to be precise",
            "'photos' i 'school' bygger på samtykke fra 'pupils', merket som sårbare: er de "
            "ansatte eller søkere, er samtykke sjelden frivillig (fortale 43); registrer "
            "`relationship:` på kategorien for å være presis",
        ),
        (
            "'photos' in 'school' rests on consent from 'staff', who are employees: with that "
            "imbalance of power consent is rarely freely given (Art. 4(11), Recital 43); "
            "consider another basis",
            "'photos' i 'school' bygger på samtykke fra 'staff', som er ansatte: med en slik "
            "maktubalanse er samtykke sjelden frivillig (art. 4 nr. 11, fortale 43); vurder et "
            "annet grunnlag",
        ),
    ]


PARTNERS = """\
parties:
  - id: bank
    legal_name: Bank ASA
    trade_name: Bank
    role: controller
    service: {nb: Lån, en: Loans}
    locations: [{country: "NO"}]
  - id: insurer
    legal_name: Insurer ASA
    trade_name: Insurer
    role: controller
    service: {nb: Forsikring, en: Insurance}
    locations: [{country: "NO"}]
"""


def test_disclosure_to_controllers_on_legitimate_interest_is_judged_for_every_activity(
    make_registry: MakeRegistry,
) -> None:
    text = activities(
        ("notes", [purpose("main", LI)], "recipients: none"),
        ("shop", [purpose("main", LI)], "recipients: {controllers: []}"),
        ("survey", [purpose("main", LI)], "recipients: {controllers: [bank]}"),
        ("offers", [purpose("main", LI)], "recipients: {controllers: [bank, insurer]}"),
    )
    # The person asks for the offers; nobody asks for the survey the firm takes part in.
    text = text.replace(
        "description: {nb: offers, en: offers}", "description: {en: Offers you request}"
    )
    [finding] = findings(make_registry, "R20", PARTNERS, text)
    assert (finding.entity, finding.line) == ("offers", 36)
    assert "controllers (bank, insurer) and 'main'" in finding.message
    assert "behandlingsansvarlige (bank, insurer) og 'main'" in finding.message_nb
