"""The one place where raw answers become typed values.

Answers arrive from Rasa slots (bool, int, float, or text such as "true" or
"1200"), from the command line, or from JSON. Anything that cannot be a valid
answer raises EligibilityError with an Arabic message for the user and an
English one for developers; the raw value is never echoed for free-text fields.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Mapping, Optional

from .errors import EligibilityError

BOOL_SLOTS = (
    "is_saudi",
    "nationality_exception",
    "resides_in_ksa",
    "has_high_value_assets",
    "has_bank_account",
    "lives_in_care_facility",
    "meets_education_health",
    "accepts_rehabilitation",
)
NUMBER_SLOTS = ("age", "dependents_count", "monthly_income")
# Every answer of the eligibility conversation, in the order of design.md's slot table.
ANSWER_SLOTS = (
    "is_saudi",
    "nationality_exception",
    "resides_in_ksa",
    "age",
    "dependents_count",
    "monthly_income",
    "has_high_value_assets",
    "has_bank_account",
    "lives_in_care_facility",
    "meets_education_health",
    "accepts_rehabilitation",
)
MAX_AGE = 130
MAX_DEPENDENTS = 50

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")
_TRUE = {"true", "yes", "y", "1", "نعم", "ايه", "ايوه", "اي", "صح"}
_FALSE = {"false", "no", "n", "0", "لا", "لأ", "كلا"}


@dataclass(frozen=True)
class Answers:
    """Typed answers; None means "not answered yet"."""

    is_saudi: Optional[bool] = None
    nationality_exception: Optional[bool] = None
    resides_in_ksa: Optional[bool] = None
    age: Optional[int] = None
    dependents_count: Optional[int] = None
    monthly_income: Optional[Decimal] = None
    has_high_value_assets: Optional[bool] = None
    has_bank_account: Optional[bool] = None
    lives_in_care_facility: Optional[bool] = None
    meets_education_health: Optional[bool] = None
    accepts_rehabilitation: Optional[bool] = None
    # Not a slot: value of wealth other than the main home and one car, if known.
    other_wealth_sar: Optional[Decimal] = None

    def is_known(self, slot: str) -> bool:
        return getattr(self, slot) is not None


def _bad(field: str, ar: str, en: str) -> EligibilityError:
    return EligibilityError(field, ar, en)


def coerce_bool(field: str, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
        return raw.strip().lower() in _TRUE
    raise _bad(field, "الإجابة المطلوبة نعم أو لا.", f"{field} must be yes/no (true/false)")


def _number(field: str, raw: Any) -> Decimal:
    if isinstance(raw, bool):  # bool is an int in Python; True as an amount is a bug upstream
        raise _bad(field, "الرجاء كتابة رقم.", f"{field} must be a number, got a boolean")
    if isinstance(raw, (int, float)):
        if isinstance(raw, float) and not math.isfinite(raw):
            raise _bad(field, "الرجاء كتابة رقم صحيح.", f"{field} must be a finite number")
        return Decimal(str(raw))
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise _bad(field, "الرجاء كتابة رقم صحيح.", f"{field} must be a finite number")
        return raw
    if isinstance(raw, str):
        # Thousands separators as people type them: 1,200 / ١٬٢٠٠ / 1 200.
        text = raw.translate(_DIGITS).replace(",", "").replace("٬", "").replace(" ", "").strip()
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is not None and value.is_finite():
            return value
    raise _bad(field, "الرجاء كتابة رقم بالأرقام، مثل 1200.", f"{field} must be a number")


def coerce_amount(field: str, raw: Any) -> Decimal:
    value = _number(field, raw)
    if value < 0:
        raise _bad(field, "المبلغ لا يمكن أن يكون سالبًا. اكتب 0 إن لم يكن هناك دخل.", f"{field} must not be negative")
    return value


def _whole(field: str, raw: Any, ar: str, en: str) -> int:
    value = _number(field, raw)
    if value != value.to_integral_value():
        raise _bad(field, ar, en)
    return int(value)


def coerce_age(field: str, raw: Any) -> int:
    ar = f"الرجاء كتابة العمر بالسنوات رقمًا بين 0 و{MAX_AGE}."
    value = _whole(field, raw, ar, f"{field} must be whole years")
    if not 0 <= value <= MAX_AGE:
        raise _bad(field, ar, f"{field} must be between 0 and {MAX_AGE} years")
    return value


def coerce_count(field: str, raw: Any) -> int:
    ar = f"الرجاء كتابة عدد التابعين رقمًا صحيحًا بين 0 و{MAX_DEPENDENTS}."
    value = _whole(field, raw, ar, f"{field} must be a whole number")
    if not 0 <= value <= MAX_DEPENDENTS:
        raise _bad(field, ar, f"{field} must be between 0 and {MAX_DEPENDENTS}")
    return value


_COERCERS = {
    **{slot: coerce_bool for slot in BOOL_SLOTS},
    "age": coerce_age,
    "dependents_count": coerce_count,
    "monthly_income": coerce_amount,
    "other_wealth_sar": coerce_amount,
}


def coerce_answers(raw: Mapping[str, Any]) -> Answers:
    """Typed Answers from slot-named raw values.

    None and "" count as unanswered. Keys that are not eligibility slots (for
    example national_id or requested_slot from a whole Rasa slot dict) are ignored
    and never copied, so personal data does not travel further.
    """
    if not isinstance(raw, Mapping):
        raise _bad("answers", "تعذّر قراءة الإجابات.", "answers must be a mapping of slot name to value")
    typed = {}
    for slot, coerce in _COERCERS.items():
        value = raw.get(slot)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        typed[slot] = coerce(slot, value)
    return Answers(**typed)
