"""parse_yes_no(): dialect yes/no, negation read before yes words, hedges left undecided."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text import parse_yes_no

YES = [
    "نعم",
    "ايوه",
    "ايوا",
    "اي",
    "ايه",
    "إيه",
    "اكيد",
    "أكيد",
    "صح",
    "طبعا",
    "طبعاً",
    "اه",
    "آه",
    "أيوة",
    "yes",
    "Yes!",
    "ok",
    "OK",
    "تمام",
    "بلى",
    "صحيح",
    "عندي",
    "/affirm",
    "ايييوه",
    "ايه عندي",
    "اي والله",
    "نعم عندي حساب",
    "أكيد عندي",
    "ماشي",
    "اوكي",
    "👍",
    "ايوه موجود",
    "أجل",
    "يوجد",
    "إي نعم",
    "ما عندي مانع",
    "لا مانع",
    "ما يخالف",
    "مافي مشكلة",
    "لا بأس",
    "معنديش مانع",  # "I don't mind"
]
NO = [
    "لا",
    "لأ",
    "لاء",
    "ابد",
    "أبداً",
    "مو",
    "مب",
    "مش",
    "ما عندي",
    "ماعندي",
    "ما في",
    "مافي",
    "كلا",
    "no",
    "NO",
    "لا والله",
    "/deny",
    "مو صحيح",
    "لا ما عندي",
    "والله ما عندي",
    "ايه ما عندي",
    "اكيد لا",
    "لا طبعا",
    "لا يوجد",
    "ما عندي حساب بنكي",
    "معنديش",  # Egyptian
    "مش موجود",
    "مهوب صحيح",
    "لا يا اخوي",
    "👎",
    "nope",
    "لست موافقا",
]
UNCLEAR = [
    "ما ادري",
    "مدري",
    "يمكن",
    "ممكن",
    "ربما",
    "مش عارف",
    "مو متأكد",
    "الله اعلم",
    "لا، عندي",
    "ما",
    "كم",
    "",
    "   ",
    "😀",
    "السلام عليكم",
]


@pytest.mark.parametrize("answer", YES)
def test_yes_answers_are_true(answer):
    assert parse_yes_no(answer) is True


@pytest.mark.parametrize("answer", NO)
def test_no_answers_are_false(answer):
    assert parse_yes_no(answer) is False


@pytest.mark.parametrize("answer", UNCLEAR)
def test_unclear_or_mixed_answers_are_none(answer):
    assert parse_yes_no(answer) is None


@pytest.mark.parametrize("yes_word", ["صحيح", "صح", "موجود", "عندي"])
@pytest.mark.parametrize("negator", ["مو", "ما", "مش", "مب"])
def test_a_negator_before_a_yes_word_makes_a_no(negator, yes_word):
    assert parse_yes_no(f"{negator} {yes_word}") is False


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_parse_yes_no_never_raises_and_returns_a_bool_or_none(text):
    assert parse_yes_no(text) in (True, False, None)


# Not understanding the question, in several dialects: neither yes nor no. "ما فهمت وش
# تقصد" was read as a no, because "ما" negates, and recorded the applicant as not Saudi.
CONFUSED = [
    "ما فهمت وش تقصد",
    "مافهمت",
    "ما فهمتك يا اخوي",
    "مش فاهم قصدك",
    "مو فاهمه السؤال",
    "لم أفهم السؤال",
    "يعني إيش؟",
    "تقصد ايه بالظبط",
    "شو قصدك",
    "لا، ما فهمت",
    "I dont understand",
]


@pytest.mark.parametrize("answer", CONFUSED)
def test_not_understanding_the_question_is_neither_yes_nor_no(answer):
    assert parse_yes_no(answer) is None


@pytest.mark.parametrize("slot", ["is_saudi", "resides_in_ksa", "has_bank_account", "has_children"])
@pytest.mark.parametrize("answer", CONFUSED[:5])
def test_not_understanding_fills_no_yes_no_slot(slot, answer):
    from arabic_text.slots import answer_for_slot

    assert answer_for_slot(slot, answer) is None
