"""Meta's checks on a "send message" request, as the fake Graph API applies them.

Each check returns None when the message is acceptable, else the (code, details)
pair Meta puts in its error JSON. Limits follow Meta's Cloud API reference.
"""

from __future__ import annotations

from typing import Any

Problem = tuple[int, str] | None

INVALID_PARAMETER = 100
PARAMETER_VALUE_INVALID = 131009


def _length_problem(value: Any, name: str, maximum: int) -> Problem:
    if not isinstance(value, str) or not value:
        return PARAMETER_VALUE_INVALID, f"{name} is required"
    if len(value) > maximum:
        return PARAMETER_VALUE_INVALID, f"{name} length invalid. Min length: 1, Max length: {maximum}"
    return None


def _text_problem(message: dict[str, Any]) -> Problem:
    text = message.get("text")
    if not isinstance(text, dict):
        return INVALID_PARAMETER, "text object is required"
    return _length_problem(text.get("body"), "text.body", 4096)


def _buttons_problem(action: dict[str, Any]) -> Problem:
    buttons = action.get("buttons")
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= 3:
        return PARAMETER_VALUE_INVALID, "buttons count invalid. Min: 1, Max: 3"
    ids, titles = set(), set()
    for button in buttons:
        reply = button.get("reply") if isinstance(button, dict) else None
        if not isinstance(reply, dict) or button.get("type") != "reply":
            return INVALID_PARAMETER, "button must be of type reply"
        problem = _length_problem(reply.get("id"), "Button id", 256) or _length_problem(
            reply.get("title"), "Button title", 20
        )
        if problem:
            return problem
        if reply["id"] in ids or reply["title"] in titles:
            return PARAMETER_VALUE_INVALID, "Button ids and titles must be unique"
        ids.add(reply["id"])
        titles.add(reply["title"])
    return None


def _list_problem(action: dict[str, Any]) -> Problem:
    problem = _length_problem(action.get("button"), "action.button", 20)
    if problem:
        return problem
    sections = action.get("sections")
    if not isinstance(sections, list) or not 1 <= len(sections) <= 10:
        return PARAMETER_VALUE_INVALID, "sections count invalid. Min: 1, Max: 10"
    rows = [row for section in sections if isinstance(section, dict) for row in section.get("rows") or []]
    if not 1 <= len(rows) <= 10:
        return PARAMETER_VALUE_INVALID, "Total row count exceed max allowed count: 10"
    for row in rows:
        problem = _length_problem(row.get("id"), "Row id", 200) or _length_problem(row.get("title"), "Row title", 24)
        if problem:
            return problem
        if len(row.get("description") or "") > 72:
            return PARAMETER_VALUE_INVALID, "Row description length invalid. Max length: 72"
    return None


def _interactive_problem(message: dict[str, Any]) -> Problem:
    interactive = message.get("interactive")
    if not isinstance(interactive, dict):
        return INVALID_PARAMETER, "interactive object is required"
    body = interactive.get("body")
    problem = _length_problem(body.get("text") if isinstance(body, dict) else None, "body.text", 1024)
    if problem:
        return problem
    action = interactive.get("action")
    if not isinstance(action, dict):
        return INVALID_PARAMETER, "action object is required"
    if interactive.get("type") == "button":
        return _buttons_problem(action)
    if interactive.get("type") == "list":
        return _list_problem(action)
    return INVALID_PARAMETER, "interactive.type must be button or list"


def _image_problem(message: dict[str, Any]) -> Problem:
    image = message.get("image")
    if not isinstance(image, dict) or not (image.get("link") or image.get("id")):
        return INVALID_PARAMETER, "image.link or image.id is required"
    return None


_BY_TYPE = {"text": _text_problem, "interactive": _interactive_problem, "image": _image_problem}


def message_problem(message: Any) -> Problem:
    """Why Meta would reject `message`, or None when it would accept it."""
    if not isinstance(message, dict):
        return INVALID_PARAMETER, "request body must be a JSON object"
    if message.get("messaging_product") != "whatsapp":
        return INVALID_PARAMETER, "The parameter messaging_product is required."
    if message.get("recipient_type", "individual") != "individual":
        return INVALID_PARAMETER, "recipient_type must be individual"
    to = str(message.get("to") or "").lstrip("+")
    if not to.isdigit():
        return INVALID_PARAMETER, "The parameter to is required."
    check = _BY_TYPE.get(str(message.get("type", "text")))
    if check is None:
        return INVALID_PARAMETER, "Unsupported message type"
    return check(message)
