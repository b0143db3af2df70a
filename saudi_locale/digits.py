"""The digits people type in Arabic text, and their Latin equivalents.

Saudi keyboards type Arabic-Indic digits (U+0660–U+0669, ٠١٢٣…); Persian/Urdu
keyboards type the extended ones (U+06F0–U+06F9, ۰۱۲۳…), which look almost the same.
People mix both with Latin digits in one message. Everything that reads or shows
numbers converts through this one table. The browser cannot import it: the widget's
copy (webchat/static/display.js, pii_mask.js) is checked against
tests/digit_vectors.json, which tests/saudi_locale/test_digits.py writes from here.
"""

from __future__ import annotations

import re

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
LATIN = "0123456789"
# The Arabic thousands separator (U+066C) and decimal separator (U+066B).
ARABIC_THOUSANDS_SEPARATOR = "\u066c"
ARABIC_DECIMAL_SEPARATOR = "\u066b"

# Character-class body for any digit, for use inside [...] in a regular expression.
ANY_DIGIT_CLASS = f"0-9{ARABIC_INDIC[0]}-{ARABIC_INDIC[-1]}{PERSIAN[0]}-{PERSIAN[-1]}"
ANY_DIGIT = re.compile(f"[{ANY_DIGIT_CLASS}]")
NON_LATIN_DIGIT = re.compile(f"[{ARABIC_INDIC[0]}-{ARABIC_INDIC[-1]}{PERSIAN[0]}-{PERSIAN[-1]}]")

_TO_LATIN_WITH_SEPARATORS = str.maketrans(
    ARABIC_INDIC + PERSIAN + ARABIC_THOUSANDS_SEPARATOR + ARABIC_DECIMAL_SEPARATOR, LATIN * 2 + ",."
)
_TO_ARABIC_INDIC = str.maketrans(LATIN, ARABIC_INDIC)
_LATIN_OF = dict(zip(ARABIC_INDIC + PERSIAN, LATIN * 2, strict=True))


def to_latin_digits(text: str, *, separators: bool = False) -> str:
    """`text` with every Arabic-Indic and Persian digit as its Latin digit; same length.

    With ``separators=True`` the Arabic thousands (٬) and decimal (٫) separators become
    "," and "." too. Other characters are unchanged.
    """
    if separators:
        return text.translate(_TO_LATIN_WITH_SEPARATORS)
    # Faster than str.translate, which looks up every character of non-ASCII text; this
    # runs on every message the tracker store masks.
    return NON_LATIN_DIGIT.sub(_latin_of_match, text)


def _latin_of_match(match: re.Match[str]) -> str:
    return _LATIN_OF[match.group()]


def to_arabic_indic_digits(text: str) -> str:
    """`text` with every Latin digit as its Arabic-Indic digit; same length."""
    return text.translate(_TO_ARABIC_INDIC)


def latin_digit(char: str) -> str:
    """The Latin digit for one Arabic-Indic or Persian digit; other characters unchanged."""
    return _LATIN_OF.get(char, char)
