"""The input channel mounted in a real Sanic server, with a stub bot and the fake Graph API."""

import asyncio
import json

import pytest

from arabic_text.pseudonyms import phone_pseudonym
from channels import whatsapp_texts as texts
from channels.whatsapp import WhatsAppInput
from tests.fakes import meta_webhook as meta
from tests.fakes.channel_harness import ChannelHarness
from tests.fakes.whatsapp_identities import APP_SECRET, OTHER_USER_NUMBER, SENDER_KEY, USER_NUMBER, VERIFY_TOKEN


def _run(settings, scenario, reply=None):
    """Start the channel, run `scenario(harness)`, and return what it returns."""

    async def main():
        channel = WhatsAppInput(settings)
        kwargs = {"reply": reply} if reply else {}
        async with ChannelHarness(channel, **kwargs) as harness:
            return await scenario(harness)

    return asyncio.run(main())


def _deliver(payload, secret=APP_SECRET):
    body, headers = meta.signed(payload, secret)
    return lambda harness: harness.post(body, headers)


def _texts_sent(fake_graph, to=USER_NUMBER):
    return [m["text"]["body"] for m in fake_graph.sent_messages(to) if m["type"] == "text"]


# --- verification handshake -------------------------------------------------


def test_handshake_with_right_token_echoes_challenge(settings):
    params = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"}
    result = _run(settings, lambda h: h.get(params=params))
    assert result.status_code == 200 and result.text == "1158201444"
    assert result.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize("mode, token", [("subscribe", "wrong-token"), ("unsubscribe", VERIFY_TOKEN), (None, None)])
def test_handshake_with_wrong_token_or_mode_is_forbidden(settings, mode, token):
    params = {k: v for k, v in {"hub.mode": mode, "hub.verify_token": token, "hub.challenge": "42"}.items() if v}
    result = _run(settings, lambda h: h.get(params=params))
    assert result.status_code == 403 and "42" not in result.text


def test_health_route_answers(settings):
    result = _run(settings, lambda h: h.get("/"))
    assert result.status_code == 200 and result.json() == {"status": "ok", "configured": True}


# --- signatures and malformed bodies ------------------------------------------


def test_signed_text_reaches_bot_with_hashed_sender_and_reply_reaches_user(settings, fake_graph):
    channel_holder = {}

    async def scenario(harness):
        channel_holder["agent"] = harness.agent
        return await _deliver(meta.webhook([meta.text_message(USER_NUMBER, "السلام عليكم")]))(harness)

    result = _run(settings, scenario)
    assert result.status_code == 200 and result.json()["processed"] == 1
    [message] = channel_holder["agent"].received
    assert message.text == "السلام عليكم"
    assert message.sender_id == phone_pseudonym(USER_NUMBER, SENDER_KEY)
    assert USER_NUMBER not in message.sender_id and USER_NUMBER not in message.message_id
    assert message.input_channel == "whatsapp" and message.metadata == {"channel": "whatsapp"}
    assert _texts_sent(fake_graph) == ["وصلت رسالتك: السلام عليكم"]


def test_bad_signature_is_refused_and_nothing_is_processed(settings, fake_graph):
    result = _run(settings, _deliver(meta.webhook([meta.text_message(USER_NUMBER, "hi")]), secret="not-the-secret"))
    assert result.status_code == 403
    assert fake_graph.requests == []


def test_missing_signature_is_refused_and_nothing_is_processed(settings, fake_graph):
    body = json.dumps(meta.webhook([meta.text_message(USER_NUMBER, "hi")])).encode()
    result = _run(settings, lambda h: h.post(body, {"Content-Type": "application/json"}))
    assert result.status_code == 401
    assert fake_graph.requests == []


def test_signature_is_checked_on_raw_bytes_not_reserialized_json(settings, fake_graph):
    payload = meta.webhook([meta.text_message(USER_NUMBER, "مرحبا")])
    _body, headers = meta.signed(payload, APP_SECRET)
    pretty = json.dumps(payload, indent=2, ensure_ascii=False).encode()  # same JSON, other bytes
    result = _run(settings, lambda h: h.post(pretty, headers))
    assert result.status_code == 403


def test_unescaped_arabic_body_signed_as_sent_is_accepted(settings, fake_graph):
    body = json.dumps(meta.webhook([meta.text_message(USER_NUMBER, "مرحبا")]), ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": meta.meta_signature(body, APP_SECRET)}
    assert _run(settings, lambda h: h.post(body, headers)).status_code == 200
    assert _texts_sent(fake_graph) == ["وصلت رسالتك: مرحبا"]


@pytest.mark.parametrize("body", [b"{not json", b"", "\u0627".encode("utf-16"), b'{"object": "page"}', b"[1, 2]"])
def test_malformed_signed_body_is_bad_request_not_server_error(settings, fake_graph, body):
    headers = {"X-Hub-Signature-256": meta.meta_signature(body, APP_SECRET)}
    result = _run(settings, lambda h: h.post(body, headers))
    assert result.status_code == 400
    assert fake_graph.requests == []


def test_unconfigured_channel_refuses_traffic(unconfigured_settings, fake_graph):
    result = _run(unconfigured_settings, _deliver(meta.webhook([meta.text_message(USER_NUMBER, "hi")])))
    assert result.status_code == 503
    assert fake_graph.requests == []


# --- idempotency ------------------------------------------------------------------


def test_retried_message_is_processed_once(settings, fake_graph):
    deliver = _deliver(meta.webhook([meta.text_message(USER_NUMBER, "أبي أعرف الشروط", message_id="wamid.R1")]))

    async def scenario(harness):
        first, second = await deliver(harness), await deliver(harness)
        return first, second, len(harness.agent.received)

    first, second, received = _run(settings, scenario)
    assert (first.status_code, second.status_code) == (200, 200)
    assert second.json()["duplicates"] == 1 and received == 1
    assert len(fake_graph.sent_messages()) == 1


def test_concurrent_retries_are_processed_once(settings, fake_graph):
    deliver = _deliver(meta.webhook([meta.text_message(USER_NUMBER, "مرحبا", message_id="wamid.C1")]))

    async def scenario(harness):
        await asyncio.gather(*(deliver(harness) for _ in range(5)))
        return len(harness.agent.received)

    assert _run(settings, scenario) == 1


def test_retried_message_is_not_processed_again_after_restart(settings, fake_graph):
    deliver = _deliver(meta.webhook([meta.text_message(USER_NUMBER, "مرحبا", message_id="wamid.RESTART")]))

    async def count_received(harness):
        await deliver(harness)
        return len(harness.agent.received)

    assert _run(settings, count_received) == 1
    assert _run(settings, count_received) == 0  # a new channel instance on the same dedup DB
    assert len(fake_graph.sent_messages()) == 1


# --- message kinds --------------------------------------------------------------


def test_status_callbacks_are_acknowledged_and_ignored(settings, fake_graph):
    statuses = [meta.status_update(USER_NUMBER, s) for s in ("sent", "delivered", "read")]

    async def scenario(harness):
        response = await _deliver(meta.webhook(statuses=statuses))(harness)
        return response, len(harness.agent.received)

    response, received = _run(settings, scenario)
    assert response.status_code == 200 and response.json()["statuses"] == 3
    assert received == 0 and fake_graph.requests == []


@pytest.mark.parametrize("media_type", ["audio", "image", "sticker", "video", "document", "location"])
def test_non_text_message_gets_polite_text_only_reply(settings, fake_graph, media_type):
    async def scenario(harness):
        await _deliver(meta.webhook([meta.media_message(USER_NUMBER, media_type)]))(harness)
        return len(harness.agent.received)

    assert _run(settings, scenario) == 0
    assert _texts_sent(fake_graph) == [texts.TEXT_ONLY]


def test_empty_text_asks_user_to_type_question(settings, fake_graph):
    _run(settings, _deliver(meta.webhook([meta.text_message(USER_NUMBER, "   ")])))
    assert _texts_sent(fake_graph) == [texts.EMPTY_MESSAGE]


def test_very_long_text_is_not_sent_to_bot_and_user_is_asked_to_shorten(settings, fake_graph):
    async def scenario(harness):
        await _deliver(meta.webhook([meta.text_message(USER_NUMBER, "سؤال طويل " * 600)]))(harness)
        return len(harness.agent.received)

    assert _run(settings, scenario) == 0
    assert _texts_sent(fake_graph) == [texts.TOO_LONG]


def test_text_just_under_the_limit_reaches_the_bot(settings, fake_graph):
    async def scenario(harness):
        await _deliver(meta.webhook([meta.text_message(USER_NUMBER, "ا" * 5000)]))(harness)
        return len(harness.agent.received)

    assert _run(settings, scenario) == 1


@pytest.mark.parametrize("builder", [meta.button_reply, meta.list_reply])
def test_tapped_button_sends_its_payload_to_the_bot(settings, fake_graph, builder):
    async def scenario(harness):
        await _deliver(meta.webhook([builder(USER_NUMBER, "/affirm", "نعم")]))(harness)
        return [m.text for m in harness.agent.received]

    assert _run(settings, scenario) == ["/affirm"]


def test_each_sender_gets_own_conversation_and_own_replies(settings, fake_graph):
    messages = [meta.text_message(USER_NUMBER, "أولى"), meta.text_message(OTHER_USER_NUMBER, "ثانية")]

    async def scenario(harness):
        await _deliver(meta.webhook(messages))(harness)
        return {m.sender_id for m in harness.agent.received}

    assert len(_run(settings, scenario)) == 2
    assert _texts_sent(fake_graph, USER_NUMBER) == ["وصلت رسالتك: أولى"]
    assert _texts_sent(fake_graph, OTHER_USER_NUMBER) == ["وصلت رسالتك: ثانية"]


def test_message_to_another_business_number_is_ignored(settings, fake_graph):
    async def scenario(harness):
        response = await _deliver(meta.webhook([meta.text_message(USER_NUMBER, "hi")], phone_number_id="999"))(harness)
        return response, len(harness.agent.received)

    response, received = _run(settings, scenario)
    assert response.status_code == 200 and response.json()["other_number"] == 1 and received == 0


def test_bot_failure_gets_an_apology_and_still_answers_200(settings, fake_graph):
    async def broken_bot(message):
        raise RuntimeError(f"boom with {message.text}")

    result = _run(settings, _deliver(meta.webhook([meta.text_message(USER_NUMBER, "مرحبا")])), reply=broken_bot)
    assert result.status_code == 200
    assert _texts_sent(fake_graph) == [texts.TEMPORARY_ERROR]


def test_bot_buttons_reach_user_as_interactive_message(settings, fake_graph):
    async def asking_bot(message):
        buttons = [{"title": "نعم", "payload": "/affirm"}, {"title": "لا", "payload": "/deny"}]
        await message.output_channel.send_response(message.sender_id, {"text": "هل أنت سعودي؟", "buttons": buttons})

    _run(settings, _deliver(meta.webhook([meta.text_message(USER_NUMBER, "ابي اعرف اذا انا مستحق")])), reply=asking_bot)
    [message] = fake_graph.sent_messages()
    assert message["to"] == USER_NUMBER and message["interactive"]["type"] == "button"
