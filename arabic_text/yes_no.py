"""Yes or no from dialect answers: "ايوه عندي" → True, "لا والله ما عندي" → False, "يمكن" → None.

Order of reading: button payloads, then hedges (unknown), then negation, then yes words.
Negation is read first so that "مو صحيح" is a no even though صحيح alone is a yes.
"""

from __future__ import annotations

from arabic_text import lexicon
from arabic_text.matching import has_phrase
from arabic_text.normalize import normalize
from arabic_text.numbers import tokenize

_YES = frozenset(
    "نعم ايوه ايوا ايوة اي ايه اه اها ايي اكيد صح طبعا تمام بلي صحيح عندي موجود يوجد فيه "
    "اجل اوكي اوك ماشي مضبوط بالضبط اكيده اوكيه وافق موافق موافقه اقبل اوافق حاضر "
    "مستعد مستعده مستعدين جاهز جاهزه نقبل موافقين "
    "yes yeah yep yup ok okay sure y ✅ 👍 ✔".split()
)
# Answers that are only a no: لا، لأ، لاء، ابد، كلا... (after normalize لأ is لا).
_NO = frozenset("لا لاء ابد ابدا كلا ارفض رافض رافضه no nope nah n ❌ 👎 ✖".split())
# Negated phrases that mean yes: "ما عندي مانع" (I don't mind), "ما يخالف" (Gulf: fine).
_YES_PHRASES = (
    "ما عندي مانع",
    "ماعندي مانع",
    "ما في مانع",
    "مافي مانع",
    "لا مانع",
    "ما يخالف",
    "مايخالف",
    "ما في مشكله",
    "مافي مشكله",
    "مو مشكله",
    "مش مشكله",
    "لا باس",
    "ما عندي اعتراض",
    "لا يوجد مانع",
    "معنديش مانع",
    "ولا يهمك",
)
# Yes words that only strengthen: with a no they make an emphatic no ("اكيد لا").
_INTENSIFIERS = frozenset("اكيد اكيده طبعا".split())
# Negators that attach to the next word: مو صحيح, ما عندي, مش موجود.
_ATTACHED_NEGATORS = frozenset("ما مو مب مهوب موب مش ليس لست ماني مانيب".split())
# One-word negations ("مافي", "ماعندي").
_NEGATION_WORDS = frozenset("مافي مافيه ماعندي ماعنديش معنديش مفيش مافيش لايوجد".split())
# Polite fillers that change nothing: "لا والله" is a no, "اي والله" a yes.
_FILLERS = frozenset("والله يا اخوي اختي اخي حبيبي طال عمرك ان شاء الله الحمدلله الحمد لله".split())


def _payload(text: str) -> bool | None:
    stripped = text.strip()
    if stripped.startswith("/affirm"):
        return True
    if stripped.startswith("/deny"):
        return False
    return None


def _negated_statement(tokens: list[str]) -> bool:
    """ "ما عندي", "مو صحيح", "مافي": a statement that denies something."""
    for index, token in enumerate(tokens):
        if token in _NEGATION_WORDS:
            return True
        if token in _ATTACHED_NEGATORS:
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            if following.isalpha() or (not following and token != "ما"):
                return True  # "مو صحيح", or a lone "مو" / "مب" / "مش" as the whole answer
    return False


def _plain_yes_words(tokens: list[str]) -> set[str]:
    """Yes words that no negator stands right before (so "مو صحيح" does not count)."""
    found = set()
    for index, token in enumerate(tokens):
        word = token[1:] if token.startswith("و") and token[1:] in _YES else token
        if word in _YES:
            before = tokens[index - 1] if index else ""
            if before not in _ATTACHED_NEGATORS and before not in _NO:
                found.add(word)
    return found


def asks_what_is_meant(text: str) -> bool:
    """True when the reply says the question was not understood ("ما فهمت وش تقصد",
    "مش فاهم", "يعني ايش؟"), so the question should be explained, not repeated."""
    return bool(text) and has_phrase(tokenize(text), lexicon.CONFUSED_PHRASES)


def says_unsure(text: str) -> bool:
    """True when the reply says the person does not know the answer ("مدري", "والله ما
    ادري", "مو متأكد", "not sure"): not an answer, and not a failed one either."""
    return bool(text) and has_phrase(tokenize(text), lexicon.UNSURE_PHRASES) and not asks_what_is_meant(text)


def is_courtesy(text: str) -> bool:
    """Whether `text` has a word of greeting, thanks or goodbye ("يعطيك العافيه", "هلا",
    "مع السلامه", "thanks"), or is emoji only ("😊"): what makes a message a courtesy
    rather than a failed answer the NLU took for one."""
    plain = normalize(text or "")
    if plain.strip() and not any(ch.isalnum() for ch in plain):
        return True
    lowered = plain.lower()
    words = lowered.split()
    for stem in lexicon.COURTESY_STEMS:
        if " " in stem:
            if stem in lowered:
                return True
        elif any(word.startswith((stem, "و" + stem)) for word in words):
            return True
    return False


def parse_yes_no(text: str) -> bool | None:
    """True for yes, False for no, None when the answer is unclear or mixed."""
    if not text:
        return None
    payload = _payload(text)
    if payload is not None:
        return payload
    tokens = tokenize(text)
    if not tokens or has_phrase(tokens, lexicon.UNSURE_PHRASES):
        return None
    if has_phrase(tokens, _YES_PHRASES):
        return True
    # Punctuation stays in: "لا، عندي" (a no, then a yes) must not read as "لا عندي".
    words = [token for token in tokens if token not in _FILLERS]
    if _negated_statement(words):
        return False  # "ايه ما عندي" still denies having it
    yes_words = _plain_yes_words(words)
    if any(token in _NO for token in words):
        # "اكيد لا" / "لا طبعا" is an emphatic no; "لا، عندي" says both.
        return False if yes_words <= _INTENSIFIERS else None
    return True if yes_words else None
