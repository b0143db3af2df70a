"""A small async client for the Graph API "send message" call, with retries.

Meta answers 429 when we send too fast and 5xx when it has trouble; both pass, so
those (and network errors) are retried with exponential backoff. Other 4xx mean
the message itself is wrong and retrying cannot help.

Failures are logged without the message text or the phone number: only the
status, Meta's error code and a pseudonymous reference to the conversation.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

logger = logging.getLogger(__name__)


def _is_retryable(status: int) -> bool:
    return status == 429 or status >= 500


def _error_fields(response: httpx.Response) -> dict[str, Any]:
    """Meta's error code and type; its message may quote the number, so it is left out."""
    try:
        error = response.json().get("error") or {}
    except (ValueError, AttributeError):
        return {}
    return {"code": error.get("code"), "type": error.get("type"), "fbtrace_id": error.get("fbtrace_id")}


class GraphClient:
    def __init__(
        self,
        base_url: str,
        phone_number_id: str,
        access_token: str,
        attempts: int = 3,
        base_delay: float = 0.5,
        timeout: float = 10.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._url = f"{base_url.rstrip('/')}/{phone_number_id}/messages"
        self._headers = {"Authorization": f"Bearer {access_token}", "Content-Type": "application/json"}
        self._attempts = max(1, attempts)
        self._base_delay = base_delay
        self._timeout = timeout
        self._sleep = sleep
        self._http: httpx.AsyncClient | None = None

    async def __aenter__(self) -> GraphClient:
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    def _client(self) -> httpx.AsyncClient:
        # Created lazily inside the running event loop that will use it.
        if self._http is None:
            self._http = httpx.AsyncClient(timeout=self._timeout)
        return self._http

    async def send(self, message: dict[str, Any], log_ref: str = "-") -> str | None:
        """POST one message; returns Meta's message id, or None after logging a failure."""
        last_status: int | None = None
        last_error: dict[str, Any] = {}
        for attempt in range(1, self._attempts + 1):
            try:
                response = await self._client().post(self._url, json=message, headers=self._headers)
            except httpx.TransportError as error:
                last_status, last_error = None, {"network": type(error).__name__}
            else:
                if response.status_code < 300:
                    return _message_id(response)
                last_status, last_error = response.status_code, _error_fields(response)
                if not _is_retryable(response.status_code):
                    break
            if attempt < self._attempts:
                await self._sleep(self._base_delay * 2 ** (attempt - 1))
        logger.error(
            "WhatsApp send failed after %d attempt(s): status=%s error=%s message_type=%s conversation=%s",
            attempt,
            last_status,
            last_error,
            message.get("type"),
            log_ref,
        )
        return None


def _message_id(response: httpx.Response) -> str | None:
    try:
        messages = response.json().get("messages") or [{}]
        return messages[0].get("id")
    except (ValueError, AttributeError, IndexError):
        return None
