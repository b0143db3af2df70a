"""Vocabulary of Arabic number words as people type them, keyed by their normalized spelling.

Keys are in normalize() form (ة → ه, أ → ا, ئ → ي, ى → ي), so one entry covers several
typings. Dialect forms: Gulf/Najdi (ثنتين، حدعش، خمسطعش), Hijazi/Egyptian (اتنين، تلاتة،
حداشر، تلتمية), Levantine (تلاتين، ميتين) and MSA (اثنان، مائة، مئتان).
"""

from __future__ import annotations

import re

# kind: "zero", "unit" (1–9), "ten" (10, may follow a unit to make a teen), "teen" (11–19),
# "tens" (20–90), "hundred" (100–900), "scale" (1000, 10**6; multiplies what precedes),
# "dual_scale" (2000, 2*10**6; complete on its own), "plural_scale" (آلاف after 3–10).
_WORDS: dict[str, tuple[int, str]] = {}


def _add(words: str, value: int, kind: str) -> None:
    for word in words.split():
        _WORDS[word] = (value, kind)


_add("صفر زيرو", 0, "zero")
_add("واحد واحده وحده", 1, "unit")
_add("اثنين اثنان اتنين ثنين تنين اثنتين اثنتان ثنتين اتنتين ثنتان", 2, "unit")
_add("ثلاثه ثلاث تلاته تلات تلاث تلت", 3, "unit")
_add("اربعه اربع", 4, "unit")
_add("خمسه خمس", 5, "unit")
_add("سته ست سطه", 6, "unit")
_add("سبعه سبع", 7, "unit")
_add("ثمانيه ثماني ثمان تمانيه تمنيه تمان ثمنيه تمن", 8, "unit")
_add("تسعه تسع", 9, "unit")
_add("عشره عشر", 10, "ten")
_add("عشرين عشرون", 20, "tens")
_add("ثلاثين ثلاثون تلاتين تلاثين", 30, "tens")
_add("اربعين اربعون", 40, "tens")
_add("خمسين خمسون", 50, "tens")
_add("ستين ستون", 60, "tens")
_add("سبعين سبعون", 70, "tens")
_add("ثمانين ثمانون تمانين ثمنين", 80, "tens")
_add("تسعين تسعون", 90, "tens")
_add("ميه مائه ميت مايه", 100, "hundred")
_add("ميتين ميتان مائتين مائتان متين", 200, "hundred")
_add("الف", 1000, "scale")
_add("الفين الفان", 2000, "dual_scale")
_add("الاف تلاف الوف", 1000, "plural_scale")
_add("مليون", 10**6, "scale")
_add("مليونين مليونان", 2 * 10**6, "dual_scale")
_add("ملايين", 10**6, "plural_scale")

# Words that only make 11 and 12 when followed by عشر (احد عشر، اثنا عشر).
_PRE_TEN = {"احد": 1, "احدي": 1, "حادي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2}

# Stems of units as they appear glued to a suffix (خمسمية، تلتمية، خمسطعش، حداشر).
_STEMS = {
    "حد": 1,
    "احد": 1,
    "اثن": 2,
    "اتن": 2,
    "اطن": 2,
    "ثن": 2,
    "ثلاث": 3,
    "ثلث": 3,
    "تلت": 3,
    "تلات": 3,
    "ثلط": 3,
    "تلط": 3,
    "ثلاثط": 3,
    "اربع": 4,
    "ربع": 4,
    "اربط": 4,
    "خمس": 5,
    "ست": 6,
    "سط": 6,
    "سبع": 7,
    "ثمان": 8,
    "ثمن": 8,
    "تمن": 8,
    "تمان": 8,
    "تسع": 9,
}
_STEM_PATTERN = "|".join(sorted(_STEMS, key=len, reverse=True))
_TEEN = re.compile(f"^({_STEM_PATTERN})(?:ت|ط)?(?:اشر|عشر|عش|طعش|تعش|طاشر|تاشر)$")
_HUNDREDS = re.compile(f"^({_STEM_PATTERN})(?:ميه|مائه|ميت|مايه)$")

# Halves and quarters after a scale: الف ونص = 1500, الفين وربع = 2250.
FRACTIONS = {"نص": 0.5, "نصف": 0.5, "ربع": 0.25}
# Digits followed by "k" (3k) are a Latin habit some users bring.
LATIN_THOUSANDS = {"k"}


def lookup(word: str) -> tuple[int, str] | None:
    """(value, kind) of one normalized word, or None when it is not a number word."""
    if word in _WORDS:
        return _WORDS[word]
    teen = _TEEN.match(word)
    if teen and _STEMS[teen.group(1)] != 0:
        return 10 + _STEMS[teen.group(1)], "teen"
    hundreds = _HUNDREDS.match(word)
    if hundreds and _STEMS[hundreds.group(1)] >= 3:
        return 100 * _STEMS[hundreds.group(1)], "hundred"
    return None


def pre_ten_value(word: str) -> int | None:
    """1 or 2 for words that need a following عشر (احد عشر)."""
    return _PRE_TEN.get(word)
