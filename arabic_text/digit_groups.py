"""Digit groupings inside one typed amount, resolved before numbers are read.

normalize() already turns Arabic-Indic and Persian digits into ASCII, ٫ into ".", thin,
narrow no-break and no-break spaces (U+2009, U+202F, U+00A0) into " " (NFKC), and drops
, ٬ ، ' when exactly three digits follow (1,320 → 1320). What is left, and decided here:

- Spaces as thousands separators: "8 000" and "12 500" are one number when every group
  after the first has exactly three digits and the first has one to three digits and does
  not start with 0 (so a phone number "055 123 4567" is not glued together).
- "." before exactly three digits is a thousands separator ("8.000" is 8000, "1.250.000"
  is 1250000): SAR amounts have two decimals (halalas), never three. It stays a decimal
  point when a scale word follows ("1.500 الف" is 1500) or the first group is 0 ("0.500").
  "12.5" and "2500.50" keep their decimals.
- "," (and the Arabic comma ، in the raw text, see arabic_comma_decimals) before one or
  two digits is a decimal comma ("1,5 الف" is 1500), as typed on
  European keyboards; before three digits normalize() already took it as thousands.
  "1.250,50" (dots for thousands, comma for decimals) is 1250.5.
"""

from __future__ import annotations

import re

from saudi_locale.digits import ANY_DIGIT_CLASS

_SCALE_AFTER = re.compile(r"\s*(?:و?ال?اف|الف|الفين|تلاف|الوف|مليون|ملايين|k)(?![^\W\d_])")
_SPACED = re.compile(r"(?<![\d.,])([1-9]\d{0,2})((?: \d{3})+)(?!\d|[.,]\d{3})")
_DOTTED = re.compile(r"(?<![\d.,])([1-9]\d{0,2})((?:\.\d{3})+)(?![\d]|[.,]\d)")
_EUROPEAN = re.compile(r"(?<![\d.,])([1-9]\d{0,2}(?:\.\d{3})+),(\d{1,2})(?![\d]|[.,]\d)")
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d+),(\d{1,2})(?![\d]|[.,]\d)")


def _dotted(match: re.Match[str]) -> str:
    groups = match.group(2)
    if groups.count(".") == 1 and _SCALE_AFTER.match(match.string, match.end()):
        return match.group(0)  # "1.500 الف": a decimal before a scale word
    return match.group(1) + groups.replace(".", "")


_ANY_DIGIT = ANY_DIGIT_CLASS
_ARABIC_COMMA_DECIMAL = re.compile(f"(?<=[{_ANY_DIGIT}])،(?=[{_ANY_DIGIT}]{{1,2}}(?![{_ANY_DIGIT}]))")


def arabic_comma_decimals(raw: str) -> str:
    """Raw text (before normalize()) with "١٢،٥" read as 12.5: the Arabic comma typed as a
    decimal sign between digits with one or two digits after it. normalize() would set it
    apart as punctuation and make two numbers of it."""
    return _ARABIC_COMMA_DECIMAL.sub("٫", raw)


def join_digit_groups(text: str) -> str:
    """Normalized text with grouped digits joined into one number (see the module docstring)."""
    text = _SPACED.sub(lambda m: m.group(1) + m.group(2).replace(" ", ""), text)
    text = _EUROPEAN.sub(lambda m: m.group(1).replace(".", "") + "." + m.group(2), text)
    text = _DOTTED.sub(_dotted, text)
    return _DECIMAL_COMMA.sub(r"\1.\2", text)
