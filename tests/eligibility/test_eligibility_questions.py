"""next_question(): order, skips and early stop, as a conversation would see them."""
from __future__ import annotations

from typing import Any, Dict, List

from eligibility import QUESTION_ORDER, next_question

ON = "2024-03-15"
QUALIFYING = {
    "is_saudi": True, "nationality_exception": True, "resides_in_ksa": True, "age": 40, "dependents_count": 3,
    "monthly_income": 1800, "has_high_value_assets": False, "has_bank_account": True,
    "lives_in_care_facility": False, "meets_education_health": True, "accepts_rehabilitation": True,
}


def converse(replies: Dict[str, Any]) -> List[str]:
    """Slots asked, in order, when the user answers from `replies`."""
    answers: Dict[str, Any] = {}
    asked: List[str] = []
    while (slot := next_question(answers, ON)) is not None:
        assert slot not in asked, f"{slot} asked twice"
        asked.append(slot)
        answers[slot] = replies[slot]
    return asked


def test_qualifying_saudi_is_asked_everything_but_the_nationality_exception():
    asked = converse(QUALIFYING)
    assert "nationality_exception" not in asked
    assert set(asked) == set(QUESTION_ORDER) - {"nationality_exception"}


def test_questions_follow_the_documented_order():
    asked = converse(QUALIFYING)
    assert asked == [slot for slot in QUESTION_ORDER if slot in asked]
    assert asked.index("dependents_count") < asked.index("monthly_income")


def test_non_saudi_without_exception_is_never_asked_about_income():
    asked = converse({**QUALIFYING, "is_saudi": False, "nationality_exception": False})
    assert asked == ["is_saudi", "nationality_exception"]


def test_non_saudi_with_exception_continues_to_the_other_questions():
    asked = converse({**QUALIFYING, "is_saudi": False})
    assert asked[:3] == ["is_saudi", "nationality_exception", "resides_in_ksa"]
    assert "monthly_income" in asked


def test_person_without_dependents_is_not_asked_about_education_and_health():
    asked = converse({**QUALIFYING, "dependents_count": 0})
    assert "meets_education_health" not in asked


def test_high_income_stops_before_the_fixable_conditions():
    asked = converse({**QUALIFYING, "monthly_income": 50000})
    assert asked[-1] == "monthly_income"
    assert "has_bank_account" not in asked


def test_known_exception_makes_the_nationality_question_unnecessary():
    assert next_question({"nationality_exception": True}, ON) == "resides_in_ksa"
