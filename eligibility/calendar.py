"""The program's monthly calendar: the day results are announced.

Results are published on the `results_day` of each Gregorian month (domain.md, "Review
period"; HRSD news, H), so a review that ends on the 28th is announced on the next
month's results day, not on the 28th.
"""

from __future__ import annotations

import datetime as dt

from .parameters import DateLike, parameters_on


def results_announced_on(review_ends: dt.date, on: DateLike = None) -> dt.date:
    """The first results day (Gregorian, Riyadh calendar) on or after both `review_ends`
    and `on` (today in Riyadh by default): when a person whose review ends then can
    expect to see the result. A review already overdue points at the next results day
    from today. Uses the parameters in force on `on`."""
    params = parameters_on(on)
    today = params.on
    start = max(review_ends, today)
    candidate = start.replace(day=params.results_day)
    if candidate < start:
        year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
        candidate = dt.date(year, month, params.results_day)
    return candidate
