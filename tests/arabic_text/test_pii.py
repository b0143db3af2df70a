"""arabic_text.pii: national IDs, Saudi mobiles, IBANs and e-mails are found and masked; nothing else is.

The exhaustive kind x script x grouping table is tests/pii_vectors.json (test_pii_vectors.py);
these are the properties around it.
"""

from __future__ import annotations

import itertools
import json
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabic_text.national_id import mask_national_id
from arabic_text.pii import (
    PiiLogFilter,
    contains_pii,
    find_pii,
    install_pii_log_filter,
    mask_pii,
    mask_pii_in,
)

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@pytest.mark.parametrize(
    "typed",
    [
        "1000000008",
        "2000000001",
        "1012345678",  # a wrong checksum is still somebody's mistyped ID
        "1000 000 008",
        "1000-000-008",
        "10 0000 0008",
        "1000000008".translate(ARABIC_INDIC),
        "1000000008".translate(PERSIAN),
        "١٠٠٠ ٠٠٠ ٠٠٨",
    ],
)
def test_national_id_in_any_digits_or_grouping_is_masked(typed):
    masked = mask_pii(f"رقم هويتي {typed} شكرا")
    assert typed not in masked
    assert masked.startswith("رقم هويتي ") and masked.endswith(" شكرا")
    assert [m.kind for m in find_pii(typed)] == ["national_id"]


@pytest.mark.parametrize(
    "typed",
    [
        "0551234567",
        "055 123 4567",
        "055-123-4567",
        "+966551234567",
        "+966 55 123 4567",
        "966551234567",
        "00966551234567",
        "00966 55 123 4567",
        "+966 0551234567",
        "551234567",
        "0551234567".translate(ARABIC_INDIC),
        "+966551234567".translate(ARABIC_INDIC),
        "٠٥٥ ١٢٣ ٤٥٦٧",
    ],
)
def test_saudi_mobile_number_in_any_written_form_is_masked(typed):
    masked = mask_pii(f"جوالي {typed}")
    assert typed not in masked
    assert [m.kind for m in find_pii(typed)] == ["phone"]


def test_masked_id_keeps_the_same_form_as_mask_national_id():
    assert mask_pii("1000000008") == mask_national_id("1000000008") == "1*******08"


def test_masked_phone_keeps_prefix_and_last_two_digits():
    assert mask_pii("0551234567") == "05******67"
    assert mask_pii("+966551234567") == "+9665******67"


def test_masking_keeps_text_length_so_entity_offsets_stay_valid():
    text = "هويتي ١٠٠٠ ٠٠٠ ٠٠٨ وجوالي +966 55 123 4567"
    assert len(mask_pii(text)) == len(text)


def test_arabic_letter_touching_the_number_does_not_protect_it():
    assert mask_pii("ورقمي0551234567") == "ورقمي05******67"
    assert mask_pii("و1000000008") == "و1*******08"


@pytest.mark.parametrize(
    "text",
    [
        "الحد 1,100 ريال و 550 لكل تابع",
        "١٬١٠٠ ريال",
        "من تاريخ 2023-11-01 الساعة 12:30",
        "2023-11-01 12",
        "صدر في 2/4/1442",
        "hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "token a1000000008b and 1000000008ab and x0551234567",
        "hmac:1000000008a55d0551234567ff",
        "12345678901 is eleven digits",
        "09876543210",
        "confidence 0.5512345678 and 3.1000000008",
        "epoch 1700000000.125",
        "3000000001",
        "0451234567",
    ],
)
def test_amounts_dates_hashes_and_other_numbers_are_left_alone(text):
    assert mask_pii(text) == text
    assert find_pii(text) == []


def test_a_number_glued_to_an_id_by_a_comma_does_not_protect_the_id():
    # "," is a group separator ("1012,345,672"), so "1000000008,5" holds a whole ID.
    assert mask_pii("1000000008,5") == "1*******08,5"


SEPARATORS = [
    ",",
    "٬",
    "،",
    ".",
    "_",
    "-",
    " ",
    "\u00a0",
    "\u2009",
    "\u202f",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u202b",
    "\u202c",
    "\u2066",
    "\u2069",
    "\n",
    " - ",
    "، ",
]


@given(
    st.from_regex(r"[12][0-9]{9}|05[0-9]{8}|(\+|00)?9665[0-9]{8}", fullmatch=True),
    st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=6),
    st.sampled_from(SEPARATORS),
    st.lists(st.sampled_from(["latin", "arabic", "persian"]), min_size=14, max_size=14),
)
def test_any_grouping_and_digit_script_of_an_id_or_mobile_is_masked(number, sizes, separator, scripts):
    digits, typed, cursor = number.lstrip("+"), "+" if number.startswith("+") else "", 0
    for size in itertools.cycle(sizes):
        if cursor >= len(digits):
            break
        chunk = "".join(
            {"latin": d, "arabic": d.translate(ARABIC_INDIC), "persian": d.translate(PERSIAN)}[scripts[cursor + k]]
            for k, d in enumerate(digits[cursor : cursor + size])
        )
        typed += (separator if cursor else "") + chunk
        cursor += size
    masked = mask_pii(f"رقمي {typed} شكرا")
    left = "".join(
        ch for ch in masked.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")) if ch.isdigit()
    )
    assert digits not in left
    assert len(left) <= len(digits) - 6, "at most the prefix and two last digits stay"


def test_masking_twice_changes_nothing_more():
    once = mask_pii("1000000008 و 0551234567 و ٩٦٦٥٥١٢٣٤٥٦٧")
    assert mask_pii(once) == once


def test_find_pii_reports_positions_kinds_and_digits():
    text = "هويتي 1000000008 وجوالي ٠٥٥١٢٣٤٥٦٧"
    found = find_pii(text)
    assert [(m.kind, text[m.start : m.end], m.digits) for m in found] == [
        ("national_id", "1000000008", "1000000008"),
        ("phone", "٠٥٥١٢٣٤٥٦٧", "0551234567"),
    ]


def test_mask_pii_in_walks_nested_dicts_lists_and_keys():
    event = {
        "text": "1000000008",
        "parse_data": {"entities": [{"entity": "national_id", "value": "1000000008", "start": 0, "end": 10}]},
        "metadata": {"from": ["+966551234567", ("0551234567",)], "0551234567": "key"},
        "slot": 1000000008,
        "timestamp": 1000000008.5,
        "flag": True,
        "none": None,
    }
    masked = mask_pii_in(event)
    assert "1000000008" not in repr({k: v for k, v in masked.items() if k != "timestamp"})
    assert "551234567" not in repr(masked)
    assert masked["parse_data"]["entities"][0]["start"] == 0
    assert masked["slot"] == "1*******08"
    assert masked["timestamp"] == 1000000008.5
    assert masked["flag"] is True and masked["none"] is None
    assert isinstance(masked["metadata"]["from"][1], tuple)
    assert event["text"] == "1000000008", "the input must not be changed in place"


def test_contains_pii_is_true_only_when_something_would_be_masked():
    assert contains_pii({"a": ["x 0551234567"]})
    assert not contains_pii({"a": ["1,100 ريال"]})


@given(st.from_regex(r"[12][0-9]{9}", fullmatch=True), st.sampled_from(["", "ب", " ", "هويتي: "]))
def test_any_ten_digit_id_never_survives_masking(digits, prefix):
    for form in (digits, digits.translate(ARABIC_INDIC), digits.translate(PERSIAN)):
        assert form not in mask_pii(prefix + form + " انتهى")


@given(st.text(alphabet="abcdef", min_size=1, max_size=3), st.from_regex(r"[12][0-9]{9}", fullmatch=True))
def test_digits_inside_hex_tokens_are_never_masked(letters, digits):
    token = letters + digits + letters
    assert mask_pii(token) == token


def test_log_filter_masks_message_arguments_and_tracebacks(caplog):
    handler_filter = PiiLogFilter()
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "user %s said %s", ("x", "0551234567"), None)
    try:
        raise ValueError("bad id 1000000008")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    handler_filter.filter(record)
    assert "0551234567" not in record.getMessage()
    assert "1000000008" not in record.exc_text
    assert "05******67" in record.getMessage()


def test_installed_log_filter_masks_records_of_loggers_made_later(caplog):
    install_pii_log_filter()
    install_pii_log_filter()  # twice is harmless
    late_logger = logging.getLogger("created.after.install")
    with caplog.at_level(logging.INFO):
        late_logger.info("message from %s with id %s", "٠٥٥١٢٣٤٥٦٧", "1000000008")
    assert "1000000008" not in caplog.text
    assert "٠٥٥١٢٣٤٥٦٧" not in caplog.text
    assert "1*******08" in caplog.text


def test_log_filter_masks_ids_inside_json_escaped_log_lines():
    # Rasa's structlog JSON renderer escapes non-ASCII text (ensure_ascii).
    line = json.dumps({"event": "processor.message", "user_message": "رقمي و١٠٠٠٠٠٠٠٠٨ وجوالي ٠٥٥١٢٣٤٥٦٧"})
    record = logging.LogRecord("rasa.core.processor", logging.DEBUG, __file__, 1, line, None, None)
    PiiLogFilter().filter(record)
    message = record.getMessage()
    assert "\\u0661\\u0660\\u0660" not in message and "١٠٠٠٠٠٠٠٠٨" not in message
    assert json.loads(message)["user_message"] == "رقمي و١*******٠٨ وجوالي ٠٥******٦٧"
