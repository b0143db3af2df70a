"""A whole eligibility check over WhatsApp, against the real Rasa server and action server.

The user speaks Meta's webhook format (signed like Meta) to /webhooks/whatsapp/webhook;
the bot's answers are read from a fake Graph API. Yes/no questions are answered by
tapping the button the bot sent; numbers are typed in dialect words.

What it needs:
- the `rasa_stack` session fixture (tests/e2e/conftest.py) with `.rasa_url`,
  `.action_url`, `.token` and `.env` (RASA_TOKEN, NATIONAL_ID_HMAC_KEY);
- best: `rasa_stack.fake_graph`, a tests.fakes.fake_graph_api.FakeGraphApi started
  before Rasa, with rasa_stack.env holding non-empty WHATSAPP_VERIFY_TOKEN,
  WHATSAPP_APP_SECRET, WHATSAPP_ACCESS_TOKEN (= fake_graph.access_token),
  WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_GRAPH_BASE_URL = fake_graph.base_url;
- otherwise this module starts its own fake Graph API and one more `rasa run`
  (same model, same action server) with those variables set: slower, same test.
"""

from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest

from arabic_text.pseudonyms import phone_pseudonym
from channels.whatsapp_config import settings_from
from tests.fakes.fake_graph_api import FakeGraphApi
from tests.fakes.whatsapp_user import BotMessage, WhatsAppUser

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
# What this user answers, per slot. Booleans are tapped, the rest typed in dialect.
INTENDED = {
    "is_saudi": True,
    "nationality_exception": True,
    "resides_in_ksa": True,
    "dependents_count": 3,
    "earned_income": 1000,
    "other_income": 0,
    "has_high_value_assets": False,
    "has_bank_account": True,
    "lives_in_care_facility": False,
    "has_children": True,
    "meets_education_health": True,
    "accepts_rehabilitation": True,
}
TYPED = {"dependents_count": "ثلاثة", "earned_income": "راتبي الف ريال بالشهر", "other_income": "لا"}
# Used only when the tracker cannot tell which slot is asked: words of each question.
KEYWORDS = {
    "is_saudi": "الجنسية",
    "nationality_exception": "الحالات",
    "resides_in_ksa": "داخل المملكة",
    "age": "عمرك",
    "dependents_count": "تعول",
    "earned_income": "دخل أسرتك",
    "other_income": "دخل آخر",
    "has_high_value_assets": "أملاك",
    "has_bank_account": "حساب بنكي",
    "lives_in_care_facility": "رعاية",
    "has_children": "أبناء لك",
    "meets_education_health": "المدارس",
    "accepts_rehabilitation": "التدريب",
}
WHATSAPP_ENV = {
    "WHATSAPP_VERIFY_TOKEN": "e2e-verify-token",
    "WHATSAPP_APP_SECRET": "e2e-app-secret",
    "WHATSAPP_ACCESS_TOKEN": "e2e-access-token",
    "WHATSAPP_PHONE_NUMBER_ID": "109876543210987",
}


class Bridge:
    def __init__(
        self, rasa_url: str, token: str, env: dict[str, str], graph: FakeGraphApi, tracker_db_url: str
    ) -> None:
        self.rasa_url, self.token, self.env, self.graph = rasa_url, token, env, graph
        self.tracker_db_url = tracker_db_url

    def stored_conversation_ids(self) -> list[str]:
        """The conversation ids the tracker store wrote (read from its SQLite file)."""
        database = self.tracker_db_url.removeprefix("sqlite:///")
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
            return [row[0] for row in connection.execute("SELECT DISTINCT sender_id FROM events")]

    def tracker(self, sender_id: str) -> dict[str, Any]:
        response = httpx.get(
            f"{self.rasa_url}/conversations/{sender_id}/tracker",
            params={"token": self.token, "include_events": "ALL"},
            timeout=30,
        )
        return response.json() if response.status_code == 200 else {}


def _configured(stack: Any, graph: FakeGraphApi | None) -> bool:
    env = getattr(stack, "env", {}) or {}
    return (
        graph is not None
        and all(env.get(k) for k in WHATSAPP_ENV)
        and env.get("WHATSAPP_GRAPH_BASE_URL", "").rstrip("/") == graph.base_url
    )


@pytest.fixture(scope="module")
def bridge(rasa_stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bridge]:
    graph = getattr(rasa_stack, "fake_graph", None)
    if _configured(rasa_stack, graph):
        yield Bridge(rasa_stack.rasa_url, rasa_stack.token, dict(rasa_stack.env), graph, rasa_stack.tracker_db_url)
        return
    from runner.stack import Stack, StackConfig, free_port

    model = getattr(getattr(rasa_stack, "config", None), "model", ROOT / "models" / "current.tar.gz")
    if not Path(model).exists():
        pytest.skip(f"no trained model at {model}")
    tmp = tmp_path_factory.mktemp("whatsapp_e2e")
    with FakeGraphApi(WHATSAPP_ENV["WHATSAPP_ACCESS_TOKEN"], WHATSAPP_ENV["WHATSAPP_PHONE_NUMBER_ID"]) as own_graph:
        extra = {
            **{k: v for k, v in rasa_stack.env.items() if k in ("RASA_TOKEN", "NATIONAL_ID_HMAC_KEY", "STATUS_DB_URL")},
            **WHATSAPP_ENV,
            "WHATSAPP_GRAPH_BASE_URL": own_graph.base_url,
            "WHATSAPP_DEDUP_DB": str(tmp / "dedup.db"),
            "TRACKER_DB_URL": f"sqlite:///{tmp / 'tracker.db'}",
        }
        config = StackConfig(
            rasa_port=free_port(),
            action_port=urlparse(rasa_stack.action_url).port,
            webchat_port=None,
            model=Path(model),
            log_dir=tmp / "logs",
            extra_env=extra,
        )
        stack = Stack(config)
        stack.start_rasa_server()
        try:
            stack.wait_ready(timeout=400)
            yield Bridge(stack.rasa_url, stack.token, stack.env, own_graph, extra["TRACKER_DB_URL"])
        finally:
            stack.stop()


def _user(bridge: Bridge) -> WhatsAppUser:
    number = "9665" + "".join(random.choice("0123456789") for _ in range(8))  # a fresh conversation each run
    return WhatsAppUser(
        f"{bridge.rasa_url}/webhooks/whatsapp/webhook",
        bridge.env["WHATSAPP_APP_SECRET"],
        bridge.graph,
        number,
        bridge.env["WHATSAPP_PHONE_NUMBER_ID"],
        timeout=90,
    )


def _asked_slot(tracker: dict[str, Any], question: BotMessage) -> str | None:
    slot = (tracker.get("slots") or {}).get("requested_slot")
    if slot or tracker:
        return slot
    return next((s for s, word in KEYWORDS.items() if word in question.text), None)


def _answer(user: WhatsAppUser, slot: str | None, question: BotMessage) -> list[BotMessage]:
    if question.choices:
        # A bool slot gets its intended answer; any other yes/no question (e.g. "is
        # that right?" after a surprising number) is confirmed.
        intended = INTENDED.get(slot)
        wanted = intended if isinstance(intended, bool) else True
        choice = question.choice("/affirm", "نعم") if wanted else question.choice("/deny", "لا")
        assert choice, f"no yes/no button in {question}"
        return user.tap(choice, as_list=len(question.choices) > 3)
    if slot in TYPED:
        return user.say(TYPED[slot])
    return user.say("نعم" if INTENDED.get(slot, True) else "لا")


def _digits(text: str) -> str:
    return re.sub(r"[٬,]", "", text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))


def test_eligibility_check_over_whatsapp_ends_with_the_estimate(bridge: Bridge) -> None:
    import eligibility

    user = _user(bridge)
    sender_id = phone_pseudonym(user.number, settings_from({}, bridge.env).sender_key)
    assert user.say("السلام عليكم"), "the bot did not answer the greeting"
    replies = user.say("ابي اعرف اذا انا مستحق")
    for _ in range(25):
        tracker = bridge.tracker(sender_id)
        slot = _asked_slot(tracker, replies[-1])
        if tracker and not (tracker.get("active_loop") or {}).get("name") and not slot:
            break
        replies = _answer(user, slot, replies[-1])
    transcript = "\n".join(user.transcript)
    print(transcript)  # shown by pytest on failure, or with -rP

    slots = bridge.tracker(sender_id).get("slots") or {}
    for name in ("dependents_count", "earned_income", "other_income"):
        assert slots.get(name) is not None and float(slots[name]) == INTENDED[name], (
            f"{name}={slots.get(name)}\n{transcript}"
        )
    expected = eligibility.assess({k: v for k, v in INTENDED.items() if k != "nationality_exception"}).to_payload()
    assert expected["eligible"] and expected["estimated_support_sar"] > 0
    final_texts = _digits("\n".join(r.text for r in replies))
    assert f"{expected['estimated_support_sar']}" in final_texts, transcript
    # The phone number never became a stored conversation id: the tracker store
    # files this conversation under the number's keyed hash, and nothing else.
    stored = bridge.stored_conversation_ids()
    assert sender_id in stored
    assert not [c for c in stored if user.number[3:] in c], "a raw phone number is a stored conversation id"
