"""The notice reads as a person writes: gaps as sentences, no one-item lists, nothing said
once per activity that is the same for all of them, no "other information" that an
activity says already (issue: a notice that can be published, item 4)."""

from __future__ import annotations

import itertools
import re
from functools import cache

import pytest

from holte_ropa import Registry, load_registry
from holte_ropa.notice import render_notice, render_processors
from tests.conftest import FIXTURES, ROOT, MakeRegistry

SMALL = (FIXTURES / "small" / "registry.yaml").read_text(encoding="utf-8")
ORGANISATION = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
GAP = {"nb": "Ikke avklart ennå", "en": "Not yet confirmed"}


@cache
def _registry(name: str) -> Registry:
    return load_registry(ROOT / "registry" if name == "holte" else FIXTURES / name)


@pytest.mark.parametrize("name", ["holte", "small", "fjordlys"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_gap_in_running_text_is_a_sentence_not_a_form_field(name: str, lang: str) -> None:
    # "Slik klager du til oss: Ikke avklart ennå." reads like an unfilled form; lists of
    # contact details and table cells may name the gap, paragraphs say it in words.
    form = re.compile(rf"^[^-|<#*\s].*: {GAP[lang]}\.?$")
    page = render_notice(_registry(name), lang)
    assert [line for line in page.splitlines() if form.match(line)] == []


@pytest.mark.parametrize("name", ["holte", "small", "fjordlys"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_list_has_more_than_one_item(name: str, lang: str) -> None:
    # "The legal basis is not yet confirmed for:" over one bullet reads like a form; one
    # item is a sentence.
    registry = _registry(name)
    for page in (render_notice(registry, lang), render_processors(registry, lang)):
        blocks = page.split("\n\n")
        assert [b for b in blocks if b.startswith("- ") and "\n- " not in b] == []
        for lead, items in itertools.pairwise(blocks):
            if lead.endswith(":") and items.startswith("- "):
                assert items.count("\n- ") >= 1, (lead, items)


def test_a_single_purpose_names_its_basis_after_it() -> None:
    nb = render_notice(_registry("holte"), "nb")
    en = render_notice(_registry("holte"), "en")
    assert (
        "Vedlikeholde og forbedre appene våre. Behandlingsgrunnlaget for dette er ikke "
        "avklart ennå."
    ) in nb
    assert "Maintain and improve our apps. The legal basis for this is not yet confirmed." in en
    assert "Send newsletters. The legal basis for this is consent (GDPR Art. 6(1)(a))." in (
        render_notice(_registry("small"), "en")
    )


@pytest.mark.parametrize(
    ("lang", "said_once"),
    [
        (
            "nb",
            "Det er ikke avklart ennå om du må gi oss opplysningene i disse "
            "behandlingsaktivitetene, og hva som skjer hvis du ikke gjør det.",
        ),
        (
            "en",
            "Whether you have to give us the data in these processing activities, and what "
            "happens if you do not, is not yet confirmed.",
        ),
    ],
)
def test_an_unknown_requirement_shared_by_every_activity_is_said_once(
    lang: str, said_once: str
) -> None:
    # Art. 13(2)(e): Holte's record knows it for no activity; nine "Not yet confirmed"
    # sections would say one gap nine times.
    page = render_notice(_registry("holte"), lang)
    assert page.count(said_once) == 1
    assert "{#requirement}" in page
    assert not re.search(r"\{#activity-[a-z-]+-requirement\}", page)


def test_an_activity_whose_requirement_alone_is_unknown_says_so_in_its_own_section(
    make_registry: MakeRegistry,
) -> None:
    text = SMALL.replace(
        "    owner: Marketing lead\n", "    owner: Marketing lead\n    requirement: unknown\n", 1
    )
    assert text != SMALL
    page = render_notice(load_registry(make_registry({"registry.yaml": text})), "en")
    assert "{#activity-newsletter-requirement}" in page
    assert (
        "Whether you have to give us the data, and what happens if you do not, is not yet "
        "confirmed."
    ) in page
    assert "{#requirement}" not in page


def test_other_information_leaves_out_what_an_activity_says_already() -> None:
    # Holte's three "other" promises repeat the direct marketing, app and recruitment
    # activities nearly word for word: the section would say them a second time.
    for lang in ("nb", "en"):
        page = render_notice(_registry("holte"), lang)
        assert "{#other}" not in page
        assert (
            page.count(
                "normalt ikke opplysninger om brukeren" if lang == "nb" else "normally do not store"
            )
            == 1
        )


def test_other_information_keeps_what_nothing_else_says(make_registry: MakeRegistry) -> None:
    promise = (
        "  promises:\n"
        "    - id: no-sale\n"
        "      section: other\n"
        "      claim: none\n"
        "      text: {nb: Vi selger aldri opplysninger om deg til noen andre., "
        "en: We never sell data about you to anyone else.}\n"
    )
    files = {"organisation.yaml": ORGANISATION + promise, "registry.yaml": SMALL}
    page = render_notice(load_registry(make_registry(files, organisation=False)), "en")
    assert "{#other}" in page
    assert "We never sell data about you to anyone else." in page


def test_the_controller_of_a_processor_activity_is_named_in_a_sentence() -> None:
    nb = render_notice(_registry("small"), "nb")
    en = render_notice(_registry("small"), "en")
    assert "Kundene våre har behandlingsansvaret for disse opplysningene." in nb
    assert "Our customers act as controller for this data." in en
    assert "Controller:" not in en


def test_what_withdrawing_consent_means_is_said_once_under_the_rights() -> None:
    # Art. 7(3): with the rights listing withdrawal, an activity says how to withdraw, the
    # rights say what it means.
    for lang, effect in (
        ("nb", "Det påvirker ikke behandlingen før du trakk det tilbake"),
        ("en", "This does not affect the processing before you withdrew it"),
    ):
        page = render_notice(_registry("holte"), lang)
        assert page.count(effect) == 1
        assert page.index(effect) > page.index("{#rights}")


def test_a_copy_of_the_safeguards_is_offered_once_under_the_transfers() -> None:
    page = render_notice(_registry("fjordlys"), "en")
    assert page.count("Ask for a copy by e-mail.") == 1
    assert page.index("Ask for a copy by e-mail.") > page.index("{#transfers}")


def test_a_controller_the_activitys_own_words_name_already_is_not_named_again() -> None:
    # Holte's text says "the company is the controller"; "Companies that use Holte's
    # software (Holte's customers) act as controller" after it would say it twice.
    for lang, role in (("nb", "behandlingsansvarlig"), ("en", "controller")):
        page = render_notice(_registry("holte"), lang)
        processor = page[page.index("{#processor}") : page.index("{#controller}")]
        assert role in processor
        assert "(Holtes kunder)" not in processor and "(Holte's customers)" not in processor


def test_a_purpose_the_activity_already_describes_is_not_said_again() -> None:
    # Holte's marketing cookies: the introduction says what the cookies are for and how
    # consent is asked; the purpose section names only the basis.
    for lang, intro, basis, asked in (
        (
            "nb",
            "blant annet Facebook og Google",
            "Behandlingsgrunnlaget for formålet beskrevet over er samtykke",
            "Ved første besøk kan du godkjenne",
        ),
        (
            "en",
            "among others Facebook and Google",
            "The legal basis for the purpose described above is consent",
            "On your first visit you can accept",
        ),
    ):
        page = render_notice(_registry("holte"), lang)
        start = page.index("{#activity-website-cookies-marketing}")
        section = page[start : page.index("\n### ", start)]
        assert section.count(intro) == 1
        assert section.count(asked) == 1
        assert basis in section


def test_sharing_names_the_activities_whose_recipients_are_unknown_not_all_sharing() -> None:
    # The processors table follows: "Who we share personal data with is not yet
    # confirmed" above it would not be true; the gap is three activities'.
    en = render_notice(_registry("holte"), "en")
    sharing = en[en.index("{#sharing}") : en.index("{#transfers}")]
    assert "Who we share personal data with is not yet confirmed." not in sharing
    assert (
        "For newsletters and surveys, recruitment and order and contact forms on the "
        "website, who receives the data is not yet confirmed."
    ) in sharing
    nb = render_notice(_registry("holte"), "nb")
    assert "For nyhetsbrev og spørreundersøkelser, rekruttering og bestillings- og " in nb


def test_an_unknown_data_protection_officer_is_a_sentence_after_the_contact_details() -> None:
    # Holte's notice says nothing of a DPO (Art. 13(1)(b)): not a contact line to call.
    for lang, said in (
        ("nb", "Det er ikke avklart ennå om vi har et personvernombud."),
        ("en", "Whether we have a data protection officer is not yet confirmed."),
    ):
        page = render_notice(_registry("holte"), lang)
        contact = page[page.index("{#controller}") : page.index("{#activities}")]
        assert f"\n\n{said}\n" in contact
        assert not [
            line for line in contact.splitlines() if line.startswith("- ") and GAP[lang] in line
        ]


def test_the_dpf_decision_is_named_in_the_transfers_table_not_in_every_activity() -> None:
    for lang, decision in (
        ("nb", "gjennomføringsbeslutning (EU) 2023/1795"),
        ("en", "implementing decision (EU) 2023/1795"),
    ):
        page = render_notice(_registry("holte"), lang)
        activities = page[page.index("{#activities}") : page.index("{#sharing}")]
        table = page[page.index("{#transfers}") :]
        assert "Data Privacy Framework (GDPR" in activities
        assert decision not in activities
        assert decision in table


def test_how_to_withdraw_said_in_the_activitys_own_words_is_pointed_to_not_repeated() -> None:
    # Holte's direct marketing: "Samtykket kan når som helst trekkes tilbake via
    # nyhetsbrevene" in its introduction; the purpose refers to it with Art. 7(3).
    nb = render_notice(_registry("holte"), "nb")
    start = nb.index("{#activity-direct-marketing}")
    section = nb[start : nb.index("\n### ", start)]
    assert section.count("via nyhetsbrevene") == 1
    assert "Du kan trekke samtykket tilbake som beskrevet over (GDPR art. 7 nr. 3)." in section
