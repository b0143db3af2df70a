"""The one place the review tool turns stored times into Riyadh time.

Stored times come in two shapes: Rasa event timestamps (epoch seconds, float) and
status-store columns (naive datetimes in UTC, see status_store.clock). Staff read
both in Riyadh time (UTC+3 all year; the offset is eligibility.parameters.RIYADH).
"""
from __future__ import annotations

import time
from datetime import date, datetime, timezone
from datetime import time as day_time
from typing import Optional, Union

from eligibility.parameters import RIYADH

__all__ = ["RIYADH", "riyadh_time", "riyadh_now", "riyadh_day_start", "format_riyadh"]

Moment = Union[float, int, datetime, None]


def riyadh_time(moment: Moment) -> Optional[datetime]:
    """An aware datetime in Riyadh time.

    `moment` is epoch seconds, an aware datetime, or a naive datetime taken as UTC
    (how the status store keeps times). None stays None.
    """
    if moment is None:
        return None
    if isinstance(moment, datetime):
        aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)
        return aware.astimezone(RIYADH)
    return datetime.fromtimestamp(float(moment), tz=RIYADH)


def riyadh_now(clock=time.time) -> datetime:
    return riyadh_time(clock())


def riyadh_day_start(day: date) -> datetime:
    """Midnight at the start of `day` in Riyadh, as an aware datetime."""
    return datetime.combine(day, day_time.min, tzinfo=RIYADH)


def format_riyadh(moment: Moment, pattern: str = "%Y-%m-%d %H:%M") -> str:
    """`moment` as Riyadh wall-clock text ("" for None); the Jinja filter `riyadh`."""
    local = riyadh_time(moment)
    return local.strftime(pattern) if local else ""
