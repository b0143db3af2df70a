"""Find the numbers in normalized Arabic text, whether typed as digits or as words.

"الف ومية" → 1100, "خمسمية وخمسين" → 550, "3 الاف" → 3000, "1.5 الف" → 1500,
"خمسه واربعين" → 45, "الفين ونص" → 2500.

Arabic joins the parts of a number with و ("and"), written glued (وخمسين) or apart (و خمسين).
A part joins the number only when it is smaller than what came before it (الف ومية) or is
the tens after a unit (خمسه وعشرين); otherwise a new number starts, so that "٣ و ٤" stays
two numbers. Multipliers (الف، الاف، مليون، مية after a unit, عشر after a unit) need no و.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from arabic_text import number_words
from arabic_text.digit_groups import arabic_comma_decimals, join_digit_groups
from arabic_text.normalize import normalize

_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+|\S", re.UNICODE)
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class NumberSpan:
    """A number found in a token list: tokens[start:end] read as `value`."""

    value: float
    start: int
    end: int


def tokenize(text: str) -> list[str]:
    """Tokens of normalized text, with digits split from glued letters ("3الاف" → 3, الاف)
    and grouped digits joined ("٨ ٠٠٠" → 8000, "8.000" → 8000; see digit_groups)."""
    return _TOKEN.findall(join_digit_groups(normalize(arabic_comma_decimals(text or ""))))


def _word(token: str) -> tuple[str, bool]:
    """The token without a glued و, and whether it had one (وخمسين → خمسين, True); a number
    word with the article loses it ("العيال الخمسه" → خمسه)."""
    if token.startswith("ال") and number_words.lookup(token) is None and number_words.lookup(token[2:]):
        return token[2:], False
    if len(token) > 1 and token.startswith("و"):
        rest = token[1:]
        if (
            _DIGITS.fullmatch(rest) or number_words.lookup(rest) or rest in number_words.FRACTIONS
        ) and number_words.lookup(token) is None:
            return rest, True
    return token, False


class _Reader:
    """Reads one number starting at a token; see the module docstring for the grammar."""

    def __init__(self, tokens: list[str], start: int) -> None:
        self.tokens = tokens
        self.position = start
        self.total = 0.0
        self.parts: list[float] = []  # components of the group under the current scale
        self.scale_ceiling = math.inf  # the next scale word must be smaller than this
        self.last_kind: str | None = None

    def group(self) -> float:
        return sum(self.parts)

    def read(self) -> tuple[int, float] | None:
        consumed_any = False
        while self.position < len(self.tokens):
            raw = self.tokens[self.position]
            conj = False
            step = 1
            if raw == "و" and self.position + 1 < len(self.tokens) and consumed_any:
                raw, conj, step = self.tokens[self.position + 1], True, 2
            word, glued = _word(raw)
            conj = conj or glued
            if not self._accept(word, conj, first=not consumed_any):
                break
            consumed_any = True
            self.position += step
        if not consumed_any:
            return None
        return self.position, self.total + self.group()

    def _accept(self, word: str, conj: bool, first: bool) -> bool:
        conj = conj and not first  # a glued و on the first word just starts a new number
        if _DIGITS.fullmatch(word):
            return self._accept_digits(word, conj, first)
        if word in number_words.LATIN_THOUSANDS:
            return self._apply_scale(1000.0, conj, plural=False)
        if word in number_words.FRACTIONS:
            return self._accept_fraction(word, conj)
        pre_ten = number_words.pre_ten_value(word)
        if pre_ten is not None:
            return self._accept_pre_ten(pre_ten, first, conj)
        found = number_words.lookup(word)
        if found is None:
            return False
        value, kind = found
        return self._accept_word(float(value), kind, conj, first)

    def _accept_digits(self, word: str, conj: bool, first: bool) -> bool:
        value = float(word)  # inf for absurd digit strings: kept, so the span is skipped whole
        if first or (conj and not self.parts and value < self.scale_ceiling):
            self.parts.append(value)
            self.last_kind = "digits"
            return True
        return False

    def _accept_pre_ten(self, value: int, first: bool, conj: bool) -> bool:
        following = self.tokens[self.position + 1] if self.position + 1 < len(self.tokens) else ""
        if following not in ("عشر", "عشره") or not (first or (conj and self._small_ok(10))):
            return False
        self.parts.append(float(value))
        self.last_kind = "pre_ten"
        return True

    def _small_ok(self, value: float) -> bool:
        """May a part of this size follow the current group after و?"""
        if not self.parts:
            return value < self.scale_ceiling
        last = self.parts[-1]
        if last >= 100:
            return value < 100
        if value >= 20 and value < 100 and last < 10 and self.last_kind == "unit":
            # خمسه وعشرين: tens after a unit, unless that unit already followed tens.
            return len(self.parts) == 1 or self.parts[-2] >= 100
        # عشرين وخمسه: a unit after tens, as people also say it
        return last >= 20 and value < 10 and self.last_kind == "tens"

    def _accept_word(self, value: float, kind: str, conj: bool, first: bool) -> bool:
        if kind == "zero":
            if not first:
                return False
            self.parts.append(0.0)
        elif kind in ("scale", "plural_scale"):
            return self._apply_scale(value, conj, plural=kind == "plural_scale", first=first)
        elif kind == "dual_scale":
            if not (first or (conj and not self.parts and value < self.scale_ceiling)):
                return False
            self.total += value
            self.scale_ceiling = value / 2
        elif kind == "ten" and not conj and self.last_kind in ("unit", "pre_ten"):
            if self.parts[-1] < 2 and self.last_kind == "unit":
                return False  # "واحد عشر" is not how 11 is said
            self.parts[-1] += 10
        elif kind == "hundred" and value == 100 and not conj and self.last_kind == "unit":
            if not (3 <= self.parts[-1] <= 9 and len(self.parts) == 1):
                return False
            self.parts[-1] *= 100  # تلت مية, خمس مية
        elif first or (conj and self._small_ok(value)):
            self.parts.append(value)
        else:
            return False
        self.last_kind = kind
        return True

    def _apply_scale(self, scale: float, conj: bool, plural: bool, first: bool = False) -> bool:
        if scale >= self.scale_ceiling:
            return False
        if self.parts and not conj:
            multiplier = self.group()
            if plural and self.last_kind != "digits" and not 3 <= multiplier <= 10:
                return False
            self.total += multiplier * scale
            self.parts = []
        elif not self.parts and not plural and (first or conj):
            self.total += scale  # a bare الف is one thousand
        else:
            return False
        self.scale_ceiling = scale
        self.last_kind = "scale"
        return True

    def _accept_fraction(self, word: str, conj: bool) -> bool:
        if not conj:
            return False
        fraction = number_words.FRACTIONS[word]
        if self.last_kind in ("scale", "dual_scale") and not self.parts:
            # scale_ceiling is the unit of the last scale word: 1000 after الف and after الفين.
            self.total += self.scale_ceiling * fraction
        elif self.last_kind == "hundred" and self.parts == [100.0]:
            self.parts[-1] += 100 * fraction
        else:
            return False
        self.last_kind = "fraction"
        return True


def find_numbers(tokens: list[str]) -> list[NumberSpan]:
    """Every number in a token list (from tokenize()), left to right, never overlapping."""
    spans: list[NumberSpan] = []
    position = 0
    while position < len(tokens):
        result = _Reader(tokens, position).read()
        if result is None:
            position += 1
            continue
        end, value = result
        if math.isfinite(value):  # absurdly long digit strings are skipped, not misread
            spans.append(NumberSpan(value, position, end))
        position = end
    return spans


def numbers_in(text: str) -> list[float]:
    """The values of all numbers in free text."""
    return [span.value for span in find_numbers(tokenize(text))]
