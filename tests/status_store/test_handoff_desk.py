"""The handoff queue as the desk works it: states, concurrent takes, and the wait estimate."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from status_store.handoff_desk import (
    HandoffConflict,
    estimate_wait_minutes,
    finish_handoff,
    open_handoff_for,
    open_handoffs,
    queue_conversation,
    reassign_handoff,
    recent_take_samples,
    take_handoff,
    waiting_ahead,
)
from status_store.handoffs import get_handoff, list_handoffs, record_handoff

T0 = datetime(2026, 12, 6, 6, 0, tzinfo=timezone.utc)  # Sunday 09:00 in Riyadh


def test_no_estimate_without_enough_recent_takes():
    assert estimate_wait_minutes(0, []) is None
    assert estimate_wait_minutes(3, [(120.0, 0), (60.0, 0)]) is None


def test_estimate_scales_the_median_time_per_place_by_the_place_in_the_queue():
    # Per place: 120 s, 60 s (120 s with one ahead), 180 s -> median 120 s.
    samples = [(120.0, 0), (120.0, 1), (180.0, 0)]
    assert estimate_wait_minutes(0, samples) == 2
    assert estimate_wait_minutes(4, samples) == 10
    assert estimate_wait_minutes(0, [(5.0, 0)] * 3) == 1  # never "0 minutes"


def test_a_conversation_has_one_open_request_and_its_place_in_the_queue(engine):
    first = queue_conversation("c1", "socketio", "faq/payment_date", in_staff_hours=True, now=T0, engine=engine)
    second = queue_conversation(
        "c2", "whatsapp", "check_status", in_staff_hours=True, now=T0 + timedelta(minutes=1), engine=engine
    )
    again = queue_conversation(
        "c1", "socketio", "human_handoff", in_staff_hours=True, now=T0 + timedelta(minutes=2), engine=engine
    )
    assert (first.ahead, second.ahead) == (0, 1)
    assert again.id == first.id and len(list_handoffs(engine=engine)) == 2
    assert first.wait_minutes is None  # the desk has taken nobody yet
    assert get_handoff(second.id, engine=engine).ahead_at_request == 1


def test_taking_assigns_once_and_a_second_taker_is_refused(engine):
    request = record_handoff("c1", "socketio", "x", in_staff_hours=True, now=T0, engine=engine)
    taken = take_handoff(request, "sara", now=T0 + timedelta(minutes=4), engine=engine)
    assert (taken.state, taken.assigned_to) == ("taken", "sara")
    assert take_handoff(request, "sara", engine=engine).taken_at == taken.taken_at  # idempotent for the holder
    with pytest.raises(HandoffConflict):
        take_handoff(request, "omar", engine=engine)
    assert waiting_ahead(request, engine=engine) == 0


def test_supervisor_reassigns_and_ended_requests_stay_ended(engine):
    request = record_handoff("c1", "whatsapp", "x", now=T0, engine=engine)
    assert reassign_handoff(request, "omar", engine=engine).assigned_to == "omar"
    returned = finish_handoff(request, "omar", "returned", engine=engine)
    assert (returned.state, returned.handled, returned.handled_by) == ("returned", True, "omar")
    assert finish_handoff(request, "sara", "closed", engine=engine).state == "returned"
    with pytest.raises(HandoffConflict):
        take_handoff(request, "sara", engine=engine)
    with pytest.raises(HandoffConflict):
        reassign_handoff(request, "sara", engine=engine)
    assert open_handoff_for("c1", engine=engine) is None
    # A new request after the old one ended is a new request.
    assert record_handoff("c1", "whatsapp", "y", engine=engine) != request


def test_the_estimate_comes_from_takes_of_requests_queued_in_staff_hours(engine):
    for minute, (conversation, in_hours) in enumerate([("a", True), ("b", True), ("c", True), ("night", False)]):
        request = record_handoff(
            conversation, "socketio", "x", in_staff_hours=in_hours, now=T0 + timedelta(minutes=minute), engine=engine
        )
        take_handoff(request, "sara", now=T0 + timedelta(minutes=minute + 6 if in_hours else 600), engine=engine)
    samples = recent_take_samples(T0 + timedelta(hours=12), engine=engine)
    assert sorted(samples) == [(360.0, 0), (360.0, 0), (360.0, 0)]
    assert recent_take_samples(T0 + timedelta(days=30), engine=engine) == []
    # Each of the three took 6 min with nobody ahead: 2 ahead now means about 18 min.
    record_handoff("w1", "socketio", "x", in_staff_hours=True, now=T0 + timedelta(hours=1), engine=engine)
    record_handoff("w2", "socketio", "x", in_staff_hours=True, now=T0 + timedelta(hours=1, minutes=1), engine=engine)
    queued = queue_conversation("w3", "whatsapp", "x", in_staff_hours=True, now=T0 + timedelta(hours=2), engine=engine)
    assert (queued.ahead, queued.wait_minutes) == (2, 18)
    waiting = [h.conversation_id for h in open_handoffs(engine=engine) if h.state == "waiting"]
    assert waiting == ["w1", "w2", "w3"]


def test_a_phone_number_conversation_id_is_kept_as_its_pseudonym(engine):
    request = record_handoff("0551234567", "rest", "x", engine=engine)
    stored = get_handoff(request, engine=engine).conversation_id
    assert stored.startswith("phone_") and "0551234567" not in stored
    assert open_handoff_for("0551234567", engine=engine).id == request
    assert open_handoff_for(stored, engine=engine).id == request
