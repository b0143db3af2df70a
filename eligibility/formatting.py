"""How numbers and dates look in Arabic text.

Western digits with a comma thousands separator ("1,320") everywhere, so the
chat, the staff tools and the payloads show the same figures.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal


def format_sar(amount: int | Decimal) -> str:
    """Whole riyals with thousands separators: 3300 -> "3,300"."""
    return f"{int(amount):,}"


def format_number(value: int | Decimal) -> str:
    """A number to the halala without a trailing ".0": Decimal("1200.50") -> "1,200.5",
    Decimal(10000) / 12 -> "833.33"."""
    decimal = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if decimal == decimal.to_integral_value():
        return f"{int(decimal):,}"
    return f"{decimal.normalize():,f}"


def format_pct(share: Decimal) -> str:
    """A share as a percentage without decimals when whole: 0.5 -> "50"."""
    return format_number(share * 100)


def format_date(day: dt.date) -> str:
    return day.isoformat()
