"""The output channel against the fake Graph API over real HTTP."""

import asyncio
import logging

from channels.whatsapp_graph import GraphClient
from channels.whatsapp_outbound import WhatsAppOutput
from tests.fakes.whatsapp_identities import ACCESS_TOKEN, PHONE_NUMBER_ID, USER_NUMBER

SECRET_TEXT = "رقم هويتي 1000000008 وعنواني في الرياض"


def _send(settings, action, attempts=3):
    async def scenario():
        async with GraphClient(
            settings.graph_base_url, PHONE_NUMBER_ID, settings.access_token, attempts=attempts, base_delay=0.01
        ) as client:
            output = WhatsAppOutput(client, USER_NUMBER, log_ref="wa_abc")
            await action(output)
            return output

    return asyncio.run(scenario())


def test_text_reaches_graph_api_with_bearer_token_and_real_number(settings, fake_graph):
    output = _send(settings, lambda out: out.send_text_message("wa_hashed_sender", "أهلا بك"))
    [request] = fake_graph.requests
    assert request.authorization == f"Bearer {ACCESS_TOKEN}" and request.phone_number_id == PHONE_NUMBER_ID
    assert request.body["to"] == USER_NUMBER and request.body["text"]["body"] == "أهلا بك"
    assert len(output.sent_ids) == 1 and output.sent_ids[0].startswith("wamid.")


def test_long_text_arrives_as_several_messages_each_accepted(settings, fake_graph):
    text = "هذه فقرة طويلة عن شروط الضمان الاجتماعي المطور. " * 200  # about 9,800 characters
    _send(settings, lambda out: out.send_text_message("x", text))
    bodies = [m["text"]["body"] for m in fake_graph.sent_messages()]
    assert len(bodies) == 3 and all(len(b) <= 4096 for b in bodies)
    assert " ".join(bodies).split() == text.split()
    assert all(r.status == 200 for r in fake_graph.requests)


def test_two_buttons_arrive_as_reply_buttons(settings, fake_graph):
    buttons = [{"title": "نعم", "payload": "/affirm"}, {"title": "لا", "payload": "/deny"}]
    _send(settings, lambda out: out.send_text_with_buttons("x", "هل لديك حساب بنكي؟", buttons))
    [message] = fake_graph.sent_messages()
    assert message["interactive"]["type"] == "button"


def test_five_quick_replies_arrive_as_a_list_with_long_titles_shortened(settings, fake_graph):
    replies = [{"title": f"سؤال شائع طويل العنوان رقم {i}", "payload": f"/faq_{i}"} for i in range(5)]
    _send(settings, lambda out: out.send_quick_replies("x", "اختر سؤالا", replies))
    [message] = fake_graph.sent_messages()
    rows = message["interactive"]["action"]["sections"][0]["rows"]
    assert message["interactive"]["type"] == "list" and len(rows) == 5
    assert all(len(r["title"]) <= 24 for r in rows)


def test_fake_refuses_four_reply_buttons_like_meta(settings, fake_graph):
    # Guards the fake itself: if it accepted anything, the tests above would prove nothing.
    native = {
        "type": "interactive",
        "interactive": {
            "type": "button",
            "body": {"text": "اختر"},
            "action": {"buttons": [{"type": "reply", "reply": {"id": str(i), "title": str(i)}} for i in range(4)]},
        },
    }
    _send(settings, lambda out: out.send_custom_json("x", {"whatsapp": native}), attempts=1)
    [request] = fake_graph.requests
    assert request.status == 400 and fake_graph.sent_messages() == []


def test_rate_limit_is_retried_until_success(settings, fake_graph):
    fake_graph.fail_next(2, status=429)
    output = _send(settings, lambda out: out.send_text_message("x", "مرحبا"))
    assert [r.status for r in fake_graph.requests] == [429, 429, 200]
    assert len(output.sent_ids) == 1


def test_server_error_is_retried_until_success(settings, fake_graph):
    fake_graph.fail_next(1, status=500)
    _send(settings, lambda out: out.send_text_message("x", "مرحبا"))
    assert [r.status for r in fake_graph.requests] == [500, 200]


def test_final_failure_is_logged_without_text_or_number(settings, fake_graph, caplog):
    fake_graph.fail_next(3, status=500)
    with caplog.at_level(logging.DEBUG):
        output = _send(settings, lambda out: out.send_text_message("x", SECRET_TEXT))
    assert [r.status for r in fake_graph.requests] == [500, 500, 500]
    assert output.sent_ids == []
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert failures, "the failure must be logged"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "status=500" in logged
    for secret in (SECRET_TEXT, "1000000008", USER_NUMBER, USER_NUMBER[3:], ACCESS_TOKEN):
        assert secret not in logged


def test_bad_request_is_not_retried(settings, fake_graph):
    _send(settings, lambda out: out.send_custom_json("x", {"whatsapp": {"type": "text", "text": {"body": ""}}}))
    assert [r.status for r in fake_graph.requests] == [400]


def test_unreachable_graph_api_fails_quietly(settings, fake_graph):
    async def scenario():
        async with GraphClient("http://127.0.0.1:9/v19.0", PHONE_NUMBER_ID, ACCESS_TOKEN, base_delay=0.0) as client:
            return await client.send({"type": "text"})

    assert asyncio.run(scenario()) is None


def test_eligibility_result_payload_is_not_sent_raw(settings, fake_graph):
    custom = {"eligibility_result": {"eligible": True, "failed_conditions": [], "threshold_sar": 1}}
    _send(settings, lambda out: out.send_custom_json("x", custom))
    assert fake_graph.requests == []


def test_bot_response_with_text_and_custom_sends_only_the_text(settings, fake_graph):
    response = {"text": "النتيجة التقديرية جاهزة", "custom": {"eligibility_result": {"eligible": False}}}
    _send(settings, lambda out: out.send_response("x", response))
    assert [m["text"]["body"] for m in fake_graph.sent_messages()] == ["النتيجة التقديرية جاهزة"]
