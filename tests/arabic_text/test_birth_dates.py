"""parse_birth_date(): Gregorian and Hijri birth dates as people type them."""

from __future__ import annotations

import datetime

import pytest
from hijridate import Hijri
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text import parse_birth_date
from saudi_locale.clock import riyadh_today

TODAY = datetime.date(2025, 6, 1)


def _hijri(year: int, month: int, day: int) -> datetime.date:
    """Expected values come from hijridate directly, not from the parser under test."""
    return Hijri(year, month, day).to_gregorian()


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("12-5-1980", datetime.date(1980, 5, 12)),
        ("12/05/1980", datetime.date(1980, 5, 12)),
        ("١٢/٠٥/١٩٨٠", datetime.date(1980, 5, 12)),
        ("1980-05-12", datetime.date(1980, 5, 12)),
        ("12.05.1980", datetime.date(1980, 5, 12)),
        ("1980/5/12م", datetime.date(1980, 5, 12)),
        ("05/25/1980", datetime.date(1980, 5, 25)),  # month-first when the middle can't be a month
        ("12 مايو 1980", datetime.date(1980, 5, 12)),
        ("12 يناير 1980", datetime.date(1980, 1, 12)),
        ("١٢ أيار ١٩٨٠", datetime.date(1980, 5, 12)),  # Levantine
        ("12 كانون الثاني 1980", datetime.date(1980, 1, 12)),
        ("2 تشرين الأول 1975", datetime.date(1975, 10, 2)),
        ("3 من شهر اغسطس سنة 1990 م", datetime.date(1990, 8, 3)),
        ("مواليد 7 فبراير 2001 ميلادي", datetime.date(2001, 2, 7)),
    ],
)
def test_gregorian_birth_dates_are_read(typed, expected):
    assert parse_birth_date(typed, today=TODAY) == expected


@pytest.mark.parametrize(
    "typed, hijri",
    [
        ("1400/05/12", (1400, 5, 12)),
        ("١٤٠٠/٥/١٢", (1400, 5, 12)),
        ("12/5/1400", (1400, 5, 12)),
        ("12 جمادى الأولى 1400", (1400, 5, 12)),
        ("12 ربيع الأول 1400 هـ", (1400, 3, 12)),
        ("١٢ ربيع الاول ١٤٠٠هـ", (1400, 3, 12)),
        ("1 محرم 1410", (1410, 1, 1)),
        ("12 صفر 1400", (1400, 2, 12)),
        ("15 ذو الحجة 1410 هجري", (1410, 12, 15)),
        ("20 ربيع الآخر 1395", (1395, 4, 20)),
        ("5 جمادى الآخرة 1420", (1420, 6, 5)),
        ("9 رمضان 1405", (1405, 9, 9)),
    ],
)
def test_hijri_birth_dates_are_converted_to_gregorian(typed, hijri):
    assert parse_birth_date(typed, today=TODAY) == _hijri(*hijri)


@pytest.mark.parametrize(
    "typed",
    [
        "31/02/1980",  # no 31 February
        "31/05/1400",  # no Hijri day 31
        "30 جمادى الأولى 1400",  # Jumada I 1400 has 29 days
        "12 مايو 1400",  # Gregorian month with a Hijri year
        "12 رجب 1400 م",  # Hijri month marked Gregorian
        "1/1/2090",  # in the future
        "1/1/1460",  # a Hijri date in the future
        "12/5/80",  # two-digit year
        "1/1/1320",  # Hijri year before the conversion tables
        "مواليد 1980",  # no day or month
        "ما ادري",
        "",
    ],
)
def test_invalid_future_or_incomplete_dates_are_none(typed):
    assert parse_birth_date(typed, today=TODAY) is None


def test_future_is_measured_from_today_by_default():
    tomorrow = riyadh_today() + datetime.timedelta(days=1)
    assert parse_birth_date(tomorrow.strftime("%d/%m/%Y")) is None
    assert parse_birth_date("12/05/1980") == datetime.date(1980, 5, 12)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789٠١٢٣٤٥٦٧٨٩/-. هـمرجبصفمايو")), max_size=30))
def test_parse_birth_date_never_raises_and_never_returns_a_future_date(text):
    result = parse_birth_date(text, today=TODAY)
    assert result is None or result <= TODAY
