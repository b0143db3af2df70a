"""Restated answers: a nationality said instead of yes/no, and any nationality adjective
understood by its shape, not from a list of cases (issue 10, point 3)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text import answer_for_slot, extract_answers
from arabic_text.nationality import KNOWN, has_nisba_shape


@pytest.mark.parametrize(
    "answer",
    [
        "سعودي",
        "سعودية",
        "سعوديه",
        "أنا سعودي",
        "انا سعودي الجنسية",
        "سعودي الجنسية",
        "ايوه انا سعودية",
        "طبعا سعودي",
        "نعم سعودي",
        "مواطن",
        "مواطنة سعودية",
        "أنا مواطن سعودي",
        "سعوديين",
        "انا من السعودية",
        "سعودي بس ساكن برا",
    ],
)
def test_saying_saudi_is_yes(answer):
    assert answer_for_slot("is_saudi", answer) is True


@pytest.mark.parametrize(
    "answer",
    [
        "انا مقيم يمني",
        "مصري",
        "جنسيتي سورية",
        "غير سعودي",
        "غير سعودية",
        "لا مو سعودي",
        "ماني سعودي",
        "انا اردنية",
        "سوداني",
        "من الجنسية الهندية",
        "باكستاني الجنسية",
        "مقيم",
        "مقيمة",
        "وافد",
        "أجنبي",
        "انا بدون",
        "تشادي",
        "اثيوبية",
        "انا من اليمن",
        "انا من مصر",
        "لا انا يمني",
        "يمنية مقيمة بالرياض",
        "امي سعودية وانا اردني",
        "ام سعودية وانا اردني",
        "فلبينية",
        "الجنسية: مصرية",
        "انا فلسطيني",
        "بنغلاديشي",
        "موريتانية",
        "جزائري",
        "إماراتي",
        "والله مغربي",
        "مقيم نظامي",
    ],
)
def test_any_other_nationality_is_no(answer):
    assert answer_for_slot("is_saudi", answer) is False


@pytest.mark.parametrize(
    "answer",
    # None of these is in the known list: the nisba shape (stem + ي / ية / يين) decides.
    [
        "برازيلي",
        "نمساوية",
        "ارجنتيني",
        "جنسيتي كوبية",
        "انا اسباني",
        "هولندي الجنسية",
        "مقيم برازيلي",
        "بيلاروسي",
        "من الجنسية البرتغالية",
    ],
)
def test_an_unlisted_nationality_is_read_by_its_shape(answer):
    assert not any(word in KNOWN for word in answer.replace("ة", "ه").split())
    assert answer_for_slot("is_saudi", answer) is False


@pytest.mark.parametrize("answer", ["انا عسكري", "انا عادي", "انا موظف حكومي", "انا مقيم في الرياض", "شكرا"])
def test_words_of_the_same_shape_that_are_not_nationalities_say_nothing(answer):
    assert answer_for_slot("is_saudi", answer) is None


@pytest.mark.parametrize("word", ["عندي", "راتبي", "عسكري", "حكومي", "اجتماعي", "شهري"])
def test_common_words_ending_in_ya_are_not_nationalities(word):
    assert not has_nisba_shape(word)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("ابي افحص اهليتي، انا مقيم يمني", False),
        ("انا مصري وساكن بجدة", False),
        ("جنسيتي برازيلية", False),
        ("أنا سعودية وعندي ٣ عيال", True),
        ("زوجتي سعودية", None),  # someone else's nationality
        ("امي سعودية", None),
        ("انا مقيم في جدة من زمان", None),  # residing, not an expatriate
        ("انا برازيلي وساكن بجدة", False),  # "انا" + a nationality-shaped word
        ("انا عربي", None),  # not a nationality
        ("انا عسكري متقاعد", None),
        ("انا وزوجتي كبار بالسن", None),
        ("انا ابي افحص اهليتي", None),
    ],
)
def test_extract_answers_reads_nationality_in_a_sentence(sentence, expected):
    assert extract_answers(sentence).get("is_saudi") is expected


@pytest.mark.parametrize("answer", ["كفاية", "يا حبيبي", "الغي", "شوية", "خليني", "ساعدني", "عادي"])
def test_one_word_replies_that_are_not_nationalities_say_nothing(answer):
    assert answer_for_slot("is_saudi", answer) is None


# Countries missing from nationality.KNOWN: their adjectives are read by shape alone.
UNLISTED_STEMS = [
    "برازيل",
    "ارجنتين",
    "اسبان",
    "هولند",
    "سويد",
    "نرويج",
    "بولند",
    "روس",
    "اوكران",
    "يونان",
    "كوب",
    "مكسيك",
    "تشيل",
    "كولومب",
    "فنزويل",
    "كور",
    "فيتنام",
    "تايلند",
    "كمبود",
]
FRAMES = ["{}", "انا {}", "جنسيتي {}", "{} الجنسية", "انا مقيم {}", "لا انا {}", "من الجنسية ال{}"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(UNLISTED_STEMS), st.sampled_from(["ي", "ية", "يه"]), st.sampled_from(FRAMES))
def test_any_nationality_adjective_in_a_frame_is_not_saudi(stem, ending, frame):
    assert answer_for_slot("is_saudi", frame.format(stem + ending)) is False


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["سعودي", "سعودية", "سعوديه"]), st.sampled_from([*FRAMES[:4], "ايوه {}", "نعم {}"]))
def test_saudi_in_any_frame_is_yes(word, frame):
    assert answer_for_slot("is_saudi", frame.format(word)) is True
