"""Corrections typed inside one answer: the amount named as wrong ("راتبي ٢٠٠٠ مو ٣٠٠٠"),
and a leading "no" before the statement that fixes a summary ("لا، انا ساكن بالمملكة").

Both work on text as `arabic_text.normalize` writes it and return text for the other
readers, so that a correction is never read as a second amount or as a denial.
"""

from __future__ import annotations

import re

from arabic_text.normalize import normalize

# An amount as `arabic_text.normalize` writes it: digits, or a number word, with its unit.
_UNIT = r"(?:\s+(?:الف|الاف|مليون|ريال|رس|ر\.س))*"
_NUMBER_WORD = (
    r"(?:واحد|اثنين|ثنين|ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|سبع|سبعه|ثمان|ثمانيه|تسع|تسعه|عشر|عشره"
    r"|الفين|الف|ميه|ميتين|مئه|مائه|مية)"
)
_AMOUNT = rf"(?:\d[\d,.]*|{_NUMBER_WORD}(?:\s+(?:و)?{_NUMBER_WORD})*){_UNIT}"
# "مو ٣٠٠٠", "مش ٣ آلاف", "وليس ٣٠٠٠", "بدل ٣٠٠٠", "مو زي ما كتبت ٣٠٠٠": the amount named
# as the wrong one (Gulf, Egyptian/Levantine, MSA). "ولا ٣٠٠٠" is left alone: it may
# mean "or 3000".
_REPLACED = re.compile(
    rf"(?:^|\s)(?:و?(?:مو|مش|مب|موب|مهوب|ماهو|مهو|ليس|ليست|مهيب|بدل|بدال|بدلا\s+من|عوض|عوضا\s+عن))"
    rf"(?:\s+(?:هو|زي|مثل|كما|ما|اللي|الي|كتبت|قلت|كان|كانت|ذكرت|من))*\s+(?:ب|ال)?{_AMOUNT}"
)
# "والصحيح ٢٠٠٠", "الصح ٢٠٠٠", "قصدي ٢٠٠٠": amounts before it were the mistake.
_RIGHT_ONE = re.compile(rf"(?:^|\s)و?(?:الصحيح|الصح|الصواب|قصدي|اقصد|الاصح)(?=\s.*{_AMOUNT})")
_ANY_AMOUNT = re.compile(rf"(?<![\w.,]){_AMOUNT}")


def drop_replaced_amounts(text: str) -> str:
    """`text` without the amounts it names as wrong, so that "راتبي ٢٠٠٠ مو ٣٠٠٠"
    reads as 2,000 and not as two salaries adding up to 5,000.

    An amount after a negator or "instead of" (مو/مش/ليس/وليس/بدل ٣٠٠٠) is the old
    value; with "الصحيح ٢٠٠٠" the amounts before "الصحيح" are. Returns `text`
    unchanged when it names no wrong amount (else its normalized form, which every
    reader accepts).
    """
    if not text:
        return text
    normalized = normalize(text)
    kept = _REPLACED.sub(" ", normalized)
    right = _RIGHT_ONE.search(kept)
    if right and _ANY_AMOUNT.search(kept[: right.start()]):
        kept = _ANY_AMOUNT.sub(" ", kept[: right.start()]) + kept[right.start() :]
    if kept == normalized or not _ANY_AMOUNT.search(kept):
        return text  # nothing named as wrong, or nothing left to read: read as typed
    return " ".join(kept.split())


# A leading "no" before a statement: "لا، انا ساكن بالمملكة" rejects what was said back
# and states the fix; read without it, the statement is not taken as negated.
_LEADING_NO = re.compile(r"^\s*(?:لا|لأ|لاء|لا\s+لا|no)\s*[،,.!]?\s+(?=\S)")


def without_leading_no(text: str) -> str:
    """`text` without one leading "لا"/"no" that stands before more words ("لا انا ساكن
    بالمملكة" → "انا ساكن بالمملكة"); a bare "لا" is returned unchanged."""
    return _LEADING_NO.sub("", text or "", count=1)
