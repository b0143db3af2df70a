"""Wealth beyond the main home and one car (design.md, has_high_value_assets / assets_value).

"عندي سيارتين" → True; "عندي مدخرات ٥٠ ألف" → True, value 50000; "عندي أرض قيمتها ٣٠٠
ألف" → True, 300000; "ما عندي مدخرات" → False; "عندي سيارة" or "بيتي ملك" → None (the
home and one car are not counted wealth). A value is in SAR, as a total, not per month.
"""

from __future__ import annotations

from arabic_text import income_sources, lexicon
from arabic_text.income_clauses import clauses, money_spans
from arabic_text.matching import bare, is_negated
from arabic_text.numbers import NumberSpan, find_numbers

ASSET_WORDS = lexicon.ASSET_WORDS
# Phrases whose words together name wealth: a second car, money kept in the bank.
_PAIRS = (
    ("سياره", "ثانيه"),
    ("سياره", "زياده"),
    ("سياره", "اخري"),
    ("سياره", "تانيه"),  # Levantine / Egyptian ت for ث
    ("عربيه", "تانيه"),
    ("بيت", "تاني"),
    ("بيت", "ثاني"),
    ("بيت", "اخر"),
    ("شقه", "ثانيه"),
    ("شقه", "زياده"),
    ("شقه", "اخري"),
    ("منزل", "ثاني"),
    ("فلوس", "بالبنك"),
    ("فلوس", "مدخره"),
    ("مبلغ", "بالبنك"),
    ("فلوس", "في"),
)
_HAVE = frozenset("عندي عندنا لدي لدينا املك نملك احوز معي لي عندهم عنده عندها يملك تملك".split())


def _asset_indexes(tokens: list[str]) -> list[int]:
    return [index for index, _width in asset_words_at(tokens)]


def asset_words_at(tokens: list[str]) -> list[tuple[int, int]]:
    """[(index, width)] of every word or pair naming wealth ("مدخرات" width 1, "فلوس بالبنك"
    width 2), negated or not."""
    found = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if bare(token, ASSET_WORDS):
            found.append((index, 1))
        elif any(bare(token, (first,)) and following == second for first, second in _PAIRS):
            found.append((index, 2))
    return found


# The main home and one car are not counted wealth: naming only them is a no.
_EXEMPT = frozenset("سياره سيارتي بيت بيتي منزل منزلي شقه شقتي مسكن سكن".split())


# "لا أملك شيئاً"، "ما نملك شي": owning nothing at all (the verb of owning, negated, then "nothing").
_OWN_VERBS = frozenset("املك نملك يملك تملك".split())
_NOTHING = frozenset("شي شيء شيئ شيئا شييا شيي اشي حاجه".split())


def _owns_nothing(tokens: list[str]) -> bool:
    return any(
        token in _OWN_VERBS
        and is_negated(tokens, index, window=1)
        and any(t in _NOTHING for t in tokens[index + 1 : index + 3])
        for index, token in enumerate(tokens)
    )


def has_high_value_assets_in(tokens: list[str], answering: bool = False) -> bool | None:
    """True/False when the sentence says the household has / has no such wealth, else None.
    "بس البيت والسيارة" → False: only the exempt home and one car; "لا أملك شيئاً" → False.
    When `answering` the wealth question, "عندي سيارة" is also a no; in passing it says
    nothing."""
    indexes = _asset_indexes(tokens)
    if not indexes and _owns_nothing(tokens):
        return False
    only = any(t in ("بس", "فقط", "غير", "وبس") for t in tokens)
    if (
        not indexes
        and any(bare(t, _EXEMPT) for t in tokens)
        and (only or (answering and any(bare(t, _HAVE) for t in tokens)))
    ):
        return False
    for index in indexes:
        if is_negated(tokens, index):
            return False
        before = tokens[max(0, index - 3) : index]
        glued = tokens[index].startswith("و") and tokens[index] not in ASSET_WORDS  # "وراتبي ٢٠٠٠ ومدخراتي"
        if any(bare(word, _HAVE) for word in before) or index == 0 or before[-1:] == ["و"] or glued:
            return True
    return None


def _same_phrase(between: list[str]) -> bool:
    """No punctuation and no income word between an asset and an amount ("مدخرات ٥٠ ألف
    وراتبي ٣٠٠٠": the 3000 is the salary)."""
    return all(any(ch.isalnum() for ch in t) and income_sources.lookup(t) is None for t in between)


def wealth_spans(tokens: list[str], spans: list[NumberSpan] | None = None) -> list[NumberSpan]:
    """The amounts that are the value of wealth, not income. Each amount belongs to a
    wealth or income word of its own clause (clauses as arabic_text.income_clauses cuts
    them): the nearest word before it within four words, else the nearest after it within
    three. "تقاعدي ٩٠٠ وعندي مدخرات ٢٤٠٠" → only 2400; "راتبي ٢٠٠٠ ومدخراتي ٥٠ ألف" → only
    50000. Negated wealth words, counts of people, ages and durations never count; a range
    ("بين ١٠٠ و١٥٠ ألف") counts as its middle."""
    spans = money_spans(tokens, find_numbers(tokens) if spans is None else spans)
    words = asset_words_at(tokens)
    assets = [i for i, _ in words if not is_negated(tokens, i)]
    if not assets:
        return []
    inside_pairs = {i + k for i, width in words for k in range(width)}
    sources = [i for i in range(len(tokens)) if i not in inside_pairs and income_sources.source_at(tokens, i)]
    found = []
    for start, end in clauses(tokens, spans):
        anchors = [(i, True) for i in assets if start <= i < end] + [(i, False) for i in sources if start <= i < end]
        for span in (s for s in spans if start <= s.start < end):
            counted_people = span.end < len(tokens) and tokens[span.end] in ("عيال", "اولاد")
            if counted_people or not anchors:
                continue
            near = [anchor for anchor in anchors if _near(tokens, span, anchor[0])]
            if near and min(near, key=lambda anchor: _distance(span, anchor[0]))[1]:
                found.append(span)
    return found


def _near(tokens: list[str], span: NumberSpan, index: int) -> bool:
    """Within four words after the word, or three before it, in one phrase."""
    if index < span.start:
        return span.start - index <= 4 and _same_phrase(tokens[index + 1 : span.start])
    return index - span.end + 1 <= 3 and _same_phrase(tokens[span.end : index])


def _distance(span: NumberSpan, index: int) -> tuple[bool, int]:
    """Which word an amount belongs to: the nearest one before it ("حقها ٤٠ ألف وأتقاضى
    راتباً": the car's), else the nearest one after it ("٥٠ ألف مدخرات")."""
    before = index < span.start
    return (not before, span.start - index if before else index - span.end + 1)


def assets_value_in(tokens: list[str], spans: list[NumberSpan] | None = None) -> float | None:
    """The total value (SAR) of the wealth named with amounts ("مدخرات ٥٠ ألف وأرض ٣٠٠
    ألف" → 350000); None when no amount is the value of wealth (see wealth_spans: amounts
    of income clauses, "راتبي ٢٠٠٠ وعندي أرض قيمتها ١٢٠ ألف", never add to it)."""
    found = wealth_spans(tokens, spans)
    return sum(span.value for span in found) if found else None
