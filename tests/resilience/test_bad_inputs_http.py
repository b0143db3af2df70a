"""Bad inputs on the HTTP channels: REST and the WhatsApp webhook (with a valid signature)."""

from __future__ import annotations

import itertools
import json
import time
from typing import Any

import httpx
import pytest

from tests.fakes.meta_webhook import meta_signature, signed, text_message, webhook
from tests.resilience.bad_inputs import REPLY_LIMIT_S, USER_INPUTS, reply_problem
from tests.resilience.conftest import WHATSAPP, ResilientStack

_numbers = itertools.count(966500000001)


def _post(url: str, body: bytes, headers: dict[str, str], timeout: float = REPLY_LIMIT_S + 30) -> httpx.Response:
    return httpx.post(url, content=body, headers=headers, timeout=timeout)


@pytest.mark.parametrize("case", sorted(USER_INPUTS))
def test_rest_channel_answers_bad_input_clearly_in_arabic(resilient_stack: ResilientStack, case: str) -> None:
    # json.dumps escapes non-ASCII, so a lone surrogate travels as \ud83d like a broken client sends it.
    body = json.dumps({"sender": f"bad-rest-{case}", "message": USER_INPUTS[case]}).encode()
    started = time.monotonic()
    response = _post(f"{resilient_stack.rasa_url}/webhooks/rest/webhook", body, {"Content-Type": "application/json"})
    elapsed = time.monotonic() - started
    assert response.status_code < 500, response.text[:300]
    assert elapsed < REPLY_LIMIT_S, f"took {elapsed:.1f} s"
    problem = reply_problem([m.get("text") or "" for m in response.json()])
    assert not problem, problem


def _whatsapp_texts(messages: list[dict[str, Any]]) -> list[str]:
    texts = []
    for message in messages:
        if message.get("type") == "text":
            texts.append(message["text"]["body"])
        elif message.get("type") == "interactive":
            texts.append(message["interactive"]["body"]["text"])
    return texts


@pytest.mark.parametrize("case", sorted(USER_INPUTS))
def test_whatsapp_channel_answers_bad_input_clearly_in_arabic(resilient_stack: ResilientStack, case: str) -> None:
    number = str(next(_numbers))
    payload = webhook([text_message(number, USER_INPUTS[case])], phone_number_id=WHATSAPP["phone_number_id"])
    body = json.dumps(payload, separators=(",", ":")).encode()  # ASCII-escaped, as Meta sends it
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": meta_signature(body, WHATSAPP["app_secret"])}
    started = time.monotonic()
    response = _post(f"{resilient_stack.rasa_url}/webhooks/whatsapp/webhook", body, headers)
    assert response.status_code < 500, response.text[:300]
    resilient_stack.graph.wait_for(
        lambda sent: any(m.get("to") == number for m in sent),
        timeout=max(1.0, REPLY_LIMIT_S - (time.monotonic() - started)),
    )
    problem = reply_problem(_whatsapp_texts(resilient_stack.graph.sent_messages(to=number)))
    assert not problem, problem


REST_GARBAGE: dict[str, bytes] = {
    "invalid_utf8": b'{"sender":"bad-raw-1","message":"\xff\xfe\xfa"}',
    "malformed_json": b'{"sender":"bad-raw-2","message":',
    "json_list_body": b'["bad-raw-3", "hello"]',
    "json_string_body": b'"hello"',
    "missing_message": b'{"sender":"bad-raw-4"}',
    "missing_sender": b'{"message":"\\u0645\\u0631\\u062d\\u0628\\u0627"}',
    "message_is_number": b'{"sender":"bad-raw-5","message":12345}',
    "message_is_null": b'{"sender":"bad-raw-6","message":null}',
    "sender_is_object": b'{"sender":{"a":1},"message":"hi"}',
}


@pytest.mark.parametrize("case", sorted(REST_GARBAGE))
def test_rest_channel_refuses_garbage_without_a_server_error(resilient_stack: ResilientStack, case: str) -> None:
    response = _post(
        f"{resilient_stack.rasa_url}/webhooks/rest/webhook",
        REST_GARBAGE[case],
        {"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code < 500, f"{case}: {response.status_code} {response.text[:200]}"


WHATSAPP_GARBAGE: dict[str, bytes] = {
    "invalid_utf8": b'{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"messages":'
    b'[{"from":"1","id":"x","type":"text","text":{"body":"\xff\xfe"}}]}}]}]}',
    "malformed_json": b'{"object":',
    "missing_value": b'{"object":"whatsapp_business_account","entry":[{"changes":[{}]}]}',
    "message_without_sender": b'{"object":"whatsapp_business_account","entry":[{"changes":[{"value":'
    b'{"messages":[{"type":"text","text":{"body":"hi"}}]}}]}]}',
    "entry_not_a_list": b'{"object":"whatsapp_business_account","entry":"nope"}',
}


@pytest.mark.parametrize("case", sorted(WHATSAPP_GARBAGE))
def test_whatsapp_channel_refuses_garbage_without_a_server_error(resilient_stack: ResilientStack, case: str) -> None:
    body = WHATSAPP_GARBAGE[case]
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": meta_signature(body, WHATSAPP["app_secret"])}
    response = _post(f"{resilient_stack.rasa_url}/webhooks/whatsapp/webhook", body, headers, timeout=30)
    assert response.status_code < 500, f"{case}: {response.status_code} {response.text[:200]}"


def test_server_still_answers_normally_after_the_battery(resilient_stack: ResilientStack) -> None:
    replies = resilient_stack.say("bad-after-battery", "وش شروط الضمان المطور؟")
    assert not reply_problem([m.get("text") or "" for m in replies])
    body, headers = signed(
        webhook([text_message("966599999998", "السلام عليكم")], phone_number_id=WHATSAPP["phone_number_id"]),
        WHATSAPP["app_secret"],
    )
    assert _post(f"{resilient_stack.rasa_url}/webhooks/whatsapp/webhook", body, headers).status_code == 200
