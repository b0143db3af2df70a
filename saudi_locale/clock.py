"""Riyadh time, the one clock of the product.

The program, its periods and its staff hours run on Riyadh time, whatever the
server's own time zone: the parameter in force, an applicant's age and "today" in a
reply all change at midnight in Riyadh, not at the server's midnight. Saudi Arabia
keeps UTC+3 all year (no daylight saving time), so a fixed offset is exact and does
not depend on the system's tz database.

Every function takes an injectable clock (epoch seconds), as tests need.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

RIYADH = dt.timezone(dt.timedelta(hours=3), "Asia/Riyadh")

Clock = Callable[[], float]
Moment = float | int | dt.datetime | None


def riyadh_now(clock: Clock = time.time) -> dt.datetime:
    """The current moment as an aware datetime in Riyadh time."""
    return dt.datetime.fromtimestamp(clock(), tz=RIYADH)


def riyadh_today(clock: Clock = time.time) -> dt.date:
    """Today's date in Riyadh."""
    return riyadh_now(clock).date()


def riyadh_time(moment: Moment) -> dt.datetime | None:
    """`moment` as an aware datetime in Riyadh time; None stays None.

    `moment` is epoch seconds (Rasa's event timestamps), an aware datetime, or a naive
    datetime taken as UTC (how the status store keeps times).
    """
    if moment is None:
        return None
    if isinstance(moment, dt.datetime):
        aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.timezone.utc)
        return aware.astimezone(RIYADH)
    return dt.datetime.fromtimestamp(float(moment), tz=RIYADH)


def riyadh_day_start(day: dt.date) -> dt.datetime:
    """Midnight at the start of `day` in Riyadh, as an aware datetime."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=RIYADH)
