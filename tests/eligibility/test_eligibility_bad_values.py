"""Answers and dates the rules cannot use raise a clear EligibilityError."""

from __future__ import annotations

import re

import pytest

from eligibility import EligibilityError, assess, facts, next_question, parameters_on, threshold_sar

ARABIC = re.compile(r"[\u0600-\u06FF]")


@pytest.mark.parametrize(
    "slot, value",
    [
        ("earned_income", -1),
        ("earned_income", "-500"),
        ("earned_income", "abc"),
        ("earned_income", "ألف"),  # words are parsed by arabic_text before reaching here
        ("earned_income", float("nan")),
        ("earned_income", float("inf")),
        ("earned_income", True),
        ("earned_income", 10**13),
        ("other_income", -0.5),
        ("other_income", "1e400"),
        ("other_income", False),
        ("assets_value", -10),
        ("assets_value", "سيارة"),
        ("age", 200),
        ("age", -1),
        ("age", 30.5),
        ("age", "old"),
        ("dependents_count", 51),
        ("dependents_count", -1),
        ("dependents_count", "2.5"),
        ("is_saudi", "maybe"),
        ("has_bank_account", 2),
        ("has_children", "maybe"),
        ("has_able_to_work_members", 3),
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


@pytest.mark.parametrize(
    "call",
    [
        lambda: facts("2020-01-01"),
        lambda: parameters_on("2020-01-01"),
        lambda: threshold_sar(2, "2020-01-01"),
        lambda: next_question({}, "2020-01-01"),
    ],
)
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
        assess({"earned_income": "1000000008x"})
    assert "1000000008" not in str(caught.value)


@pytest.mark.parametrize(
    "value",
    ["١٬٨٠٠", "1 800", "1\u2009800", "1\u202f800", "1\u00a0800", "۱۸۰۰", 1800.0, "1800.0", "1,800", "١٨٠٠٫٠"],
)
@pytest.mark.parametrize("slot, counted", [("earned_income", 900), ("other_income", 1800)])
def test_amounts_written_with_arabic_digits_or_separators_are_read(value, slot, counted):
    answers = {slot: value, "dependents_count": 0}
    assert assess(answers, on="2024-01-01").counted_income_sar == counted


@pytest.mark.parametrize(
    "retired, value", [("monthly_income", 1800), ("monthly_income", "1,800"), ("other_wealth_sar", 5000)]
)
def test_retired_inputs_are_refused_naming_what_replaces_them(retired, value):
    with pytest.raises(EligibilityError) as caught:
        assess({"is_saudi": True, retired: value}, on="2024-01-01")
    error = caught.value
    assert error.field == retired
    assert ARABIC.search(error.message_ar)
    replacements = ("earned_income", "other_income") if retired == "monthly_income" else ("assets_value",)
    assert all(name in error.message_en for name in replacements)
    if retired == "monthly_income":
        assert "دخل العمل" in error.message_ar and "الدخل الآخر" in error.message_ar


@pytest.mark.parametrize("empty", [None, "", "  "])
def test_an_empty_retired_slot_is_ignored_like_any_unanswered_slot(empty):
    assert assess({"is_saudi": True, "monthly_income": empty}, on="2024-01-01").status.value == "incomplete"
