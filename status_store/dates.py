"""Reading the dates staff put in CSV files: ISO Gregorian or numeric Hijri (Umm al-Qura)."""

from __future__ import annotations

import re
from datetime import date

from hijridate import Hijri

from saudi_locale.digits import to_latin_digits

_YMD = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$")
# Hijri years of living people are 13xx-14xx; Gregorian ones are 19xx-20xx. A
# year below this cut-off is therefore read as Hijri whatever the separator.
_LAST_HIJRI_YEAR = 1500


def parse_record_date(text: str) -> date | None:
    """A Gregorian date from "2024-03-01" or Hijri "1400/05/12"; None if it is neither."""
    match = _YMD.match(to_latin_digits((text or "").strip()))
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        if year <= _LAST_HIJRI_YEAR:
            return Hijri(year, month, day).to_gregorian()
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def parse_birth_date_cell(text: str) -> date | None:
    """Birth dates: the strict formats above, or written with a month name
    ("12 جمادى الأولى 1400") read by arabic_text.parse_birth_date when that exists.

    All-digit dates must be in a strict format because a CSV is machine data:
    "03/04/1990" must not be guessed as March or April.
    """
    parsed = parse_record_date(text)
    if parsed is not None or not any(ch.isalpha() for ch in text or ""):
        return parsed
    try:
        from arabic_text import parse_birth_date
    except ImportError:
        return None
    try:
        return parse_birth_date(text)
    except ValueError:
        return None
