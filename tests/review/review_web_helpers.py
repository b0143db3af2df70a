"""Driving the staff web app in tests: an in-process server, sign-in and CSRF tokens."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from review.web.app import ReviewConfig, create_app

STAFF_NAME = "noura"
STAFF_PASSWORD = "Sabr-wa-Amal-2024"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class Clock:
    """A clock the test moves by hand (sign-in windows, session expiry)."""

    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def make_app(
    data: Any, review_url: str, status_url: str | None = None, clock: Clock | None = None, **config: Any
) -> web.Application:
    settings = ReviewConfig(data.tracker_url, status_url or data.status_url, review_url, **config)
    return create_app(settings, clock or Clock())


def run(app: web.Application, scenario: Callable[[TestClient], Awaitable[Any]]) -> Any:
    async def main() -> Any:
        async with TestClient(TestServer(app)) as client:
            return await scenario(client)

    return asyncio.run(main())


def token_in(html: str) -> str:
    found = _TOKEN.search(html)
    assert found, "page has no CSRF token"
    return found.group(1)


async def login_form_token(client: TestClient) -> str:
    response = await client.get("/login")
    return token_in(await response.text())


async def sign_in(client: TestClient, username: str = STAFF_NAME, password: str = STAFF_PASSWORD):
    token = await login_form_token(client)
    return await client.post(
        "/login", data={"username": username, "password": password, "csrf_token": token}, allow_redirects=False
    )


async def page_token(client: TestClient, path: str = "/") -> str:
    response = await client.get(path)
    assert response.status == 200, path
    return token_in(await response.text())
