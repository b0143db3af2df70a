"""parse_amount, parse_count, parse_age on answers as people type them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text import parse_age, parse_amount, parse_count


@pytest.mark.parametrize(
    "answer, amount",
    [
        ("1200", 1200),
        ("١٬٢٠٠ ريال", 1200),
        ("۱۲۰۰", 1200),
        ("1,100 ريال سعودي", 1100),
        ("دخلي الف ومية", 1100),  # Gulf
        ("خمسمية وخمسين", 550),
        ("الفين", 2000),
        ("ألفين وخمسمية", 2500),
        ("3 آلاف", 3000),
        ("٣ الاف", 3000),
        ("1.5 الف", 1500),
        ("عشرة الاف", 10000),
        ("راتبي تلت تلاف", 3000),  # Egyptian/Levantine
        ("معاشي الفين ونص", 2500),
        ("مرتبي ٤٥٠٠ جنيه", 4500),
        ("تقريبا 2500.50", 2500.5),
        ("عندي ٤ عيال ودخلي ٣٠٠٠", 3000),  # the income, not the children
        ("٣ عيال وراتبي ١٥٠٠ ريال", 1500),
        ("ما عندي دخل غير ٥٠٠ من الجمعية", 500),
        ("ما عندي دخل", 0),
        ("ما في دخل", 0),
        ("لا يوجد", 0),
        ("ولا شي", 0),
        ("ولا شيء", 0),
        ("صفر", 0),
        ("مافي", 0),
        ("معنديش دخل", 0),  # Egyptian
        ("0", 0),
    ],
)
def test_parse_amount_reads_digits_words_and_none(answer, amount):
    assert parse_amount(answer) == pytest.approx(amount)


@pytest.mark.parametrize("answer", ["كثير", "ما ادري", "مدري", "😀", "", "   ", "شوي", "الاف"])
def test_parse_amount_is_none_when_nothing_readable(answer):
    assert parse_amount(answer) is None


def test_parse_amount_survives_absurd_digit_strings():
    assert parse_amount("1" * 100) == pytest.approx(float("1" * 100))
    assert parse_amount("9" * 400) is None
    assert parse_amount("٩" * 5000 + " الف") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_parse_amount_never_raises(text):
    result = parse_amount(text)
    assert result is None or result >= 0


@pytest.mark.parametrize(
    "answer, count",
    [
        ("ثلاثة", 3),
        ("٣", 3),
        ("عندي ٣ عيال", 3),
        ("ولا واحد", 0),
        ("ما عندي", 0),
        ("لا يوجد", 0),
        ("ما عندي عيال", 0),
        ("محد", 0),
        ("لا", 0),
        ("واحد", 1),
        ("وحده", 1),
        ("ولد واحد", 1),
        ("بنت وحدة", 1),
        ("ما عندي غير ولد", 1),
        ("اثنين", 2),
        ("ثنتين", 2),  # Najdi
        ("اتنين", 2),  # Egyptian / Hijazi
        ("ولدين", 2),
        ("بنتين", 2),
        ("خمس بنات", 5),
        ("عشرة", 10),
        ("عيال ثلاثة", 3),
        ("عندي ولدين وثلاث بنات", 5),
        ("زوجتي و٣ عيال", 4),
        ("٤ تابعين", 4),
        ("عندي ٦ افراد", 6),
        ("بدي قلك عندي اربع ولاد", 4),  # Levantine
    ],
)
def test_parse_count_reads_counts_of_people(answer, count):
    assert parse_count(answer) == count


@pytest.mark.parametrize("answer", ["كثير", "ما ادري", "", "عندي عيال", "2.5", "🙂"])
def test_parse_count_is_none_when_unreadable(answer):
    assert parse_count(answer) is None


@pytest.mark.parametrize(
    "answer, age",
    [
        ("عمري ٤٥", 45),
        ("45 سنة", 45),
        ("خمسة وأربعين", 45),
        ("٣٠ سنه", 30),
        ("عمري ٤٥ وعندي ٣ عيال", 45),
        ("عندي ٣ عيال وعمري ستين", 60),
        ("ثمانية وستين سنة", 68),
        ("٤٥ ونص", 45),
        ("عمري 200", 200),  # range checks belong to eligibility
    ],
)
def test_parse_age_reads_years(answer, age):
    assert parse_age(answer) == age


@pytest.mark.parametrize("answer", ["ما ادري", "", "كبير", "😀"])
def test_parse_age_is_none_when_unreadable(answer):
    assert parse_age(answer) is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_parse_count_and_parse_age_never_raise(text):
    count, age = parse_count(text), parse_age(text)
    assert count is None or (isinstance(count, int) and count >= 0)
    assert age is None or (isinstance(age, int) and age >= 0)


def test_long_inputs_are_read_quickly():
    import time

    long_text = "عندي ولد و" * 2000 + " دخلي الف ومية"
    started = time.perf_counter()
    assert parse_amount(long_text) == 1100
    assert parse_count(long_text) == 2000
    assert time.perf_counter() - started < 5
