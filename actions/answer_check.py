"""The check before the verdict: one short message says what was understood
(`eligibility.render_understood_ar`) with "صحيح" and "تعديل"; "تعديل" lets the person
type a fix ("الدخل ٣٠٠٠", "عندي ٤ تابعين", "لا انا ساكن بالمملكة"), after which the
summary is shown again.

A refusal is checked too (fault report of 2026-12-05, point 3): a refusal on one
misread answer ("عندي حساب بنكي" read as living in a care home) used to come at once,
with no way to fix it; the summary names the failing answer, so "تعديل" or the typed
fix happens before the verdict, where it still changes it. That costs one turn.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

import arabic_text
import eligibility
from actions.answers import ELIGIBILITY_SLOTS, INCOME_SLOTS, describe_answer, in_range
from actions.conversation import yes_or_no
from actions.income_answers import classify_pending_income, refuses_source

CHECK_SLOT = "answers_confirmed"
# "تعديل" typed rather than pressed, and its dialect forms (normalized stems).
_EDIT_WORDS = ("تعديل", "عدل", "اعدل", "غلط", "خطا")


def needs_check(answers: dict[str, Any]) -> bool:
    """True when the verdict is decided (no question left), eligible or not, so that the
    person checks what was understood before it."""
    return bool(answers) and eligibility.next_question(answers) is None


def read_check_reply(
    text: str, intent: str | None, answered: dict[str, Any], pending_income: Any, dispatcher: CollectingDispatcher
) -> dict[str, Any] | None:
    """The slots a reply at the check sets, or None when it is neither a yes/no nor a fix.

    A fix is applied and the check asked again (answers_confirmed None); yes ends the
    form (answers_confirmed True); no asks for the fix (editing_answers True).
    """
    if pending_income is not None:
        if classify_pending_income(text, pending_income) is None and refuses_source(text, intent):
            return {CHECK_SLOT: None}  # "لا" names no source: the amount stays, the source is asked again
        return _apply_fix(classify_pending_income(text, pending_income) or {}, answered, dispatcher)
    fix = _stated_changes(text, answered)
    if fix:
        return _apply_fix(fix, answered, dispatcher)
    income = arabic_text.read_income(text)
    if income is not None and income.unclassified_sar is not None:
        return _income_fix(income.unclassified_sar, answered, dispatcher)

    agreed = False if _wants_to_edit(text) else yes_or_no(text, intent)
    if agreed is True:
        return {CHECK_SLOT: True, "editing_answers": None}
    if agreed is False:
        return {CHECK_SLOT: None, "editing_answers": True}
    return None


def _stated_changes(text: str, answered: dict[str, Any]) -> dict[str, Any]:
    """The answers `text` states that differ from the summary's; with a leading "لا"
    ("لا انا ساكن بالمملكة") the statement after it is read on its own."""
    for reading in (text, arabic_text.without_leading_no(text)):
        stated = {k: v for k, v in arabic_text.extract_answers(reading).items() if k in ELIGIBILITY_SLOTS}
        changes = {k: v for k, v in stated.items() if answered.get(k) != v}
        if changes:
            return changes
    return {}


def _income_fix(amount: float, answered: dict[str, Any], dispatcher: CollectingDispatcher) -> dict[str, Any]:
    """ "الدخل ٣٠٠٠": it replaces the one income the household has; with both or
    neither, its source is asked once."""
    sources = [s for s in INCOME_SLOTS if answered.get(s)]
    if len(sources) == 1:
        return _apply_fix({sources[0]: float(amount)}, answered, dispatcher)
    return {CHECK_SLOT: None, "unclassified_income": float(amount)}


def _apply_fix(fix: dict[str, Any], answered: dict[str, Any], dispatcher: CollectingDispatcher) -> dict[str, Any]:
    usable = in_range(fix, answered)
    if not usable:
        dispatcher.utter_message(response="utter_wrong_answers_confirmed")
        return {CHECK_SLOT: None, "unclassified_income": None}
    for slot, value in usable.items():
        dispatcher.utter_message(response="utter_answer_corrected", answer_description=describe_answer(slot, value))
    return {**usable, CHECK_SLOT: None, "editing_answers": None, "unclassified_income": None}


def _wants_to_edit(text: str) -> bool:
    words = arabic_text.normalize(text or "").split()
    return any(word.startswith(stem) for word in words for stem in _EDIT_WORDS)
