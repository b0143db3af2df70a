"""The one place where raw answers become typed values.

Answers arrive from Rasa slots (bool, int, float, or text such as "true" or
"1200"), from the command line, or from JSON. Anything that cannot be a valid
answer raises EligibilityError with an Arabic message for the user and an
English one for developers; the raw value is never echoed for free-text fields.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from saudi_locale.digits import to_latin_digits

from .errors import EligibilityError
from .texts_ar import INPUT_ERRORS, fill

# Every answer of the eligibility conversation, in the order of design.md's slot table.
ANSWER_SLOTS = (
    "is_saudi",
    "nationality_exception",
    "resides_in_ksa",
    "dependents_count",
    "age",
    "earned_income",
    "other_income",
    "has_high_value_assets",
    "assets_value",
    "has_bank_account",
    "lives_in_care_facility",
    "has_children",
    "meets_education_health",
    "has_able_to_work_members",
    "accepts_rehabilitation",
)
# Numbers: age in whole years, dependents_count a whole count, earned_income and
# other_income in SAR per month, assets_value in SAR (a value, not per month).
NUMBER_SLOTS = ("age", "dependents_count", "earned_income", "other_income", "assets_value")
BOOL_SLOTS = tuple(slot for slot in ANSWER_SLOTS if slot not in NUMBER_SLOTS)
# Inputs of earlier versions, refused with the names that replace them, so an old
# caller fails loudly instead of being assessed without its income.
RETIRED_INPUTS = {
    "monthly_income": ("earned_income", "other_income"),
    "other_wealth_sar": ("assets_value",),
}
MAX_AGE = 130
MAX_DEPENDENTS = 50
# Far above any household's figure; keeps Decimal arithmetic exact to the halala.
MAX_AMOUNT_SAR = 10**12
# The amount shown as an example of typing a number with digits.
_EXAMPLE_AMOUNT = "1200"

# Thousands separators and spaces people type (thin and no-break spaces too).
_GROUPING = re.compile(r"[,\u066C\s\u00A0\u2009\u202F]")
_TRUE = {"true", "yes", "y", "1", "نعم", "ايه", "ايوه", "اي", "صح"}
_FALSE = {"false", "no", "n", "0", "لا", "لأ", "كلا"}


@dataclass(frozen=True)
class Answers:
    """Typed answers; None means "not answered yet".

    Amounts are Decimal: earned_income and other_income in SAR per month for the
    whole household, assets_value in SAR (wealth beyond the main home and one car).
    """

    is_saudi: bool | None = None
    nationality_exception: bool | None = None
    resides_in_ksa: bool | None = None
    dependents_count: int | None = None
    age: int | None = None
    earned_income: Decimal | None = None
    other_income: Decimal | None = None
    has_high_value_assets: bool | None = None
    assets_value: Decimal | None = None
    has_bank_account: bool | None = None
    lives_in_care_facility: bool | None = None
    has_children: bool | None = None
    meets_education_health: bool | None = None
    has_able_to_work_members: bool | None = None
    accepts_rehabilitation: bool | None = None

    def is_known(self, slot: str) -> bool:
        return getattr(self, slot) is not None

    @property
    def applies_alone(self) -> bool | None:
        """True with no dependents (the independent person's case), None while unknown."""
        return None if self.dependents_count is None else self.dependents_count == 0

    @property
    def able_to_work(self) -> bool | None:
        """Whether someone in the household can work, None while unknown.

        The explicit answer wins. Without it, income from work means someone in the
        household works, so someone can work: the gate question is not needed.
        """
        if self.has_able_to_work_members is not None:
            return self.has_able_to_work_members
        if self.earned_income is not None and self.earned_income > 0:
            return True
        return None


def _bad(field: str, ar: str, en: str) -> EligibilityError:
    return EligibilityError(field, ar, en)


def coerce_bool(field: str, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
        return raw.strip().lower() in _TRUE
    raise _bad(field, INPUT_ERRORS["not_yes_no"], f"{field} must be yes/no (true/false)")


def _number(field: str, raw: Any) -> Decimal:
    if isinstance(raw, bool):  # bool is an int in Python; True as an amount is a bug upstream
        raise _bad(field, INPUT_ERRORS["boolean_as_number"], f"{field} must be a number, got a boolean")
    if isinstance(raw, (int, float)):
        if isinstance(raw, float) and not math.isfinite(raw):
            raise _bad(field, INPUT_ERRORS["not_finite"], f"{field} must be a finite number")
        return Decimal(str(raw))
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise _bad(field, INPUT_ERRORS["not_finite"], f"{field} must be a finite number")
        return raw
    if isinstance(raw, str):
        # Thousands separators as people type them: 1,200 / ١٬٢٠٠ / 1 200.
        text = _GROUPING.sub("", to_latin_digits(raw, separators=True))
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is not None and value.is_finite():
            return value
    raise _bad(field, fill(INPUT_ERRORS["not_a_number"], {"example": _EXAMPLE_AMOUNT}), f"{field} must be a number")


def coerce_amount(field: str, raw: Any) -> Decimal:
    value = _number(field, raw)
    if value < 0:
        raise _bad(field, fill(INPUT_ERRORS["negative_amount"], {"zero": "0"}), f"{field} must not be negative")
    if value > MAX_AMOUNT_SAR:
        raise _bad(field, INPUT_ERRORS["amount_too_large"], f"{field} must be at most {MAX_AMOUNT_SAR}")
    return value


def _whole(field: str, raw: Any, ar: str, en: str) -> int:
    value = _number(field, raw)
    if value != value.to_integral_value():
        raise _bad(field, ar, en)
    return int(value)


def coerce_age(field: str, raw: Any) -> int:
    ar = fill(INPUT_ERRORS["age"], {"min_age": "0", "max_age": str(MAX_AGE)})
    value = _whole(field, raw, ar, f"{field} must be whole years")
    if not 0 <= value <= MAX_AGE:
        raise _bad(field, ar, f"{field} must be between 0 and {MAX_AGE} years")
    return value


def coerce_count(field: str, raw: Any) -> int:
    ar = fill(INPUT_ERRORS["dependents_count"], {"min_dependents": "0", "max_dependents": str(MAX_DEPENDENTS)})
    value = _whole(field, raw, ar, f"{field} must be a whole number")
    if not 0 <= value <= MAX_DEPENDENTS:
        raise _bad(field, ar, f"{field} must be between 0 and {MAX_DEPENDENTS}")
    return value


_COERCERS = {
    **{slot: coerce_bool for slot in BOOL_SLOTS},
    "age": coerce_age,
    "dependents_count": coerce_count,
    "earned_income": coerce_amount,
    "other_income": coerce_amount,
    "assets_value": coerce_amount,
}


def _given(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _refuse_retired(raw: Mapping[str, Any]) -> None:
    for name, replacements in RETIRED_INPUTS.items():
        if _given(raw.get(name)):
            raise _bad(
                name,
                INPUT_ERRORS["retired_monthly_income"] if name == "monthly_income" else INPUT_ERRORS["retired_field"],
                f"{name} is retired; give {' and '.join(replacements)} instead",
            )


def coerce_answers(raw: Mapping[str, Any]) -> Answers:
    """Typed Answers from slot-named raw values.

    None and "" count as unanswered. Keys that are not eligibility slots (for
    example national_id or requested_slot from a whole Rasa slot dict) are ignored
    and never copied, so personal data does not travel further. A retired input
    (monthly_income, other_wealth_sar) with a value raises EligibilityError naming
    the slots that replace it.
    """
    if not isinstance(raw, Mapping):
        raise _bad("answers", INPUT_ERRORS["answers_not_a_mapping"], "answers must be a mapping of slot name to value")
    _refuse_retired(raw)
    typed: dict[str, Any] = {}  # each value is of its slot's type: _COERCERS made it
    for slot, coerce in _COERCERS.items():
        value = raw.get(slot)
        if not _given(value):
            continue
        typed[slot] = coerce(slot, value)
    return Answers(**typed)
