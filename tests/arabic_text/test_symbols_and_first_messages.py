"""Messages with no words (emoji, symbols, nothing) and messages that open the status
lookup by carrying a national ID."""

from __future__ import annotations

import pytest

from arabic_text.status_answers import opens_status_lookup
from arabic_text.symbols import EMPTY, SYMBOLS, WORDS, is_thanks_or_approval, message_kind


@pytest.mark.parametrize(
    "text,kind",
    [
        ("", EMPTY),
        ("   ", EMPTY),
        ("\n", EMPTY),
        ("👍", SYMBOLS),
        ("😀😀", SYMBOLS),
        ("؟؟", SYMBOLS),
        ("ok 👍", WORDS),
        ("٤", WORDS),
        ("شكرا 🙏", WORDS),
    ],
)
def test_message_kind(text, kind):
    assert message_kind(text) == kind


@pytest.mark.parametrize("text", ["👍", "👍🏽", "🙏", "🙏🙏", "❤️", "🌹 👍", "✅"])
def test_thanks_or_approval_emoji(text):
    assert is_thanks_or_approval(text)


@pytest.mark.parametrize("text", ["😀", "🤔", "😢", "👍😡", "؟", "", "شكرا"])
def test_other_symbols_are_not_thanks(text):
    assert not is_thanks_or_approval(text)


@pytest.mark.parametrize(
    "text",
    [
        "1012345672",
        "١٠١٢٣٤٥٦٧٢",
        "101 234 5672",
        "2230083160",
        "1012345672 12/4/1985",
        "رقم هويتي 1012345672 وتاريخ ميلادي 12/4/1985",
        "1012345678",  # a wrong check digit still opens the lookup, which explains it
    ],
)
def test_a_national_id_opens_the_status_lookup(text):
    assert opens_status_lookup(text)


@pytest.mark.parametrize("text", ["0551234567", "٠٥٠١٢٣٤٥٦٧", "12/4/1985", "40", "راتبي 3000", "966551234567"])
def test_phone_numbers_dates_and_amounts_do_not(text):
    assert not opens_status_lookup(text)
