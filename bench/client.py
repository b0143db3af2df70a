"""A timed client for Rasa's HTTP API: the REST channel, /model/parse and the tracker.

aiohttp rather than httpx: on 2 shared cores the load generator competes with the
servers it measures, and aiohttp costs less CPU per request.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

import aiohttp


@dataclass
class Sample:
    phase: str
    kind: str  # "webhook" or "parse"
    scenario: str
    latency_ms: float
    ok: bool
    status: int
    started_s: float  # since the client was created
    position: int = 0  # index of the message in its conversation
    silent: bool = False  # a webhook answered with no bot message at all
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class BotClient:
    rasa_url: str
    token: str
    timeout_s: float = 60.0
    samples: list[Sample] = field(default_factory=list)
    probes: int = 0  # untimed tracker reads used to find the asked question

    def __post_init__(self) -> None:
        self._origin = time.monotonic()
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> BotClient:
        connector = aiohttp.TCPConnector(limit=0, force_close=False)
        self._session = aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=self.timeout_s))
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        if self._session:
            await self._session.close()

    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None:
            raise RuntimeError("use `async with BotClient(...)`")
        return self._session

    async def say(
        self, sender: str, text: str, *, phase: str, scenario: str, position: int, base_url: str | None = None
    ) -> list[dict[str, Any]] | None:
        """Send one user message over the REST channel; None when it failed."""
        url = f"{base_url or self.rasa_url}/webhooks/rest/webhook"
        started = time.monotonic()
        status, replies, error = 0, None, None
        try:
            async with self.session.post(url, json={"sender": sender, "message": text}) as response:
                status = response.status
                body = await response.read()
                if status == 200:
                    replies = _json_list(body)
                    if replies is None:
                        error = "unreadable body"
                else:
                    error = f"HTTP {status}"
        except Exception as exc:
            error = type(exc).__name__
        latency = (time.monotonic() - started) * 1000
        self.samples.append(
            Sample(
                phase,
                "webhook",
                scenario,
                latency,
                replies is not None,
                status,
                started - self._origin,
                position,
                silent=replies == [],
                error=error,
            )
        )
        return replies

    async def parse(self, text: str, *, phase: str, scenario: str = "parse") -> bool:
        started = time.monotonic()
        status, ok, error = 0, False, None
        try:
            async with self.session.post(
                f"{self.rasa_url}/model/parse", params={"token": self.token}, json={"text": text}
            ) as response:
                status = response.status
                await response.read()
                ok = status == 200
                error = None if ok else f"HTTP {status}"
        except Exception as exc:
            error = type(exc).__name__
        latency = (time.monotonic() - started) * 1000
        self.samples.append(Sample(phase, "parse", scenario, latency, ok, status, started - self._origin, error=error))
        return ok

    async def tracker(self, sender: str, base_url: str | None = None) -> dict[str, Any] | None:
        """The conversation's tracker (untimed: it is the test harness's view, not the user's)."""
        try:
            async with self.session.get(
                f"{base_url or self.rasa_url}/conversations/{sender}/tracker", params={"token": self.token}
            ) as response:
                if response.status != 200:
                    return None
                return await response.json(content_type=None)
        except Exception:
            return None

    async def requested_slot(self, sender: str) -> str | None:
        self.probes += 1
        tracker = await self.tracker(sender)
        if not tracker or not (tracker.get("active_loop") or {}).get("name"):
            return None
        return (tracker.get("slots") or {}).get("requested_slot")


def _json_list(body: bytes) -> list[dict[str, Any]] | None:
    import json

    try:
        value = json.loads(body)
    except ValueError:
        return None
    return value if isinstance(value, list) else None
