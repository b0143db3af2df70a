"""Wealth beyond the main home and one car (design.md, has_high_value_assets / assets_value).

"عندي سيارتين" → True; "عندي مدخرات ٥٠ ألف" → True, value 50000; "عندي أرض قيمتها ٣٠٠
ألف" → True, 300000; "ما عندي مدخرات" → False; "عندي سيارة" or "بيتي ملك" → None (the
home and one car are not counted wealth). A value is in SAR, as a total, not per month.
"""

from __future__ import annotations

from arabic_text import income_sources
from arabic_text.matching import bare, is_negated
from arabic_text.numbers import NumberSpan, find_numbers

ASSET_WORDS = frozenset(
    "عقار عقارات ارض اراضي عماره عماير عمارات املاك اصول استثمارات استثمار اسهم سهم مزرعه "
    "مزارع استراحه استراحات محلات شقق مدخرات مدخراتي توفير تحويشه ذهب مجوهرات رصيد "
    "ودايع وديعه محفظه سندات صكوك سيارتين سيارتان سيارات عربيتين شاليه بيتين ممتلكات ممتلكاتي "
    "ارصده اصل".split()
)
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
_HAVE = frozenset("عندي عندنا لدي لدينا املك نملك احوز معي لي عندهم".split())


def _asset_indexes(tokens: list[str]) -> list[int]:
    found = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if bare(token, ASSET_WORDS) or any(bare(token, (first,)) and following == second for first, second in _PAIRS):
            found.append(index)
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
        if any(bare(word, _HAVE) for word in before) or index == 0 or before[-1:] == ["و"]:
            return True
    return None


def _same_phrase(between: list[str]) -> bool:
    """No punctuation and no income word between an asset and an amount ("مدخرات ٥٠ ألف
    وراتبي ٣٠٠٠": the 3000 is the salary)."""
    return all(any(ch.isalnum() for ch in t) and income_sources.lookup(t) is None for t in between)


def _has_verb(between: list[str]) -> bool:
    return any(bare(t, _HAVE) or (t[:1] == "و" and bare(t[1:], _HAVE)) for t in between)


def assets_value_in(tokens: list[str], spans: list[NumberSpan] | None = None) -> float | None:
    """The total value (SAR) of the wealth named with amounts ("مدخرات ٥٠ ألف وأرض ٣٠٠
    ألف" → 350000); None when no amount stands within four words of an asset word."""
    spans = find_numbers(tokens) if spans is None else spans
    assets = [i for i in _asset_indexes(tokens) if not is_negated(tokens, i)]
    if not assets:
        return None
    total, found = 0.0, False
    for span in spans:
        near = any(
            (0 < span.start - i <= 4 and _same_phrase(tokens[i + 1 : span.start]))
            # "تقاعدي ٩٠٠ وعندي مدخرات": a have-verb between starts a new statement.
            or (
                0 < i - span.end + 1 <= 3 and _same_phrase(tokens[span.end : i]) and not _has_verb(tokens[span.end : i])
            )
            for i in assets
        )
        counted_people = span.end < len(tokens) and tokens[span.end] in ("عيال", "اولاد")
        if near and not counted_people:
            total, found = total + span.value, True
    return total if found else None
