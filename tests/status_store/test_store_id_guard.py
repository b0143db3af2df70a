"""The lockout per national ID: counted across conversations and channels, atomic
under concurrent attempts, on SQLite and PostgreSQL."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone

import pytest

from status_store.crypto import hash_national_id
from status_store.id_guard import guarded_lookup, id_failures
from status_store.lockout import failed_lookups_since
from status_store.records import ApplicationRecord, upsert_applications

NOW = datetime(2024, 6, 10, 12, 0, tzinfo=timezone.utc)
TODAY = NOW.date()
BIRTH = date(1985, 4, 12)
REGISTERED = date(2024, 5, 20)
MAY = (date(2024, 5, 1), date(2024, 5, 31))
ID = "1045678909"


@pytest.fixture
def store(engine):
    upsert_applications(
        [ApplicationRecord(hash_national_id(ID), "1*******09", BIRTH, REGISTERED, "eligible", date(2024, 6, 1))],
        engine=engine,
    )
    return engine


def _try(engine, birth=BIRTH, registered_in=MAY, sender="a", at=NOW, national_id=ID):
    return guarded_lookup(
        hash_national_id(national_id),
        birth,
        registered_in,
        conversation_id=sender,
        on=TODAY,
        review_period_days=25,
        now=at,
        engine=engine,
    )


def _wrong(engine, sender, at=NOW):
    return _try(engine, birth=BIRTH + timedelta(days=1), sender=sender, at=at)


def test_right_factors_answer_the_status(store):
    result = _try(store)
    assert (result.answer.status, result.id_locked) == ("eligible", False)
    assert id_failures(hash_national_id(ID), now=NOW, engine=store) == 0


@pytest.mark.parametrize("factor", ["birth", "registration_month", "registration_year"])
def test_each_wrong_factor_answers_not_found(store, factor):
    wrong = {
        "birth": dict(birth=date(1985, 4, 13)),
        "registration_month": dict(registered_in=(date(2024, 4, 1), date(2024, 4, 30))),
        "registration_year": dict(registered_in=(date(2023, 5, 1), date(2023, 5, 31))),
    }[factor]
    assert _try(store, **wrong).answer.status == "not_found"


def test_five_failures_from_three_senders_lock_the_id_for_everyone(store):
    for sender in ["rest:a", "rest:b", "socketio:c", "rest:a", "socketio:c"]:
        assert _wrong(store, sender).answer.status == "not_found"
    for sender in ["rest:a", "whatsapp:new", "fresh-sender"]:
        result = _try(store, sender=sender, at=NOW + timedelta(hours=1))
        assert result.id_locked
        assert result.answer.status == "not_found"  # reads exactly like a wrong factor


def test_locked_id_reads_exactly_like_unknown_id_and_wrong_factor(store):
    for sender in "abcde":
        _wrong(store, sender)
    locked = _try(store, sender="z").answer
    unknown = _try(store, national_id="1000000008", sender="y").answer
    wrong = _try(store, national_id=ID, birth=date(1970, 1, 1), sender="x").answer
    assert locked == unknown == wrong


def test_lock_ends_with_the_window(store):
    for sender in "abcde":
        _wrong(store, sender, at=NOW)
    assert _try(store, at=NOW + timedelta(hours=23, minutes=59)).id_locked
    result = _try(store, at=NOW + timedelta(hours=24, minutes=1))
    assert (result.answer.status, result.id_locked) == ("eligible", False)


def test_four_failures_and_a_success_do_not_lock(store):
    for sender in "abcd":
        _wrong(store, sender)
    assert _try(store, sender="e").answer.status == "eligible"
    assert id_failures(hash_national_id(ID), now=NOW, engine=store) == 4
    assert _wrong(store, "f").id_locked is False
    assert _try(store, sender="g").id_locked


def test_unknown_ids_are_counted_too(store):
    unknown = "1000000008"
    for sender in "abcde":
        _try(store, national_id=unknown, sender=sender)
    assert _try(store, national_id=unknown, sender="f").id_locked


def test_locking_one_id_leaves_others_alone(store):
    for sender in "abcde":
        _try(store, national_id="1000000008", sender=sender)
    assert _try(store, sender="f").answer.status == "eligible"


def test_attempts_are_still_counted_per_conversation(store):
    for _ in range(3):
        _wrong(store, "rest:a")
    assert failed_lookups_since("rest:a", NOW - timedelta(hours=1), engine=store) == 3
    assert failed_lookups_since("rest:b", NOW - timedelta(hours=1), engine=store) == 0


def test_concurrent_guesses_never_get_more_than_five_tries(store):
    """Twelve wrong guesses at once (as from two action servers with pools): the
    conditional UPDATE lets exactly five of them read the application."""
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda n: _wrong(store, f"sender-{n}"), range(12)))
    assert sum(not r.id_locked for r in results) == 5
    assert id_failures(hash_national_id(ID), now=NOW, engine=store) == 5
    assert _try(store, sender="owner").id_locked
