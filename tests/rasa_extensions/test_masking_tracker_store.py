"""MaskingSQLTrackerStore: no national ID or phone number reaches the database, the logs or a broker."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

import rasa_extensions
from rasa_extensions.masking_tracker_store import MaskingSQLTrackerStore, stored_sender_id

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

RAW_IDS = ["1000000008", "2000000001", "1012345678"]
RAW_PHONES = ["0551234567", "966501112233", "0598765432"]
WHATSAPP_SENDER = "966541234599"

DOMAIN = Domain.from_dict(
    {
        "intents": ["inform", "check_status", "greet"],
        "entities": ["national_id", "phone"],
        "slots": {
            "national_id": {"type": "text", "mappings": [{"type": "from_text"}]},
            "contact_phone": {"type": "any", "mappings": [{"type": "custom"}]},
        },
        "responses": {"utter_greet": [{"text": "أهلا"}]},
    }
)


def _digit_forms(raw: str) -> list[str]:
    """A raw number as the user might type it, and as json.dumps writes it."""
    forms = [raw, raw.translate(ARABIC_INDIC), raw.translate(PERSIAN)]
    escaped = [json.dumps(f)[1:-1] for f in forms]  # "\u0661\u0660..." inside JSON
    return sorted(set(forms + escaped))


FORBIDDEN = [form for raw in RAW_IDS + RAW_PHONES + [WHATSAPP_SENDER] for form in _digit_forms(raw)]


def _user(text: str, entities: list[dict[str, Any]], channel: str, ts: float) -> UserUttered:
    intent = {"name": "inform", "confidence": 0.91}
    parse_data = {
        "intent": intent,
        "entities": entities,
        "text": text,
        "intent_ranking": [intent, {"name": "greet", "confidence": 0.05}],
    }
    return UserUttered(
        text,
        intent,
        entities,
        parse_data,
        timestamp=ts,
        input_channel=channel,
        metadata={"from": RAW_PHONES[1], "wa_id": WHATSAPP_SENDER, "note": f"نص {text}"},
    )


def _conversation(sender_id: str) -> DialogueStateTracker:
    id_text = f"رقم هويتي {RAW_IDS[0].translate(ARABIC_INDIC)}"
    events = [
        # As Rasa logs them: the action's ActionExecuted is stamped after the SessionStarted it returned.
        ActionExecuted("action_session_start", timestamp=1.1),
        SessionStarted(timestamp=1.0),
        ActionExecuted("action_listen", timestamp=1.2),
        _user(
            id_text,
            [{"entity": "national_id", "value": RAW_IDS[0].translate(ARABIC_INDIC), "start": 10, "end": 20}],
            "whatsapp",
            2.0,
        ),
        SlotSet("national_id", RAW_IDS[0], timestamp=2.1),
        SlotSet("contact_phone", int(RAW_PHONES[0]), timestamp=2.2),
        BotUttered(
            f"تم استلام الهوية {RAW_IDS[0]} والجوال {RAW_PHONES[0]}",
            data={"custom": {"echo": RAW_IDS[1], "phones": [RAW_PHONES[2].translate(PERSIAN)]}},
            metadata={"utter_action": "utter_ack", "to": "+" + RAW_PHONES[1]},
            timestamp=2.3,
        ),
        ActionExecuted("action_listen", timestamp=2.4),
        _user(
            f"جوالي {RAW_PHONES[2][:3]} {RAW_PHONES[2][3:6]} {RAW_PHONES[2][6:]} والهوية {RAW_IDS[2]}", [], "rest", 3.0
        ),
        BotUttered("الحد 1,100 ريال من 2023-11-01", timestamp=3.1),
    ]
    return DialogueStateTracker.from_events(sender_id, events, DOMAIN.slots)


@pytest.fixture
def hmac_key(monkeypatch):
    monkeypatch.setenv("NATIONAL_ID_HMAC_KEY", "test-key-not-secret-" + "x" * 20)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "tracker.db"


def _store(db_path: Path, **extra: Any) -> MaskingSQLTrackerStore:
    return MaskingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(db_path), **extra)


def _all_cells(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        cells = []
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                cells.extend("" if value is None else str(value) for value in row)
    return cells


def _assert_clean(text: str) -> None:
    leaked = [form for form in FORBIDDEN if form in text]
    assert not leaked, f"personal data stored in clear: {leaked}"


def test_no_raw_id_or_phone_in_any_table_column_or_file_byte(db_path, hmac_key):
    store = _store(db_path)
    asyncio.run(store.save(_conversation(WHATSAPP_SENDER)))
    asyncio.run(store.save(_conversation("web-visitor-1")))
    store.engine.dispose()

    cells = _all_cells(db_path)
    assert len(cells) > 50, "the conversations were not written"
    _assert_clean("\n".join(cells))
    raw_bytes = b"".join(p.read_bytes() for p in db_path.parent.iterdir() if p.name.startswith("tracker.db"))
    for form in FORBIDDEN:
        assert form.encode("utf-8") not in raw_bytes
    assert b"1,100" in raw_bytes and b"2023-11-01" in raw_bytes, "amounts and dates must survive"


def test_saved_tracker_loads_back_with_masked_text_and_slots(db_path, hmac_key):
    store = _store(db_path)
    asyncio.run(store.save(_conversation(WHATSAPP_SENDER)))

    tracker = asyncio.run(store.retrieve(WHATSAPP_SENDER))
    assert tracker is not None and tracker.sender_id == WHATSAPP_SENDER
    users = [e for e in tracker.events if isinstance(e, UserUttered)]
    assert users[0].text == "رقم هويتي ١*******٠٨"
    assert users[0].entities[0]["value"] == "١*******٠٨"
    assert users[1].text.startswith("جوالي 05* *** **32")
    assert tracker.get_slot("national_id") == "1*******08"
    assert tracker.get_slot("contact_phone") == "5******67", "an int slot loses the 0 but is still masked"
    bots = [e for e in tracker.events if isinstance(e, BotUttered)]
    assert bots[-1].text == "الحد 1,100 ريال من 2023-11-01"


def test_whatsapp_phone_sender_id_is_stored_as_the_status_store_pseudonym(db_path, hmac_key):
    store = _store(db_path)
    asyncio.run(store.save(_conversation(WHATSAPP_SENDER)))

    keys = asyncio.run(store.keys())
    assert keys == [stored_sender_id(WHATSAPP_SENDER)]
    assert keys[0].startswith("phone_") and WHATSAPP_SENDER not in keys[0]
    assert stored_sender_id("web-visitor-1") == "web-visitor-1"


def test_saving_again_appends_only_new_events(db_path, hmac_key):
    store = _store(db_path)
    tracker = _conversation(WHATSAPP_SENDER)
    asyncio.run(store.save(tracker))
    tracker.update(UserUttered("شكرا", {"name": "thank", "confidence": 0.99}, timestamp=4.0))
    asyncio.run(store.save(tracker))

    with sqlite3.connect(db_path) as connection:
        count = connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        intents = [r[0] for r in connection.execute("SELECT intent_name FROM events WHERE type_name='user'")]
    assert count == len(tracker.events)
    assert intents == ["inform", "inform", "thank"]


def test_endpoint_config_with_sql_keywords_or_url_builds_the_masking_store(tmp_path, hmac_key):
    by_keywords = create_tracker_store(
        EndpointConfig(
            type="rasa_extensions.masking_tracker_store.MaskingSQLTrackerStore",
            dialect="sqlite",
            db=str(tmp_path / "a.db"),
        ),
        DOMAIN,
    )
    by_url = create_tracker_store(
        EndpointConfig(
            type="rasa_extensions.masking_tracker_store.MaskingSQLTrackerStore", url=f"sqlite:///{tmp_path / 'b.db'}"
        ),
        DOMAIN,
    )
    direct = MaskingSQLTrackerStore(domain=DOMAIN, url=f"sqlite:///{tmp_path / 'c.db'}")

    for store, name in ((by_keywords, "a.db"), (by_url, "b.db"), (direct, "c.db")):
        assert isinstance(store, MaskingSQLTrackerStore)
        asyncio.run(store.save(_conversation("web-visitor-2")))
        assert (tmp_path / name).exists()
        _assert_clean("\n".join(_all_cells(tmp_path / name)))


class _CollectingBroker(EventBroker):
    def __init__(self) -> None:
        self.published: list[dict[str, Any]] = []

    def publish(self, event: dict[str, Any]) -> None:
        self.published.append(event)


def test_events_sent_to_an_event_broker_are_masked(db_path, hmac_key):
    broker = _CollectingBroker()
    store = _store(db_path, event_broker=broker)
    asyncio.run(store.save(_conversation(WHATSAPP_SENDER)))

    assert len(broker.published) >= 8
    _assert_clean(json.dumps(broker.published, ensure_ascii=False))


def test_logs_written_while_saving_and_loading_hold_no_raw_numbers(db_path, hmac_key, tmp_path, caplog):
    rasa_extensions.install("rasa")  # as the Rasa server's start-up does (rasa_extensions.run_rasa)
    log_file = tmp_path / "rasa.log"
    file_handler = logging.FileHandler(log_file, encoding="utf-8")
    logging.getLogger().addHandler(file_handler)
    try:
        with caplog.at_level(logging.DEBUG):
            store = _store(db_path)
            asyncio.run(store.save(_conversation(WHATSAPP_SENDER)))
            asyncio.run(store.retrieve(WHATSAPP_SENDER))
            # What an action or channel might log by mistake:
            logging.getLogger("actions.status").info(
                "lookup for %s, phone %s", RAW_IDS[0].translate(ARABIC_INDIC), RAW_PHONES[0]
            )
            logging.getLogger("channels.whatsapp").warning(f"message from {WHATSAPP_SENDER}")
    finally:
        logging.getLogger().removeHandler(file_handler)
        file_handler.close()

    assert "lookup for" in caplog.text and "message from" in caplog.text
    _assert_clean(caplog.text)
    _assert_clean(log_file.read_text(encoding="utf-8"))
    assert "١*******٠٨" in log_file.read_text(encoding="utf-8")


def test_without_hmac_key_a_phone_sender_id_is_refused_rather_than_stored(db_path, monkeypatch):
    monkeypatch.delenv("NATIONAL_ID_HMAC_KEY", raising=False)
    store = _store(db_path)
    with pytest.raises(RuntimeError):
        asyncio.run(store.save(_conversation(WHATSAPP_SENDER)))
    store.engine.dispose()
    _assert_clean("\n".join(_all_cells(db_path)))


def test_rasa_structlog_json_lines_are_masked_too(caplog):
    """Rasa 3.6 logs user text through structlog, rendered as JSON with escaped Arabic."""
    import structlog
    from rasa.utils.log_utils import configure_structlog

    rasa_extensions.install("rasa")  # installs the log filter, as at the server's start-up

    configure_structlog(logging.DEBUG)
    try:
        with caplog.at_level(logging.DEBUG):
            structlog.get_logger().debug(
                "processor.message.parse",
                parse_data_text=f"هويتي {RAW_IDS[0].translate(ARABIC_INDIC)} وجوالي {RAW_PHONES[0]}",
                parse_data_entities=[{"entity": "national_id", "value": RAW_IDS[1]}],
            )
    finally:
        structlog.reset_defaults()
    assert "processor.message.parse" in caplog.text
    _assert_clean(caplog.text)
