"""Each eligibility condition as a plain function of the answers and parameters.

A condition is met, not met, or unknown (not answered yet). Conditions are named
after the slot that answers them; nationality_exception is part of is_saudi.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Dict, Mapping, Optional, Tuple

from .answers import ANSWER_SLOTS, Answers
from .formatting import format_sar
from .income import IncomeBreakdown
from .parameters import Parameters
from .texts_ar import FAILED, NOT_APPLICABLE_NO_DEPENDENTS, REMEDY, fill


class ConditionStatus(str, Enum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


MET, NOT_MET, UNKNOWN = ConditionStatus.MET, ConditionStatus.NOT_MET, ConditionStatus.UNKNOWN

# Presentation order: the answers in the design's slot order, except the
# nationality exception, which is part of the nationality condition.
CONDITIONS: Tuple[str, ...] = tuple(slot for slot in ANSWER_SLOTS if slot != "nationality_exception")

# The parameter files each condition depends on, so a decision can be explained
# condition by condition down to the file and its reference.
PARAMETERS_USED: Mapping[str, Tuple[str, ...]] = {
    "resides_in_ksa": ("max_months_abroad",),
    "age": ("independent_min_age",),
    "dependents_count": ("dependent_amount",),
    "monthly_income": ("reference_amount", "dependent_amount", "earned_income_share", "assets_wealth_divisor"),
    "has_high_value_assets": ("assets_excluded_homes", "assets_excluded_cars", "assets_wealth_divisor"),
}


@dataclass(frozen=True)
class ConditionResult:
    name: str
    status: ConditionStatus
    parameters: Tuple[str, ...]
    explanation_ar: str  # why not met (or a note such as "not applicable"); "" otherwise
    remedy_ar: str  # what the person can do when not met; "" otherwise


def _must_be(value: Optional[bool], wanted: bool) -> ConditionStatus:
    if value is None:
        return UNKNOWN
    return MET if value is wanted else NOT_MET


def _nationality(a: Answers) -> ConditionStatus:
    if a.is_saudi or a.nationality_exception:
        return MET
    if a.is_saudi is False and a.nationality_exception is False:
        return NOT_MET
    return UNKNOWN


def _age(a: Answers, p: Parameters) -> ConditionStatus:
    if a.age is None:
        return UNKNOWN
    return MET if a.age >= p.independent_min_age else NOT_MET


def _income(income: Optional[IncomeBreakdown], threshold: Optional[int]) -> ConditionStatus:
    if income is None or threshold is None:
        return UNKNOWN
    # The law says income "must not exceed" the reference amount: equal is eligible.
    return MET if income.counted_sar <= threshold else NOT_MET


def _education_health(a: Answers) -> ConditionStatus:
    if a.dependents_count == 0 or a.meets_education_health is True:
        return MET
    if a.meets_education_health is False and a.dependents_count is not None:
        return NOT_MET
    return UNKNOWN


def statuses(
    a: Answers, p: Parameters, income: Optional[IncomeBreakdown], threshold: Optional[int]
) -> Dict[str, ConditionStatus]:
    """The status of every condition, in presentation order."""
    return {
        "is_saudi": _nationality(a),
        "resides_in_ksa": _must_be(a.resides_in_ksa, True),
        "age": _age(a, p),
        "dependents_count": UNKNOWN if a.dependents_count is None else MET,
        "monthly_income": _income(income, threshold),
        "has_high_value_assets": _must_be(a.has_high_value_assets, False),
        "has_bank_account": _must_be(a.has_bank_account, True),
        "lives_in_care_facility": _must_be(a.lives_in_care_facility, False),
        "meets_education_health": _education_health(a),
        "accepts_rehabilitation": _must_be(a.accepts_rehabilitation, True),
    }


def evaluate(
    a: Answers,
    p: Parameters,
    income: Optional[IncomeBreakdown],
    threshold: Optional[int],
    values: Mapping[str, str],
) -> Dict[str, ConditionResult]:
    """Condition results with Arabic explanations; `values` fills the text templates."""
    filled = dict(values)
    if threshold is not None:
        filled["threshold_sar"] = format_sar(threshold)
    if income is not None:
        filled["counted_income_sar"] = format_sar(income.counted_sar)
    results = {}
    for name, status in statuses(a, p, income, threshold).items():
        explanation = remedy = ""
        if status is NOT_MET:
            explanation, remedy = fill(FAILED[name], filled), fill(REMEDY[name], filled)
        elif name == "meets_education_health" and a.dependents_count == 0:
            explanation = NOT_APPLICABLE_NO_DEPENDENTS
        results[name] = ConditionResult(name, status, PARAMETERS_USED.get(name, ()), explanation, remedy)
    return results
