"""The day a result can be seen: results are announced on one day a month (domain.md,
"Review period"), so a review ending after that day is announced the next month."""

from __future__ import annotations

import datetime as dt

import pytest

import eligibility
from eligibility import results_announced_on


@pytest.mark.parametrize(
    ("review_ends", "today", "announced"),
    [
        (dt.date(2026, 12, 28), dt.date(2026, 12, 6), dt.date(2027, 1, 27)),  # after the 27th: next month
        (dt.date(2026, 12, 20), dt.date(2026, 12, 6), dt.date(2026, 12, 27)),
        (dt.date(2026, 12, 27), dt.date(2026, 12, 6), dt.date(2026, 12, 27)),  # the day itself
        (dt.date(2026, 11, 30), dt.date(2026, 12, 6), dt.date(2026, 12, 27)),  # overdue: from today
        (dt.date(2026, 12, 1), dt.date(2026, 12, 28), dt.date(2027, 1, 27)),
        (dt.date(2027, 2, 28), dt.date(2027, 2, 1), dt.date(2027, 3, 27)),
    ],
)
def test_results_come_out_on_the_first_results_day_after_the_review(review_ends, today, announced):
    assert results_announced_on(review_ends, on=today) == announced
    assert announced.day == eligibility.parameters_on(today).results_day
