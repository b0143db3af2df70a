"""Answers to the status lookup's three questions, read from one message or several.

The ministry's inquiry (seed 004) asks for the national ID, the birth date and the
registration date; month and year are enough for the last. People often give
several at once: "رقم هويتي 1012345672 وتاريخ ميلادي 12/4/1985 وسجلت 3/2024".

How a message is split:
- the ID is the run of digit groups (any digit script, any separator) that makes
  10 digits, a valid Luhn run preferred; it is cut out first;
- a date right after a label word (ميلاد / مواليد / ولدت → birth; تسجيل / سجلت /
  قدمت / التقديم → registration) belongs to that question;
- unlabelled: a month and year without a day is a registration month; of two full
  dates the earlier is the birth date; a lone full date answers the question asked.
Pure Python, no Rasa.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from hijridate import Hijri

from arabic_text.dates import parse_birth_date
from arabic_text.month_names import find_month
from arabic_text.national_id import luhn_is_valid
from arabic_text.normalize import normalize
from arabic_text.numbers import tokenize
from saudi_locale.clock import riyadh_today

DateRange = tuple[datetime.date, datetime.date]

_GROUP = re.compile(r"\d+")
# Digit groups joined by the separators people use inside an ID (normalize() has
# already turned Arabic-Indic and Persian digits into ASCII).
_DIGIT_RUN = re.compile(r"\d+(?:[\s\-_.,،٬\u200e\u200f\u061c]+\d+)*")
_FULL_DATE = re.compile(r"(?<![\d/.\-])(\d{1,4})\s*([/\-.])\s*(\d{1,2})\s*\2\s*(\d{1,4})(?![\d/.\-])")
_MONTH_YEAR = re.compile(r"(?<![\d/.\-])(\d{1,4})\s*[/\-.]\s*(\d{1,4})(?![\d/.\-])")
_BIRTH_LABELS = ("ميلاد", "مواليد", "ولدت", "انولدت", "مولود", "birth")
_REGISTRATION_LABELS = ("تسجيل", "سجلت", "التقديم", "تقديم", "قدمت", "تقدمت", "registr")
_HIJRI_MARKS = re.compile(r"(?:^|\s)(?:ه|هـ|هجري|هجريه|هجرية)(?:\s|$)|\dه(?:\s|$)")
_GREGORIAN_MARKS = re.compile(r"(?:^|\s)(?:م|ميلادي|ميلاديه)(?:\s|$)|\dم(?:\s|$)")
_HIJRI_YEARS = range(1300, 1501)


@dataclass(frozen=True)
class StatusAnswers:
    """What one message says. `national_id` is 10 ASCII digits: hash or mask it at once."""

    national_id: str | None = None
    birth_date: datetime.date | None = None
    registered_in: DateRange | None = None


def _find_national_id(text: str) -> tuple[str | None, str]:
    """(the ID's digits, the text without them) for the first 10-digit run of groups.

    Dates (12-4-1985) are blanked first, so their digits never join an ID.
    """
    fallback = None
    dateless = _FULL_DATE.sub(lambda m: " " * len(m.group()), text)
    for run in _DIGIT_RUN.finditer(dateless):
        groups = list(_GROUP.finditer(run.group()))
        for first in range(len(groups)):
            digits = ""
            for last in range(first, len(groups)):
                digits += groups[last].group()
                if len(digits) > 10:
                    break
                if len(digits) == 10:
                    start, end = run.start() + groups[first].start(), run.start() + groups[last].end()
                    found = (digits, text[:start] + " " + text[end:])
                    if luhn_is_valid(digits):
                        return found
                    fallback = fallback or found
    if fallback:
        return fallback
    return None, text


def _month_range(year: int, month: int, hijri: bool) -> DateRange | None:
    try:
        if hijri:
            first = Hijri(year, month, 1)
            start, end = first.to_gregorian(), Hijri(year, month, first.month_length()).to_gregorian()
            return datetime.date(start.year, start.month, start.day), datetime.date(end.year, end.month, end.day)
        if not 1900 <= year <= 2100:
            return None
        return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
    except (ValueError, OverflowError):
        return None


def _calendar(text: str, year: int, named: str | None = None) -> bool:
    """True for Hijri: an explicit marker, else the month name, else the year's range."""
    if _HIJRI_MARKS.search(text):
        return True
    if _GREGORIAN_MARKS.search(text):
        return False
    if named is not None:
        return named == "hijri"
    return year in _HIJRI_YEARS


def parse_registration_month(text: str, today: datetime.date | None = None) -> DateRange | None:
    """The Gregorian (first, last) day of the month a registration date names, or None.

    Accepts "3/2024", "2024-03", "1445/9", "رمضان 1445", "مارس ٢٠٢٤", "شهر 3 سنة 2024",
    and full dates ("15/3/2024", "1445/9/3 هـ") of which only the month counts.
    A month that starts after `today` is refused.
    """
    today = today or riyadh_today()
    normalized = normalize(text or "")
    found = _full_date_month(normalized) or _numeric_month(normalized) or _named_month(normalized)
    if found is None or found[0] > today:
        return None
    return found


def _full_date_month(text: str) -> DateRange | None:
    match = _FULL_DATE.search(text)
    if not match:
        return None
    first, _, middle, last = match.groups()
    if len(first) == 4:
        year, month = int(first), int(middle)
    elif len(last) == 4:
        day, month = int(first), int(middle)
        if month > 12 >= day:
            month = day
        year = int(last)
    else:
        return None
    return _month_range(year, month, _calendar(text, year))


def _numeric_month(text: str) -> DateRange | None:
    match = _MONTH_YEAR.search(text)
    if match:
        a, b = match.groups()
        year, month = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
        if len(str(year)) == 4 and 1 <= month <= 12:
            return _month_range(year, month, _calendar(text, year))
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    years = [n for n in numbers if 1300 <= n <= 2100]
    months = [n for n in numbers if 1 <= n <= 12]
    if "شهر" in text and len(years) == 1 and len(months) == 1:
        return _month_range(years[0], months[0], _calendar(text, years[0]))
    return None


def _named_month(text: str) -> DateRange | None:
    tokens = tokenize(text)
    for index in range(len(tokens)):
        found = find_month(tokens, index)
        if found is None:
            continue
        month, calendar_name, used = found
        after = " ".join(tokens[index + used :])
        year = re.search(r"\d{4}", after)
        if year:
            value = int(year.group())
            return _month_range(value, month, _calendar(text, value, calendar_name))
    return None


def _labelled_parts(text: str) -> list[tuple[str | None, str]]:
    """The text cut at label words: [(None | "birth" | "registration", part)]."""
    marks = []
    for kind, labels in (("birth", _BIRTH_LABELS), ("registration", _REGISTRATION_LABELS)):
        for label in labels:
            marks += [(m.start(), kind) for m in re.finditer(label, text)]
    marks.sort()
    parts: list[tuple[str | None, str]] = [(None, text[: marks[0][0]] if marks else text)]
    for number, (start, kind) in enumerate(marks):
        end = marks[number + 1][0] if number + 1 < len(marks) else len(text)
        parts.append((kind, text[start:end]))
    return parts


def _full_dates(text: str, today: datetime.date) -> list[datetime.date]:
    dates = []
    for match in _FULL_DATE.finditer(text):
        tail = text[match.end() : match.end() + 8]
        parsed = parse_birth_date(match.group() + " " + tail, today=today)
        if parsed is not None:
            dates.append(parsed)
    return dates


def extract_status_answers(text: str, asked: str | None = None, today: datetime.date | None = None) -> StatusAnswers:
    """Every answer in `text`. `asked` is the question on screen ("national_id",
    "birth_date" or "registration_date"): a lone unlabelled full date answers it.
    """
    today = today or riyadh_today()
    national_id, rest = _find_national_id(normalize(text or ""))
    birth: datetime.date | None = None
    registered: DateRange | None = None
    unlabelled: list[str] = []
    for kind, part in _labelled_parts(rest):
        if kind == "birth" and birth is None:
            birth = parse_birth_date(part, today=today)
        elif kind == "registration" and registered is None:
            registered = parse_registration_month(part, today=today)
        elif kind is None:
            unlabelled.append(part)
    loose = " ".join(unlabelled)
    dates = _full_dates(loose, today)
    if len(dates) >= 2:
        dates.sort()
        birth = birth or dates[0]
        registered = registered or _month_range(dates[-1].year, dates[-1].month, False)
    elif len(dates) == 1:
        if asked == "registration_date" or (birth is not None and asked != "birth_date"):
            registered = registered or _month_range(dates[0].year, dates[0].month, False)
        else:
            birth = birth or dates[0]
    elif loose.strip():
        named = parse_birth_date(loose, today=today)  # "12 ابريل 1985": a full date with a month name
        if named is not None and asked != "registration_date":
            birth = birth or named
        elif registered is None:
            registered = parse_registration_month(loose, today=today)
    return StatusAnswers(national_id, birth, registered)


def opens_status_lookup(text: str) -> bool:
    """Whether a message carries a national ID or iqama number: 10 digits (any script,
    any separators) starting with 1 (citizen) or 2 (resident), so that a bare ID sent
    with no question asked starts the status lookup. Phone numbers (05..., 9665...)
    are not IDs; the Luhn check is left to the lookup, which explains a wrong digit.
    """
    national_id, _ = _find_national_id(normalize(text or ""))
    return national_id is not None and national_id[0] in "12"


# "I don't know / remember" (Gulf, Levantine, Egyptian, MSA), in normalize() spelling.
# Said instead of an answer, it asks where to find the answer, not for the question again.
_DONT_KNOW = re.compile(
    r"(?<!\w)(?:مدري|ماادري|ما ادري|لا ادري|ما اعرفه|مااعرفه|ما اعرف|مااعرف|لا اعرف|ما اعلم|لا اعلم|ما بعرف|مابعرف|"
    r"ما بدري|مش عارف|مش عارفه|مو عارف|مو عارفه|مب عارف|مو متذكر|مو متذكره|مش متذكر|مب متذكر|"
    r"مش فاكر|مش فاكره|ما اذكره|ما اذكر|ما اتذكره|ما اتذكر|ما تذكرت|مو ذاكر|نسيت|ناسي|ناسيه|ما احفظ|ما احفظه)(?!\w)"
)
# Whole messages that stop the lookup ("خلاص", "بس", "خلاص ما ابي"): short words that
# elsewhere are parts of answers ("بس الزوجة"), so only the message alone counts.
_STOP_MESSAGES = frozenset(
    {
        "خلاص",
        "بس",
        "بس خلاص",
        "خلاص بس",
        "خلاص ما ابي",
        "خلاص ما ابغي",
        "خلاص ما بدي",
        "ما ابي",
        "ما ابغي",
        "خلاص وقف",
        "وقف",
        "وقف خلاص",
        "كفايه",
        "يكفي",
        "خلاص يكفي",
        "انسي",
        "انسي الموضوع",
        "خلاص انسي",
        "لا خلاص",
        "خلاص شكرا",
        "الغاء",
        "الغي",
        "بطلت",
    }
)
_PUNCTUATION = re.compile(r"[^\w\s]+")


def says_dont_know(text: str) -> bool:
    """Whether the message says the person does not know or remember ("مدري", "نسيت",
    "مو متذكر"), anywhere in it. Callers ask this only of a message that answered nothing."""
    return bool(_DONT_KNOW.search(normalize(text)))


def says_stop(text: str) -> bool:
    """Whether the whole message is a plain "stop" ("خلاص", "بس", "خلاص ما ابي"),
    punctuation and repeated spaces aside. A longer message is never read as one."""
    plain = " ".join(_PUNCTUATION.sub(" ", normalize(text)).split())
    return plain in _STOP_MESSAGES
