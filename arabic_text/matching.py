"""Small helpers for matching words and phrases in token lists from numbers.tokenize()."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from arabic_text import lexicon


def has_phrase(tokens: list[str], phrases: Iterable[str]) -> bool:
    """True when one of the phrases occurs as whole words in the tokens."""
    padded = f" {' '.join(tokens)} "
    return any(f" {phrase} " in padded for phrase in phrases)


def bare(token: str, vocabulary: Collection[str]) -> str | None:
    """The token as a vocabulary word, also with a glued و or the article ال before it
    (وبنت → بنت, الزوجه → زوجه, والعيال → عيال)."""
    if token in vocabulary:
        return token
    for prefix in ("و", "ال", "وال"):
        if len(token) > len(prefix) + 1 and token.startswith(prefix) and token[len(prefix) :] in vocabulary:
            return token[len(prefix) :]
    base = accusative_base(token)
    return bare(base, vocabulary) if base else None


def accusative_base(token: str) -> str | None:
    """The word under the MSA accusative ending, tanween written or not ("اصولا" from
    "أصولًا" → اصول, "معاشا" → معاش), else None. Only for words of four letters or more
    before the alef, so that "جدا" (very), "اما" and "عما" are never read as جد، ام، عم."""
    return token[:-1] if token.endswith("ا") and len(token) >= 5 else None


def is_negated(tokens: list[str], index: int, window: int = 3) -> bool:
    """Whether a negator stands in the `window` words before tokens[index] ("ما عندي عيال").

    An exception word between them ("ما عندي غير ولد") cancels the negation, and punctuation
    ends the search (a negation does not cross a comma). غير on its own negates ("غير سعودي").
    """
    for position in range(index - 1, max(-1, index - 1 - window), -1):
        token = tokens[position]
        if token == "غير" and not is_negated(tokens, position, window=2):
            return True  # "غير سعودي": غير negates when no negator stands before it
        if token in lexicon.EXCEPTIONS or not any(ch.isalnum() for ch in token):
            return False
        if token in lexicon.ANSWER_NO and tokens[position + 1] in lexicon.SUBJECT_PRONOUNS:
            return False  # "لا انا ساكن بالمملكة": an answer, then a statement
        if token in lexicon.NEGATORS or (token.startswith("و") and token[1:] in lexicon.NEGATORS):
            return True  # "ما عندي", and "وما عندي" with a glued و
    return False


def has_exception(tokens: list[str]) -> bool:
    return any(token in lexicon.EXCEPTIONS for token in tokens)
