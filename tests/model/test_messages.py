"""Schema messages in the user's words: the field, what it accepts in YAML terms, one
problem per mistake at its line, and never the name of a class inside the tool."""

from __future__ import annotations

from pathlib import Path

import pytest

from holte_ropa import RegistryError, load_registry
from tests.conftest import FIXTURES, MakeRegistry

ORGANISATION = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
_CLASS_NAMES = ("Address", "Text", "LegalSource", "Recipients", "Cookie", "instance of", "tuple")


def problems_of(path: Path) -> list[str]:
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    found = [str(p) for p in caught.value.problems]
    for problem in found:
        assert not any(name in problem for name in _CLASS_NAMES), problem
    return found


def _organisation(make_registry: MakeRegistry, original: str, wrong: str) -> Path:
    assert original in ORGANISATION
    text = ORGANISATION.replace(original, wrong, 1)
    return make_registry({"organisation.yaml": text}, organisation=False)


def test_a_text_written_as_one_string_asks_for_nb_and_en(make_registry: MakeRegistry) -> None:
    path = _organisation(
        make_registry,
        "  complaints: {nb: Du kan klage til Datatilsynet., en: You may complain to Datatilsynet.}",
        "  complaints: Du kan klage til Datatilsynet.",
    )
    assert problems_of(path) == [
        "registry/organisation.yaml:31:15: error[schema]: complaints: expected a mapping with "
        "nb and en: {nb: ..., en: ...}; unknown is allowed here"
    ]


def test_an_address_written_as_one_line_asks_for_its_fields(make_registry: MakeRegistry) -> None:
    path = _organisation(
        make_registry,
        '  postal_address:\n    lines: ["Postboks 1"]\n    postal_code: "0150"\n'
        "    city: Oslo\n    country: NO\n",
        "  postal_address: Postboks 1, 0150 Oslo\n",
    )
    assert problems_of(path) == [
        "registry/organisation.yaml:7:19: error[schema]: postal_address: expected a mapping "
        'with lines, postal_code and city, e.g. {lines: [Storgata 1], postal_code: "6800", '
        "city: Førde}; unknown is allowed here"
    ]


BOOKS = """\
activities:
  - id: books
    name: {nb: Regnskap, en: Accounts}
    description: {nb: Vi fører regnskap., en: We keep accounts.}
    role: controller
    recipients: none
    retention:
      - duration: {years: 5}
        trigger: end_of_financial_year
        legal_source: SOURCE
        description: {nb: Fem år, en: Five years}
"""


def test_a_legal_source_written_as_one_word_asks_for_statute_and_section(
    make_registry: MakeRegistry,
) -> None:
    path = make_registry({"books.yaml": BOOKS.replace("SOURCE", "bokføringsloven")})
    assert problems_of(path) == [
        "registry/books.yaml:10:23: error[schema]: legal_source: expected a mapping with "
        "statute and section, e.g. {statute: bokføringsloven, section: § 13}; unknown is "
        "allowed here"
    ]


def test_an_unknown_legal_source_is_no_mistake(make_registry: MakeRegistry) -> None:
    registry = load_registry(make_registry({"books.yaml": BOOKS.replace("SOURCE", "unknown")}))
    assert str(registry.activities["books"].retention[0].legal_source) == "unknown"  # type: ignore[index]


def test_a_cookie_missing_fields_is_one_problem_naming_them_all(
    make_registry: MakeRegistry,
) -> None:
    path = make_registry({"cookies.yaml": "cookies:\n  - id: visits\n    name: _visits\n"})
    assert problems_of(path) == [
        "registry/cookies.yaml:2:5: error[schema]: missing required fields 'provider', "
        "'first_party', 'purpose', 'category', 'lifetime', 'consent_before_set', 'activity'; "
        "add them here"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "cookies: nei",
            "registry/cookies.yaml:1:10: error[schema]: cookies: 'nei' is not a list of "
            "cookies; write a list of cookies, or none (the website sets none), or unknown",
        ),
        (
            "cookies: []",
            "registry/cookies.yaml:1:10: error[schema]: cookies: an empty list does not say "
            "whether the website sets cookies: list them, or write 'cookies: none' if it sets "
            "none (unknown is allowed here)",
        ),
        (
            "cookies: {id: visits}",
            "registry/cookies.yaml:1:10: error[schema]: cookies: a mapping is not a list of "
            "cookies; write a list of cookies, or none (the website sets none), or unknown",
        ),
    ],
    ids=["a word", "an empty list", "a mapping"],
)
def test_a_cookies_section_of_no_allowed_form_is_one_problem(
    make_registry: MakeRegistry, written: str, message: str
) -> None:
    assert problems_of(make_registry({"cookies.yaml": written + "\n"})) == [message]


def test_recipients_of_no_allowed_form_list_the_forms_in_yaml_words(
    make_registry: MakeRegistry,
) -> None:
    activity = BOOKS.replace("    recipients: none\n", "    recipients: nobody\n").replace(
        "SOURCE", "unknown"
    )
    assert problems_of(make_registry({"books.yaml": activity})) == [
        "registry/books.yaml:6:17: error[schema]: recipients: expected a mapping with "
        "processors, controllers or authorities (lists of party ids), or none; unknown is "
        "allowed here"
    ]


def test_a_list_written_as_one_word_asks_for_a_list(make_registry: MakeRegistry) -> None:
    activity = BOOKS.replace(
        "    recipients: none\n", "    recipients: none\n    security_measures: tls\n"
    )
    path = make_registry({"books.yaml": activity.replace("SOURCE", "unknown")})
    assert problems_of(path) == [
        "registry/books.yaml:7:24: error[schema]: security_measures: expected a list: one "
        "'- item' per line, or [a, b]"
    ]


PARTY = """\
parties:
  - id: mailer
    legal_name: Mailer Inc.
    trade_name: Mailer
    role: processor
    service: {nb: E-post, en: E-mail}
    locations:
      - country: US
        mechanism: scc
"""


def test_a_transfer_mechanism_written_as_one_word_shows_the_mapping_it_needs(
    make_registry: MakeRegistry,
) -> None:
    assert problems_of(make_registry({"p.yaml": PARTY})) == [
        "registry/p.yaml:9:20: error[schema]: mechanism: expected a mapping with mechanism and "
        "what it needs, e.g. {mechanism: scc, module: 2} or {mechanism: dpf}; unknown is "
        "allowed here"
    ]


def test_a_list_where_one_word_is_allowed_is_named_not_printed(make_registry: MakeRegistry) -> None:
    party = PARTY.replace("role: processor", "role: [processor]")
    path = make_registry({"p.yaml": party.replace("mechanism: scc", "mechanism: {mechanism: dpf}")})
    [problem] = problems_of(path)
    assert problem.startswith(
        "registry/p.yaml:5:11: error[schema]: role: a list is not allowed; input should be "
        "'processor', "
    )


_ADDRESS = (
    '  postal_address:\n    lines: ["Postboks 1"]\n    postal_code: "0150"\n'
    "    city: Oslo\n    country: NO\n"
)


def test_an_address_of_unknown_lines_only_points_at_postal_address_unknown(
    make_registry: MakeRegistry,
) -> None:
    path = _organisation(make_registry, _ADDRESS, "  postal_address: {lines: [unknown]}\n")
    assert problems_of(path) == [
        "registry/organisation.yaml:7:19: error[schema]: missing required fields "
        "'postal_code', 'city'; add them here, or write postal_address: unknown when the "
        "address is not known"
    ]


def test_unknown_inside_an_address_is_refused_with_the_whole_address_unknown_as_the_fix(
    make_registry: MakeRegistry,
) -> None:
    path = _organisation(
        make_registry,
        _ADDRESS,
        "  postal_address: {lines: [unknown], postal_code: unknown, city: unknown}\n",
    )
    assert problems_of(path) == [
        "registry/organisation.yaml:7:19: error[schema]: postal_address: the parts of an "
        "address cannot be unknown; write postal_address: unknown when the address is not known"
    ]


def test_a_misspelled_required_key_is_one_problem_naming_the_key_it_meant(
    make_registry: MakeRegistry,
) -> None:
    path = _organisation(make_registry, "  email: post@acme.no", "  emial: post@acme.no")
    assert problems_of(path) == [
        "registry/organisation.yaml:12:3: error[schema]: unknown field 'emial' "
        "(did you mean 'email'?)"
    ]


def test_a_misspelled_right_names_the_right_it_meant(make_registry: MakeRegistry) -> None:
    path = _organisation(
        make_registry,
        "applicable: [access, rectification,",
        "applicable: [automated_decision, access, rectification,",
    )
    [problem] = problems_of(path)
    assert problem.startswith(
        "registry/organisation.yaml:27:18: error[schema]: applicable: 'automated_decision' is "
        "not allowed (did you mean 'automated_decisions'?); input should be 'access', "
    )


def test_a_key_indented_less_than_its_neighbours_is_told_as_indentation(
    make_registry: MakeRegistry,
) -> None:
    path = _organisation(make_registry, "  email: post@acme.no", " email: post@acme.no")
    assert problems_of(path) == [
        "registry/organisation.yaml:12:2: error[yaml]: the indentation of this line does not "
        "match the keys around it: indent it with as many spaces as the other keys of its "
        "mapping (the YAML parser: did not find expected key)"
    ]


SMALL = (FIXTURES / "small" / "registry.yaml").read_text(encoding="utf-8")
CONTRACT = "legal_basis: {basis: contract, contract: {nb: Kundeavtalen, en: The customer contract}}"


def _small(make_registry: MakeRegistry, original: str, wrong: str) -> Path:
    assert original in SMALL
    return make_registry({"registry.yaml": SMALL.replace(original, wrong, 1)})


@pytest.mark.parametrize(
    ("original", "wrong", "message"),
    [
        (
            "  - id: newsletter\n",
            f"  - id: {'n' * 93}\n",
            "15:9: error[schema]: id: the id is 93 characters long; ids are at most 80: "
            "shorten it (ids are lower-case letters, digits and hyphens)",
        ),
        (
            CONTRACT,
            "legal_basis: {basis: contract}",
            "55:22: error[schema]: missing required field 'contract'; add it here, e.g. "
            "contract: {nb: ..., en: ...}, or write legal_basis: unknown when the basis is not "
            "known",
        ),
        (
            "engaged_by: acme",
            "engaged_by: [acme]",
            "80:17: error[schema]: engaged_by: expected one value here, not a list: write "
            "engaged_by: ...",
        ),
        (
            "locations: [{country: SE}]",
            'locations: [{country: "no"}]',
            "82:27: error[schema]: country: 'no' has the wrong form (an ISO 3166-1 alpha-2 code "
            "in capitals, e.g. NO, SE, US); did you mean 'NO' (Norway)? write country: \"NO\"",
        ),
        (
            "direct_marketing: true",
            "direct_marketing: 1",
            "28:27: error[schema]: direct_marketing: '1' is not a boolean: write true or false",
        ),
        (
            "direct_marketing: true",
            "direct_marketing: yes",
            "28:27: error[schema]: direct_marketing: 'yes' is not a boolean: write true or false "
            "(YAML 1.2 reads yes, no, on and off as text, and so does this tool)",
        ),
        (
            "locations: [{country: SE}]",
            "locations: [SE]",
            "82:17: error[schema]: locations: expected a mapping with 'country'",
        ),
        (
            CONTRACT,
            "legal_basis: contract",
            "55:22: error[schema]: legal_basis: expected a mapping with basis and what that "
            "basis needs, e.g. {basis: contract, contract: {nb: ..., en: ...}}; unknown is "
            "allowed here",
        ),
    ],
)
def test_library_words_are_told_in_the_users_words(
    make_registry: MakeRegistry, original: str, wrong: str, message: str
) -> None:
    assert problems_of(_small(make_registry, original, wrong)) == [
        f"registry/registry.yaml:{message}"
    ]


def test_an_empty_text_names_its_full_path(make_registry: MakeRegistry) -> None:
    path = _small(
        make_registry,
        "description: {nb: Vi sender nyhetsbrev.",
        'description: {nb: ""',
    )
    (problem,) = problems_of(path)
    assert problem.endswith(
        "error[schema]: description.nb: is empty; write the text, or leave "
        "the field out if it may be"
    )
