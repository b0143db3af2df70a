"""Answers to the program's questions, with numbers filled in from the parameters."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import clarify
from actions.conversation import template_values

# The button payload that starts each form: offering it while that form runs would
# suggest starting what is already running.
STARTS_LOOP = {"eligibility_form": "/check_eligibility", "status_form": "/check_status"}


def faq_response_key(tracker: Tracker) -> str | None:
    """The faq answer to give, e.g. "faq/income_limit": the one a button asked for by
    name (a clarifying question's or a detail button's `faq_topic`), else the response
    selector's pick."""
    chosen = clarify.chosen_faq(tracker.latest_message)
    if chosen:
        return chosen
    selector = tracker.latest_message.get("response_selector") or {}
    key = ((selector.get("faq") or {}).get("response") or {}).get("intent_response_key")
    if key:
        return key
    intent = tracker.latest_message.get("intent") or {}
    full_name = intent.get("full_retrieval_intent_name") or intent.get("name") or ""
    return full_name if full_name.startswith("faq/") else None


class ActionAnswerFaq(Action):
    """Gives the faq answer, or asks which of two close answers is meant."""

    def name(self) -> str:
        return "action_answer_faq"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if not clarify.chosen_faq(tracker.latest_message):
            close = clarify.close_faq_answers(tracker.latest_message, clarify.thresholds()["faq_ambiguity"])
            if close:
                dispatcher.utter_message(**clarify.clarifying_question(close))
                return []
        key = faq_response_key(tracker)
        response = f"utter_{key}" if key else None
        if response not in domain.get("responses", {}):
            dispatcher.utter_message(response="utter_ask_rephrase")
            return []
        values = template_values()
        running = STARTS_LOOP.get((tracker.active_loop or {}).get("name") or "")
        variant = (domain["responses"][response] or [{}])[0]
        buttons = variant.get("buttons") or []
        if running and any(b.get("payload") == running for b in buttons):
            # Rasa adds a response's own buttons to any given here, so the answer is
            # sent as text with the remaining buttons instead.
            # Payloads are written with doubled braces for Rasa's interpolation (domain.yml).
            kept = [{**b, "payload": b["payload"].format()} for b in buttons if b.get("payload") != running]
            dispatcher.utter_message(text=variant.get("text", "").format(**values), buttons=kept)
            return []
        dispatcher.utter_message(response=response, **values)
        return []
