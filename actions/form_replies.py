"""How one reply to a question of `eligibility_form` is read into answers.

`actions.eligibility_form` runs the form's protocol (side questions, offers, pending
confirmations, unreadable answers, what is said back); this module only reads: the
answer to the question asked (`own_answer`), the earlier answers a message changes
(`corrections`), numbers that belong to another question (`foreign_numbers`), and the
gate-and-duty questions (`GATE_DUTIES`). The Arabic patterns themselves live in
`arabic_text`.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import arabic_text
from actions.answers import (
    BOOL_SLOTS,
    INCOME_SLOTS,
    NUMBER_SLOTS,
    in_range,
    not_applicable,
    parse_answer,
    typed_answers,
)
from actions.conversation import yes_or_no
from actions.income_answers import read_income_answer

# A gate asked together with its duty ("do those able to work accept training?"):
# yes answers both, "not applicable" answers the gate, and "لا" - which may mean "no
# one can work" - asks the gate alone (`plain_gate`), then the duty alone if it applies.
# So a refusal only ever comes from "no" to the duty asked on its own.
GATE_DUTIES = {"has_children": "meets_education_health", "has_able_to_work_members": "accepts_rehabilitation"}


def own_answer(
    slot: str, text: str, intent: str | None, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """What the message answers for the question asked: {slot: bool | number}, possibly
    several slots (a gate and its duty, both incomes), {} when it does not answer it.

    Income amounts are SAR per month. An income amount whose source is unclear is left
    pending by `read_income_answer`, which also asks for the source through `dispatcher`.
    """
    if slot in GATE_DUTIES and tracker.get_slot("plain_gate") != slot:
        combined = gate_with_duty(slot, text, intent)
        if combined is not None:
            return combined
    applicable = not_applicable(slot, text)
    if applicable is not None:
        return applicable
    if slot in INCOME_SLOTS:
        reading = read_income_answer(slot, text, typed_answers(tracker.slots), dispatcher)
        if reading is not None:
            return reading
    parsed = parse_answer(slot, text, intent)
    if parsed is None and slot in BOOL_SLOTS:
        parsed = arabic_text.clause_yes_no(slot, text)  # "لا، بس عندي حساب": the reader sees both
    if parsed is None or (slot in BOOL_SLOTS and not arabic_text.speaks_to(slot, text)):
        return {}
    return {slot: parsed}


def corrections(text: str, own: dict[str, Any], mentioned: dict[str, Any], answered: dict[str, Any]) -> dict[str, Any]:
    """Earlier answers that this message changes ("غلطت، عندي ٤ تابعين"): {slot: value}.

    `own` is what it answers for the question asked, `mentioned` what it says about other
    questions, `answered` the typed answers so far. All or nothing: {} if any change is
    out of range (`in_range`).
    """
    changes = {s: v for s, v in mentioned.items() if s in answered and answered[s] != v}
    # Only when the user says so, or when the message does not answer the current
    # question anyway.
    if not changes or not (arabic_text.is_correction(text) or not own):
        return {}
    usable = in_range(changes, {**answered, **own})
    return usable if len(usable) == len(changes) else {}


def gate_with_duty(gate: str, text: str, intent: str | None) -> dict[str, Any] | None:
    """The answers a reply to the gate-and-duty question gives ({gate: bool, duty: bool},
    or {"plain_gate": gate} after a bare "no"), or None if unreadable."""
    duty = GATE_DUTIES[gate]
    said = {k: v for k, v in arabic_text.extract_answers(text).items() if k in (gate, duty)}
    if said:
        return said
    applicable = not_applicable(duty, text)
    if applicable is not None:
        return applicable
    if not arabic_text.speaks_to(gate, text):
        return None  # "عندي حساب بنكي" is not a yes to "any children?"
    agreed = yes_or_no(text, intent)
    if agreed is True:
        return {gate: True, duty: True}
    if agreed is False:
        return {"plain_gate": gate}
    return None


def foreign_numbers(slot: str, own: dict[str, Any], extracted: dict[str, Any]) -> dict[str, Any]:
    """The numbers of other slots that equal the number read for `slot`, when
    `extract_answers` ties that number to another slot's keywords and not to `slot`'s
    ("عندي ٤ عيال" → dependents_count 4). Empty when the number is the answer."""
    value = own.get(slot)
    if value is None or isinstance(value, bool) or extracted.get(slot) is not None:
        return {}
    return {
        other: found
        for other, found in extracted.items()
        if other != slot
        and other in NUMBER_SLOTS
        and other not in own
        and not isinstance(found, bool)
        and float(found) == float(value)
    }


def says_back(slot: str, asked: str) -> bool:
    """Counts are always said back ("فهمت: ٤ تابعين"); other answers only when the
    message gave more than the question asked."""
    return slot == "dependents_count" or slot != asked
