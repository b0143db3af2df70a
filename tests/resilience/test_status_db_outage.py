"""The status database disappears during a lookup: a clear reply, and nothing half-written."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from status_store.demo import DEMO_APPLICATIONS
from tests.resilience.conftest import ResilientStack, payload, response_text, texts

NATIONAL_ID, BIRTH_DATE = "1045678909", "30/9/1978"  # a demo application (status_store/demo.py)
REGISTERED = DEMO_APPLICATIONS[1].registration_month()  # "M/YYYY", relative to seeding


def _status_db(stack: ResilientStack) -> Path:
    return Path(stack.env["STATUS_DB_URL"].split("sqlite:///", 1)[1])


def _rows(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@contextmanager
def _database_unusable(db: Path) -> Iterator[None]:
    """Swap the database file for one that is not a database (a disk or volume gone bad)."""
    offline = db.with_suffix(".offline")
    os.replace(db, offline)
    db.write_bytes(b"this is not an SQLite database" * 100)
    try:
        yield
    finally:
        os.replace(offline, db)


def test_status_lookup_with_the_database_gone_gets_a_clear_reply_and_writes_nothing(
    resilient_stack: ResilientStack,
) -> None:
    sender = "res-status-db-1"
    db = _status_db(resilient_stack)
    resilient_stack.say(sender, "ابي اعرف وين وصل طلبي")
    assert resilient_stack.requested_slot(sender) == "national_id"
    resilient_stack.say(sender, NATIONAL_ID)
    assert resilient_stack.requested_slot(sender) == "birth_date"
    resilient_stack.say(sender, BIRTH_DATE)
    assert resilient_stack.requested_slot(sender) == "registration_date"
    lookups_before = _rows(db, "status_lookups")

    with _database_unusable(db):
        replies = resilient_stack.say(sender, REGISTERED)

    assert response_text("utter_status_unavailable") in texts(replies)
    assert payload(replies, "application_status") is None
    assert _rows(db, "status_lookups") == lookups_before, "a failed lookup was recorded"
    slots = resilient_stack.tracker(sender)["slots"]
    assert slots.get("national_id_hash") is None and slots.get("birth_date") is None, (
        "status slots kept after the failure"
    )
    assert resilient_stack.requested_slot(sender) is None

    # Once the database is back, the same user gets the answer.
    resilient_stack.say(sender, "ابي اعرف وين وصل طلبي")
    resilient_stack.say(sender, NATIONAL_ID)
    resilient_stack.say(sender, BIRTH_DATE)
    status = payload(resilient_stack.say(sender, REGISTERED), "application_status")
    assert status is not None and status["status"] == "eligible"
    assert _rows(db, "status_lookups") == lookups_before + 1


def test_status_question_with_the_database_gone_from_the_start_is_answered_clearly(
    resilient_stack: ResilientStack,
) -> None:
    sender = "res-status-db-2"
    db = _status_db(resilient_stack)
    with _database_unusable(db):
        replies = resilient_stack.say(sender, "ابي اعرف وين وصل طلبي")
        if resilient_stack.requested_slot(sender) == "national_id":
            replies = resilient_stack.say(sender, NATIONAL_ID)
    assert response_text("utter_status_unavailable") in texts(replies), replies
    assert resilient_stack.requested_slot(sender) is None
