"""Masking personal data: Saudi national IDs / iqamas, Saudi mobiles, Saudi IBANs, e-mails.

Transcripts and logs must never hold these in clear text. What counts as one, in
every way people type it, is decided in `arabic_text.pii_find`; this module hides
it. Masking keeps the text's length (each hidden character becomes "*"), so entity
offsets recorded by the NLU in the same event stay valid, and it keeps enough for a
person to recognise their own data:
- an ID keeps its first and last two digits, as `mask_national_id` does;
- a phone keeps its prefix (05 / +9665 / 9665 / 009665) and last two digits;
- an IBAN keeps "SA" and its last two digits;
- an e-mail keeps the first character of its local part and its top-level domain.
Separators between the groups (spaces, commas, bidi marks) are kept as typed.

The status lookup's answers (`SENSITIVE_SLOTS`) are masked harder: every digit,
whatever it is, because a birth date is personal data only in that context
(`mask_all_digits`, `mask_sensitive_slot_value`). Dates elsewhere stay readable.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

from arabic_text.pii_find import PiiMatch, classify_digits, find_pii, to_ascii_digits
from saudi_locale.digits import ANY_DIGIT, ANY_DIGIT_CLASS

__all__ = [
    "SENSITIVE_SLOTS",
    "PiiLogFilter",
    "PiiMatch",
    "classify_digits",
    "contains_pii",
    "find_pii",
    "install_pii_log_filter",
    "mask_all_digits",
    "mask_pii",
    "mask_pii_in",
    "mask_sensitive_slot_value",
]

# Slots whose values, and the user's text answering them, are masked digit by digit
# wherever they are kept: the status lookup's factors (issue 11; see
# rasa_extensions/event_masking.py for how "answering" is decided).
SENSITIVE_SLOTS: frozenset[str] = frozenset({"national_id", "birth_date", "registration_date"})

# Numbers under these keys are machine values (epoch seconds), never personal data.
_NUMERIC_KEYS_TO_KEEP = frozenset({"timestamp", "confidence", "start", "end", "id"})
_ALL_DIGITS = ANY_DIGIT
# What mask_national_id and mask_pii leave of an ungrouped number: "1*******08", "05******67".
_D = ANY_DIGIT_CLASS
_ALREADY_MASKED = re.compile(f"(?<![{_D}*])[{_D}]{{0,6}}\\*{{5,}}[{_D}]{{0,2}}(?![{_D}*])")


def _kept_digit_positions(kind: str, digit_count: int) -> set[int]:
    """Which digits (by index among the match's digits) stay visible."""
    last_two = {digit_count - 2, digit_count - 1}
    if kind == "national_id":
        return {0} | last_two
    if kind == "phone":  # a phone ends with 8 subscriber digits; before them is the prefix
        return set(range(digit_count - 8)) | last_two
    return last_two  # iban: the letters "SA" are not digits and stay


def _mask_email(text: str) -> str:
    local, _, domain = text.partition("@")
    labels = domain.split(".")
    hidden = [("*" * len(label)) for label in labels[:-1]] + labels[-1:]
    return local[:1] + "*" * (len(local) - 1) + "@" + ".".join(hidden)


def _mask_match(found: PiiMatch) -> str:
    if found.kind == "email":
        return _mask_email(found.text)
    ascii_text = to_ascii_digits(found.text)
    digit_count = sum("0" <= ch <= "9" for ch in ascii_text)
    keep = _kept_digit_positions(found.kind, digit_count)
    masked, index = [], 0
    for original, ascii_char in zip(found.text, ascii_text, strict=False):
        if "0" <= ascii_char <= "9":
            masked.append(original if index in keep else "*")
            index += 1
        else:
            masked.append(original)
    return "".join(masked)


def _masked_pieces(text: str, found: Iterable[PiiMatch]) -> str:
    pieces, cursor = [], 0
    for item in found:
        pieces.append(text[cursor : item.start])
        pieces.append(_mask_match(item))
        cursor = item.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def mask_pii(text: str) -> str:
    """`text` with every national ID, phone, IBAN and e-mail masked; same length as `text`.

    >>> mask_pii("هويتي 1000000008 وجوالي 0551234567")
    'هويتي 1*******08 وجوالي 05******67'
    """
    if not isinstance(text, str) or not text:
        return text
    found = find_pii(text)
    return _masked_pieces(text, found) if found else text


def mask_all_digits(text: str) -> str:
    """`text` with personal data masked as usual and every other digit replaced by "*".

    For answers to the status lookup's questions: "ميلادي 12/4/1985" -> "ميلادي **/*/****".
    An ID or phone keeps its usual mask ("1*******08"), also when it arrives already
    masked, so masking twice changes nothing. Same length as `text`.
    """
    if not isinstance(text, str) or not text:
        return text
    found = find_pii(text)
    masked = _masked_pieces(text, found) if found else text
    keep = bytearray(len(text))
    for item in found:
        keep[item.start : item.end] = b"\x01" * (item.end - item.start)
    for token in _ALREADY_MASKED.finditer(text):
        keep[token.start() : token.end()] = b"\x01" * (token.end() - token.start())
    return "".join("*" if not keep[i] and _ALL_DIGITS.match(ch) else ch for i, ch in enumerate(masked))


def mask_sensitive_slot_value(value: Any) -> Any:
    """A sensitive slot's value as it may be kept: digits masked in strings, numbers, lists."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return mask_all_digits(value)
    if isinstance(value, (int, float)):
        return mask_all_digits(str(value))
    if isinstance(value, (list, tuple)):
        return type(value)(mask_sensitive_slot_value(item) for item in value)
    if isinstance(value, dict):
        return {k: mask_sensitive_slot_value(v) for k, v in value.items()}
    return mask_all_digits(str(value))


def _mask_number(value: Any) -> Any:
    """An int that is a whole ID or phone (a slot set to 1000000008) becomes masked text."""
    as_text = str(value)
    masked = mask_pii(as_text)
    return value if masked == as_text else masked


def mask_pii_in(obj: Any, _key: str | None = None) -> Any:
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
    return bool(mask_pii_in(obj) != obj)


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
    def replace(match: re.Match[str]) -> str:
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


_installed_factory: Any | None = None


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
