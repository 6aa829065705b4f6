"""Near repeats: the same point said again in nearly the same words."""

from __future__ import annotations

from holte_ropa.notice._repeats import covered, nearly_repeats, sentences


def test_a_sentence_with_four_in_five_of_the_shorter_ones_words_is_a_repeat() -> None:
    assert nearly_repeats(
        "Vi informerer om endringer i nyhetsbrevene våre.",
        "Vi informerer om endringer via nyhetsbrevene våre, og på nettsiden.",
    )


def test_sentences_sharing_a_few_words_are_not_repeats() -> None:
    assert not nearly_repeats(
        "Vi lagrer data på sikre servere i Norge.",
        "Vi sender data til kundene våre hver uke.",
    )


def test_short_phrases_never_count_as_repeats() -> None:
    assert not nearly_repeats("Data: kundenes data.", "Kundenes data i programvaren.")


def test_a_text_is_covered_only_when_every_sentence_is_said_already() -> None:
    said = ["Et samtykke kan når som helst trekkes tilbake. Du kan klage til Datatilsynet."]
    assert covered("Du kan når som helst trekke tilbake et samtykke.", said)
    assert not covered(
        "Du kan når som helst trekke tilbake et samtykke. Da sletter vi alle opplysningene.",
        said,
    )


def test_sentences_end_at_a_full_stop_before_a_capital() -> None:
    assert sentences("Vi bruker TLS.  Det er trygt, f.eks. for skjemaer.") == [
        "Vi bruker TLS.",
        "Det er trygt, f.eks. for skjemaer.",
    ]
