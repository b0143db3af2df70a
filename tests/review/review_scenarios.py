"""Realistic tracker and status stores for the review tool, built without a trained model.

Conversations are Rasa trackers (UserUttered with parse_data, BotUttered with custom
payloads, ActionExecuted, SlotSet ...) saved through MaskingSQLTrackerStore into a
SQLite file, exactly as the running bot would store them.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from saudi_locale.clock import RIYADH

HMAC_KEY = "review-tests-key-" + "k" * 24
WHATSAPP_NUMBER = "966551230001"
# Typed by a user; every HTML view must show it as text, never run it.
MARKUP_TEXT = '<script>alert("x")</script> <b>عريض</b> & "اقتباس"'


DOMAIN = Domain.from_dict(
    {
        "intents": [
            "out_of_scope",
            "greet",
            "check_eligibility",
            "inform",
            "check_status",
            "human_handoff",
            "faq",
            "nlu_fallback",
        ],
        "slots": {
            name: {"type": "any", "mappings": [{"type": "custom"}]}
            for name in ("is_saudi", "earned_income", "dependents_count", "national_id")
        },
    }
)


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> float:
    """Epoch seconds for March 2024, Riyadh time."""
    return datetime(2024, 3, day, hour, minute, second, tzinfo=RIYADH).timestamp()


@dataclass
class Script:
    """A conversation written as a few calls; timestamps advance by 5 s per event."""

    sender_id: str
    channel: str
    start: float
    events: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._now = self.start
        self.events += [
            ActionExecuted("action_session_start", timestamp=self._tick(1)),
            SessionStarted(timestamp=self.start),
            ActionExecuted("action_listen", timestamp=self._tick()),
        ]

    def _tick(self, step: float = 5.0) -> float:
        self._now += step
        return self._now

    def user(self, text: str, intent: str, confidence: float, faq: str | None = None) -> Script:
        parse = {
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "entities": [],
            "intent_ranking": [{"name": intent, "confidence": confidence}],
        }
        if faq:
            parse["response_selector"] = {
                "faq": {"response": {"intent_response_key": faq, "confidence": 0.9}, "ranking": []}
            }
        self.events.append(
            UserUttered(
                text,
                parse["intent"],
                [],
                parse,
                timestamp=self._tick(),
                input_channel=self.channel,
                metadata={"channel_hint": self.channel},
            )
        )
        return self

    def action(self, name: str) -> Script:
        self.events.append(ActionExecuted(name, timestamp=self._tick(1)))
        return self

    def bot(
        self,
        text: str,
        custom: dict[str, Any] | None = None,
        utter: str | None = None,
        buttons: list[dict[str, str]] | None = None,
    ) -> Script:
        data = {
            "elements": None,
            "quick_replies": None,
            "buttons": buttons,
            "attachment": None,
            "image": None,
            "custom": custom,
        }
        self.events.append(BotUttered(text, data, {"utter_action": utter} if utter else {}, timestamp=self._tick(1)))
        return self

    def slot(self, name: str, value: Any) -> Script:
        self.events.append(SlotSet(name, value, timestamp=self._tick(1)))
        return self

    def listen(self) -> Script:
        return self.action("action_listen")

    def tracker(self) -> DialogueStateTracker:
        return DialogueStateTracker.from_events(self.sender_id, self.events, DOMAIN.slots)


def _result(eligible: bool, failed: list[str]) -> dict[str, Any]:
    return {
        "eligibility_result": {
            "eligible": eligible,
            "failed_conditions": failed,
            "threshold_sar": 2420,
            "counted_income_sar": 900,
            "estimated_support_sar": 1520 if eligible else 0,
            "rules_version": "2023-11-01",
        }
    }


def scripts() -> list[Script]:
    eligible = (
        Script("web-eligible", "socketio", at(10, 9))
        .user("السلام عليكم", "greet", 0.97)
        .bot("أهلًا بك", utter="utter_greet")
        .listen()
        .user("أبغى أعرف هل أنا مستحق للضمان", "check_eligibility", 0.93)
        .action("eligibility_form")
        .bot("هل أنت سعودي الجنسية؟", utter="utter_ask_is_saudi")
        .listen()
        .user("ايه", "affirm", 0.88)
        .slot("is_saudi", True)
        .listen()
        .user("دخلي ألف ومية", "inform", 0.81)
        .slot("earned_income", 1100)
        .listen()
        .user("عندي ثلاث عيال", "inform", 0.86)
        .slot("dependents_count", 3)
        .bot("بحسب إجاباتك تبدو مؤهلًا", _result(True, []), "utter_eligibility_result")
        .listen()
    )
    ineligible = (
        Script("web-ineligible", "rest", at(10, 11))
        .user("ابي اتحقق من الاهليه", "check_eligibility", 0.91)
        .listen()
        .user("لا مو سعودي", "deny", 0.45)
        .slot("is_saudi", False)
        .listen()
        .user("دخلي خمسة آلاف", "inform", 0.77)
        .slot("earned_income", 5000)
        .bot("للأسف لا تنطبق الشروط", _result(False, ["is_saudi", "monthly_income"]))
        .listen()
    )
    status = (
        Script(WHATSAPP_NUMBER, "whatsapp", at(11, 14))
        .user("وش صار على طلبي", "check_status", 0.95)
        .listen()
        .user("رقم هويتي 1000000008 وجوالي 0551234567", "inform", 0.9)
        .slot("national_id", "1000000008")
        .bot(
            "طلبك قيد الدراسة",
            {"application_status": {"status": "under_review", "decision_expected_by": "2024-04-05", "reason": ""}},
        )
        .listen()
    )
    handoff = (
        Script("web-handoff", "socketio", at(11, 16))
        .user("ابغى اكلم موظف", "human_handoff", 0.92)
        .action("action_human_handoff")
        .bot("سأحوّلك إلى أحد الموظفين", utter="utter_human_handoff")
        .listen()
    )
    fallback = (
        Script("cli-fallback", "cmdline", at(12, 8))
        .user("كم سعر البنزين", "nlu_fallback", 0.31)
        .action("action_default_fallback")
        .bot("عذرًا، لم أفهم", utter="utter_default")
        .listen()
        .user("كيف اقدم على الضمان", "faq", 0.84, "faq/apply_steps")
        .action("utter_faq")
        .bot("تقدّم عبر المنصة", utter="utter_faq/apply_steps")
        .listen()
    )
    faq = (
        Script("web-faq", "rest", at(12, 10))
        .user("متى ينزل الضّمان؟", "faq", 0.9, "faq/payment_date")
        .bot("يُصرف أول كل شهر")
        .listen()
        .user("إستعلام عن الأهليّة كيف؟", "faq", 0.66, "faq/eligibility_inquiry_steps")
        .bot("ادخل إلى الموقع")
        .listen()
        .user("كيف اقدم", "faq", 0.88, "faq/apply_steps")
        .bot("تقدّم عبر المنصة")
        .listen()
    )
    store_only = (
        Script("web-store-only", "socketio", at(13, 9))
        .user("مرحبا", "greet", 0.99)
        .bot("أهلًا")
        .listen()
        .user(MARKUP_TEXT, "out_of_scope", 0.7)
        .bot("لم أفهم قصدك")
        .listen()
    )
    return [eligible, ineligible, status, handoff, fallback, faq, store_only]


@dataclass
class ReviewData:
    tracker_url: str
    status_url: str
    review_url: str
    tmp: Path

    def stored_id(self, sender_id: str) -> str:
        from rasa_extensions.masking_tracker_store import stored_sender_id

        return stored_sender_id(sender_id)


def save_trackers(url: str) -> None:
    from rasa_extensions.masking_tracker_store import MaskingSQLTrackerStore

    store = MaskingSQLTrackerStore(domain=DOMAIN, url=url)
    for script in scripts():
        asyncio.run(store.save(script.tracker()))
    store.engine.dispose()


def fill_status_store(url: str) -> None:
    from status_store.checks import record_eligibility_check
    from status_store.engine import dispose_engine, get_engine
    from status_store.handoffs import record_handoff
    from status_store.migrate import upgrade_to_head

    upgrade_to_head(url)
    engine = get_engine(url)
    record_handoff("web-handoff", "socketio", "أبي موظف بخصوص طلبي", engine=engine)
    record_handoff("web-store-only", "socketio", "سؤال عن الدعم، جوالي 0551234567", engine=engine)
    record_eligibility_check("web-store-only", {"is_saudi": True}, "eligible", [], 1520, "2023-11-01", engine=engine)
    dispose_engine(url)
