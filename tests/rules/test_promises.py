"""Promises of the notice against the record (R55-R58): what each claim is compared with."""

from __future__ import annotations

import datetime as _dt

import pytest

from holte_ropa import RegistryError, load_registry
from holte_ropa.rules import Finding, check
from holte_ropa.rules._examples import organisation
from tests.conftest import MakeRegistry

TODAY = _dt.date(2026, 11, 25)


def promise(claim: str, activities: str = "") -> str:
    scope = f"\n      activities: [{activities}]" if activities else ""
    return organisation(
        extra=f"""\
  promises:
    - id: p
      section: other
      text: {{nb: Et løfte., en: A promise.}}
      claim: {claim}{scope}
"""
    )


def activity(id: str, role: str = "controller", **extra: str) -> str:
    lines = "".join(f"    {key}: {value}\n" for key, value in extra.items())
    processor = (
        "    processor:\n"
        "      controllers: {nb: Kundene, en: Customers}\n"
        "      agreement: {nb: Avtale, en: Agreement}\n"
        "      processing_categories: [{nb: Lagring, en: Storage}]\n"
        "      controller_register: CRM\n"
        if role == "processor"
        else ""
    )
    return f"""\
  - id: {id}
    name: {{nb: {id}, en: {id}}}
    description: {{nb: Noe., en: Something.}}
    role: {role}
{processor}{lines}"""


def party(id: str, role: str = "processor", **extra: str) -> str:
    lines = "".join(f"    {key}: {value}\n" for key, value in extra.items())
    return f"""\
  - id: {id}
    legal_name: {id} AS
    trade_name: {id}
    role: {role}
    service: {{nb: Tjeneste, en: Service}}
    locations: [{{country: "NO"}}]
{lines}"""


EMAIL = "data_categories:\n  - id: email\n    name: {nb: E-post, en: E-mail}\n"
CONSENT = (
    "[{id: ask, description: {nb: Spørre, en: Ask}, legal_basis: {basis: consent, "
    "collection: {nb: Skjema, en: A form}, withdrawal: {nb: Lenke, en: A link}}}]"
)


def run(make_registry: MakeRegistry, text: str, rule: str) -> list[Finding]:
    folder = make_registry({"registry.yaml": text}, organisation=False)
    return check(load_registry(folder), today=TODAY, select=[rule])


def test_agreements_promised_counts_the_processors_whose_reference_is_unknown(
    make_registry: MakeRegistry,
) -> None:
    text = (
        promise("processors-under-agreement")
        + "activities:\n"
        + activity("a", recipients="{processors: [x, y, z]}")
        + "parties:\n"
        + party("x", dpa="{reference: unknown}")
        + party("y", dpa="{reference: DBA-1}")
        + party("z")
    )
    [finding] = run(make_registry, text, "R55")
    assert finding.message == (
        "the notice promises 'p', but only 1 of the 3 processors has an agreement reference on "
        "record (unknown: 'x'): record the references or change the sentence"
    )
    assert (finding.entity, finding.line, finding.column) == (None, 28, 14)
    confirmed = text.replace("{reference: unknown}", "{reference: DBA-2}")
    assert run(make_registry, confirmed, "R55") == []


def test_agreements_promised_agree_in_number_and_leave_out_advertising_platforms(
    make_registry: MakeRegistry,
) -> None:
    """Meta's business terms are no data processing agreement (R24 says Meta is no
    processor), so Meta is not counted among the processors with an agreement."""
    text = (
        promise("processors-under-agreement")
        + "activities:\n"
        + activity("a", recipients="{processors: [w, x, y, meta]}")
        + "parties:\n"
        + party("w", dpa="{reference: DBA-0}")
        + party("x", dpa="{reference: unknown}")
        + party("y", dpa="{reference: DBA-1}")
        + party("meta", dpa="{reference: Meta business terms}", advertising_platform="true")
    )
    [finding] = run(make_registry, text, "R55")
    assert "but only 2 of the 3 processors have an agreement reference" in finding.message
    assert "men bare 2 av de 3 databehandlerne har en registrert avtalereferanse" in (
        finding.message_nb
    )


def test_a_guarantee_of_lawfulness_is_reported_only_where_the_organisation_is_a_processor(
    make_registry: MakeRegistry,
) -> None:
    acts = (
        "activities:\n"
        + activity("own", recipients="none")
        + activity("hosted", "processor", recipients="none")
    )
    [finding] = run(make_registry, promise("guarantees-lawful-processing") + acts, "R56")
    assert "in 'hosted', where it is a processor" in finding.message
    assert "GDPR Art. 5(2), 28(3)(a)" in finding.message
    own_only = promise("guarantees-lawful-processing", "own") + acts
    assert run(make_registry, own_only, "R56") == []


@pytest.mark.parametrize(
    ("extra", "how"),
    [
        (
            {
                "retention": "[{duration: {days: 30}, trigger: collection, "
                "description: {nb: 30 dager, en: 30 days}}]"
            },
            "records a retention period",
        ),
        ({"recipients": "{processors: [store]}"}, "has 'store' process the data on its behalf"),
    ],
)
def test_stores_nothing_is_contradicted_by_retention_or_a_processor(
    make_registry: MakeRegistry, extra: dict[str, str], how: str
) -> None:
    extra.setdefault("recipients", "none")
    text = (
        promise("stores-nothing", "app")
        + "activities:\n"
        + activity("app", data_categories="[email]", **extra)
        + EMAIL
        + "parties:\n"
        + party("store", dpa="{reference: DBA-1}")
    )
    [finding] = run(make_registry, text, "R57")
    assert finding.message.startswith("the notice says nothing is stored ('p'), but 'app' ")
    assert how in finding.message


def test_stores_nothing_holds_for_an_activity_without_personal_data(
    make_registry: MakeRegistry,
) -> None:
    text = promise("stores-nothing") + "activities:\n" + activity("app", recipients="none")
    assert run(make_registry, text, "R57") == []


@pytest.mark.parametrize(
    ("recipients", "parties", "holders"),
    [
        ("{controllers: [partner]}", party("partner", "controller"), "('partner')"),
        (
            "{processors: [pixel]}",
            party("pixel", dpa="{reference: DBA-1}", advertising_platform="true"),
            "('pixel')",
        ),
    ],
)
def test_deletion_on_withdrawal_cannot_reach_other_controllers(
    make_registry: MakeRegistry, recipients: str, parties: str, holders: str
) -> None:
    text = (
        promise("deletes-on-consent-withdrawal")
        + "activities:\n"
        + activity("ads", purposes=CONSENT, recipients=recipients)
        + "parties:\n"
        + parties
    )
    [finding] = run(make_registry, text, "R58")
    assert f"held by other controllers {holders}" in finding.message
    assert "(GDPR Art. 19)" in finding.words.en and "(GDPR art. 19)" in finding.words.nb


def test_deletion_on_withdrawal_holds_when_only_processors_receive_the_data(
    make_registry: MakeRegistry,
) -> None:
    text = (
        promise("deletes-on-consent-withdrawal")
        + "activities:\n"
        + activity("mail", purposes=CONSENT, recipients="{processors: [tool]}")
        + "parties:\n"
        + party("tool", dpa="{reference: DBA-1}")
    )
    assert run(make_registry, text, "R58") == []


def test_a_promise_names_only_activities_that_exist(make_registry: MakeRegistry) -> None:
    text = promise("stores-nothing", "ap") + "activities:\n" + activity("app", recipients="none")
    with pytest.raises(RegistryError) as caught:
        run(make_registry, text, "R57")
    [problem] = caught.value.problems
    assert "'ap' is not defined (did you mean 'app'?)" in str(problem)
    assert (problem.position.line, problem.position.column) == (29, 20)
