"""Build WhatsApp webhook deliveries the way Meta sends and signs them.

Meta serializes compactly with non-ASCII escaped (\\u0627...) and signs those
exact bytes with the app secret (X-Hub-Signature-256).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from typing import Any

BUSINESS_ACCOUNT_ID = "102290129340398"
DISPLAY_NUMBER = "15550783881"


def new_message_id() -> str:
    # Random, so that a dedup DB kept from an earlier run never mistakes a new
    # test message for a retry.
    return f"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQ{uuid.uuid4().hex.upper()}"


def _message(sender: str, message_type: str, content: dict[str, Any], message_id: str | None) -> dict[str, Any]:
    return {
        "from": sender,
        "id": message_id or new_message_id(),
        "timestamp": "1700000000",
        "type": message_type,
        **content,
    }


def text_message(sender: str, body: str, message_id: str | None = None) -> dict[str, Any]:
    return _message(sender, "text", {"text": {"body": body}}, message_id)


def button_reply(sender: str, reply_id: str, title: str, message_id: str | None = None) -> dict[str, Any]:
    content = {"interactive": {"type": "button_reply", "button_reply": {"id": reply_id, "title": title}}}
    return _message(sender, "interactive", content, message_id)


def list_reply(sender: str, reply_id: str, title: str, message_id: str | None = None) -> dict[str, Any]:
    content = {"interactive": {"type": "list_reply", "list_reply": {"id": reply_id, "title": title}}}
    return _message(sender, "interactive", content, message_id)


def media_message(sender: str, media_type: str, message_id: str | None = None) -> dict[str, Any]:
    """audio (voice notes are audio with voice=true), image, sticker, video, document, location."""
    if media_type == "location":
        content: dict[str, Any] = {"location": {"latitude": 24.7136, "longitude": 46.6753}}
    else:
        content = {media_type: {"id": "1234567890", "mime_type": "application/octet-stream", "sha256": "abc"}}
        if media_type == "audio":
            content["audio"].update({"mime_type": "audio/ogg; codecs=opus", "voice": True})
    return _message(sender, media_type, content, message_id)


def status_update(recipient: str, status: str, message_id: str = "wamid.OUTBOUND1") -> dict[str, Any]:
    return {"id": message_id, "status": status, "timestamp": "1700000001", "recipient_id": recipient}


def webhook(
    messages: list[dict[str, Any]] | None = None,
    statuses: list[dict[str, Any]] | None = None,
    phone_number_id: str = "106540352242922",
) -> dict[str, Any]:
    value: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": DISPLAY_NUMBER, "phone_number_id": phone_number_id},
    }
    if messages:
        senders = {m["from"] for m in messages}
        value["contacts"] = [{"profile": {"name": "مستخدم"}, "wa_id": s} for s in sorted(senders)]
        value["messages"] = messages
    if statuses:
        value["statuses"] = statuses
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": BUSINESS_ACCOUNT_ID, "changes": [{"value": value, "field": "messages"}]}],
    }


def meta_signature(body: bytes, app_secret: str) -> str:
    # Computed here independently of channels/, so a bug there cannot hide in the test.
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def signed(payload: Any, app_secret: str) -> tuple[bytes, dict[str, str]]:
    """(raw body, headers) for a POST to the webhook, as Meta would send it."""
    body = json.dumps(payload, separators=(",", ":")).encode("utf-8")
    return body, {"Content-Type": "application/json", "X-Hub-Signature-256": meta_signature(body, app_secret)}
