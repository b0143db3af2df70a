"""Birth dates as people give them, Gregorian or Hijri: "1400/05/12", "12-5-1980",
"12 مايو 1980", "12 أيار 1980", "12 جمادى الأولى 1400 هـ".

Which calendar: an explicit marker wins (هـ / هجري, م / ميلادي), then a month name (رجب is
Hijri, مايو Gregorian), then the year: 1300–1500 is Hijri, otherwise Gregorian. A marker
that contradicts the month name gives None rather than a guess. Numeric dates are read
day-first, as written in Saudi Arabia (12/05/1980 is 12 May), unless the middle number
cannot be a month (05/25/1980). hijridate covers Hijri years 1343–1500; earlier ones give None.
"""

from __future__ import annotations

import datetime
import re

from hijridate import Hijri

from arabic_text.month_names import find_month
from arabic_text.normalize import normalize
from arabic_text.numbers import find_numbers, tokenize
from saudi_locale.clock import riyadh_today

_NUMERIC = re.compile(r"(?<![\d.])(\d{1,4})\s*([/\-.])\s*(\d{1,2})\s*\2\s*(\d{1,4})(?![\d.])")
_HIJRI_MARKS = frozenset("ه هـ هجري هجريه للهجره هجرية".split())
_GREGORIAN_MARKS = frozenset("م ميلادي ميلاديه للميلاد".split())
_FILLERS = frozenset("من شهر سنه عام لعام لسنه في".split())
_HIJRI_YEARS = range(1300, 1501)


def _calendar_marker(tokens: list[str]) -> str | None:
    """ "هـ" anywhere; "ميلادي" only after a number ("1985 ميلادي"): before the date
    ("هويتي ... ميلادي ١٤٠٥/٧/٢٢", "وميلادي ...") it means "my birth", not "Gregorian"."""
    if any(token in _HIJRI_MARKS for token in tokens):
        return "hijri"
    if any(
        token in _GREGORIAN_MARKS and index and tokens[index - 1][-1:].isdigit() for index, token in enumerate(tokens)
    ):
        return "gregorian"
    return None


def _full_year(year: int, digits: int, calendar: str, today: datetime.date) -> int:
    """ "12 ابريل 85" → 1985: a two-digit Gregorian year with a month name is the latest
    past one (85 → 1985, 05 → 2005). Hijri two-digit years are left as typed (None later)."""
    if digits > 2 or calendar != "gregorian":
        return year
    return 2000 + year if 2000 + year <= today.year else 1900 + year


def _to_date(year: int, month: int, day: int, calendar: str) -> datetime.date | None:
    try:
        if calendar == "hijri":
            return Hijri(year, month, day).to_gregorian()
        if year < 1900:
            return None
        return datetime.date(year, month, day)
    except (ValueError, OverflowError):
        return None  # 31/02, Hijri day 30 in a 29-day month, years outside the tables


def _numeric_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a 1400/05/12, 12-5-1980 or 12.05.1980 style date."""
    match = _NUMERIC.search(text)
    if not match:
        return None
    first, _, middle, last = match.groups()
    if len(first) == 4:
        return int(first), int(middle), int(last)
    if len(last) == 4:
        day, month = int(first), int(middle)
        if month > 12 >= day:
            day, month = month, day  # written month-first
        return int(last), month, day
    return None  # a two-digit year is too ambiguous to guess


def _named_parts(tokens: list[str]) -> tuple[int, int, int, str] | None:
    """(year, month, day, calendar of the month name) from "12 جمادى الأولى 1400"."""
    spans = find_numbers(tokens)
    for index, day_span in enumerate(spans):
        position = day_span.end
        while position < len(tokens) and tokens[position] in _FILLERS:
            position += 1
        month = find_month(tokens, position) if position < len(tokens) else None
        if month is None:
            continue
        month_number, calendar, used = month
        year_span = next((s for s in spans[index + 1 :] if s.start >= position + used), None)
        if year_span is None:
            return None
        between = tokens[position + used : year_span.start]
        if any(token not in _FILLERS for token in between):
            return None
        return int(year_span.value), month_number, int(day_span.value), calendar
    return None


def parse_birth_date(text: str, today: datetime.date | None = None) -> datetime.date | None:
    """The Gregorian date of a birth date as typed; None if invalid, unreadable or in the future."""
    if not text:
        return None
    today = today or riyadh_today()
    try:
        normalized = normalize(text)
        tokens = tokenize(normalized)
    except (ValueError, RecursionError):
        return None
    marker = _calendar_marker(tokens)
    numeric = _numeric_parts(normalized)
    if numeric is not None:
        year, month, day = numeric
        # A year 1300–1500 is Hijri even beside a Gregorian word: nobody alive was born in 1405 CE.
        calendar = "hijri" if year in _HIJRI_YEARS else marker or "gregorian"
    else:
        named = _named_parts(tokens)
        if named is None:
            return None
        year, month, day, calendar = named
        year = _full_year(year, len(str(year)), calendar, today)
        if marker is not None and marker != calendar:
            return None
    if calendar == "gregorian" and year in _HIJRI_YEARS:
        return None  # "12 مايو 1400": a Hijri year with a Gregorian month
    born = _to_date(year, month, day, calendar)
    if born is None or born > today:
        return None
    return born
