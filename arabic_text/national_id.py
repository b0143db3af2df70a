"""Saudi national ID / iqama numbers: reading them as typed, validating, masking.

A national ID is personal data. Code outside this module should only ever keep the
masked form (for display) or a keyed hash (for lookup, see status_store).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One table for Arabic-Indic and Persian digits, shared with the PII finder.
from arabic_text.pii_find import to_ascii_digits

# People type IDs with spaces or dashes between groups of digits.
_SEPARATORS = re.compile(r"[\s\-_.٬،,]")


@dataclass(frozen=True)
class NationalIdCheck:
    """The outcome of reading a national ID. `problem` is a machine code, None when valid."""

    digits: str | None
    problem: str | None  # "no_digits" | "wrong_length" | "wrong_first_digit" | "checksum"

    @property
    def is_valid(self) -> bool:
        return self.problem is None


def luhn_is_valid(digits: str) -> bool:
    """Luhn (mod 10) over all digits, the check digit being the last one."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def extract_digits(text: str) -> str:
    """The digits of `text` in ASCII, with spaces and dashes between groups removed."""
    return "".join(ch for ch in _SEPARATORS.sub("", to_ascii_digits(text)) if ch.isdigit())


def check_national_id(text: str) -> NationalIdCheck:
    """Read an ID as typed ("١٠٠٠ ٠٠٠ ٠٠٨", "1000000008") and say what, if anything, is wrong."""
    digits = extract_digits(text or "")
    if not digits:
        return NationalIdCheck(None, "no_digits")
    if len(digits) != 10:
        return NationalIdCheck(digits, "wrong_length")
    if digits[0] not in "12":
        return NationalIdCheck(digits, "wrong_first_digit")
    if not luhn_is_valid(digits):
        return NationalIdCheck(digits, "checksum")
    return NationalIdCheck(digits, None)


def is_valid_national_id(text: str) -> bool:
    return check_national_id(text).is_valid


def mask_national_id(digits: str) -> str:
    """Keep the first and last two digits, enough for a person to recognise their own ID."""
    digits = extract_digits(digits)
    if len(digits) < 4:
        return "*" * len(digits)
    return digits[0] + "*" * (len(digits) - 3) + digits[-2:]
