"""A fake of Meta's Graph API "send message" endpoint, served over real HTTP.

It runs an aiohttp server on 127.0.0.1 (a free port) in its own thread, so it
serves both async tests and a separate Rasa process. It speaks the wire format:
POST /{version}/{phone_number_id}/messages with a bearer token, Meta's success
JSON, and Meta's error JSON for a bad token or a message Meta would refuse. It can
be told to fail the next N requests with 429 or 5xx.

    with FakeGraphApi(access_token="t", phone_number_id="123") as graph:
        ... WHATSAPP_GRAPH_BASE_URL=graph.base_url ...
        graph.sent_messages()  # JSON bodies Meta would have delivered
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.fakes.graph_validation import message_problem

_ERRORS = {
    429: (130429, "(#130429) Rate limit hit"),
    500: (1, "An unknown error occurred"),
    503: (2, "Service temporarily unavailable"),
}


@dataclass
class GraphRequest:
    phone_number_id: str
    authorization: str
    body: Any  # parsed JSON, or the raw text when it was not JSON
    status: int


def _error(status: int, code: int, message: str, details: str = "") -> web.Response:
    error: dict[str, Any] = {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AFakeTrace"}
    if details:
        error["error_data"] = {"messaging_product": "whatsapp", "details": details}
    return web.json_response({"error": error}, status=status)


class FakeGraphApi:
    def __init__(
        self, access_token: str = "test-access-token", phone_number_id: str | None = None, version: str = "v19.0"
    ) -> None:
        self.access_token = access_token
        self.phone_number_id = phone_number_id
        self.version = version
        self.requests: list[GraphRequest] = []
        self.port: int | None = None
        self._failures: list[int] = []
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    @property
    def base_url(self) -> str:
        """What WHATSAPP_GRAPH_BASE_URL should be set to."""
        return f"http://127.0.0.1:{self.port}/{self.version}"

    def fail_next(self, count: int, status: int = 500) -> None:
        with self._lock:
            self._failures.extend([status] * count)

    def sent_messages(self, to: str | None = None) -> list[dict[str, Any]]:
        """Bodies of the requests that were accepted (200), optionally for one recipient."""
        with self._lock:
            accepted = [r.body for r in self.requests if r.status == 200]
        return [m for m in accepted if to is None or m.get("to") == to]

    def reset(self) -> None:
        """Forget recorded requests and pending failures."""
        with self._lock:
            self.requests.clear()
            self._failures.clear()

    def wait_for(self, condition: Callable[[list[dict[str, Any]]], bool], timeout: float = 30.0) -> bool:
        """Poll until `condition(sent_messages())` holds (for a bot in another process)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition(self.sent_messages()):
                return True
            time.sleep(0.05)
        return condition(self.sent_messages())

    async def _messages(self, request: web.Request) -> web.Response:
        phone_number_id = request.match_info["phone_number_id"]
        authorization = request.headers.get("Authorization", "")
        raw = await request.text()
        try:
            body: Any = json.loads(raw)
        except ValueError:
            body = raw
        response = self._answer(phone_number_id, authorization, body)
        with self._lock:
            self.requests.append(GraphRequest(phone_number_id, authorization, body, response.status))
        return response

    def _answer(self, phone_number_id: str, authorization: str, body: Any) -> web.Response:
        with self._lock:
            failure = self._failures.pop(0) if self._failures else None
        if failure is not None:
            code, message = _ERRORS.get(failure, (1, "An unknown error occurred"))
            return _error(failure, code, message)
        if authorization != f"Bearer {self.access_token}":
            return _error(401, 190, "Invalid OAuth access token - Cannot parse access token")
        if self.phone_number_id and phone_number_id != self.phone_number_id:
            return _error(400, 100, f"Unsupported post request. Object with ID '{phone_number_id}' does not exist")
        problem = message_problem(body)
        if problem:
            code, details = problem
            return _error(400, code, f"(#{code}) Invalid parameter", details)
        to = str(body["to"]).lstrip("+")
        return web.json_response(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": body["to"], "wa_id": to}],
                "messages": [{"id": f"wamid.FAKE{next(self._ids):08d}"}],
            }
        )

    def _serve(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        app = web.Application()
        app.router.add_post("/{version}/{phone_number_id}/messages", self._messages)
        app.router.add_post("/{phone_number_id}/messages", self._messages)
        runner = web.AppRunner(app, access_log=None)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # port 0 = the OS picks a free one
        self._ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    def start(self) -> FakeGraphApi:
        self._thread = threading.Thread(target=self._serve, name="fake-graph-api", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake Graph API did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._thread = None

    def __enter__(self) -> FakeGraphApi:
        return self.start()

    def __exit__(self, *exc_info: Any) -> None:
        self.stop()
