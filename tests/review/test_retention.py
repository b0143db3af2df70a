"""The retention command on real tracker stores: Rasa's own SQLTrackerStore on an SQLite
file and on a throwaway PostgreSQL server, plus the review tool's tables."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from review.retention import apply_retention, main
from review.review_db import CORRECTIONS, NOTES, TAGS, metadata
from tests.support.postgres import start_for_pytest

DAY = 86400.0
NOW = 1_800_000_000.0  # a fixed "now" (2027-01-15) so ages are exact
DOMAIN = Domain.from_dict(
    {"intents": ["check_status", "inform"], "slots": {"birth_date": {"type": "any", "mappings": [{"type": "custom"}]}}}
)
# conversation id -> days since its last event
AGES = {"old-rest-1": 200, "old-socket-2": 91, "phone_" + "a" * 40: 120, "fresh-3": 89, "today-4": 0}
SECRET_TEXT = "ميلادي 12/4/1985"


def _tracker(sender_id: str, last_event: float) -> DialogueStateTracker:
    start = last_event - 60
    parse = {"text": SECRET_TEXT, "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    events = [
        ActionExecuted("action_listen", timestamp=start),
        UserUttered(SECRET_TEXT, parse_data=parse, timestamp=start + 10),
        SlotSet("birth_date", "1985-04-12", timestamp=start + 20),
        BotUttered("تم", timestamp=last_event),
    ]
    return DialogueStateTracker.from_events(sender_id, events)


@pytest.fixture(scope="module")
def pg_server() -> Iterator:
    server = start_for_pytest()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def stores(request, tmp_path):
    """(tracker engine, review engine) filled with AGES through Rasa's real SQL tracker store."""
    if request.param == "sqlite":
        store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
        review_url = f"sqlite:///{tmp_path}/review.db"
    else:
        server = request.getfixturevalue("pg_server")
        name = f"tracker_{int(time.time() * 1000) % 10**9}"
        server.create_database(name)
        store = SQLTrackerStore(
            DOMAIN, dialect="postgresql", host="127.0.0.1", port=server.port, db=name, username="postgres"
        )
        review_url = server.create_database(name + "_review")
    for sender_id, age in AGES.items():
        asyncio.run(store.save(_tracker(sender_id, NOW - age * DAY)))
    tracker_engine = store.engine
    review = sa.create_engine(review_url, future=True)
    metadata.create_all(review)
    with review.begin() as connection:
        for sender_id in AGES:
            connection.execute(TAGS.insert().values(conversation_id=sender_id, tag="t", staff="s", created_at=NOW))
            connection.execute(
                NOTES.insert().values(conversation_id=sender_id, text=SECRET_TEXT, staff="s", created_at=NOW)
            )
            connection.execute(
                CORRECTIONS.insert().values(
                    conversation_id=sender_id, event_id=1, text="x", intent="inform", staff="s", created_at=NOW
                )
            )
    yield tracker_engine, review
    review.dispose()
    tracker_engine.dispose()


def _senders(engine) -> set:
    with engine.connect() as connection:
        return {row[0] for row in connection.execute(sa.text("SELECT DISTINCT sender_id FROM events"))}


def _review_ids(engine) -> dict:
    with engine.connect() as connection:
        return {
            table.name: {row[0] for row in connection.execute(sa.select(table.c.conversation_id))}
            for table in (TAGS, NOTES, CORRECTIONS)
        }


OLD = {sender for sender, age in AGES.items() if age > 90}
KEPT = set(AGES) - OLD


def test_conversations_older_than_the_limit_are_deleted_everywhere(stores):
    tracker, review = stores
    report = apply_retention(tracker, review, days=90, now=NOW)
    assert _senders(tracker) == KEPT
    assert all(ids == KEPT for ids in _review_ids(review).values())
    assert len(report.conversations) == len(OLD)
    assert report.removed["events"] > 0
    assert report.removed["notes"] == report.removed["tags"] == report.removed["corrections"] == len(OLD)


@pytest.mark.parametrize(
    "days, expected_old",
    [(30, {"old-rest-1", "old-socket-2", "phone_" + "a" * 40, "fresh-3"}), (150, {"old-rest-1"}), (365, set())],
)
def test_the_limit_in_days_is_the_callers_choice(stores, days, expected_old):
    tracker, review = stores
    apply_retention(tracker, review, days=days, now=NOW)
    assert _senders(tracker) == set(AGES) - expected_old


def test_dry_run_changes_nothing(stores):
    tracker, review = stores
    report = apply_retention(tracker, review, days=90, now=NOW, dry_run=True)
    assert len(report.conversations) == len(OLD)
    assert _senders(tracker) == set(AGES)
    assert all(ids == set(AGES) for ids in _review_ids(review).values())


def test_anonymising_keeps_intents_but_no_text_or_id(stores):
    tracker, review = stores
    report = apply_retention(tracker, review, days=90, now=NOW, anonymise=True)
    senders = _senders(tracker)
    assert senders >= KEPT and not (OLD & senders)
    anonymous = {s for s in senders if s.startswith("anon:")}
    assert len(anonymous) == len(OLD)
    assert report.anonymised["events"] > 0
    with tracker.connect() as connection:
        rows = connection.execute(sa.text("SELECT sender_id, data, intent_name FROM events")).all()
    for sender_id, data, _intent in rows:
        if sender_id in anonymous:
            assert "1985" not in data and SECRET_TEXT not in data
            for old in OLD:
                assert old not in data
    assert any(intent == "inform" for sender_id, _, intent in rows if sender_id in anonymous)
    assert all(ids == KEPT for ids in _review_ids(review).values())


def test_command_prints_what_it_removed_with_masked_ids(tmp_path, monkeypatch, capsys):
    store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    now = time.time()
    asyncio.run(store.save(_tracker("966551234567", now - 100 * DAY)))
    asyncio.run(store.save(_tracker("recent", now - DAY)))
    store.engine.dispose()
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{tmp_path}/tracker.db")
    monkeypatch.setenv("REVIEW_DB_URL", f"sqlite:///{tmp_path}/review.db")
    monkeypatch.setenv("RETENTION_DAYS", "90")
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "1 were deleted" in out and "events:" in out and "notes: 0 rows deleted" in out
    assert "966551234567" not in out  # the phone-number id is shown masked


@pytest.mark.parametrize("value", ["0", "-3", "abc"])
def test_bad_retention_setting_is_refused_clearly(value, monkeypatch, capsys):
    monkeypatch.setenv("RETENTION_DAYS", value)
    assert main(["--no-review-db", "--db", "sqlite:///nowhere.db"]) == 2
    assert "error:" in capsys.readouterr().err
