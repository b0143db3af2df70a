"""Every slot value a free sentence states, for over-answering and corrections in a form.

"ابي افحص اهليتي، انا سعودي وساكن بالرياض وعندي ٣ عيال" → is_saudi True, resides_in_ksa
True, dependents_count 3, has_children True; "راتبي ١٥٠٠ وتقاعد ابوي ٨٠٠" → earned_income
1500, other_income 800; "عمري ٤٠" → age 40. Only what the sentence says about a slot through
that slot's own words is returned: a bare "٤" or "٢٠٠٠" is never guessed into a slot (an
amount with no source is left to read_income's unclassified_sar, for the form to ask about).
Slot names and units follow design.md (amounts SAR per month, assets_value SAR).
"""

from __future__ import annotations

import datetime
import itertools
import math
from typing import Any

from arabic_text import income_sources, lexicon
from arabic_text.ages import in_age_context, parse_age
from arabic_text.answer_flags import FLAG_DETECTORS
from arabic_text.assets import assets_value_in
from arabic_text.household import able_to_work_in, has_children_in
from arabic_text.income import IncomeReading, read_income
from arabic_text.matching import bare, has_phrase, is_negated
from arabic_text.numbers import NumberSpan, find_numbers, tokenize
from arabic_text.people_words import person_reading
from arabic_text.quantities import dependents_total, includes_applicant

_CORRECTION_WORDS = frozenset(
    "غلطت غلطان غلطانه غلط عفوا قصدي اقصد تصحيح صحح اصحح تعديل عدل اعدل اسف اسفه سوري خطا اخطات sorry".split()
)
_CORRECTION_PHRASES = (
    "لا لحظه",
    "لحظه لحظه",
    "مو كذا",
    "مش كده",
    "مو هيك",
    "كان قصدي",
    "الصحيح",
    "الصح هو",
    "بالغلط",
    "بالخطا",
)
_HAVE = frozenset("عندي عندنا لدي لدينا معي اعول اعيل عندو عنده بس فقط معاي".split())
_NOBODY = (
    "لحالي",
    "بروحي",
    "لوحدي",
    "وحدي",
    "ما عندي احد اعوله",
    "ما اعول احد",
    "ما اعيل احد",
    "ما عندي احد اصرف عليه",
    "ما عندي احد يعتمد علي",
    "ما احد يعتمد علي",
    "ما عندي اي تابع",
    "ولا احد اعوله",
    "ما عندي احد معي",
)
_ONLY = frozenset("بس فقط وبس وفقط".split())
_LIVE = frozenset("ساكن ساكنه عايش عايشه اعيش نعيش اسكن نسكن قاعد قاعده".split())
_BIRTH = frozenset("مواليد مواليدي ولدت انولدت تولد مولود".split())


def is_correction(text: str) -> bool:
    """Whether the person says they are correcting an earlier answer ("غلطت", "قصدي")."""
    tokens = tokenize(text or "")
    words = {token[1:] if token.startswith("و") else token for token in tokens} | set(tokens)
    return bool(words & _CORRECTION_WORDS) or has_phrase(tokens, _CORRECTION_PHRASES)


def _age(tokens: list[str], spans: list[NumberSpan]) -> int | None:
    """The applicant's age said in passing: only a number in an age context ("عمري ٤٥"،
    "انا ٤٥ سنة"); "منذ ثلاث سنوات" or "أرملة ٣ سنوات" is a length of time (ages.in_age_context)."""
    for span in spans:
        if in_age_context(tokens, span) and math.isfinite(span.value) and 0 <= span.value < 150:
            return int(span.value)
    return None


def _dependents(tokens: list[str], spans: list[NumberSpan]) -> int | None:
    """Only a clear statement of how many: a number or a dual next to a person word, a
    person word after "عندي" / "بس" ("عندي ولد وبنت", "بس الزوجة"), or a list of people
    ("أمي وأبوي"). "زوجتي سعودية" says nothing about counts, and "ما عندي عيال" says
    nothing about the wife: it answers has_children, not dependents_count."""
    nouns = [i for i, token in enumerate(tokens) if bare(token, lexicon.DEPENDENT_NOUNS)]
    live = [i for i in nouns if not is_negated(tokens, i)]
    if not live:
        # "عايش لحالي", "ما اعول احد", "ما عندي تابعين": nobody; "ما عندي عيال" is not that.
        generic_denied = any(bare(tokens[i], lexicon.GENERIC_PEOPLE) for i in nouns)
        return 0 if generic_denied or has_phrase(tokens, _NOBODY) else None
    edges = {span.start - 1 for span in spans if span.start and bare(tokens[span.start - 1], lexicon.DEPENDENT_PLURALS)}
    edges |= {span.end for span in spans}
    listed = any(b - a == 1 and tokens[b].startswith("و") for a, b in itertools.pairwise(live)) or any(
        i and tokens[i - 1] in ("انا", "احنا") and tokens[i].startswith("و") for i in live
    )  # "انا وزوجتي"
    counted = (
        listed
        or any(
            i in edges
            or bare(tokens[i], lexicon.DEPENDENT_DUALS)
            or any(bare(t, _HAVE) for t in tokens[max(0, i - 2) : i])
            or (tokens[i - 1 : i] == ["مع"] and bare(tokens[i - 2] if i > 1 else "", _LIVE))  # "ساكن مع مرتي"
            or (
                tokens[i + 1 : i + 2] in (["بس"], ["فقط"])
                and (  # "مراتي بس", not "زوجتي بس تشتغل"
                    i + 2 == len(tokens) or not any(ch.isalnum() for ch in tokens[i + 2])
                )
            )
            for i in live
        )
    )
    total = dependents_total(tokens) if counted else None
    return total - 1 if total and includes_applicant(tokens) else total


def _has_children(tokens: list[str], dependents: int | None) -> bool | None:
    """Children named or denied; or a full list of dependents with none of them children
    ("بس الزوجة", "أمي وأبوي") → False. "٤ تابعين" says nothing about who they are."""
    said = has_children_in(tokens)
    if said is not None or dependents is None:
        return said
    nouns = [bare(t, lexicon.DEPENDENT_NOUNS) for t in tokens]
    named = [noun for noun in nouns if noun]
    # Only a list that is complete says "no children": "بس الزوجة", or a message that is
    # nothing but the list ("أمي وأبوي"); "عندي زوجة" in a longer message may go on.
    complete = any(t in _ONLY for t in tokens) or all(
        noun or not any(ch.isalnum() for ch in t) or t in ("و", "انا", "وانا") or t.isdigit()
        for t, noun in zip(tokens, nouns, strict=False)
    )
    if named and complete and not any(noun in lexicon.GENERIC_PEOPLE for noun in named):
        return False
    return None


def _names_income(tokens: list[str], income: IncomeReading) -> bool:
    """A reading counts in free text only when the message speaks of money: an amount, a
    source word or a currency. A bare "ما عندي" may answer any question (a bank account,
    wealth), so it is not taken as "no income" here (answer_for_slot reads it when asked)."""
    return bool(income.items or income.unclassified_items) or any(
        income_sources.lookup(t) is not None or bare(t, lexicon.CURRENCY_WORDS) for t in tokens
    )


def _worth(tokens: list[str], spans: list[NumberSpan]) -> list[float]:
    """Amounts given as what something is worth: right after a VALUE_WORDS word
    ("قيمته تقريبا ١٢٠ الف", "تسوى مليون"), at most two words before the number."""
    return [
        span.value
        for span in spans
        if any(token in lexicon.VALUE_WORDS for token in tokens[max(0, span.start - 3) : span.start])
    ]


def _only_worth(income: IncomeReading, worth: list[float]) -> bool:
    """Whether every amount the income reader found is one of those worths."""
    amounts = [item.stated_sar for item in (*income.items, *income.unclassified_items)]
    return bool(worth) and bool(amounts) and all(amount in worth for amount in amounts)


def _without_worth(income: IncomeReading, worth: list[float]) -> tuple[float | None, float | None]:
    """(earned, other) SAR per month without the amounts that are what something is worth
    ("الراتب ٣٥٠٠ والدكان قيمته ١٢٠ الف" earns 3,500, not 123,500)."""
    if not worth:
        return income.earned_sar, income.other_sar
    kept = [item for item in income.items if item.stated_sar not in worth]
    earned = [item.monthly_sar for item in kept if item.source == "earned"]
    other = [item.monthly_sar for item in kept if item.source == "other"]
    # A "no income" the reader found in such a message ("هذا مو دخل") says the worth is
    # not income; it is not an answer to the income questions.
    return (sum(earned) if earned else None), (sum(other) if other else None)


def extract_answers(text: str, today: datetime.date | None = None) -> dict[str, Any]:
    """Slot name → typed value for every slot the sentence clearly answers (may be empty).

    Slots: is_saudi, resides_in_ksa, dependents_count, age (birth years converted relative
    to `today`, default today in Riyadh), earned_income and other_income (SAR per month),
    has_high_value_assets, assets_value (SAR), has_bank_account, lives_in_care_facility,
    has_children, has_able_to_work_members, accepts_rehabilitation, meets_education_health.
    """
    try:
        tokens = person_reading(tokenize(text or ""))
        spans = find_numbers(tokens)
    except (ValueError, RecursionError):
        return {}
    dependents = _dependents(tokens, spans)
    if dependents is not None and not spans and has_phrase(tokens, lexicon.VAGUE_COUNT_PHRASES):
        dependents = None  # "عندي كذا ولد": children, but not one child
    found: dict[str, Any] = {
        "dependents_count": dependents,
        "age": parse_age(text, today) if any(t in _BIRTH for t in tokens) else _age(tokens, spans),
        "has_children": _has_children(tokens, dependents),
        "has_able_to_work_members": able_to_work_in(tokens),
    }
    worth = _worth(tokens, spans)
    income = read_income(text)
    if income is not None and _names_income(tokens, income) and not _only_worth(income, worth):
        found["earned_income"], found["other_income"] = _without_worth(income, worth)
    for slot, detect in FLAG_DETECTORS.items():
        found[slot] = detect(tokens)
    if worth and found.get("has_high_value_assets") is not False:
        # "الدكان ملكي قيمته ١٢٠ الف": what something owned is worth is wealth.
        found["has_high_value_assets"] = True
    if found.get("has_high_value_assets"):
        found["assets_value"] = assets_value_in(tokens, spans) or (sum(worth) if worth else None)
    return {slot: value for slot, value in found.items() if value is not None}
