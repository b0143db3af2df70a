"""Fallback and handing the conversation to a person.

Handing over (see docs in `hand_over`): within staff hours (status_store.staff_hours,
Riyadh time) the conversation is queued and paused with Rasa's own
`ConversationPaused` event, so the bot says nothing until staff resume it through
Rasa's HTTP API (the review tool's inbox). Outside staff hours it is queued but not
paused: the reply says when staff are back and gives the official channels, and the
bot keeps answering meanwhile; the inbox pauses it when someone takes it.

Rasa starts a new session, unpaused, when the applicant writes after
`session_expiration_time` (domain.yml) of silence. A custom `action_session_start`
could pause it again, but it would make every new conversation depend on the action
server; instead the inbox pauses again with each staff action (review.rasa_api).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import (
    ActionExecuted,
    ActiveLoop,
    ConversationPaused,
    FollowupAction,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa_sdk.executor import CollectingDispatcher

import arabic_text
import status_store
from actions import clarify, offers
from actions.answers import describe_opening, describe_place, describe_staff_hours, describe_wait
from actions.conversation import input_channel, latest_intent, latest_text
from actions.store_calls import call_store
from arabic_text import extract_answers, normalize, symbols
from arabic_text.status_answers import opens_status_lookup
from saudi_locale.clock import riyadh_now
from status_store.handoff_desk import queue_conversation, withdraw_handoff
from status_store.staff_hours import staff_hours

logger = logging.getLogger(__name__)
ACTION_LISTEN = "action_listen"
# The clock of staff hours (epoch seconds); tests replace it.
CLOCK: Callable[[], float] = time.time
# Intents that say nothing about what the applicant needs, left out of the topic.
_NOT_A_TOPIC = frozenset(
    {"human_handoff", "affirm", "deny", "greet", "goodbye", "thank", "stop", "nlu_fallback", "inform", "out_of_scope"}
)
_FORM_TOPICS = {"eligibility_form": "check_eligibility", "status_form": "check_status"}
TOPIC_LIMIT = 3
# Facts about the household (arabic_text.extract_answers) that make a message outside a
# form an opening of the eligibility check even when the NLU read it as a bare answer:
# three ("سعودي، ساكن بالرياض، عندي ٣ عيال"), so that one stray fact is not enough.
OPENING_FACTS = 3


def _previous_turn_was_fallback(tracker: Tracker) -> bool:
    """Whether the bot's reply to the user's previous message was a fallback too."""
    user_turns = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            user_turns += 1
            if user_turns == 2:
                return False
        elif user_turns == 1 and event.get("event") == "action" and event.get("name") == "action_default_fallback":
            return True
    return False


class ActionDefaultFallback(Action):
    """What the bot does with a message no rule takes, or that NLU was unsure of.

    In order: a typed reply to the bot's last offer is taken as that reply (a yes to
    "talk to a staff member?" hands over, inside a form too, and a yes to carrying on
    after a handoff request takes the form left up again); outside a form, a message
    that carries a national ID starts the status lookup with it, and one that states
    several facts of the household starts the eligibility check; an empty message, and
    one of emoji only (a "👍" after an answer is a thanks), get their own replies; two
    close meanings are asked about with both as buttons (`actions.clarify`); otherwise
    the bot asks to rephrase, and the second misunderstanding in a row offers a person.
    """

    def name(self) -> str:
        return "action_default_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        answer = offers.reply_to_offer(tracker)
        if answer and answer["offer"] in offers.HUMAN_OFFERS:
            if answer["reply"] == offers.YES:
                # Then wait for the person: otherwise, after a form rejected the message,
                # the rules predict this fallback again for the same message (a "👍" read
                # as yes once handed over ten times in one turn).
                return [*await hand_over(dispatcher, tracker), FollowupAction(ACTION_LISTEN)]
            dispatcher.utter_message(response="utter_offer_declined")
            return [UserUtteranceReverted()]
        if answer and answer["offer"] in offers.RESUME_OFFERS:
            return _resume_form(dispatcher, tracker, answer["reply"] == offers.YES)
        if answer and answer["intent"] != latest_intent(tracker):
            # As Rasa's two-stage fallback does with a confirmed intent: the message
            # is replayed as the button it stands for, and the rules take it from there.
            return replay_as(tracker, answer["intent"])

        text = latest_text(tracker)
        in_form = bool((tracker.active_loop or {}).get("name"))
        if not in_form and opens_status_lookup(text):
            # A national ID with no question asked ("1012345672", or with the birth date):
            # the status lookup, which takes every answer the message carries.
            return replay_as(tracker, "check_status")
        if not in_form and len(extract_answers(text)) >= OPENING_FACTS:
            # A situation told in full with no question the NLU knew ("... بستحق؟"): the
            # eligibility check, which takes every fact the message states.
            return replay_as(tracker, "check_eligibility")
        kind = symbols.message_kind(text)
        if kind == symbols.EMPTY:
            dispatcher.utter_message(response="utter_empty_message")
            return [UserUtteranceReverted()]
        if kind == symbols.SYMBOLS:
            dispatcher.utter_message(response=_reply_to_symbols(tracker, text, in_form))
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


def form_left(tracker: Tracker) -> str | None:
    """The form (eligibility_form or status_form) most recently active, from the events."""
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name") in _FORM_TOPICS:
            return str(event["name"])
    return None


def _resume_form(dispatcher: CollectingDispatcher, tracker: Tracker, carry_on: bool) -> list[dict[str, Any]]:
    """The reply to "carry on with the questions?" after a handoff request left a form.

    Yes: the form left starts again, and since its slots were kept it asks the question
    it had reached. The reply ("كمل") is forgotten first, so the form, which reads the
    latest message when it starts, does not take it as an answer. No: what else.
    """
    form = form_left(tracker)
    if carry_on and form:
        dispatcher.utter_message(response="utter_continue_status" if form == "status_form" else "utter_continue_check")
        return [UserUtteranceReverted(), FollowupAction(form)]
    dispatcher.utter_message(response="utter_anything_else")
    return [UserUtteranceReverted()]


def _reply_to_symbols(tracker: Tracker, text: str, in_form: bool) -> str:
    """The response to a message of emoji or symbols only, with no offer pending.

    A thanks or approval emoji ("👍", "🙏") right after the bot said something, outside
    a form, is a thanks; anything else (and any emoji in the middle of a question,
    where it answers nothing) gets the "text only" reply with the main topics.
    """
    if not in_form and symbols.is_thanks_or_approval(text) and offers.last_bot_responses(tracker):
        return "utter_thank"
    return "utter_text_only"


def replay_as(tracker: Tracker, intent: str) -> list[dict[str, Any]]:
    """Events that replace the latest user message by the same text with `intent`."""
    parse = dict(tracker.latest_message)
    parse["intent"] = {"name": intent, "confidence": 1.0}
    parse["intent_ranking"] = [parse["intent"]]
    return [
        UserUtteranceReverted(),
        ActionExecuted("action_listen"),
        UserUttered(latest_text(tracker), parse_data=parse, input_channel=input_channel(tracker)),
    ]


def _intent_of(parse_data: dict[str, Any]) -> str | None:
    """The user's intent, or the FAQ topic ("faq/payment_date") when the intent was faq."""
    intent = (parse_data.get("intent") or {}).get("name")
    if intent == "faq":
        selected = ((parse_data.get("response_selector") or {}).get("faq") or {}).get("response") or {}
        return selected.get("intent_response_key") or intent
    return intent


def recent_topics(tracker: Tracker, limit: int = TOPIC_LIMIT) -> list[str]:
    """What the conversation was about: the form in progress, then the latest distinct
    intents (FAQ topics by name), newest first; chit-chat and yes/no are left out."""
    topics: list[str] = []
    form = _FORM_TOPICS.get((tracker.active_loop or {}).get("name") or "")
    if form:
        topics.append(form)
    for event in reversed(tracker.events):
        if len(topics) >= limit:
            break
        if event.get("event") != "user":
            continue
        intent = _intent_of(event.get("parse_data") or {})
        if intent and intent not in _NOT_A_TOPIC and intent not in topics:
            topics.append(intent)
    return topics


def _now() -> datetime:
    return datetime.fromtimestamp(CLOCK(), tz=timezone.utc)


async def hand_over(
    dispatcher: CollectingDispatcher, tracker: Tracker, leave_form: bool = True
) -> list[dict[str, Any]]:
    """Queue the conversation for staff and tell the applicant what happens next.

    - Within staff hours: the reply gives the estimated wait (or says honestly that
      there is none) and the number waiting ahead, and the conversation is paused
      (`ConversationPaused`), so the bot stays quiet until staff resume it. The active
      form is left first, since no rule runs after a pause.
    - Outside staff hours: queued, not paused; the reply says when staff are back and
      gives the official channels, and the bot goes on answering.
    - Status store down: nothing is queued or paused; the reply says so and gives the
      official channels.
    - Not paused inside a form (the two cases above): the form is left with its answers
      kept, and `utter_offer_resume_form` offers to carry on; a yes ("كمل", "لا كمل",
      the button) starts it again at its question (`ActionDefaultFallback`).
    A second request in the same conversation finds the open one (record_handoff):
    nothing more is queued.
    Unless it pauses, the form is left only with `leave_form` (rules that call this
    inside a form deactivate it themselves).
    """
    now = _now()
    hours = staff_hours()
    open_now = hours.is_open(now)
    topics = ",".join(recent_topics(tracker)) or "general"
    try:
        queued = await call_store(
            queue_conversation, tracker.sender_id, input_channel(tracker), topics, in_staff_hours=open_now, now=now
        )
    except status_store.StatusStoreError:
        logger.warning("Could not queue a handoff request: status store unavailable")
        queued = None
    events: list[dict[str, Any]] = []
    in_form = (tracker.active_loop or {}).get("name") in _FORM_TOPICS
    if queued is None:
        dispatcher.utter_message(response="utter_human_handoff_unavailable")
        dispatcher.utter_message(response="utter_official_channels")
    elif open_now:
        dispatcher.utter_message(
            response="utter_human_handoff",
            ahead=queued.ahead,
            place=describe_place(queued.ahead),
            wait=describe_wait(queued.wait_minutes),
        )
        leave_form = True
    else:
        local_now = riyadh_now(CLOCK)
        opening = hours.next_opening(now)
        dispatcher.utter_message(
            response="utter_human_handoff_after_hours",
            staff_hours=describe_staff_hours(hours),
            back_at=describe_opening(opening, local_now) if opening else "",
        )
        dispatcher.utter_message(response="utter_official_channels")
    if in_form and not (queued is not None and open_now):
        # Not paused: the form is left (by the rule or below) with its answers kept, and
        # "كمل" / the button takes it up again at its question (ActionDefaultFallback).
        dispatcher.utter_message(response="utter_offer_resume_form")
    if leave_form and tracker.active_loop.get("name"):
        events += [ActiveLoop(None), SlotSet("requested_slot", None)]
    if queued is not None and open_now:
        # Listening after the pause: the messages the applicant writes meanwhile then
        # start turns the rules know, so "/restart" (the reply's button, which Rasa
        # handles while paused) finds Rasa's restart rule.
        events += [ConversationPaused(), ActionExecuted(ACTION_LISTEN)]
    return events


class ActionHumanHandoff(Action):
    """Queues the conversation for support staff (see `hand_over`)."""

    def name(self) -> str:
        return "action_human_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if arabic_text.declines_person(normalize(latest_text(tracker))):
            # "خلاص ما ابي موظف" names a person too, and used to queue the request again.
            return await _withdraw(dispatcher, tracker)
        # The rules that call this inside a form deactivate the form themselves.
        return await hand_over(dispatcher, tracker, leave_form=False)


async def _withdraw(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """The applicant takes back a request for a person: a request still waiting is closed
    (status_store.withdraw_handoff), and nothing new is queued."""
    try:
        withdrawn = await call_store(withdraw_handoff, tracker.sender_id)
    except status_store.StatusStoreError:
        logger.warning("Could not withdraw a handoff request: status store unavailable")
        withdrawn = None
    dispatcher.utter_message(response="utter_handoff_withdrawn" if withdrawn else "utter_no_handoff_then")
    return []
