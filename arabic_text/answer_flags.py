"""Yes/no facts that a free sentence states about the applicant ("أنا سعودي", "ما عندي حساب بنكي").

Each detector returns True, False, or None when the sentence does not speak about that fact.
"""
from __future__ import annotations

from typing import Callable, Dict, List, Optional

from arabic_text.matching import has_phrase, is_negated

_SAUDI = frozenset("سعودي سعوديه سعوديين سعوديات مواطن مواطنه".split())
_FOREIGN = frozenset("اجنبي اجنبيه اجانب وافد وافده وافدين".split())
# "مقيم" is an expatriate when it stands alone, but "residing" before a place (مقيم في الرياض).
_RESIDENT = frozenset("مقيم مقيمه".split())
# Other people the applicant may describe: "زوجتي سعودية" says nothing about the applicant.
_RELATIVES = frozenset(
    "زوجي زوجتي زوج زوجه امي ابوي ابي امهم ابوهم اولادي عيالي ابني بنتي اخوي اختي".split()
)
_PLACES = frozenset(
    "السعوديه المملكه الرياض جده مكه المدينه الدمام الخبر الطايف ابها تبوك حايل القصيم "
    "بريده جازان نجران الاحساء الجوف ينبع الباحه عرعر سكاكا القطيف الظهران الخرج".split()
)
_LIVE_VERBS = frozenset("ساكن ساكنه اسكن نسكن مقيم مقيمه اقيم نقيم اعيش نعيش عايش عايشه".split())
_ABROAD = ("خارج المملكه", "خارج السعوديه", "برا السعوديه", "برا المملكه", "خارج البلد",
           "برا البلد", "بره السعوديه", "بره المملكه", "بالخارج", "في الخارج")
_BANK_AFTER_ACCOUNT = frozenset("بنكي بنكيه بنك البنك بالبنك مصرفي مصرفيه بنكك".split())
_ASSETS = frozenset(
    "عقار عقارات ارض اراضي عماره عماير عمارات املاك اصول استثمارات اسهم مزرعه مزارع استراحه "
    "استراحات محلات".split()
)
_HAVE = frozenset("عندي عندنا لدي لدينا املك نملك احوز".split())
_CARE = ("دار رعايه", "دار الرعايه", "دور الرعايه", "دار ايواء", "دار الايواء", "مركز ايواء",
         "مراكز الايواء", "مركز الايواء", "دار المسنين", "دار الايتام", "دار العجزه")


def _about_someone_else(tokens: List[str], index: int) -> bool:
    return any(token in _RELATIVES for token in tokens[max(0, index - 2):index])


def is_saudi(tokens: List[str]) -> Optional[bool]:
    """"أنا سعودي" → True; "مو سعودي", "غير سعودي", "مقيم أجنبي", "وافد" → False."""
    for index, token in enumerate(tokens):
        if _about_someone_else(tokens, index):
            continue
        if token in _SAUDI:
            return not is_negated(tokens, index, window=2)
        if token in _FOREIGN:
            return is_negated(tokens, index, window=2)
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token in _RESIDENT and following not in ("في", "داخل") and not following.startswith("بال"):
            return False
    return None


def resides_in_ksa(tokens: List[str]) -> Optional[bool]:
    """"ساكن في الرياض" → True; "أعيش خارج المملكة" → False."""
    if has_phrase(tokens, _ABROAD):
        index = next(i for i, t in enumerate(tokens) if t in ("خارج", "برا", "بره", "بالخارج", "الخارج"))
        return is_negated(tokens, index, window=2)
    for index, token in enumerate(tokens):
        if token not in _LIVE_VERBS:
            continue
        nearby = tokens[index + 1:index + 4]
        if any(word in _PLACES or word[1:] in _PLACES for word in nearby):
            return not is_negated(tokens, index, window=2)
    return None


def has_bank_account(tokens: List[str]) -> Optional[bool]:
    """"عندي حساب بنكي" → True; "ما عندي حساب في البنك" → False; "ايبان" also counts."""
    for index, token in enumerate(tokens):
        is_account = token in ("حساب", "الحساب") and any(
            word in _BANK_AFTER_ACCOUNT for word in tokens[index + 1:index + 3]
        )
        if is_account or token in ("ايبان", "الايبان", "iban"):
            return not is_negated(tokens, index)
    return None


def has_high_value_assets(tokens: List[str]) -> Optional[bool]:
    """"عندي أرض" → True; "ما عندي عقارات" → False. A home or a car alone does not count."""
    for index, token in enumerate(tokens):
        if token in _ASSETS and any(word in _HAVE for word in tokens[max(0, index - 3):index]):
            return not is_negated(tokens, index)
    return None


def lives_in_care_facility(tokens: List[str]) -> Optional[bool]:
    """"ساكن في دار رعاية" → True; "مو في دار رعاية" → False."""
    for phrase in _CARE:
        first = phrase.split()[0]
        if has_phrase(tokens, [phrase]):
            index = tokens.index(first)
            return not is_negated(tokens, index)
    return None


FLAG_DETECTORS: Dict[str, Callable[[List[str]], Optional[bool]]] = {
    "is_saudi": is_saudi,
    "resides_in_ksa": resides_in_ksa,
    "has_bank_account": has_bank_account,
    "has_high_value_assets": has_high_value_assets,
    "lives_in_care_facility": lives_in_care_facility,
}
