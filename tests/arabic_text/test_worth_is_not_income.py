"""What something owned is worth is wealth, never a monthly income (new-user probe,
2026-12-06: «ايه الدكان نفسه ملكي قيمته تقريبا مية وعشرين الف» to the wealth question
recorded 120,000 SAR a month of income from work)."""

from __future__ import annotations

import pytest

from arabic_text import answer_for_slot, extract_answers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ايه الدكان نفسه ملكي قيمته تقريبا مية وعشرين الف", 120000),
        ("ايه دكان قيمته ١٢٠ الف ريال", 120000),
        ("عندنا محل تجاري يسوى ٢٠٠ الف", 200000),
        ("المزرعة سعرها ٥٠٠ الف", 500000),
    ],
)
def test_a_worth_is_wealth_not_income(text, value):
    found = extract_answers(text)
    assert "earned_income" not in found and "other_income" not in found
    assert found["has_high_value_assets"] is True and found["assets_value"] == value
    assert answer_for_slot("has_high_value_assets", text) is True


def test_income_beside_a_worth_keeps_only_the_income():
    found = extract_answers("لا مو صحيح، الراتب ٣٥٠٠ بس والدكان قيمته ١٢٠ الف هذا مو دخل")
    assert found["earned_income"] == 3500 and "other_income" not in found
    assert found["assets_value"] == 120000


@pytest.mark.parametrize(
    ("text", "earned", "other"),
    [("راتبي من الدكان ٣٠٠٠", 3000, None), ("ايجار الدكان ٢٠٠٠ بالشهر", None, 2000)],
)
def test_income_from_a_shop_is_still_income(text, earned, other):
    found = extract_answers(text)
    assert found.get("earned_income") == earned and found.get("other_income") == other
