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


def asks_for_person(text: str) -> bool:
    """Whether normalized `text` asks for a person ("ابي موظف", "كلموني", "human")."""
    return bool(_WANTS_PERSON.search(text))


def carries_on(text: str) -> bool:
    """Whether normalized `text` says to carry on with the questions ("كمل", "نكمل")."""
    return bool(_CARRY_ON.search(text))


def goes_back_to_questions(text: str) -> bool:
    """Whether normalized `text` asks to go back to the questions ("نرجع للفحص")."""
    return bool(_BACK_TO_QUESTIONS.search(text))
