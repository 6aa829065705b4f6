"""LIX of each notice section, from the text people read, in both languages."""

from __future__ import annotations

import pytest

from holte_ropa import load_registry, readability
from holte_ropa.notice._readability import _page_sections, lix, plain_text, split_sections
from holte_ropa.notice._render import page_lines, render_page
from holte_ropa.notice._views import Lang
from tests.conftest import FIXTURES, ROOT


@pytest.mark.parametrize(
    ("text", "score", "words", "sentences", "long_words"),
    [
        # 8 words, 2 sentences, 1 long word (setning: 7 letters): 8/2 + 100*1/8 = 16.5
        ("Dette er en kort setning. Den har ord.", 16.5, 8, 2, 1),
        # æ, ø, å are letters: 3 words, 1 sentence, 2 long: 3/1 + 100*2/3 = 69.7
        ("Økonomiavdelingen får søknadene.", 69.7, 3, 1, 2),
        # "art. 6" and "nr. 1" do not end sentences; "f. Det" does: 11 words, 2 sentences,
        # 1 long (bokstav): 11/2 + 100*1/11 = 5.5 + 9.09 = 14.6
        ("Se GDPR art. 6 nr. 1 bokstav f. Det er nok.", 14.6, 11, 2, 1),
        # a colon before a capital ends a sentence: 3 words, 2 sentences, 2 long
        # (Kontakt, Nordmann): 3/2 + 100*2/3 = 1.5 + 66.67 = 68.2
        ("Kontakt: Ola Nordmann", 68.2, 3, 2, 2),
        # "e-post" is two words; no terminator, one sentence: 4 words, 0 long: 4/1 + 0 = 4.0
        ("Send e-post nå", 4.0, 4, 1, 0),
        ("", 0.0, 0, 0, 0),
    ],
)
def test_lix_of_texts_with_known_scores(
    text: str, score: float, words: int, sentences: int, long_words: int
) -> None:
    result = lix(text)
    assert (result.lix, result.words, result.sentences, result.long_words) == (
        score,
        words,
        sentences,
        long_words,
    )


def test_headings_list_items_and_table_cells_end_sentences() -> None:
    markdown = (
        "## Overskrift {#a}\n\n- Punkt en\n- **Punkt** to\n\n"
        "<table>\n<caption>Tabell</caption>\n<tr><th>Navn</th><td>&#60;b&#62;</td></tr>\n</table>\n"
        "[Lenketekst](#a)\n"
    )
    text = plain_text(markdown)
    assert text.splitlines() == [
        "Overskrift",
        "Punkt en",
        "Punkt to",
        "Tabell",
        "Navn",
        "<b>",
        "Lenketekst",
    ]
    # 7 blocks: Overskrift | Punkt en | Punkt to | Tabell | Navn | b | Lenketekst is 9 words
    # in 7 sentences; long: Overskrift, Lenketekst. 9/7 + 100*2/9 = 1.29 + 22.22 = 23.5
    assert lix(text).lix == 23.5


def test_sections_split_at_h2_and_h3_and_keep_h4_inside() -> None:
    page = "# T\n\nIntro.\n\n## A {#a}\n\nText.\n\n### B {#b}\n\n#### C\n\nMore.\n"
    assert [(a, t) for a, t, _ in split_sections(page)] == [("intro", "T"), ("a", "A"), ("b", "B")]
    assert "More." in split_sections(page)[2][2]


def test_every_section_of_the_notice_is_scored_in_both_languages_and_located() -> None:
    registry = load_registry(FIXTURES / "small")
    scores = readability(registry)
    assert {s.lang for s in scores} == {"nb", "en"}
    by_section = {(s.lang, s.section): s for s in scores}
    for lang in ("nb", "en"):
        for anchor in ("intro", "summary", "controller", "rights", "complaints", "changes"):
            assert (lang, anchor) in by_section
        newsletter = by_section[(lang, "activity-newsletter")]
        assert newsletter.entity == "newsletter"
        assert newsletter.path == ("description", lang)
        assert registry.locate(newsletter.entity, *newsletter.path).line > 0
        assert by_section[(lang, "rights")].entity == "acme"
    for score in scores:
        assert score.words > 0 and score.sentences > 0
        assert (
            score.lix
            == lix(
                plain_text(
                    dict((a, b) for a, _, b in split_sections(_page(registry, score.lang)))[
                        score.section
                    ]
                ).replace(registry.organisation.legal_name, "NN")
            ).lix
        )


def _page(registry: object, lang: str) -> str:
    from holte_ropa import render_notice

    return render_notice(registry, lang)  # type: ignore[arg-type]


def test_the_template_sentences_of_the_notice_read_easily() -> None:
    # The small registry's own texts are short, so the score is mostly the templates'.
    for score in readability(load_registry(FIXTURES / "small")):
        assert score.lix < 55, score


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_rendered_page_is_split_into_the_same_sections_one_at_a_time(lang: Lang) -> None:
    page = render_page(load_registry(ROOT / "registry"), lang, "notice")
    assert list(_page_sections(page)) == split_sections(page)
    assert len(split_sections(page)) > 10


def test_scoring_the_notice_keeps_no_page_but_uses_one_the_build_rendered_first() -> None:
    checked = load_registry(FIXTURES / "small")
    readability(checked)
    once = render_page(checked, "nb", "notice", keep=False)
    again = render_page(checked, "nb", "notice", keep=False)
    assert once == again and once is not again

    built = load_registry(FIXTURES / "small")
    page = render_page(built, "nb", "notice")
    readability(built)
    assert render_page(built, "nb", "notice", keep=False) is page


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_lines_the_check_scores_as_they_are_rendered_are_the_page_the_build_keeps(
    lang: Lang,
) -> None:
    streamed = list(page_lines(load_registry(ROOT / "registry"), lang, "notice"))

    kept = load_registry(ROOT / "registry")
    page = render_page(kept, lang, "notice")

    assert "\n".join(streamed) + "\n" == page
    assert list(page_lines(kept, lang, "notice")) == streamed
