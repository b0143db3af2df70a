"""Birth dates in the status lookup: "ميلادي" before a date means "my birth", not
"Gregorian"; a year 1300-1500 is Hijri; month names with two-digit years."""

import datetime

import pytest

from arabic_text.dates import parse_birth_date
from arabic_text.status_answers import extract_status_answers

TODAY = datetime.date(2026, 11, 30)
BORN = datetime.date(1985, 4, 12)  # = 22/7/1405 هـ


@pytest.mark.parametrize(
    "text",
    [
        "هويتي 1012345672 ميلادي ١٤٠٥/٧/٢٢",
        "هويتي 1012345672 وميلادي ١٤٠٥/٧/٢٢",
        "رقم هويتي 1012345672 تاريخ ميلادي 1405/07/22",
        "1012345672 ميلادي 22/7/1405",
    ],
)
def test_my_birth_before_a_hijri_date_reads_the_birth_date(text):
    answers = extract_status_answers(text, today=TODAY)
    assert answers.national_id == "1012345672"
    assert answers.birth_date == BORN


@pytest.mark.parametrize(
    "text",
    [
        "مواليد 12 ابريل 85",
        "١٢ أبريل ١٩٨٥",
        "12 نيسان 1985",
        "مواليد ١٢ نيسان ٨٥",
        "ميلادي 12 ابريل 1985",
        "12/4/1985 ميلادي",
        "تاريخ ميلادي 12/4/1985",
    ],
)
def test_birth_dates_with_month_names_or_a_gregorian_mark(text):
    assert parse_birth_date(text, today=TODAY) == BORN
    assert extract_status_answers(text, asked="birth_date", today=TODAY).birth_date == BORN


@pytest.mark.parametrize(
    "text, expected",
    [
        ("مواليد ٣ مارس ٠٥", datetime.date(2005, 3, 3)),
        ("مواليد 1 يناير 99", datetime.date(1999, 1, 1)),
    ],
)
def test_a_two_digit_year_with_a_month_name_is_the_latest_past_one(text, expected):
    assert parse_birth_date(text, today=TODAY) == expected
