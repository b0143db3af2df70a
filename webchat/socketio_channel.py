"""Rasa's socket.io channel, with the two fixes the web widget needs.

Register it in credentials.yml in place of `socketio:` (same settings):

    webchat.socketio_channel.WebchatSocketIOInput:
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true

Why not the stock `socketio` channel of Rasa 3.6.21 with the pinned
python-socketio 5.18:
1. Its session_request handler calls `sio.enter_room(...)` without `await`. Since
   python-socketio 5.10 that is a coroutine, so with session_persistence the
   socket never joins the session's room and the bot's replies, which are emitted
   to that room, reach nobody (RasaHQ/rasa#13027).
2. Its send_custom_json calls `sio.emit(event, **json_message)`, so a custom
   payload such as {"eligibility_result": {...}} raises TypeError (unexpected
   keyword argument) and the result never leaves the server. Here the payload is
   emitted as the event's data, as the REST channel shows it under "custom".

Everything else (events, payload shapes, socket path, JWT) is Rasa's own code.
"""

from __future__ import annotations

import inspect
import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import rasa.shared.utils.io
from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint

logger = logging.getLogger(__name__)

# The keyword parameters of AsyncServer.emit: a payload made only of these (the
# documented {"data": ...} workaround for the stock channel) keeps its old meaning.
_EMIT_KEYWORDS = frozenset({"data", "to", "room", "skip_sid", "namespace", "callback"})


class WebchatSocketIOOutput(SocketIOOutput):
    """Sends custom JSON as the bot event's data instead of as emit() keywords."""

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        payload = dict(json_message)
        room = payload.pop("room", recipient_id)
        if set(payload) <= _EMIT_KEYWORDS and "data" in payload:
            payload = payload["data"]
        await self.sio.emit(self.bot_message_evt, payload, room=room)


class WebchatSocketIOInput(SocketIOInput):
    """The socket.io input channel with an awaited enter_room and a fixed output."""

    def get_output_channel(self) -> OutputChannel | None:
        if self.sio is None:
            return super().get_output_channel()
        return WebchatSocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        assert isinstance(blueprint, SocketBlueprint) and self.sio is not None
        sio = self.sio

        # Registering a handler again for the same event replaces Rasa's.
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: dict | None) -> None:
            data = data or {}
            if data.get("session_id") is None:
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                entered = sio.enter_room(sid, data["session_id"], namespace=self.namespace)
                if inspect.isawaitable(entered):  # a coroutine since python-socketio 5.10
                    await entered
            await sio.emit("session_confirm", data["session_id"], room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: dict) -> None:
            output_channel = WebchatSocketIOOutput(sio, self.bot_message_evt)
            if self.session_persistence:
                if not data.get("session_id"):
                    rasa.shared.utils.io.raise_warning(
                        "A message without a session_id was received and ignored. The "
                        "client must send the id it got in 'session_confirm'."
                    )
                    return
                sender_id = data["session_id"]
            else:
                sender_id = sid
            metadata = data.get(self.metadata_key, {})
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            await on_new_message(
                UserMessage(
                    data.get("message", ""),
                    output_channel,
                    sender_id,
                    input_channel=self.name(),
                    metadata=metadata,
                )
            )

        return blueprint
