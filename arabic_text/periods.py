"""The period an amount is stated in ("٤٨ ألف بالسنة", "١٠٠ ريال يومية"), and its monthly value.

Factors (months are the unit of every income slot, SAR per month):
- year  → ÷ 12;
- week  → × 52 ÷ 12 (52 weeks a year, ≈ 4.33, not 4: "× 4" would understate by 8%);
- day   → × 365 ÷ 12 (≈ 30.4), the same calendar year as the other two, so one yearly
  income gives one monthly figure whichever period it is stated in. A day rate is taken
  as paid every day; the form says the converted figure back, so a person who works fewer
  days corrects it.
An hourly rate ("٢٥ ريال بالساعة") has no monthly figure without the hours worked, so
read_income leaves it out and the form asks again.
A period word is looked for in the three words after the amount ("١٠٠ ريال باليوم"), then
in the two words before it ("دخلي السنوي ٤٨ ألف"); none means a month.
"""

from __future__ import annotations

MONTHS_PER_PERIOD: dict[str, float] = {"month": 1.0, "year": 1 / 12, "week": 52 / 12, "day": 365 / 12}

# One-word period markers, in normalize() spelling (سنوياً → سنويا).
_WORDS: dict[str, str] = {}
for _period, _words in {
    "year": "سنويا سنوي سنويه بالسنه السنوي السنويه بالعام سنوي سنويًا للسنه yearly annually annual بالسنة",
    "week": "بالاسبوعيه اسبوعيا اسبوعي اسبوعيه بالاسبوع الاسبوعي الاسبوعيه weekly",
    "day": "يوميه يومي يوميا باليوم باليوميه باليومي اليومي اليوميه يوميات daily",
    "month": "شهريا شهري شهريه بالشهر الشهري الشهريه monthly",
    # Hours worked in a month are unknown: an hourly rate is not converted (see HOURLY).
    "hour": "بالساعه للساعه hourly",
}.items():
    for _word in _words.split():
        _WORDS[_word] = _period

# Words that name a period only right after an amount or after في / كل / ب ("في السنه").
_NOUNS = {
    "سنه": "year",
    "السنه": "year",
    "عام": "year",
    "العام": "year",
    "year": "year",
    "اسبوع": "week",
    "الاسبوع": "week",
    "week": "week",
    "يوم": "day",
    "اليوم": "day",
    "day": "day",
    "شهر": "month",
    "الشهر": "month",
    "month": "month",
    "ساعه": "hour",
    "الساعه": "hour",
    "hour": "hour",
}
_PER = frozenset("في كل لكل a per /".split())
_SKIP = frozenset("ريال ريالات ريالا رس sar sr تقريبا يعني".split())


def _period_at(tokens: list[str], index: int, right_after: bool) -> str | None:
    token = tokens[index]
    word = token[1:] if token.startswith("و") and token[1:] in _WORDS else token
    if word in _WORDS:
        return _WORDS[word]
    if word in _NOUNS:
        previous = tokens[index - 1] if index else ""
        # "٤٨ ألف السنة" names a period; "٤٥ سنة" is an age: bare nouns need في / كل.
        if previous in _PER or (right_after and word.startswith("ال")):
            return _NOUNS[word]
    return None


def is_period_word(tokens: list[str], index: int) -> bool:
    """Whether tokens[index] is part of a period phrase ("بالشهر", "في", "الشهر", "كل")."""
    return tokens[index] in _PER or _period_at(tokens, index, right_after=True) is not None


def period_of(tokens: list[str], start: int, end: int, stop: int = 10**9, floor: int = 0) -> str:
    """The period of the amount tokens[start:end]: "month", "year", "week" or "day".

    `stop` is where the next amount starts and `floor` where the amount's clause starts, so
    one amount's period is not another's ("٥٠٠ بالأسبوع و٣٠٠٠ تقاعد": 3000 is monthly).
    """
    position, seen = end, 0
    while position < min(len(tokens), stop) and seen < 3:
        token = tokens[position]
        if not any(ch.isalnum() for ch in token):
            break
        found = _period_at(tokens, position, right_after=position == end or seen == 0)
        if found:
            return found
        if token not in _SKIP and token not in _PER:
            seen += 1
        position += 1
    for index in range(start - 1, max(floor - 1, start - 3), -1):
        if not any(ch.isalnum() for ch in tokens[index]):
            break
        # "الاسبوع ٧٠٠": a definite period noun right before the amount names its period.
        found = _period_at(tokens, index, right_after=index == start - 1 and tokens[index].startswith("ال"))
        if found:
            return found
    return "month"


HOURLY = "hour"


def to_monthly(amount: float, period: str) -> float:
    """SAR per month for `amount` SAR per `period` (rounded to halalas)."""
    return round(amount * MONTHS_PER_PERIOD[period], 2)
