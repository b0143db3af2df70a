"""Reading the eligibility form's answers as people type them.

Raw text lands in a slot through a `from_text` mapping; validation turns it into a
typed value. A slot therefore holds a string until it has been read, and a bool or a
number afterwards, which is how the form tells answered questions from pending ones.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional

import arabic_text
import eligibility

# The slot names are the eligibility module's; the form only adds how to read them.
ELIGIBILITY_SLOTS = eligibility.ANSWER_SLOTS
BOOL_SLOTS = eligibility.BOOL_SLOTS
NUMBER_SLOTS = eligibility.NUMBER_SLOTS

# Answers that are readable but unusual enough to confirm before using them.
SURPRISING_ABOVE = {"monthly_income": 50_000, "dependents_count": 20, "age": 100}

_PARSERS: Dict[str, Callable[[str], Any]] = {
    "age": arabic_text.parse_age,
    "dependents_count": arabic_text.parse_count,
    "monthly_income": arabic_text.parse_amount,
}

_INTENT_TO_BOOL = {"affirm": True, "deny": False}


def parse_answer(slot: str, text: Any, intent: Optional[str] = None) -> Any:
    """The typed value of a raw answer, or None when it cannot be read."""
    if isinstance(text, bool) or (isinstance(text, (int, float)) and slot in NUMBER_SLOTS):
        return text
    if not isinstance(text, str) or not text.strip():
        return None
    if slot in BOOL_SLOTS:
        value = arabic_text.parse_yes_no(text)
        if value is None and intent in _INTENT_TO_BOOL:
            value = _INTENT_TO_BOOL[intent]
        return value
    number = _PARSERS[slot](text)
    if number is None:
        return None
    return float(number)


def typed_answers(slots: Dict[str, Any]) -> Dict[str, Any]:
    """The eligibility answers already read (typed), leaving raw text out."""
    answers: Dict[str, Any] = {}
    for slot in ELIGIBILITY_SLOTS:
        value = slots.get(slot)
        if slot in BOOL_SLOTS and isinstance(value, bool):
            answers[slot] = value
        elif slot in NUMBER_SLOTS and isinstance(value, (int, float)) and not isinstance(value, bool):
            answers[slot] = int(value) if float(value).is_integer() else value
    return answers


def is_surprising(slot: str, value: Any) -> bool:
    limit = SURPRISING_ABOVE.get(slot)
    return limit is not None and isinstance(value, (int, float)) and value > limit


@dataclass(frozen=True)
class _Describer:
    template: str

    def __call__(self, value: Any) -> str:
        return self.template.format(value=format_number(value))


_DESCRIPTIONS = {
    "age": _Describer("عمرك {value} سنة"),
    "dependents_count": _Describer("عدد التابعين {value}"),
    "monthly_income": _Describer("دخل الأسرة الشهري {value} ريال"),
}
_BOOL_DESCRIPTIONS = {
    "is_saudi": ("سعودي الجنسية", "غير سعودي الجنسية"),
    "nationality_exception": ("تنطبق عليك حالة من الاستثناءات", "لا تنطبق عليك الاستثناءات"),
    "resides_in_ksa": ("تسكن داخل المملكة", "لا تسكن داخل المملكة"),
    "has_high_value_assets": ("تملك أملاكاً عالية القيمة", "لا تملك أملاكاً عالية القيمة"),
    "has_bank_account": ("عندك حساب بنكي", "ليس عندك حساب بنكي"),
    "lives_in_care_facility": ("تسكن في دار رعاية", "لا تسكن في دار رعاية"),
    "meets_education_health": ("الأبناء ملتزمون بالتعليم والصحة", "الأبناء غير ملتزمين بالتعليم والصحة"),
    "accepts_rehabilitation": ("توافقون على برامج التأهيل", "لا توافقون على برامج التأهيل"),
}


def describe_answer(slot: str, value: Any) -> str:
    """A short Arabic phrase restating an answer, for confirmations and corrections."""
    if slot in _BOOL_DESCRIPTIONS:
        yes, no = _BOOL_DESCRIPTIONS[slot]
        return yes if value else no
    return _DESCRIPTIONS[slot](value)


def format_number(value: Any) -> str:
    number = float(value)
    return f"{int(number):,}" if number.is_integer() else f"{number:,.2f}"
