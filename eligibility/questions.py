"""next_question(): which slot the eligibility form should ask next.

Order, and why:
1. is_saudi, then nationality_exception (only for non-Saudis), then
   resides_in_ksa: hard filters that nothing can fix, cheap to answer, so a
   person who cannot qualify learns it after one or two questions.
2. dependents_count, then monthly_income: the means test is the most frequent
   reason for refusal, and the income limit depends on the number of dependents.
3. has_high_value_assets (also part of the means test), then age.
4. lives_in_care_facility, has_bank_account, meets_education_health,
   accepts_rehabilitation last: these can usually be fixed (open an account,
   register the children, join a program), so asking them last lets the person
   hear the income outcome first.
Questions that cannot change the outcome are skipped, and nothing is asked once
the outcome is decided: after the first unmet condition the answer is None.
"""
from __future__ import annotations

from typing import Any, Mapping, Optional, Tuple

from .answers import Answers
from .assessment import Outcome, assess
from .parameters import DateLike

QUESTION_ORDER: Tuple[str, ...] = (
    "is_saudi",
    "nationality_exception",
    "resides_in_ksa",
    "dependents_count",
    "monthly_income",
    "has_high_value_assets",
    "age",
    "lives_in_care_facility",
    "has_bank_account",
    "meets_education_health",
    "accepts_rehabilitation",
)


def _cannot_change_outcome(slot: str, answers: Answers) -> bool:
    if slot == "is_saudi":
        # An exempt category meets the nationality condition either way.
        return answers.nationality_exception is True
    if slot == "nationality_exception":
        # Only a non-Saudi needs an exception.
        return answers.is_saudi is not False
    if slot == "meets_education_health":
        # Education and health duties concern dependents.
        return answers.dependents_count == 0
    return False


def next_question(answers: Mapping[str, Any], on: DateLike = None) -> Optional[str]:
    """The next slot to ask, or None when the outcome is decided."""
    assessment = assess(answers, on)
    if assessment.status is not Outcome.INCOMPLETE:
        return None
    typed = assessment.answers
    for slot in QUESTION_ORDER:
        if typed.is_known(slot) or _cannot_change_outcome(slot, typed):
            continue
        return slot
    return None
