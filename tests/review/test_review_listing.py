"""Choosing conversations: dates, channel, outcome, fallback, low confidence, Arabic search."""

from __future__ import annotations

import json
from datetime import date

import pytest
from review_scenarios import WHATSAPP_NUMBER

from review import outcomes as oc
from review.cli import main
from review.listing import ConversationFilter, find_conversations
from review.queries import load_all, load_conversation, tracker_engine

ALL = {"web-eligible", "web-ineligible", "WA", "web-handoff", "cli-fallback", "web-faq", "web-store-only"}


def _ids(env, **filters) -> set:
    found = find_conversations(tracker_engine(env.tracker_url), ConversationFilter(**filters), env.status_url)
    wa = env.stored_id(WHATSAPP_NUMBER)
    return {"WA" if s.sender_id == wa else s.sender_id for s in found}


def test_empty_filter_lists_every_conversation(env):
    assert _ids(env) == ALL


@pytest.mark.parametrize(
    "since, until, expected",
    [
        (date(2024, 3, 10), date(2024, 3, 10), {"web-eligible", "web-ineligible"}),
        (date(2024, 3, 11), None, {"WA", "web-handoff", "cli-fallback", "web-faq", "web-store-only"}),
        (None, date(2024, 3, 11), {"web-eligible", "web-ineligible", "WA", "web-handoff"}),
        (date(2024, 3, 12), date(2024, 3, 12), {"cli-fallback", "web-faq"}),
        (date(2024, 4, 1), None, set()),
    ],
)
def test_date_range_keeps_conversations_started_on_those_riyadh_days(env, since, until, expected):
    assert _ids(env, since=since, until=until) == expected


@pytest.mark.parametrize(
    "channel, expected",
    [
        ("socketio", {"web-eligible", "web-handoff", "web-store-only"}),
        ("rest", {"web-ineligible", "web-faq"}),
        ("whatsapp", {"WA"}),
        ("cmdline", {"cli-fallback"}),
    ],
)
def test_channel_filter_uses_the_user_messages_input_channel(env, channel, expected):
    assert _ids(env, channel=channel) == expected


@pytest.mark.parametrize(
    "outcome, expected",
    [
        ("eligible", {"web-eligible", "web-store-only"}),  # the second only from the status store's check
        ("ineligible", {"web-ineligible"}),
        ("status_lookup", {"WA"}),
        ("handoff", {"web-handoff", "web-store-only"}),  # the second only from handoff_requests
        ("none", {"cli-fallback", "web-faq"}),
    ],
)
def test_outcome_filter_reads_payloads_actions_and_the_status_store(env, outcome, expected):
    assert _ids(env, outcome=outcome) == expected


def test_without_status_store_outcomes_come_from_events_alone(env, tmp_path):
    found = find_conversations(
        tracker_engine(env.tracker_url), ConversationFilter(outcome="handoff"), f"sqlite:///{tmp_path / 'absent.db'}"
    )
    assert {s.sender_id for s in found} == {"web-handoff"}
    assert not (tmp_path / "absent.db").exists(), "looking must not create a status database"


def test_fallback_filter_finds_nlu_fallback_and_default_actions(env):
    assert _ids(env, had_fallback=True) == {"cli-fallback"}


@pytest.mark.parametrize(
    "below, expected",
    [
        (0.6, {"web-ineligible", "cli-fallback"}),
        (0.3, set()),
        (0.7, {"web-ineligible", "cli-fallback", "web-faq"}),
        (0.71, {"web-ineligible", "cli-fallback", "web-faq", "web-store-only"}),
    ],
)
def test_low_confidence_filter_compares_every_user_turn_with_the_threshold(env, below, expected):
    assert _ids(env, low_confidence=True, below=below) == expected


@pytest.mark.parametrize(
    "query, expected",
    [
        ("الأهلية", {"web-ineligible", "web-faq"}),  # typed الاهليه and الأهليّة
        ("استعلام", {"web-faq"}),  # typed إستعلام
        ("الضمان", {"web-faq", "cli-fallback"}),  # الضّمان with a shadda; "للضمان" is another word form
        ("مستـــحق", {"web-eligible"}),  # tatweel in the query
        ("موظف", {"web-handoff"}),  # matches the bot's words too
        ("لا يوجد هذا النص", set()),
    ],
)
def test_search_matches_across_arabic_spelling_variants(env, query, expected):
    assert _ids(env, search=query) == expected


def test_filters_combine(env):
    assert _ids(env, channel="rest", low_confidence=True) == {"web-ineligible"}
    assert _ids(env, channel="rest", outcome="eligible") == set()


def test_stored_transcripts_hold_no_raw_id_or_phone(env):
    engine = tracker_engine(env.tracker_url)
    dumped = json.dumps([e.data for c in load_all(engine) for e in c.events], ensure_ascii=False)
    assert "1000000008" not in dumped and "0551234567" not in dumped
    conversation = load_conversation(engine, env.stored_id(WHATSAPP_NUMBER))
    texts = [t.text for t in oc.turns(conversation)]
    assert "رقم هويتي 1*******08 وجوالي 05******67" in texts
    assert load_conversation(engine, WHATSAPP_NUMBER) is None, "the phone number is not the stored id"


def test_user_turns_carry_intent_confidence_and_faq_topic(env):
    conversation = load_conversation(tracker_engine(env.tracker_url), "cli-fallback")
    assert [(t.intent, t.confidence, t.faq_key) for t in oc.user_turns(conversation)] == [
        ("nlu_fallback", 0.31, None),
        ("faq", 0.84, "faq/apply_steps"),
    ]


def test_eligibility_turn_count_is_user_messages_before_the_result(env):
    engine = tracker_engine(env.tracker_url)
    assert oc.turns_to_eligibility_result(load_conversation(engine, "web-eligible")) == 5
    assert oc.turns_to_eligibility_result(load_conversation(engine, "web-ineligible")) == 3
    assert oc.turns_to_eligibility_result(load_conversation(engine, "web-faq")) is None


def test_cli_list_prints_json_lines_for_the_filter(env, capsys):
    assert main(["list", "--json", "--channel", "rest", "--low-confidence", "--below", "0.5"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["conversation"] for r in rows] == ["web-ineligible"]
    assert rows[0]["outcomes"] == ["ineligible"] and rows[0]["lowest_confidence"] == 0.45


def test_cli_list_takes_the_db_from_the_command_line(env, capsys, monkeypatch):
    monkeypatch.delenv("TRACKER_DB_URL")
    assert main(["--db", env.tracker_url, "list", "--since", "2024-03-13"]) == 0
    assert capsys.readouterr().out.startswith("web-store-only\t")


def test_cli_refuses_a_badly_written_date(env, capsys):
    with pytest.raises(SystemExit):
        main(["list", "--since", "13/03/2024"])
    assert "2024-01-31" in capsys.readouterr().err
