"""Rasa output channel that answers one WhatsApp user through the Graph API.

Rasa passes the tracker's sender id (a keyed hash of the number) as recipient_id.
`WhatsAppOutput` answers an incoming message: the input channel creates one per
message, with the number it came from. `WhatsAppConversationOutput` writes to a
conversation later (staff replies), with the number kept sealed for WhatsApp's
24-hour window (channels.whatsapp_recipients).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from rasa.core.channels.channel import OutputChannel

from channels.whatsapp_graph import GraphClient
from channels.whatsapp_messages import image_message, interactive_messages, text_messages

logger = logging.getLogger(__name__)

# Machine-readable results for the web widget and staff tools. On WhatsApp the
# Arabic text that accompanies them already says everything the user needs.
_SILENT_CUSTOM_KEYS = frozenset({"eligibility_result", "application_status"})


class WhatsAppOutput(OutputChannel):
    @classmethod
    def name(cls) -> str:
        return "whatsapp"

    def __init__(self, client: GraphClient, to_number: str, log_ref: str = "-") -> None:
        self._client = client
        self._to = to_number
        self._log_ref = log_ref
        self.sent_ids: list[str] = []

    async def _send_all(self, messages: Iterable[dict[str, Any]]) -> None:
        for message in messages:
            message_id = await self._client.send(message, log_ref=self._log_ref)
            if message_id:
                self.sent_ids.append(message_id)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send_all(text_messages(self._to, text))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._send_all(interactive_messages(self._to, text, buttons))

    async def send_quick_replies(
        self, recipient_id: str, text: str, quick_replies: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._send_all(interactive_messages(self._to, text, quick_replies))

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self._send_all([image_message(self._to, image)])

    async def send_attachment(self, recipient_id: str, attachment: Any, **kwargs: Any) -> None:
        if isinstance(attachment, str):
            await self._send_all(text_messages(self._to, attachment))

    async def send_elements(self, recipient_id: str, elements: Iterable[dict[str, Any]], **kwargs: Any) -> None:
        for element in elements:
            text = "\n".join(part for part in (element.get("title"), element.get("subtitle")) if part)
            await self.send_text_with_buttons(recipient_id, text, element.get("buttons") or [])

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        """Send `{"whatsapp": {...message object...}}` as is; skip other custom payloads."""
        native = json_message.get("whatsapp") if isinstance(json_message, dict) else None
        if isinstance(native, dict) and native.get("type"):
            await self._send_all([{**native, "messaging_product": "whatsapp", "to": self._to}])
            return
        keys = sorted(json_message) if isinstance(json_message, dict) else []
        if not _SILENT_CUSTOM_KEYS.intersection(keys):
            logger.debug("WhatsApp: custom payload with keys %s not sent", keys)


class RecipientUnavailable(RuntimeError):
    """The user cannot be written to now: their number is unknown or Meta's 24-hour window has closed."""


class DeliveryFailed(RuntimeError):
    """The Graph API accepted none of the messages (the client has logged why)."""


class WhatsAppConversationOutput(OutputChannel):
    """Output to a WhatsApp conversation by its id alone: Rasa's `output_channel=latest`.

    Used when a message does not answer a webhook, e.g. a staff reply appended through
    Rasa's HTTP API. The number comes from the sealed recipient book
    (channels.whatsapp_recipients). Failures raise, so the API call fails and the
    staff member is told, instead of the reply silently vanishing.
    """

    @classmethod
    def name(cls) -> str:
        return "whatsapp"

    def __init__(self, client_factory: Callable[[], GraphClient], recipients: Any) -> None:
        self._client_factory = client_factory
        self._recipients = recipients

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        number = self._recipients.number_for(recipient_id)
        if number is None:
            raise RecipientUnavailable("no number for this conversation within WhatsApp's 24-hour window")
        async with self._client_factory() as client:
            output = WhatsAppOutput(client, number, log_ref=recipient_id[:15])
            await output.send_response(recipient_id, message)
        if not output.sent_ids:
            raise DeliveryFailed("the Graph API accepted no message")
