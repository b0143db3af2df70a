"""The inbox's calls to Rasa's HTTP API: pause, resume, and messages to the applicant.

Everything goes through `POST /conversations/{id}/tracker/events` (Rasa 3.6
rasa/server.py `append_events`), under Rasa's own lock for that conversation:

- pause / resume: Rasa's `pause` and `resume` events. While paused, Rasa logs the
  applicant's messages and predicts nothing (MessageProcessor._should_handle_message).
- a message to the applicant: a `bot` event with `execute_side_effects=true` and
  `output_channel=latest`. Rasa sends it through the output channel of the
  conversation's latest input channel (socket.io: the session's room; WhatsApp: the
  Graph API by conversation id) and only then saves it, masked by the tracker store
  like every other event. If sending fails, Rasa answers 500 and saves nothing.
- resuming appends `action_listen` after `resume`, so the applicant's next message
  starts a turn the rules know (the pause stopped the bot before it listened).

The conversation id is the one the status store keeps (phone numbers pseudonymised);
the masking tracker store maps a phone id and its pseudonym to the same stored
conversation, so Rasa loads the same tracker for either.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

logger = logging.getLogger(__name__)

STAFF_METADATA_KEY = "staff_reply"
# Channels whose conversations Rasa can write to later (get_output_channel() is not None).
PUSH_CHANNELS = frozenset({"socketio", "whatsapp"})


class RasaApiError(RuntimeError):
    """Rasa could not be reached, refused the token, or failed (e.g. the message could not be delivered)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class RasaApi:
    """Rasa's HTTP API at `url` with `token` (RASA_URL / RASA_TOKEN, review.settings)."""

    url: str
    token: str
    timeout: float = 30.0

    async def append(self, conversation_id: str, events: list[dict[str, Any]], deliver: bool = False) -> dict[str, Any]:
        """Append `events`; with `deliver`, bot events are also sent to the applicant's channel."""
        if not self.token:
            raise RasaApiError("RASA_TOKEN is not set for the review tool")
        params = {"token": self.token, "include_events": "NONE"}
        if deliver:
            params.update({"execute_side_effects": "true", "output_channel": "latest"})
        path = f"{self.url}/conversations/{quote(conversation_id, safe='')}/tracker/events"
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                response = await client.post(path, params=params, json=events)
        except httpx.HTTPError as error:
            raise RasaApiError(f"Rasa is unreachable ({type(error).__name__})") from error
        if response.status_code != 200:
            # Rasa's error text may quote the message; only the status is logged.
            logger.warning("Rasa refused inbox events: HTTP %s", response.status_code)
            raise RasaApiError(f"Rasa answered HTTP {response.status_code}", response.status_code)
        return response.json()

    async def pause(self, conversation_id: str, notice: str | None = None, staff: str = "") -> None:
        """Pause the bot; with `notice`, tell the applicant (delivered first, then paused, atomically)."""
        events: list[dict[str, Any]] = [{"event": "pause"}]
        if notice:
            events.append(bot_event(notice, staff))
        await self.append(conversation_id, events, deliver=bool(notice))

    async def resume(self, conversation_id: str, notice: str | None = None, staff: str = "") -> None:
        """Hand the conversation back to the bot; with `notice`, tell the applicant."""
        events: list[dict[str, Any]] = [bot_event(notice, staff)] if notice else []
        events += [{"event": "resume"}, {"event": "action", "name": "action_listen"}]
        await self.append(conversation_id, events, deliver=bool(notice))

    async def say(self, conversation_id: str, text: str, staff: str) -> None:
        """Send a staff member's message to the applicant in the conversation's channel.

        The pause is appended again first: a new Rasa session (after the applicant's
        silence outlasted session_expiration_time) starts unpaused, and a staff reply
        must leave the bot quiet whatever happened in between.
        """
        await self.append(conversation_id, [{"event": "pause"}, bot_event(text, staff)], deliver=True)


def bot_event(text: str, staff: str) -> dict[str, Any]:
    """A bot event written by a staff member (marked in its metadata, for the transcript)."""
    return {"event": "bot", "text": text, "data": {}, "metadata": {STAFF_METADATA_KEY: True, "staff": staff}}
