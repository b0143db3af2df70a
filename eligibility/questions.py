"""next_question(): which slot the eligibility form should ask next.

Order, and why:
1. is_saudi, then nationality_exception (only for non-Saudis), then
   resides_in_ksa: hard filters that nothing can fix, cheap to answer, so a
   person who cannot qualify learns it after one or two questions.
2. dependents_count, then age only for someone applying alone (the 18+ rule is
   the independent person's rule): the count is the gate of age and of
   has_children, and sets the income limit.
3. earned_income, other_income, has_high_value_assets, then assets_value only
   when there is such wealth: the means test, the most frequent reason for
   refusal. It refuses as soon as the parts already given exceed the limit.
4. lives_in_care_facility, has_bank_account, then the household duties, each
   behind its gate: has_children before meets_education_health,
   has_able_to_work_members before accepts_rehabilitation. These can usually be
   fixed (open an account, register the children, join a program), so asking
   them last lets the person hear the income outcome first; and a household the
   duty does not concern is never asked it, so a truthful "no" cannot refuse.
Gates are asked before their question. A question is skipped when its answer
cannot change the outcome: a gate whose question is already answered "yes"
(nothing left to decide), has_able_to_work_members when the household has income
from work (someone works, so someone can work), has_high_value_assets once
assets_value is known. Nothing is asked once the outcome is decided: after the
first unmet condition the answer is None.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .answers import Answers
from .assessment import Outcome, assess
from .parameters import DateLike

QUESTION_ORDER: tuple[str, ...] = (
    "is_saudi",
    "nationality_exception",
    "resides_in_ksa",
    "dependents_count",
    "age",
    "earned_income",
    "other_income",
    "has_high_value_assets",
    "assets_value",
    "lives_in_care_facility",
    "has_bank_account",
    "has_children",
    "meets_education_health",
    "has_able_to_work_members",
    "accepts_rehabilitation",
)

# slot -> True when it still needs asking, given the other answers (its gate).
_NEEDED: dict[str, Callable[[Answers], bool]] = {
    # An exempt category meets the nationality condition either way.
    "is_saudi": lambda a: a.nationality_exception is not True,
    # Only a non-Saudi needs an exception.
    "nationality_exception": lambda a: a.is_saudi is False,
    # The 18+ rule binds only an applicant applying alone.
    "age": lambda a: a.applies_alone is True,
    # Answered by the value itself once the value is known.
    "has_high_value_assets": lambda a: a.assets_value is None,
    "assets_value": lambda a: a.has_high_value_assets is True,
    # Children can only be among dependents; moot once the duty is answered "yes".
    "has_children": lambda a: a.applies_alone is False and a.meets_education_health is not True,
    "meets_education_health": lambda a: a.applies_alone is False and a.has_children is True,
    # Moot once rehabilitation is accepted, or known from income from work.
    "has_able_to_work_members": lambda a: a.able_to_work is None and a.accepts_rehabilitation is not True,
    "accepts_rehabilitation": lambda a: a.able_to_work is True,
}


def is_needed(slot: str, answers: Answers) -> bool:
    """Whether `slot` may still change the outcome, given the answers so far."""
    needed = _NEEDED.get(slot)
    return not answers.is_known(slot) and (needed is None or needed(answers))


def next_question(answers: Mapping[str, Any], on: DateLike = None) -> str | None:
    """The next slot to ask (a name from QUESTION_ORDER), or None when the outcome is decided.

    Same inputs and errors as assess().
    """
    assessment = assess(answers, on)
    if assessment.status is not Outcome.INCOMPLETE:
        return None
    typed = assessment.answers
    for slot in QUESTION_ORDER:
        if is_needed(slot, typed):
            return slot
    return None
