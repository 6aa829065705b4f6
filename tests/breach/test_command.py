"""``holte-ropa breach`` from the command line: formats, languages, exit codes."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from holte_ropa.cli import main
from tests.conftest import ROOT

HOLTE = str(ROOT / "registry")
AWARE = "2026-11-29T10:00+01:00"


def test_the_draft_is_bokmal_markdown_on_stdout_by_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["breach", "zapier", "--discovered", AWARE, "--registry", HOLTE]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Brudd på personopplysningssikkerheten: utkast til melding\n")


def test_several_targets_and_json_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "draft.json"
    argv = ["breach", "azure", "zapier", "--discovered", "2026-11-29T09:00Z"]
    code = main([*argv, "--registry", HOLTE, "--format", "json", "-o", str(target)])
    assert code == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["role"] == "controller_and_processor"
    assert [a["id"] for a in data["activities"]] == ["customer-cloud-data", "direct-marketing"]
    assert data["deadline"]["aware"] == "2026-11-29T10:00:00+01:00"


def test_english_with_the_art_34_draft_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["breach", "zapier", "--discovered", AWARE, "--registry", HOLTE, "--lang", "en"]
    assert main([*argv, "--communication"]) == 0
    assert "#### We have had a security breach" in capsys.readouterr().out


def test_an_id_that_names_nothing_breachable_exits_2_with_the_nearest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["breach", "zapeir", "--discovered", AWARE, "--registry", HOLTE]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "holte-ropa breach: 'zapeir' is not an id or name in the registry (did you mean "
        "'zapier'?); name a party, an activity, a security measure or a data category\n"
    )


def test_a_target_may_be_named_in_any_case_and_is_taken_once(tmp_path: Path) -> None:
    target = tmp_path / "draft.json"
    argv = ["breach", "ZAPIER", "zapier", "Zapier", "--discovered", AWARE, "--registry", HOLTE]
    assert main([*argv, "--format", "json", "-o", str(target)]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["targets"] == [{"kind": "party", "id": "zapier"}]


def test_a_moment_of_awareness_in_the_future_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["breach", "zapier", "--discovered", "2999-01-01T10:00+01:00", "--registry", HOLTE]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "holte-ropa breach: --discovered 2999-01-01T10:00:00+01:00 is in the future (it is now "
    )
    assert err.endswith("; give the moment you became aware of the breach\n")


def test_a_deadline_already_passed_is_said_with_the_reasons_for_the_delay_to_fill(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["breach", "zapier", "--discovered", "2020-01-06T10:00+01:00", "--registry", HOLTE]
    assert main([*argv, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert (
        "**The deadline has passed:** the 72 hours ran out on Thursday 9 January 2020, 10:00 "
        "(CET, UTC+01:00). Notify now and give the reasons for the delay (GDPR Art. 33(1)): "
        "[TO FILL: the reasons for the delay]."
    ) in out
    assert out.count("give the reasons for the delay") == 1


@pytest.mark.parametrize("moment", ["2026-11-29T10:00", "29.11.2026 10:00"])
def test_a_datetime_without_offset_or_not_iso_8601_is_a_usage_error(
    moment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["breach", "zapier", "--discovered", moment, "--registry", HOLTE])
    assert caught.value.code == 2
    assert "--discovered" in capsys.readouterr().err


def test_a_registry_that_does_not_load_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.yaml").write_text("activites: []\n", encoding="utf-8")
    assert main(["breach", "x", "--discovered", AWARE, "--registry", str(tmp_path)]) == 2
    assert "broken.yaml:1:1" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("moment", "said"),
    [
        ("2026-11-29", "'2026-11-29' is a date without a time; the 72 hours run from the moment"),
        ("2026-11-29T10:00", "'2026-11-29T10:00' has no UTC offset, so the moment is ambiguous"),
        ("29.11.2026 10:00", "'29.11.2026 10:00' is not an ISO 8601 datetime"),
    ],
)
def test_a_moment_that_is_not_one_says_which_format_to_use(
    moment: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["breach", "zapier", "--discovered", moment, "--registry", HOLTE])
    assert caught.value.code == 2
    err = " ".join(capsys.readouterr().err.split())
    assert said in err
    assert "write YYYY-MM-DDTHH:MM with the UTC offset of the clock you read, e.g. " in err
    assert "2026-11-29T14:30+01:00 (UTC+1) or 2026-11-29T13:30Z (UTC)" in err


def test_a_docx_is_never_written_to_a_terminal() -> None:
    """stdout is a real terminal (a pseudo-terminal): the command refuses and asks for -o."""
    leader, follower = pty.openpty()
    argv = ["breach", "zapier", "--discovered", AWARE, "--registry", HOLTE, "--format", "docx"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from holte_ropa.cli import main; sys.exit(main())",
            *argv,
        ],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
        timeout=120,
    )
    os.close(follower)
    os.close(leader)
    assert done.returncode == 2
    assert b"docx is binary; give -o FILE or redirect stdout" in done.stderr
