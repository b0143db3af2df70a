"""Rasa input channel for the WhatsApp Cloud API (Meta Graph API webhooks).

credentials.yml:
    channels.whatsapp.WhatsAppInput:
      verify_token: ${WHATSAPP_VERIFY_TOKEN}
      app_secret: ${WHATSAPP_APP_SECRET}
      access_token: ${WHATSAPP_ACCESS_TOKEN}
      phone_number_id: ${WHATSAPP_PHONE_NUMBER_ID}
      graph_base_url: ${WHATSAPP_GRAPH_BASE_URL}

Routes under /webhooks/whatsapp/: GET / (health), GET /webhook (Meta's handshake),
POST /webhook (messages). Answers: 401/403 for a missing/bad signature, 400 for a
body that is not a WhatsApp webhook, 503 while the channel lacks its secrets, and
200 otherwise, also when some messages were skipped or duplicates, because Meta
keeps redelivering anything else.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from arabic_text.pii import install_pii_log_filter
from arabic_text.pseudonyms import phone_pseudonym, pseudonym
from channels import whatsapp_texts as texts
from channels.whatsapp_config import WhatsAppSettings, settings_from
from channels.whatsapp_dedup import MessageDeduplicator
from channels.whatsapp_graph import GraphClient
from channels.whatsapp_outbound import WhatsAppConversationOutput, WhatsAppOutput
from channels.whatsapp_payload import InboundMessage, PayloadError, parse_webhook
from channels.whatsapp_recipients import RecipientBook
from channels.whatsapp_security import is_valid_signature, is_valid_verify_token

logger = logging.getLogger(__name__)
# This channel's logs (and the whole Rasa process's) never hold an ID, phone, IBAN or
# e-mail in clear, even with a tracker store that is not the masking one.
install_pii_log_filter()

# Longer texts are not sent to NLU: they are almost never a question to this bot,
# and featurizing them costs CPU every Rasa replica shares.
MAX_INBOUND_TEXT = 5000
CHANNEL_METADATA = {"channel": "whatsapp"}


class WhatsAppInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "whatsapp"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        # Missing credentials are allowed here: the environment may hold them.
        return cls(settings_from(credentials))

    def __init__(self, settings: WhatsAppSettings) -> None:
        self.settings = settings
        self._dedup: MessageDeduplicator | None = None
        self._recipients: RecipientBook | None = None
        missing = settings.missing()
        if missing:
            # Other channels keep working; this one refuses traffic until configured.
            logger.warning("WhatsApp channel disabled, missing settings: %s", ", ".join(missing))
        else:
            self._dedup = MessageDeduplicator(settings.dedup_db_path, settings.sender_key)
            self._recipients = RecipientBook(settings.dedup_db_path, settings.sender_key)

    @property
    def is_configured(self) -> bool:
        return self._dedup is not None

    def get_output_channel(self) -> OutputChannel | None:
        """Writes to a conversation by its id (Rasa's `output_channel=latest`, used for staff
        replies); the number is kept only sealed, for WhatsApp's 24-hour window."""
        if self._recipients is None:
            return None
        return WhatsAppConversationOutput(self._graph_client, self._recipients)

    def sender_id_for(self, number: str) -> str:
        return phone_pseudonym(number, self.settings.sender_key)

    def _graph_client(self) -> GraphClient:
        s = self.settings
        return GraphClient(
            s.graph_base_url, s.phone_number_id, s.access_token, s.send_attempts, s.retry_base_delay, s.request_timeout
        )

    async def _handle(
        self, message: InboundMessage, client: GraphClient, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        sender_id = self.sender_id_for(message.sender)
        output = WhatsAppOutput(client, message.sender, log_ref=sender_id[:15])
        if self._recipients is not None:
            # Any message from the user opens WhatsApp's 24-hour window for staff replies.
            self._recipients.remember(sender_id, message.sender)
        text = message.text.strip()
        if message.kind == "silent":
            return
        if message.kind == "media":
            await output.send_text_message(sender_id, texts.TEXT_ONLY)
            return
        if not text:
            await output.send_text_message(sender_id, texts.EMPTY_MESSAGE)
            return
        if len(text) > MAX_INBOUND_TEXT:
            await output.send_text_message(sender_id, texts.TOO_LONG)
            return
        user_message = UserMessage(
            text,
            output,
            sender_id,
            input_channel=self.name(),
            # The wamid embeds the phone number, so the tracker gets a hash of it.
            message_id=pseudonym(message.message_id, "wamsg", self.settings.sender_key),
            metadata=dict(CHANNEL_METADATA),
        )
        try:
            await on_new_message(user_message)
        except Exception as error:
            # The exception text could quote the user's message, so only its type is logged.
            logger.error(
                "WhatsApp message processing failed: %s (conversation=%s)", type(error).__name__, sender_id[:15]
            )
            await output.send_text_message(sender_id, texts.TEMPORARY_ERROR)

    async def process_webhook(
        self, body: bytes, signature: str | None, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        """Verify, parse and answer one webhook delivery (the POST route's logic)."""
        if self._dedup is None:
            return response.json({"error": "whatsapp channel is not configured"}, status=503)
        if not signature:
            return response.json({"error": "missing X-Hub-Signature-256"}, status=401)
        if not is_valid_signature(body, signature, self.settings.app_secret):
            logger.warning("WhatsApp webhook with an invalid signature rejected")
            return response.json({"error": "invalid signature"}, status=403)
        try:
            batch = parse_webhook(json.loads(body))
        except (ValueError, PayloadError) as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            return response.json({"error": f"unreadable webhook: {type(error).__name__}"}, status=400)
        counts = {
            "processed": 0,
            "duplicates": 0,
            "other_number": 0,
            "statuses": batch.statuses,
            "skipped": batch.skipped,
        }
        async with self._graph_client() as client:
            for message in batch.messages:
                if message.phone_number_id and message.phone_number_id != self.settings.phone_number_id:
                    counts["other_number"] += 1
                    continue
                if not self._dedup.claim(message.message_id):
                    counts["duplicates"] += 1
                    continue
                await self._handle(message, client, on_new_message)
                counts["processed"] += 1
        return response.json({"status": "ok", **counts})

    def verify_handshake(self, args: Any) -> HTTPResponse:
        """Meta's subscription check: echo hub.challenge only for our verify token."""
        if self._dedup is None:
            return response.json({"error": "whatsapp channel is not configured"}, status=503)
        mode, token, challenge = args.get("hub.mode"), args.get("hub.verify_token"), args.get("hub.challenge")
        if mode == "subscribe" and challenge and is_valid_verify_token(token, self.settings.verify_token):
            return response.text(challenge, content_type="text/plain")
        logger.warning("WhatsApp webhook verification refused: wrong mode or verify token")
        return response.text("forbidden", status=403, content_type="text/plain")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("whatsapp_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok", "configured": self.is_configured})

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            return self.verify_handshake(request.args)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            # request.body is the raw bytes Meta signed; nothing is parsed before the check.
            return await self.process_webhook(request.body, request.headers.get("X-Hub-Signature-256"), on_new_message)

        return webhook
