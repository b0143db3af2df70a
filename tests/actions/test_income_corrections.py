"""A correction that names the new amount and the old one replaces the old one; an
amount negated by مو/مش/ليس or named "instead of" is never added (fault report of
2026-12-05, point 2)."""

from __future__ import annotations

import pytest

from actions.eligibility_form import ValidateEligibilityForm
from arabic_text import drop_replaced_amounts
from tests.actions.conftest import make_tracker

form = ValidateEligibilityForm()
SO_FAR = {"is_saudi": True, "resides_in_ksa": True, "dependents_count": 3, "earned_income": 3000.0, "other_income": 0.0}

CORRECTIONS = [
    "لا غلطت، راتبي ٢٠٠٠ مو ٣٠٠٠",  # Gulf
    "غلطت راتبي ٢٠٠٠ مش ٣٠٠٠",  # Egyptian / Levantine
    "عفوا، الراتب ٢٠٠٠ وليس ٣٠٠٠ ريال",  # MSA
    "تعديل: راتبي ٢٠٠٠ بدل ٣٠٠٠",
    "لا غلطت، راتبي ألفين مو ثلاث آلاف",  # number words
    "غلطت، راتبي مو زي ما كتبت ٣٠٠٠، راتبي ٢٠٠٠",
    "غلطت كتبت ٣٠٠٠ والصحيح راتبي ٢٠٠٠",
]


def validate(slot, text, slots, dispatcher):
    tracker = make_tracker(slots={**slots, slot: text}, text=text, intent="inform")
    return getattr(form, f"validate_{slot}")(text, dispatcher, tracker, {})


@pytest.mark.parametrize("typed", CORRECTIONS)
def test_correction_asked_another_question_replaces_the_income(dispatcher, typed):
    result = validate("has_high_value_assets", typed, SO_FAR, dispatcher)
    assert result["earned_income"] == 2000.0
    assert result.get("has_high_value_assets") is None  # the "لا" corrects, it is no answer
    said = [m["answer_description"] for m in dispatcher.messages if m.get("response") == "utter_answer_corrected"]
    assert said and "2,000" in said[0] and "5,000" not in said[0]


@pytest.mark.parametrize("typed", ["راتبي ٢٠٠٠ مو ٣٠٠٠", "٢٠٠٠ مش ٣٠٠٠", "راتبي ٢٠٠٠ وليس ٣٠٠٠"])
def test_answer_naming_the_wrong_amount_too_is_the_right_amount(dispatcher, typed):
    slots = {k: v for k, v in SO_FAR.items() if k != "earned_income"}
    result = validate("earned_income", typed, slots, dispatcher)
    assert result["earned_income"] == 2000.0


def test_correction_at_the_check_replaces_the_income(dispatcher):
    slots = {**SO_FAR, "has_high_value_assets": False, "has_bank_account": True}
    text = "لا غلطت، راتبي ٢٠٠٠ مو ٣٠٠٠"
    tracker = make_tracker(slots={**slots, "answers_confirmed": text}, text=text, intent="inform")
    result = form.validate_answers_confirmed(text, dispatcher, tracker, {})
    assert result["earned_income"] == 2000.0


@pytest.mark.parametrize(
    "typed",
    ["راتبي ٢٠٠٠ وتقاعد ابوي ١٢٠٠", "مو ساكن بالرياض", "راتبي ٢٠٠٠ ولا ٣٠٠٠", "ما عندي دخل", "راتبي ٢٠٠٠"],
)
def test_text_without_a_wrong_amount_is_read_as_typed(typed):
    assert drop_replaced_amounts(typed) == typed
