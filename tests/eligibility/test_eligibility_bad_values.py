"""Answers and dates the rules cannot use raise a clear EligibilityError."""
from __future__ import annotations

import re

import pytest

from eligibility import EligibilityError, assess, facts, next_question, parameters_on, threshold_sar

ARABIC = re.compile(r"[\u0600-\u06FF]")


@pytest.mark.parametrize(
    "slot, value",
    [
        ("monthly_income", -1),
        ("monthly_income", "-500"),
        ("monthly_income", "abc"),
        ("monthly_income", "ألف"),  # words are parsed by arabic_text before reaching here
        ("monthly_income", float("nan")),
        ("monthly_income", float("inf")),
        ("monthly_income", True),
        ("age", 200),
        ("age", -1),
        ("age", 30.5),
        ("age", "old"),
        ("dependents_count", 51),
        ("dependents_count", -1),
        ("dependents_count", "2.5"),
        ("is_saudi", "maybe"),
        ("has_bank_account", 2),
        ("other_wealth_sar", -10),
    ],
)
def test_bad_answer_raises_eligibility_error_naming_the_slot(slot, value):
    with pytest.raises(EligibilityError) as caught:
        assess({slot: value}, on="2024-01-01")
    error = caught.value
    assert error.field == slot
    assert ARABIC.search(error.message_ar), "the user-facing message must be Arabic"
    assert error.message_en and not ARABIC.search(error.message_en)
    assert slot in str(error)


@pytest.mark.parametrize("on", ["2019-12-31", "2020-11-16", "1999-01-01"])
def test_date_before_the_program_raises(on):
    with pytest.raises(EligibilityError) as caught:
        assess({}, on=on)
    assert caught.value.field == "on"
    assert "before the program" in caught.value.message_en


@pytest.mark.parametrize("call", [lambda: facts("2020-01-01"), lambda: parameters_on("2020-01-01"),
                                  lambda: threshold_sar(2, "2020-01-01"), lambda: next_question({}, "2020-01-01")])
def test_every_public_function_rejects_dates_before_the_program(call):
    with pytest.raises(EligibilityError):
        call()


@pytest.mark.parametrize("on", ["31/01/2024", "yesterday", 20240101])
def test_malformed_date_raises(on):
    with pytest.raises(EligibilityError) as caught:
        assess({}, on=on)
    assert caught.value.field == "on"


def test_answers_that_are_not_a_mapping_raise():
    with pytest.raises(EligibilityError):
        assess(["is_saudi", True])  # type: ignore[arg-type]


def test_threshold_rejects_negative_dependents():
    with pytest.raises(EligibilityError):
        threshold_sar(-1, "2024-01-01")


def test_error_message_does_not_echo_the_raw_value():
    # Free text can hold personal data (an ID typed into the wrong field).
    with pytest.raises(EligibilityError) as caught:
        assess({"monthly_income": "1000000008x"})
    assert "1000000008" not in str(caught.value)


@pytest.mark.parametrize(
    "value, expected",
    [("١٬٨٠٠", 900), ("1 800", 900), ("۱۸۰۰", 900), (1800.0, 900), ("1800.0", 900)],
)
def test_amounts_written_with_arabic_digits_or_separators_are_read(value, expected):
    answers = {"monthly_income": value, "dependents_count": 0}
    assert assess(answers, on="2024-01-01").counted_income_sar == expected
