"""Yes/no facts that a free sentence states about the applicant ("أنا سعودي", "ما عندي حساب بنكي").

Each detector returns True, False, or None when the sentence does not speak about that fact.
"""

from __future__ import annotations

from collections.abc import Callable

from arabic_text.assets import has_high_value_assets_in
from arabic_text.matching import bare, has_phrase, is_negated
from arabic_text.nationality import COUNTRIES, is_saudi_in

_PLACES = frozenset(
    "السعوديه المملكه الرياض جده مكه المدينه الدمام الخبر الطايف ابها تبوك حايل القصيم "
    "بريده جازان جيزان نجران الاحساء الجوف ينبع الباحه عرعر سكاكا القطيف الظهران الخرج "
    "الجبيل خميس مشيط عنيزه الرس المجمعه الدوادمي القريات حفر الباطن بيشه صبيا الليث رابغ "
    "القنفذه الزلفي شقراء وادي الدواسر الهفوف المبرز الاحمدي البلد الوطن هنا".split()
)
_LIVE_VERBS = frozenset(
    "ساكن ساكنه ساكنين ساكنون اسكن نسكن يسكن يسكنون مقيم مقيمه مقيمين مقيمون اقيم نقيم اعيش نعيش "
    "عايش عايشه عايشين قاعد قاعدين".split()
)
# "مقيم" on its own: with a Saudi nationality, residence in the Kingdom ("سعودي مقيم").
_RESIDENT = frozenset("مقيم مقيمه مقيمين مقيمون".split())


def _place_follows(nearby: list[str]) -> bool:
    """Whether a place we do not know is named next ("مقيم في دبي"، "مقيم بعمان")."""
    first = nearby[0] if nearby else ""
    return first in ("في", "فى", "داخل") or (first.startswith("ب") and len(first) > 3)


_ABROAD = (
    "خارج المملكه",
    "خارج السعوديه",
    "برا السعوديه",
    "برا المملكه",
    "خارج البلد",
    "برا البلد",
    "بره السعوديه",
    "بره المملكه",
    "بالخارج",
    "في الخارج",
)
# "ساكن برا" / "عايشين بره": outside, with the country left unsaid.
_OUTSIDE = frozenset("برا بره بالخارج برة".split())


# Saudi banks, for "حسابي في الراجحي", "عندي حساب بالأهلي".
def resides_in_ksa_answer(tokens: list[str]) -> bool | None:
    """The answer to "do you live in the Kingdom?": a sentence rule first (resides_in_ksa),
    then a lone verb of living ("مقيم", "ايوه ساكن", "انا عايش هنا") is a yes and its
    negation ("مو مقيم") a no. Asked there, "مقيم" names the place asked about."""
    stated = resides_in_ksa(tokens)
    if stated is not None:
        return stated
    for index, token in enumerate(tokens):
        if bare(token, _LIVE_VERBS) is not None and not _place_follows(tokens[index + 1 : index + 2]):
            return not is_negated(tokens, index, window=2)
    return None


_BANKS = frozenset("الراجحي الاهلي الانماء البلاد الجزيره ساب سامبا العربي الاول الفرنسي الاستثمار بنك مصرف".split())


def _bank_name(word: str) -> bool:
    return word in _BANKS or (word[:1] in "بل" and ("ال" + word[3:] in _BANKS or word[1:] in _BANKS))


_BANK_AFTER_ACCOUNT = frozenset("بنكي بنكيه بنك البنك بالبنك مصرفي مصرفيه بنكك".split())
_CARE = (
    "دار رعايه",
    "دار الرعايه",
    "دور الرعايه",
    "دار ايواء",
    "دار الايواء",
    "مركز ايواء",
    "مراكز الايواء",
    "مركز الايواء",
    "دار المسنين",
    "دار الايتام",
    "دار العجزه",
)


def resides_in_ksa(tokens: list[str]) -> bool | None:
    """ "ساكن في الرياض" → True; "أعيش خارج المملكة" → False."""
    if has_phrase(tokens, _ABROAD):
        index = next(i for i, t in enumerate(tokens) if t in ("خارج", "برا", "بره", "بالخارج", "الخارج"))
        return is_negated(tokens, index, window=2)
    for index, token in enumerate(tokens):
        if bare(token, _LIVE_VERBS) is None:
            continue
        nearby = tokens[index + 1 : index + 4]
        if nearby[:1] and nearby[0] in _OUTSIDE:
            return is_negated(tokens, index, window=2)
        if any(word in _PLACES or word[1:] in _PLACES for word in nearby):
            return not is_negated(tokens, index, window=2)
        if any(word in COUNTRIES or word[1:] in COUNTRIES for word in nearby):
            return is_negated(tokens, index, window=2)  # "ساكن في مصر": living abroad
        if bare(token, _RESIDENT) and not _place_follows(nearby) and is_saudi_in(tokens):
            # "سعودية ومقيمة": a Saudi resident here; "مقيم أجنبي" names an expat, not a place.
            return not is_negated(tokens, index, window=2)
    # "انا في الرياض", "احنا بجدة": a Saudi place right after the pronoun.
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if token in ("انا", "احنا", "نحن") and (
            following[1:] in _PLACES
            or following in _PLACES
            or (following == "في" and tokens[index + 2 : index + 3] and tokens[index + 2] in _PLACES)
        ):
            return True
    return None


def has_bank_account(tokens: list[str]) -> bool | None:
    """ "عندي حساب بنكي" → True; "ما عندي حساب في البنك" → False; "ايبان" also counts."""
    for index, token in enumerate(tokens):
        is_account = bare(token, ("حساب", "حسابي")) and any(
            word in _BANK_AFTER_ACCOUNT or _bank_name(word) for word in tokens[index + 1 : index + 3]
        )
        if is_account or token in ("ايبان", "الايبان", "iban"):
            return not is_negated(tokens, index)
    return None


_CARE_FIRST = frozenset(phrase.split()[0] for phrase in _CARE)


def lives_in_care_facility(tokens: list[str]) -> bool | None:
    """ "ساكن في دار رعاية" → True; "مو في دار رعاية", "ما نسكن بدار رعاية" → False."""
    # "بدار", "بمركز", "بدور": the preposition ب glued to the place.
    tokens = [t[1:] if t[:1] == "ب" and t[1:] in _CARE_FIRST else t for t in tokens]
    for phrase in _CARE:
        first = phrase.split()[0]
        if has_phrase(tokens, [phrase]):
            index = tokens.index(first)
            return not is_negated(tokens, index)
    return None


_ACCEPT_REHAB = ("التاهيل", "تاهيل", "التدريب", "تدريب", "التوظيف", "برامج التاهيل", "دورات")
_ACCEPT_VERBS = frozenset("اقبل موافق موافقه موافقين اوافق ابي ابغي ودي مستعد مستعده مستعدين نقبل نوافق قابلين".split())
_REFUSE_VERBS = frozenset("ارفض رافض رافضه نرفض".split())


def accepts_rehabilitation(tokens: list[str]) -> bool | None:
    """ "اقبل برامج التأهيل", "موافق على التدريب" → True; "ارفض التأهيل", "ما ابي تدريب" → False."""
    for index, token in enumerate(tokens):
        if token not in _ACCEPT_REHAB:
            continue
        before = tokens[max(0, index - 3) : index]
        if any(bare(word, _REFUSE_VERBS) for word in before):
            return False
        verbs = [i for i in range(max(0, index - 3), index) if bare(tokens[i], _ACCEPT_VERBS)]
        if verbs:
            return not is_negated(tokens, verbs[0], window=2)
    return None


_SCHOOL = frozenset("المدرسه المدارس بالمدرسه بالمدارس مدرسه مدارس يدرسون يدرس تدرس مسجلين".split())


def meets_education_health(tokens: list[str]) -> bool | None:
    """ "عيالي كلهم بالمدارس", "مسجلين بالمدرسة" → True. A denial is not read here: "ما
    يدرسون" may mean below school age, which the form asks about instead."""
    for index, token in enumerate(tokens):
        if token in _SCHOOL and not is_negated(tokens, index) and not has_phrase(tokens, ("سن المدرسه",)):
            return True
    return None


FLAG_DETECTORS: dict[str, Callable[[list[str]], bool | None]] = {
    "is_saudi": is_saudi_in,
    "resides_in_ksa": resides_in_ksa,
    "has_bank_account": has_bank_account,
    "has_high_value_assets": has_high_value_assets_in,
    "lives_in_care_facility": lives_in_care_facility,
    "accepts_rehabilitation": accepts_rehabilitation,
    "meets_education_health": meets_education_health,
}
