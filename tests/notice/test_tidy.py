"""The rendered page is tidied as it streams out of the template, whatever the pieces."""

from __future__ import annotations

import itertools

import pytest

from holte_ropa.notice._render import _tidy

TEXTS = [
    "# Title  \n\n\n\nText.\n",
    "a\r\nb\rc\x85\nd\u2028\n\n",
    "\n\n  \nonly\n \n\n",
    "no newline at the end   ",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_page_cut_anywhere_tidies_to_what_the_whole_text_tidies_to(text: str) -> None:
    whole = _tidy([text])
    for cut_a, cut_b in itertools.combinations_with_replacement(range(len(text) + 1), 2):
        pieces = [text[:cut_a], text[cut_a:cut_b], text[cut_b:]]
        assert _tidy(pieces) == whole, pieces


def test_blank_lines_collapse_and_lines_end_without_spaces() -> None:
    assert _tidy(["# T  \n\n\n", "\nText.  \n\n"]) == "# T\n\nText.\n"
    assert _tidy(["a\r", "\nb\x85", "\nc"]) == "a\nb\n\nc\n"
    assert _tidy([]) == "\n"
