"""An amount followed by "من" + a source is that source's income: "دخلي ٢٨٠٠ من شغلي" is earned."""

import pytest

from arabic_text import extract_answers
from arabic_text.income import read_income


@pytest.mark.parametrize(
    "text",
    [
        "دخلي ۲۸۰۰ من شغلي",
        "دخلي ٢٨٠٠ من عملي",
        "دخلي ٢٨٠٠ من الشغل",
        "دخلي ٢٨٠٠ ريال من شغلي",
        "الدخل ٢٨٠٠ من وظيفتي",
    ],
)
def test_income_from_my_work_is_earned(text):
    reading = read_income(text)
    assert reading.earned_sar == 2800 and not reading.unclassified_items
    assert extract_answers(text)["earned_income"] == 2800


@pytest.mark.parametrize("text", ["دخلي ٢٨٠٠ من اخوي", "دخلي ٢٨٠٠ من التقاعد"])
def test_income_from_others_or_a_pension_stays_other(text):
    assert extract_answers(text)["other_income"] == 2800


def test_income_without_a_source_stays_unclassified():
    assert read_income("دخلي ٢٨٠٠").unclassified_sar == 2800
