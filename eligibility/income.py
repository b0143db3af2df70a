"""Counted income: the figure compared with the family threshold.

Income by source (domain.md, "Income by source" and "Wealth"; program practice as
reported, M): income from work (salaries, wages, business) counts at the dated
`earned_income_share`; other income (pensions, social insurance, rent, regular
help, other benefits) counts in full; wealth beyond the main home and one car is
never a refusal by itself, its value ÷ `assets_wealth_divisor` is added per month.
The result is an estimate (تقديري): the ministry decides.

While some parts are unanswered the breakdown holds the parts that are known and
`complete` is False; `counted_sar` is then a lower bound, enough to refuse early
when the known parts alone already exceed the threshold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .answers import Answers
from .parameters import Parameters

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class IncomeBreakdown:
    """Each source in SAR per month (assets_value_sar is a value); None = not answered."""

    earned_income_sar: Decimal | None
    earned_income_share: Decimal
    counted_earned_sar: Decimal | None
    other_income_sar: Decimal | None
    assets_value_sar: Decimal | None  # 0 when the household has no such wealth
    assets_wealth_divisor: int
    wealth_monthly_sar: Decimal | None
    # Rounded UP to a whole riyal: with whole-riyal thresholds, "ceil(x) <= T" is the
    # same test as "x <= T", and the estimate is never overstated.
    counted_sar: int
    complete: bool

    def to_payload(self) -> dict[str, int | float | None]:
        """The `income_by_source` payload: numbers rounded to the halala, null if unanswered."""
        return {
            "earned_income_sar": _json_number(self.earned_income_sar),
            "counted_earned_sar": _json_number(self.counted_earned_sar),
            "other_income_sar": _json_number(self.other_income_sar),
            "assets_value_sar": _json_number(self.assets_value_sar),
            "wealth_monthly_sar": _json_number(self.wealth_monthly_sar),
            "counted_sar": self.counted_sar,
        }


def round_sar(value: Decimal) -> Decimal:
    """To the halala, for display: 833.333… -> 833.33."""
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _json_number(value: Decimal | None) -> Any:
    if value is None:
        return None
    rounded = round_sar(value)
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


def _assets_value(answers: Answers) -> Decimal | None:
    if answers.has_high_value_assets is False:
        return Decimal(0)  # only the main home and one car, which are not counted
    return answers.assets_value  # None until answered, even when the gate is unanswered


def counted_income(answers: Answers, params: Parameters) -> IncomeBreakdown:
    """Counted monthly income from the parts answered so far."""
    earned, other, assets = answers.earned_income, answers.other_income, _assets_value(answers)
    counted_earned = None if earned is None else earned * params.earned_income_share
    wealth_monthly = None if assets is None else assets / params.assets_wealth_divisor
    known = [part for part in (counted_earned, other, wealth_monthly) if part is not None]
    return IncomeBreakdown(
        earned_income_sar=earned,
        earned_income_share=params.earned_income_share,
        counted_earned_sar=counted_earned,
        other_income_sar=other,
        assets_value_sar=assets,
        assets_wealth_divisor=params.assets_wealth_divisor,
        wealth_monthly_sar=wealth_monthly,
        counted_sar=math.ceil(sum(known, Decimal(0))),
        complete=len(known) == 3,
    )


def estimated_support_sar(threshold_sar: int, counted_sar: int) -> int:
    """Monthly support estimate in SAR (domain.md, "Support amount"): the family
    threshold minus the counted income, never below 0. An estimate (تقديري): the
    ministry decides the amount paid."""
    return max(0, threshold_sar - counted_sar)
