"""Each eligibility condition as a plain function of the answers and parameters.

A condition is met, not met, or unknown (not answered yet). Conditions are named
after the slot that answers them, except the means test, `monthly_income`
(earned income, other income and counted wealth together, see income.py). Gate
answers (nationality_exception, has_children, has_able_to_work_members,
has_high_value_assets) are not conditions: they decide whether a condition binds.

Household readings (domain.md, "How the conditions apply to a real household"):
- age: the independent person's 18+ rule (law art. 1) binds only an applicant
  applying alone (no dependents), never a head of family;
- meets_education_health binds only a family whose dependents include children
  (seed 004 "وخاصةً الأبناء"); enrolment concerns school-age children, which the
  question's wording carries (the rules ask no ages);
- accepts_rehabilitation binds only a household with someone able to work
  (seed 004 "القادرين من أفراد الأسرة");
- wealth is never an outright refusal: it enters the means test.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from .answers import Answers
from .formatting import format_sar
from .income import IncomeBreakdown
from .parameters import Parameters
from .texts_ar import FAILED, NOT_APPLICABLE, REMEDY, fill


class ConditionStatus(str, Enum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


MET, NOT_MET, UNKNOWN = ConditionStatus.MET, ConditionStatus.NOT_MET, ConditionStatus.UNKNOWN

# The names failed_conditions may hold, in presentation order (design.md): the slot
# of each yes/no condition, `age`, and `monthly_income` for the means test.
# dependents_count is listed so explain() shows the per-dependent amount; it never fails.
CONDITIONS: tuple[str, ...] = (
    "is_saudi",
    "resides_in_ksa",
    "dependents_count",
    "age",
    "monthly_income",
    "has_bank_account",
    "lives_in_care_facility",
    "meets_education_health",
    "accepts_rehabilitation",
)
# Answers that are not conditions themselves -> the condition they decide or feed.
GATES: Mapping[str, str] = {
    "nationality_exception": "is_saudi",
    "has_children": "meets_education_health",
    "has_able_to_work_members": "accepts_rehabilitation",
    "has_high_value_assets": "monthly_income",
    "assets_value": "monthly_income",
    "earned_income": "monthly_income",
    "other_income": "monthly_income",
}

# The parameter files each condition depends on, so a decision can be explained
# condition by condition down to the file and its reference.
PARAMETERS_USED: Mapping[str, tuple[str, ...]] = {
    "resides_in_ksa": ("max_months_abroad",),
    "age": ("independent_min_age",),
    "dependents_count": ("dependent_amount",),
    "monthly_income": (
        "reference_amount",
        "dependent_amount",
        "earned_income_share",
        "assets_excluded_homes",
        "assets_excluded_cars",
        "assets_wealth_divisor",
    ),
}


@dataclass(frozen=True)
class ConditionResult:
    name: str
    status: ConditionStatus
    parameters: tuple[str, ...]
    explanation_ar: str  # why not met (or a note such as "not applicable"); "" otherwise
    remedy_ar: str  # what the person can do when not met; "" otherwise


def _must_be(value: bool | None, wanted: bool) -> ConditionStatus:
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
    if a.applies_alone is False:
        return MET  # a head of family: the independent person's rule does not bind
    if a.age is None:
        return UNKNOWN
    if a.age >= p.independent_min_age:
        return MET  # old enough whether alone or not
    return NOT_MET if a.applies_alone else UNKNOWN  # too young only if applying alone


def _income(income: IncomeBreakdown, threshold: int | None) -> ConditionStatus:
    if threshold is None:
        return UNKNOWN
    # The law says income "must not exceed" the reference amount: equal is eligible.
    # The known parts are a lower bound, so exceeding with them alone decides early.
    if income.counted_sar > threshold:
        return NOT_MET
    return MET if income.complete else UNKNOWN


def _binds_only_if(gate: bool | None, value: bool | None) -> ConditionStatus:
    """A yes/no duty that binds only when `gate` is True (children, able members)."""
    if gate is False or value is True:
        return MET
    if value is False and gate is True:
        return NOT_MET
    return UNKNOWN


def _education_health(a: Answers) -> ConditionStatus:
    has_children = False if a.applies_alone else a.has_children
    return _binds_only_if(has_children, a.meets_education_health)


def statuses(a: Answers, p: Parameters, income: IncomeBreakdown, threshold: int | None) -> dict[str, ConditionStatus]:
    """The status of every condition, in presentation order."""
    return {
        "is_saudi": _nationality(a),
        "resides_in_ksa": _must_be(a.resides_in_ksa, True),
        "dependents_count": UNKNOWN if a.dependents_count is None else MET,
        "age": _age(a, p),
        "monthly_income": _income(income, threshold),
        "has_bank_account": _must_be(a.has_bank_account, True),
        "lives_in_care_facility": _must_be(a.lives_in_care_facility, False),
        "meets_education_health": _education_health(a),
        "accepts_rehabilitation": _binds_only_if(a.able_to_work, a.accepts_rehabilitation),
    }


def _not_applicable_note(name: str, a: Answers) -> str:
    if name == "age" and a.applies_alone is False:
        return NOT_APPLICABLE["age"]
    if name == "meets_education_health" and (a.applies_alone or a.has_children is False):
        return NOT_APPLICABLE["meets_education_health"]
    if name == "accepts_rehabilitation" and a.able_to_work is False:
        return NOT_APPLICABLE["accepts_rehabilitation"]
    return ""


def evaluate(
    a: Answers,
    p: Parameters,
    income: IncomeBreakdown,
    threshold: int | None,
    values: Mapping[str, str],
) -> dict[str, ConditionResult]:
    """Condition results with Arabic explanations; `values` fills the text templates."""
    filled = dict(values)
    if threshold is not None:
        filled["threshold_sar"] = format_sar(threshold)
    filled["counted_income_sar"] = format_sar(income.counted_sar)
    results = {}
    for name, status in statuses(a, p, income, threshold).items():
        explanation = remedy = ""
        if status is NOT_MET:
            explanation, remedy = fill(FAILED[name], filled), fill(REMEDY[name], filled)
        elif status is MET:
            explanation = fill(_not_applicable_note(name, a), filled)
        results[name] = ConditionResult(name, status, PARAMETERS_USED.get(name, ()), explanation, remedy)
    return results
