"""numbers_in(): Arabic numbers as digits and as words, compared with arabic-itn where it reads them."""

from __future__ import annotations

import pytest
from arabic_itn import normalize as itn_normalize
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text.numbers import numbers_in


@pytest.mark.parametrize(
    "text, expected",
    [
        ("الف ومية", [1100]),
        ("ألف ومئة", [1100]),
        ("خمسمية وخمسين", [550]),
        ("خمسمائة وخمسون", [550]),
        ("الفين", [2000]),
        ("ألفين وخمسمية", [2500]),
        ("3 آلاف", [3000]),
        ("٣ الاف", [3000]),
        ("٣الاف", [3000]),
        ("1.5 الف", [1500]),
        ("عشرة الاف", [10000]),
        ("عشرين الف", [20000]),
        ("مية الف", [100000]),
        ("ثلاث تلاف", [3000]),
        ("تلت مية", [300]),
        ("تلتمية", [300]),
        ("ميتين وخمسين", [250]),
        ("مئتان", [200]),
        ("خمسة وأربعين", [45]),
        ("مية وخمسة وعشرين", [125]),
        ("عشرين وخمسة", [25]),
        ("احدعش", [11]),
        ("حداشر", [11]),
        ("احد عشر", [11]),
        ("اتناشر", [12]),
        ("اثنا عشر", [12]),
        ("ثلاثة عشر", [13]),
        ("خمسطعش", [15]),
        ("ستاشر", [16]),
        ("تسعطعش", [19]),
        ("الف ونص", [1500]),
        ("الفين ونص", [2500]),
        ("مية ونص", [150]),
        ("الف و500", [1500]),
        ("3k", [3000]),
        ("مليون و مية الف", [1100000]),
        ("صفر", [0]),
        ("٣ و ٤", [3, 4]),
        ("ولدين وثلاث بنات", [3]),
        ("1400/5/12", [1400, 5, 12]),
        ("ما عندي شي", []),
        ("الاف", []),
        ("", []),
    ],
)
def test_numbers_in_reads_digits_and_words(text, expected):
    assert numbers_in(text) == [float(value) for value in expected]


def test_absurdly_long_digit_strings_are_skipped_not_misread():
    assert numbers_in("9" * 400 + " مليون") == []
    assert numbers_in("1" * 100) == [float("1" * 100)]


_UNITS = ["واحد", "اتنين", "ثلاثة", "اربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
_TENS = ["عشرين", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"]
_HUNDREDS = ["مية", "ميتين", "ثلاثمية", "اربعمية", "خمسمية", "ستمية", "سبعمية", "ثمانمية", "تسعمية"]


@st.composite
def _spoken_numbers(draw):
    """Well-formed spoken numbers 1..999999 built the way people say them."""
    parts = []
    thousands = draw(st.integers(0, 9))
    if thousands == 1:
        parts.append("الف")
    elif thousands == 2:
        parts.append("الفين")
    elif thousands >= 3:
        parts.append(f"{_UNITS[thousands - 1]} الاف")
    hundreds = draw(st.integers(0, 9))
    if hundreds:
        parts.append(_HUNDREDS[hundreds - 1])
    tens = draw(st.integers(0, 9))
    units = draw(st.integers(0, 9))
    if units:
        parts.append(_UNITS[units - 1])
    if tens >= 2:
        parts.append(_TENS[tens - 2])
    if not parts:
        parts.append("خمسة")
    return " و".join(parts)


@settings(max_examples=300, deadline=None)
@given(_spoken_numbers())
def test_spoken_numbers_agree_with_arabic_itn(spoken):
    # arabic-itn is an independent reader; where it converts the whole phrase we must agree.
    result = itn_normalize(spoken)
    spans = result["spans"]
    if len(spans) != 1 or spans[0]["raw"] != spoken or spans[0]["type"] != "number":
        return  # arabic-itn leaves single small words alone by design
    assert numbers_in(spoken) == [float(spans[0]["value"])]
