"""JUnit XML checked against the schema pytest validates its own reports with."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from holte_ropa.cli import main
from tests.conftest import ROOT

XSD = Path(__file__).parents[1] / "data" / "junit" / "junit-10.xsd"


def _junit(capsys: pytest.CaptureFixture[str], *args: str) -> bytes:
    main(["check", str(ROOT / "registry"), "--format", "junit", *args])
    return capsys.readouterr().out.encode("utf-8")


@pytest.mark.parametrize("fail_on", ["error", "warning", "info"])
def test_holtes_junit_report_is_valid_against_pytests_junit_schema(
    capsys: pytest.CaptureFixture[str], fail_on: str
) -> None:
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    document = etree.fromstring(_junit(capsys, "--fail-on", fail_on))
    assert schema.validate(etree.ElementTree(document)), schema.error_log


def test_a_warning_that_passes_still_shows_its_file_line_and_message_in_its_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = etree.fromstring(_junit(capsys, "--fail-on", "error"))
    passing = [
        case
        for case in root.iter("testcase")
        if len(case) and case[0].tag == "system-out" and ": warning: " in (case[0].text or "")
    ]
    assert passing
    for case in passing:
        assert case.get("name").endswith(case[0].text.split(": ", 1)[1])
        assert "registry/" in case.get("name") and ": warning: " in case.get("name")
