"""Build Graph API message objects from Rasa responses, within WhatsApp's limits.

Meta rejects the whole message (HTTP 400) when one limit is exceeded, so every
limit is applied here: a slightly shortened button title is better than a lost
question.

Text goes out in the assistant's one digit style with dates isolated (FSI … PDI), as
arabic_text.display does for every channel. Links and phone numbers stay plain text:
WhatsApp makes them tappable itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from arabic_text.display import display_digits, for_plain_text
from channels import whatsapp_texts as texts
from channels.text_split import WHATSAPP_TEXT_LIMIT, split_text

INTERACTIVE_BODY_LIMIT = 1024
MAX_REPLY_BUTTONS = 3
BUTTON_TITLE_LIMIT = 20
BUTTON_ID_LIMIT = 256
MAX_LIST_ROWS = 10
ROW_TITLE_LIMIT = 24
ROW_ID_LIMIT = 200
LIST_BUTTON_LIMIT = 20
ELLIPSIS = "…"

Choice = tuple[str, str]  # (id sent back to us when tapped, title shown)


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, marked with an ellipsis when cut."""
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


def unique_titles(titles: Sequence[str], limit: int) -> list[str]:
    """Titles cut to `limit`, numbered where cutting made two of them equal.

    Meta refuses a message whose reply buttons share a title, and a user could not
    tell such buttons apart anyway.
    """
    result: list[str] = []
    for title in titles:
        candidate = truncate(title, limit)
        number = 2
        while candidate in result:
            suffix = f" {number}"
            candidate = truncate(title, limit - len(suffix)) + suffix
            number += 1
        result.append(candidate)
    return result


def _envelope(to: str, message_type: str, content: dict[str, Any]) -> dict[str, Any]:
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to,
        "type": message_type,
        message_type: content,
    }


def text_messages(to: str, body: str) -> list[dict[str, Any]]:
    """One text message per piece of `body` (split at sentence ends past 4,096 chars)."""
    body = for_plain_text(body)
    return [
        _envelope(to, "text", {"body": piece, "preview_url": False}) for piece in split_text(body, WHATSAPP_TEXT_LIMIT)
    ]


def _choices(buttons: Sequence[Mapping[str, Any]], id_limit: int) -> tuple[list[Choice], list[str]]:
    """(reply choices, link lines). Links cannot be reply buttons, so they become text."""
    choices: list[Choice] = []
    links: list[str] = []
    seen = set()
    for button in buttons:
        title = str(button.get("title") or "").strip()
        if button.get("url"):
            links.append(f"{title}: {button['url']}" if title else str(button["url"]))
            continue
        choice_id = str(button.get("payload") or title).strip()
        if len(choice_id) > id_limit:
            # A cut payload would be a wrong command; the title, sent back as text,
            # still goes through NLU and means what the user chose.
            choice_id = truncate(title, id_limit)
        if not choice_id or choice_id in seen:
            continue
        seen.add(choice_id)
        choices.append((choice_id, display_digits(title or choice_id)))
    return choices, links


def _split_body(to: str, body: str) -> tuple[list[dict[str, Any]], str]:
    """Text messages for all but the last part of `body`, and that last part (≤ 1,024 chars)."""
    pieces = split_text(body, INTERACTIVE_BODY_LIMIT)
    if not pieces:
        return [], texts.CHOOSE_OPTION
    leading = [_envelope(to, "text", {"body": p, "preview_url": False}) for p in pieces[:-1]]
    return leading, pieces[-1]


def _reply_buttons(to: str, body: str, choices: list[Choice]) -> dict[str, Any]:
    return _envelope(
        to,
        "interactive",
        {
            "type": "button",
            "body": {"text": body},
            "action": {
                "buttons": [
                    {"type": "reply", "reply": {"id": choice_id, "title": title}}
                    for (choice_id, _), title in zip(
                        choices, unique_titles([t for _, t in choices], BUTTON_TITLE_LIMIT), strict=False
                    )
                ]
            },
        },
    )


def _list(to: str, body: str, choices: list[Choice]) -> dict[str, Any]:
    titles = unique_titles([title for _, title in choices], ROW_TITLE_LIMIT)
    rows = [{"id": choice_id, "title": title} for (choice_id, _), title in zip(choices, titles, strict=False)]
    return _envelope(
        to,
        "interactive",
        {
            "type": "list",
            "body": {"text": body},
            "action": {
                "button": truncate(texts.LIST_BUTTON_LABEL, LIST_BUTTON_LIMIT),
                "sections": [{"rows": rows}],
            },
        },
    )


def interactive_messages(to: str, body: str, buttons: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Messages that show `body` with `buttons`: reply buttons for up to 3, lists beyond."""
    choices, links = _choices(buttons, BUTTON_ID_LIMIT)
    if links:
        body = "\n".join([body or "", *links]).strip()
    body = for_plain_text(body)
    if not choices:
        return text_messages(to, body)
    messages, last_body = _split_body(to, body)
    if len(choices) <= MAX_REPLY_BUTTONS:
        messages.append(_reply_buttons(to, last_body, choices))
        return messages
    list_choices, _ = _choices(buttons, ROW_ID_LIMIT)
    for start in range(0, len(list_choices), MAX_LIST_ROWS):
        chunk = list_choices[start : start + MAX_LIST_ROWS]
        messages.append(_list(to, last_body if start == 0 else texts.MORE_OPTIONS, chunk))
    return messages


def image_message(to: str, url: str) -> dict[str, Any]:
    return _envelope(to, "image", {"link": url})
