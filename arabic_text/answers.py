"""Slot values that a free sentence mentions, for corrections inside a form.

"غلطت، عندي ٤ تابعين" → {"dependents_count": 4}; "دخلي ٣٠٠٠" → {"monthly_income": 3000.0};
"عمري ٤٠ وأنا سعودي" → {"age": 40, "is_saudi": True}. Only what the sentence says about a
slot through that slot's keywords is returned: a bare "٤" is not guessed into any slot.
"""
from __future__ import annotations

import math
from typing import Any, Dict, List, Optional

from arabic_text import lexicon
from arabic_text.answer_flags import FLAG_DETECTORS
from arabic_text.matching import bare, has_phrase, is_negated
from arabic_text.numbers import NumberSpan, find_numbers, tokenize
from arabic_text.quantities import dependents_total

_CORRECTION_WORDS = frozenset(
    "غلطت غلطان غلطانه غلط عفوا قصدي اقصد تصحيح صحح اصحح تعديل عدل اعدل اسف اسفه سوري "
    "خطا اخطات sorry".split()
)
_CORRECTION_PHRASES = ("لا لحظه", "لحظه لحظه", "مو كذا", "مش كده", "مو هيك", "كان قصدي",
                       "الصحيح", "الصح هو", "بالغلط", "بالخطا")
_HAVE = frozenset("عندي عندنا لدي لدينا معي اعول اعيل عندو عنده".split())
# Numbers after these words are durations, not ages ("من ٣ سنين").
_DURATION_BEFORE = frozenset("من قبل بعد لي صارلي صار مده خلال اخر كل لمده".split())


def is_correction(text: str) -> bool:
    """Whether the person says they are correcting an earlier answer ("غلطت", "قصدي")."""
    tokens = tokenize(text or "")
    words = {token[1:] if token.startswith("و") else token for token in tokens} | set(tokens)
    return bool(words & _CORRECTION_WORDS) or has_phrase(tokens, _CORRECTION_PHRASES)


def _income(tokens: List[str], spans: List[NumberSpan]) -> Optional[float]:
    for span in spans:
        if span.end < len(tokens) and bare(tokens[span.end], lexicon.CURRENCY_WORDS):
            return float(span.value)  # "٣٠٠٠ ريال"
    for index, token in enumerate(tokens):
        if not bare(token, lexicon.INCOME_WORDS):
            continue
        if is_negated(tokens, index):
            return 0.0  # "ما عندي دخل", "بدون راتب"
        for span in spans:
            follows = index < span.start <= index + 2
            counts_people = span.end < len(tokens) and bare(tokens[span.end], lexicon.DEPENDENT_NOUNS)
            if follows and not counts_people:
                return float(span.value)  # "دخلي ٣٠٠٠", "راتبي تقريبا الفين"
    return None


def _age(tokens: List[str], spans: List[NumberSpan]) -> Optional[int]:
    for span in spans:
        before = tokens[max(0, span.start - 2):span.start]
        after = tokens[span.end] if span.end < len(tokens) else ""
        previous = tokens[span.start - 1] if span.start else ""
        says_age = any(bare(t, lexicon.AGE_BEFORE) for t in before) or (
            bare(after, lexicon.AGE_AFTER) and previous not in _DURATION_BEFORE
        )
        if says_age and math.isfinite(span.value) and span.value >= 0:
            return int(span.value)
    return None


def _dependents(tokens: List[str], spans: List[NumberSpan]) -> Optional[int]:
    """Only a clear statement of how many: a number or a dual next to a person word, or a
    person word after "عندي" ("عندي ولد وبنت"). "زوجتي سعودية" says nothing about counts."""
    nouns = [i for i, token in enumerate(tokens) if bare(token, lexicon.DEPENDENT_NOUNS)]
    if not nouns:
        return None
    edges = {span.start - 1 for span in spans} | {span.end for span in spans}
    counted = any(
        i in edges or bare(tokens[i], lexicon.DEPENDENT_DUALS) or is_negated(tokens, i)
        or any(t in _HAVE for t in tokens[max(0, i - 2):i])
        for i in nouns
    )
    return dependents_total(tokens) if counted else None


def extract_answers(text: str) -> Dict[str, Any]:
    """Slot name → value for every slot the sentence clearly speaks about (may be empty)."""
    try:
        tokens = tokenize(text or "")
    except (ValueError, RecursionError):
        return {}
    spans = find_numbers(tokens)
    found: Dict[str, Any] = {
        "dependents_count": _dependents(tokens, spans),
        "monthly_income": _income(tokens, spans),
        "age": _age(tokens, spans),
    }
    for slot, detect in FLAG_DETECTORS.items():
        found[slot] = detect(tokens)
    return {slot: value for slot, value in found.items() if value is not None}
