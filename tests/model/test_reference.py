"""The dated reference data shipped with holte-ropa: the EEA and adequacy decisions."""

from __future__ import annotations

import datetime as _dt

from holte_ropa import reference_data

UK_ENTRY = _dt.date(2025, 12, 19)
UK_EXPIRY = _dt.date(2031, 12, 27)
ONE_DAY = _dt.timedelta(days=1)


def test_the_reference_files_are_read_afresh_into_dated_facts() -> None:
    fresh = reference_data.__wrapped__()
    assert fresh == reference_data()
    assert fresh.is_eea("NO") and fresh.is_eea("SE") and not fresh.is_eea("US")
    assert fresh.adequacy_as_of == _dt.date(2026, 5, 1)
    assert fresh.dpia_list


def test_an_adequacy_decision_applies_from_its_entry_into_force_in_the_eea() -> None:
    uk = reference_data().adequacy_for("GB")
    assert uk is not None
    assert (uk.eea_in_force, uk.valid_until) == (UK_ENTRY, UK_EXPIRY)
    assert not uk.valid_on(UK_ENTRY - ONE_DAY)
    assert uk.valid_on(UK_ENTRY)
    assert uk.valid_on(UK_ENTRY + ONE_DAY)


def test_an_adequacy_decision_applies_up_to_and_including_its_expiry() -> None:
    uk = reference_data().adequacy_for("GB")
    assert uk is not None
    assert uk.valid_on(UK_EXPIRY - ONE_DAY)
    assert uk.valid_on(UK_EXPIRY)
    assert not uk.valid_on(UK_EXPIRY + ONE_DAY)


def test_a_decision_without_expiry_applies_indefinitely_from_its_entry_into_force() -> None:
    japan = reference_data().adequacy_for("JP")
    assert japan is not None and japan.valid_until is None
    assert not japan.valid_on(_dt.date(2019, 1, 22))
    assert japan.valid_on(_dt.date(2019, 1, 23))
    assert japan.valid_on(_dt.date(2099, 12, 31))


def test_a_decision_pending_in_the_eea_applies_on_no_day() -> None:
    brazil = reference_data().adequacy_for("BR")
    assert brazil is not None and brazil.pending_in_eea
    assert brazil.eu_adopted == _dt.date(2026, 1, 26)
    assert not brazil.valid_on(brazil.eu_adopted)
    assert not brazil.valid_on(_dt.date(2099, 12, 31))


def test_a_country_without_a_decision_has_none() -> None:
    assert reference_data().adequacy_for("IN") is None
