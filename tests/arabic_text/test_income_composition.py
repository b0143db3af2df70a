"""Generated answers: any sources, in any order, with amounts in any grouping, digits and
period, are split into earned and other income and summed (issue 10: fix the kind)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text import read_income
from arabic_text.periods import MONTHS_PER_PERIOD

EARNED = ["راتبي", "راتب زوجتي", "دخلي من الشغل", "مرتبي", "شغل حر", "تجارتي", "أجري"]
OTHER = [
    "تقاعد ابوي",
    "تقاعدي",
    "الضمان",
    "التأمينات",
    "إيجار",
    "مساعدة من اخوي",
    "حساب المواطن",
    "ساند",
    "راتب التقاعد",
    "معاش الضمان",
    "نفقة",
]
PERIODS = {"": "month", "بالشهر": "month", "بالسنة": "year", "سنوياً": "year", "بالأسبوع": "week", "يومية": "day"}
DIGITS = [str.maketrans("", ""), str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"), str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")]
SEPARATORS = ["", ",", "٬", "،", ".", " ", "\u202f", "\u00a0"]


@st.composite
def statements(draw):
    side = draw(st.sampled_from(["earned", "other"]))
    source = draw(st.sampled_from(EARNED if side == "earned" else OTHER))
    amount = draw(st.integers(min_value=100, max_value=99_000))
    typed = f"{amount:,}".replace(",", draw(st.sampled_from(SEPARATORS))).translate(draw(st.sampled_from(DIGITS)))
    period_words = draw(st.sampled_from(sorted(PERIODS)))
    monthly = round(amount * MONTHS_PER_PERIOD[PERIODS[period_words]], 2)
    currency = draw(st.sampled_from(["", " ريال"]))
    return side, f"{source} {typed}{currency} {period_words}".strip(), monthly


@settings(max_examples=300, deadline=None)
@given(st.lists(statements(), min_size=1, max_size=4), st.sampled_from([" و", " و ", "، ", " وعندي "]))
def test_any_mix_of_sources_is_split_and_summed(parts, joiner):
    text = joiner.join(sentence for _, sentence, _ in parts)
    reading = read_income(text)
    for side, total in (("earned", reading.earned_sar), ("other", reading.other_sar)):
        expected = [monthly for s, _, monthly in parts if s == side]
        if expected:
            assert total == pytest.approx(sum(expected), abs=0.05), text
        else:
            assert total is None, text
    assert reading.unclassified_sar is None, text
    assert reading.converted is any(PERIODS[w] != "month" for _, s, _ in parts for w in PERIODS if w and s.endswith(w))
