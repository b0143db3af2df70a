"""Seed a tracker store and a status store at real volume for the review-tool benchmark.

Conversations are Rasa trackers (UserUttered with parse_data and faq selector
guesses, BotUttered with buttons and result payloads, ActionExecuted, SlotSet)
saved through the project's own writer, rasa_extensions.masking_tracker_store.
MaskingSQLTrackerStore, exactly as the running bot stores them (masked,
WhatsApp ids pseudonymised). Status-store rows go through status_store's own
record_handoff / record_eligibility_check.

    python -m bench.review_seed --conversations 10000 --tracker-db sqlite:///var/bench/review_tracker.db
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import time
from typing import Any

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

BENCH_HMAC_KEY = "review-bench-key-" + "b" * 24
DOMAIN = Domain.from_dict(
    {
        "intents": [
            "greet",
            "affirm",
            "deny",
            "stop",
            "thank",
            "check_eligibility",
            "check_status",
            "inform",
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
MENU = [
    {"title": "أفحص أهليتي", "payload": "/check_eligibility"},
    {"title": "حالة طلبي", "payload": "/check_status"},
    {"title": "شروط الضمان", "payload": "ما هي شروط الضمان المطور؟"},
]
YES_NO = [{"title": "نعم", "payload": "/affirm"}, {"title": "لا", "payload": "/deny"}]
FAQ = [
    ("متى ينزل الضمان", "faq/payment_date"),
    ("كيف اقدم على الضمان المطور", "faq/apply_steps"),
    ("وش شروط الضمان", "faq/conditions"),
    ("كم حد الدخل", "faq/income_limit"),
    ("كيف اعترض على القرار", "faq/objection"),
    ("اعول اكثر من اسرة", "faq/multiple_families"),
    ("ولدي يدرس برا", "faq/study_abroad"),
    ("كم مدة دراسة الطلب", "faq/review_period"),
    ("وش البطاقة الرقمية", "faq/digital_card"),
    ("برامج التأهيل وش هي", "faq/rehabilitation"),
]
QUESTIONS = [
    ("هل أنت سعودي الجنسية؟", "is_saudi"),
    ("هل تقيم في المملكة؟", None),
    ("هل لديك حساب بنكي؟", None),
    ("هل تملك أصولًا عالية القيمة؟", None),
]
CHANNELS = ("socketio", "socketio", "whatsapp", "rest")


class Builder:
    """One conversation as Rasa events; each event a few seconds after the last."""

    def __init__(self, sender_id: str, channel: str, start: float, rng: random.Random) -> None:
        self.sender_id, self.channel, self.rng, self.now = sender_id, channel, rng, start
        self.events: list[Any] = [
            ActionExecuted("action_session_start", timestamp=start),
            SessionStarted(timestamp=start),
            ActionExecuted("action_listen", timestamp=self.tick(1)),
        ]

    def tick(self, step: float | None = None) -> float:
        self.now += step if step is not None else self.rng.uniform(3, 40)
        return self.now

    def user(self, text: str, intent: str, confidence: float, faq_guess: str | None = None) -> Builder:
        parse = {
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "entities": [],
            "intent_ranking": [{"name": intent, "confidence": confidence}],
        }
        # The response selector runs on every message, faq or not (the real bot does this too).
        guess = faq_guess or self.rng.choice(FAQ)[1]
        parse["response_selector"] = {
            "faq": {"response": {"intent_response_key": guess, "confidence": 0.8}, "ranking": []}
        }
        self.events.append(
            UserUttered(text, parse["intent"], [], parse, timestamp=self.tick(), input_channel=self.channel)
        )
        return self

    def bot(self, text: str, utter: str | None = None, buttons=None, custom=None) -> Builder:
        data = {
            "elements": None,
            "quick_replies": None,
            "buttons": buttons,
            "attachment": None,
            "image": None,
            "custom": custom,
        }
        if utter:
            self.events.append(ActionExecuted(utter, timestamp=self.tick(1)))
        self.events.append(BotUttered(text, data, {"utter_action": utter} if utter else {}, timestamp=self.tick(1)))
        return self

    def action(self, name: str) -> Builder:
        self.events.append(ActionExecuted(name, timestamp=self.tick(1)))
        return self

    def slot(self, name: str, value: Any) -> Builder:
        self.events.append(SlotSet(name, value, timestamp=self.tick(1)))
        return self

    def tracker(self) -> DialogueStateTracker:
        return DialogueStateTracker.from_events(self.sender_id, self.events, DOMAIN.slots)


def _eligibility(b: Builder, rng: random.Random) -> tuple[str, bool | None]:
    b.user("السلام عليكم", "greet", 0.97).bot("أهلًا وسهلًا\nاختر من الأزرار أو اكتب سؤالك.", "utter_greet", MENU)
    b.user("/check_eligibility", "check_eligibility", 1.0).action("eligibility_form")
    for question, slot in QUESTIONS[: rng.randint(2, 4)]:
        b.bot(question, "utter_ask_" + (slot or "question"), YES_NO)
        if rng.random() < 0.5:
            b.user("/affirm", "affirm", 1.0)
        else:
            b.user(
                rng.choice(["ايوه", "ايه نعم", "لا", "مو صحيح"]), rng.choice(["affirm", "deny"]), rng.uniform(0.4, 0.99)
            )
        if slot:
            b.slot(slot, True)
    income = rng.choice([0, 900, 1500, 3000, 6000])
    b.bot("كم دخل الأسرة الشهري؟", "utter_ask_earned_income").user(f"دخلنا {income} ريال", "inform", 0.85)
    b.slot("earned_income", income)
    eligible = income < 2500
    result = {
        "eligibility_result": {
            "eligible": eligible,
            "failed_conditions": [] if eligible else ["monthly_income"],
            "threshold_sar": 2420,
            "counted_income_sar": income,
            "estimated_support_sar": 1520 if eligible else 0,
            "rules_version": "2023-11-01",
        }
    }
    b.bot("بحسب إجاباتك تبدو مؤهلًا" if eligible else "للأسف لا تنطبق الشروط", "utter_eligibility_result", custom=result)
    return "eligibility", eligible


def _faq(b: Builder, rng: random.Random) -> tuple[str, bool | None]:
    for text, key in rng.sample(FAQ, rng.randint(1, 3)):
        b.user(text, "faq", rng.uniform(0.5, 0.99), key).bot("جواب السؤال\nوالتفاصيل في السطر الثاني", f"utter_{key}")
    b.user(rng.choice(["شكرا", "ايوه", "بس"]), rng.choice(["thank", "affirm", "stop"]), 0.9)
    return "faq", None


def _status(b: Builder, rng: random.Random) -> tuple[str, bool | None]:
    b.user("وش صار على طلبي", "check_status", 0.95).action("status_form").bot("اكتب رقم هويتك", "utter_ask_national_id")
    b.user(f"هويتي 10{rng.randint(10**7, 10**8 - 1)} وجوالي 055{rng.randint(10**6, 10**7 - 1)}", "inform", 0.9)
    status = {"application_status": {"status": "under_review", "decision_expected_by": "2026-12-20", "reason": ""}}
    b.slot("national_id", "masked").bot("طلبك قيد الدراسة", custom=status)
    return "status", None


def _handoff(b: Builder, rng: random.Random) -> tuple[str, bool | None]:
    b.user("ابغى اكلم موظف", "human_handoff", 0.92).action("action_human_handoff")
    b.bot("سجلنا طلبك وسيتواصل معك موظف", "utter_human_handoff")
    return "handoff", None


def _fallback(b: Builder, rng: random.Random) -> tuple[str, bool | None]:
    b.user(rng.choice(["كم سعر البنزين", "مين فاز امس", "ابي وظيفة"]), "nlu_fallback", rng.uniform(0.2, 0.45))
    b.action("action_default_fallback").bot("عذرًا، لم أفهم. جرّب صياغة أخرى.", "utter_default")
    return _faq(b, rng)


KINDS = [(_eligibility, 35), (_faq, 30), (_status, 15), (_handoff, 10), (_fallback, 10)]


def conversation(index: int, rng: random.Random, first_day: float, days: int) -> tuple[Builder, str, bool | None]:
    channel = rng.choice(CHANNELS)
    sender = f"9665{index:08d}" if channel == "whatsapp" else f"bench-{index:06d}"
    b = Builder(sender, channel, first_day + rng.uniform(0, days * 86400), rng)
    kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
    name, eligible = kind(b, rng)
    b.action("action_listen")
    return b, name, eligible


def seed(
    tracker_url: str,
    status_url: str | None,
    conversations: int,
    seed_value: int = 13,
    first_day: float = 1_788_220_800.0,
    days: int = 90,
) -> dict[str, Any]:
    """Write `conversations` trackers (and their status-store rows); returns counts and seconds."""
    os.environ.setdefault("NATIONAL_ID_HMAC_KEY", BENCH_HMAC_KEY)
    from rasa_extensions.masking_tracker_store import MaskingSQLTrackerStore

    rng = random.Random(seed_value)
    store = MaskingSQLTrackerStore(domain=DOMAIN, url=tracker_url)
    status_engine = _status_engine(status_url)
    for engine in (store.engine, status_engine):
        _fast_sqlite(engine)
    started, events = time.perf_counter(), 0

    async def save_all() -> int:
        written = 0
        for index in range(conversations):
            builder, kind, eligible = conversation(index, rng, first_day, days)
            await store.save(builder.tracker())
            written += len(builder.events)
            if status_engine is not None:
                _status_rows(status_engine, builder, kind, eligible)
        return written

    events = asyncio.run(save_all())
    store.engine.dispose()
    return {"conversations": conversations, "events": events, "seconds": round(time.perf_counter() - started, 1)}


def _fast_sqlite(engine) -> None:
    """Seeding only: SQLite commits without waiting for the disk (the rows are the same).

    Each save is its own transaction, as in the bot; without this, 10,000 saves spend
    most of their time in fsync on a shared machine.
    """
    if engine is None or engine.dialect.name != "sqlite":
        return
    import sqlalchemy as sa

    sa.event.listen(engine, "connect", lambda dbapi, _: dbapi.execute("PRAGMA synchronous=OFF"))
    engine.dispose()  # connections made from now on get the pragma


def _status_engine(url: str | None):
    if not url:
        return None
    from status_store.engine import get_engine
    from status_store.migrate import upgrade_to_head

    upgrade_to_head(url)
    return get_engine(url)


def _status_rows(engine, builder: Builder, kind: str, eligible: bool | None) -> None:
    from status_store.checks import record_eligibility_check
    from status_store.handoffs import record_handoff

    if kind == "handoff":
        record_handoff(builder.sender_id, builder.channel, "ابغى اكلم موظف", engine=engine)
    elif kind == "eligibility":
        record_eligibility_check(
            builder.sender_id,
            {"is_saudi": True},
            "eligible" if eligible else "ineligible",
            [] if eligible else ["monthly_income"],
            1520 if eligible else 0,
            "2023-11-01",
            engine=engine,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--tracker-db", required=True)
    parser.add_argument("--status-db")
    args = parser.parse_args()
    print(seed(args.tracker_db, args.status_db, args.conversations))


if __name__ == "__main__":
    main()
