"""The live inbox in tests: a fake Rasa HTTP API, a status store with queued requests,
and staff accounts of both roles."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from review_web_helpers import STAFF_PASSWORD, Clock, page_token, sign_in

from review.web.app import ReviewConfig, create_app

RASA_TOKEN = "inbox-test-token"
# 2026-12-06 10:00 Riyadh (a Sunday, within the default staff hours).
NOW = datetime(2026, 12, 6, 7, 0, tzinfo=timezone.utc).timestamp()


@dataclass
class FakeRasa:
    """Rasa's POST /conversations/{id}/tracker/events: records calls, can fail the next ones."""

    calls: list[dict[str, Any]] = field(default_factory=list)
    fail_delivery: bool = False
    down: bool = False

    async def append(self, request: web.Request) -> web.Response:
        if request.query.get("token") != RASA_TOKEN:
            return web.json_response({"message": "bad token"}, status=401)
        if self.down:
            return web.json_response({"message": "boom"}, status=500)
        events = await request.json()
        deliver = request.query.get("execute_side_effects") == "true"
        if deliver and self.fail_delivery and any(e.get("event") == "bot" for e in events):
            return web.json_response({"message": "cannot deliver"}, status=500)
        self.calls.append(
            {
                "conversation": request.match_info["conversation_id"],
                "events": events,
                "deliver": deliver,
                "output_channel": request.query.get("output_channel"),
            }
        )
        return web.json_response({"sender_id": request.match_info["conversation_id"]})

    def event_names(self) -> list[list[str]]:
        return [[e["event"] for e in call["events"]] for call in self.calls]

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/conversations/{conversation_id}/tracker/events", self.append)
        return app


def inbox_app(
    data: Any, review_url: str, status_url: str, rasa_url: str, clock: Clock | None = None, **config: Any
) -> web.Application:
    config.setdefault("rasa_token", RASA_TOKEN)
    settings = ReviewConfig(data.tracker_url, status_url, review_url, rasa_url=rasa_url, **config)
    return create_app(settings, clock or Clock(NOW))


def run_inbox(
    data: Any,
    review_url: str,
    status_url: str,
    scenario: Callable[[Callable[[], Awaitable[TestClient]], FakeRasa], Awaitable[Any]],
    rasa: FakeRasa | None = None,
    **config: Any,
) -> Any:
    """Start the fake Rasa and the review app; `scenario(new_client, rasa)` gets a factory of
    separate browser-like clients (one per staff member) sharing one server."""
    rasa = rasa or FakeRasa()

    async def main() -> Any:
        async with TestServer(rasa.app()) as rasa_server:
            app = inbox_app(data, review_url, status_url, str(rasa_server.make_url("")).rstrip("/"), **config)
            async with TestServer(app) as server, contextlib.AsyncExitStack() as stack:

                async def new_client() -> TestClient:
                    return await stack.enter_async_context(TestClient(server))

                return await scenario(new_client, rasa)

    return asyncio.run(main())


async def signed_in(new_client: Callable[[], Awaitable[TestClient]], name: str) -> TestClient:
    client = await new_client()
    response = await sign_in(client, name, STAFF_PASSWORD)
    assert response.status == 303, name
    return client


async def post(client: TestClient, path: str, data: dict[str, str] | None = None, token_page: str = "/inbox"):
    token = await page_token(client, token_page)
    return await client.post(path, data={**(data or {}), "csrf_token": token}, allow_redirects=False)
