"""When support staff answer conversations: the one place the staff hours are read.

The hours are a setting in Riyadh time (saudi_locale.clock, UTC+3 all year), given by
the environment variable ``STAFF_HOURS``:

    STAFF_HOURS="sun-thu 08:00-16:00"                        # the default
    STAFF_HOURS="sun-wed 08:00-16:00, thu 08:00-12:00"       # several windows
    STAFF_HOURS="always"                                     # a 24/7 desk

Days are sun mon tue wed thu fri sat; a range may wrap the week ("sat-wed"). A window
ends before its closing minute (16:00 is closed). A value that cannot be read is
logged and the default applies, so a typo never stops the bot from queueing people.
Public holidays are not modelled.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from saudi_locale.clock import RIYADH

logger = logging.getLogger(__name__)

ENV = "STAFF_HOURS"
DEFAULT = "sun-thu 08:00-16:00"
ALWAYS = "always"
# Python's weekday(): Monday is 0.
DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_WINDOW = re.compile(r"^\s*([a-z]{3})(?:\s*-\s*([a-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True)
class Window:
    """Open on `weekday` (Monday 0) from `start` to just before `end`, Riyadh time."""

    weekday: int
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class StaffHours:
    """The weekly windows in which staff answer; empty `windows` with `always` means 24/7."""

    windows: tuple[Window, ...]
    always: bool = False
    text: str = DEFAULT

    def is_open(self, moment: dt.datetime) -> bool:
        """Whether staff answer at `moment` (an aware datetime; naive ones are taken as UTC)."""
        if self.always:
            return True
        local = _riyadh(moment)
        return any(w.weekday == local.weekday() and w.start <= local.time() < w.end for w in self.windows)

    def next_opening(self, moment: dt.datetime) -> dt.datetime | None:
        """The next time staff start answering after `moment`, in Riyadh time (None if 24/7 or never).

        When `moment` is inside a window, the window after it is returned.
        """
        if self.always or not self.windows:
            return None
        local = _riyadh(moment)
        for days_ahead in range(8):
            day = local.date() + dt.timedelta(days=days_ahead)
            starts = sorted(
                dt.datetime.combine(day, w.start, tzinfo=RIYADH) for w in self.windows if w.weekday == day.weekday()
            )
            for start in starts:
                if start > local:
                    return start
        return None

    def closing_time(self, moment: dt.datetime) -> dt.datetime | None:
        """When the window open at `moment` closes (Riyadh time), or None when closed or 24/7."""
        if self.always:
            return None
        local = _riyadh(moment)
        for w in self.windows:
            if w.weekday == local.weekday() and w.start <= local.time() < w.end:
                return dt.datetime.combine(local.date(), w.end, tzinfo=RIYADH)
        return None


def _riyadh(moment: dt.datetime) -> dt.datetime:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.timezone.utc)
    return aware.astimezone(RIYADH)


def _day_range(first: str, last: str | None) -> tuple[int, ...]:
    if first not in DAYS or (last is not None and last not in DAYS):
        raise ValueError(f"unknown day in {first}-{last}: use {' '.join(DAYS)}")
    start, end = DAYS[first], DAYS[last or first]
    count = (end - start) % 7 + 1
    return tuple((start + offset) % 7 for offset in range(count))


def parse_staff_hours(text: str) -> StaffHours:
    """Read a STAFF_HOURS value (see the module docstring); raises ValueError for a bad one."""
    cleaned = (text or "").strip().lower()
    if cleaned == ALWAYS:
        return StaffHours((), always=True, text=cleaned)
    windows = []
    for part in cleaned.split(","):
        found = _WINDOW.match(part)
        if not found:
            raise ValueError(f"cannot read staff hours {part.strip()!r}; write e.g. 'sun-thu 08:00-16:00'")
        first, last, h1, m1, h2, m2 = found.groups()
        try:
            start, end = dt.time(int(h1), int(m1)), dt.time(int(h2), int(m2))
        except ValueError as error:
            raise ValueError(f"bad time in staff hours {part.strip()!r}") from error
        if end <= start:
            raise ValueError(f"staff hours {part.strip()!r} end before they start (windows cannot pass midnight)")
        windows.extend(Window(day, start, end) for day in _day_range(first, last))
    if not windows:
        raise ValueError("no staff hours given")
    return StaffHours(tuple(windows), text=cleaned)


def staff_hours(environ: Mapping[str, str] | None = None) -> StaffHours:
    """The configured hours: STAFF_HOURS, or the default (Sunday to Thursday, 08:00–16:00 Riyadh)."""
    value = (os.environ if environ is None else environ).get(ENV, "").strip()
    if not value:
        return parse_staff_hours(DEFAULT)
    try:
        return parse_staff_hours(value)
    except ValueError as error:
        logger.error("%s is not readable (%s); using the default %r", ENV, error, DEFAULT)
        return parse_staff_hours(DEFAULT)
