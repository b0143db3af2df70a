"""The load shapes: open loop at a set arrival rate, closed loop at a set concurrency,
the parse floor with one conversation at a time, and one long conversation.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque

from bench import dialect
from bench.applicants import Applicant, ApplicantFactory
from bench.client import BotClient


async def closed_loop(
    client: BotClient,
    factory: ApplicantFactory,
    concurrency: int,
    messages: int,
    phase: str,
    base_urls: list[str] | None = None,
) -> float:
    """`concurrency` applicants talk without pauses until `messages` have been sent.

    Each worker starts a new conversation when its current one ends. With several
    base URLs (replicas), worker i talks to base_urls[i % n]. Returns the wall time.
    """
    sent = 0

    async def worker(index: int) -> None:
        nonlocal sent
        base_url = base_urls[index % len(base_urls)] if base_urls else None
        applicant = factory.new()
        while sent < messages:
            sent += 1
            if not await applicant.next_turn(client, phase, base_url):
                applicant = factory.new()

    started = time.monotonic()
    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    return time.monotonic() - started


async def open_loop(
    client: BotClient,
    factory: ApplicantFactory,
    rate: float,
    duration_s: float,
    phase: str,
    drain_timeout_s: float = 60.0,
) -> dict[str, float]:
    """Messages arrive every 1/rate seconds whatever the server does (no coordinated omission).

    Each arrival sends the next message of an idle conversation, or of a new one when
    all are waiting for a reply, so the offered load stays at `rate` even when the
    server falls behind. Returns the scheduling lag, to show the generator kept up.
    """
    idle: deque[Applicant] = deque()
    in_flight: set[asyncio.Task] = set()
    interval = 1.0 / rate
    arrivals = int(rate * duration_s)
    worst_lag = 0.0

    async def one_turn(applicant: Applicant) -> None:
        if await applicant.next_turn(client, phase):
            idle.append(applicant)

    started = time.monotonic()
    for index in range(arrivals):
        due = started + index * interval
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        worst_lag = max(worst_lag, time.monotonic() - due)
        applicant = idle.popleft() if idle else factory.new()
        task = asyncio.create_task(one_turn(applicant))
        in_flight.add(task)
        task.add_done_callback(in_flight.discard)
    if in_flight:
        await asyncio.wait(set(in_flight), timeout=drain_timeout_s)
    return {
        "offered_rate": rate,
        "arrivals": arrivals,
        "worst_schedule_lag_ms": round(worst_lag * 1000, 1),
        "wall_s": round(time.monotonic() - started, 2),
    }


async def parse_floor(client: BotClient, factory: ApplicantFactory, messages: int, phase: str) -> None:
    """One conversation at a time; each message is also sent to /model/parse.

    The parse call is what NLU alone costs for the very same text; the webhook adds
    the tracker store, the policies and the action server.
    """
    sent = 0
    while sent < messages:
        applicant = factory.new()
        while sent < messages and not applicant.done:
            text = applicant.pending or ""
            await applicant.next_turn(client, phase)
            await client.parse(text, phase=phase, scenario=applicant.kind)
            sent += 1


async def long_conversation(client: BotClient, run_tag: str, index: int, length: int, phase: str) -> None:
    """One conversation of `length` FAQ questions, the same kind of message throughout,
    so that only the growing tracker can make late messages slower than early ones."""
    sender = f"bench-{run_tag}-long-{index}"
    for position in range(length):
        question = dialect.FAQ_QUESTIONS[(position + index) % len(dialect.FAQ_QUESTIONS)]
        await client.say(sender, question, phase=phase, scenario="long", position=position)
