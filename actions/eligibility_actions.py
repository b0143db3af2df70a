"""Actions around the eligibility form: starting over, explaining a question, and
giving the result."""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

import eligibility
import status_store

from actions.answers import ELIGIBILITY_SLOTS, typed_answers
from actions.conversation import latest_intent

logger = logging.getLogger(__name__)

_FORM_BOOKKEEPING_SLOTS = ("pending_answer", "answer_failures", "requested_slot")


class ActionRestartEligibility(Action):
    """Clears earlier answers so the check starts from the first question."""

    def name(self) -> Text:
        return "action_restart_eligibility"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if latest_intent(tracker) == "start_over":
            dispatcher.utter_message(response="utter_restart_eligibility")
        else:
            dispatcher.utter_message(response="utter_start_eligibility")
        return [SlotSet(slot, None) for slot in (*ELIGIBILITY_SLOTS, *_FORM_BOOKKEEPING_SLOTS)]


class ActionExplainRequestedSlot(Action):
    """Answers "ليش تسأل؟" for the question the form is asking."""

    def name(self) -> Text:
        return "action_explain_requested_slot"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        slot = tracker.get_slot("requested_slot")
        response = f"utter_explain_{slot}"
        if response not in domain.get("responses", {}):
            response = "utter_explain_generic"
        dispatcher.utter_message(response=response)
        return []


class ActionEligibilityResult(Action):
    """Assesses the answers, explains the decision, and records the check."""

    def name(self) -> Text:
        return "action_eligibility_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        answers = typed_answers(tracker.slots)
        assessment = eligibility.assess(answers)
        payload = assessment.to_payload()
        dispatcher.utter_message(
            text=eligibility.render_assessment_ar(assessment),
            json_message={"eligibility_result": payload},
        )
        try:
            status_store.record_eligibility_check(
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
