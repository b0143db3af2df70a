"""Lock-out after repeated failed status look-ups in one conversation."""

from datetime import datetime, timedelta, timezone

from status_store.lockout import failed_lookups_since, is_locked_out, record_lookup

NOW = datetime(2024, 6, 10, 12, 0, tzinfo=timezone.utc)


def _fail(engine, conversation_id, times, at):
    for _ in range(times):
        record_lookup(conversation_id, False, at=at, engine=engine)


def test_five_failures_within_a_day_lock_the_conversation(engine):
    _fail(engine, "c1", 5, NOW - timedelta(hours=23))
    assert is_locked_out("c1", NOW, engine=engine)


def test_four_failures_do_not_lock(engine):
    _fail(engine, "c1", 4, NOW - timedelta(hours=1))
    assert not is_locked_out("c1", NOW, engine=engine)


def test_failures_older_than_the_window_no_longer_count(engine):
    _fail(engine, "c1", 5, NOW - timedelta(hours=24, minutes=1))
    assert failed_lookups_since("c1", NOW - timedelta(hours=24), engine=engine) == 0
    assert not is_locked_out("c1", NOW, engine=engine)


def test_a_success_in_between_does_not_reset_the_count(engine):
    _fail(engine, "c1", 3, NOW - timedelta(hours=2))
    record_lookup("c1", True, at=NOW - timedelta(hours=1), engine=engine)
    _fail(engine, "c1", 2, NOW - timedelta(minutes=5))
    assert is_locked_out("c1", NOW, engine=engine)


def test_successes_alone_never_lock(engine):
    for _ in range(8):
        record_lookup("c1", True, at=NOW, engine=engine)
    assert not is_locked_out("c1", NOW, engine=engine)


def test_one_conversation_failures_do_not_lock_another(engine):
    _fail(engine, "c1", 5, NOW)
    assert not is_locked_out("c2", NOW, engine=engine)


def test_limit_and_window_are_the_callers_choice(engine):
    _fail(engine, "c1", 2, NOW - timedelta(minutes=30))
    assert is_locked_out("c1", NOW, limit=2, window=timedelta(hours=1), engine=engine)
    assert not is_locked_out("c1", NOW, limit=2, window=timedelta(minutes=10), engine=engine)


def test_aware_times_are_compared_in_utc(engine):
    riyadh = timezone(timedelta(hours=3))
    _fail(engine, "c1", 5, datetime(2024, 6, 10, 14, 0, tzinfo=riyadh))  # 11:00 UTC
    assert failed_lookups_since("c1", datetime(2024, 6, 10, 10, 30, tzinfo=timezone.utc), engine=engine) == 5
    assert failed_lookups_since("c1", datetime(2024, 6, 10, 11, 30, tzinfo=timezone.utc), engine=engine) == 0


def test_phone_number_conversations_are_counted_under_their_pseudonym(engine):
    _fail(engine, "966551234567", 5, NOW)
    assert is_locked_out("966551234567", NOW, engine=engine)
