"""Month names as people type them, in normalize() spelling, for Gregorian and Hijri dates.

Gregorian: Egyptian/Gulf transliterations (يناير، مايو) and the Levantine/Iraqi Syriac names
(كانون الثاني، أيار). Hijri: the twelve lunar months with their common variants
(ربيع الآخر = ربيع الثاني, جمادى الآخرة = جمادى الثانية).
"""

from __future__ import annotations

GREGORIAN: dict[str, int] = {}
HIJRI: dict[str, int] = {}


def _add(table: dict[str, int], month: int, names: str) -> None:
    for name in names.split("|"):
        table[name.strip()] = month


for _month, _names in enumerate(
    [
        "يناير|كانون الثاني|كانون ثاني|جانفي|january|jan",
        "فبراير|شباط|فيفري|february|feb",
        "مارس|اذار|march|mar",
        "ابريل|افريل|نيسان|april|apr",
        "مايو|ايار|ماي|may",
        "يونيو|يونيه|حزيران|جوان|june|jun",
        "يوليو|يوليه|تموز|جويليه|july|jul",
        "اغسطس|اغسطوس|اب|اوت|august|aug",
        "سبتمبر|ايلول|september|sep|sept",
        "اكتوبر|تشرين الاول|تشرين اول|october|oct",
        "نوفمبر|تشرين الثاني|تشرين ثاني|november|nov",
        "ديسمبر|كانون الاول|كانون اول|december|dec",
    ],
    start=1,
):
    _add(GREGORIAN, _month, _names)

for _month, _names in enumerate(
    [
        "محرم|المحرم",
        "صفر",
        "ربيع الاول|ربيع اول|ربيع الاولي|ربيع 1",
        "ربيع الثاني|ربيع الاخر|ربيع ثاني|ربيع الاخير|ربيع 2",
        "جمادي الاولي|جمادي الاول|جمادي اول|جماد الاول|جماد اول|جمادي 1",
        "جمادي الاخره|جمادي الثانيه|جمادي الثاني|جمادي الاخر|جمادي ثاني|جماد الثاني|جماد ثاني|جمادي 2",
        "رجب",
        "شعبان",
        "رمضان",
        "شوال",
        "ذو القعده|ذي القعده|ذوالقعده|القعده",
        "ذو الحجه|ذي الحجه|ذوالحجه|الحجه",
    ],
    start=1,
):
    _add(HIJRI, _month, _names)

_LONGEST_FIRST: list[tuple[str, int, str]] = sorted(
    [(name, month, "gregorian") for name, month in GREGORIAN.items()]
    + [(name, month, "hijri") for name, month in HIJRI.items()],
    key=lambda item: -len(item[0]),
)


def find_month(tokens: list[str], start: int) -> tuple[int, str, int] | None:
    """(month, calendar, tokens used) for a month name starting at tokens[start], or None."""
    for name, month, calendar in _LONGEST_FIRST:
        words = name.split()
        if tokens[start : start + len(words)] == words:
            return month, calendar, len(words)
    return None
