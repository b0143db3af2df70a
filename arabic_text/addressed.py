"""Whether a reply addresses the yes/no question asked, or states other facts.

"عندي" is a yes word, so "عندي حساب بنكي" asked "do you live in a care home?" would read
as yes (fault report of 2026-12-05, point 1). These readers split a reply into clauses
and tell a plain yes/no from a statement about another fact.
"""

from __future__ import annotations

import re

from arabic_text.answers import extract_answers, is_correction
from arabic_text.income import read_income
from arabic_text.normalize import normalize
from arabic_text.yes_no import parse_yes_no

# The yes/no questions whose "wrong" answer refuses the family outright: never guessed.
REFUSAL_SLOTS = frozenset({"is_saudi", "resides_in_ksa", "has_bank_account", "lives_in_care_facility"})
# Where one statement ends and another begins: punctuation, "و" glued to the next word,
# and the dialect "but"s ("ايه، وعندي ٣ عيال", "لا بس عندي حساب").
_CLAUSE_BREAK = re.compile(r"[،,.!?؟؛;\n]+|\s+(?:بس|لكن|ولكن|بعدين|وبعدين)\s+|\s+(?=و\S)")
# Words that say "I have / there is" about whatever follows them (normalized).
_HAVE_WORDS = frozenset("عندي عندنا وعندي وعندنا فيه يوجد موجود موجوده".split())
# Words after "عندي" that still only answer the question ("ايوه عندي والله").
_FILLER_WORDS = frozenset("والله الحمدلله الحمد لله ان شاء يا اخوي اختي اخي طال عمرك اكيد طبعا نعم".split())


def _states_other_facts(slot: str, clause: str) -> bool:
    """True when `clause` states a fact for another answer slot, or an income."""
    others = {k for k in extract_answers(clause) if k != slot}
    income = read_income(clause)  # "ما عندي" reads as no income: not a statement
    return bool(others) or (income is not None and bool(income.items or income.unclassified_items))


# Words that keep "عندي ..." about the question itself (normalized stems): "عندي حساب"
# answers the bank question even where the bank reader wants "حساب بنكي".
_SLOT_STEMS = {
    "has_bank_account": ("حساب", "بنك", "مصرف", "ايبان", "راجحي", "اهلي", "انماء"),
    "lives_in_care_facility": ("دار", "رعايه", "ايواء"),
    "resides_in_ksa": ("ساكن", "اسكن", "مقيم", "اقامه", "المملكه", "السعوديه"),
    "is_saudi": ("سعودي", "جنسيه", "هويه"),
}


def _has_something_else(slot: str, clause: str) -> bool:
    """ "عندي بيت": a have-word followed by a thing that is not the question's, so the
    clause is about that thing."""
    words = normalize(clause).split()
    stems = _SLOT_STEMS.get(slot, ())
    return any(
        word in _HAVE_WORDS
        and any(w not in _FILLER_WORDS for w in words[index + 1 :])
        and not any(stem in w for w in words[index + 1 :] for stem in stems)
        for index, word in enumerate(words)
    )


def _plain_clauses(slot: str, text: str) -> list[str]:
    """The clauses of `text` that are a yes/no stating nothing else."""
    clauses = [c for c in _CLAUSE_BREAK.split(text or "") if c and c.strip()]
    return [
        c
        for c in clauses
        if parse_yes_no(c) is not None
        and not is_correction(c)  # "لا غلطت، راتبي ٢٠٠٠": the "لا" corrects
        and not _states_other_facts(slot, c)
        and not (slot in REFUSAL_SLOTS and _has_something_else(slot, c))
    ]


def clause_yes_no(slot: str, text: str) -> bool | None:
    """The yes/no of the first clause that is only a yes/no ("لا، بس عندي حساب" → False),
    for a message that mixes a reply with a statement; None when there is none."""
    plain = _plain_clauses(slot, text)
    return parse_yes_no(plain[0]) if plain else None


def speaks_to(slot: str, text: str) -> bool:
    """Whether a yes/no read from `text` answers the yes/no question for `slot`.

    `answer_for_slot` falls back on a plain yes/no, and "عندي" is a yes
    word: so "عندي حساب بنكي" asked "do you live in a care home?" read as yes. A
    yes/no counts only when the text speaks of `slot` itself (its own reader finds
    it), or when some clause of it is a yes/no that states nothing else ("نعم، وعندي
    ٣ عيال"). For the refusal slots (REFUSAL_SLOTS) a clause "عندي <thing>" is about
    that thing, not a yes. False means: the text is not an answer to this question.
    """
    if extract_answers(text).get(slot) is not None:
        return True
    if _plain_clauses(slot, text):
        return True
    clauses = [c for c in _CLAUSE_BREAK.split(text or "") if c and c.strip()]
    # No yes/no clause of its own: only a text that states nothing else may still be
    # read by the slot's own words or the NLU intent ("مو ساكن", a button).
    return not any(_states_other_facts(slot, c) for c in clauses) and not (
        slot in REFUSAL_SLOTS and _has_something_else(slot, text or "")
    )
