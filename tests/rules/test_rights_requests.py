"""R71 and the period reader: the answer time the notice states, against Art. 12(3)."""

from __future__ import annotations

import datetime as _dt

import pytest

from holte_ropa import load_registry
from holte_ropa.rules import Finding, check
from holte_ropa.rules._examples import organisation
from holte_ropa.rules._periods import stated_periods
from tests.conftest import MakeRegistry

TODAY = _dt.date(2026, 11, 25)
ONE_MONTH = "response_time: {nb: Innen én måned., en: Within one month.}"


def run(make_registry: MakeRegistry, nb: str, en: str, rule: str = "R71") -> list[Finding]:
    text = organisation().replace(ONE_MONTH, f"response_time: {{nb: '{nb}', en: '{en}'}}")
    folder = make_registry({"organisation.yaml": text}, organisation=False)
    return check(load_registry(folder), today=TODAY, select=[rule])


@pytest.mark.parametrize(
    ("text", "lang", "periods"),
    [
        ("Innen én måned, eller to måneder.", "nb", [("én måned", 30), ("to måneder", 61)]),
        ("One month, or two more months.", "en", [("One month", 30), ("two more months", 61)]),
        ("Vi svarer innen 30 virkedager.", "nb", [("30 virkedager", 42)]),
        ("We answer within a week.", "en", [("a week", 7)]),
        ("Så fort som mulig, i tråd med personopplysningsloven.", "nb", []),
        ("Within 45 days.", "en", [("45 days", 45)]),
    ],
)  # fmt: skip
def test_periods_are_read_in_their_own_words_with_their_length_in_days(
    text: str, lang: str, periods: list[tuple[str, int]]
) -> None:
    assert [(p.text, round(p.days)) for p in stated_periods(text, lang)] == periods


@pytest.mark.parametrize(
    ("nb", "en", "said"),
    [
        ("Innen tre måneder.", "Within three months.", "'tre måneder' (nb), 'three months' (en)"),
        ("Innen 45 dager.", "Within one month.", "'45 dager' (nb)"),
        ("Innen én måned.", "Within 30 working days.", "'30 working days' (en)"),
    ],
)
def test_a_shortest_period_longer_than_a_month_is_reported_per_language(
    make_registry: MakeRegistry, nb: str, en: str, said: str
) -> None:
    [finding] = run(make_registry, nb, en)
    assert finding.message == (
        f"the notice says requests are answered within {said}, longer than GDPR Art. 12(3) "
        "allows: one month, extendable by two further months only where needed, with the "
        "reasons given within the first month"
    )
    assert (finding.severity.value, finding.line) == ("warning", 21)


@pytest.mark.parametrize(
    ("nb", "en"),
    [
        (
            "Innen én måned, som kan forlenges med to måneder; da får du begrunnelsen innen "
            "den første måneden.",
            "Within one month, or three.",
        ),
        ("Innen 30 dager.", "Within four weeks."),
        ("Så fort som mulig.", "As soon as possible."),
    ],
)
def test_one_month_or_less_or_no_period_at_all_passes(
    make_registry: MakeRegistry, nb: str, en: str
) -> None:
    assert run(make_registry, nb, en) == []


@pytest.mark.parametrize(
    ("nb", "en", "said"),
    [
        (
            "Innen en måned, eller seks måneder i kompliserte saker.",
            "Within one month.",
            "'seks måneder' (nb)",
        ),
        ("Innen én måned.", "Within one month, or 120 days if needed.", "'120 days' (en)"),
    ],
)
def test_any_period_longer_than_three_months_in_all_is_reported(
    make_registry: MakeRegistry, nb: str, en: str, said: str
) -> None:
    [finding] = run(make_registry, nb, en)
    assert finding.message.startswith(f"the notice states a period of {said} for answering")
    assert "three months" in finding.message
    assert (finding.severity.value, finding.line) == ("warning", 21)


@pytest.mark.parametrize(
    ("nb", "en", "lang"),
    [
        ("Innen én måned, som kan forlenges med to måneder.", "Within one month.", "nb"),
        (
            "Innen én måned.",
            "Within one month; in complex cases two further months. We tell you why.",
            "en",
        ),
        (
            "Innen én måned, eller tre måneder i kompliserte saker; da sier vi fra innen den "
            "første måneden.",
            "Within one month.",
            "nb",
        ),
    ],
)
def test_an_extension_without_reasons_within_the_first_month_is_reported(
    make_registry: MakeRegistry, nb: str, en: str, lang: str
) -> None:
    [finding] = run(make_registry, nb, en)
    said = {"nb": nb, "en": en}[lang]
    assert finding.message == (
        f"the notice states an extension of the answer time ('{said}' ({lang})) without saying "
        "that the person is told of it, with the reasons, within the first month "
        "(GDPR Art. 12(3)): add that"
    )


def test_a_notice_with_no_period_is_left_to_r51(make_registry: MakeRegistry) -> None:
    [finding] = run(make_registry, "Så fort som mulig.", "As soon as possible.", "R51")
    assert finding.rule == "R51"
