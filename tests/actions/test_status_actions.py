"""The status lookup actions against a real SQLite status store."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from actions.status_form import ActionStatusResult, ValidateStatusForm
from saudi_locale.clock import riyadh_today
from status_store import DEMO_APPLICATIONS
from tests.actions.conftest import make_tracker, responses, run

form = ValidateStatusForm()


def validate_id(*args):
    """validate_national_id is a coroutine: it checks the lockout through call_store."""
    return asyncio.run(form.validate_national_id(*args))


@pytest.mark.parametrize("typed", ["1012345672", "١٠١٢٣٤٥٦٧٢", "1012 345 672", "هويتي 1012345672"])
def test_valid_id_is_kept_only_masked_and_hashed(dispatcher, status_db, typed):
    tracker = make_tracker(text=typed, active_loop="status_form", sender_id="s1")
    result = validate_id(typed, dispatcher, tracker, {})
    assert result["national_id"] == "1*******72"
    assert len(result["national_id_hash"]) == 64
    assert "1012345672" not in str(result)


@pytest.mark.parametrize(
    "typed, response",
    [
        ("١٢٣", "utter_wrong_national_id_wrong_length"),
        ("3000000001", "utter_wrong_national_id_wrong_first_digit"),
        ("1000000000", "utter_wrong_national_id_checksum"),
        ("ابي اعرف حالة طلبي", "utter_wrong_national_id_no_digits"),
    ],
)
def test_invalid_id_says_what_is_wrong(dispatcher, status_db, typed, response):
    tracker = make_tracker(text=typed, active_loop="status_form")
    assert validate_id(typed, dispatcher, tracker, {})["national_id"] is None
    assert responses(dispatcher) == [response]


@pytest.mark.parametrize("typed", ["1985-04-12", "12-4-1985", "١٢/٠٤/١٩٨٥", "1405/07/22", "١٤٠٥/٧/٢٢", "12 ابريل 1985"])
def test_birth_date_is_read_in_gregorian_or_hijri(dispatcher, typed):
    tracker = make_tracker(text=typed, active_loop="status_form")
    assert form.validate_birth_date(typed, dispatcher, tracker, {}) == {
        "birth_date": "1985-04-12",
        "lookup_failures": 0,
    }


def _registration_month(demo):
    registered = riyadh_today() - timedelta(days=demo.registered_days_ago)
    return f"{registered.month}/{registered.year}"


def _lookup(dispatcher, domain, national_id, born, sender="s2", registered=None):
    hashed = validate_id(national_id, dispatcher, make_tracker(active_loop="status_form", sender_id=sender), {})
    month = form.validate_registration_date(
        registered or _registration_month(DEMO_APPLICATIONS[0]), dispatcher, make_tracker(active_loop="status_form"), {}
    )
    tracker = make_tracker(
        slots={
            "national_id_hash": hashed.get("national_id_hash"),
            "birth_date": born,
            "registration_date": month["registration_date"],
        },
        active_loop=None,
        sender_id=sender,
    )
    run(ActionStatusResult(), tracker, dispatcher, domain)
    return [m for m in dispatcher.messages if m.get("custom")]


@pytest.mark.parametrize("demo", DEMO_APPLICATIONS, ids=lambda d: d.status)
def test_demo_application_status_is_answered_with_payload(dispatcher, domain, status_db, demo):
    messages = _lookup(
        dispatcher, domain, demo.national_id, demo.birth_date.isoformat(), registered=_registration_month(demo)
    )
    payload = messages[0]["custom"]["application_status"]
    assert payload["status"] == demo.status
    assert messages[0]["response"] == f"utter_status_{demo.status}"


def test_wrong_birth_date_reads_like_an_unknown_id(dispatcher, domain, status_db):
    demo = DEMO_APPLICATIONS[1]
    wrong_date = _lookup(
        dispatcher, domain, demo.national_id, "1950-01-01", sender="a", registered=_registration_month(demo)
    )
    unknown_id = _lookup(dispatcher, domain, "1000000008", demo.birth_date.isoformat(), sender="b")
    assert wrong_date[0]["custom"] == unknown_id[0]["custom"]


def test_sixth_lookup_after_five_failures_is_refused(dispatcher, domain, status_db):
    for _ in range(5):
        _lookup(dispatcher, domain, "1000000008", "1980-01-01", sender="prober")
    dispatcher.messages.clear()
    tracker = make_tracker(text="1012345672", active_loop="status_form", sender_id="prober")
    result = validate_id("1012345672", dispatcher, tracker, {})
    assert result["requested_slot"] is None
    assert responses(dispatcher) == ["utter_status_locked"]


def test_status_store_holds_no_clear_national_id(dispatcher, domain, status_db):
    for demo in DEMO_APPLICATIONS:
        _lookup(dispatcher, domain, demo.national_id, demo.birth_date.isoformat())
    raw = Path(status_db.split("sqlite:///", 1)[1]).read_bytes()
    for demo in DEMO_APPLICATIONS:
        assert demo.national_id.encode() not in raw


def test_unreachable_database_gives_a_clear_reply(dispatcher, domain, monkeypatch, tmp_path):
    monkeypatch.setenv("STATUS_DB_URL", "postgresql+psycopg2://nobody@127.0.0.1:1/none")
    monkeypatch.setenv("NATIONAL_ID_HMAC_KEY", "k")
    tracker = make_tracker(text="1012345672", active_loop="status_form")
    result = validate_id("1012345672", dispatcher, tracker, {})
    assert result["national_id"] is None
    assert responses(dispatcher) == ["utter_status_unavailable"]


def test_an_id_already_validated_is_kept_when_the_form_starts_again(dispatcher, status_db):
    """After "لا" to leaving the lookup the form starts again and re-validates its filled
    slots: the masked ID must not be read as a new, wrong ID (it was asked again)."""
    slots = {"national_id": "1*******72", "national_id_hash": "a" * 64, "birth_date": "1985-04-12"}
    tracker = make_tracker(slots=slots, text="لا", intent="deny", active_loop="status_form")
    assert validate_id("1*******72", dispatcher, tracker, {}) == {"national_id": "1*******72"}
    assert dispatcher.messages == []


def test_a_masked_id_typed_with_no_id_validated_is_still_wrong(dispatcher, status_db):
    tracker = make_tracker(text="1*******72", active_loop="status_form")
    assert validate_id("1*******72", dispatcher, tracker, {})["national_id"] is None
