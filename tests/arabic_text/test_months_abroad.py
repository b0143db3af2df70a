"""months_abroad: time outside the Kingdom stated in a residence answer (design.md)."""

from __future__ import annotations

import pytest

from arabic_text import months_abroad


@pytest.mark.parametrize(
    "answer, months",
    [
        ("كنت برا ٤ شهور", 4),
        ("سافرت شهرين", 2),
        ("سافرت شهر", 1),
        ("غبت خمسة شهور", 5),
        ("طلعت برا المملكة ٣ اشهر", 3),
        ("كنت في اليمن ٦ اشهر السنة اللي فاتت", 6),
        ("قعدت في مصر ٣ اسابيع", 36 / 52),
        ("سافرت اسبوعين", 24 / 52),
        ("ما سافرت", 0),
        ("ولا سافرت ابد", 0),
    ],
)
def test_time_abroad_is_read_in_months(answer, months):
    assert months_abroad(answer) == pytest.approx(months, abs=0.01)


@pytest.mark.parametrize("answer", ["ساكن بالرياض", "نعم", "", "عندي ٤ عيال"])
def test_an_answer_without_time_abroad_is_none(answer):
    assert months_abroad(answer) is None
