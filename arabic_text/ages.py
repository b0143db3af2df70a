"""Ages as people give them: "عمري ٤٥", "خمسة وأربعين", or a birth year ("من مواليد ٨٥",
"مواليد 1985", "مواليد ١٤٠٥" Hijri), which is converted and never taken as the age.

Birth years, relative to `today` (default: today in Riyadh, UTC+3 all year, no DST):
- a full date ("مواليد 12/5/1985", "١٢ رجب ١٤٠٥") gives the exact age in whole years;
- four digits: 1300–1500 is a Hijri year, 1900 to this year a Gregorian one (a marker
  هـ / هجري or م / ميلادي wins when it agrees, and makes the answer unclear when not);
- two digits ("مواليد ٨٥") are Gregorian unless هـ / هجري follows: the century is the one
  that gives an age from 0 to 110; when both centuries do ("مواليد ٢٠": 6 or 106) the
  answer needs clarifying;
- a year alone gives the age reached this year (this year − birth year; a Hijri year counts
  from its middle, 1 Rajab). The form says the age back, so a person whose birthday has
  not come yet can correct it.
A bare number of 1300 or more is a year, never an age ("١٩٨٥" → 41 in 2026).
"""

from __future__ import annotations

import datetime
import math

from hijridate import Hijri

from arabic_text import lexicon
from arabic_text.dates import parse_birth_date
from arabic_text.matching import bare
from arabic_text.numbers import NumberSpan, find_numbers, tokenize
from saudi_locale.clock import riyadh_today

MAX_AGE = 110
_BIRTH_WORDS = frozenset("مواليد مواليدي ميلادي مولود مولوده ولدت انولدت اتولدت تولد تولدت born".split())
_HIJRI = frozenset("ه هـ هجري هجريه للهجره".split())
_GREGORIAN = frozenset("م ميلاديه للميلاد".split())  # ميلادي also means "my birth"
_CLEAR, _UNCLEAR, _NONE = "clear", "unclear", "none"


def _hijri_year_middle(year: int) -> int | None:
    try:
        return Hijri(year, 7, 1).to_gregorian().year
    except (ValueError, OverflowError):
        return None  # outside hijridate's tables (1343–1500)


def _ages_for_year(value: int, digits: int, calendar: str | None, today: datetime.date) -> list[int]:
    """Every plausible age (0–110) for a birth year as typed."""
    if digits == 4 and 1300 <= value <= 1500:
        if calendar == "gregorian":
            return []
        gregorian_years = [_hijri_year_middle(value)]
    elif digits == 4:
        gregorian_years = [value] if calendar != "hijri" else []
    elif digits <= 2 and calendar == "hijri":
        gregorian_years = [_hijri_year_middle(1300 + value), _hijri_year_middle(1400 + value)]
    elif digits <= 2:
        gregorian_years = [1900 + value, 2000 + value]
    else:
        return []
    ages = [today.year - year for year in gregorian_years if year is not None]
    return [age for age in ages if 0 <= age <= MAX_AGE]


def _calendar(tokens: list[str]) -> str | None:
    if any(token in _HIJRI for token in tokens):
        return "hijri"
    if any(token in _GREGORIAN for token in tokens):
        return "gregorian"
    return None


def _year_span(tokens: list[str], spans: list[NumberSpan]) -> tuple[NumberSpan | None, bool]:
    """(the number given as a birth year, whether a birth word introduced it)."""
    for span in spans:
        if any(token in _BIRTH_WORDS for token in tokens[max(0, span.start - 3) : span.start]):
            return span, True
    for span in spans:
        if span.value >= 1300 and span.value == int(span.value):
            return span, False
    return None, False


def _birth_year_age(
    text: str, tokens: list[str], spans: list[NumberSpan], today: datetime.date
) -> tuple[str, int | None]:
    """(_CLEAR, age), (_UNCLEAR, None) or (_NONE, None) when no birth year is given."""
    span, _introduced = _year_span(tokens, spans)
    if span is None:
        # "من مواليد الثمانينات": a birth year was meant but none can be read.
        return (_UNCLEAR if any(t in _BIRTH_WORDS for t in tokens) else _NONE), None
    born = parse_birth_date(text, today)
    if born is not None:
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        return _CLEAR, age
    raw = "".join(tokens[span.start : span.end])
    if not (math.isfinite(span.value) and span.value == int(span.value) and raw.isdigit()):
        return _UNCLEAR, None  # "مواليد الثمانينات", a year in words
    calendar = _calendar(tokens)
    if calendar is None and tokens[span.end : span.end + 1] == ["ميلادي"]:
        calendar = "gregorian"  # "١٩٩٠ ميلادي"; elsewhere ميلادي may be "my birth"
    ages = _ages_for_year(int(span.value), len(raw), calendar, today)
    return (_CLEAR, ages[0]) if len(ages) == 1 else (_UNCLEAR, None)


_MINE = frozenset("انا وانا عمري وعمري سني".split())


def of_someone_else(tokens: list[str], span: NumberSpan) -> bool:
    """Whether the number is another person's age: "اكبرهم ٥ سنين", "ولدي عمره ٥", "بنت ٣
    سنوات" (a his/her/their age word or a person word just before it)."""
    before: list[str] = []
    for t in reversed(tokens[: span.start]):  # "عمرهم ١٠ و١٢": skip the other ages listed
        if len(before) == 2:
            break
        if not (t.isdigit() or t in ("و", "،", ",", "-")):
            before.append(t)
    if any(t in _MINE for t in before):  # "ولدي عمره ١٠ وانا ٤٠": 40 is the applicant's
        return False
    return any(bare(t, lexicon.OTHERS_AGE) for t in before) or (
        span.start > 0
        and bare(tokens[span.start - 1], lexicon.DEPENDENT_NOUNS) is not None
        and span.end < len(tokens)
        and tokens[span.end] in lexicon.AGE_AFTER
    )


# Words before "X سنة" that make it a length of time, not an age: "منذ ثلاث سنوات"،
# "من ٣ سنين"، "صار لي ٥ سنين"، "لي سنتين"، "قبل ٣ سنوات"، "لمدة ٤ أعوام"، "كل سنة".
_DURATION_BEFORE = frozenset(
    "منذ من مذ قبل بعد لي له لها لنا صار صارلي صارلها صارله مده لمده خلال اخر طوال طيله كل".split()
)
_HEDGES = frozenset("حوالي تقريبا قرابه نحو يمكن تقريب اكثر اقل".split())
# Words after which "X سنة" is an age ("انا ٤٥ سنة"، "أبلغ ٤٥ عاماً"، "عندي ٤٥ سنة" in
# Egyptian); "أرملة ٣ سنوات"، "ساكن هنا ٢٠ سنة" are lengths of time.
_AGE_LEAD = frozenset("انا وانا اني ابلغ بلغت عندي بعمر بسن".split())
_AGE_FOLLOW = frozenset("عمري عمر العمر سن".split())


def is_duration(tokens: list[str], span: NumberSpan) -> bool:
    """Whether the number is a length of time ("منذ ثلاث سنوات"، "صار لي ٥ سنين"، "من حوالي
    ١٠ سنين"), never an age: a duration word in the two words before it, hedges skipped."""
    before = [t for t in tokens[max(0, span.start - 4) : span.start] if t not in _HEDGES][-2:]
    if any(bare(t, lexicon.AGE_BEFORE) for t in before):
        return False  # "ابلغ من العمر ٦٠": من of the age phrase
    return any(t in _DURATION_BEFORE or (t.startswith("و") and t[1:] in _DURATION_BEFORE) for t in before)


def in_age_context(tokens: list[str], span: NumberSpan) -> bool:
    """Whether "X سنة" said in passing is the applicant's age: after an age word ("عمري")
    or "انا"، "ابلغ"، "عندي"، at the start of the message or a clause, or followed by "من
    العمر"; and not a duration (is_duration) nor someone else's age."""
    if is_duration(tokens, span) or of_someone_else(tokens, span):
        return False
    before = [t for t in tokens[max(0, span.start - 4) : span.start] if t not in _HEDGES]
    if any(bare(t, lexicon.AGE_BEFORE) for t in before[-2:]):
        return True
    if span.end >= len(tokens) or tokens[span.end] not in lexicon.AGE_AFTER:
        return False
    previous = before[-1] if before else ""
    follow = tokens[span.end + 1 : span.end + 3]
    return (
        not previous
        or not any(ch.isalnum() for ch in previous)
        or previous in _AGE_LEAD
        or any(t in _AGE_FOLLOW for t in follow)
    )


def _said_age(tokens: list[str], spans: list[NumberSpan]) -> NumberSpan | None:
    spans = [span for span in spans if not of_someone_else(tokens, span) and not is_duration(tokens, span)]
    for span in spans:
        if any(bare(t, lexicon.AGE_BEFORE) for t in tokens[max(0, span.start - 2) : span.start]):
            return span
    for span in spans:
        if span.end < len(tokens) and tokens[span.end] in lexicon.AGE_AFTER:  # "٤٥ سنة", not "السنة"
            return span
    counts = [
        span
        for span in spans  # "عندي ٣ عيال": a count of people, not an age
        if span.end < len(tokens) and bare(tokens[span.end], lexicon.DEPENDENT_NOUNS)
    ]
    spans = [span for span in spans if span not in counts]
    return spans[0] if spans else None


def parse_age(text: str, today: datetime.date | None = None) -> int | None:
    """Age in whole years: "عمري ٤٥", "45 سنة", "خمسة وأربعين", or from a birth year or
    date relative to `today` (see the module docstring). None when unreadable or when the
    birth year is unclear (then age_needs_clarifying() is True). The caller checks the range."""
    try:
        tokens = tokenize(text or "")
        spans = find_numbers(tokens)
        status, age = _birth_year_age(text, tokens, spans, today or riyadh_today())
        if status != _NONE:
            return age
        span = _said_age(tokens, spans)
        if span is None or not math.isfinite(span.value) or span.value < 0:
            return None
        return int(span.value)  # "٤٥ ونص" is 45 whole years
    except (ValueError, OverflowError, RecursionError):
        return None


def age_needs_clarifying(text: str, today: datetime.date | None = None) -> bool:
    """True when the text gives a birth year that cannot be turned into one age: a year in
    no calendar ("مواليد ١٧٠٠"), a calendar marker that contradicts the year, a two-digit
    year that fits two centuries ("مواليد ٢٠"), or a year in the future."""
    try:
        tokens = tokenize(text or "")
        status, _ = _birth_year_age(text, tokens, find_numbers(tokens), today or riyadh_today())
        return status == _UNCLEAR
    except (ValueError, OverflowError, RecursionError):
        return False
