"""Counted income: the figure compared with the family threshold.

Assumption (documented for users in the rendered explanation too): the bot asks
one household monthly income and treats all of it as earned income (salary or
business), of which only the earned-income share counts. Other income counts in
full in the program's practice, so the result is an estimate. Wealth other than
the main home and one car, when given, adds value ÷ divisor per month.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from .answers import Answers
from .parameters import Parameters


@dataclass(frozen=True)
class IncomeBreakdown:
    monthly_income_sar: Decimal
    earned_income_share: Decimal
    counted_earned_sar: Decimal
    other_wealth_sar: Decimal
    wealth_monthly_sar: Decimal
    # Rounded UP to a whole riyal: with whole-riyal thresholds, "ceil(x) <= T" is the
    # same test as "x <= T", and the estimate is never overstated.
    counted_sar: int


def counted_income(answers: Answers, params: Parameters) -> Optional[IncomeBreakdown]:
    """Counted monthly income, or None while monthly_income is unanswered."""
    if answers.monthly_income is None:
        return None
    earned = answers.monthly_income * params.earned_income_share
    wealth = answers.other_wealth_sar or Decimal(0)
    wealth_monthly = wealth / params.assets_wealth_divisor
    return IncomeBreakdown(
        monthly_income_sar=answers.monthly_income,
        earned_income_share=params.earned_income_share,
        counted_earned_sar=earned,
        other_wealth_sar=wealth,
        wealth_monthly_sar=wealth_monthly,
        counted_sar=math.ceil(earned + wealth_monthly),
    )
