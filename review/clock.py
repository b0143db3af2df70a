"""How the review tool writes times: Riyadh wall-clock text for staff pages.

Stored times come in two shapes: Rasa event timestamps (epoch seconds, float) and
status-store columns (naive datetimes in UTC, see status_store.clock). Both are
turned into Riyadh time by saudi_locale.clock, the product's one clock; this module
adds only the staff pages' text form.
"""

from __future__ import annotations

from saudi_locale.clock import RIYADH, Moment, riyadh_day_start, riyadh_now, riyadh_time

__all__ = ["RIYADH", "format_riyadh", "riyadh_day_start", "riyadh_now", "riyadh_time"]


def format_riyadh(moment: Moment, pattern: str = "%Y-%m-%d %H:%M") -> str:
    """`moment` as Riyadh wall-clock text ("" for None); the Jinja filter `riyadh`."""
    local = riyadh_time(moment)
    return local.strftime(pattern) if local else ""
