"""The live inbox end to end: real Rasa and action servers, the review app, and the applicant
in the web widget (Chromium) or on WhatsApp (the fake Graph API).

The round trip on each channel: the applicant asks for a person; a staff member takes
the conversation and replies; the applicant gets the reply in the same chat; the bot
stays quiet on the applicant's next message; the staff member hands the conversation
back, and the bot answers again. The stack runs with STAFF_HOURS=always
(tests/e2e/conftest.py), so a handoff always pauses the bot.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from aiohttp import web

from arabic_text.pseudonyms import phone_pseudonym
from channels.whatsapp_config import settings_from
from review.accounts import add_staff
from review.review_db import dispose_review_engine, review_engine
from review.web.app import ReviewConfig, create_app
from status_store.engine import get_engine
from status_store.handoff_desk import open_handoff_for
from status_store.handoffs import get_handoff
from tests.fakes import meta_webhook as meta
from tests.fakes.whatsapp_user import WhatsAppUser
from tests.webchat import chat_page as chat
from tests.webchat.servers import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, DESKTOP

pytestmark = pytest.mark.e2e

STAFF, PASSWORD = "sara", "Sabr-wa-Amal-2024"
TIMEOUT_S = 60
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
REPLY = "أهلاً بك، معك سارة من فريق الدعم. طلبك قيد المراجعة ونرد عليك بالتفصيل هنا."
QUESTION = "متى موعد صرف الضمان؟"
STAFF_PHONE = "0551234567"


class ReviewServer:
    """The review web app on a free loopback port, served from its own thread and event loop."""

    def __init__(self, app: web.Application) -> None:
        self.app, self.port = app, 0
        self._ready = threading.Event()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._runner = web.AppRunner(self.app)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ReviewServer:
        self._thread.start()
        assert self._ready.wait(15), "review server did not start"
        return self

    def __exit__(self, *exc: Any) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(15)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(15)


@pytest.fixture(scope="module")
def review(rasa_stack, tmp_path_factory) -> Iterator[ReviewServer]:
    """The staff app on the stack's databases, talking to the stack's Rasa with its token."""
    review_url = f"sqlite:///{tmp_path_factory.mktemp('inbox') / 'review.db'}"
    add_staff(review_engine(review_url), STAFF, PASSWORD)
    config = ReviewConfig(
        rasa_stack.tracker_db_url,
        rasa_stack.status_db_url,
        review_url,
        rasa_url=rasa_stack.rasa_url,
        rasa_token=rasa_stack.token,
    )
    with ReviewServer(create_app(config)) as server:
        yield server
    dispose_review_engine(review_url)


def wait_until(condition, what: str, timeout: float = TIMEOUT_S) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)  # polling interval for a state another process changes
    raise AssertionError(f"timed out waiting for {what}")


def events(rasa_stack, sender: str) -> list[dict[str, Any]]:
    response = httpx.get(
        f"{rasa_stack.rasa_url}/conversations/{sender}/tracker",
        params={"token": rasa_stack.token, "include_events": "ALL"},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()["events"]


def paused(rasa_stack, sender: str) -> bool:
    response = httpx.get(
        f"{rasa_stack.rasa_url}/conversations/{sender}/tracker", params={"token": rasa_stack.token}, timeout=30
    )
    return bool(response.json().get("paused"))


def bot_texts_after_last_user(rasa_stack, sender: str) -> list[str]:
    found = events(rasa_stack, sender)
    last_user = max(i for i, e in enumerate(found) if e.get("event") == "user")
    return [e.get("text") or "" for e in found[last_user:] if e.get("event") == "bot"]


def request_for(rasa_stack, sender: str):
    return wait_until(
        lambda: open_handoff_for(sender, engine=get_engine(rasa_stack.status_db_url)), "the handoff request"
    )


# ---- the web widget ------------------------------------------------------------------
def test_widget_round_trip_with_a_staff_member_in_a_second_browser(rasa_stack, review) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            applicant = browser.new_context(viewport=DESKTOP, locale="ar-SA").new_page()
            staff = browser.new_context(viewport=DESKTOP, locale="ar-SA").new_page()
            applicant.set_default_timeout(TIMEOUT_S * 1000)
            staff.set_default_timeout(TIMEOUT_S * 1000)

            chat.open_chat(applicant, rasa_stack.webchat_url)
            sender = chat.session_id(applicant)
            chat.wait_for_greeting(applicant)
            chat.send_and_wait_for_reply(applicant, "ابي اكلم موظف")
            applicant.wait_for_function("() => document.querySelector('#messages').innerText.includes('فريق الدعم')")
            assert wait_until(lambda: paused(rasa_stack, sender), "the pause")
            request = request_for(rasa_stack, sender)
            assert (request.channel, request.state) == ("socketio", "waiting")

            # The staff member signs in, sees the request in the queue and takes it.
            staff.goto(f"{review.url}/login")
            staff.fill("input[name=username]", STAFF)
            staff.fill("input[name=password]", PASSWORD)
            staff.click("button[type=submit]")
            staff.goto(f"{review.url}/inbox")
            row = staff.locator(f"#inbox-queue tr[data-handoff='{request.id}']")
            assert "محادثة الموقع" in row.inner_text()
            row.locator("button.take").click()
            staff.wait_for_url(f"{review.url}/inbox/{request.id}?notice=taken")
            applicant.wait_for_function("() => document.querySelector('#messages').innerText.includes('استلم محادثتك')")

            staff.fill("textarea[name=text]", REPLY)
            staff.click("form.reply button[type=submit]")
            staff.wait_for_url(f"{review.url}/inbox/{request.id}?notice=sent")
            applicant.wait_for_function(
                "text => document.querySelector('#messages').innerText.includes(text)", arg="معك سارة من فريق الدعم"
            )

            # The bot stays quiet while the person holds the conversation...
            bots_before = chat.count(applicant, "#messages .msg--bot")
            users = sum(1 for e in events(rasa_stack, sender) if e.get("event") == "user")
            chat.send(applicant, QUESTION)
            wait_until(
                lambda: sum(1 for e in events(rasa_stack, sender) if e.get("event") == "user") > users,
                "the applicant's message in the tracker",
            )
            assert bot_texts_after_last_user(rasa_stack, sender) == []
            # ... and the staff page shows the new message without a reload.
            staff.wait_for_selector(f"#inbox-messages .msg.user:has-text('{QUESTION}')")
            assert chat.count(applicant, "#messages .msg--bot") == bots_before
            staff.screenshot(path=str(ARTIFACTS / "inbox-staff-conversation.png"), full_page=True)

            staff.click("button.handback")
            staff.wait_for_url(f"{review.url}/inbox")
            applicant.wait_for_function("() => document.querySelector('#messages').innerText.includes('عاد المساعد')")
            assert not paused(rasa_stack, sender)
            assert get_handoff(request.id, engine=get_engine(rasa_stack.status_db_url)).state == "returned"

            # The bot answers again.
            chat.send_and_wait_for_reply(applicant, QUESTION)
            answer = wait_until(lambda: bot_texts_after_last_user(rasa_stack, sender), "the bot's answer")
            assert "يوم" in answer[0] and "استلم" not in answer[0]
            applicant.screenshot(path=str(ARTIFACTS / "inbox-applicant-widget.png"))
        finally:
            browser.close()

    # Stored masked like everything else, and marked as the staff member's.
    staff_events = [e for e in events(rasa_stack, sender) if (e.get("metadata") or {}).get("staff_reply")]
    assert [e["metadata"]["staff"] for e in staff_events] == [STAFF] * 3


# ---- WhatsApp --------------------------------------------------------------------------
class StaffClient:
    """The staff member over plain HTTP (the browser test above covers the pages)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.http = httpx.Client(base_url=base, timeout=30, follow_redirects=False)

    def token(self, path: str) -> str:
        return _TOKEN.search(self.http.get(path).text).group(1)

    def sign_in(self) -> None:
        token = self.token("/login")
        response = self.http.post("/login", data={"username": STAFF, "password": PASSWORD, "csrf_token": token})
        assert response.status_code == 303

    def act(self, path: str, **fields: str) -> str:
        response = self.http.post(path, data={**fields, "csrf_token": self.token("/inbox")})
        assert response.status_code == 303, response.text
        return response.headers["location"]


def test_whatsapp_round_trip_through_the_graph_api(rasa_stack, review) -> None:
    env = rasa_stack.env
    number = "9665" + "".join(random.choice("0123456789") for _ in range(8))
    user = WhatsAppUser(
        f"{rasa_stack.rasa_url}/webhooks/whatsapp/webhook",
        env["WHATSAPP_APP_SECRET"],
        rasa_stack.fake_graph,
        number,
        env["WHATSAPP_PHONE_NUMBER_ID"],
        timeout=TIMEOUT_S,
    )
    sender = phone_pseudonym(number, settings_from({}, env).sender_key)

    assert user.say("السلام عليكم")
    handed = user.say("ابي اكلم موظف")
    assert any("فريق الدعم" in m.text for m in handed)
    assert wait_until(lambda: paused(rasa_stack, sender), "the pause")
    request = request_for(rasa_stack, sender)
    assert request.conversation_id == sender and request.channel == "whatsapp"

    staff = StaffClient(review.url)
    staff.sign_in()
    assert f'data-handoff="{request.id}"' in staff.http.get("/inbox/queue").text
    sent_before = len(rasa_stack.fake_graph.sent_messages(number))
    assert staff.act(f"/inbox/{request.id}/take").endswith("notice=taken")
    assert staff.act(f"/inbox/{request.id}/reply", text=REPLY).endswith("notice=sent")
    # A number typed by staff reaches the applicant as typed, and is stored masked like every event.
    assert staff.act(f"/inbox/{request.id}/reply", text=f"{REPLY} للتواصل: {STAFF_PHONE}").endswith("notice=sent")
    received = [m["text"]["body"] for m in rasa_stack.fake_graph.sent_messages(number)[sent_before:]]
    # (WhatsApp shows digits in the Arabic-Indic style, channels/whatsapp_messages.py.)
    latin = received[2].translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    assert received[0].startswith("استلم محادثتك") and received[1] == REPLY and STAFF_PHONE in latin
    with sqlite3.connect(rasa_stack.tracker_db_url.replace("sqlite:///", "")) as connection:
        stored = [
            json.loads(row[0]).get("text") or ""
            for row in connection.execute(
                "SELECT data FROM events WHERE sender_id = ? AND type_name = 'bot'", (sender,)
            )
        ]
    assert any("للتواصل" in data for data in stored) and not any(STAFF_PHONE in data for data in stored)

    # The webhook answers once the bot has handled the message, so silence needs no waiting.
    quiet_before = len(rasa_stack.fake_graph.sent_messages(number))
    body, headers = meta.signed(
        meta.webhook([meta.text_message(number, QUESTION)], phone_number_id=env["WHATSAPP_PHONE_NUMBER_ID"]),
        env["WHATSAPP_APP_SECRET"],
    )
    assert httpx.post(user.webhook_url, content=body, headers=headers, timeout=TIMEOUT_S).status_code == 200
    assert len(rasa_stack.fake_graph.sent_messages(number)) == quiet_before
    assert QUESTION in staff.http.get(f"/inbox/{request.id}/messages", params={"after": 0}).json()["html"]

    assert staff.act(f"/inbox/{request.id}/handback") == "/inbox"
    assert "عاد المساعد" in rasa_stack.fake_graph.sent_messages(number)[-1]["text"]["body"]
    answer = user.say(QUESTION)
    assert answer and "يوم" in answer[0].text
    assert get_handoff(request.id, engine=get_engine(rasa_stack.status_db_url)).state == "returned"


# ---- leaving the queue -----------------------------------------------------------------
def test_the_applicant_can_stop_waiting_with_the_button_of_the_handoff_reply(rasa_stack, review) -> None:
    sender = f"inbox-leaves-{random.randrange(10**9)}"
    replies = rasa_stack.say(sender, "ابي اكلم موظف")
    buttons = [b for m in replies for b in m.get("buttons") or []]
    assert [b["payload"] for b in buttons] == ["/restart"] and paused(rasa_stack, sender)
    assert rasa_stack.say(sender, QUESTION) == []  # waiting: the bot is quiet
    back = rasa_stack.say(sender, buttons[0]["payload"])
    assert back and not paused(rasa_stack, sender)
    answer = rasa_stack.say(sender, QUESTION)
    assert answer and "يوم" in answer[0]["text"]
    # The request stays for staff to see, marked as left.
    request = request_for(rasa_stack, sender)
    queue = StaffClient(review.url)
    queue.sign_in()
    assert "ترك الانتظار وعاد للمساعد" in queue.http.get("/inbox/queue").text
    assert "ضغط المستخدم «أرجع للمساعد الآلي»" in queue.http.get(f"/inbox/{request.id}").text
