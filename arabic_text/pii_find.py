"""Finding personal data in free text: Saudi national IDs / iqamas, Saudi mobiles, IBANs, e-mails.

People type these numbers in every way a keyboard allows, so detection does not
look for one layout. It reads a text as *spans*: runs of digit groups (Latin,
Arabic-Indic ٠-٩ or Persian ۰-۹, mixed freely) joined by separators (`,` `٬` `،`
`.` `_` `-`, spaces of any width, line breaks, brackets, zero-width and bidi marks,
up to `MAX_GAP` of them between two digits). Inside a span, it tries consecutive
groups, longest first from the left, and keeps those whose digits form one of:

- national ID / iqama: 10 digits starting 1 or 2. The Luhn check digit is NOT
  required: a mistyped ID (the validator refuses it) differs from the person's
  real ID by a digit or two and must not be stored in clear either; 10-digit
  numbers starting 1 or 2 that are not IDs (amounts over a billion riyals) do not
  occur in this domain, so masking them costs nothing.
- Saudi mobile: 05xxxxxxxx, 5xxxxxxxx, 9665xxxxxxxx, 00966 5…, + 966 5…, with the
  trunk 0 sometimes kept after the country code (+966 05…).

Groups that can never be part of such a number:
- a date written as year-month-day or day-month-year with one separator (`-` `.`
  `_`) used twice and not a third time ("2023-11-01 12:30" is a date and a time);
- the two sides of a decimal point (`.` next to a group of 5+ digits, or `٫`):
  "1700000000.125" (epoch seconds), "0.5512345678" (a score);
- a group touching an ASCII letter: digits inside hex hashes and message ids.

Amounts ("1,320", "8 000", "١٬١٠٠"), counts and dates stay numbers because no
combination of their groups has a personal number's shape.

IBAN: "SA" (any case) + 22 digits, any grouping. E-mail: the usual
local@domain.tld. Both are found before the digit spans, which never overlap them.

`arabic_text/pii.py` masks what this module finds; `webchat/static/pii_mask.js`
is the same algorithm for the browser, and `tests/pii_vectors.json` keeps the two equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from saudi_locale.digits import to_latin_digits

# Spaces of every width, line breaks, zero-width characters, bidi marks and
# isolates, tatweel, dashes, brackets and the group separators people type.
SEPARATOR_CHARS = (
    " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u0640"
    ",\u066c\u060c._-\u2010\u2011\u2012\u2013\u2014\u2015\u2212()\u066b"
)
_SEPARATORS = frozenset(SEPARATOR_CHARS)
MAX_GAP = 6  # separator characters allowed between two digits of one number
_DATE_SEPARATORS = frozenset("-._")
_MAX_DIGITS = 15  # the longest form: 00966 0 5xxxxxxxx

_PHONE = re.compile(r"(?:00)?9660?5[0-9]{8}|0?5[0-9]{8}")
_PHONE_AFTER_PLUS = re.compile(r"9660?5[0-9]{8}")
_NATIONAL_ID = re.compile(r"[12][0-9]{9}")

_SEP_CLASS = "[" + "".join("\\" + ch if ch in "\\]-^" else ch for ch in SEPARATOR_CHARS) + "]"
_SPAN = re.compile(rf"[0-9]+(?:{_SEP_CLASS}{{1,{MAX_GAP}}}[0-9]+)*")
_GROUP = re.compile("[0-9]+")
_MIN_DIGITS = 9  # the shortest form: 5xxxxxxxx
# `text` with Arabic-Indic and Persian digits in ASCII, same length (saudi_locale.digits).
to_ascii_digits = to_latin_digits
_IBAN_START = re.compile("[Ss][Aa]")
_IBAN = re.compile(r"(?<![A-Za-z0-9])[Ss][Aa]" + rf"(?:{_SEP_CLASS}{{0,{MAX_GAP}}}[0-9]){{22}}" + r"(?![0-9A-Za-z])")
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9])"
)


@dataclass(frozen=True)
class PiiMatch:
    """One piece of personal data found in a text: `text[start:end]`."""

    kind: str  # "national_id" | "phone" | "iban" | "email"
    start: int
    end: int
    text: str

    @property
    def digits(self) -> str:
        """The match's digits in ASCII, separators removed."""
        return "".join(ch for ch in to_ascii_digits(self.text) if "0" <= ch <= "9")


def classify_digits(digits: str, after_plus: bool = False) -> str | None:
    """ "national_id", "phone" or None for a run of ASCII digits (separators removed)."""
    if after_plus:
        return "phone" if _PHONE_AFTER_PLUS.fullmatch(digits) else None
    if _NATIONAL_ID.fullmatch(digits):
        return "national_id"
    if _PHONE.fullmatch(digits):
        return "phone"
    return None


def _is_ascii_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _spans(ascii_text: str) -> list[list[tuple[int, int]]]:
    """Digit groups as (start, end) pairs, gathered into spans joined by short separator runs.

    Spans with fewer than 9 digits are dropped: no personal number is that short.
    """
    spans = []
    for span in _SPAN.finditer(ascii_text):
        groups = [(g.start(), g.end()) for g in _GROUP.finditer(ascii_text, span.start(), span.end())]
        if sum(end - start for start, end in groups) >= _MIN_DIGITS:
            spans.append(groups)
    return spans


def _protected_groups(text: str, groups: list[tuple[int, int]]) -> list[bool]:
    """Which groups of a span are dates, decimals or parts of alphanumeric tokens."""
    count = len(groups)
    protected = [False] * count
    seps = [text[groups[k][1] : groups[k + 1][0]] for k in range(count - 1)]
    lengths = [end - start for start, end in groups]
    # A lone "." beside a long group is a decimal point; several dots, or a "+" in
    # front ("+966.55…"), make it a grouping.
    single_dot = seps.count(".") == 1 and _plus_before(text, groups[0][0]) is None
    for k, sep in enumerate(seps):
        if sep == "\u066b" or (sep == "." and single_dot and max(lengths[k], lengths[k + 1]) >= 5):
            protected[k] = protected[k + 1] = True
    for k in range(count - 2):
        if seps[k] == seps[k + 1] and seps[k] in _DATE_SEPARATORS:
            before = seps[k - 1] if k > 0 else None
            after = seps[k + 2] if k + 2 < len(seps) else None
            if seps[k] not in (before, after) and _looks_like_date(text, groups[k : k + 3]):
                protected[k] = protected[k + 1] = protected[k + 2] = True
    first_start, last_end = groups[0][0], groups[-1][1]
    if first_start > 0 and _is_ascii_letter(text[first_start - 1]):
        protected[0] = True
    if last_end < len(text) and _is_ascii_letter(text[last_end]):
        protected[-1] = True
    return protected


def _looks_like_date(text: str, triple: list[tuple[int, int]]) -> bool:
    a, b, c = (text[s:e] for s, e in triple)
    if len(a) == 4 and len(b) <= 2 and len(c) <= 2:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4 and len(a) <= 2 and len(b) <= 2:
        year, month, day = int(c), int(b), int(a)
        if month > 12 and day <= 12:  # month-first, as some phones write it
            month, day = day, month
    else:
        return False
    return 1300 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


def _plus_before(text: str, position: int) -> int | None:
    """Where the "+" of "+966 …" is, when one precedes `position` (a few separators allowed)."""
    k = position - 1
    while k >= 0 and position - k <= 3 and text[k] in _SEPARATORS and text[k] not in ",.\u066c\u060c":
        k -= 1
    return k if k >= 0 and text[k] == "+" else None


def _number_matches(ascii_text: str, original: str) -> list[PiiMatch]:
    found: list[PiiMatch] = []
    for groups in _spans(ascii_text):
        protected = _protected_groups(ascii_text, groups)
        i = 0
        while i < len(groups):
            match = None if protected[i] else _longest_from(ascii_text, groups, protected, i)
            if match is None:
                i += 1
                continue
            kind, start, j = match
            end = groups[j][1]
            found.append(PiiMatch(kind, start, end, original[start:end]))
            i = j + 1
    return found


def _longest_from(
    text: str, groups: list[tuple[int, int]], protected: list[bool], i: int
) -> tuple[str, int, int] | None:
    """(kind, start, last group index) of the longest personal number starting at group i."""
    digits, candidates = "", list[tuple[int, str]]()
    for j in range(i, len(groups)):
        if protected[j]:
            break
        digits += text[groups[j][0] : groups[j][1]]
        if len(digits) > _MAX_DIGITS:
            break
        candidates.append((j, digits))
    plus = _plus_before(text, groups[i][0]) if i == 0 else None
    for j, digits in reversed(candidates):
        if plus is not None:
            kind = classify_digits(digits, after_plus=True)
            if kind:
                return kind, plus, j
        kind = classify_digits(digits)
        if kind:
            return kind, groups[i][0], j
    return None


def find_pii(text: str) -> list[PiiMatch]:
    """Every national ID, Saudi mobile, Saudi IBAN and e-mail address in `text`, in order.

    Positions index `text` itself (the search runs on a same-length ASCII-digit copy).
    """
    if not text:
        return []
    ascii_text = to_ascii_digits(text)
    found: list[PiiMatch] = []
    blanked = ascii_text
    for kind, pattern, worth_trying in (
        ("email", _EMAIL, "@" in ascii_text),
        ("iban", _IBAN, _IBAN_START.search(ascii_text) is not None),
    ):
        if not worth_trying:
            continue
        for match in pattern.finditer(blanked):
            found.append(PiiMatch(kind, match.start(), match.end(), text[match.start() : match.end()]))
        for item in found:
            # "#" is neither digit, separator nor letter: a hard border for the next search.
            blanked = blanked[: item.start] + "#" * (item.end - item.start) + blanked[item.end :]
    found.extend(_number_matches(blanked, text))
    return sorted(found, key=lambda m: m.start)
