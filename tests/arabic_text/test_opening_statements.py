"""Long opening messages that state the whole situation at once (MSA and dialects): every
fact said is read, so the eligibility check asks only what is missing."""

from __future__ import annotations

import pytest

from arabic_text import extract_answers, lexicon
from arabic_text.matching import accusative_base, bare

CASES = [
    (
        "السلام عليكم ورحمة الله، أنا مواطن سعودي مقيم في المملكة، متزوج ولدي ثلاثة أبناء في المدارس، "
        "راتبي ٣٠٠٠ ريال ولا أملك أصولًا، هل أستحق الضمان؟",
        {
            "is_saudi": True,
            "resides_in_ksa": True,
            "dependents_count": 4,
            "has_children": True,
            "meets_education_health": True,
            "earned_income": 3000,
            "has_high_value_assets": False,
        },
    ),
    (
        "السلام عليكم انا سعودي ساكن بالرياض متزوج وعندي ٣ عيال كلهم يدرسون، راتبي ثلاث الاف "
        "وما عندي املاك ولا عقارات، هل استاهل الضمان؟",
        {
            "is_saudi": True,
            "resides_in_ksa": True,
            "dependents_count": 4,
            "has_children": True,
            "earned_income": 3000,
            "has_high_value_assets": False,
        },
    ),
    (
        "السلام عليكم، انا مواطن سعودي عمري ٣٠ سنة، عايش لحالي في الدمام، ما اشتغل وما عندي دخل ابدا، "
        "ولا املك شي، عندي حساب بنكي، هل يحق لي الضمان؟",
        {
            "is_saudi": True,
            "resides_in_ksa": True,
            "dependents_count": 0,
            "age": 30,
            "earned_income": 0,
            "other_income": 0,
            "has_high_value_assets": False,
            "has_bank_account": True,
        },
    ),
    (
        "السلام عليكم بدي اسأل انا سعودي وساكن بالمملكة، معي مرتي و٣ ولاد بالمدرسة، ما عندي بيت ملك "
        "ولا سيارة تانية، بستحق الضمان؟",
        {
            "is_saudi": True,
            "resides_in_ksa": True,
            "dependents_count": 4,
            "has_children": True,
            "has_high_value_assets": False,
        },
    ),
    (
        "أنا أرملة سعودية أقيم في المملكة ولدي خمسة أبناء، أتقاضى معاشاً تقاعدياً عن زوجي قدره ٢٠٠٠ ريال، "
        "ولا أملك عقارات أو أرصدة، ولدي حساب بنكي، فهل أستحق؟",
        {
            "is_saudi": True,
            "resides_in_ksa": True,
            "dependents_count": 5,
            "has_children": True,
            "other_income": 2000,
            "has_high_value_assets": False,
            "has_bank_account": True,
        },
    ),
    (
        "انا سعودي مقيم بالسعودية ومتزوج وعندي ٢ اطفال، دخلي ٤٠٠٠ شهري، ما عندي اصول ولا املاك، هل انا مستحق؟",
        {
            "is_saudi": True,
            "resides_in_ksa": True,
            "dependents_count": 3,
            "has_children": True,
            "has_high_value_assets": False,
        },
    ),
    (
        "السلام عليكم. أنا مواطنة سعودية مقيمة في المملكة، لا أعمل، زوجي متوفى، ولدي ثلاث بنات يدرسن "
        "في المدارس، لا نملك أي أصول، ولا يوجد لنا دخل سوى الضمان، هل نستحق؟",
        {
            "is_saudi": True,
            "resides_in_ksa": True,
            "dependents_count": 3,
            "has_children": True,
            "earned_income": 0,
            "has_high_value_assets": False,
        },
    ),
    (
        "مساء الخير، انا مصري متزوج من سعودية وعندي منها ٤ اولاد، مقيم في المملكة، راتبي ٢٥٠٠، "
        "ما عندي ممتلكات، هل اقدر اقدم؟",
        {
            "is_saudi": False,
            "resides_in_ksa": True,
            "dependents_count": 5,
            "earned_income": 2500,
            "has_high_value_assets": False,
        },
    ),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_every_fact_of_a_long_opening_message_is_read(text, expected):
    found = extract_answers(text)
    assert {slot: found.get(slot) for slot in expected} == expected


@pytest.mark.parametrize(
    "text,dependents",
    [
        ("زوجي متوفى وعندي ولدين", 2),
        ("توفي زوجي ولدي ثلاث بنات", 3),
        ("انا ارمله واعيش مع ٤ عيال، اخذ تقاعد زوجي", 4),
        ("عندي زوجتي و٣ عيال", 4),
    ],
)
def test_a_person_named_as_dead_is_not_a_dependent(text, dependents):
    assert extract_answers(text).get("dependents_count") == dependents


@pytest.mark.parametrize(
    "text",
    ["ولا أملك أصولًا", "لا املك شيئاً", "ما نملك شي", "ما عندي ممتلكات", "ما عندي سيارة تانية"],
)
def test_owning_nothing_is_no_high_value_assets(text):
    assert extract_answers(text).get("has_high_value_assets") is False


def test_msa_accusative_ending_is_read_as_the_word():
    assert accusative_base("اصولا") == "اصول"
    assert bare("عقارا", {"عقار"}) == "عقار"


@pytest.mark.parametrize("word", ["جدا", "اما", "عما", "ابا"])
def test_short_words_ending_in_alef_are_not_people(word):
    assert accusative_base(word) is None
    assert bare(word, lexicon.DEPENDENT_NOUNS) is None


def test_very_is_not_a_grandfather():
    assert extract_answers("دخلنا قليل جداً وعندي ولدين").get("dependents_count") == 2
