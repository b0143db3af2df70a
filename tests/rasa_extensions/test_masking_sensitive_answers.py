"""The status lookup's answers (birth date, registration date, ID) are kept with every digit hidden.

Generic over arabic_text.pii.SENSITIVE_SLOTS: a slot's value, the user's text that
answers it, and a bot text that repeats it. Dates anywhere else keep their digits.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUtteranceReverted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from arabic_text.pii import SENSITIVE_SLOTS
from rasa_extensions.event_masking import masked_events
from rasa_extensions.masking_tracker_store import MaskingSQLTrackerStore

DOMAIN = Domain.from_dict(
    {
        "intents": ["inform", "check_status"],
        "slots": {
            name: {"type": "any", "mappings": [{"type": "custom"}]}
            for name in sorted(SENSITIVE_SLOTS | {"earned_income", "national_id_hash"})
        },
        "forms": {"status_form": {"required_slots": sorted(SENSITIVE_SLOTS)}},
    }
)

# (slot, what the user typed, the value the form kept, the typed text as it must be stored)
ANSWERS = [
    ("birth_date", "ميلادي 12/4/1985", "1985-04-12", "ميلادي **/*/****"),
    ("birth_date", "١٤٠٥/٠٧/٢٢ هـ", "1985-04-12", "****/**/** هـ"),
    ("registration_date", "سجلت شهر 3 سنة 2024", "2024-03-01/2024-03-31", "سجلت شهر * سنة ****"),
    ("registration_date", "٠٣-١٤٤٥", "2023-09-16/2023-10-15", "**-****"),
    ("national_id", "هويتي ١٠١٢٬٣٤٥٬٦٧٢", "1*******72", "هويتي ١***٬***٬*٧٢"),
]


def _user(text: str, ts: float) -> UserUttered:
    intent = {"name": "inform", "confidence": 0.9}
    entities = [{"entity": "number", "value": text[-4:], "start": len(text) - 4, "end": len(text)}]
    return UserUttered(text, intent, entities, {"intent": intent, "entities": entities, "text": text}, timestamp=ts)


def _lookup_turn(slot: str, typed: str, value: str) -> list[Any]:
    return [
        ActiveLoop("status_form", timestamp=1.0),
        SlotSet("requested_slot", slot, timestamp=1.1),
        BotUttered("اكتب من فضلك", timestamp=1.2),
        ActionExecuted("action_listen", timestamp=1.3),
        _user(typed, 2.0),
        SlotSet(slot, value, timestamp=2.1),
        BotUttered(f"سجلت {value}", data={"custom": {"echo": value}}, timestamp=2.2),
    ]


def _stored(events: list[Any]) -> str:
    return json.dumps(masked_events(events), ensure_ascii=False)


@pytest.mark.parametrize("slot,typed,value,expected", ANSWERS)
def test_answer_to_a_lookup_question_is_kept_with_its_digits_hidden(slot, typed, value, expected):
    kept = masked_events(_lookup_turn(slot, typed, value))
    user = next(e for e in kept if e["event"] == "user")
    assert user["text"] == expected
    assert user["parse_data"]["text"] == expected
    assert all(ch in "*" or not ch.isdigit() for ch in user["parse_data"]["entities"][0]["value"])
    assert user["parse_data"]["entities"][0]["start"] == len(typed) - 4, "offsets are kept"
    slot_event = next(e for e in kept if e["event"] == "slot" and e["name"] == slot)
    assert slot_event["value"] == "".join("*" if ch.isdigit() and value.count("*") == 0 else ch for ch in value)
    bot = [e for e in kept if e["event"] == "bot"][-1]
    assert value not in json.dumps(bot, ensure_ascii=False) or "*" in value


@pytest.mark.parametrize("slot", sorted(SENSITIVE_SLOTS))
def test_every_sensitive_slot_value_is_kept_without_digits(slot):
    kept = masked_events([SlotSet(slot, "2019-07-01", timestamp=1.0), SlotSet(slot, None, timestamp=2.0)])
    assert [e["value"] for e in kept] == ["****-**-**", None]


def test_opening_message_carrying_the_factors_is_hidden_without_a_requested_slot():
    text = "ابي حالة طلبي هويتي 1012345672 ومواليدي 1985-04-12 وسجلت 3/2024"
    events = [
        ActionExecuted("action_listen", timestamp=1.0),
        _user(text, 2.0),
        SlotSet("national_id", "1*******72", timestamp=2.1),
        SlotSet("birth_date", "1985-04-12", timestamp=2.2),
    ]
    user = masked_events(events)[1]
    assert user["text"] == "ابي حالة طلبي هويتي 1*******72 ومواليدي ****-**-** وسجلت */****"


@pytest.mark.parametrize(
    "text",
    [
        "حالة طلبي 1045678909 ميلادي 30/9/1978 سجلت 10/2026",
        "ابي اعرف وضع طلبي، مواليد ١٩٧٨/٩/٣٠ والهوية ١٠٤٥٦٧٨٩٠٩",
    ],
)
def test_a_message_replayed_with_another_intent_is_hidden_in_both_copies(text):
    """The fallback replays an opening message as check_status (actions.support.replay_as):
    the reverted first copy must not keep the dates that the replayed copy hides."""
    events = [
        ActionExecuted("action_listen", timestamp=1.0),
        _user(text, 2.0),
        ActionExecuted("action_default_fallback", timestamp=2.1),
        UserUtteranceReverted(timestamp=2.2),
        ActionExecuted("action_listen", timestamp=2.3),
        _user(text, 2.4),
        SlotSet("national_id", "1*******09", timestamp=2.5),
        SlotSet("birth_date", "1978-09-30", timestamp=2.6),
        _user("شكرا 2026", 3.0),
    ]
    users = [e["text"] for e in masked_events(events) if e["event"] == "user"]
    assert len(users) == 3
    assert users[0] == users[1] and not any(d in users[0] for d in ("1978", "30", "١٩٧٨", "٣٠"))
    assert users[2] == "شكرا 2026", "a later, different message keeps its digits"


@pytest.mark.parametrize(
    "text",
    ["دخلي 1,320 ريال من 2023-11-01", "عندي 3 عيال", "متى الصرف؟ يوم 1 من الشهر", "سجلت في 2024-03-01"],
)
def test_dates_and_numbers_outside_the_lookup_keep_their_digits(text):
    events = [
        SlotSet("requested_slot", "earned_income", timestamp=1.0),
        ActionExecuted("action_listen", timestamp=1.1),
        _user(text, 2.0),
        SlotSet("earned_income", 1320, timestamp=2.1),
        SlotSet("requested_slot", None, timestamp=2.2),
        _user(text, 3.0),
    ]
    users = [e for e in masked_events(events) if e["event"] == "user"]
    assert [u["text"] for u in users] == [text, text]


def test_only_new_events_are_returned_but_judged_with_the_earlier_ones():
    events = _lookup_turn("birth_date", "ميلادي 12/4/1985", "1985-04-12")
    kept = masked_events(events, first_new=4)
    assert [e["event"] for e in kept] == ["user", "slot", "bot"]
    assert kept[0]["text"] == "ميلادي **/*/****", "requested_slot came from an event stored earlier"


@pytest.fixture
def store(tmp_path: Path, monkeypatch) -> MaskingSQLTrackerStore:
    monkeypatch.setenv("NATIONAL_ID_HMAC_KEY", "test-key-not-secret-" + "x" * 20)
    return MaskingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))


class _Broker:
    def __init__(self) -> None:
        self.published: list[dict[str, Any]] = []

    def publish(self, event: dict[str, Any]) -> None:
        self.published.append(event)


def test_database_bytes_and_broker_never_hold_the_birth_or_registration_date(store, tmp_path):
    store.event_broker = _Broker()
    tracker = DialogueStateTracker.from_events("web-1", [ActionExecuted("action_listen", timestamp=0.5)], DOMAIN.slots)
    asyncio.run(store.save(tracker))
    for event in _lookup_turn("birth_date", "ميلادي 12/4/1985", "1985-04-12"):
        tracker.update(event)
    asyncio.run(store.save(tracker))  # a second save: the requested_slot was in the same batch
    for event in _lookup_turn("registration_date", "سجلت شهر 3 سنة 2024", "2024-03-01/2024-03-31")[1:]:
        tracker.update(event)
    asyncio.run(store.save(tracker))
    store.engine.dispose()

    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("tracker.db"))
    with sqlite3.connect(tmp_path / "tracker.db") as connection:
        cells = " ".join(str(v) for row in connection.execute("SELECT * FROM events") for v in row)
    for secret in ("1985", "12/4", "2024-03", "سنة 2024"):
        assert secret.encode() not in raw and secret not in cells
    assert secret not in json.dumps(store.event_broker.published, ensure_ascii=False)
    reloaded = asyncio.run(store.retrieve("web-1"))
    assert reloaded.get_slot("birth_date") == "1985-04-12", "the form reads its answer back on the next turn"
    assert reloaded.get_slot("registration_date") == "2024-03-01/2024-03-31"


def test_sealed_value_opens_only_with_the_key_and_a_raw_id_is_never_sealed(store, tmp_path, monkeypatch):
    events = [
        ActionExecuted("action_listen", timestamp=0.5),
        SlotSet("birth_date", "1985-04-12", timestamp=1.0),
        SlotSet("national_id", "١٠١٢٣٤٥٦٧٢", timestamp=1.1),
        SlotSet("national_id", "1*******72", timestamp=1.2),
    ]
    asyncio.run(store.save(DialogueStateTracker.from_events("web-2", events, DOMAIN.slots)))
    with sqlite3.connect(tmp_path / "tracker.db") as connection:
        rows = [json.loads(r[0]) for r in connection.execute("SELECT data FROM events WHERE type_name = 'slot'")]
    assert [("sealed_value" in r, r["value"]) for r in rows] == [
        (True, "****-**-**"),
        (False, "١*******٧٢"),
        (True, "1*******72"),
    ]

    reloaded = asyncio.run(store.retrieve("web-2"))
    assert [e.value for e in reloaded.events if isinstance(e, SlotSet)] == ["1985-04-12", "١*******٧٢", "1*******72"]
    monkeypatch.setenv("NATIONAL_ID_HMAC_KEY", "another-key-" + "y" * 30)
    assert asyncio.run(store.retrieve("web-2")).get_slot("birth_date") == "****-**-**", "a wrong key opens nothing"


def test_a_birth_date_repeated_by_the_bot_in_a_later_turn_is_hidden():
    earlier = _lookup_turn("birth_date", "ميلادي 12/4/1985", "1985-04-12")
    later = [
        ActionExecuted("action_listen", timestamp=3.0),
        _user("وش سجلت؟", 4.0),
        BotUttered("سجلت تاريخ ميلادك 1985-04-12", timestamp=4.1),
    ]
    kept = masked_events(earlier + later, first_new=len(earlier))
    assert kept[-1]["text"] == "سجلت تاريخ ميلادك ****-**-**"
