"""How numbers and dates look in everything the assistant shows (widget, WhatsApp,
terminal): one digit style, one date order, dates isolated from the bidi algorithm.

The digit style is a setting, ``DISPLAY_DIGITS`` = ``arab`` (Arabic-Indic, ٠١٢٣…, the
default) or ``latn`` (0123…). Why Arabic-Indic by default: it is the numbering system
Unicode CLDR gives Saudi Arabic (``ar-SA``), so a browser, a phone keyboard and this
assistant agree; and the hand-written Arabic answers already use it ("١٠ أرقام"), so
converting the numbers filled in from the parameters is what removes the mixing. The
widget reads the same setting (webchat/serve.py passes it in /config.js).

Dates are shown year-month-day (the ISO order the parameters and the payloads use),
inside an isolate (FSI … PDI) so that right-to-left text around them cannot reorder
their parts. URLs and e-mail addresses keep Latin digits: they must still work.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping

from hijridate import Gregorian

from arabic_text.texts import GREGORIAN_MARK, HIJRI_MARK
from saudi_locale.digits import ANY_DIGIT_CLASS, to_arabic_indic_digits, to_latin_digits

DIGIT_STYLES = ("arab", "latn")
DEFAULT_DIGIT_STYLE = "arab"
FSI, PDI = "\u2068", "\u2069"
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_DIGIT = f"[{ANY_DIGIT_CLASS}]"
# Kept as typed: links, e-mail addresses and /commands.
_PROTECTED = re.compile(
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:sa|com|org|net)\b\S*|/[A-Za-z_]\S*"
)
_SEP = r"[-/.]"
_DATE = re.compile(rf"(?<!{_DIGIT}){_DIGIT}{{1,4}}{_SEP}{_DIGIT}{{1,2}}{_SEP}{_DIGIT}{{1,4}}(?!{_DIGIT})")
_GROUPED = re.compile(rf"(?<={_DIGIT})([,.])(?={_DIGIT})")


def digit_style(environ: Mapping[str, str] | None = None) -> str:
    """The configured style: ``DISPLAY_DIGITS`` from the environment, else the default.

    Raises ValueError for a value other than ``arab`` or ``latn``.
    """
    environ = os.environ if environ is None else environ
    style = (environ.get("DISPLAY_DIGITS") or DEFAULT_DIGIT_STYLE).strip().lower()
    if style not in DIGIT_STYLES:
        raise ValueError(f"DISPLAY_DIGITS must be one of {DIGIT_STYLES}, got {style!r}")
    return style


def _convert(segment: str, style: str) -> str:
    latin = to_latin_digits(segment, separators=True)
    if style == "latn":
        return latin
    # Separators between digits become the Arabic thousands/decimal signs.
    latin = _GROUPED.sub(lambda m: "٬" if m.group(1) == "," else "٫", latin)
    return to_arabic_indic_digits(latin)


def _outside_protected(text: str, convert) -> str:  # type: ignore[no-untyped-def]
    out, last = [], 0
    for match in _PROTECTED.finditer(text):
        out.append(convert(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(convert(text[last:]))
    return "".join(out)


def _isolate(match: re.Match[str]) -> str:
    return f"{FSI}{match.group(0)}{PDI}"


def _dates_isolated(segment: str) -> str:
    # Dates keep "-" and "/" between their parts; only grouping signs change.
    return _DATE.sub(_isolate, segment)


def display_digits(text: str, style: str | None = None) -> str:
    """`text` with every digit (outside links and /commands) in `style`.

    Works on user input too, so an answer typed "٤" or "4" is echoed the same way.
    """
    style = style or digit_style()
    if not text:
        return text

    def convert(segment: str) -> str:
        parts, last = [], 0
        for match in _DATE.finditer(segment):
            parts.append(_convert(segment[last : match.start()], style))
            latin = to_latin_digits(match.group(0), separators=True)
            parts.append(to_arabic_indic_digits(latin) if style == "arab" else latin)
            last = match.end()
        parts.append(_convert(segment[last:], style))
        return "".join(parts)

    return _outside_protected(text, convert)


def isolate_dates(text: str) -> str:
    """Each date wrapped in FSI … PDI (idempotent: already isolated dates are kept)."""
    if not text:
        return text
    if FSI in text:
        text = text.replace(FSI, "").replace(PDI, "")
    return _outside_protected(text, _dates_isolated)


def for_plain_text(text: str, style: str | None = None) -> str:
    """Text for a plain-text channel (WhatsApp, terminal): digits and isolated dates."""
    return isolate_dates(display_digits(text, style))


def strip_bidi_controls(text: str) -> str:
    """`text` without invisible direction marks (for output already in visual order)."""
    return text.translate({ord(ch): None for ch in BIDI_CONTROLS})


def format_date(day: dt.date, style: str | None = None, with_hijri: bool = False) -> str:
    """``2026-12-21`` (in the digit style), isolated; with ``with_hijri`` the Umm al-Qura
    date follows: ``2026-12-21م (1448-07-01هـ)``. Dates outside hijridate's range
    (Hijri 1343–1500) are shown Gregorian only."""
    gregorian = display_digits(day.isoformat(), style)
    text = f"{FSI}{gregorian}{PDI}"
    if not with_hijri:
        return text
    try:
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    except (OverflowError, ValueError):
        return text
    hijri_text = display_digits(f"{hijri.year:04d}-{hijri.month:02d}-{hijri.day:02d}", style)
    return f"{text}{GREGORIAN_MARK} ({FSI}{hijri_text}{PDI}{HIJRI_MARK})"
