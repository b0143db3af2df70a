"""Amounts and counts from the answers people type ("دخلي الف ومية", "عندي ٣ عيال",
"الزوجة وثلاث عيال"). Income by source is in arabic_text.income, ages in arabic_text.ages.

Each parser returns None when nothing readable was said, so the caller can ask again; range
checks (25 dependents) are the eligibility module's job, not this one's.
"""

from __future__ import annotations

import math

from arabic_text import income_sources, lexicon
from arabic_text.income import read_income
from arabic_text.matching import bare, has_exception, has_phrase, is_negated
from arabic_text.numbers import NumberSpan, find_numbers, tokenize
from arabic_text.people_words import person_reading
from arabic_text.periods import HOURLY, period_of, to_monthly

_ONE_WORDS = ("واحد", "واحده", "وحده")


def _means_nothing(tokens: list[str]) -> bool:
    """ "ما عندي", "لا يوجد", "ولا شي": none, unless an exception follows ("غير ٥٠٠")."""
    return has_phrase(tokens, lexicon.NOTHING_PHRASES) and not has_exception(tokens)


def _span_after(tokens: list[str], spans: list[NumberSpan], words: frozenset[str]) -> NumberSpan | None:
    """The first number directly followed by one of `words` ("٣٠٠٠ ريال", "٤٥ سنه")."""
    for span in spans:
        if span.end < len(tokens) and bare(tokens[span.end], words):
            return span
    return None


def _span_before(tokens: list[str], spans: list[NumberSpan], words: frozenset[str]) -> NumberSpan | None:
    """The first number within two words after one of `words` ("دخلي تقريبا ٣٠٠٠")."""
    for span in spans:
        before = tokens[max(0, span.start - 2) : span.start]
        if any(bare(token, words) for token in before):
            return span
    return None


def amount_span(tokens: list[str], spans: list[NumberSpan]) -> NumberSpan | None:
    """The number that is the amount: one with a currency, else one after an income word."""
    return (
        _span_after(tokens, spans, lexicon.CURRENCY_WORDS)
        or _span_before(tokens, spans, lexicon.INCOME_WORDS)
        or (spans[0] if spans else None)
    )


def parse_amount(text: str) -> float | None:
    """The amount in SAR per MONTH from digits or words, whatever the grouping ("٨ ٠٠٠",
    "8.000", "١٢٬٥٠٠") and with a stated period converted ("٤٨ ألف بالسنة" → 4000, see
    arabic_text.periods). Several amounts with their sources are summed ("راتبي ١٥٠٠ وتقاعد
    ٨٠٠" → 2300; read_income() keeps them apart). 0 for "ما عندي دخل"; None if unreadable."""
    try:
        reading = read_income(text)
        if reading is not None:
            stated = reading.items + reading.unclassified_items
            if stated:
                return round(sum(item.monthly_sar for item in stated), 2)
        tokens = tokenize(text or "")
        spans = find_numbers(tokens)
        span = amount_span(tokens, spans)
        if span is not None:
            period = period_of(tokens, span.start, span.end)
            return None if period == HOURLY else to_monthly(float(span.value), period)
        if reading is not None and (reading.earned_sar == 0 or reading.other_sar == 0):
            return 0.0
        return 0.0 if _means_nothing(tokens) else None
    except (ValueError, OverflowError, RecursionError):
        # Absurd input (a thousand digits, odd Unicode) is "unreadable", never a crash.
        return None


def _as_int(value: float) -> int | None:
    if not math.isfinite(value) or value < 0 or value != int(value):
        return None
    return int(value)


def dependents_total(tokens: list[str]) -> int | None:
    """Sum of the people named ("ولدين وثلاث بنات" → 5); None when no person word is present.

    A number next to a person word counts that many ("٣ عيال", "عيال ثلاثه"); a dual counts
    two (بنتين); a singular counts one (بنت); a negated person word counts none ("ما عندي
    عيال"). A plural with no number ("عندي عيال") says nothing about how many.
    """
    tokens = person_reading(tokens)
    spans = find_numbers(tokens)
    attached = set()
    total, named = 0, False
    for span in spans:
        after = tokens[span.end] if span.end < len(tokens) else ""
        before = tokens[span.start - 1] if span.start > 0 else ""
        # "عيالي ٣ وامهم": a person glued to و after the number is the next one named.
        glued_next = after.startswith("و") and after not in lexicon.DEPENDENT_NOUNS
        if bare(after, lexicon.DEPENDENT_NOUNS) and not (glued_next and bare(before, lexicon.DEPENDENT_PLURALS)):
            attached.add(span.end)
        elif bare(before, lexicon.DEPENDENT_PLURALS) and span.start - 1 not in attached:
            # "عيال ثلاثه", "العيال الخمسه"; but in "تقاعد ابوي ٨٠٠" the number is money.
            attached.add(span.start - 1)
        else:
            continue
        count = _as_int(span.value)
        if count is None:
            return None
        total, named = total + count, True
    for index, token in enumerate(tokens):
        noun = bare(token, lexicon.DEPENDENT_NOUNS) or _father_ibi(tokens, index)
        if noun is None or index in attached or in_income_phrase(tokens, index):
            continue
        if is_negated(tokens, index):
            named = True
        elif noun in lexicon.DEPENDENT_PLURALS:
            return None
        elif noun in lexicon.DEPENDENT_DUALS:
            total, named = total + 2, True
        elif noun in lexicon.DEPENDENT_SINGULARS:
            total, named = total + 1, True
    return total if named else None


def in_income_phrase(tokens: list[str], index: int) -> bool:
    """Whether the person at tokens[index] is named as a source of money, not as a
    dependent: "تقاعد ابوي", "راتب زوجتي", "من اخوي", "اخوي يعطيني"."""
    before = tokens[index - 1] if index else ""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    source_before = income_sources.lookup(before)
    source_after = income_sources.lookup(after)
    return (
        before == "من"
        or (source_before is not None and source_before[0] != "generic")
        or (source_after is not None and source_after[1] == "help")
    )


def _father_ibi(tokens: list[str], index: int) -> str | None:
    """ "ابي" as "my father": glued to و ("امي وابي") or before "و" + a person ("ابي وامي")."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    if token == "وابي" or (token == "ابي" and following.startswith("و") and bare(following, lexicon.DEPENDENT_NOUNS)):
        return "ابوي"
    return None


_ALONE = ("لحالي", "بروحي", "لوحدي", "وحدي", "انا بس", "بس انا", "انا فقط", "فقط انا", "ولا احد")


_WE = frozenset("احنا نحن حنا اسرتي الاسره اسرتنا عايلتي العايله عايلتنا عائلتي العائله بيتنا".split())
_ME_TOO = ("بما فيهم انا", "معي", "مع نفسي", "وانا منهم", "انا منهم", "شاملني", "مع راعي البيت")
_BESIDES_ME = ("غيري", "بدوني", "ما عدا انا", "بدون ما احسب نفسي", "غير عني")


def includes_applicant(tokens: list[str]) -> bool:
    """Whether a count is the household's size with the applicant in it ("احنا ٦", "عدد
    أفراد أسرتي ٦", "٦ افراد معي"), so dependents are one fewer. "عندي ٦ افراد" and
    "اسرتي ٦ غيري" count the others only."""
    named = [bare(t, lexicon.DEPENDENT_NOUNS) for t in tokens]
    if has_phrase(tokens, _BESIDES_ME) or any(n and n not in lexicon.GENERIC_PEOPLE for n in named):
        return False  # "احنا ٤ عيال": people named are the dependents themselves
    return has_phrase(tokens, _ME_TOO) or (
        any(bare(t, _WE) for t in tokens)
        and not any(bare(t, frozenset(("عندي", "اعول", "اعيل", "عندنا"))) for t in tokens)
    )


def parse_count(text: str) -> int | None:
    """A small count of dependents: "ثلاثة", "عندي ٣ عيال", "ولدين وبنت" (3), "ولا واحد"
    (0); a family size that includes the applicant ("احنا ٦ افراد") is one fewer."""
    try:
        tokens = person_reading(tokenize(text or ""))
        if has_phrase(tokens, [f"ولا {one}" for one in _ONE_WORDS]) or has_phrase(tokens, _ALONE):
            return 0
        people = dependents_total(tokens)
        if people is None:
            spans = find_numbers(tokens)
            people = _as_int(spans[0].value) if spans else None
        if people is not None:
            return max(0, people - 1) if people and includes_applicant(tokens) else people
        if _means_nothing(tokens) or tokens in (["لا"], ["no"]):
            return 0
        return None
    except (ValueError, OverflowError, RecursionError):
        return None
