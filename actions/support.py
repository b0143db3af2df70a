"""Fallback and handing the conversation to a person."""
from __future__ import annotations

import logging
import unicodedata
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

import status_store

from actions.conversation import input_channel, latest_text

logger = logging.getLogger(__name__)


def _has_words(text: str) -> bool:
    """False for an empty message, or one made only of emoji, symbols and spaces."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


def _previous_turn_was_fallback(tracker: Tracker) -> bool:
    """Whether the bot's reply to the user's previous message was a fallback too."""
    user_turns = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            user_turns += 1
            if user_turns == 2:
                return False
        elif user_turns == 1 and event.get("event") == "action" and event.get("name") not in ("action_listen", None):
            if event.get("name") == "action_default_fallback":
                return True
    return False


class ActionDefaultFallback(Action):
    """Asks to rephrase; the second misunderstanding in a row offers a human."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if not _has_words(latest_text(tracker)):
            dispatcher.utter_message(response="utter_empty_message")
        elif _previous_turn_was_fallback(tracker):
            dispatcher.utter_message(response="utter_offer_human")
        else:
            dispatcher.utter_message(response="utter_ask_rephrase")
        # As Rasa's own fallback: forget the misunderstood message, so the dialogue
        # waits for the next one instead of predicting the fallback again and again.
        # The reverted user event stays in the tracker, where the count above finds it.
        return [UserUtteranceReverted()]


class ActionHumanHandoff(Action):
    """Queues the conversation for support staff and gives the official channels."""

    def name(self) -> Text:
        return "action_human_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        try:
            status_store.record_handoff(
                conversation_id=tracker.sender_id,
                channel=input_channel(tracker),
                topic=tracker.get_slot("requested_slot") or "general",
            )
        except status_store.StatusStoreUnavailable:
            logger.warning("Could not queue a handoff request: status store unavailable")
        dispatcher.utter_message(response="utter_human_handoff")
        return []
