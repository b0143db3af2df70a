"""extract_answers() and is_correction(): slot values said in passing, e.g. to correct a form."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text import extract_answers, is_correction

SLOTS = {
    "is_saudi",
    "nationality_exception",
    "resides_in_ksa",
    "dependents_count",
    "age",
    "earned_income",
    "other_income",
    "has_high_value_assets",
    "assets_value",
    "has_bank_account",
    "lives_in_care_facility",
    "has_children",
    "meets_education_health",
    "has_able_to_work_members",
    "accepts_rehabilitation",
}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("غلطت، عندي ٤ تابعين", {"dependents_count": 4}),
        ("عفوا قصدي عندي ولدين وبنت", {"dependents_count": 3, "has_children": True}),
        ("ما عندي عيال", {"has_children": False}),  # says nothing about a wife
        ("عندي خمس بنات", {"dependents_count": 5, "has_children": True}),
        ("دخلي ٣٠٠٠", {}),  # no source: read_income leaves it unclassified
        ("راتبي الفين", {"earned_income": 2000.0}),
        ("تقاعدي الف ومية ريال", {"other_income": 1100.0}),
        ("١٥٠٠ ريال", {}),
        ("ما عندي دخل", {"earned_income": 0.0, "other_income": 0.0}),
        ("عمري ٤٠", {"age": 40}),
        ("عمري خمسة وخمسين سنة", {"age": 55}),
        ("أنا سعودي", {"is_saudi": True}),
        ("انا سعودية", {"is_saudi": True}),
        ("مو سعودي", {"is_saudi": False}),
        ("غير سعودي", {"is_saudi": False}),
        ("مقيم أجنبي", {"is_saudi": False}),
        ("انا وافد", {"is_saudi": False}),
        ("عندي حساب بنكي", {"has_bank_account": True}),
        ("ما عندي حساب في البنك", {"has_bank_account": False}),
        ("عندي ايبان", {"has_bank_account": True}),
        ("انا ساكن في الرياض", {"resides_in_ksa": True}),
        ("أعيش خارج المملكة", {"resides_in_ksa": False}),
        ("عندي أرض", {"has_high_value_assets": True}),
        ("ما عندي عقارات", {"has_high_value_assets": False}),
        ("ساكنة في دار رعاية", {"lives_in_care_facility": True}),
        (
            "دخلي ٣٠٠٠ وعندي ٤ عيال",
            {"dependents_count": 4, "has_children": True},
        ),
        (
            "ما عندي دخل وعندي ٣ عيال",
            {"earned_income": 0.0, "other_income": 0.0, "dependents_count": 3, "has_children": True},
        ),
        (
            "انا سعودي عمري ٤٥ وعندي ٣ عيال وراتبي الفين",
            {"is_saudi": True, "age": 45, "dependents_count": 3, "has_children": True, "earned_income": 2000.0},
        ),
    ],
)
def test_extract_answers_finds_the_slots_a_sentence_states(sentence, expected):
    assert extract_answers(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "٤",  # a bare number is not guessed into a slot
        "شكرا",
        "زوجتي سعودية",  # about someone else
        "صار لي ٣ سنين بدون شغل",  # a duration, not an age
        "انا مقيم في جدة من زمان",  # residing, not a foreigner
        "",
    ],
)
def test_extract_answers_does_not_invent_slots(sentence):
    found = extract_answers(sentence)
    assert "is_saudi" not in found and "age" not in found and "dependents_count" not in found


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_extract_answers_only_returns_known_slots(text):
    assert set(extract_answers(text)) <= SLOTS


@pytest.mark.parametrize(
    "sentence",
    [
        "غلطت، عندي ٤ تابعين",
        "عفوا دخلي ٢٠٠٠",
        "قصدي ٣",
        "تصحيح: عمري ٤٠",
        "لا لحظة، عندي ولدين",
        "اقصد الفين",
        "صحح عدد العيال",
        "آسف، غلط",
        "sorry I meant 3",
    ],
)
def test_correction_cues_are_recognised(sentence):
    assert is_correction(sentence) is True


@pytest.mark.parametrize("sentence", ["عندي ٤ تابعين", "نعم", "لا", "دخلي ٢٠٠٠", "لحظات سعيدة", ""])
def test_plain_answers_are_not_corrections(sentence):
    assert is_correction(sentence) is False


TODAY = __import__("datetime").date(2026, 11, 29)


@pytest.mark.parametrize(
    "message, expected",
    [
        (
            "ابي افحص اهليتي، انا سعودي وساكن بالرياض وعندي ٣ عيال",  # the case
            {"is_saudi": True, "resides_in_ksa": True, "dependents_count": 3, "has_children": True},
        ),
        (
            "انا سعودي عندي زوجة و٤ عيال وراتبي ٣٠٠٠ وما عندي اي دخل ثاني",
            {
                "is_saudi": True,
                "dependents_count": 5,
                "has_children": True,
                "earned_income": 3000.0,
                "other_income": 0.0,
            },
        ),
        (
            "ساكن في الدمام، عندي ولدين وبنت، راتبي ٣ آلاف وعندي تقاعد ابوي ١٥٠٠",
            {
                "resides_in_ksa": True,
                "dependents_count": 3,
                "has_children": True,
                "earned_income": 3000.0,
                "other_income": 1500.0,
            },
        ),
        (
            "انا أرملة سعودية وعندي ٣ أطفال ودخلي من الضمان ٢٠٠٠",
            {"is_saudi": True, "dependents_count": 3, "has_children": True, "other_income": 2000.0},
        ),
        (
            "سعودي عمري ٢٥ عايش لحالي ما عندي دخل",
            {"is_saudi": True, "age": 25, "dependents_count": 0, "earned_income": 0.0, "other_income": 0.0},
        ),
        (
            "سعودية، ساكنة في جدة، مواليد ١٩٩٠، ما عندي احد اعوله",
            {"is_saudi": True, "resides_in_ksa": True, "age": 36, "dependents_count": 0},
        ),
        (
            "متقاعد وتقاعدي ٢٠٠٠ وعايش لحالي",
            {"other_income": 2000.0, "dependents_count": 0},
        ),
        (
            "انا مقيم يمني وساكن بالرياض",
            {"is_saudi": False, "resides_in_ksa": True},
        ),
        (
            "انا سعودي ساكن بالرياض ما نسكن بدار رعاية عندي زوجة و٣ عيال راتبي ٤٠٠٠ وما عندنا دخل ثاني",
            {
                "is_saudi": True,
                "resides_in_ksa": True,
                "lives_in_care_facility": False,
                "dependents_count": 4,
                "has_children": True,
                "earned_income": 4000.0,
                "other_income": 0.0,
            },
        ),
        (
            "انا وزوجتي كبار بالسن، كلنا كبار بالسن وتقاعدي ٢٠٠٠ ريال",
            {"dependents_count": 1, "has_able_to_work_members": False, "other_income": 2000.0},
        ),
        (
            "عندي مدخرات ٥٠ ألف وراتبي ٣٠٠٠",
            {"has_high_value_assets": True, "assets_value": 50000.0, "earned_income": 3000.0},
        ),
        (
            "الزوجة وثلاث عيال وكلهم بالمدارس وعندنا حساب بنكي",
            {"dependents_count": 4, "has_children": True, "meets_education_health": True, "has_bank_account": True},
        ),
        (
            "ما نسكن بدار رعاية، العيال كلهم بالمدارس وتطعيماتهم كاملة، وموافقين على التدريب",
            {
                "lives_in_care_facility": False,
                "has_children": True,
                "meets_education_health": True,
                "accepts_rehabilitation": True,
            },
        ),
        ("٤٨ ألف بالسنة", {}),  # an amount with no source fills no slot
        ("ما عندي", {}),  # may answer any question: not taken as "no income" in passing
        ("ولا احد", {}),
        ("ابي اعرف شروط الضمان", {}),
        ("ابي اتاكد من اهليتي للضمان", {}),
    ],
)
def test_a_message_with_several_facts_fills_every_slot_it_answers(message, expected):
    assert extract_answers(message, today=TODAY) == expected


FACTS = {
    "is_saudi": [("انا سعودي", True), ("انا سعودية", True), ("انا مقيم يمني", False), ("جنسيتي مصرية", False)],
    "resides_in_ksa": [("ساكن بالرياض", True), ("ساكنة في جدة", True), ("اعيش خارج المملكة", False)],
    "dependents_count": [("عندي ٣ عيال", 3), ("اعول الزوجة وثلاث عيال", 4), ("عندي ولدين وبنت", 3)],
    "earned_income": [("راتبي ٣٠٠٠", 3000.0), ("راتبي ٤٨ ألف بالسنة", 4000.0), ("راتبي ٨ ٠٠٠ ريال", 8000.0)],
    "other_income": [("تقاعد ابوي ٨٠٠", 800.0), ("الضمان ١٢٠٠", 1200.0)],
    "has_bank_account": [("عندي حساب بنكي", True), ("ما عندي حساب في البنك", False)],
    "lives_in_care_facility": [("ما نسكن بدار رعاية", False)],
}


@settings(max_examples=200, deadline=None)
@given(
    chosen=st.lists(st.sampled_from(sorted(FACTS)), min_size=2, max_size=5, unique=True).flatmap(
        lambda slots: st.tuples(*[st.sampled_from(FACTS[s]).map(lambda f, s=s: (s, f)) for s in slots])
    ),
    opening=st.sampled_from(["", "ابي افحص اهليتي، ", "السلام عليكم، "]),
    joiner=st.sampled_from(["، ", " و", " و "]),
)
def test_any_message_of_several_facts_fills_each_of_them(chosen, opening, joiner):
    text = opening + joiner.join(phrase for _, (phrase, _) in chosen)
    found = extract_answers(text)
    for slot, (_, value) in chosen:
        assert found.get(slot) == value, text
