"""Tell the user when the action server cannot be reached, instead of saying nothing.

Rasa 3.6 turns an unreachable action server into a `RasaException` inside
`RemoteAction.run`; `MessageProcessor._run_action` logs it and drops the action's
events, so the user gets no reply at all. This module wraps `RemoteAction.run` (the
one place every custom action and every form validation goes through) so that, when
the action server is down, overloaded behind a proxy (502/503/504) or does not answer
in time:

- the user gets `utter_temporarily_unavailable` once per message, sent straight to
  the output channel (the action's events are about to be dropped, so a `BotUttered`
  event would never reach the channel);
- the exception still propagates, so Rasa drops the failed action's events and the
  form keeps its state: the requested slot stays requested, answers already read stay,
  and the unread answer stays raw text, which the form treats as unanswered
  (see actions/answers.py). After the action server is back, the same form goes on.

Installed by `rasa_extensions.install("rasa")` at the Rasa server's start-up
(rasa_extensions/run_rasa.py); importing this module changes nothing. The action
server never needs it. Checked against Rasa 3.6.21 (see rasa_extensions/__init__.py).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import aiohttp
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import ClientResponseError as RasaClientResponseError

from rasa_extensions.texts import TEMPORARILY_UNAVAILABLE_FALLBACK

__all__ = [
    "RESPONSE_NAME",
    "ActionServerUnavailable",
    "install",
    "is_installed",
    "is_unavailability",
    "uninstall",
]

logger = logging.getLogger(__name__)

RESPONSE_NAME = "utter_temporarily_unavailable"
# Rasa waits 5 minutes for the action server; a user waiting that long has left.
_TIMEOUT_ENV = "ACTION_SERVER_TIMEOUT_SECONDS"
_DEFAULT_TIMEOUT_SECONDS = 30.0
# Messages already answered with the notice, so one user message gets it once even
# when several custom actions fail in the same turn (e.g. an FAQ inside a form).
_NOTIFIED_LIMIT = 4096
_notified: OrderedDict[Hashable, None] = OrderedDict()

_ORIGINAL_RUN_ATTRIBUTE = "_daman_original_run"


class ActionServerUnavailable(RasaException):
    """The action server could not run a custom action; the user was told."""


def is_unavailability(error: BaseException) -> bool:
    """True when `error` (or what caused it) means the action server is not reachable.

    A 400 from the action server is a rejection the dialogue must see, and other
    errors are bugs, so only connection failures, time-outs and 5xx count.
    """
    seen = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ActionExecutionRejection):
            return False
        if isinstance(current, (aiohttp.ClientConnectionError, asyncio.TimeoutError)):
            return True
        # Rasa raises its own ClientResponseError, not aiohttp's, for non-2xx answers.
        if (
            isinstance(current, (aiohttp.ClientResponseError, RasaClientResponseError))
            and (getattr(current, "status", None) or 0) >= 500
        ):
            return True
        current = current.__cause__ or current.__context__
    return False


def _timeout_seconds() -> float:
    try:
        value = float(os.environ.get(_TIMEOUT_ENV, _DEFAULT_TIMEOUT_SECONDS))
    except ValueError:
        return _DEFAULT_TIMEOUT_SECONDS
    return value if value > 0 else _DEFAULT_TIMEOUT_SECONDS


def _turn_key(tracker: Any) -> Hashable:
    message = getattr(tracker, "latest_message", None)
    return (
        tracker.sender_id,
        getattr(message, "timestamp", None),
        getattr(message, "message_id", None),
    )


def _first_notice_for(key: Hashable) -> bool:
    if key in _notified:
        return False
    _notified[key] = None
    while len(_notified) > _NOTIFIED_LIMIT:
        _notified.popitem(last=False)
    return True


async def _notify_user(output_channel: Any, nlg: Any, tracker: Any) -> None:
    message: dict | None = None
    try:
        message = await nlg.generate(RESPONSE_NAME, tracker, output_channel.name())
    except Exception:  # a broken NLG must not hide the notice itself
        logger.exception("Could not render %s", RESPONSE_NAME)
    if not message or not message.get("text"):
        # Only if the domain lacks the response; the domain's text is the one to edit.
        message = {"text": TEMPORARILY_UNAVAILABLE_FALLBACK}
    await output_channel.send_response(tracker.sender_id, dict(message))


def _guarded(original_run: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original_run)
    async def run(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> list[Any]:
        try:
            return await asyncio.wait_for(
                original_run(self, output_channel, nlg, tracker, domain), timeout=_timeout_seconds()
            )
        except Exception as error:
            if not is_unavailability(error):
                raise
            # No sender id or text here: logs must not carry personal data.
            logger.warning("Action server unavailable while running %s: %s", self.name(), type(error).__name__)
            if _first_notice_for(_turn_key(tracker)):
                try:
                    await _notify_user(output_channel, nlg, tracker)
                except Exception:
                    logger.exception("Could not send %s", RESPONSE_NAME)
            raise ActionServerUnavailable(f"Action server unavailable for '{self.name()}'") from error

    setattr(run, _ORIGINAL_RUN_ATTRIBUTE, original_run)
    return run


def is_installed() -> bool:
    """True when `RemoteAction.run` is the guarded one."""
    return hasattr(RemoteAction.run, _ORIGINAL_RUN_ATTRIBUTE)


def install() -> None:
    """Wrap `RemoteAction.run` once; calling again changes nothing."""
    if not is_installed():
        RemoteAction.run = _guarded(RemoteAction.run)  # type: ignore[assignment]


def uninstall() -> None:
    """Restore Rasa's own `RemoteAction.run` (for tests)."""
    original = getattr(RemoteAction.run, _ORIGINAL_RUN_ATTRIBUTE, None)
    if original is not None:
        RemoteAction.run = original  # type: ignore[assignment]
    _notified.clear()


def notified_turns() -> tuple[Hashable, ...]:
    """The turns that got the notice (newest last), for tests and debugging."""
    return tuple(_notified)
