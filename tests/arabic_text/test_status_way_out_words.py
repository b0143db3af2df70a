"""Readers of "I don't know" and of a plain "stop" for the status lookup."""

from __future__ import annotations

import pytest

from arabic_text.status_answers import says_dont_know, says_stop


@pytest.mark.parametrize(
    "text",
    ["مدري", "ما أدري", "ما اعرف", "ما أعرفه", "مش عارف", "ما بعرف", "مو متذكر", "نسيت", "والله ناسي", "ما اتذكر متى"],
)
def test_not_knowing_is_read_in_the_dialects(text):
    assert says_dont_know(text)


@pytest.mark.parametrize("text", ["ايوه", "12/5/1400", "اعرفه بس مو معي", "عرفت", "ابريل", "تذكرت: ١٤٠٠"])
def test_answers_and_other_replies_are_not_read_as_not_knowing(text):
    assert not says_dont_know(text)


@pytest.mark.parametrize("text", ["خلاص", "بس", "بس!", "خلاص ما ابي", "خلاص، ما أبغى", "  وقف  ", "كفاية"])
def test_a_plain_stop_is_read(text):
    assert says_stop(text)


@pytest.mark.parametrize("text", ["بس الزوجة", "خلاص سجلت في ٣/٢٠٢٤", "ما ابي اقول", "ايوه", ""])
def test_a_stop_word_inside_a_longer_message_is_not_a_stop(text):
    assert not says_stop(text)
