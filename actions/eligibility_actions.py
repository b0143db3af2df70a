"""Actions around the eligibility form: starting (with the facts the opening message
already gives), the questions whose wording depends on what is known, explaining a
question, and giving the result."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

import arabic_text
import eligibility
import status_store
from actions.answer_check import CHECK_SLOT
from actions.answers import ELIGIBILITY_SLOTS, describe_answers, format_number, in_range, typed_answers
from actions.conversation import input_channel, latest_intent, latest_text
from actions.store_calls import call_store

logger = logging.getLogger(__name__)

_FORM_BOOKKEEPING_SLOTS = (
    "pending_answer",
    "answer_failures",
    "requested_slot",
    CHECK_SLOT,
    "unclassified_income",
    "editing_answers",
    "plain_gate",
)
# Channels whose widget draws the result payload as a card: the text is one line.
_CARD_CHANNELS = {"socketio", "cmdline"}


# Actions that end a check: after them, asking for the check starts a new one.
_CHECK_ENDINGS = frozenset({"action_eligibility_result", "utter_check_cancelled"})


def unfinished_answers(tracker: Tracker) -> dict[str, Any]:
    """The answers of a check that was left before its result, for the status lookup
    or a person (never stuck, issue 12), else {}. A check ends with its result or with
    "وقف" confirmed (_CHECK_ENDINGS); answers then belong to a finished check."""
    answers = typed_answers(tracker.slots)
    if not answers:
        return {}
    for event in reversed(tracker.events):
        if event.get("event") != "action":
            continue
        if event.get("name") in _CHECK_ENDINGS:
            return {}
        if event.get("name") == "action_restart_eligibility":
            return answers
    return {}


class ActionRestartEligibility(Action):
    """Starts the check: clears earlier answers and keeps what the opening message
    already says ("ابي افحص اهليتي، انا سعودي وساكن بالرياض وعندي ٣ عيال"), so that the
    form asks only what is missing.

    A check left unfinished for the status lookup or a person is resumed instead, with
    its answers said back (new facts in the message are added); "start_over" always
    clears them.
    """

    def name(self) -> str:
        return "action_restart_eligibility"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        earlier = {} if latest_intent(tracker) == "start_over" else unfinished_answers(tracker)
        if earlier:
            given = in_range(opening_answers(latest_text(tracker)), earlier)
            understood = describe_answers({**earlier, **given})
            dispatcher.utter_message(response="utter_resume_eligibility", understood=understood)
            return [SlotSet(slot, None) for slot in _FORM_BOOKKEEPING_SLOTS] + [
                SlotSet(slot, value) for slot, value in given.items()
            ]
        if latest_intent(tracker) == "start_over":
            dispatcher.utter_message(response="utter_restart_eligibility")
            given: dict[str, Any] = {}
        else:
            dispatcher.utter_message(response="utter_start_eligibility")
            given = opening_answers(latest_text(tracker))
            if given:
                dispatcher.utter_message(response="utter_understood", understood=describe_answers(given))
        events = [SlotSet(slot, None) for slot in (*ELIGIBILITY_SLOTS, *_FORM_BOOKKEEPING_SLOTS)]
        return events + [SlotSet(slot, value) for slot, value in given.items()]


def opening_answers(text: str) -> dict[str, Any]:
    """Every answer the opening message clearly gives, typed, and possible together."""
    if not text or text.startswith("/"):
        return {}  # a button payload carries no facts
    found = {k: v for k, v in arabic_text.extract_answers(text).items() if k in ELIGIBILITY_SLOTS}
    return in_range(found, {})


class ActionAskEarnedIncome(Action):
    """The income question: all income with its sources first; only work income when
    the other income is already known; the source of a bare amount, once."""

    def name(self) -> str:
        return "action_ask_earned_income"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if not _asked_income_source(dispatcher, tracker):
            known = typed_answers(tracker.slots)
            dispatcher.utter_message(
                response="utter_ask_earned_income_only" if "other_income" in known else "utter_ask_earned_income"
            )
        return []


class ActionAskOtherIncome(Action):
    def name(self) -> str:
        return "action_ask_other_income"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if not _asked_income_source(dispatcher, tracker):
            dispatcher.utter_message(response="utter_ask_other_income")
        return []


def _ask_gate(gate: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A gate question: asked together with its duty first, alone after "لا"."""
    if tracker.get_slot("plain_gate") == gate:
        dispatcher.utter_message(response=f"utter_ask_{gate}")
    else:
        dispatcher.utter_message(response=f"utter_ask_{gate}_with_duty")


class ActionAskHasChildren(Action):
    def name(self) -> str:
        return "action_ask_has_children"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        _ask_gate("has_children", dispatcher, tracker)
        return []


class ActionAskHasAbleToWorkMembers(Action):
    def name(self) -> str:
        return "action_ask_has_able_to_work_members"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        _ask_gate("has_able_to_work_members", dispatcher, tracker)
        return []


class ActionAskAnswersConfirmed(Action):
    """The check before the verdict: what was understood, with "صحيح" / "تعديل"."""

    def name(self) -> str:
        return "action_ask_answers_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if _asked_income_source(dispatcher, tracker):
            return []
        if tracker.get_slot("editing_answers"):
            dispatcher.utter_message(response="utter_ask_answer_fix")
            return []
        understood = eligibility.render_understood_ar(typed_answers(tracker.slots))
        dispatcher.utter_message(response="utter_ask_answers_confirmed", understood=understood)
        return []


def _asked_income_source(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    amount = tracker.get_slot("unclassified_income")
    if amount is None:
        return False
    dispatcher.utter_message(response="utter_ask_income_source", amount_sar=format_number(amount))
    return True


class ActionExplainRequestedSlot(Action):
    """Answers "ليش تسأل؟" for the question the form is asking."""

    def name(self) -> str:
        return "action_explain_requested_slot"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        slot = tracker.get_slot("requested_slot")
        response = f"utter_explain_{slot}"
        if response not in domain.get("responses", {}):
            response = "utter_explain_generic"
        dispatcher.utter_message(response=response)
        return []


class ActionEligibilityResult(Action):
    """Assesses the answers, explains the decision, and records the check.

    The text is the one-line summary where the widget draws the payload as a card
    (socketio, the terminal chat), the full explanation elsewhere (WhatsApp, REST);
    the `eligibility_result` payload goes with it everywhere.
    """

    def name(self) -> str:
        return "action_eligibility_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        answers = typed_answers(tracker.slots)
        assessment = eligibility.assess(answers)
        payload = assessment.to_payload()
        if input_channel(tracker) in _CARD_CHANNELS and payload.get("summary_ar"):
            text = payload["summary_ar"]
        else:
            text = eligibility.render_assessment_ar(assessment)
        dispatcher.utter_message(text=text, json_message={"eligibility_result": payload})
        try:
            await call_store(
                status_store.record_eligibility_check,
                conversation_id=tracker.sender_id,
                answers=answers,
                decision=assessment.status,
                failed_conditions=payload["failed_conditions"],
                estimated_support_sar=payload["estimated_support_sar"],
                rules_version=payload["rules_version"],
            )
        except status_store.StatusStoreUnavailable:
            # The applicant still gets the answer; staff lose one statistic.
            logger.warning("Could not record an eligibility check: status store unavailable")
        return [SlotSet(slot, None) for slot in _FORM_BOOKKEEPING_SLOTS]
