"""Income said with a verb of earning or receiving, in every dialect: the amount takes the
work or source named before it (tester's fault: "بشتغل سواق وبطلع ٣٥٠٠ بالشهر" not read)."""

from __future__ import annotations

import itertools

import pytest

from arabic_text import answer_for_slot, extract_answers, read_income
from arabic_text.periods import to_monthly

WORK = ["بشتغل سواق", "بشتغل في محل", "شغال بمطعم", "اشتغل سواق اوبر", "انا موظف", "أعمل في شركة", "بيشتغل جوزي"]
VERBS = ["وبطلع", "وبيطلعلي", "وباخد", "وبقبض", "وبجيب", "واتقاضى", "وآخذ", "ودخلي"]
PERIODS = [("بالشهر", "month"), ("في الشهر", "month"), ("شهريا", "month"), ("كل شهر", "month"), ("باليوم", "day")]
AMOUNTS = [("٣٥٠٠", 3500), ("3500", 3500), ("٢٠٠٠ ريال", 2000), ("ألفين", 2000)]


@pytest.mark.parametrize(
    ("work", "verb", "amount", "period"),
    list(itertools.product(WORK, VERBS, AMOUNTS, PERIODS))[::4],
)
def test_work_then_earning_verb_is_earned_income(work, verb, amount, period):
    (typed, value), (period_words, period_name) = amount, period
    text = f"{work} {verb} {typed} {period_words}"
    monthly = to_monthly(float(value), period_name)
    reading = read_income(text)
    assert reading is not None, text
    assert reading.earned_sar == monthly, text
    assert reading.unclassified_sar is None, text
    assert extract_answers(text).get("earned_income") == monthly, text
    assert answer_for_slot("earned_income", text) == monthly, text


@pytest.mark.parametrize(
    ("text", "earned", "other"),
    [
        ("بشتغل سواق وبطلع ٣٥٠٠ بالشهر", 3500.0, None),
        ("باخد تقاعد ٢٠٠٠ بالشهر", None, 2000.0),
        ("بقبض معاش تقاعد ٢٥٠٠", None, 2500.0),
        ("باخد ٥٠٠ من اخوي كل شهر", None, 500.0),
        ("بشتغل نجار وبقبض ٤٠٠٠ بالشهر وباخد ٥٠٠ من اخوي", 4000.0, 500.0),
        ("انا موظف واتقاضى ٦٠٠٠ ريال شهريا", 6000.0, None),
    ],
)
def test_verbs_with_other_sources(text, earned, other):
    reading = read_income(text)
    assert reading is not None
    assert (reading.earned_sar, reading.other_sar) == (earned, other)


def test_a_verb_alone_does_not_guess_the_source():
    # "I take 3000 a month" says money comes in, not from what: asked once (unclassified).
    reading = read_income("باخد ٣٠٠٠ بالشهر")
    assert reading is not None
    assert reading.unclassified_sar == 3000.0 and reading.earned_sar is None
