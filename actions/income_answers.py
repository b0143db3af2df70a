"""Income answers for the eligibility form: one message may give income from work and
from other sources; a bare amount with no clear source is asked about once; an amount
stated per year, week or day is said back as the month it was converted to.

Amounts are SAR per month (`arabic_text.read_income` converts stated periods).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

import arabic_text
from actions.answers import INCOME_PERIODS_AR, describe_converted_income

# Words of a reply to "من عمل، أو تقاعد أو دخل آخر؟" (normalized, matched as stems).
# "Other" is looked for first: "تقاعد أو دخل آخر" is one button.
_OTHER_WORDS = ("تقاعد", "اخر", "ضمان", "تامين", "ايجار", "مساعد", "معونه", "نفقه")
_WORK_WORDS = ("عمل", "شغل", "راتب", "وظيف", "تجار", "اجر", "حر", "دوام")


def read_income_answer(
    slot: str, text: str, answered: dict[str, Any], dispatcher: CollectingDispatcher
) -> dict[str, Any] | None:
    """The income slots that `text` answers when the form asks `slot`, or None.

    Asked the general income question (`earned_income` while `other_income` is
    unknown), a bare amount is not guessed: it is returned as `unclassified_income`
    so that its source is asked once. Asked about one source, a bare amount is that
    source's. An answer never overwrites an income already given unless it is the
    one asked for.
    """
    reading = arabic_text.read_income(text)
    if reading is None:
        return None
    found: dict[str, Any] = {}
    if reading.earned_sar is not None:
        found["earned_income"] = float(reading.earned_sar)
    if reading.other_sar is not None:
        found["other_income"] = float(reading.other_sar)
    found = {s: v for s, v in found.items() if s == slot or s not in answered}
    bare = reading.unclassified_sar
    if bare is not None:
        source_is_clear = slot == "other_income" or "other_income" in answered
        if source_is_clear and slot not in found:
            found[slot] = float(bare)
        elif not source_is_clear:
            found["unclassified_income"] = float(bare)
    if not found:
        return None
    said = _converted_items(reading) if reading.converted else ""
    if said:
        dispatcher.utter_message(response="utter_income_converted", converted=said)
    return found


def classify_pending_income(text: str, amount: Any) -> dict[str, float] | None:
    """The slot for an amount whose source was asked ("من عمل" / "تقاعد أو دخل آخر"),
    or None when the reply does not say."""
    reading = arabic_text.read_income(f"{text}")
    if reading is not None and reading.items:
        sources = {item.source for item in reading.items}
        if sources == {"earned"}:
            return {"earned_income": float(amount)}
        if sources == {"other"}:
            return {"other_income": float(amount)}
    words = arabic_text.normalize(text or "")
    if any(word in words for word in _OTHER_WORDS):
        return {"other_income": float(amount)}
    if any(word in words for word in _WORK_WORDS):
        return {"earned_income": float(amount)}
    return None


def refuses_source(text: str, intent: str | None) -> bool:
    """True for a plain "لا" to "من عمل، أو تقاعد أو دخل آخر؟": it names no source,
    so the amount stays pending and the source is asked again (never dropped, and
    never read as "no income")."""
    if classify_pending_income(text, 0.0) is not None:
        return False
    return arabic_text.parse_yes_no(text or "") is False or intent == "deny"


def _converted_items(reading: Any) -> str:
    """Every converted amount, with or without a clear source ("دخلي ٣٦ الف بالسنة"
    has none, so it is among `unclassified_items`, not `items`)."""
    parts = [
        describe_converted_income(item.stated_sar, item.period, item.monthly_sar)
        for item in (*reading.items, *reading.unclassified_items)
        if item.period in INCOME_PERIODS_AR
    ]
    return "، ".join(parts)
