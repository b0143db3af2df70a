"""parse_age and age_needs_clarifying: a birth year is converted, or asked about, never
taken as the age (issue 10, point 3)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text import age_needs_clarifying, answer_for_slot, extract_answers, parse_age
from saudi_locale.clock import riyadh_today

TODAY = datetime.date(2026, 11, 29)


@pytest.mark.parametrize(
    "answer, age",
    [
        ("من مواليد ٨٥", 41),
        ("مواليد 1985", 41),
        ("مواليد ١٤٠٥", 41),  # Hijri: 1 Rajab 1405 is March 1985
        ("مواليد ١٤٠٥ هـ", 41),
        ("مواليد ١٤٠٠", 46),
        ("مواليد ٠٥ هجري", 41),
        ("مواليد عام ١٣٩٥", 51),
        ("مواليد ٩٠", 36),
        ("مواليد 2000", 26),
        ("مواليد ٢٠٠٥م", 21),
        ("مواليد ٠٥", 21),  # 1905 would be 121
        ("انا من مواليد سنة ١٩٩٠", 36),
        ("تولدت ٧٥", 51),
        ("مولود سنة ٦٥", 61),
        ("ولدت في ٨٠", 46),
        ("1985", 41),  # a bare year is a year
        ("١٤٠٠", 46),
        ("مواليد 12/5/1985", 41),  # a full date gives the exact age
        ("مواليد 1/12/1985", 40),  # birthday not reached yet on 29 Nov
        ("مواليد ١٢ رجب ١٤٠٥", 41),
    ],
)
def test_a_birth_year_is_converted_to_an_age(answer, age):
    assert parse_age(answer, today=TODAY) == age
    assert answer_for_slot("age", answer, today=TODAY) == age
    assert age_needs_clarifying(answer, today=TODAY) is False


@pytest.mark.parametrize(
    "answer",
    [
        "مواليد ٢٠",
        "مواليد ١٦",
        "مواليد ١٧٠٠",
        "مواليد 2030",
        "مواليد الثمانينات",
        "مواليد ١٩٩٠ هجري",
        "مواليد ١٤٠٥ ميلادي",
        "مواليد ٤٠٥",
    ],
)
def test_an_unclear_birth_year_is_asked_about(answer):
    assert age_needs_clarifying(answer, today=TODAY) is True
    assert parse_age(answer, today=TODAY) is None
    assert answer_for_slot("age", answer, today=TODAY) is None


@pytest.mark.parametrize("answer, age", [("عمري ٤٥", 45), ("٤٥", 45), ("عمري ٨٥", 85), ("٨٥ سنة", 85)])
def test_an_age_stays_an_age(answer, age):
    assert parse_age(answer, today=TODAY) == age
    assert age_needs_clarifying(answer, today=TODAY) is False


def test_the_age_follows_the_date_it_is_read_on():
    assert parse_age("مواليد 1985", today=datetime.date(2030, 6, 1)) == 45
    assert parse_age("مواليد ١٤٠٥", today=datetime.date(2030, 6, 1)) == 45


def test_the_default_date_is_today_in_riyadh():
    today = riyadh_today()
    assert parse_age("مواليد 1990") == today.year - 1990
    assert abs((today - datetime.datetime.now(datetime.timezone.utc).date()).days) <= 1


def test_extract_answers_converts_a_birth_year():
    assert extract_answers("مواليد ٨٥ وعندي زوجة", today=TODAY) == {"age": 41, "dependents_count": 1}


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1930, max_value=2026))
def test_a_four_digit_gregorian_year_is_never_the_age(year):
    assert parse_age(f"مواليد {year}", today=TODAY) == 2026 - year
