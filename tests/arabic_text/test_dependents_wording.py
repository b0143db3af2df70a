"""Counting dependents when the wording is ambiguous: MSA "ولدي" (= "and I have") against
Gulf "ولدي" (my son), the wife in every dialect, and ages that belong to someone else."""

import pytest

from arabic_text import extract_answers, parse_age, parse_count


@pytest.mark.parametrize(
    "text, expected",
    [
        ("متزوج ولدي أربعة أبناء ولدي حساب بنكي", 5),
        ("ولدي ثلاثة أطفال", 3),
        ("ولدي ٣ بنات وزوجة", 4),
        ("عندي ولدي وبنتي وزوجتي", 3),
        ("انا وزوجتي وولدي", 2),
        ("ولدي عمره ٥", 1),
        ("عندي ولدي وبنتي", 2),
    ],
)
def test_waladi_is_and_i_have_before_a_count_or_noun_and_my_son_as_a_person(text, expected):
    assert parse_count(text) == expected


@pytest.mark.parametrize("text", ["ولدي حساب بنكي", "ولدي سيارة", "ولدي راتب تقاعد"])
def test_waladi_before_a_thing_names_no_child(text):
    answers = extract_answers(text)
    assert "dependents_count" not in answers
    assert answers.get("has_children") is not True


@pytest.mark.parametrize(
    "text, expected",
    [
        ("مراتي و٣ عيال", 4),
        ("المدام و٣ اولاد", 4),
        ("مراتي وعيالي التلاتة", 4),
        ("مراتي بس", 1),
        ("مرتي و٢ بنات", 3),
        ("مدامتي وولدين", 3),
        ("حرمتي و٤ عيال", 5),
        ("الزوجة و٣ اطفال", 4),
        ("أم العيال و٣ عيال", 4),
        ("ام عيالي وخمس بنات", 6),
    ],
)
def test_wife_words_of_every_dialect_count_one(text, expected):
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("مراتي و٣ عيال", 4),
        ("عندي المدام و٣ اولاد", 4),
        ("متزوج ولدي أربعة أبناء", 5),
        ("مراتي بس", 1),
        ("زوجتي فقط.", 1),
    ],
)
def test_extract_answers_counts_the_wife_and_children(text, expected):
    assert extract_answers(text)["dependents_count"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "عندي ٣ اطفال صغار اكبرهم ٥ سنين",
        "عندي ٤ عيال اصغرهم سنتين",
        "ولدي عمره ٥",
        "بنتي عمرها ٧ سنين",
        "عيالي عمرهم ١٠ و١٢",
        "عندي بنت ٣ سنوات",
    ],
)
def test_an_age_of_someone_else_is_not_the_applicants(text):
    assert "age" not in extract_answers(text)
    assert parse_age(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("عمري ٤٥ وعندي ٣ عيال", 45),
        ("انا ٥٠ سنة وعندي ٣ اطفال اكبرهم ٥ سنين", 50),
        ("عمري ٣٨ وبنتي عمرها ١٠", 38),
    ],
)
def test_the_applicants_own_age_is_still_read_beside_a_childs(text, expected):
    assert extract_answers(text)["age"] == expected
    assert parse_age(text) == expected


@pytest.mark.parametrize("text", ["ولدي يشتغل", "ولدي يعطيني ٥٠٠", "ولدي عمره ١٢"])
def test_waladi_before_a_verb_or_an_age_is_my_son(text):
    assert extract_answers(text).get("has_children") is True


def test_only_my_wife_followed_by_more_words_is_not_a_complete_list():
    assert "dependents_count" not in extract_answers("زوجتي بس تشتغل")
