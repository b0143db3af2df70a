"""Person words that need their neighbours to be read, rewritten before counting people.

- "ولدي" is MSA "و + لدي" ("and I have") when a count, a person or a thing follows
  ("ولدي أربعة أبناء", "ولدي حساب بنكي"); it is Gulf "my son" when it stands as a person
  ("انا وزوجتي وولدي", "ولدي عمره ٥").
- "أم العيال" / "أم عيالي" is the wife, not the mother and a plural.
- "متزوج" (a married man) with other people listed and no wife word names the wife too:
  "متزوج ولدي أربعة أبناء" is 5 dependents.
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
            or bare(following, _THINGS | lexicon.INCOME_WORDS)  # not a verb: "ولدي يشتغل" is my son
        ):
            out.append("لدي")
        elif token in ("ام", "وام") and following in _WIFE_OF_CHILDREN:
            out.append("و" + _WIFE if token == "وام" else _WIFE)
            index += 1
        else:
            out.append(token)
        index += 1
    if "متزوج" in out and not any(_is_wife(t) for t in out):
        at = out.index("متزوج")
        others = [t for i, t in enumerate(out) if i != at and bare(t, lexicon.DEPENDENT_NOUNS)]
        if others and at + 1 not in {span.start for span in find_numbers(out)}:
            out[at] = "زوجه"
    return out
