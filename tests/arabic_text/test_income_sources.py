"""read_income: several amounts in one answer, each with its source, split into income
from work (earned) and other income (issue 10, point 3)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text import IncomeReading, read_income


def sides(text):
    reading = read_income(text)
    return None if reading is None else (reading.earned_sar, reading.other_sar, reading.unclassified_sar)


@pytest.mark.parametrize(
    "answer, earned, other",
    [
        ("راتبي ١٥٠٠ وتقاعد ابوي ٨٠٠", 1500, 800),  # the case: the pension was dropped
        ("راتبي ١٥٠٠ وعندي تقاعد ابوي ٨٠٠", 1500, 800),
        ("راتبي ١٥٠٠ تقاعد ٨٠٠", 1500, 800),
        ("١٥٠٠ راتب و٨٠٠ تقاعد", 1500, 800),
        ("١٥٠٠ راتب ٨٠٠ تقاعد", 1500, 800),
        ("٣٠٠٠ راتب و١٠٠٠ ايجار", 3000, 1000),
        ("راتب زوجتي ٤٠٠٠ وحساب المواطن ٥٠٠", 4000, 500),
        ("الضمان ٩٠٠ والإيجار ٥٠٠ وراتبي ٢٠٠٠", 2000, 1400),
        ("الراتب ٧٠٠٠ والتأمينات ١٠٠٠", 7000, 1000),
        ("حساب المواطن ٧٠٠ وراتبي ٣ الاف", 3000, 700),
        ("تقاعد ابوي ٤ آلاف وعندي محل يجيب ٢٠٠٠", 2000, 4000),
        ("راتبي ٥ آلاف وتقاعد امي ٢٠٠٠ وحساب المواطن ٣٠٠", 5000, 2300),
        ("تقاعدي ٣٦ الف سنويا وراتب زوجتي ٢٠٠٠", 2000, 3000),
        ("راتبي ٢٠٠٠ وراتب زوجتي ١٥٠٠", 3500, None),
        ("زوجتي راتبها ٣٠٠٠ وانا ٢٠٠٠", 5000, None),  # "and I 2000": the same source again
        ("اخوي يعطيني ٥٠٠ وابوي ٣٠٠", None, 800),
    ],
)
def test_amounts_are_split_by_source(answer, earned, other):
    assert sides(answer)[:2] == (earned, other)


@pytest.mark.parametrize(
    "answer, kind",
    [
        ("راتبي ٣٠٠٠", "salary"),
        ("عندي راتب ٥٠٠٠ ريال", "salary"),
        ("مرتبي ٤٥٠٠", "salary"),
        ("اجري ٢٠٠٠", "wage"),
        ("أشتغل بمحل ودخلي منه ٣ آلاف", "business"),
        ("أشتغل سواق توصيل ودخلي ١٠٠ ريال يومياً", "freelance"),
        ("شغل حر ٢٠٠٠ بالشهر", "freelance"),
        ("تجارتي تجيب ٤٠٠٠", "business"),
        ("تقاعد ٤٠٠٠", "pension"),
        ("راتب التقاعد ٤٠٠٠", "pension"),  # a "salary" word that names the pension
        ("معاش التقاعد ٣٠٠٠", "pension"),
        ("معاش تقاعدي ٣٠٠٠", "pension"),
        ("تأمينات ١٨٠٠", "social_insurance"),
        ("التأمينات الاجتماعية تصرف لي ١٨٠٠", "social_insurance"),
        ("الضمان الاجتماعي ١٢٠٠", "social_security"),
        ("دخلي كله من الضمان ١٢٠٠", "social_security"),
        ("ايجار بيت ابوي ٨٠٠ بالشهر", "rent"),
        ("ايجار محل ١٥٠٠", "rent"),
        ("مساعدة من اخوي ٧٠٠", "help"),
        ("اخوي يساعدني بـ ٥٠٠", "help"),
        ("٥٠٠ من اخوي", "help"),
        ("أبوي يعطيني ٣٠٠ كل شهر", "help"),
        ("اخوي يرسل لي ٥٠٠ كل شهر", "help"),
        ("٥٠٠ من الجمعية الخيرية", "help"),
        ("نفقة من طليقي ١٠٠٠", "alimony"),
        ("حساب المواطن ٦٠٠", "benefit"),
        ("ساند ٢٠٠٠", "benefit"),
        ("مكافأة الجامعة ٩٩٠", "benefit"),
    ],
)
def test_each_source_has_its_kind_and_side(answer, kind):
    reading = read_income(answer)
    assert [item.kind for item in reading.items] == [kind]
    earned_kinds = {"salary", "wage", "work", "business", "freelance"}
    assert reading.items[0].source == ("earned" if kind in earned_kinds else "other")


@pytest.mark.parametrize(
    "answer, earned, other",
    [
        ("ما عندي راتب بس ضمان ٩٠٠ وإيجار ٥٠٠", 0, 1400),  # the case
        ("ما عندي راتب، بس تقاعد ٣٠٠٠", 0, 3000),
        ("ما عندي شغل، عايش على الضمان ١٥٠٠", 0, 1500),
        ("ما عندي دخل غير ٥٠٠ من الجمعية", 0, 500),
        ("ما عندي دخل", 0, 0),
        ("ما عندي اي دخل", 0, 0),
        ("لا يوجد دخل", 0, 0),
        ("لا راتب ولا تقاعد", 0, 0),
        ("ولا ريال", 0, 0),
        ("ما عندي", 0, 0),
        ("عاطل عن العمل وما عندي دخل", 0, 0),
        ("ما اشتغل", 0, None),
        ("راتبي ٣٠٠٠ وما عندي دخل ثاني", 3000, 0),  # "no other income" leaves the salary
        ("ما عندنا دخل غيره", None, 0),
        ("راتبي ٣٠٠٠ بس", 3000, 0),  # "only my salary"
        ("فقط الضمان ٩٠٠", 0, 900),
        ("بس راتب التقاعد", 0, None),  # only the pension, amount not given
    ],
)
def test_denied_and_only_sources_are_zero(answer, earned, other):
    assert sides(answer)[:2] == (earned, other)


@pytest.mark.parametrize(
    "answer, unclassified",
    [
        ("٢٠٠٠", 2000),
        ("٣٠٠٠ ريال شهرياً", 3000),
        ("دخلي ٣٠٠٠", 3000),
        ("معاشي ٣٠٠٠", 3000),  # معاش is a pension in Saudi speech and a salary elsewhere
        ("٤٨ ألف بالسنة", 4000),
        ("عندي ٤ عيال ودخلي ٣٠٠٠", 3000),
    ],
)
def test_an_amount_without_a_source_is_unclassified(answer, unclassified):
    assert sides(answer) == (None, None, unclassified)


def test_a_known_amount_and_an_unknown_one_stay_apart():
    assert sides("راتبي ١٥٠٠ وعندي ٢٠٠٠ ما ادري من وين") == (1500, None, 2000)


@pytest.mark.parametrize(
    "answer",
    ["عندي ٣ عيال", "عمري ٤٥", "من مواليد ٨٥", "صار لي ٣ سنين بدون شغل", "عندي مدخرات ٥٠ ألف"],
)
def test_counts_ages_years_and_wealth_are_not_income(answer):
    reading = read_income(answer)
    assert reading is None or not (reading.items or reading.unclassified_items)


def test_the_people_and_age_in_a_sentence_do_not_become_income():
    assert sides("عمري ٦٠ وتقاعدي ٢٠٠٠") == (None, 2000, None)
    assert sides("عندي ٢ تابعين ودخلي من الشغل ١٠٠٠") == (1000, None, None)
    assert sides("عندي ٣ عيال وراتبي ٢٥٠٠") == (2500, None, None)


def test_items_keep_the_stated_amount_and_period():
    reading = read_income("راتبي ٤٨ ألف بالسنة وتقاعد ابوي ٢٠٠ بالأسبوع")
    assert [(i.source, i.kind, i.stated_sar, i.period) for i in reading.items] == [
        ("earned", "salary", 48000, "year"),
        ("other", "pension", 200, "week"),
    ]
    assert reading.earned_sar == 4000
    assert reading.other_sar == pytest.approx(866.67)
    assert reading.converted is True


def test_a_source_named_without_an_amount_is_reported():
    assert read_income("بس راتب التقاعد").mentioned_without_amount == ("pension",)


@pytest.mark.parametrize("answer", ["", "شكرا", "ما ادري", "كثير", "نعم", "😀"])
def test_nothing_readable_is_none(answer):
    assert read_income(answer) is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_read_income_never_raises_and_sums_its_items(text):
    reading = read_income(text)
    assert reading is None or isinstance(reading, IncomeReading)
    if reading is not None:
        for side, total in (("earned", reading.earned_sar), ("other", reading.other_sar)):
            amounts = [i.monthly_sar for i in reading.items if i.source == side]
            if amounts:
                assert total == pytest.approx(sum(amounts))


@pytest.mark.parametrize(
    "answer, amount",
    [
        ("بين ١٠٠٠ و١٥٠٠", 1250),
        ("من ٣٠٠٠ الى ٤٠٠٠", 3500),
        ("٣٠٠٠-٤٠٠٠", 3500),
        ("٣٠٠٠ او ٤٠٠٠", 3500),
        ("يتراوح بين ٢٠٠٠ و ٣٠٠٠ ريال", 2500),
    ],
)
def test_a_range_is_one_amount_at_its_middle(answer, amount):
    reading = read_income(answer)
    assert len(reading.items + reading.unclassified_items) == 1
    assert reading.unclassified_sar == amount


def test_a_range_keeps_its_source():
    assert sides("راتبي بين ٣٠٠٠ و٤٠٠٠") == (3500, None, None)


@pytest.mark.parametrize(
    "answer, earned, other",
    [
        ("دخل من التجارة ٥٠٠٠", 5000, None),
        ("زوجي يشتغل وراتبه ٦٠٠٠", 6000, None),
        ("ولدي موظف راتبه ٤٠٠٠", 4000, None),
        ("اشتغل في مطعم براتب ٢٥٠٠", 2500, None),
        ("عندي ضمان ٩٠٠ وحساب مواطن ٦٠٠", None, 1500),
        ("اعانة بطالة ٢٠٠٠", None, 2000),
        ("ابوي متقاعد ويعطيني ٥٠٠", None, 500),
        ("ضمان ١٢٠٠ ريال شهريا وراتب ١٨ الف بالسنة", 1500, 1200),
        ("راتبي الف وخمسمية وتقاعد ابوي الفين", 1500, 2000),
    ],
)
def test_more_ways_of_naming_a_source(answer, earned, other):
    assert sides(answer)[:2] == (earned, other)


@pytest.mark.parametrize(
    "answer, earned, other",
    [
        ("ابوي متقاعد وراتبه ٣٠٠٠", None, 3000),  # a retired person's "salary" is a pension
        ("انا متقاعد وراتبي ٤٠٠٠", None, 4000),
        ("انا متقاعد وزوجتي راتبها ٣٠٠٠", 3000, None),  # the wife's salary is earned
        ("زوجي متوفى وعندي معاش من التقاعد ٢٥٠٠", None, 2500),
        ("راتب ابوي التقاعدي ٤٠٠٠", None, 4000),
        ("ولدي يشتغل ويعطيني ١٠٠٠", None, 1000),  # what a son gives is help
        ("عندي محل بقالة يدخل ٤٠٠٠ بالشهر", 4000, None),
        ("زوجتي معلمة راتبها ٨ آلاف", 8000, None),
    ],
)
def test_whose_income_and_what_kind(answer, earned, other):
    assert sides(answer)[:2] == (earned, other)
