"""Facts about the household said in the dialects, for the gate questions and "لا ينطبق".

- parse_not_applicable: "لا ينطبق", "ما ينطبق علي", "ما عندي عيال", "عيالي صغار",
  "ما فينا أحد يقدر يشتغل", "كلنا كبار بالسن" (and the button payload /not_applicable).
- has_children_in: "عندي ٣ عيال" → True, "ما عندي عيال" → False.
- children_below_school_age: "عيالي صغار", "دون سن المدرسة", "ما وصلوا سن المدرسة".
- able_to_work_in: "كلنا كبار بالسن", "ما فينا أحد يقدر يشتغل" → False; "ولدي يقدر
  يشتغل", "انا اقدر اشتغل" → True.
All take normalized tokens (numbers.tokenize) and return None when the text is silent.
"""

from __future__ import annotations

import itertools

from arabic_text import lexicon
from arabic_text.matching import bare, has_phrase, is_negated
from arabic_text.numbers import tokenize
from arabic_text.people_words import person_reading

_NOT_APPLICABLE = (
    "لا ينطبق",
    "ما ينطبق",
    "لا تنطبق",
    "ما تنطبق",
    "ماينطبق",
    "لاينطبق",
    "مو منطبق",
    "غير منطبق",
    "غير منطبقه",
    "مش منطبق",
    "ما يخصني",
    "لا يخصني",
    "ما يشملني",
    "لا يشملني",
    "ما يخصنا",
    "لا يخصنا",
    "ما له علاقه",
    "مالها علاقه",
    "ماله علاقه",
    "مالها دخل",
    "ماله دخل",
    "ما لها علاقه",
    "مو لي",
    "غير معني",
    "لا يعنيني",
    "not applicable",
    "n/a",
    "na",
    "ما ينطبق علي",
    "ما ينطبق علينا",
)
_SMALL = ("صغار", "صغيرين", "صغيرات", "اطفال صغار", "رضع", "رضيع")
_BELOW_SCHOOL = (
    "دون سن المدرسه",
    "تحت سن المدرسه",
    "قبل سن المدرسه",
    "ما وصلوا سن المدرسه",
    "ما بلغوا سن المدرسه",
    "ما دخلوا المدرسه",
    "مادخلوا المدرسه",
    "ما وصل سن المدرسه",
    "ما دخل المدرسه",
    "لسه صغار",
    "بعدهم صغار",
    "توهم صغار",
    "ما يدرسون",
    "ما بعد يدرسون",
)
_NOBODY_WORKS = (
    "ما فينا احد يقدر يشتغل",
    "ما فينا احد يشتغل",
    "محد فينا يقدر يشتغل",
    "محد يقدر يشتغل",
    "ما احد يقدر يشتغل",
    "ولا احد يقدر يشتغل",
    "ما فينا احد يقدر يعمل",
    "لا يوجد من يستطيع العمل",
    "ما فيه احد يقدر يشتغل",
    "مافي احد يقدر يشتغل",
    "ما فيه احد يشتغل",
    "كلنا كبار",
    "كلنا كبار بالسن",
    "كلنا كبار في السن",
    "كلنا كبار السن",
    "كلنا عاجزين",
    "كلنا مرضى",
    "كلنا متقاعدين",
    "كلنا شيبان",
    "احنا كبار بالسن",
    "احنا كبار في السن",
    "نحن كبار في السن",
    "كلنا معاقين",
    "ما نقدر نشتغل",
    "مانقدر نشتغل",
    "لا نستطيع العمل",
    "ما احد فينا يقدر يشتغل",
    "كبار بالسن وما نقدر",
    "عاجز عن العمل",
    "ما اقدر اشتغل",
    "ما اقدر اعمل",
)
_CAN_WORK = (
    "يقدر يشتغل",
    "اقدر اشتغل",
    "نقدر نشتغل",
    "تقدر تشتغل",
    "قادر على العمل",
    "يقدرون يشتغلون",
    "يستطيع العمل",
    "استطيع العمل",
    "قادرين على العمل",
)


_GLUED = frozenset("ما لا ولا كلنا احنا نحن محد مافي عيالي اطفالي".split())


def unglue(tokens: list[str]) -> list[str]:
    """ "وما فينا احد" → "ما فينا احد": a glued و must not hide a phrase."""
    return [t[1:] if t.startswith("و") and t[1:] in _GLUED else t for t in tokens]


def parse_not_applicable(text: str) -> bool:
    """Whether the answer says the question does not apply to the household (see module)."""
    if (text or "").strip().startswith("/not_applicable"):
        return True
    try:
        tokens = tokenize(text or "")
    except (ValueError, RecursionError):
        return False
    return (
        has_phrase(unglue(tokens), _NOT_APPLICABLE)
        or has_children_in(tokens) is False
        or children_below_school_age(tokens)
        or able_to_work_in(tokens) is False
    )


def has_children_in(tokens: list[str]) -> bool | None:
    """True when children are named ("عندي ٣ عيال", "ولدين وبنت"), False when denied
    ("ما عندي عيال", "ما عندنا اطفال"), None when children are not mentioned."""
    tokens = person_reading(tokens)  # "ولدي حساب" is "and I have", "أم العيال" the wife
    for index, token in enumerate(tokens):
        if bare(token, lexicon.CHILD_NOUNS) is None:
            continue
        return not is_negated(tokens, index)
    return None


def children_below_school_age(tokens: list[str]) -> bool:
    """ "عيالي صغار", "دون سن المدرسة": the children are too young for school."""
    tokens = unglue(tokens)
    if has_phrase(tokens, _BELOW_SCHOOL):
        return True
    for index, token in enumerate(tokens):
        if token in _SMALL and any(bare(t, lexicon.CHILD_NOUNS) for t in tokens[max(0, index - 2) : index]):
            return not is_negated(tokens, index, window=1)
    return False


def able_to_work_in(tokens: list[str]) -> bool | None:
    """Whether someone in the household can work: False for "كلنا كبار بالسن", "ما فينا
    أحد يقدر يشتغل"; True for "ولدي يقدر يشتغل"; None when not said."""
    tokens = unglue(tokens)
    if has_phrase(tokens, _NOBODY_WORKS) or _nobody_can_work(tokens) or _all_of_us_unable(tokens):
        return False
    for phrase in _CAN_WORK:
        if has_phrase(tokens, [phrase]):
            first = phrase.split()[0]
            index = tokens.index(first)
            return not is_negated(tokens, index, window=2)
    return None


# "ما احد / محد / ولا حدا / مفيش حد ... يشتغل": nobody (able to) work, in every dialect.
_ANYONE = frozenset("احد حد حدا".split())
_NOBODY_ONE_WORD = frozenset("محد محدش ماحد محدا".split())
_WORK_VERBS = frozenset(
    "يشتغل يقدر يعمل يستطيع بيشتغل بيقدر يشتغلون يقدرون يعملون يستطيعون شغال يشتغلو بيشتغلو".split()
)
_EXCEPT = frozenset("غير غيري غيره غيرها الا سوي بس".split())


def _nobody_can_work(tokens: list[str]) -> bool:
    """ "ما احد يشتغل"، "محد فينا يقدر"، "ما في حدا بيشتغل"، "مفيش حد يقدر يشتغل"; not
    "ما احد يشتغل غيري" (someone does)."""
    for index, token in enumerate(tokens):
        nobody = token in _NOBODY_ONE_WORD or (token in _ANYONE and is_negated(tokens, index, window=3))
        following = tokens[index + 1 : index + 5]
        if nobody and any(t in _WORK_VERBS for t in following[:3]) and not any(t in _EXCEPT for t in following):
            return True
    return False


# "كبار في السن"، "عاجزين"، "مرضى": plural or dual, so they describe the whole subject.
_UNABLE = frozenset("كبار شيبان عاجزين عجزه مرضي مريضين معاقين متقاعدين كبيرين عواجيز ختياريه ختياريه".split())
_WE = frozenset("كلنا احنا نحن حنا كلانا".split())


def _all_of_us_unable(tokens: list[str]) -> bool:
    """ "انا وزوجتي كبار في السن"، "احنا الاثنين مرضى"، "كلنا عاجزين": the whole household
    (we, or the applicant and the people listed) is unable to work."""
    for index, token in enumerate(tokens):
        if token not in _UNABLE or is_negated(tokens, index, window=2):
            continue
        before = tokens[max(0, index - 4) : index]
        listed = any(
            t == "انا" and following.startswith("و") and bare(following, lexicon.DEPENDENT_NOUNS)
            for t, following in itertools.pairwise(before)
        )
        if listed or any(t in _WE for t in before):
            return True
    return False
