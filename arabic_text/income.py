"""Income as people state it: several amounts, each with its source and period.

"راتبي ١٥٠٠ وتقاعد ابوي ٨٠٠" → earned 1500, other 800; "ما عندي راتب بس ضمان ٩٠٠ وإيجار
٥٠٠" → earned 0, other 1400; "٤٨ ألف بالسنة" → 4000 a month, unclassified (no source);
"راتبي بين ٣٠٠٠ و٤٠٠٠" → earned 3500 (a range counts as its middle).
All amounts are SAR per month (periods converted, see arabic_text.periods).

How an amount finds its source: the message is cut into clauses (arabic_text.income_clauses)
at punctuation, at و that starts a new statement (و٨٠٠، وتقاعد، وعندي) and at بس / غير / الا
/ سوى / فقط. In a clause
each amount takes the nearest source word (arabic_text.income_sources), the one before it
on a tie, or the one after it when the clause starts with the amount ("١٥٠٠ راتب").
"راتب التقاعد" / "راتب الضمان" are the pension and social security, not a salary.
"من" before a relative ("٥٠٠ من اخوي") is help. An amount with no source is unclassified.
A negated source ("ما عندي راتب") makes its side 0; a negated generic word ("ما عندي دخل")
makes both 0. "only" (بس، فقط، ما عندي غير) with sources of one side makes the other 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from arabic_text import lexicon
from arabic_text.assets import ASSET_WORDS, asset_words_at, wealth_spans
from arabic_text.income_clauses import Source, clauses, money_spans, sources_in
from arabic_text.income_sources import EARNED, GENERIC, OTHER, is_relative
from arabic_text.matching import bare, has_phrase
from arabic_text.numbers import NumberSpan, find_numbers, tokenize
from arabic_text.periods import HOURLY, is_period_word, period_of, to_monthly

_ONLY = frozenset("بس فقط وبس وفقط only".split())


@dataclass(frozen=True)
class IncomeItem:
    """One stated amount: `source` "earned"/"other", `kind` e.g. "salary", "pension",
    `stated_sar` as typed per `period` ("month"/"year"/"week"/"day"), `monthly_sar` per month."""

    source: str
    kind: str
    monthly_sar: float
    stated_sar: float
    period: str


@dataclass(frozen=True)
class IncomeReading:
    """Household income read from one message, SAR per month.

    earned_sar / other_sar: None when the message says nothing about that side, 0 when it
    denies it. unclassified_sar: amounts whose source is unclear (ask once). converted: a
    period other than a month was converted, so say the monthly figure back.
    unclassified_items: those amounts, like `items` with source "unclassified".
    mentioned_without_amount: kinds named with no amount ("بس راتب التقاعد" → ("pension",)).
    """

    earned_sar: float | None
    other_sar: float | None
    unclassified_sar: float | None
    items: tuple[IncomeItem, ...]
    converted: bool
    unclassified_items: tuple[IncomeItem, ...] = ()
    mentioned_without_amount: tuple[str, ...] = ()


def read_income(text: str) -> IncomeReading | None:
    """The income a message states, split by source (see the module docstring); None when
    it states no amount and no denial. Never raises on odd input (returns None)."""
    try:
        tokens = tokenize(text or "")
        spans = money_spans(tokens, find_numbers(tokens))
    except (ValueError, OverflowError, RecursionError):
        return None
    items: list[IncomeItem] = []
    unclassified: list[IncomeItem] = []
    denied: set[str] = set()
    mentioned: list[str] = []
    previous: list[Source] = []
    pending, retired = False, False
    # The value of wealth is not income ("عندي مدخرات ٢٤٠٠", "فلوس بالبنك ٢٠ ألف"): its
    # amounts and the words of a wealth pair ("فلوس" of "فلوس بالبنك") are left out.
    wealth = wealth_spans(tokens, spans)
    in_wealth_words = {i + k for i, width in asset_words_at(tokens) if width > 1 for k in range(width)}
    for start, end in clauses(tokens, spans):
        amounts = [s for s in spans if start <= s.start < end and s not in wealth]
        sources = [s for s in sources_in(tokens, start, end, spans) if s[0] not in in_wealth_words]
        if not sources and any(bare(t, ASSET_WORDS) for t in tokens[start:end]):
            continue  # "مدخرات ٥٠ ألف": the value of wealth, not income
        same_person = not any(_names_someone(t) for t in tokens[start:end])
        if retired and same_person and sources and all(s[2] in ("salary", "income") and not s[3] for s in sources):
            # "ابوي متقاعد وراتبه ٣٠٠٠": the "salary" of someone just called retired is a pension.
            sources = [(index, OTHER, "pension", False) for index, *_ in sources]
        retired = any(bare(t, _RETIRED) for t in tokens[start:end]) and not amounts
        generic_only = bool(sources) and all(s[1] == GENERIC and not s[3] for s in sources)
        # "ودخلي منه ٣ آلاف", "أشتغل سواق ودخلي ١٠٠ يومياً": the income of the source just named.
        refers_back = generic_only and (any(t in _BACK for t in tokens[start:end]) or pending)
        if (
            amounts
            and previous
            and (refers_back or (not sources and any(_names_someone(t) for t in tokens[start : amounts[0].start])))
        ):
            # "اخوي يعطيني ٥٠٠ وابوي ٣٠٠", "زوجتي راتبها ٣٠٠٠ وانا ٢٠٠٠": the same source again.
            sources = [(start, category, kind, False) for _, category, kind, _ in previous[-1:]]
            mentioned = [kind for kind in mentioned if kind not in {p[2] for p in previous}]
        for index, category, _kind, negated in sources:
            if negated and category == GENERIC and _says_other(tokens, index):
                denied.add(OTHER)  # "ما عندنا دخل ثاني / غيره": no income besides the one given
            elif negated:
                denied.update((EARNED, OTHER) if category == GENERIC else (category,))
        live = [s for s in sources if not s[3]]
        previous = live or previous
        pending = bool(live) and not amounts
        if not amounts:
            mentioned += [kind for _, category, kind, _ in live if category != GENERIC]
            continue
        amount_first = not live or amounts[0].start < live[0][0]
        for number, span in enumerate(amounts):
            stop = amounts[number + 1].start if number + 1 < len(amounts) else end
            floor = amounts[number - 1].end if number else start
            period = period_of(tokens, span.start, span.end, stop, floor)
            category, kind = _nearest(span, live, amount_first, tokens)
            if period == HOURLY:  # "٢٥ ريال بالساعة": no month without the hours; asked again
                mentioned += [kind] if category in (EARNED, OTHER) else []
                continue
            item = IncomeItem(category, kind, to_monthly(span.value, period), float(span.value), period)
            (items if category in (EARNED, OTHER) else unclassified).append(item)
    return _reading(tokens, items, unclassified, denied, mentioned)


_RETIRED = frozenset("متقاعد متقاعده متقاعدين".split())
_BESIDES = frozenset("ثاني ثانوي اخر اضافي غيره غيرها ثانيه اخري زياده بعد".split())


def _says_other(tokens: list[str], index: int) -> bool:
    """ "دخل ثاني", "دخل غيره", "دخل اخر": income besides what was said (other income)."""
    return any(t in _BESIDES for t in tokens[index + 1 : index + 3])


def _names_someone(token: str) -> bool:
    return is_relative(token) or token in _PRONOUNS


_BACK = frozenset("منه منها منهم منهن".split())  # "ودخلي منه ٣ آلاف": from the work just named
_PRONOUNS = frozenset("انا وانا هو وهو هي وهي احنا واحنا".split())


def _from_source(tokens: Sequence[str], span: NumberSpan, index: int) -> bool:
    """ "دخلي ٢٨٠٠ (ريال) (بالشهر) من شغلي": the source after "من" right behind the amount
    (and its currency and period) is its origin."""
    return (
        index > span.end
        and tokens[index - 1] == "من"
        and all(
            tokens[i] in lexicon.CURRENCY_WORDS or is_period_word(list(tokens), i) for i in range(span.end, index - 1)
        )
    )


def _nearest(
    span: NumberSpan, sources: Sequence[Source], amount_first: bool, tokens: Sequence[str] = ()
) -> tuple[str, str]:
    best, best_key = ("unclassified", "unknown"), None
    for index, category, kind, _ in sources:
        before = index < span.start
        distance = span.start - index if before else index - span.end + 1
        if tokens and category != GENERIC and _from_source(tokens, span, index):
            distance = 0  # beats the generic "دخلي" before the amount
        key = (distance, before if amount_first else not before)
        if best_key is None or key < best_key:
            best, best_key = ((category if category != GENERIC else "unclassified"), kind), key
    return best


_NOTHING_WORDS = frozenset(
    "ما لا ولا مو مش ماعندي معنديش مافي مفيش مافيش لايوجد عندي عندنا في فيه يوجد لي شي شيء "
    "حاجه ريال هلله والله اي شيء ابد ابدا nothing none zero no".split()
)


def _says_nothing(tokens: list[str]) -> bool:
    """ "ما عندي", "ولا شي", "لا يوجد" as the whole answer: no income at all. Not when the
    sentence denies something else ("ما عندي حساب بنكي")."""
    words = [t for t in tokens if any(ch.isalnum() for ch in t)]
    return bool(words) and has_phrase(tokens, lexicon.NOTHING_PHRASES) and all(t in _NOTHING_WORDS for t in words)


def _side(items: list[IncomeItem], side: str, zero: bool) -> float | None:
    amounts = [item.monthly_sar for item in items if item.source == side]
    if amounts:
        return round(sum(amounts), 2)
    return 0.0 if zero else None


def _reading(
    tokens: list[str],
    items: list[IncomeItem],
    unclassified: list[IncomeItem],
    denied: set[str],
    mentioned: list[str],
) -> IncomeReading | None:
    if not items and not unclassified and not mentioned and _says_nothing(tokens):
        denied |= {EARNED, OTHER}
    only = any(t in _ONLY for t in tokens) or has_phrase(tokens, ("ما عندي غير", "ما عندي الا", "لا غير"))
    named = {item.source for item in items} | {OTHER if kind in _OTHER_KINDS else EARNED for kind in mentioned}
    if only and len(named) == 1 and not unclassified:
        denied |= {EARNED, OTHER} - named
    if not items and not unclassified and not denied and not mentioned:
        return None
    every = items + unclassified
    return IncomeReading(
        earned_sar=_side(items, EARNED, EARNED in denied),
        other_sar=_side(items, OTHER, OTHER in denied),
        unclassified_sar=round(sum(i.monthly_sar for i in unclassified), 2) if unclassified else None,
        items=tuple(items),
        converted=any(item.period != "month" for item in every),
        unclassified_items=tuple(unclassified),
        mentioned_without_amount=tuple(dict.fromkeys(mentioned)),
    )


_OTHER_KINDS = frozenset("pension social_insurance social_security rent help alimony benefit".split())
