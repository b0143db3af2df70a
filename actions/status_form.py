"""The "where is my application?" conversation.

The national ID is needed for one moment only: validation turns it into a keyed hash
(for the lookup) and a masked form (for display), and the raw digits are never put
back into a slot.
"""
from __future__ import annotations

import logging
from datetime import date, datetime, timezone
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

import arabic_text
import status_store
from arabic_text.national_id import check_national_id, mask_national_id

from actions.conversation import template_values

logger = logging.getLogger(__name__)

_STATUS_SLOTS = ("national_id", "national_id_hash", "birth_date")


def _is_locked_out(conversation_id: str) -> bool:
    return status_store.is_locked_out(conversation_id, now=datetime.now(timezone.utc))


class ValidateStatusForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_status_form"

    def validate_national_id(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        try:
            locked = _is_locked_out(tracker.sender_id)
        except status_store.StatusStoreUnavailable:
            dispatcher.utter_message(response="utter_status_unavailable")
            return {"national_id": None, "requested_slot": None}
        if locked:
            dispatcher.utter_message(response="utter_status_locked")
            return {"national_id": None, "requested_slot": None}
        check = check_national_id(str(value or ""))
        if not check.is_valid:
            dispatcher.utter_message(response=f"utter_wrong_national_id_{check.problem}")
            return {"national_id": None}
        return {
            "national_id": mask_national_id(check.digits),
            "national_id_hash": status_store.hash_national_id(check.digits),
        }

    def validate_birth_date(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        born = arabic_text.parse_birth_date(str(value or ""))
        if born is None:
            dispatcher.utter_message(response="utter_wrong_birth_date")
            return {"birth_date": None}
        return {"birth_date": born.isoformat()}


class ActionStatusResult(Action):
    """Looks the application up and answers with its status."""

    def name(self) -> Text:
        return "action_status_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        reset = [SlotSet(slot, None) for slot in _STATUS_SLOTS]
        id_hash, born = tracker.get_slot("national_id_hash"), tracker.get_slot("birth_date")
        if not id_hash or not born:
            return reset  # the form already explained why it stopped
        values = template_values()
        try:
            if _is_locked_out(tracker.sender_id):
                dispatcher.utter_message(response="utter_status_locked")
                return reset
            answer = status_store.lookup_by_hash(
                id_hash,
                date.fromisoformat(born),
                on=date.today(),
                review_period_days=int(values["review_period_days"]),
            )
            status_store.record_lookup(tracker.sender_id, succeeded=answer.status != "not_found")
        except status_store.StatusStoreUnavailable:
            logger.warning("Status lookup failed: status store unavailable")
            dispatcher.utter_message(response="utter_status_unavailable")
            return reset
        payload = answer.to_payload()
        dispatcher.utter_message(
            response=f"utter_status_{answer.status}",
            json_message={"application_status": payload},
            decision_expected_by=payload.get("decision_expected_by") or "",
            reason=payload.get("reason") or "",
            **values,
        )
        return reset
