"""Property-based tests (hypothesis) of the rules engine."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility import BOOL_SLOTS, QUESTION_ORDER, Outcome, assess, next_question, threshold_sar

dates = st.dates(min_value=dt.date(2020, 11, 17), max_value=dt.date(2032, 12, 31))
incomes = st.integers(min_value=0, max_value=30_000)
wealth = st.integers(min_value=0, max_value=500_000)
dependents = st.integers(min_value=0, max_value=50)
VALUES = {
    **{slot: st.booleans() for slot in BOOL_SLOTS},
    "age": st.integers(min_value=0, max_value=130),
    "dependents_count": dependents,
    "earned_income": incomes,
    "other_income": incomes,
    "assets_value": wealth,
}
AMOUNT_SLOTS = ("earned_income", "other_income", "assets_value")
# No per-example deadline: the CI machine is shared, and speed is measured in bench/, not here.
UNTIMED = settings(deadline=None)
# Any subset of the slots answered, with any valid values.
partial_answers = st.fixed_dictionaries({}, optional=VALUES)
complete_answers = st.fixed_dictionaries(VALUES)


@pytest.mark.parametrize("slot", AMOUNT_SLOTS)
@UNTIMED
@given(answers=partial_answers, amount_a=wealth, amount_b=wealth, on=dates)
def test_more_income_or_wealth_never_turns_ineligible_into_eligible(slot, answers, amount_a, amount_b, on):
    low, high = sorted((amount_a, amount_b))
    at_low = assess({**answers, slot: low}, on)
    at_high = assess({**answers, slot: high}, on)
    if at_high.status is Outcome.ELIGIBLE:
        assert at_low.status is Outcome.ELIGIBLE
    if at_low.status is Outcome.INELIGIBLE:
        assert at_high.status is Outcome.INELIGIBLE
    assert at_high.estimated_support_sar <= at_low.estimated_support_sar or not at_high.eligible


@UNTIMED
@given(dependents, dependents, dates)
def test_more_dependents_never_lowers_the_threshold(count_a, count_b, on):
    fewer, more = sorted((count_a, count_b))
    assert threshold_sar(fewer, on) <= threshold_sar(more, on)


@UNTIMED
@given(complete_answers, dependents, dates)
def test_assessment_threshold_grows_with_dependents(answers, extra, on):
    base = assess(answers, on)
    bigger = assess({**answers, "dependents_count": min(50, answers["dependents_count"] + extra)}, on)
    assert base.threshold_sar <= bigger.threshold_sar


@UNTIMED
@given(complete_answers, incomes, dates)
def test_a_riyal_of_other_income_counts_more_than_a_riyal_of_earned_income(answers, amount, on):
    # Earned income counts at the earned-income share (< 1), other income in full.
    as_earned = assess({**answers, "earned_income": amount, "other_income": 0}, on)
    as_other = assess({**answers, "earned_income": 0, "other_income": amount}, on)
    assert as_earned.counted_income_sar <= as_other.counted_income_sar
    if as_other.eligible:
        assert as_earned.eligible and as_earned.estimated_support_sar >= as_other.estimated_support_sar


@UNTIMED
@given(complete_answers, dates)
def test_wealth_alone_is_never_a_refusal_it_only_feeds_the_means_test(answers, on):
    with_wealth = assess({**answers, "has_high_value_assets": True}, on)
    assert "has_high_value_assets" not in with_wealth.failed_conditions
    without_wealth = assess({**answers, "has_high_value_assets": False}, on)
    assert set(with_wealth.failed_conditions) - set(without_wealth.failed_conditions) <= {"monthly_income"}


@UNTIMED
@given(complete_answers, dates)
def test_a_head_of_family_is_never_refused_for_age(answers, on):
    if answers["dependents_count"] > 0:
        assert "age" not in assess(answers, on).failed_conditions


@pytest.mark.parametrize(
    "gate, duty", [("has_children", "meets_education_health"), ("has_able_to_work_members", "accepts_rehabilitation")]
)
@UNTIMED
@given(answers=complete_answers, on=dates)
def test_a_household_the_duty_does_not_concern_is_never_refused_for_it(gate, duty, answers, on):
    assert duty not in assess({**answers, gate: False, duty: False}, on).failed_conditions


@UNTIMED
@given(partial_answers, dates)
def test_early_income_refusal_holds_whatever_the_missing_parts_are(answers, on):
    assessment = assess(answers, on)
    if "monthly_income" in assessment.failed_conditions:
        # The smallest possible missing parts: no income, no wealth.
        filled = {"earned_income": 0, "other_income": 0, "assets_value": 0, **answers}
        assert "monthly_income" in assess(filled, on).failed_conditions


@UNTIMED
@given(partial_answers, dates)
def test_support_is_never_negative_nor_above_the_threshold(answers, on):
    assessment = assess(answers, on)
    assert 0 <= assessment.estimated_support_sar <= assessment.threshold_sar
    if assessment.eligible:
        assert assessment.estimated_support_sar == assessment.threshold_sar - assessment.counted_income_sar


@UNTIMED
@given(partial_answers, dates, st.randoms(use_true_random=False))
def test_result_does_not_depend_on_answer_order(answers, on, rnd):
    items = list(answers.items())
    rnd.shuffle(items)
    reordered: dict[str, Any] = {}
    for slot, value in items:  # as if answered one by one in this sequence
        reordered = {**reordered, slot: value}
    first, second = assess(answers, on), assess(reordered, on)
    assert first.to_payload() == second.to_payload()
    assert first.status is second.status
    assert next_question(answers, on) == next_question(reordered, on)


@UNTIMED
@given(partial_answers, dates)
def test_next_question_never_asks_an_answered_slot(answers, on):
    assert next_question(answers, on) not in answers


@UNTIMED
@given(partial_answers, dates)
def test_next_question_is_none_exactly_when_the_outcome_is_decided(answers, on):
    decided = assess(answers, on).status is not Outcome.INCOMPLETE
    assert (next_question(answers, on) is None) == decided


@settings(max_examples=200, deadline=None)
@given(complete_answers, dates)
def test_answering_the_questions_asked_always_reaches_a_decision(pool, on):
    answers: dict[str, Any] = {}
    for _ in range(len(QUESTION_ORDER) + 1):
        slot = next_question(answers, on)
        if slot is None:
            break
        answers[slot] = pool[slot]
    assert next_question(answers, on) is None
    assert assess(answers, on).status is not Outcome.INCOMPLETE


@UNTIMED
@given(partial_answers, dates)
def test_a_question_is_never_asked_before_its_gate_is_answered(answers, on):
    asked = next_question(answers, on)
    dependents = answers.get("dependents_count")
    able = answers.get("has_able_to_work_members")
    if able is None and answers.get("earned_income", 0) > 0:
        able = True  # income from work answers the gate
    gates = {
        "age": dependents == 0,
        "has_children": dependents is not None and dependents > 0,
        "meets_education_health": answers.get("has_children") is True and dependents not in (None, 0),
        "assets_value": answers.get("has_high_value_assets") is True,
        "accepts_rehabilitation": able is True,
        "nationality_exception": answers.get("is_saudi") is False,
    }
    assert gates.get(asked, True), f"{asked} asked before its gate"
