"""Hostile and messy text never gets into a registry: every refusal is located and says why.

Each case is a small edit of a minimal registry (the organisation of tests/fixtures/minimal
plus one party, cookie or waiver), checked through the command line: exit code 2 and the
exact located message.
"""

from __future__ import annotations

import copy
import unicodedata
from pathlib import Path

import pytest
import yaml

from holte_ropa import load_registry
from holte_ropa.cli import main
from holte_ropa.model._text import (
    CONTROL_NAMES,
    MAX_FILE_BYTES,
    character_name,
    first_refused,
)
from holte_ropa.model._yaml import read_yaml
from holte_ropa.report._problems import Problem
from tests.conftest import FIXTURES, MakeRegistry

PARTY = """\
parties:
  - id: zap
    legal_name: Zap AS
    trade_name: {trade_name}
    role: processor
    service: {{nb: Drift, en: Operations}}
    locations: [{{country: "NO"}}]
"""

REFUSED = (
    "is not allowed in registry text (control characters, non-characters and lone "
    "surrogates break XML, spreadsheets and terminals); delete it"
)


def check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Run ``holte-ropa check`` on ``path``: the exit code and the error lines."""
    code = main(["check", str(path)])
    out = capsys.readouterr()
    return code, [line for line in (out.out + out.err).splitlines() if "error[" in line]


def party(trade_name: str) -> dict[str, str | bytes]:
    return {"parties/zap.yaml": PARTY.format(trade_name=trade_name)}


# --------------------------------------------------------------------------- characters


def test_an_escape_character_written_as_a_yaml_escape_is_refused_with_its_name_and_field(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    code, errors = check(make_registry(party(r'"Zap\eData"')), capsys)
    assert code == 2
    assert errors == [
        f"registry/parties/zap.yaml:4:17: error[text]: trade_name: the character "
        f"U+001B ESCAPE {REFUSED}"
    ]


def test_a_character_repeated_in_many_fields_gives_one_message_for_the_file(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    files = party(r'"Zap\eData"')
    files["parties/zap.yaml"] = (
        str(files["parties/zap.yaml"])
        .replace("legal_name: Zap AS", r'legal_name: "Zap\e AS"')
        .replace("en: Operations", r'en: "Oper\eations", nb: "Dr\vift"')
        .replace("nb: Drift, ", "")
    )
    code, errors = check(make_registry(files), capsys)
    assert code == 2
    assert errors == [
        "registry/parties/zap.yaml:3:17: error[text]: legal_name: the character U+001B ESCAPE "
        f"{REFUSED}. The file has 3 more text problems: U+001B ESCAPE at 4:17 (trade_name), "
        "6:19 (service.en); U+000B LINE TABULATION at 6:39 (service.nb)"
    ]


def test_a_raw_character_on_every_line_is_one_message_that_counts_the_rest(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = "".join(f"  # note {i}\x1b\x1b\n" for i in range(10))
    code, errors = check(make_registry({"notes.yaml": "waivers: []\n" + lines}), capsys)
    assert code == 2
    assert errors == [
        f"registry/notes.yaml:2:11: error[text]: The character U+001B ESCAPE {REFUSED}. The "
        "file has 9 more text problems: U+001B ESCAPE at 3:11, 4:11, 5:11, 6:11, 7:11, 8:11; "
        "and 3 more"
    ]


def test_a_long_text_and_a_control_character_share_the_files_message(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    files = party("Z" * 201)
    files["parties/zap.yaml"] = str(files["parties/zap.yaml"]).replace(
        "en: Operations", r'en: "Oper\0ations"'
    )
    code, errors = check(make_registry(files), capsys)
    assert code == 2
    assert errors == [
        "registry/parties/zap.yaml:4:17: error[text]: trade_name: the text has 201 characters; "
        "at most 200 are allowed here (names); shorten it, or keep the details in a document "
        "and refer to it. The file has 1 more text problem: U+0000 NULL at 6:30 (service.en)"
    ]


def test_a_line_tabulation_in_an_id_is_refused(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    files = party("Zap")
    files["parties/zap.yaml"] = str(files["parties/zap.yaml"]).replace("id: zap", r'id: "zap\v"')
    code, errors = check(make_registry(files), capsys)
    assert code == 2
    assert errors == [
        f"registry/parties/zap.yaml:2:9: error[text]: id: the character "
        f"U+000B LINE TABULATION {REFUSED}"
    ]


def test_a_raw_control_character_in_the_file_is_located_at_the_character_itself(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    files = party("Zap")
    files["parties/zap.yaml"] = str(files["parties/zap.yaml"]).replace(
        "en: Operations", "en: Oper\x0bations"
    )
    code, errors = check(make_registry(files), capsys)
    assert code == 2
    assert errors == [
        f"registry/parties/zap.yaml:6:34: error[text]: service.en: the character "
        f"U+000B LINE TABULATION {REFUSED}"
    ]


def test_a_terminal_colour_code_in_a_waiver_reason_is_refused(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    waiver = (
        'waivers:\n  - rule: R10\n    reason: "\\e[31mAccepted\\e[0m"\n'
        "    approved_by: CEO\n    expires: 2027-03-31\n"
    )
    code, errors = check(make_registry({"waivers.yaml": waiver}), capsys)
    assert code == 2
    assert errors == [
        f"registry/waivers.yaml:3:13: error[text]: reason: the character U+001B ESCAPE {REFUSED}"
    ]


def test_a_c1_next_line_character_in_a_bilingual_text_names_the_language(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    files = party("Zap")
    files["parties/zap.yaml"] = str(files["parties/zap.yaml"]).replace("nb: Drift", "nb: Dr\x85ift")
    code, errors = check(make_registry(files), capsys)
    assert code == 2
    assert errors == [
        f"registry/parties/zap.yaml:6:21: error[text]: service.nb: the character "
        f"U+0085 NEXT LINE {REFUSED}"
    ]


@pytest.mark.parametrize(
    ("escape", "named"),
    [
        (r"\uFFFE", "U+FFFE (a Unicode non-character)"),
        (r"\uFDD0", "U+FDD0 (a Unicode non-character)"),
        (r"\U0010FFFF", "U+10FFFF (a Unicode non-character)"),
        (r"\x7f", "U+007F DELETE"),
        (r"\0", "U+0000 NULL"),
    ],
)
def test_non_characters_lone_surrogates_and_other_controls_are_refused(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], escape: str, named: str
) -> None:
    code, errors = check(make_registry(party(f'"Zap{escape}"')), capsys)
    assert code == 2
    assert errors == [
        f"registry/parties/zap.yaml:4:17: error[text]: trade_name: the character {named} {REFUSED}"
    ]


def test_a_lone_surrogate_never_gets_in_whether_escaped_or_encoded(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    escaped = party(r'"Zap\uD800"')
    encoded = {"parties/raw.yaml": PARTY.format(trade_name="Zap").encode() + b"# \xed\xa0\x80\n"}
    code, errors = check(make_registry({**escaped, **encoded}), capsys)
    assert code == 2
    assert errors == [
        "registry/parties/raw.yaml:8:3: error[encoding]: the file is not valid UTF-8 "
        "(byte 0xed); save it with UTF-8 encoding",
        "registry/parties/zap.yaml:4:21: error[text]: trade_name: the escape \\uD800 writes "
        f"U+D800 (a lone surrogate, not a character), which {REFUSED}",
    ]
    assert first_refused("a\ud800b") is not None  # and the text check would refuse it too
    assert character_name("\ud800") == "U+D800 (a lone surrogate, not a character)"


def test_tab_line_feed_and_carriage_return_stay_allowed(make_registry: MakeRegistry) -> None:
    registry = load_registry(make_registry(party(r'"Zap\tData\r\nAS"')))
    assert registry.parties["zap"].trade_name == "Zap\tData\r\nAS"


def test_a_byte_order_mark_in_the_middle_of_a_file_is_named_as_such(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    files = party("Zap")
    files["parties/zap.yaml"] = str(files["parties/zap.yaml"]).replace("id: zap", "id: zap\ufeff")
    code, errors = check(make_registry(files), capsys)
    assert code == 2
    assert errors == [
        "registry/parties/zap.yaml:2:12: error[text]: a byte-order mark (U+FEFF) in the middle "
        "of the file, invisible in most editors; delete it (it may only be the file's first "
        "character)"
    ]


def test_a_byte_order_mark_at_the_start_of_a_file_is_fine(make_registry: MakeRegistry) -> None:
    text = "\ufeff" + PARTY.format(trade_name="Zap")
    registry = load_registry(make_registry({"parties/zap.yaml": text.encode("utf-8")}))
    assert registry.parties["zap"].trade_name == "Zap"


def test_every_control_character_name_is_the_unicode_alias_unicodedata_knows() -> None:
    for char, name in CONTROL_NAMES.items():
        assert unicodedata.lookup(name) == char, name
    assert sorted(CONTROL_NAMES) == [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))]
    assert character_name("\x1b") == "U+001B ESCAPE"
    assert character_name("é") == "U+00E9 LATIN SMALL LETTER E WITH ACUTE"


def _text_leaves(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _text_leaves(v, (*path, k))]
    if isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in _text_leaves(v, (*path, i))]
    return [path] if isinstance(value, str) else []


SMALL = yaml.safe_load((FIXTURES / "small" / "registry.yaml").read_text(encoding="utf-8"))


def test_a_control_character_is_refused_in_every_text_of_a_complete_registry(
    tmp_path: Path,
) -> None:
    leaves = _text_leaves(SMALL)
    assert len(leaves) > 80  # ids, references, names, texts, waiver reasons, cookie names ...
    target = tmp_path / "registry.yaml"
    for path in leaves:
        data = copy.deepcopy(SMALL)
        node = data
        for segment in path[:-1]:
            node = node[segment]
        node[path[-1]] = "x\x0by" + node[path[-1]]
        target.write_text(
            yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True), encoding="utf-8"
        )
        problem = read_yaml(target, "registry.yaml")
        assert isinstance(problem, Problem), path
        assert "U+000B LINE TABULATION" in problem.message, (path, problem)


# --------------------------------------------------------------------------- tabs


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("parties:\n\t- id: zap\n", 2, 1),
        ("organisation:\n\tid: acme\n", 2, 1),
        ("parties:\n  - id: zap\n\t  trade_name: Zap\n", 3, 1),
        ("parties:\n  - id: zap\n  \ttrade_name: Zap\n", 3, 3),
    ],
)
def test_a_tab_in_the_indentation_gets_a_message_that_says_tab(
    make_registry: MakeRegistry,
    capsys: pytest.CaptureFixture[str],
    text: str,
    line: int,
    column: int,
) -> None:
    code, errors = check(make_registry({"parties/zap.yaml": text}), capsys)
    assert code == 2
    assert errors == [
        f"registry/parties/zap.yaml:{line}:{column}: error[yaml]: a tab character indents "
        "this line; YAML indents with spaces only: replace the tab with spaces"
    ]


# --------------------------------------------------------------------------- limits


def test_a_name_over_200_characters_is_refused_with_the_limit(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    code, errors = check(make_registry(party("Z" * 201)), capsys)
    assert code == 2
    assert errors == [
        "registry/parties/zap.yaml:4:17: error[text]: trade_name: the text has 201 characters; "
        "at most 200 are allowed here (names); shorten it, or keep the details in a document "
        "and refer to it"
    ]


def test_a_description_over_10000_characters_is_refused_with_the_limit(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    files = party("Zap")
    files["parties/zap.yaml"] = str(files["parties/zap.yaml"]).replace(
        "en: Operations", "en: " + "O" * 44_005
    )
    code, errors = check(make_registry(files), capsys)
    assert code == 2
    assert errors == [
        "registry/parties/zap.yaml:6:30: error[text]: service.en: the text has 44,005 "
        "characters; at most 10,000 are allowed here (texts); shorten it, or keep the "
        "details in a document and refer to it"
    ]


def test_a_text_of_exactly_10000_characters_loads(make_registry: MakeRegistry) -> None:
    files = party("Zap")
    files["parties/zap.yaml"] = str(files["parties/zap.yaml"]).replace(
        "en: Operations", "en: " + "O" * 10_000
    )
    assert load_registry(make_registry(files)).parties["zap"].service.en == "O" * 10_000


def test_a_file_over_5_mib_is_refused_before_it_is_read(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    big = "# padding\n" * (MAX_FILE_BYTES // 10) + PARTY.format(trade_name="Zap")
    code, errors = check(make_registry({"parties/zap.yaml": big}), capsys)
    assert code == 2
    assert errors == [
        f"registry/parties/zap.yaml: error[io]: the file has {len(big):,} bytes; a registry "
        "file may hold at most 5,242,880 bytes (5 MiB): split it, e.g. one file per activity "
        "or party"
    ]


# --------------------------------------------------------------------------- booleans

COOKIE = """\
cookies:
  - id: sid
    name: sid
    provider: acme
    first_party: {first_party}
    purpose: {{nb: Holder deg innlogget, en: Keeps you signed in}}
    category: strictly_necessary
    lifetime: session
    consent_before_set: {consent}
    activity: web
"""
BOOLEAN_HINT = (
    "is not a boolean: write true or false (YAML 1.2 reads yes, no, on and off as text, "
    "and so does this tool)"
)


@pytest.mark.parametrize("written", ["NO", '"yes"', "off", "On", "y", "1", '"true"'])
def test_a_yaml_1_1_boolean_where_a_boolean_is_required_is_refused_with_a_hint(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    cookie = COOKIE.format(first_party="true", consent=written)
    code, errors = check(make_registry({"cookies.yaml": cookie}), capsys)
    assert code == 2
    shown = written.strip('"')
    hint = BOOLEAN_HINT if shown.lower() in {"no", "yes", "off", "on", "y"} else BOOLEAN_HINT[:37]
    assert errors == [
        f"registry/cookies.yaml:9:25: error[schema]: consent_before_set: '{shown}' {hint}"
    ]


def test_true_and_false_are_the_booleans(tmp_path: Path) -> None:
    registry = load_registry(FIXTURES / "small")
    assert registry.cookies["session"].first_party is True
    assert registry.cookies["session"].consent_before_set is False


def test_no_yes_and_off_stay_text_where_text_is_expected(make_registry: MakeRegistry) -> None:
    registry = load_registry(make_registry(party("NO")))
    assert registry.parties["zap"].trade_name == "NO"


# --------------------------------------------------------------------------- countries


@pytest.mark.parametrize(
    ("code", "hint"),
    [
        ("UK", " (did you mean 'GB' (United Kingdom)?)"),
        ("EL", " (did you mean 'GR' (Greece)?)"),
        (
            "XX",
            " (did you mean 'SX' (Sint Maarten), 'MX' (Mexico), 'CX' (Christmas Island)?)",
        ),
    ],
)
def test_a_country_code_iso_3166_does_not_assign_is_refused_with_a_suggestion(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], code: str, hint: str
) -> None:
    files = party("Zap")
    files["parties/zap.yaml"] = str(files["parties/zap.yaml"]).replace('"NO"', f'"{code}"')
    folder = make_registry(files)
    result, errors = check(folder, capsys)
    assert result == 2
    assert errors == [  # one message: not also "locations: input should be 'unknown'"
        f"registry/parties/zap.yaml:7:27: error[schema]: country: '{code}' is not an "
        f"ISO 3166-1 alpha-2 country code{hint}; use the two-letter code of the country, "
        "e.g. NO, SE, US"
    ]


def test_the_json_schema_lists_the_same_country_codes_the_loader_accepts() -> None:
    import json

    from holte_ropa.model._countries import country_codes

    schema = json.loads((Path(__file__).parents[2] / "schema" / "registry.schema.json").read_text())
    enums = [
        d["enum"]
        for d in schema["$defs"].values()
        for p in d.get("properties", {}).values()
        if "enum" in p and "GB" in p["enum"]
        for d in [p]
    ]
    assert enums and all(set(e) == country_codes() for e in enums)
    assert "XX" not in country_codes() and "UK" not in country_codes()


# --------------------------------------------------------------------------- misreadings


def test_every_refused_character_in_a_field_is_named_not_only_the_first(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    code, errors = check(make_registry(party(r'"Zap\eData\a\e"')), capsys)
    assert code == 2
    assert errors == [
        "registry/parties/zap.yaml:4:17: error[text]: trade_name: the characters "
        "U+001B ESCAPE and U+0007 ALERT are not allowed in registry text (control characters, "
        "non-characters and lone surrogates break XML, spreadsheets and terminals); delete them"
    ]


def test_an_escape_beyond_unicode_is_named(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    code, errors = check(make_registry(party(r'"Zap\U00110000"')), capsys)
    assert code == 2
    assert errors == [
        "registry/parties/zap.yaml:4:21: error[text]: trade_name: the escape \\U00110000 "
        f"writes U+110000, beyond the last Unicode code point U+10FFFF, which {REFUSED}"
    ]


BIDI = "it reorders how the text is shown, so what readers see differs from what is written"


@pytest.mark.parametrize(
    ("escape", "named"),
    [
        (r"\u202E", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        (r"\u2067", "U+2067 RIGHT-TO-LEFT ISOLATE"),
        (r"\u202A", "U+202A LEFT-TO-RIGHT EMBEDDING"),
    ],
)
def test_a_bidirectional_control_in_a_name_is_refused_with_its_name(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], escape: str, named: str
) -> None:
    code, errors = check(make_registry(party(f'"Evil{escape}rossecorp"')), capsys)
    assert code == 2
    assert errors == [
        f"registry/parties/zap.yaml:4:17: error[text]: trade_name: the bidirectional control "
        f"{named} is not allowed in names, ids and keys; {BIDI}: delete it"
    ]


def test_an_unclosed_override_in_a_description_is_refused_and_a_closed_one_loads(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    files = party("Zap")
    unclosed = str(files["parties/zap.yaml"]).replace("en: Operations", r'en: "Op \u202Eerations"')
    code, errors = check(make_registry({"parties/zap.yaml": unclosed}), capsys)
    assert code == 2
    assert errors == [
        "registry/parties/zap.yaml:6:30: error[text]: service.en: the bidirectional control "
        f"U+202E RIGHT-TO-LEFT OVERRIDE is not closed; {BIDI}: delete it"
    ]
    closed = unclosed.replace(r"\u202Eerations", r"\u2067\u05e9\u2069 \u200Fx")
    assert load_registry(make_registry({"parties/zap.yaml": closed}))


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ('"   "', "trade_name: the name is blank (only spaces or invisible characters)"),
        (r'"\u200B\u200D"', "trade_name: the name is blank (only spaces or invisible characters)"),
        ('""', "trade_name: the name is empty"),
    ],
)
def test_a_blank_or_invisible_name_is_refused(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], written: str, message: str
) -> None:
    code, errors = check(make_registry(party(written)), capsys)
    assert code == 2
    assert errors == [f"registry/parties/zap.yaml:4:17: error[text]: {message}; write the name"]
