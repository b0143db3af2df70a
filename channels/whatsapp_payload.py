"""Read the WhatsApp Cloud API webhook payload into plain message records.

The shape (Meta "messages" webhook):
    {"object": "whatsapp_business_account",
     "entry": [{"id": ..., "changes": [{"field": "messages", "value": {
         "messaging_product": "whatsapp",
         "metadata": {"display_phone_number": ..., "phone_number_id": ...},
         "contacts": [{"profile": {"name": ...}, "wa_id": ...}],
         "messages": [{"from": ..., "id": "wamid...", "timestamp": ..., "type": "text",
                       "text": {"body": ...}}],
         "statuses": [{"id": ..., "status": "sent|delivered|read|failed", ...}]}}]}]}

An envelope we cannot read raises PayloadError (the webhook answers 400). Inside a
readable envelope, single entries we cannot use are skipped and counted, so one odd
item never blocks the other messages of the same delivery.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Types we cannot read: the user gets a polite "text only, please" reply.
MEDIA_TYPES = frozenset(
    {
        "audio",
        "voice",
        "image",
        "sticker",
        "video",
        "document",
        "location",
        "contacts",
        "unsupported",
        "unknown",
        "order",
    }
)
# Types that need no answer at all: an emoji reaction, or a system notice such as
# "the user changed their number".
SILENT_TYPES = frozenset({"reaction", "system", "request_welcome", "ephemeral"})


class PayloadError(ValueError):
    """The body is not a WhatsApp Business Account webhook we can read."""


@dataclass(frozen=True)
class InboundMessage:
    message_id: str
    sender: str  # the user's WhatsApp number, digits only: personal data, never log it
    message_type: str
    kind: str  # "text" | "reply" | "media" | "silent"
    text: str = ""
    phone_number_id: str = ""


@dataclass
class WebhookBatch:
    messages: list[InboundMessage] = field(default_factory=list)
    statuses: int = 0
    skipped: int = 0


def _digits(value: Any) -> str:
    return "".join(ch for ch in str(value or "") if ch.isdigit())


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text_of(message: dict) -> tuple[str, str]:
    """(kind, text) of one message."""
    message_type = str(message.get("type") or "unknown")
    if message_type == "text":
        body = (message.get("text") or {}).get("body") if isinstance(message.get("text"), dict) else None
        return "text", str(body or "")
    if message_type == "interactive":
        interactive = message.get("interactive") if isinstance(message.get("interactive"), dict) else {}
        reply = interactive.get("button_reply") or interactive.get("list_reply")
        if isinstance(reply, dict) and (reply.get("id") or reply.get("title")):
            # The id is the payload our button carried ("/affirm", "/inform{...}").
            return "reply", str(reply.get("id") or reply.get("title"))
        return "media", ""
    if message_type == "button":
        # A quick-reply button of a template message.
        button = message.get("button") if isinstance(message.get("button"), dict) else {}
        return "reply", str(button.get("payload") or button.get("text") or "")
    if message_type in SILENT_TYPES:
        return "silent", ""
    return "media", ""


def _single_contact(value: dict) -> str:
    contacts = [c for c in _as_list(value.get("contacts")) if isinstance(c, dict)]
    return _digits(contacts[0].get("wa_id")) if len(contacts) == 1 else ""


def _messages_of(value: dict, batch: WebhookBatch) -> None:
    metadata = value.get("metadata") if isinstance(value.get("metadata"), dict) else {}
    phone_number_id = str(metadata.get("phone_number_id") or "")
    fallback_sender = _single_contact(value)
    for message in _as_list(value.get("messages")):
        if not isinstance(message, dict) or not message.get("id"):
            batch.skipped += 1
            continue
        sender = _digits(message.get("from")) or fallback_sender
        if not sender:
            batch.skipped += 1
            continue
        kind, text = _text_of(message)
        batch.messages.append(
            InboundMessage(
                message_id=str(message["id"]),
                sender=sender,
                message_type=str(message.get("type") or "unknown"),
                kind=kind,
                text=text,
                phone_number_id=phone_number_id,
            )
        )


def parse_webhook(payload: Any) -> WebhookBatch:
    """All user messages and the number of status callbacks in one webhook delivery."""
    if not isinstance(payload, dict):
        raise PayloadError("the body is not a JSON object")
    if payload.get("object") != "whatsapp_business_account":
        raise PayloadError("object is not whatsapp_business_account")
    entries = payload.get("entry")
    if not isinstance(entries, list):
        raise PayloadError("entry is missing or not a list")
    batch = WebhookBatch()
    for entry in entries:
        changes = entry.get("changes") if isinstance(entry, dict) else None
        if not isinstance(changes, list):
            batch.skipped += 1
            continue
        for change in changes:
            value = change.get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict) or change.get("field", "messages") != "messages":
                batch.skipped += 1
                continue
            batch.statuses += len(_as_list(value.get("statuses")))
            _messages_of(value, batch)
    return batch
