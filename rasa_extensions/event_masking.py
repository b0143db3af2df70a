"""Events as they may be kept: personal data masked, and the status lookup's answers hidden.

Every event gets `arabic_text.pii.mask_pii_in` (IDs, mobiles, IBANs, e-mails in any
string: user text, parse_data, entities, slot values, bot text and data, metadata).

On top of that, the factors of the status lookup (`arabic_text.pii.SENSITIVE_SLOTS`:
national_id, birth_date, registration_date) are personal data only in that
context, so they are hidden by context, not by shape:
- a SlotSet of one of these slots keeps its value with every digit hidden
  ("1985-04-12" -> "****-**-**");
- a user message *answering* one of them has every digit of its text and
  parse_data hidden. A message answers when `requested_slot` named one of these
  slots when it arrived, or when a SlotSet of one of them (not None) follows it
  before the next user message (an opening message carrying the factors);
- any other string of the same events that repeats a sensitive slot's raw value
  (a bot echoing the date) has that value replaced by its masked form.
Dates outside the lookup keep their digits. The tracker store may also keep a
sensitive slot's real value sealed (rasa_extensions.sealed_slots), never readable
in the table, so the form can use it on its next turn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rasa.shared.core.events import Event, SlotSet, UserUtteranceReverted, UserUttered

from arabic_text.pii import SENSITIVE_SLOTS, mask_all_digits, mask_pii_in, mask_sensitive_slot_value
from rasa_extensions.sealed_slots import SEALED_FIELD

REQUESTED_SLOT = "requested_slot"
_MIN_ECHO_LENGTH = 4  # shorter raw values ("5") would hide unrelated digits


def _answering_user_events(events: Sequence[Event]) -> set[int]:
    """Indexes of the user messages that answer a sensitive slot.

    A message that an action replayed with another intent (UserUtteranceReverted,
    then the same text again: actions.support.replay_as) is one message: when the
    replayed copy answers, the reverted original is hidden too, or the first copy
    would keep the birth date readable next to the masked second one.
    """
    answering: set[int] = set()
    requested: str | None = None
    last_user: int | None = None
    reverted: int | None = None
    copies: dict[int, set[int]] = {}  # a replayed message -> its earlier, reverted copies
    for index, event in enumerate(events):
        if isinstance(event, UserUttered):
            if reverted is not None and event.text == events[reverted].text:
                copies[index] = copies.get(reverted, set()) | {reverted}
            reverted = None
            last_user = index
            if requested in SENSITIVE_SLOTS:
                answering.add(index)
        elif isinstance(event, UserUtteranceReverted):
            reverted = last_user
        elif isinstance(event, SlotSet):
            if event.key == REQUESTED_SLOT:
                requested = event.value if isinstance(event.value, str) else None
            elif event.key in SENSITIVE_SLOTS and event.value is not None and last_user is not None:
                answering.add(last_user)
    for index in list(answering):
        answering |= copies.get(index, set())
    return answering


def _raw_sensitive_values(events: Iterable[Event]) -> list[str]:
    values = set()
    for event in events:
        if isinstance(event, SlotSet) and event.key in SENSITIVE_SLOTS and event.value is not None:
            text = str(event.value)
            if len(text) >= _MIN_ECHO_LENGTH and mask_all_digits(text) != text:
                values.add(text)
    return sorted(values, key=len, reverse=True)  # longest first: "1985-04-12" before "1985"


def _hide_all_digits(obj: Any, key: str | None = None) -> Any:
    """Every digit of every string hidden; offsets, scores and timestamps kept."""
    if isinstance(obj, str):
        return mask_all_digits(obj)
    if isinstance(obj, dict):
        return {k: _hide_all_digits(v, k) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_hide_all_digits(item) for item in obj]
    if isinstance(obj, (int, float)) and not isinstance(obj, bool) and key == "value":
        return mask_all_digits(str(obj))  # an entity value read as a number (1985)
    return obj


def _hide_echoes(obj: Any, raw_values: Sequence[str]) -> Any:
    if isinstance(obj, str):
        for raw in raw_values:
            if raw in obj:
                obj = obj.replace(raw, mask_all_digits(raw))
        return obj
    if isinstance(obj, dict):
        return {k: _hide_echoes(v, raw_values) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_hide_echoes(item, raw_values) for item in obj]
    return obj


def masked_events(
    events: Sequence[Event], first_new: int = 0, seal: Callable[[Any], str | None] | None = None
) -> list[dict[str, Any]]:
    """The dicts to keep for `events[first_new:]`, judged in the context of all `events`.

    `events` is the tracker's whole event list (the earlier ones say which slot was
    asked for); only the new ones are returned, in order. With `seal`
    (rasa_extensions.sealed_slots.seal), a sensitive SlotSet also keeps its real
    value as an opaque token under `sealed_value`, for the form's next turn.
    """
    answering = _answering_user_events(events)
    raw_values = _raw_sensitive_values(events)  # earlier turns' values too: a bot may repeat them later
    kept = []
    for index in range(first_new, len(events)):
        event = events[index]
        raw = event.as_dict()
        data = mask_pii_in(raw)
        if isinstance(event, SlotSet) and event.key in SENSITIVE_SLOTS:
            data["value"] = mask_sensitive_slot_value(raw.get("value"))
            token = seal(raw.get("value")) if seal else None
            if token:
                data[SEALED_FIELD] = token
        elif index in answering:
            for field in ("text", "parse_data"):
                if field in raw:  # from the raw text: grouped IDs keep their usual mask
                    data[field] = _hide_all_digits(raw[field])
        if raw_values:
            data = _hide_echoes(data, raw_values)
        kept.append(data)
    return kept
