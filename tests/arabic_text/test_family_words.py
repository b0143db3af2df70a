"""Wife, husband and children in every dialect, with the conjunction glued to the count
(tester's fault: "ساكن مع مرتي و٤ ولاد" → 4 dependents instead of 5)."""

from __future__ import annotations

import itertools

import pytest

from arabic_text import extract_answers, parse_count

# Spouse words: Saudi/Gulf, Levantine, Egyptian, MSA.
SPOUSES = ["زوجتي", "الزوجة", "مرتي", "مراتي", "حرمتي", "الحرمة", "المدام", "الجماعة", "أم العيال", "جوزي", "زوجي"]
# Children: (plural word, said after a number).
CHILDREN = ["عيال", "ولاد", "أولاد", "اطفال", "أبناء", "بنات", "بزران", "بزورات", "صبيان"]
NUMBERS = [("٤", 4), ("4", 4), ("۳", 3), ("ثلاث", 3), ("خمسة", 5)]
OPENINGS = ["عندي", "ساكن مع", "عايشة مع", "أعول", "انا و"]
JOINS = [" و", " و "]


@pytest.mark.parametrize(
    ("opening", "spouse", "join", "number", "children"),
    list(itertools.product(OPENINGS, SPOUSES, JOINS, NUMBERS[:3], CHILDREN[:5]))[::3]
    + list(itertools.product(OPENINGS[:2], SPOUSES, JOINS[:1], NUMBERS[3:], CHILDREN[5:])),
)
def test_spouse_and_counted_children(opening, spouse, join, number, children):
    typed, count = number
    text = f"{opening}{'' if opening.endswith('و') else ' '}{spouse}{join}{typed} {children}"
    assert extract_answers(text).get("dependents_count") == count + 1, text
    assert extract_answers(text).get("has_children") is True, text
    assert parse_count(text) == count + 1, text


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ساكن مع مرتي و٤ ولاد", 5),
        ("عندي جوزي وولادي الاربعة", 5),
        ("عيالي ٣ وامهم", 4),
        ("عندي بناتي الثلاث وامهم", 4),
        ("عندي زوجه و٣ بنات و٢ صبيان", 6),
        ("عندي ٤ اطفال وزوجتي", 5),
        ("عندي حرمتي وبنتين", 3),
    ],
)
def test_family_lists(text, count):
    assert extract_answers(text).get("dependents_count") == count
    assert parse_count(text) == count


def test_living_with_is_not_help_from():
    # "مع" names whom one lives with; only "من" names whom money comes from.
    assert extract_answers("ساكن مع مرتي").get("dependents_count") == 1
    assert extract_answers("٥٠٠ من اخوي").get("dependents_count") is None


def test_dead_egyptian_husband_is_not_a_dependent():
    assert parse_count("جوزي متوفي وعندي ٣ عيال") == 3


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # The dead person's neutral word must not kill the children named before it when
        # the person reading runs again (it did: "عندي ٣ عيال وزوجي متوفي" read nothing).
        ("عندي ٣ عيال وزوجي متوفي", 3),
        ("عندي ٣ عيال وجوزي متوفي", 3),
        ("عندي مرتي و ٣ عيال وامهم متوفية", 4),
        ("أنا أرملة، زوجي متوفى وعندي أربعة أولاد", 4),
    ],
)
def test_a_dead_parent_leaves_the_children_counted(text, count):
    assert extract_answers(text).get("dependents_count") == count
    assert parse_count(text) == count
