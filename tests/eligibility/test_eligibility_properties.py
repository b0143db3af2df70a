"""Property-based tests (hypothesis) of the rules engine."""
from __future__ import annotations

import datetime as dt
from typing import Any, Dict

from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility import QUESTION_ORDER, Outcome, assess, next_question, threshold_sar

BOOL_SLOTS = [slot for slot in QUESTION_ORDER if slot not in ("age", "dependents_count", "monthly_income")]

dates = st.dates(min_value=dt.date(2020, 11, 17), max_value=dt.date(2032, 12, 31))
incomes = st.integers(min_value=0, max_value=30_000)
dependents = st.integers(min_value=0, max_value=50)
VALUES = {
    **{slot: st.booleans() for slot in BOOL_SLOTS},
    "age": st.integers(min_value=0, max_value=130),
    "dependents_count": dependents,
    "monthly_income": incomes,
}
# Any subset of the slots answered, with any valid values.
partial_answers = st.fixed_dictionaries({}, optional=VALUES)
complete_answers = st.fixed_dictionaries(VALUES)


@given(partial_answers, incomes, incomes, dates)
def test_more_income_never_turns_ineligible_into_eligible(answers, income_a, income_b, on):
    low, high = sorted((income_a, income_b))
    at_low = assess({**answers, "monthly_income": low}, on)
    at_high = assess({**answers, "monthly_income": high}, on)
    if at_high.status is Outcome.ELIGIBLE:
        assert at_low.status is Outcome.ELIGIBLE
    if at_low.status is Outcome.INELIGIBLE:
        assert at_high.status is Outcome.INELIGIBLE
    assert at_high.estimated_support_sar <= at_low.estimated_support_sar or not at_high.eligible


@given(dependents, dependents, dates)
def test_more_dependents_never_lowers_the_threshold(count_a, count_b, on):
    fewer, more = sorted((count_a, count_b))
    assert threshold_sar(fewer, on) <= threshold_sar(more, on)


@given(complete_answers, dependents, dates)
def test_assessment_threshold_grows_with_dependents(answers, extra, on):
    base = assess(answers, on)
    bigger = assess({**answers, "dependents_count": min(50, answers["dependents_count"] + extra)}, on)
    assert base.threshold_sar <= bigger.threshold_sar


@given(partial_answers, dates)
def test_support_is_never_negative_nor_above_the_threshold(answers, on):
    assessment = assess(answers, on)
    assert 0 <= assessment.estimated_support_sar <= assessment.threshold_sar
    if assessment.eligible:
        assert assessment.estimated_support_sar == assessment.threshold_sar - assessment.counted_income_sar


@given(partial_answers, dates, st.randoms(use_true_random=False))
def test_result_does_not_depend_on_answer_order(answers, on, rnd):
    items = list(answers.items())
    rnd.shuffle(items)
    reordered: Dict[str, Any] = {}
    for slot, value in items:  # as if answered one by one in this sequence
        reordered = {**reordered, slot: value}
    first, second = assess(answers, on), assess(reordered, on)
    assert first.to_payload() == second.to_payload()
    assert first.status is second.status
    assert next_question(answers, on) == next_question(reordered, on)


@given(partial_answers, dates)
def test_next_question_never_asks_an_answered_slot(answers, on):
    assert next_question(answers, on) not in answers


@given(partial_answers, dates)
def test_next_question_is_none_exactly_when_the_outcome_is_decided(answers, on):
    decided = assess(answers, on).status is not Outcome.INCOMPLETE
    assert (next_question(answers, on) is None) == decided


@settings(max_examples=200)
@given(complete_answers, dates)
def test_answering_the_questions_asked_always_reaches_a_decision(pool, on):
    answers: Dict[str, Any] = {}
    for _ in range(len(QUESTION_ORDER) + 1):
        slot = next_question(answers, on)
        if slot is None:
            break
        answers[slot] = pool[slot]
    assert next_question(answers, on) is None
    assert assess(answers, on).status is not Outcome.INCOMPLETE
