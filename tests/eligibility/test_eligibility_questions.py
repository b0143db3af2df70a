"""next_question(): order, gates, skips and early stop, as a conversation would see them."""

from __future__ import annotations

from typing import Any

import pytest

from eligibility import QUESTION_ORDER, next_question

ON = "2024-03-15"
# A family with children, a salary and no wealth: the plain applicant.
QUALIFYING = {
    "is_saudi": True,
    "nationality_exception": True,
    "resides_in_ksa": True,
    "dependents_count": 3,
    "age": 40,
    "earned_income": 1800,
    "other_income": 0,
    "has_high_value_assets": False,
    "assets_value": 0,
    "has_bank_account": True,
    "lives_in_care_facility": False,
    "has_children": True,
    "meets_education_health": True,
    "has_able_to_work_members": True,
    "accepts_rehabilitation": True,
}
# Turns outside the questions: the request that starts the check and the "صحيح" of the check before the verdict.
OTHER_TURNS = 2
MAX_TURNS_ONE_AT_A_TIME = 13  # issue 10, "Done means"


def converse(replies: dict[str, Any]) -> list[str]:
    """Slots asked, in order, when the user answers from `replies`."""
    answers: dict[str, Any] = {}
    asked: list[str] = []
    while (slot := next_question(answers, ON)) is not None:
        assert slot not in asked, f"{slot} asked twice"
        asked.append(slot)
        answers[slot] = replies[slot]
    return asked


def test_plain_family_with_a_salary_is_asked_no_gate_it_does_not_need():
    asked = converse(QUALIFYING)
    assert set(asked) == set(QUESTION_ORDER) - {
        "nationality_exception",
        "age",
        "assets_value",
        "has_able_to_work_members",
    }


def test_questions_follow_the_documented_order():
    asked = converse(QUALIFYING)
    assert asked == [slot for slot in QUESTION_ORDER if slot in asked]


COMMON = ["is_saudi", "resides_in_ksa", "dependents_count"]
INCOME = ["earned_income", "other_income", "has_high_value_assets"]
FIXABLE = ["lives_in_care_facility", "has_bank_account"]


@pytest.mark.parametrize(
    "household, expected",
    [
        (QUALIFYING, COMMON + INCOME + FIXABLE + ["has_children", "meets_education_health", "accepts_rehabilitation"]),
        (
            {**QUALIFYING, "earned_income": 0, "other_income": 900},  # no salary: the able-to-work gate is asked
            COMMON
            + INCOME
            + FIXABLE
            + ["has_children", "meets_education_health", "has_able_to_work_members", "accepts_rehabilitation"],
        ),
        (
            {**QUALIFYING, "dependents_count": 0},  # applying alone with a salary
            [*COMMON, "age", *INCOME, *FIXABLE, "accepts_rehabilitation"],
        ),
        (
            {
                **QUALIFYING,
                "dependents_count": 1,
                "has_children": False,
                "earned_income": 0,
                "other_income": 1000,
                "has_able_to_work_members": False,
            },  # elderly couple, nobody can work
            COMMON + INCOME + FIXABLE + ["has_children", "has_able_to_work_members"],
        ),
    ],
    ids=["salary-family", "no-salary-family", "alone-with-salary", "elderly-couple"],
)
def test_one_answer_at_a_time_asks_only_what_the_household_needs(household, expected):
    asked = converse(household)
    assert asked == expected
    # Turns (issue 10): the plain applicant with a salary fits the 13-turn budget; a
    # family without a salary needs one more, the able-to-work gate.
    if household is QUALIFYING:
        assert len(asked) + OTHER_TURNS <= MAX_TURNS_ONE_AT_A_TIME


@pytest.mark.parametrize(
    "gate, question, household",
    [
        ("dependents_count", "age", {**QUALIFYING, "dependents_count": 0}),
        ("dependents_count", "has_children", QUALIFYING),
        ("has_children", "meets_education_health", QUALIFYING),
        ("has_high_value_assets", "assets_value", {**QUALIFYING, "has_high_value_assets": True}),
        ("has_able_to_work_members", "accepts_rehabilitation", {**QUALIFYING, "earned_income": 0}),
    ],
)
def test_a_gate_is_asked_before_its_question(gate, question, household):
    asked = converse(household)
    assert asked.index(gate) < asked.index(question)


@pytest.mark.parametrize(
    "household, never_asked",
    [
        ({**QUALIFYING, "dependents_count": 3}, "age"),  # age is the independent person's rule
        ({**QUALIFYING, "dependents_count": 0}, "has_children"),
        ({**QUALIFYING, "dependents_count": 0}, "meets_education_health"),
        ({**QUALIFYING, "has_children": False}, "meets_education_health"),  # only the wife, or parents
        ({**QUALIFYING, "earned_income": 0, "has_able_to_work_members": False}, "accepts_rehabilitation"),
        ({**QUALIFYING, "has_high_value_assets": False}, "assets_value"),
        ({**QUALIFYING, "earned_income": 2000}, "has_able_to_work_members"),  # someone works, so someone can
    ],
)
def test_a_question_the_household_is_not_concerned_by_is_never_asked(household, never_asked):
    assert never_asked not in converse(household)


def test_non_saudi_without_exception_is_never_asked_about_income():
    asked = converse({**QUALIFYING, "is_saudi": False, "nationality_exception": False})
    assert asked == ["is_saudi", "nationality_exception"]


def test_non_saudi_with_exception_continues_to_the_other_questions():
    asked = converse({**QUALIFYING, "is_saudi": False})
    assert asked[:3] == ["is_saudi", "nationality_exception", "resides_in_ksa"]
    assert "earned_income" in asked


@pytest.mark.parametrize(
    "household, last",
    [
        ({**QUALIFYING, "earned_income": 50000}, "earned_income"),  # half of a salary already over the limit
        ({**QUALIFYING, "dependents_count": 0, "age": 67, "earned_income": 0, "other_income": 2000}, "other_income"),
        ({**QUALIFYING, "has_high_value_assets": True, "assets_value": 600000}, "assets_value"),
    ],
    ids=["salary", "single-retiree-pension", "wealth"],
)
def test_income_over_the_limit_stops_before_the_fixable_conditions(household, last):
    asked = converse(household)
    assert asked[-1] == last
    assert "has_bank_account" not in asked


def test_known_exception_makes_the_nationality_question_unnecessary():
    assert next_question({"nationality_exception": True}, ON) == "resides_in_ksa"


@pytest.mark.parametrize(
    "answers, expected",
    [
        ({**QUALIFYING, "has_children": None, "meets_education_health": True}, None),
        ({**QUALIFYING, "has_high_value_assets": None, "assets_value": 0}, None),
        ({**QUALIFYING, "has_able_to_work_members": None, "earned_income": 0, "accepts_rehabilitation": True}, None),
        (
            {**QUALIFYING, "has_able_to_work_members": None, "earned_income": 0, "accepts_rehabilitation": None},
            "has_able_to_work_members",
        ),
    ],
)
def test_a_gate_whose_question_is_already_answered_is_not_asked(answers, expected):
    assert next_question(answers, ON) == expected
