"""One canonical spelling for Arabic as people type it, so that matching and NLU see one form.

Decisions (each one merges spellings users mix up; none of them is a correction of grammar):
- Diacritics, Quranic marks, superscript alef and tatweel are dropped: users type them rarely
  and inconsistently (شـــروط, شُرُوط).
- أ إ آ ٱ → ا, ى → ي, ة → ه: the commonest confusions in chat text (اسال/أسأل, علي/على).
- ؤ → و and ئ → ي: users often type the hamza seat without the hamza (سوال for سؤال, مسيول
  for مسئول, اسيله for أسئلة), so mapping them makes typed-with and typed-without meet.
  The bare hamza ء is kept: dropping it would turn ماء into ما (the negation word).
- Arabic-Indic and Persian digits → ASCII; thousands separators between digits go, decimal
  points stay (١٬١٠٠ → 1100, 1.5 stays 1.5).
- Runs of 3 or more of the same letter are emphasis (ايييوه, شكراااا) and collapse to one;
  runs of two are kept because real words have them (ممتاز after shadda removal is not one).
- ظمان → ضمان: the program's own name is often typed with ظ.
- Latin is lowercased; sentence punctuation is set apart by spaces, but not between digits
  (decimals) and never for / or - (dates, intent payloads).

normalize() is idempotent: normalize(normalize(x)) == normalize(x).
"""

from __future__ import annotations

import re
import unicodedata

from saudi_locale.digits import ARABIC_INDIC, PERSIAN, latin_digit

# Harakat, tanween, shadda, sukun, superscript alef, Quranic annotation marks, tatweel.
_STRIP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]")

_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ة": "ه",
        "ۀ": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",  # Persian kaf, from Persian keyboards
        **{digit: latin_digit(digit) for digit in ARABIC_INDIC + PERSIAN},
        "٫": ".",  # Arabic decimal separator
        "\u00a0": " ",
        "\u200f": "",
        "\u200e": "",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\ufeff": "",
    }
)

# The part of _LETTERS that changes no letter: digits and invisible characters.
_DIGITS_AND_INVISIBLES = {code: value for code, value in _LETTERS.items() if not chr(code).isalpha()}

# A separator with exactly three digits after it is a thousands separator (1,100 / ١٬١٠٠).
_THOUSANDS = re.compile(r"(?<=\d)[,٬،'](?=\d{3}(?!\d))")
_EMPHASIS = re.compile(r"([^\W\d_])\1{2,}")
_ZAMAN = re.compile("ظمان")
# Sentence punctuation that should stand apart from words.
_PUNCT = '؟?!،,؛;:.…«»"()[]{}'
_PUNCT_RUN = re.compile("([" + re.escape(_PUNCT) + r"])\1+")
_PUNCT_ONE = re.compile("[" + re.escape(_PUNCT) + "]")
_SPACES = re.compile(r"\s+")


def _spaced_punctuation(text: str) -> str:
    """Put spaces around punctuation, except . and , between two digits (1.5, 1,5)."""
    out = []
    for match_start, char in enumerate(text):
        if _PUNCT_ONE.match(char):
            between_digits = (
                char in ".,"
                and 0 < match_start < len(text) - 1
                and text[match_start - 1].isdigit()
                and text[match_start + 1].isdigit()
            )
            out.append(char if between_digits else f" {char} ")
        else:
            out.append(char)
    return "".join(out)


def _remove_thousands_separators(text: str) -> str:
    # Repeat until stable: removing one separator can expose another (1,234,567).
    previous = None
    while previous != text:
        previous, text = text, _THOUSANDS.sub("", text)
    return text


def _collapse_emphasis(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\1", text)
    return text


def normalize(text: str) -> str:
    """Canonical form of Arabic user text for matching and NLU (see the module docstring)."""
    if not text:
        return ""
    # NFKC turns copy-pasted presentation forms (ﻻ, ﷲ) back into plain letters.
    text = unicodedata.normalize("NFKC", text)
    text = _STRIP.sub("", text).translate(_LETTERS).lower()
    # lower() can produce characters that NFKC or the tables would still change (İ → i̇).
    text = _STRIP.sub("", unicodedata.normalize("NFKC", text)).translate(_LETTERS)
    text = _PUNCT_RUN.sub(r"\1", text)
    text = _remove_thousands_separators(text)
    text = _collapse_emphasis(text)
    # Fixing ظمان can create a new run of ض (ضضظمان), hence the second collapse.
    text = _collapse_emphasis(_ZAMAN.sub("ضمان", text))
    text = _spaced_punctuation(text)
    return _SPACES.sub(" ", text).strip()


def strip_marks(text: str) -> str:
    """Only the invisible differences removed: diacritics, tatweel, presentation forms,
    digits and spacing. Letters stay as typed (ة, ى, أ), for models such as sentence encoders
    that learned from real spelling and lose meaning when ة becomes ه."""
    if not text:
        return ""
    text = _STRIP.sub("", unicodedata.normalize("NFKC", text))
    text = text.translate(_DIGITS_AND_INVISIBLES)
    return _SPACES.sub(" ", _remove_thousands_separators(text)).strip()
