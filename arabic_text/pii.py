"""Finding and masking personal data (Saudi national IDs, Saudi mobile numbers).

Transcripts and logs must never hold these in clear text. Masking keeps the text's
length (each hidden digit becomes "*"), so entity offsets recorded by the NLU in
the same event stay valid, and it keeps enough digits for a person to recognise
their own number: an ID keeps its first and last two digits, as
`arabic_text.national_id.mask_national_id` does, and a phone keeps its prefix
(05 / +9665 / 9665 / 009665) and last two digits.

Amounts (1,100), decimals, dates (2023-11-01) and digits inside longer
alphanumeric tokens (hex hashes, message ids) are left alone. Arabic letters may
touch a number ("ورقمي0551234567") because people type that way.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any, List, Optional

_TO_ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# What people put between groups of digits: spaces, dashes and the invisible
# direction marks that Arabic keyboards and apps insert around numbers.
_SEP = "[ \t\u00a0\u202f\u2009\u200e\u200f\u061c\\-\u2010\u2011\u2013]"
_GAP = _SEP + "{0,3}"
_DIGIT = "[0-9]"


def _digits(first: str, count: int) -> str:
    """`first` (a character class or literal) then `count` more digits, gaps allowed."""
    return first + (f"(?:{_GAP}{_DIGIT})" * count)


# Digits are matched on an ASCII copy of the text, which has the same length.
# Boundaries: no ASCII letter or digit on either side (hex hashes, long numbers),
# and no decimal/thousands continuation ("3.1000000008", "1000000008,5").
_LEFT = r"(?<![0-9A-Za-z])(?<![0-9][.,\u066b\u066c])"
_RIGHT = r"(?![0-9A-Za-z])(?![.,\u066b\u066c][0-9])"
# A date written with dashes followed by a time ("2023-11-01 12:30") is not an ID.
_NOT_A_DATE = r"(?![0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?![0-9]))(?![0-9]{1,2}-[0-9]{1,2}-[0-9]{4})"

_PATTERN = re.compile(
    _LEFT
    + _NOT_A_DATE
    + "(?:"
    # +966 5x xxx xxxx, 00966..., 966..., sometimes with the trunk 0 kept: +966 05...
    + rf"(?P<phone_intl>(?:\+{_SEP}?|00{_GAP})?9{_GAP}6{_GAP}6{_GAP}(?:0{_GAP})?" + _digits("5", 8) + ")"
    + "|" + "(?P<national_id>" + _digits("[12]", 9) + ")"
    + "|" + "(?P<phone_local>" + _digits("0", 0) + _GAP + _digits("5", 8) + ")"
    + "|" + "(?P<phone_short>" + _digits("5", 8) + ")"
    + ")"
    + _RIGHT
)

_KIND_OF_GROUP = {
    "phone_intl": "phone",
    "national_id": "national_id",
    "phone_local": "phone",
    "phone_short": "phone",
}

# Numbers under these keys are machine values (epoch seconds), never personal data.
_NUMERIC_KEYS_TO_KEEP = frozenset({"timestamp", "confidence", "start", "end", "id"})


@dataclass(frozen=True)
class PiiMatch:
    """One piece of personal data found in a text."""

    kind: str  # "national_id" | "phone"
    start: int
    end: int
    text: str

    @property
    def digits(self) -> str:
        return "".join(ch for ch in self.text.translate(_TO_ASCII_DIGITS) if ch.isdigit())


def find_pii(text: str) -> List[PiiMatch]:
    """Every national ID and Saudi mobile number in `text`, in order."""
    if not text:
        return []
    ascii_text = text.translate(_TO_ASCII_DIGITS)
    found = []
    for match in _PATTERN.finditer(ascii_text):
        group = match.lastgroup or ""
        found.append(
            PiiMatch(_KIND_OF_GROUP[group], match.start(), match.end(), text[match.start() : match.end()])
        )
    return found


def _kept_digit_positions(kind: str, digit_count: int) -> set:
    """Which digits (by index among the match's digits) stay visible."""
    last_two = {digit_count - 2, digit_count - 1}
    if kind == "national_id":
        return {0} | last_two
    # A phone ends with 8 subscriber digits; everything before them is the prefix.
    return set(range(digit_count - 8)) | last_two


def _mask_match(found: PiiMatch) -> str:
    ascii_text = found.text.translate(_TO_ASCII_DIGITS)
    digit_count = sum(ch.isdigit() for ch in ascii_text)
    keep = _kept_digit_positions(found.kind, digit_count)
    masked, index = [], 0
    for original, ascii_char in zip(found.text, ascii_text):
        if ascii_char.isdigit():
            masked.append(original if index in keep else "*")
            index += 1
        else:
            masked.append(original)
    return "".join(masked)


def mask_pii(text: str) -> str:
    """`text` with every national ID and phone number masked; same length as `text`.

    >>> mask_pii("هويتي 1000000008 وجوالي 0551234567")
    'هويتي 1*******08 وجوالي 05******67'
    """
    if not isinstance(text, str) or not text:
        return text
    found = find_pii(text)
    if not found:
        return text
    pieces, cursor = [], 0
    for item in found:
        pieces.append(text[cursor : item.start])
        pieces.append(_mask_match(item))
        cursor = item.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _mask_number(value: Any) -> Any:
    """An int that is a whole ID or phone (a slot set to 1000000008) becomes masked text."""
    as_text = str(value)
    masked = mask_pii(as_text)
    return value if masked == as_text else masked


def mask_pii_in(obj: Any, _key: Optional[str] = None) -> Any:
    """A copy of `obj` (dicts, lists, tuples, strings, numbers) with all personal data masked.

    Dict keys are masked too. Floats are kept: they are scores and timestamps.
    """
    if isinstance(obj, str):
        return mask_pii(obj)
    if isinstance(obj, dict):
        return {mask_pii(k) if isinstance(k, str) else k: mask_pii_in(v, k) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return type(obj)(mask_pii_in(item) for item in obj)
    if isinstance(obj, int) and not isinstance(obj, bool) and _key not in _NUMERIC_KEYS_TO_KEEP:
        return _mask_number(obj)
    return obj


def contains_pii(obj: Any) -> bool:
    """True when masking would change `obj`."""
    return mask_pii_in(obj) != obj


# --- logs -------------------------------------------------------------------------


class PiiLogFilter(logging.Filter):
    """Masks a record's final message (and traceback) before any handler writes it.

    Usable in logging configs too: `filters: {pii: {(): arabic_text.pii.PiiLogFilter}}`.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        _mask_record(record)
        return True


# Rasa's structlog JSON renderer writes non-ASCII text as \u0661-style escapes, which
# the digit patterns (and the Arabic-letter boundaries) would not see. Logs get the
# real characters back first; ASCII escapes (quotes, control characters) stay as
# they are, so JSON lines stay valid.
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def _unescape_text(message: str) -> str:
    def replace(match: "re.Match[str]") -> str:
        code = int(match.group(1), 16)
        return chr(code) if code >= 0xA0 and not 0xD800 <= code <= 0xDFFF else match.group(0)

    return _JSON_ESCAPE.sub(replace, message)


def _mask_record(record: logging.LogRecord) -> None:
    if getattr(record, "_pii_masked", False):
        return
    try:
        message = record.getMessage()
    except Exception:  # a broken format string must not hide the record
        message = str(record.msg)
    record.msg, record.args = mask_pii(_unescape_text(message)), None
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = mask_pii(record.exc_text)
    if record.stack_info:
        record.stack_info = mask_pii(record.stack_info)
    record._pii_masked = True


_installed_factory: Optional[Any] = None


def install_pii_log_filter() -> None:
    """Mask personal data in every log record of this process. Safe to call twice.

    It wraps the log-record factory, so it also covers loggers and handlers created
    later (Rasa and Sanic set theirs up after start-up), and adds `PiiLogFilter` to
    the root logger's current handlers for records made by a custom factory.
    """
    global _installed_factory
    current = logging.getLogRecordFactory()
    if current is not _installed_factory:
        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = current(*args, **kwargs)
            _mask_record(record)
            return record

        logging.setLogRecordFactory(factory)
        _installed_factory = factory
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, PiiLogFilter) for f in handler.filters):
            handler.addFilter(PiiLogFilter())
