"""Replies to the questions the bot asks with buttons, typed instead of clicked.

Every offer the bot makes with yes/no-like buttons is listed in `OFFERS`, with the
intent each typed answer stands for. The offer is found from the conversation
itself: Rasa stamps every response with its name (`utter_action` in the metadata of
the bot event), so no slot has to be kept in step, and a reply the NLU misread
("ايوه" read as `inform`) is still understood as the answer it is.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

import arabic_text
from actions.conversation import latest_intent, latest_text
from arabic_text import normalize
from arabic_text.status_answers import says_stop

YES, NO = "yes", "no"

# Offer (response name) -> the intent a typed yes / no stands for.
OFFERS: dict[str, dict[str, str]] = {
    "utter_offer_human": {YES: "human_handoff", NO: "deny"},
    "utter_too_many_failures": {YES: "human_handoff", NO: "deny"},
    "utter_status_too_many_failures": {YES: "human_handoff", NO: "deny"},
    # After a handoff request in a form outside staff hours: carry on with its questions?
    "utter_offer_resume_form": {YES: "affirm", NO: "deny"},
    "utter_ask_continue": {YES: "affirm", NO: "deny"},
    "utter_ask_switch_to_status": {YES: "affirm", NO: "deny"},
    "utter_ask_switch_to_eligibility": {YES: "affirm", NO: "deny"},
}
# Offers whose yes hands the conversation to a person.
HUMAN_OFFERS = frozenset(name for name, replies in OFFERS.items() if replies[YES] == "human_handoff")
# Offers whose yes is carrying on with the questions of a form left for a person.
RESUME_OFFERS = frozenset({"utter_offer_resume_form"})
# What "carry on" ("خلني اكمل", "لا كمل") answers to each offer: a yes to "carry on with
# the check?", a no to "leave this form for the other?" and to "talk to a person?".
# It is read before the yes/no words, because its "لا" ("no [need]") is not the answer.
CARRY_ON_MEANS: dict[str, str] = {
    **{offer: NO for offer in HUMAN_OFFERS},
    **{offer: YES for offer in RESUME_OFFERS},
    "utter_ask_continue": YES,
    "utter_ask_switch_to_status": NO,
    "utter_ask_switch_to_eligibility": NO,
}


def last_bot_responses(tracker: Tracker) -> list[str]:
    """Names of the responses the bot sent between the user's previous message and
    the latest one, in order.

    Reads the raw events, so a response sent by a fallback whose user message was
    reverted (Rasa's own pattern) still counts.
    """
    seen_user = False
    names: list[str] = []
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            if seen_user:
                break
            seen_user = True
        elif seen_user and kind == "bot":
            names.append((event.get("metadata") or {}).get("utter_action") or "")
    return names[::-1]


def pending_offer(tracker: Tracker) -> str | None:
    """The offer (a key of OFFERS) the latest user message replies to, if any: the
    last one the bot made in its previous turn, even when a form then asked its
    question again ("talk to a staff member?" then the question)."""
    offered = [name for name in last_bot_responses(tracker) if name in OFFERS]
    return offered[-1] if offered else None


def read_reply(offer: str, text: str, intent: str | None) -> str | None:
    """YES, NO or None (not a reply) for a message typed in answer to `offer`.

    The words decide first ("نعم", "ايوه", "لا", "ابي موظف"); the intent only when
    the words say nothing, so a misread intent cannot turn "لا" into a yes.
    """
    plain = normalize(text)
    if offer in CARRY_ON_MEANS and (
        arabic_text.carries_on(plain) or (offer in RESUME_OFFERS and arabic_text.goes_back_to_questions(plain))
    ):
        return CARRY_ON_MEANS[offer]
    said = arabic_text.parse_yes_no(text)
    if said is not None:
        return YES if said else NO
    if offer == "utter_ask_continue" and says_stop(text):
        return NO  # "خلاص" to "carry on with the check?"
    if offer in HUMAN_OFFERS and (arabic_text.asks_for_person(plain) or intent == "human_handoff"):
        return YES
    if intent == "affirm":
        return YES
    if intent == "deny":
        return NO
    return None


def reply_to_offer(tracker: Tracker) -> dict[str, Any] | None:
    """{"offer", "reply", "intent"} when the latest message answers an offer, else None."""
    offer = pending_offer(tracker)
    if offer is None:
        return None
    reply = read_reply(offer, latest_text(tracker), latest_intent(tracker))
    if reply is None:
        return None
    return {"offer": offer, "reply": reply, "intent": OFFERS[offer][reply]}


def said_yes_to_human(tracker: Tracker) -> bool:
    """Whether the latest message is a yes to an offer of a person."""
    answer = reply_to_offer(tracker)
    return bool(answer) and answer["offer"] in HUMAN_OFFERS and answer["reply"] == YES


def said_no_to_human(tracker: Tracker) -> bool:
    answer = reply_to_offer(tracker)
    return bool(answer) and answer["offer"] in HUMAN_OFFERS and answer["reply"] == NO
