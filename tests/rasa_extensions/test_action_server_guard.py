"""action_server_guard: an unreachable action server gets the user a short notice, not silence."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from rasa_extensions import action_server_guard as guard

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(ROOT / "domain.yml"))
NOTICE_TEXT = DOMAIN.responses[guard.RESPONSE_NAME][0]["text"]


@pytest.fixture(autouse=True)
def installed_guard() -> Any:
    guard.uninstall()
    guard.install()
    yield
    guard.uninstall()
    guard.install()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tracker(sender: str = "guard-user", text: str = "عمري ٤٥") -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender, [UserUttered(text)], slots=DOMAIN.slots)


async def _run(
    action_name: str, url: str, tracker: DialogueStateTracker, channel: CollectingOutputChannel
) -> list[Any]:
    action = RemoteAction(action_name, EndpointConfig(url))
    return await action.run(channel, TemplatedNaturalLanguageGenerator(DOMAIN.responses), tracker, DOMAIN)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@asynccontextmanager
async def _action_server(handler: Handler) -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_post("/webhook", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    port = _closed_port()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    try:
        yield f"http://127.0.0.1:{port}/webhook"
    finally:
        await runner.cleanup()


def _texts(channel: CollectingOutputChannel) -> list[str]:
    return [message.get("text") for message in channel.messages]


def test_unreachable_action_server_sends_the_temporarily_unavailable_reply() -> None:
    channel = CollectingOutputChannel()
    with pytest.raises(guard.ActionServerUnavailable):
        asyncio.run(
            _run("validate_eligibility_form", f"http://127.0.0.1:{_closed_port()}/webhook", _tracker(), channel)
        )
    assert _texts(channel) == [NOTICE_TEXT]


def test_notice_is_sent_once_when_several_actions_fail_for_one_message() -> None:
    channel = CollectingOutputChannel()
    tracker = _tracker()
    url = f"http://127.0.0.1:{_closed_port()}/webhook"

    async def two_failures() -> None:
        for name in ("action_answer_faq", "validate_eligibility_form"):
            with pytest.raises(guard.ActionServerUnavailable):
                await _run(name, url, tracker, channel)

    asyncio.run(two_failures())
    assert _texts(channel) == [NOTICE_TEXT]


def test_each_new_user_message_gets_its_own_notice() -> None:
    channel = CollectingOutputChannel()
    url = f"http://127.0.0.1:{_closed_port()}/webhook"
    tracker = _tracker()

    async def fail_twice() -> None:
        with pytest.raises(guard.ActionServerUnavailable):
            await _run("action_answer_faq", url, tracker, channel)
        tracker.update(UserUttered("وش الشروط", timestamp=tracker.latest_message.timestamp + 1))
        with pytest.raises(guard.ActionServerUnavailable):
            await _run("action_answer_faq", url, tracker, channel)

    asyncio.run(fail_twice())
    assert _texts(channel) == [NOTICE_TEXT, NOTICE_TEXT]


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_error_from_action_server_or_proxy_counts_as_unavailable(status: int) -> None:
    async def failing(request: web.Request) -> web.Response:
        return web.Response(status=status, text="upstream down")

    async def scenario() -> CollectingOutputChannel:
        channel = CollectingOutputChannel()
        async with _action_server(failing) as url:
            with pytest.raises(guard.ActionServerUnavailable):
                await _run("action_answer_faq", url, _tracker(), channel)
        return channel

    assert _texts(asyncio.run(scenario())) == [NOTICE_TEXT]


def test_rejection_from_action_server_reaches_the_dialogue_without_a_notice() -> None:
    async def rejecting(request: web.Request) -> web.Response:
        return web.json_response({"action_name": "validate_eligibility_form", "error": "not now"}, status=400)

    async def scenario() -> CollectingOutputChannel:
        channel = CollectingOutputChannel()
        async with _action_server(rejecting) as url:
            with pytest.raises(ActionExecutionRejection) as raised:
                await _run("validate_eligibility_form", url, _tracker(), channel)
            assert not isinstance(raised.value, guard.ActionServerUnavailable)
        return channel

    assert asyncio.run(scenario()).messages == []


def test_hung_action_server_times_out_with_the_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTION_SERVER_TIMEOUT_SECONDS", "0.3")

    async def hanging(request: web.Request) -> web.Response:
        await asyncio.sleep(5)
        return web.json_response({"events": [], "responses": []})

    async def scenario() -> CollectingOutputChannel:
        channel = CollectingOutputChannel()
        async with _action_server(hanging) as url:
            started = asyncio.get_running_loop().time()
            with pytest.raises(guard.ActionServerUnavailable):
                await _run("action_answer_faq", url, _tracker(), channel)
            assert asyncio.get_running_loop().time() - started < 3
        return channel

    assert _texts(asyncio.run(scenario())) == [NOTICE_TEXT]


def test_working_action_server_events_and_responses_pass_through_unchanged() -> None:
    async def answering(request: web.Request) -> web.Response:
        body: dict[str, Any] = await request.json()
        return web.json_response(
            {
                "events": [{"event": "slot", "name": "age", "value": 45.0}],
                "responses": [{"text": f"تم {body['next_action']}"}],
            }
        )

    async def scenario() -> list[Any]:
        channel = CollectingOutputChannel()
        async with _action_server(answering) as url:
            events = await _run("validate_eligibility_form", url, _tracker(), channel)
        assert channel.messages == []  # bot messages travel as events, not as side sends
        return events

    events = asyncio.run(scenario())
    assert SlotSet("age", 45.0) in events
    assert [e.text for e in events if hasattr(e, "text")] == ["تم validate_eligibility_form"]


def test_installing_twice_wraps_once_and_uninstall_restores_rasa() -> None:
    guard.install()
    wrapped = RemoteAction.run
    guard.install()
    assert RemoteAction.run is wrapped
    guard.uninstall()
    assert not guard.is_installed()
    assert getattr(RemoteAction.run, "__qualname__", "") == "RemoteAction.run"


def test_other_errors_are_not_mistaken_for_unavailability() -> None:
    assert not guard.is_unavailability(ValueError("bad json"))
    assert not guard.is_unavailability(ActionExecutionRejection("validate_eligibility_form"))
    try:
        try:
            raise asyncio.TimeoutError()
        except asyncio.TimeoutError as inner:
            raise RuntimeError("wrapped") from inner
    except RuntimeError as outer:
        assert guard.is_unavailability(outer)
