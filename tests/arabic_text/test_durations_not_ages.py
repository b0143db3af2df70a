"""A length of time is not an age (tester's fault: "أنا امرأة أرملة منذ ثلاث سنوات، أعول
أربعة أبناء" → «عمرك 3 سنة»). An age said in passing needs an age context."""

from __future__ import annotations

import itertools

import pytest

from arabic_text import answer_for_slot, extract_answers, parse_age

# "since / for N years" in MSA, Saudi/Gulf, Egyptian and Levantine.
DURATIONS = ["منذ", "من", "صار لي", "صارلي", "لي", "قبل", "لمدة", "من حوالي", "منذ قرابة", "خلال"]
NUMBERS = ["ثلاث", "٣", "3", "عشر", "خمسة عشر", "٢٠"]
UNITS = ["سنوات", "سنين", "سنة", "أعوام", "عاما"]
STATES = ["أنا أرملة", "مطلقة", "ساكن في الرياض", "عاطل عن العمل", "زوجي متوفى", "ما اشتغل"]


@pytest.mark.parametrize(
    ("state", "since", "number", "unit"),
    list(itertools.product(STATES, DURATIONS, NUMBERS, UNITS))[::7],
)
def test_a_duration_is_never_the_age(state, since, number, unit):
    text = f"{state} {since} {number} {unit}، أعول أربعة أبناء"
    assert "age" not in extract_answers(text), text
    assert parse_age(text) is None, text
    assert answer_for_slot("age", text) is None, text


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("عمري ٤٥", 45),
        ("انا ٤٥ سنة", 45),
        ("٤٥ سنة", 45),
        ("عندي ٤٥ سنة ومعي ٣ عيال", 45),  # Egyptian
        ("أبلغ من العمر ٦٠ عاماً", 60),  # MSA
        ("ابلغ ٦٠ عاما", 60),
        ("سني ٦٧", 67),
        ("انا عمري تقريبا ٤٠ سنة", 40),
        ("انا ارملة عمري ٥٠ سنة ومن ٣ سنين توفى زوجي", 50),
        ("من ٣ سنين توفى زوجي وانا عمري ٥٠", 50),
    ],
)
def test_an_age_in_an_age_context_is_read(text, age):
    assert extract_answers(text).get("age") == age
    assert parse_age(text) == age


@pytest.mark.parametrize(
    "text",
    ["أرملة ٣ سنوات", "ساكن هنا ٢٠ سنة", "ولدي عمره ١٠ سنين", "اشتغلت بالشركة ١٥ سنة"],
)
def test_years_in_passing_without_an_age_context(text):
    assert "age" not in extract_answers(text)
