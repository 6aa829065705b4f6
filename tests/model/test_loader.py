"""The loader refuses bad input with one located, actionable message per problem."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from holte_ropa import Position, Problem, RegistryError, is_unknown, load_registry
from holte_ropa.cli import main
from holte_ropa.model._models import RegistryFile
from holte_ropa.model._yaml import read_yaml
from tests.conftest import FIXTURES, MakeRegistry

PARTY = """\
parties:
  - id: {id}
    legal_name: {name} AS
    trade_name: {name}
    role: {role}
    service: {{nb: Drift, en: Operations}}
    locations: [{{country: "NO"}}]
{extra}"""


def party(pid: str, role: str = "processor", extra: str = "") -> str:
    return PARTY.format(id=pid, name=pid.title(), role=role, extra=extra)


ACTIVITY = """\
activities:
  - id: crm
    name: {nb: Kundeoppfølging, en: Customer follow-up}
    description: {nb: Vi følger opp kunder., en: We follow up customers.}
    role: controller
    recipients:
      processors: [superoffice]
"""


def problems_of(path: Path) -> list[str]:
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    return [str(p) for p in caught.value.problems]


def check_exit(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", str(path)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_valid_minimal_registry_loads(make_registry: MakeRegistry) -> None:
    registry = load_registry(make_registry())
    assert registry.organisation.legal_name == "Acme AS"
    assert registry.organisation.postal_address.country == "NO"


def test_a_yaml_syntax_error_is_located(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_registry({"broken.yaml": "parties:\n  - id: a\n   trade_name: [x\n"})
    code, out = check_exit(path, capsys)
    assert code == 2
    assert (
        "registry/broken.yaml:3:4: error[yaml]: did not find expected '-' indicator (while "
        "parsing a block collection); "
        "fix the YAML syntax here" in out
    )


def test_a_wrong_type_names_the_field_and_the_expected_type(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_registry(
        {"p.yaml": party("superoffice").replace("trade_name: Superoffice", "trade_name: [a, b]")}
    )
    code, out = check_exit(path, capsys)
    assert code == 2
    assert (
        "registry/p.yaml:4:17: error[schema]: trade_name: expected one value here, not a list: "
        "write trade_name: ..." in out
    )


def test_a_number_where_text_is_expected_asks_for_quotes(make_registry: MakeRegistry) -> None:
    path = make_registry({"p.yaml": party("visma").replace("trade_name: Visma", "trade_name: 45")})
    assert problems_of(path) == [
        "registry/p.yaml:4:17: error[schema]: trade_name: input should be a valid string; "
        "write it in quotes: '45'"
    ]


def test_an_unknown_key_is_an_error_with_a_suggestion(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_registry({"p.yaml": party("visma", extra="    servce: {nb: x}\n")})
    code, out = check_exit(path, capsys)
    assert code == 2
    assert (
        "registry/p.yaml:8:5: error[schema]: unknown field 'servce' (did you mean 'service'?)"
        in out
    )


def test_an_unknown_key_without_a_close_match_lists_the_allowed_keys(
    make_registry: MakeRegistry,
) -> None:
    path = make_registry({"x.yaml": "waivers:\n  - rule: R1\n    colour: red\n"})
    [problem] = [p for p in problems_of(path) if "colour" in p]
    assert problem == (
        "registry/x.yaml:3:5: error[schema]: unknown field 'colour'; allowed here: "
        "rule, entity, field, reason, approved_by, expires"
    )


def test_a_duplicate_key_is_an_error_not_last_one_wins(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_registry({"p.yaml": party("visma", extra="    trade_name: Visma2\n")})
    code, out = check_exit(path, capsys)
    assert code == 2
    assert (
        "registry/p.yaml:8:5: error[yaml]: duplicate key 'trade_name' (first defined on "
        "line 4); keep one of them" in out
    )


def test_a_duplicate_id_points_at_the_second_use_and_the_first(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_registry({"a.yaml": party("visma"), "b.yaml": party("visma")})
    code, out = check_exit(path, capsys)
    assert code == 2
    assert (
        "registry/b.yaml:2:9: error[reference]: duplicate id 'visma' (first used at "
        "registry/a.yaml:2:5); ids must be unique across the registry: rename one" in out
    )


def test_a_dangling_reference_is_located_with_a_suggestion(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_registry({"a.yaml": ACTIVITY, "p.yaml": party("superofice")})
    code, out = check_exit(path, capsys)
    assert code == 2
    assert (
        "registry/a.yaml:7:20: error[reference]: 'superoffice' is not defined (did you mean "
        "'superofice'?); expected a party: define it under 'parties:' or correct the id" in out
    )


def test_a_reference_to_the_wrong_kind_of_entity_says_so(make_registry: MakeRegistry) -> None:
    data = "data_categories:\n  - id: superoffice\n    name: {nb: Navn, en: Name}\n"
    path = make_registry({"a.yaml": ACTIVITY, "d.yaml": data})
    assert problems_of(path) == [
        "registry/a.yaml:7:20: error[reference]: 'superoffice' is a data category, but a "
        "party is expected here"
    ]


def test_a_sub_processor_cycle_is_an_error(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_registry(
        {
            "a.yaml": party("azure", "sub_processor", "    engaged_by: cygate\n"),
            "b.yaml": party("cygate", "sub_processor", "    engaged_by: azure\n"),
        }
    )
    code, out = check_exit(path, capsys)
    assert code == 2
    assert (
        "registry/a.yaml:8:17: error[reference]: the sub-processor chain forms a cycle: "
        "azure -> cygate -> azure; the chain must end at the organisation ('acme')" in out
    )


def test_a_python_tag_is_refused_and_never_run(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    canary = tmp_path / "pwned"
    evil = f"parties: !!python/object/apply:os.system\n  - touch {canary}\n"
    path = make_registry({"evil.yaml": evil})
    code, out = check_exit(path, capsys)
    assert code == 2
    assert (
        "registry/evil.yaml:1:10: error[yaml]: the tag 'tag:yaml.org,2002:python/object/apply:"
        "os.system' would run Python code and is refused; write plain values only" in out
    )
    assert not canary.exists()


def test_a_custom_tag_is_refused(make_registry: MakeRegistry) -> None:
    path = make_registry({"t.yaml": "waivers: !include other.yaml\n"})
    assert problems_of(path) == [
        "registry/t.yaml:1:10: error[yaml]: the tag '!include' is not allowed; remove it and "
        "write a plain value"
    ]


def test_an_alias_bomb_is_refused_quickly(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        prev, cur = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    path = make_registry({"bomb.yaml": "\n".join(lines) + "\n"})
    code, out = check_exit(path, capsys)
    assert code == 2
    assert (
        "registry/bomb.yaml:1:1: error[yaml]: aliases expand this file to 4,412,961,516 nodes "
        "(limit 100,000); this looks like a 'billion laughs' attack: write the values out "
        "instead" in out
    )


def test_a_small_alias_is_allowed(make_registry: MakeRegistry) -> None:
    text = party("visma").replace(
        "service: {nb: Drift, en: Operations}", "service: &svc {nb: Drift, en: Operations}"
    )
    text += "  - id: visolit\n    legal_name: V\n    trade_name: V\n    role: processor\n"
    text += "    service: *svc\n    locations: unknown\n"
    registry = load_registry(make_registry({"p.yaml": text}))
    assert registry.parties["visolit"].service == registry.parties["visma"].service


def test_a_recursive_alias_is_refused(make_registry: MakeRegistry) -> None:
    path = make_registry({"r.yaml": "waivers: &w [*w]\n"})
    assert problems_of(path) == [
        "registry/r.yaml:1:10: error[yaml]: an alias refers to the node that contains it (a cycle)"
    ]


def test_a_file_that_is_not_utf8_is_located_at_the_bad_byte(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_registry({"latin1.yaml": "parties:\n  - id: bl\xe5\n".encode("latin-1")})
    code, out = check_exit(path, capsys)
    assert code == 2
    assert (
        "registry/latin1.yaml:2:11: error[encoding]: the file is not valid UTF-8 (byte 0xe5); "
        "save it with UTF-8 encoding" in out
    )


def test_an_empty_file_is_an_error(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_registry({"empty.yaml": "# nothing yet\n"})
    code, out = check_exit(path, capsys)
    assert code == 2
    assert (
        "registry/empty.yaml:1:1: error[yaml]: the file is empty; add registry sections "
        "(e.g. 'activities:') or delete the file" in out
    )


def test_a_missing_folder_is_an_error(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    make_registry()
    code, out = check_exit(Path("registri"), capsys)
    assert code == 2
    assert (
        "registri: error[io]: no such file or folder; give the path of a registry folder "
        "(default: registry/)" in out
    )


def test_text_given_where_a_path_goes_is_refused_as_a_path_not_a_crash(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    # A library user passing the YAML itself: longer than any file name may be.
    make_registry()
    code, out = check_exit(Path("organisation: {name: Acme} " * 20), capsys)
    assert code == 2
    assert "error[io]: file name too long; give the path of a registry folder" in out
    assert "organisation: {name: Acme} organisat...: error[io]" in out
    assert "Traceback" not in out


def test_a_registry_without_an_organisation_is_an_error(make_registry: MakeRegistry) -> None:
    path = make_registry({"p.yaml": party("visma")}, organisation=False)
    assert problems_of(path) == [
        "registry/p.yaml:1:1: error[reference]: no 'organisation:' section in any file; add "
        "one describing the controller (e.g. in organisation.yaml)"
    ]


def test_every_problem_of_every_file_is_reported_in_one_run(make_registry: MakeRegistry) -> None:
    path = make_registry(
        {
            "a.yaml": party("visma", extra="    servce: x\n    role2: x\n"),
            "b.yaml": "x: [\n",
            "c.yaml": "",
        }
    )
    found = problems_of(path)
    assert len(found) == 4
    assert [p.split(":")[0] for p in found] == [
        "registry/a.yaml",
        "registry/a.yaml",
        "registry/b.yaml",
        "registry/c.yaml",
    ]


def test_a_missing_required_field_points_at_its_mapping(make_registry: MakeRegistry) -> None:
    text = party("visma").replace("    service: {nb: Drift, en: Operations}\n", "")
    assert problems_of(make_registry({"p.yaml": text})) == [
        "registry/p.yaml:2:5: error[schema]: missing required field 'service'; add it here, "
        "e.g. service: {nb: ..., en: ...}"
    ]


def test_an_invalid_organisation_number_fails_the_mod11_check(
    make_registry: MakeRegistry, tmp_path: Path
) -> None:
    path = make_registry()
    org = tmp_path / "registry" / "organisation.yaml"
    org.write_text(org.read_text().replace('"923609016"', '"923609017"'))
    assert problems_of(path) == [
        "registry/organisation.yaml:6:15: error[schema]: org_number: organisation number "
        "923609017 fails the MOD11 check digit"
    ]


def test_norway_stays_a_country_code_not_false(make_registry: MakeRegistry) -> None:
    text = party("visma").replace('country: "NO"', "country: NO")
    registry = load_registry(make_registry({"p.yaml": text}))
    locations = registry.parties["visma"].locations
    assert not is_unknown(locations)
    assert locations[0].country == "NO"


def test_the_command_line_never_shows_a_traceback(make_registry: MakeRegistry) -> None:
    path = make_registry({"bad.yaml": b"\xff\xfe: [", "worse.yaml": "a: *nope\n"})
    result = subprocess.run(
        [sys.executable, "-m", "holte_ropa.cli", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert (
        "registry/worse.yaml:1:4: error[yaml]: found undefined alias; fix the YAML syntax here"
        in result.stdout
    )


def test_json_output_follows_the_finding_contract(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    path = make_registry({"p.yaml": party("visma", extra="    servce: x\n")})
    code = main(["check", str(path), "--format", "json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 2
    assert payload["findings"] == [
        {
            "rule": "schema",
            "name": "schema-error",
            "severity": "error",
            "message": "unknown field 'servce' (did you mean 'service'?)",
            "file": "registry/p.yaml",
            "line": 8,
            "column": 5,
            "entity": "visma",
            "waived": False,
        }
    ]


def test_without_libyaml_the_registry_is_refused_once_with_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import yaml

    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    monkeypatch.delattr(yaml, "CBaseLoader")
    with pytest.raises(RegistryError) as raised:
        load_registry(FIXTURES / "small")
    [problem] = raised.value.problems
    assert problem.category == "environment"
    assert "PyYAML was installed without libyaml" in problem.message
    assert main(["check", str(FIXTURES / "small")]) == 2
    out = capsys.readouterr()
    assert "without libyaml" in out.out
    assert "Traceback" not in out.out + out.err


def test_without_libyaml_a_single_file_is_a_located_problem(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import yaml

    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    file = tmp_path / "one.yaml"
    file.write_text("activities: []\n", encoding="utf-8")
    problem = read_yaml(file, "one.yaml")
    assert isinstance(problem, Problem)
    assert str(problem).startswith("one.yaml")
    assert "reinstall PyYAML" in problem.message


def test_a_short_text_written_many_times_is_kept_once(tmp_path: Path) -> None:
    file = tmp_path / "one.yaml"
    file.write_text(
        "a: {nb: Hovedformål, en: Main purpose}\nb: {nb: Hovedformål, en: Main purpose}\n"
        f"c: {'lang ' * 20}\nd: {'lang ' * 20}\n",
        encoding="utf-8",
    )
    document = read_yaml(file, "one.yaml")
    assert not isinstance(document, Problem)
    data = document.data
    assert isinstance(data, dict)
    assert data["a"]["nb"] is data["b"]["nb"]
    assert data["a"] == data["b"]
    assert data["c"] == data["d"]
    assert data["c"] is not data["d"]  # a long text is rarely repeated: not interned


# --------------------------------------------------------------------------- every message


def problems(path: Path, shown_as: str | None = None) -> tuple[Problem, ...]:
    with pytest.raises(RegistryError) as caught:
        load_registry(path, shown_as=shown_as)
    return caught.value.problems


def purpose_with(basis: str) -> str:
    return f"""\
activities:
  - id: crm
    name: {{nb: Kundeoppfølging, en: Customer follow-up}}
    description: {{nb: Vi følger opp kunder., en: We follow up customers.}}
    role: controller
    purposes:
      - id: follow-up
        description: {{nb: Følge opp, en: Follow up}}
        legal_basis: {basis}
    recipients: none
"""


def test_a_file_that_is_a_list_is_refused_and_the_next_file_still_checked(
    make_registry: MakeRegistry,
) -> None:
    path = make_registry({"a.yaml": "- activities\n- parties\n", "b.yaml": "colour: red\n"})
    assert [(str(p), p.entity) for p in problems(path)] == [
        (
            "registry/a.yaml:1:1: error[schema]: a registry file must be a mapping of sections "
            "such as 'activities:' or 'parties:'",
            None,
        ),
        (
            "registry/b.yaml:1:1: error[schema]: unknown field 'colour'; allowed here: "
            + ", ".join(RegistryFile.model_fields),
            None,
        ),
    ]


def test_a_folder_without_yaml_files_is_an_io_problem_at_the_folder(
    make_registry: MakeRegistry,
) -> None:
    path = make_registry({"notes.txt": "not a registry"}, organisation=False)
    [problem] = problems(path)
    assert problem == Problem(
        Position("registry"), "io", "the folder holds no .yaml files; add the registry"
    )


def test_problems_are_located_under_the_name_the_registry_is_shown_as(
    make_registry: MakeRegistry,
) -> None:
    path = make_registry({"p.yaml": party("visma", extra="    colour: red\n")})
    [problem] = problems(path, shown_as="HEAD:registry")
    assert str(problem.position) == "HEAD:registry/p.yaml:8:5"
    [empty] = problems(make_registry({"empty/notes.txt": "x"}) / "empty", shown_as="HEAD:empty")
    assert str(empty) == "HEAD:empty: error[io]: the folder holds no .yaml files; add the registry"


def test_a_single_registry_file_is_located_by_its_own_path_or_shown_name(
    make_registry: MakeRegistry,
) -> None:
    path = make_registry({"p.yaml": party("visma", extra="    colour: red\n")}) / "p.yaml"
    [problem] = problems(path)
    assert str(problem.position) == "registry/p.yaml:8:5"
    [shown] = problems(path, shown_as="HEAD:registry/p.yaml")
    assert str(shown.position) == "HEAD:registry/p.yaml:8:5"


def test_a_failed_load_leaves_the_garbage_collector_enabled(make_registry: MakeRegistry) -> None:
    assert gc.isenabled()
    problems(make_registry({"a.yaml": "- activities\n"}))
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("original", "wrong", "message"),
    [
        (
            "id: acme",
            "id: Acme Corp",
            "id: 'Acme Corp' has the wrong form (ids are lower-case letters, digits and "
            "hyphens, e.g. web-forms)",
        ),
        (
            "    country: NO",
            "    country: no",
            "country: 'no' has the wrong form (an ISO 3166-1 alpha-2 code in capitals, e.g. "
            "NO, SE, US); did you mean 'NO' (Norway)? write country: \"NO\"",
        ),
        (
            "email: post@acme.no",
            "email: post",
            "email: 'post' has the wrong form (an e-mail address like name@example.no); "
            "unknown is allowed here",
        ),
        (
            "privacy_contact: personvern@acme.no",
            "privacy_contact: personvern",
            "privacy_contact: 'personvern' has the wrong form (an e-mail address like "
            "personvern@example.no); unknown is allowed here",
        ),
    ],
    ids=["id", "country", "email", "privacy_contact"],
)
def test_a_value_of_the_wrong_form_is_explained_with_an_example_of_the_right_one(
    make_registry: MakeRegistry, original: str, wrong: str, message: str
) -> None:
    organisation = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    assert original in organisation
    path = make_registry(
        {"organisation.yaml": organisation.replace(original, wrong, 1)}, organisation=False
    )
    [problem] = problems(path)
    assert (problem.category, problem.message, problem.entity) == (
        "schema",
        message,
        "Acme Corp" if original == "id: acme" else "acme",
    )


def test_a_party_s_parent_country_of_the_wrong_form_asks_for_a_country_code(
    make_registry: MakeRegistry,
) -> None:
    path = make_registry({"p.yaml": party("visma", extra="    parent_country: us\n")})
    [problem] = problems(path)
    assert str(problem) == (
        "registry/p.yaml:8:21: error[schema]: parent_country: 'us' has the wrong form (an ISO "
        "3166-1 alpha-2 code in capitals, e.g. NO, SE, US); did you mean 'US' (United States)? "
        'write parent_country: "US"'
    )
    assert problem.entity == "visma"


def test_a_value_outside_a_fixed_list_is_quoted_with_the_allowed_values(
    make_registry: MakeRegistry,
) -> None:
    [problem] = problems(make_registry({"p.yaml": party("visma", role="boss")}))
    assert str(problem) == (
        "registry/p.yaml:5:11: error[schema]: role: 'boss' is not allowed; input should be "
        "'processor', 'sub_processor', 'controller', 'joint_controller', 'authority' or "
        "'customer'; unknown is allowed here"
    )


def test_a_legal_basis_of_an_unknown_kind_lists_every_allowed_form(
    make_registry: MakeRegistry,
) -> None:
    [problem] = problems(make_registry({"a.yaml": purpose_with("{basis: magic}")}))
    assert (str(problem), problem.entity) == (
        "registry/a.yaml:9:22: error[schema]: legal_basis: basis 'magic' is not one this "
        "tool knows; write one of 'consent', 'contract', 'legal_obligation', "
        "'vital_interest', 'public_task', 'legitimate_interest'; unknown is allowed here",
        "crm",
    )


def test_a_legal_basis_that_is_neither_a_mapping_nor_unknown_lists_both_forms(
    make_registry: MakeRegistry,
) -> None:
    [problem] = problems(make_registry({"a.yaml": purpose_with("maybe")}))
    assert problem.message == (
        "legal_basis: expected a mapping with basis and what that basis needs, e.g. "
        "{basis: contract, contract: {nb: ..., en: ...}}; unknown is allowed here"
    )


def test_a_number_that_is_not_text_is_quoted_as_written(make_registry: MakeRegistry) -> None:
    organisation = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    path = make_registry(
        {"organisation.yaml": organisation.replace('version: "1.0"', "version: 1.10")},
        organisation=False,
    )
    [problem] = problems(path)
    assert "input should be a valid string; write it in quotes: '1.10'; unknown is allowed" in (
        problem.message
    )


def test_an_unknown_field_inside_a_legal_basis_suggests_the_field_of_that_basis(
    make_registry: MakeRegistry,
) -> None:
    basis = "{basis: consent, collection: {en: Form}, withdrawl: {en: Link}, proof: log}"
    found = problems(make_registry({"a.yaml": purpose_with(basis)}))
    unknown = [p for p in found if p.message.startswith("unknown field")]
    assert [(str(p), p.entity) for p in unknown] == [
        (
            "registry/a.yaml:9:63: error[schema]: unknown field 'withdrawl' (did you mean "
            "'withdrawal'?)",
            "crm",
        )
    ]


def test_an_unknown_field_inside_a_transfer_mechanism_suggests_the_field_of_that_mechanism(
    make_registry: MakeRegistry,
) -> None:
    location = '    locations: [{country: "NO"}]\n'
    text = party("visma").replace(
        location, "    locations:\n      - {country: US, mechanism: {mechanism: scc, tia2: x}}\n"
    )
    found = problems(make_registry({"p.yaml": text}))
    assert [str(p) for p in found if p.message.startswith("unknown field")] == [
        "registry/p.yaml:8:51: error[schema]: unknown field 'tia2' (did you mean 'tia'?)"
    ]


def test_an_unknown_language_in_a_text_lists_the_languages(make_registry: MakeRegistry) -> None:
    text = party("visma").replace("{nb: Drift, en: Operations}", "{nb: Drift, de: Betrieb}")
    [problem] = problems(make_registry({"p.yaml": text}))
    assert str(problem) == (
        "registry/p.yaml:6:26: error[schema]: unknown field 'de'; allowed here: nb, en"
    )


def test_a_misspelt_section_holding_a_list_is_an_unknown_field_of_no_entity(
    make_registry: MakeRegistry,
) -> None:
    path = make_registry({"a.yaml": "activitys:\n  - id: crm\n"})
    [problem] = problems(path)
    assert (str(problem), problem.entity) == (
        "registry/a.yaml:1:1: error[schema]: unknown field 'activitys' (did you mean "
        "'activities'?)",
        None,
    )


def located_at(party_text: str) -> str:
    location = '    locations: [{country: "NO"}]\n'
    return party("visma").replace(location, f"    locations:\n      - {party_text}\n")


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        (
            purpose_with(
                "{basis: consent, collection: {en: x}, withdrawal: {en: y}, proof: log, size: 1}"
            ),
            "basis, collection, withdrawal, proof, deleted_on_withdrawal",
        ),
        (
            purpose_with("{basis: legitimate_interest, interest: {en: x}, size: 1}"),
            "basis, interest, balancing_test, right_to_object",
        ),
        (
            located_at("{country: US, mechanism: {mechanism: scc, module: 2, tia: T, size: 1}}"),
            "mechanism, module, tia, tia_review_by",
        ),
        (located_at("{country: US, size: 1}"), "country, access, mechanism"),
    ],
    ids=["consent", "legitimate-interest", "scc", "location"],
)
def test_an_unknown_field_lists_only_the_fields_of_its_own_kind_of_basis_or_mechanism(
    make_registry: MakeRegistry, text: str, allowed: str
) -> None:
    found = problems(make_registry({"a.yaml": text}))
    assert [p.message for p in found if p.message.startswith("unknown field")] == [
        f"unknown field 'size'; allowed here: {allowed}"
    ]
