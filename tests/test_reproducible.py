"""SOURCE_DATE_EPOCH is read in one place, and every dated output follows it."""

from __future__ import annotations

import datetime as _dt

import pytest

from holte_ropa._reproducible import source_date_epoch
from holte_ropa.rules import default_today


def test_source_date_epoch_is_the_utc_moment_it_counts_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    assert source_date_epoch() == _dt.datetime(2025, 11, 25, tzinfo=_dt.UTC)
    assert default_today() == _dt.date(2025, 11, 25)


@pytest.mark.parametrize("value", ["", " ", "-1", "2026-01-01", "1.5"])
def test_an_empty_or_malformed_source_date_epoch_counts_as_unset(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert source_date_epoch() is None
    assert default_today() == _dt.date.today()


def test_without_source_date_epoch_the_checks_judge_on_today(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_date_epoch() is None
    assert default_today() == _dt.date.today()


def test_the_xlsx_record_is_dated_at_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import zipfile

    from holte_ropa import export_record, load_registry
    from tests.conftest import FIXTURES

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    xlsx = export_record(load_registry(FIXTURES / "small"), "controller", "xlsx", "en")
    core = zipfile.ZipFile(io.BytesIO(xlsx)).read("docProps/core.xml").decode()
    assert "2025-11-25T00:00:00Z" in core


@pytest.mark.parametrize("value", ["", "abc", "-1"])
def test_a_malformed_value_is_set_aside_for_programs_run_in_process_and_put_back(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    import os

    from holte_ropa._reproducible import unset_if_malformed

    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with unset_if_malformed() as malformed:
        assert malformed == value
        assert "SOURCE_DATE_EPOCH" not in os.environ
    assert os.environ["SOURCE_DATE_EPOCH"] == value


def test_a_well_formed_value_stays_for_programs_run_in_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    from holte_ropa._reproducible import unset_if_malformed

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    with unset_if_malformed() as malformed:
        assert malformed is None
        assert os.environ["SOURCE_DATE_EPOCH"] == "1764028800"
