"""Small readers of the tracker that several actions share."""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Tracker

import arabic_text
import eligibility
from saudi_locale.clock import riyadh_today


def last_bot_action_before_user(tracker: Tracker) -> str | None:
    """The last action (other than listening) that ran before the latest user message.

    Tells the form whether the user's message answers its question or a question
    asked in between, such as "do you want to continue?".
    """
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return None
            seen_user = True
        elif seen_user and event.get("event") == "action":
            name = event.get("name")
            if name not in ("action_listen", None):
                return name
    return None


def actions_since_user(tracker: Tracker) -> list[str]:
    """Names of the actions (other than listening) that ran after the latest user message,
    oldest first: tells the form whether a rule has already answered that message."""
    names: list[str] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "action" and event.get("name") not in ("action_listen", None):
            names.append(event["name"])
    return names[::-1]


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def latest_text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def yes_or_no(text: str, intent: str | None) -> bool | None:
    """True for a yes, False for a no, None when the message is neither.

    The typed words decide first (`arabic_text.parse_yes_no`); when they say neither,
    NLU's `affirm` / `deny` does, so that a dialect yes the reader does not know still
    counts.
    """
    agreed = arabic_text.parse_yes_no(text)
    if agreed is None and intent in ("affirm", "deny") and not arabic_text.says_unsure(text):
        # "مدري" is often classified deny; it is not a no.
        agreed = intent == "affirm"
    return agreed


def input_channel(tracker: Tracker) -> str:
    return tracker.get_latest_input_channel() or "unknown"


def today() -> date:
    """Today's date in Riyadh, the day the rules engine applies (not the server's local day).

    The one call actions make for "today", so that near midnight an action and the
    rules engine agree on which rules are in force.
    """
    return riyadh_today()


def template_values(on: date | None = None) -> dict[str, Any]:
    """Values for the {placeholders} of response texts: every number comes from the
    eligibility parameters, never from the response text itself."""
    return dict(eligibility.facts(on or today()))
