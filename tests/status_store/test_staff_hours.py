"""Staff hours: a setting in Riyadh time, read in one place, with a sane default."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from saudi_locale.clock import RIYADH
from status_store.staff_hours import DEFAULT, parse_staff_hours, staff_hours


def riyadh(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=RIYADH)  # 2026-12-06 is a Sunday


@pytest.mark.parametrize(
    "moment, open_",
    [
        (riyadh(6, 8), True),
        (riyadh(6, 15, 59), True),
        (riyadh(6, 16), False),
        (riyadh(6, 7, 59), False),
        (riyadh(10, 12), True),  # Thursday
        (riyadh(11, 12), False),  # Friday
        (riyadh(12, 12), False),  # Saturday
    ],
)
def test_default_hours_are_sunday_to_thursday_eight_to_four_riyadh(moment, open_):
    assert staff_hours({}).is_open(moment) is open_


def test_utc_moments_are_read_in_riyadh_time():
    hours = staff_hours({})
    assert hours.is_open(datetime(2026, 12, 6, 5, 30, tzinfo=timezone.utc))  # 08:30 Riyadh
    assert not hours.is_open(datetime(2026, 12, 6, 13, 30, tzinfo=timezone.utc))  # 16:30 Riyadh
    assert hours.is_open(datetime(2026, 12, 6, 5, 30, tzinfo=timezone.utc).replace(tzinfo=None))  # naive is UTC


def test_next_opening_after_thursday_evening_is_sunday_morning():
    hours = staff_hours({})
    assert hours.next_opening(riyadh(10, 17)) == riyadh(13, 8)
    assert hours.next_opening(riyadh(7, 6)) == riyadh(7, 8)  # Monday before opening: the same day
    assert hours.closing_time(riyadh(7, 9)) == riyadh(7, 16)
    assert hours.closing_time(riyadh(7, 17)) is None


def test_several_windows_and_a_range_that_wraps_the_week():
    hours = parse_staff_hours("sat-mon 09:00-13:00, thu 10:00-11:30")
    assert hours.is_open(riyadh(12, 9)) and hours.is_open(riyadh(7, 12, 59))  # Saturday, Monday
    assert not hours.is_open(riyadh(8, 10))  # Tuesday
    assert hours.is_open(riyadh(10, 11, 29)) and not hours.is_open(riyadh(10, 11, 30))
    assert hours.next_opening(riyadh(8, 10)) == riyadh(10, 10)


def test_always_open_desk_has_no_next_opening():
    hours = staff_hours({"STAFF_HOURS": "always"})
    assert hours.is_open(riyadh(11, 3)) and hours.next_opening(riyadh(11, 3)) is None


@pytest.mark.parametrize("bad", ["weekdays 8-4", "sun-thu 16:00-08:00", "xyz 08:00-16:00", "sun 25:00-26:00"])
def test_unreadable_setting_is_refused_and_the_default_applies(bad, caplog):
    with pytest.raises(ValueError):
        parse_staff_hours(bad)
    assert staff_hours({"STAFF_HOURS": bad}) == parse_staff_hours(DEFAULT)
    assert "STAFF_HOURS" in caplog.text


def test_every_opening_is_within_a_week():
    hours = parse_staff_hours("fri 08:00-09:00")
    start = riyadh(11, 9)  # Friday, just closed
    assert hours.next_opening(start) == start + timedelta(days=7) - timedelta(hours=1)
