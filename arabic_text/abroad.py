"""Time spent abroad, for the residence question (design.md: an answer that gives months
abroad in the last 12 months is judged against the max_months_abroad parameter).

"كنت برا ٤ شهور" → 4.0; "سافرت شهرين" → 2.0; "قعدت في مصر ٣ اسابيع" → 0.69; "ما سافرت"
→ 0.0. Months are calendar-average months (a week is 12/52 of a month). The comparison with
the parameter is the caller's: arabic_text holds no thresholds.
"""

from __future__ import annotations

from arabic_text.matching import bare, has_phrase, is_negated
from arabic_text.nationality import COUNTRIES
from arabic_text.numbers import find_numbers, tokenize

_UNITS = {
    "شهر": 1.0,
    "شهور": 1.0,
    "اشهر": 1.0,
    "شهرين": 2.0,
    "شهران": 2.0,
    "اسبوع": 12 / 52,
    "اسابيع": 12 / 52,
    "اسبوعين": 24 / 52,
    "يوم": 12 / 365,
    "ايام": 12 / 365,
    "يومين": 24 / 365,
}
_AWAY = frozenset(
    "برا بره خارج بالخارج الخارج سافرت سافرنا سفر مسافر مسافره غبت غبنا طلعت طلعنا قعدت قعدنا جلست بقيت".split()
)
_NEVER = ("ما سافرت", "ما طلعت", "ما طلعنا", "ما سافرنا", "ولا سافرت", "ما غبت", "ماسافرت")


def months_abroad(text: str) -> float | None:
    """Months spent outside the Kingdom that the answer states, or None when it states none."""
    try:
        tokens = tokenize(text or "")
    except (ValueError, RecursionError):
        return None
    away = [i for i, t in enumerate(tokens) if bare(t, _AWAY) or t in COUNTRIES or t[1:] in COUNTRIES]
    if not away:
        return None
    if has_phrase(tokens, _NEVER) or (is_negated(tokens, away[0], window=2) and not find_numbers(tokens)):
        return 0.0
    spans = find_numbers(tokens)
    for index, token in enumerate(tokens):
        word = bare(token, _UNITS)
        if word is None:
            continue
        before = [s for s in spans if s.end == index]
        # "٤ شهور" counts four; "شهر" and the duals "شهرين", "اسبوعين" carry their own number.
        count = before[0].value if before and word not in _DUALS else 1.0
        return round(count * _UNITS[word], 2)
    return None


_DUALS = frozenset(("شهرين", "شهران", "اسبوعين", "يومين"))
