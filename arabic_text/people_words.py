"""Person words that need their neighbours to be read, rewritten before counting people.

- "ولدي" is MSA "و + لدي" ("and I have") when a count, a person or a thing follows
  ("ولدي أربعة أبناء", "ولدي حساب بنكي"); it is Gulf "my son" when it stands as a person
  ("انا وزوجتي وولدي", "ولدي عمره ٥").
- "أم العيال" / "أم عيالي" is the wife, not the mother and a plural.
- "متزوج" (a married man) with other people listed and no wife word names the wife too:
  "متزوج ولدي أربعة أبناء" is 5 dependents.
- A person named as dead is nobody's dependent: "زوجي متوفى"، "توفي زوجي"، "معاش عن
  زوجي" said by a widow (أرملة) are rewritten to a neutral word before counting.
Takes and returns normalized tokens (numbers.tokenize); the rewrite is idempotent.
"""

from __future__ import annotations

from arabic_text import lexicon
from arabic_text.matching import bare
from arabic_text.numbers import find_numbers

# Things one "has" (لدي) that are not people: assets, accounts, income and the like.
_THINGS = frozenset(
    "حساب حسابات دخل راتب معاش مبلغ مال فلوس سياره سيارات بيت منزل شقه عقار عقارات ارض "
    "اراضي اسهم محل مؤسسه شركه وظيفه عمل تقاعد ديون دين قرض مرض اعاقه بطاقه هويه سجل "
    "رصيد ذهب مزرعه ابل غنم حلال".split()
)
_WIFE_OF_CHILDREN = frozenset("العيال عيالي الاولاد اولادي الاطفال اطفالي البنات".split())
_WIFE = "زوجتي"
# Words that say a person has died (normalized: ى → ي, ة → ه), before or after the person.
_DEAD_AFTER = frozenset("متوفي المتوفي متوفيه المتوفيه توفي توفيت ميت ميته مات ماتت الله المرحوم المرحومه".split())
_DEAD_BEFORE = frozenset("توفي توفيت توفت مات ماتت المرحوم المرحومه المتوفي المتوفيه فقدت".split())
_WIDOW = frozenset("ارمله الارمله ارامل وارمله".split())
_HUSBAND = frozenset("زوجي زوج الزوج وزوجي جوزي وجوزي ابو ابوهم".split())
_DEAD = "فقيد"  # neutral: not a person word, nor a word of death (the rewrite is run twice)


def _named_as_dead(tokens: list[str], index: int) -> bool:
    """Whether the person word at tokens[index] is said to be dead: "زوجي متوفى", "توفي
    ابوهم"، "زوجي الله يرحمه"، or a widow's husband ("أرملة ... معاش عن زوجي")."""
    after = tokens[index + 1 : index + 3]
    before = tokens[max(0, index - 2) : index]
    if any(t in _DEAD_AFTER for t in after[:1]) or (after[:1] == ["الله"] and after[1:2] == ["يرحمه"]):
        return True
    if any(t in _DEAD_BEFORE for t in before):
        return True
    return tokens[index] in _HUSBAND and any(t in _WIDOW for t in tokens)


def _is_wife(token: str) -> bool:
    return bare(token, lexicon.WIFE_WORDS) is not None


def person_reading(tokens: list[str]) -> list[str]:
    """The tokens with "ولدي" = "and I have" as "لدي", "أم العيال" as "زوجتي", and a wife
    added after "متزوج" when other people are counted and no wife word is said (see module)."""
    starts = {span.start for span in find_numbers(tokens)}
    out: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token == "ولدي" and (
            index + 1 in starts  # "ولدي وبنتي" is a list of people: my son and my daughter
            or (bare(following, lexicon.DEPENDENT_NOUNS) and not following.startswith("و"))
            # a thing, not a verb: "ولدي مدخرات" is "and I have", "ولدي يشتغل" my son
            or bare(following, _THINGS | lexicon.INCOME_WORDS | lexicon.ASSET_WORDS)
        ):
            out.append("لدي")
        elif token in ("ام", "وام") and following in _WIFE_OF_CHILDREN:
            out.append("و" + _WIFE if token == "وام" else _WIFE)
            index += 1
        elif bare(token, lexicon.DEPENDENT_NOUNS) and _named_as_dead(tokens, index):
            out.append(_DEAD)
        else:
            out.append(token)
        index += 1
    married = next((t for t in ("متزوج", "ومتزوج") if t in out), None)
    if married and not any(_is_wife(t) for t in out):
        at = out.index(married)
        others = [t for i, t in enumerate(out) if i != at and bare(t, lexicon.DEPENDENT_NOUNS)]
        if others and at + 1 not in {span.start for span in find_numbers(out)}:
            out[at] = "زوجه" if married == "متزوج" else "وزوجه"
    return out
