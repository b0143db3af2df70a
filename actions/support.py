"""Fallback and handing the conversation to a person."""
from __future__ import annotations

import logging
import unicodedata
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, FollowupAction, SlotSet, UserUttered, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

import status_store

from actions import clarify, offers
from actions.conversation import input_channel, latest_intent, latest_text

logger = logging.getLogger(__name__)
ACTION_LISTEN = "action_listen"


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
    """What the bot does with a message no rule takes, or that NLU was unsure of.

    In order: a typed reply to the bot's last offer is taken as that reply (a yes to
    "talk to a staff member?" hands over, inside a form too); two close meanings are
    asked about with both as buttons (`actions.clarify`); otherwise the bot asks to
    rephrase, and the second misunderstanding in a row offers a person.
    """

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        answer = offers.reply_to_offer(tracker)
        if answer and answer["offer"] in offers.HUMAN_OFFERS:
            if answer["reply"] == offers.YES:
                # Then wait for the person: otherwise, after a form rejected the message,
                # the rules predict this fallback again for the same message (a "👍" read
                # as yes once handed over ten times in one turn).
                return [*hand_over(dispatcher, tracker), FollowupAction(ACTION_LISTEN)]
            dispatcher.utter_message(response="utter_offer_declined")
            return [UserUtteranceReverted()]
        if answer and answer["intent"] != latest_intent(tracker):
            # As Rasa's two-stage fallback does with a confirmed intent: the message
            # is replayed as the button it stands for, and the rules take it from there.
            return replay_as(tracker, answer["intent"])

        if not _has_words(latest_text(tracker)):
            dispatcher.utter_message(response="utter_empty_message")
            return [UserUtteranceReverted()]
        close = clarify.close_intents(tracker.latest_message, clarify.thresholds()["ambiguity"])
        if close and latest_intent(tracker) == clarify.FALLBACK_INTENT:
            dispatcher.utter_message(**clarify.clarifying_question(close))
        elif _previous_turn_was_fallback(tracker):
            dispatcher.utter_message(response="utter_offer_human")
        else:
            dispatcher.utter_message(response="utter_ask_rephrase")
        # As Rasa's own fallback: forget the misunderstood message, so the dialogue
        # waits for the next one instead of predicting the fallback again and again.
        # The reverted user event stays in the tracker, where the count above finds it.
        return [UserUtteranceReverted()]


def replay_as(tracker: Tracker, intent: str) -> List[Dict[str, Any]]:
    """Events that replace the latest user message by the same text with `intent`."""
    parse = dict(tracker.latest_message)
    parse["intent"] = {"name": intent, "confidence": 1.0}
    parse["intent_ranking"] = [parse["intent"]]
    return [
        UserUtteranceReverted(),
        ActionExecuted("action_listen"),
        UserUttered(latest_text(tracker), parse_data=parse, input_channel=input_channel(tracker)),
    ]


def hand_over(dispatcher: CollectingDispatcher, tracker: Tracker, leave_form: bool = True) -> List[Dict[str, Any]]:
    """Queues the conversation for staff, gives the channels, and (unless a rule does
    it) leaves the active form, so the next message is not read as its answer."""
    try:
        status_store.record_handoff(
            conversation_id=tracker.sender_id,
            channel=input_channel(tracker),
            topic=tracker.get_slot("requested_slot") or "general",
        )
    except status_store.StatusStoreUnavailable:
        logger.warning("Could not queue a handoff request: status store unavailable")
    dispatcher.utter_message(response="utter_human_handoff")
    if leave_form and tracker.active_loop.get("name"):
        return [ActiveLoop(None), SlotSet("requested_slot", None)]
    return []


class ActionHumanHandoff(Action):
    """Queues the conversation for support staff and gives the official channels."""

    def name(self) -> Text:
        return "action_human_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        # The rules that call this inside a form deactivate the form themselves.
        return hand_over(dispatcher, tracker, leave_form=False)
