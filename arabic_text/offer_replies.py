"""Typed replies to the bot's offers that are not a plain yes or no: asking for a
person ("ابي موظف"), carrying on with the questions ("نكمل"), going back to them
("ارجع للاسئلة"). Each reads text as `arabic_text.normalize` writes it.
"""

from __future__ import annotations

import re

# "ابي موظف", "كلموني", "أبغى أكلم أحد": asking for a person is a yes to that offer.
_WANTS_PERSON = re.compile(r"موظف|شخص|انسان|احد يكلمني|كلموني|اكلم احد|خدمه العملاء|human|agent", re.IGNORECASE)
# "أكمل", "كمل", "نكمل": carrying on with the questions is a no to that offer.
_CARRY_ON = re.compile(r"(?<!\w)(?:ا?كمل|نكمل|كملي|استمر|خلنا نكمل)(?!\w)")
# "ارجع للاسئلة", "نرجع للفحص": going back to the questions.
_BACK_TO_QUESTIONS = re.compile(r"(?<!\w)[ان]?رجع (?:لل|الي ال)(?:اسيله|سوال|فحص|استعلام)")


# "ما ابي موظف", "لا تحولني", "الغ طلب الموظف": taking back a request for a person.
_DECLINES = re.compile(
    r"(?<!\w)(?:ما ?ابي|ما ?ابغي|ما ?ابغا|مابي|مابغي|ما احتاج|مااحتاج|مو لازم|مش لازم|لا تحول\w*|"
    r"لا تكلم\w*|ما له داعي|مالها داعي|بلاش|الغ|الغي|الغاء|كنسل|cancel)(?!\w)",
    re.IGNORECASE,
)


def declines_person(text: str) -> bool:
    """Whether normalized `text` takes back a request for a person ("خلاص ما ابي موظف",
    "الغ طلب الموظف", "لا ما احتاج احد يكلمني"): it names the person and refuses."""
    return bool(_WANTS_PERSON.search(text)) and bool(_DECLINES.search(text))


def asks_for_person(text: str) -> bool:
    """Whether normalized `text` asks for a person ("ابي موظف", "كلموني", "human")."""
    return bool(_WANTS_PERSON.search(text))


def carries_on(text: str) -> bool:
    """Whether normalized `text` says to carry on with the questions ("كمل", "نكمل")."""
    return bool(_CARRY_ON.search(text))


def goes_back_to_questions(text: str) -> bool:
    """Whether normalized `text` asks to go back to the questions ("نرجع للفحص")."""
    return bool(_BACK_TO_QUESTIONS.search(text))
