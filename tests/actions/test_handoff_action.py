"""Handing over to a person: the reply, the pause and staff hours."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from actions.answers import describe_opening, describe_wait
from actions.support import ActionHumanHandoff, recent_topics
from saudi_locale.clock import RIYADH
from status_store.handoff_desk import open_handoff_for, take_handoff
from status_store.handoffs import list_handoffs, record_handoff
from tests.actions.conftest import SUNDAY_10_RIYADH, THURSDAY_17_RIYADH, make_tracker, responses, run


def event_names(events):
    return [e["event"] for e in events]


def test_within_staff_hours_the_reply_gives_the_wait_and_the_bot_pauses(dispatcher, domain, clock):
    tracker = make_tracker(text="ابي موظف", intent="human_handoff", active_loop=None, sender_id="in-hours")
    events = run(ActionHumanHandoff(), tracker, dispatcher, domain)
    assert responses(dispatcher) == ["utter_human_handoff"]
    message = dispatcher.messages[0]
    assert message["ahead"] == 0 and message["wait"] == describe_wait(None)  # nobody taken yet: no estimate
    assert event_names(events) == ["pause", "action"] and events[-1]["name"] == "action_listen"
    (queued,) = list_handoffs(handled=False)
    assert (queued.conversation_id, queued.in_staff_hours) == ("in-hours", True)
    text = domain["responses"]["utter_human_handoff"][0]["text"].format(**message)
    assert "لا تتوفر بيانات كافية" in text and "وأنت الأول في الدور" in text and "{" not in text


def test_the_estimate_follows_the_queue_once_the_desk_has_taken_requests(dispatcher, domain, clock):
    start = datetime.fromtimestamp(SUNDAY_10_RIYADH, tz=timezone.utc) - timedelta(hours=1)
    for n in range(3):
        request = record_handoff(f"earlier-{n}", "socketio", "x", in_staff_hours=True, now=start)
        take_handoff(request, "sara", now=start + timedelta(minutes=8))
    record_handoff("waiting-1", "socketio", "x", in_staff_hours=True, now=start)
    tracker = make_tracker(text="ابي موظف", intent="human_handoff", active_loop=None, sender_id="second")
    run(ActionHumanHandoff(), tracker, dispatcher, domain)
    message = dispatcher.messages[0]
    # 8 minutes per place, one waiting ahead: 16 minutes, said as "about 20".
    assert (message["ahead"], message["wait"]) == (1, describe_wait(16)) and message["wait"] == "نحو 20 دقيقة"
    assert message["place"] == "قبلك في الدور 1"


def test_inside_a_form_the_pause_leaves_the_form_first(dispatcher, domain, clock):
    tracker = make_tracker(
        text="ابي موظف",
        intent="human_handoff",
        active_loop="eligibility_form",
        slots={"requested_slot": "dependents_count"},
        sender_id="in-form",
    )
    events = run(ActionHumanHandoff(), tracker, dispatcher, domain)
    assert event_names(events) == ["active_loop", "slot", "pause", "action"]
    assert open_handoff_for("in-form").topic == "check_eligibility"


def test_outside_staff_hours_it_queues_says_when_staff_are_back_and_does_not_pause(dispatcher, domain, clock):
    clock["t"] = THURSDAY_17_RIYADH
    tracker = make_tracker(text="ابي موظف", intent="human_handoff", active_loop=None, sender_id="night")
    events = run(ActionHumanHandoff(), tracker, dispatcher, domain)
    assert responses(dispatcher) == ["utter_human_handoff_after_hours", "utter_official_channels"]
    assert "pause" not in event_names(events)
    back_at = dispatcher.messages[0]["back_at"]
    assert back_at == "يوم الأحد الساعة 8:00 صباحاً"
    assert dispatcher.messages[0]["staff_hours"] == "من الأحد إلى الخميس، من 8:00 صباحاً إلى 4:00 مساءً"
    channels = domain["responses"]["utter_official_channels"][0]["text"]
    assert "19911" in channels and "sbis.hrsd.gov.sa" in channels
    assert open_handoff_for("night").in_staff_hours is False


def test_a_status_store_outage_gives_the_official_channels_and_no_pause(dispatcher, domain, clock, monkeypatch):
    monkeypatch.setenv("STATUS_DB_URL", "sqlite:////nonexistent-dir/status.db")
    tracker = make_tracker(text="ابي موظف", intent="human_handoff", active_loop=None, sender_id="outage")
    events = run(ActionHumanHandoff(), tracker, dispatcher, domain)
    assert responses(dispatcher) == ["utter_human_handoff_unavailable", "utter_official_channels"]
    assert events == []


def test_topic_is_the_latest_distinct_intents_with_faq_topics_by_name():
    def user(intent, faq=None):
        parse = {"intent": {"name": intent}}
        if faq:
            parse["response_selector"] = {"faq": {"response": {"intent_response_key": faq}}}
        return {"event": "user", "parse_data": parse}

    events = [
        user("greet"),
        user("faq", "faq/payment_date"),
        user("check_status"),
        user("affirm"),
        user("faq", "faq/payment_date"),
        user("human_handoff"),
    ]
    tracker = make_tracker(events=events, active_loop=None)
    assert recent_topics(tracker) == ["faq/payment_date", "check_status"]


def test_opening_is_said_relative_to_today():
    now = datetime(2026, 12, 7, 6, 0, tzinfo=RIYADH)  # Monday
    assert describe_opening(now.replace(hour=8), now) == "اليوم الساعة 8:00 صباحاً"
    assert describe_opening(now + timedelta(days=1, hours=2), now) == "غداً (الثلاثاء) الساعة 8:00 صباحاً"


@pytest.mark.parametrize(
    "minutes, said",
    [
        (None, "لا تتوفر بيانات كافية لتقديرها الآن"),
        (3, "أقل من 5 دقائق"),
        (7, "نحو 10 دقائق"),
        (12, "نحو 15 دقيقة"),
        (70, "نحو ساعة"),
        (95, "نحو ساعة ونصف"),
        (300, "أكثر من ساعتين"),
    ],
)
def test_wait_is_said_with_arabic_number_agreement(minutes, said):
    assert describe_wait(minutes) == said
