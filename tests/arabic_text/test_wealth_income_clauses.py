"""An amount belongs to the clause it is said in: the value of wealth never takes an income
amount said in the same message, and income never takes the value of wealth, in either
order and in every dialect (tester's fault: "تقاعدي ٩٠٠ وعندي مدخرات ٢٤٠٠" → 3300)."""

from __future__ import annotations

import itertools

import pytest

from arabic_text import answer_for_slot, extract_answers, read_income

# (clause, side, SAR per month): income stated in Saudi, Gulf, Egyptian, Levantine and MSA.
INCOME = [
    ("تقاعدي ٩٠٠", "other_income", 900.0),
    ("راتبي ٢٠٠٠", "earned_income", 2000.0),
    ("معاش التقاعد ١٥٠٠", "other_income", 1500.0),
    ("ايجار المحل ٧٠٠", "other_income", 700.0),
    ("مرتبي ٣٠٠٠ جنيه", "earned_income", 3000.0),
    ("أتقاضى راتباً قدره 2500 ريال", "earned_income", 2500.0),
    ("الضمان ١٢٠٠", "other_income", 1200.0),
]
# (clause, value in SAR): wealth beyond the home and one car.
WEALTH = [
    ("عندي مدخرات ٢٤٠٠", 2400.0),
    ("عندي ارض قيمتها ١٢٠ الف", 120000.0),
    ("عندي فلوس بالبنك ٢٠ الف", 20000.0),
    ("عندي ذهب بحوالي ٣٠ الف", 30000.0),
    ("عندي اسهم ب ١٥ الف", 15000.0),
    ("معي سيارة تانية حقها ٤٠ الف", 40000.0),
    ("أملك مدخرات تبلغ 8000 ريال", 8000.0),
]
JOINS = [" و", " و ", "، و", "، ", ". "]


def _glue(first: str, join: str, second: str) -> str:
    # "وعندي", "ومعي": the conjunction glued to the next clause's first word, as typed.
    return f"{first}{join}{second}"


@pytest.mark.parametrize(
    ("income", "wealth", "join", "income_first"),
    [(i, w, j, o) for i, w, j, o in itertools.product(INCOME, WEALTH, JOINS[:3], (True, False))],
)
def test_each_amount_stays_in_its_clause(income, wealth, join, income_first):
    (income_text, side, monthly), (wealth_text, value) = income, wealth
    text = _glue(income_text, join, wealth_text) if income_first else _glue(wealth_text, join, income_text)
    found = extract_answers(text)
    assert found.get("has_high_value_assets") is True, text
    assert found.get("assets_value") == value, text
    assert found.get(side) == monthly, text
    reading = read_income(text)
    assert reading is not None
    assert reading.unclassified_sar is None, text
    assert sum(item.monthly_sar for item in reading.items) == monthly, text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("تقاعدي ٩٠٠ وعندي مدخرات ٢٤٠٠", 2400.0),
        ("راتبي ٢٠٠٠ وعندي ارض قيمتها ١٢٠ الف", 120000.0),
        ("راتبي 2000 ومدخراتي 50 الف", 50000.0),
        ("مدخرات ٥٠ الف وارض ٣٠٠ الف", 350000.0),
        ("٥٠ الف مدخرات", 50000.0),
    ],
)
def test_assets_question_takes_only_the_wealth_amount(text, value):
    assert answer_for_slot("assets_value", text) == value


@pytest.mark.parametrize(
    ("text", "side", "monthly"),
    [
        # The wealth pair "فلوس بالبنك" is not the generic income word "فلوس".
        ("راتبي ٣٠٠٠ وفلوس بالبنك ٢٠ الف", "earned_income", 3000.0),
        ("راتبي ٢٠٠٠ ومدخراتي ٥٠ الف", "earned_income", 2000.0),
        # Rent of a building is income; the building's value is not said.
        ("عندي عمارة ايجارها ٥٠٠٠ بالشهر", "other_income", 5000.0),
    ],
)
def test_income_never_takes_the_value_of_wealth(text, side, monthly):
    found = extract_answers(text)
    assert found.get(side) == monthly
    assert found.get("has_high_value_assets") is True
    reading = read_income(text)
    assert reading is not None and reading.unclassified_sar is None


def test_rent_amount_is_not_the_buildings_value():
    assert "assets_value" not in extract_answers("عندي عمارة ايجارها ٥٠٠٠ بالشهر")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A relative's wealth ("وعنده ارض") is the household's, and its own clause.
        ("تقاعد ابوي ١٥٠٠ وعنده ارض ب ٢٠٠ الف", {"other_income": 1500.0, "assets_value": 200000.0}),
        # The source after the amount and its period: "٣٠٠٠ بالشهر من الشغل".
        ("عندي مدخرات ٢٠ الف وبطلع ٣٠٠٠ بالشهر من الشغل", {"earned_income": 3000.0, "assets_value": 20000.0}),
        ("دخلي ٢٨٠٠ بالشهر من شغلي", {"earned_income": 2800.0}),
        ("الراتب ٥٠٠٠ والرصيد بالبنك ١٠ الاف", {"earned_income": 5000.0, "assets_value": 10000.0}),
        ("راتبي ٤ الاف وعندي سيارتين قيمتهم ٩٠ الف", {"earned_income": 4000.0, "assets_value": 90000.0}),
    ],
)
def test_more_clause_orders(text, expected):
    found = extract_answers(text)
    assert {slot: found.get(slot) for slot in expected} == expected


def test_nobody_works_but_me_is_not_a_denial_of_work():
    assert extract_answers("ما احد يشتغل غيري").get("earned_income") is None
    assert extract_answers("ما احد يشتغل").get("earned_income") == 0.0
