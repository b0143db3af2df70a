"""The "where is my application?" conversation.

It asks what the ministry's own inquiry asks (seed 004): the national ID, the birth
date and the registration month. One message may answer several questions; every
answer found is used. The national ID is needed for one moment only: validation
turns it into a keyed hash (for the lookup) and a masked form (for display), and
the raw digits are never put back into a slot.

A wrong factor, an unknown ID and an ID locked after repeated failures (counted
per ID across all conversations and channels, status_store.id_guard) all get the
same reply and payload.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.interfaces import ActionExecutionRejection
from rasa_sdk.types import DomainDict

import arabic_text
import eligibility
import status_store
from actions import offers
from actions.conversation import latest_text, template_values, today
from actions.store_calls import call_store
from arabic_text.national_id import check_national_id, mask_national_id
from arabic_text.status_answers import extract_status_answers, parse_registration_month, says_dont_know, says_stop

logger = logging.getLogger(__name__)

_STATUS_SLOTS = ("national_id", "national_id_hash", "birth_date", "registration_date", "lookup_failures")
_ANSWER_SLOTS = ("national_id", "birth_date", "registration_date")
# Intents whose text is not an answer (also in the slots' from_text mappings' not_intent,
# which add greet, thank and goodbye: "شكرا" is not an ID, but "شكرا، رقمي ..." still
# gives one through this extraction).
_NOT_ANSWERS = frozenset({"faq", "stop", "ask_why", "start_over", "human_handoff", "out_of_scope"})
# After this many answers in a row that answer nothing (unreadable, or "مدري"), a person
# and leaving the lookup are offered: the same count as the eligibility check's.
MAX_FAILURES = 3
# The offer made then; its typed replies are read by actions.offers.
TOO_MANY_FAILURES = "utter_status_too_many_failures"
# A registration month as kept in its slot: "first/last" Gregorian days, ISO.
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")


def _range_text(days: tuple[date, date]) -> str:
    return f"{days[0].isoformat()}/{days[1].isoformat()}"


def _range_of(text: str | None) -> tuple[date, date] | None:
    match = _RANGE.match(text or "")
    return (date.fromisoformat(match.group(1)), date.fromisoformat(match.group(2))) if match else None


async def _is_locked_out(conversation_id: str) -> bool:
    # An instant (UTC), not a calendar day: the lockout counts hours.
    return await call_store(status_store.is_locked_out, conversation_id, now=datetime.now(timezone.utc))


def _no_answer(slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
    """The slots to set when the typed message is not an answer to `slot`'s question, else None.

    Only a message taken whole as the answer (the from_text mapping: nothing in it
    was read as an answer) is looked at. In order:
    - a plain "stop" ("خلاص", "بس", "خلاص ما ابي") that the NLU did not read as one
      ends the lookup, as the "Stop the lookup" rule does;
    - a reply to the offer of a person after repeated failures: a yes is rejected,
      so the fallback hands over (rules "A reply to an offer in the middle of the
      lookup"); a no ("لا، أكمل") asks the question again with a fresh count;
    - "I don't know / remember" gets where to find the answer, and the way out;
    Raises ActionExecutionRejection for the yes to the offer.
    """
    if str(value) != latest_text(tracker):
        return None
    if says_stop(str(value)):
        dispatcher.utter_message(response="utter_status_stopped")
        dispatcher.utter_message(response="utter_anything_else")
        return {slot: None, "requested_slot": None, "lookup_failures": 0}
    reply = offers.reply_to_offer(tracker)
    if reply and reply["offer"] == TOO_MANY_FAILURES and not says_dont_know(str(value)):
        if reply["reply"] == offers.YES:
            raise ActionExecutionRejection("validate_status_form", "yes to the offer of a person")
        dispatcher.utter_message(response="utter_continue_status")
        return {slot: None, "lookup_failures": 0}
    if says_dont_know(str(value)):
        return _failed(slot, dispatcher, tracker, f"utter_status_dont_know_{slot}")
    return None


def _failed(slot: str, dispatcher: CollectingDispatcher, tracker: Tracker, response: str) -> dict[str, Any]:
    """Counts one more answer that answered nothing; the MAX_FAILURES-th gets the
    offer of a person or leaving the lookup instead of `response`, and a fresh count."""
    failures = int(tracker.get_slot("lookup_failures") or 0) + 1
    if failures >= MAX_FAILURES:
        dispatcher.utter_message(response=TOO_MANY_FAILURES)
        failures = 0
    else:
        dispatcher.utter_message(response=response)
    return {slot: None, "lookup_failures": failures}


class ValidateStatusForm(FormValidationAction):
    def name(self) -> str:
        return "validate_status_form"

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Every answer in the latest message, the opening one included.

        When the message answers something but not the question asked, the asked
        slot is cleared so the form asks it again instead of reading the whole
        text as a wrong answer.
        """
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent in _NOT_ANSWERS:
            return []
        asked = tracker.get_slot("requested_slot")
        found = extract_status_answers(tracker.latest_message.get("text") or "", asked=asked)
        values: dict[str, Any] = {}
        if found.national_id:
            values["national_id"] = found.national_id
        if found.birth_date:
            values["birth_date"] = found.birth_date.isoformat()
        if found.registered_in:
            values["registration_date"] = _range_text(found.registered_in)
        if values and asked in _ANSWER_SLOTS and asked not in values:
            values[asked] = None
        return [SlotSet(slot, value) for slot, value in values.items()]

    async def validate_national_id(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {"national_id": None}
        if value == tracker.get_slot("national_id") and tracker.get_slot("national_id_hash"):
            # Already validated (the slot holds the masked form): the form re-validates
            # its filled slots when it starts again, e.g. after "لا" to leaving it.
            return {"national_id": value}
        not_an_answer = _no_answer("national_id", value, dispatcher, tracker)
        if not_an_answer is not None:
            return not_an_answer
        try:
            locked = await _is_locked_out(tracker.sender_id)
        except status_store.StatusStoreUnavailable:
            dispatcher.utter_message(response="utter_status_unavailable")
            return {"national_id": None, "requested_slot": None}
        if locked:
            dispatcher.utter_message(response="utter_status_locked")
            return {"national_id": None, "requested_slot": None}
        check = check_national_id(str(value))
        if not check.is_valid:
            return _failed("national_id", dispatcher, tracker, f"utter_wrong_national_id_{check.problem}")
        return {
            "national_id": mask_national_id(check.digits),
            "national_id_hash": status_store.hash_national_id(check.digits),
            "lookup_failures": 0,
        }

    def validate_birth_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {"birth_date": None}
        not_an_answer = _no_answer("birth_date", value, dispatcher, tracker)
        if not_an_answer is not None:
            return not_an_answer
        born = arabic_text.parse_birth_date(str(value))
        if born is None:
            return _failed("birth_date", dispatcher, tracker, "utter_wrong_birth_date")
        return {"birth_date": born.isoformat(), "lookup_failures": 0}

    def validate_registration_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {"registration_date": None}
        not_an_answer = _no_answer("registration_date", value, dispatcher, tracker)
        if not_an_answer is not None:
            return not_an_answer
        month = _range_of(str(value)) or parse_registration_month(str(value))
        if month is None:
            return _failed("registration_date", dispatcher, tracker, "utter_wrong_registration_date")
        return {"registration_date": _range_text(month), "lookup_failures": 0}


class ActionStatusResult(Action):
    """Looks the application up behind the per-ID lockout and answers with its status."""

    def name(self) -> str:
        return "action_status_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        reset = [SlotSet(slot, None) for slot in _STATUS_SLOTS]
        id_hash, born = tracker.get_slot("national_id_hash"), tracker.get_slot("birth_date")
        registered = _range_of(tracker.get_slot("registration_date"))
        if not id_hash or not born or registered is None:
            return reset  # the form already explained why it stopped
        values = template_values()
        try:
            if await _is_locked_out(tracker.sender_id):
                dispatcher.utter_message(response="utter_status_locked")
                return reset
            result = await call_store(
                status_store.guarded_lookup,
                id_hash,
                date.fromisoformat(born),
                registered,
                conversation_id=tracker.sender_id,
                on=today(),
                review_period_days=int(values["review_period_days"]),
            )
        except status_store.StatusStoreUnavailable:
            logger.warning("Status lookup failed: status store unavailable")
            dispatcher.utter_message(response="utter_status_unavailable")
            return reset
        if result.id_locked:
            logger.info("Status lookup refused: this ID is locked after repeated failures")
        payload = result.answer.to_payload()
        review_ends = result.answer.decision_expected_by
        # Results come out on one day a month, so the day the review ends is not the day
        # the person sees the result (new-user probe: "by the 28th" and "on the 27th").
        announced = eligibility.results_announced_on(review_ends, on=today()) if review_ends else None
        if announced:
            payload["results_expected_on"] = announced.isoformat()
        dispatcher.utter_message(
            response=f"utter_status_{result.answer.status}",
            json_message={"application_status": payload},
            results_expected_on=payload.get("results_expected_on") or "",
            decision_expected_by=payload.get("decision_expected_by") or "",
            reason=payload.get("reason") or "",
            **values,
        )
        return reset
