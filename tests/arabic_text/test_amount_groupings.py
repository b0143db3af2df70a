"""parse_amount over every way people group digits and state a period (issue 10, point 3)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text import parse_amount, read_income
from arabic_text.periods import MONTHS_PER_PERIOD, to_monthly

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
# Thousands separators people type: Latin comma, Arabic thousands sign, Arabic comma, dot,
# space, thin space, narrow no-break space, no-break space.
SEPARATORS = [",", "٬", "،", ".", " ", "\u2009", "\u202f", "\u00a0"]


def grouped(number: int, separator: str) -> str:
    return f"{number:,}".replace(",", separator)


@pytest.mark.parametrize("separator", SEPARATORS)
@pytest.mark.parametrize("digits", [None, ARABIC_INDIC, PERSIAN])
@pytest.mark.parametrize("number", [1320, 8000, 12500, 48000, 250000, 1250000])
def test_every_thousands_grouping_reads_the_whole_number(number, separator, digits):
    typed = grouped(number, separator)
    if digits:
        typed = typed.translate(digits)
    assert parse_amount(typed) == number
    assert parse_amount(f"{typed} ريال") == number
    assert parse_amount(f"راتبي {typed} ريال") == number


@settings(max_examples=300, deadline=None)
@given(
    number=st.integers(min_value=1000, max_value=9_999_999),
    separator=st.sampled_from(SEPARATORS),
    digits=st.sampled_from([None, ARABIC_INDIC, PERSIAN]),
)
def test_any_grouped_amount_is_read_whole(number, separator, digits):
    typed = grouped(number, separator)
    assert parse_amount(typed.translate(digits) if digits else typed) == number


@pytest.mark.parametrize(
    "answer, amount",
    [
        ("٨ ٠٠٠ ريال", 8000),  # the case: was 0
        ("٨\u202f٠٠٠ ريال", 8000),
        ("8 ٠٠٠", 8000),  # Latin and Arabic-Indic digits mixed
        ("٨000", 8000),
        ("۸۰۰۰", 8000),
        ("8.000", 8000),
        ("3.200 ريال", 3200),
        ("1.250.000", 1250000),
        ("1.250,50", 1250.5),  # dots for thousands, comma for decimals
        ("1,250.50", 1250.5),
        ("SR 1,320.75", 1320.75),
        ("12.5", 12.5),  # a decimal, not 12500
        ("١٢٫٥", 12.5),  # Arabic decimal separator
        ("١٢،٥", 12.5),  # the Arabic comma typed as a decimal sign
        ("١٢،٥ الف", 12500),
        ("٩٩٫٩٩", 99.99),
        ("2500.50", 2500.5),
        ("٣٫٥ الف", 3500),
        ("1.500 الف", 1500),  # a decimal before a scale word
        ("دخلي 2,5 الف", 2500),  # decimal comma
        ("١,٥ الف", 1500),
        ("7,250", 7250),
        ("0.500", 0.5),
        ("12 500,75", 12500.75),  # spaces for thousands, comma for decimals
        ("12 500.75", 12500.75),
        ("١٢ ٥٠٠٫٧٥", 12500.75),
        ("15,5", 15.5),
        ("2.750,5", 2750.5),
    ],
)
def test_decimal_and_thousands_separators_are_told_apart(answer, amount):
    assert parse_amount(answer) == pytest.approx(amount)


@pytest.mark.parametrize(
    "answer, amount",
    [
        ("٨ آلاف", 8000),
        ("٨آلاف", 8000),
        ("٤٨ ألف", 48000),
        ("الفين و٥٠٠", 2500),
        ("الفين و ٥٠٠ ريال", 2500),
        ("مية وخمسين", 150),
        ("ثلاث آلاف و٢٠٠", 3200),
        ("٣ الاف و ٥٠٠", 3500),
        ("خمسة آلاف وخمسمية", 5500),
        ("ألف ومية وخمسين", 1150),
        ("خمسطعش الف", 15000),
        ("٢٠ الف و٥٠٠", 20500),
        ("عشرين الف وخمسمية", 20500),
        ("٢ مليون", 2000000),
        ("8k", 8000),
        ("تقريباً ٤ آلاف", 4000),
    ],
)
def test_words_mixed_with_digits(answer, amount):
    assert parse_amount(answer) == pytest.approx(amount)


@pytest.mark.parametrize(
    "answer, monthly, period",
    [
        ("٤٨ ألف بالسنة", 4000, "year"),  # the case: was 48,000 a month
        ("٤٨ الف سنوياً", 4000, "year"),
        ("٤٨ الف سنويا", 4000, "year"),
        ("١٢٠ ألف سنوي", 10000, "year"),
        ("في السنة ٤٨ الف", 4000, "year"),
        ("بالسنة ٦٠ الف", 5000, "year"),
        ("كل سنة ٢٤ الف", 2000, "year"),
        ("٣٦٠٠٠ في العام", 3000, "year"),
        ("١٨٬٠٠٠ ريال سنوياً", 1500, "year"),
        ("الراتب السنوي ٣٦,٠٠٠", 3000, "year"),
        ("مية وعشرين الف بالسنة", 10000, "year"),
        ("٦٠٠ بالأسبوع", 2600, "week"),
        ("اسبوعيا ٦٠٠", 2600, "week"),
        ("اسبوعياً ٥٠٠ ريال", 500 * 52 / 12, "week"),
        ("٣٠٠ ريال كل اسبوع", 1300, "week"),
        ("الاسبوع ٧٠٠", 700 * 52 / 12, "week"),
        ("١٠٠ يومية", 100 * 365 / 12, "day"),
        ("١٠٠ ريال يومياً", 100 * 365 / 12, "day"),
        ("باليوم ١٠٠", 100 * 365 / 12, "day"),
        ("١٢٠ ريال في اليوم", 3650, "day"),
        ("٢٠٠ ريال باليومية", 200 * 365 / 12, "day"),
        ("شهريا ٣٠٠٠", 3000, "month"),
        ("بالشهر ٣٥٠٠", 3500, "month"),
        ("ثلاث تلاف في الشهر", 3000, "month"),
        ("٣٠٠٠", 3000, "month"),
        ("٤٨ الف السنة", 4000, "year"),  # the definite noun right after names the period
        ("راتبي ٤٨ الف السنة", 4000, "year"),
        ("٣٦٠٠٠ العام", 3000, "year"),
        ("١٠٠ ريال اليوم", 100 * 365 / 12, "day"),
    ],
)
def test_a_stated_period_is_converted_to_a_month(answer, monthly, period):
    assert parse_amount(answer) == pytest.approx(monthly, abs=0.01)
    reading = read_income(answer)
    stated = reading.items + reading.unclassified_items
    assert [item.period for item in stated] == [period]
    assert reading.converted is (period != "month")


@pytest.mark.parametrize("period, words", [("year", "بالسنة"), ("week", "بالأسبوع"), ("day", "يومية")])
@pytest.mark.parametrize("amount", [70, 365, 1200, 48000])
def test_conversion_uses_the_documented_factor(period, words, amount):
    reading = read_income(f"راتبي {amount} {words}")
    assert reading.earned_sar == pytest.approx(round(amount * MONTHS_PER_PERIOD[period], 2))
    assert reading.items[0].stated_sar == amount


def test_one_yearly_income_gives_one_monthly_figure_in_every_period():
    yearly = 36500
    assert to_monthly(yearly, "year") == pytest.approx(to_monthly(yearly / 365, "day"))
    assert to_monthly(yearly, "year") == pytest.approx(to_monthly(yearly / 52, "week"), rel=0.003)


def test_a_phone_number_is_not_glued_into_one_amount():
    assert parse_amount("055 123 4567") != 551234567


@pytest.mark.parametrize(
    "answer, earned, other",
    [
        ("راتبي ٥٠٠ بالأسبوع و٣٠٠٠ تقاعد", 500 * 52 / 12, 3000),
        ("راتبي ٥٠٠ بالأسبوع وتقاعد ٣٠٠٠", 500 * 52 / 12, 3000),
        ("تقاعد ٣٠٠٠ وراتبي ٣٦ الف بالسنة", 3000, 3000),
    ],
)
def test_a_period_belongs_to_its_own_amount_only(answer, earned, other):
    reading = read_income(answer)
    assert reading.earned_sar == pytest.approx(earned, abs=0.01)
    assert reading.other_sar == pytest.approx(other)


@pytest.mark.parametrize("answer", ["٢٥ ريال بالساعة", "راتبي ٢٥ بالساعة", "٣٠ ريال في الساعة"])
def test_an_hourly_rate_is_not_turned_into_a_month(answer):
    assert parse_amount(answer) is None
    reading = read_income(answer)
    assert reading is None or (reading.earned_sar is None and reading.unclassified_sar is None)


def test_an_hourly_salary_is_reported_as_named_without_an_amount():
    reading = read_income("تقاعد ٢٠٠٠ وراتبي ٢٥ بالساعة")
    assert (reading.earned_sar, reading.other_sar) == (None, 2000)
    assert reading.mentioned_without_amount == ("salary",)


@pytest.mark.parametrize("answer, age", [("عمري ٤٥ سنة", 45), ("٤٥ سنه", 45), ("٣٠ عام", 30)])
def test_an_age_in_years_is_not_an_amount_per_year(answer, age):
    from arabic_text import extract_answers

    assert extract_answers(answer) == {"age": age}
    reading = read_income(answer)
    assert reading is None or not (reading.items or reading.unclassified_items)


def test_a_yearly_amount_is_never_read_as_an_age():
    from arabic_text import extract_answers

    assert "age" not in extract_answers("٤٨ الف السنة")
