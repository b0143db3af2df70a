"""answer_for_slot: the typed value of a reply to the question for one slot.

This is what the form calls first, before NLU: "سعودي" to the nationality question is
True, "بس الزوجة" to the dependents question is 1 (never "stop"), "بس راتب التقاعد" to the
earned-income question is 0, "عيالي صغار" to the schooling question is "does not apply".
Values: bool for yes/no slots, int for dependents_count and age, float SAR per month for
earned_income and other_income, float SAR for assets_value; None when the reply does not
answer the question (the form then asks again or hands over to NLU).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from arabic_text import lexicon
from arabic_text.ages import age_needs_clarifying, parse_age
from arabic_text.answer_flags import FLAG_DETECTORS, resides_in_ksa_answer
from arabic_text.answers import extract_answers
from arabic_text.assets import assets_value_in, has_high_value_assets_in
from arabic_text.household import able_to_work_in, has_children_in, parse_not_applicable
from arabic_text.income import read_income
from arabic_text.matching import bare, has_phrase
from arabic_text.nationality import is_saudi_answer
from arabic_text.numbers import numbers_in, tokenize
from arabic_text.quantities import parse_amount, parse_count
from arabic_text.yes_no import parse_yes_no

# What "لا ينطبق" means for each yes/no question, chosen so that a truthful "does not
# apply" can never cause a refusal: no children at school age means the schooling duty is
# met; nobody able to work means there is no one to rehabilitate (the gate
# has_able_to_work_members carries the fact itself). Slots missing here cannot "not apply"
# (is_saudi, resides_in_ksa, has_bank_account): the answer is None and the form asks again.
NOT_APPLICABLE_MEANS: dict[str, bool] = {
    "meets_education_health": True,
    "accepts_rehabilitation": True,
    "nationality_exception": False,
    "lives_in_care_facility": False,
    "has_high_value_assets": False,
    "has_children": False,
    "has_able_to_work_members": False,
}

_SPECIFIC: dict[str, Callable[[list[str]], bool | None]] = {
    **FLAG_DETECTORS,
    "is_saudi": is_saudi_answer,
    "resides_in_ksa": resides_in_ksa_answer,
    "has_children": has_children_in,
    "has_able_to_work_members": able_to_work_in,
    "has_high_value_assets": lambda tokens: has_high_value_assets_in(tokens, answering=True),
}
BOOL_SLOTS = frozenset(NOT_APPLICABLE_MEANS) | {"is_saudi", "resides_in_ksa", "has_bank_account"}
NUMBER_SLOTS = frozenset(("dependents_count", "age", "earned_income", "other_income", "assets_value"))


def _bool_answer(slot: str, text: str, tokens: list[str]) -> bool | None:
    stripped = (text or "").strip()
    if stripped.startswith(("/affirm", "/deny")):
        return parse_yes_no(stripped)
    if has_phrase(tokens, lexicon.UNSURE_PHRASES) and not numbers_in(text):
        return None  # "مدري", "يمكن": not an answer ("ايه، قيمته تقريبا ١٢٠ الف" is one)
    detector = _SPECIFIC.get(slot)
    specific = detector(tokens) if detector else None
    if specific is not None:
        return specific
    stated: bool | None = extract_answers(text).get(slot)  # "بس الزوجة" → has_children False
    if stated is not None:
        return stated
    if parse_not_applicable(text):
        return NOT_APPLICABLE_MEANS.get(slot)  # None: "لا ينطبق" cannot answer is_saudi
    return parse_yes_no(text)


def _income_answer(slot: str, text: str) -> float | None:
    reading = read_income(text)
    side, other_side = ("earned_sar", "other_sar") if slot == "earned_income" else ("other_sar", "earned_sar")
    if reading is not None:
        value: float | None = getattr(reading, side)
        if value is not None:
            return value
        if reading.unclassified_sar is not None and getattr(reading, other_side) is None:
            return reading.unclassified_sar  # the question named the source
        return None
    if parse_yes_no(text) is False or parse_not_applicable(text):
        return 0.0  # "لا" to "كم دخلك من العمل؟"
    return None


def answer_for_slot(slot: str, text: str, today: datetime.date | None = None) -> Any:
    """The typed value of `text` as the answer to the question for `slot` (see the module
    docstring); None when it does not answer it. Raises ValueError for an unknown slot."""
    if slot not in BOOL_SLOTS and slot not in NUMBER_SLOTS:
        raise ValueError(f"unknown answer slot: {slot!r}")
    try:
        tokens = tokenize(text or "")
    except (ValueError, RecursionError):
        return None
    if slot in BOOL_SLOTS:
        return _bool_answer(slot, text, tokens)
    vague = lexicon.VAGUE_COUNT_PHRASES if slot == "dependents_count" else lexicon.VAGUE_AMOUNT_PHRASES
    if has_phrase(tokens, vague) and not numbers_in(text):
        return None  # "عندي كذا ولد", "مو ثابت": no figure, so not 1 and not 0
    if slot == "dependents_count":
        return parse_count(text)
    if slot == "age":
        return None if age_needs_clarifying(text, today) else parse_age(text, today)
    if slot in ("earned_income", "other_income"):
        return _income_answer(slot, text)
    value = assets_value_in(tokens)
    if value is None and not any(bare(token, lexicon.INCOME_WORDS) for token in tokens):
        # "راتبي ٢٠٠٠" to the wealth question is a salary, not savings: left for the income slots.
        value = parse_amount(text)
    return value
