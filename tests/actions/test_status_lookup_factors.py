"""The status lookup asks the ministry's three factors, reads several from one message,
and cannot be probed by switching senders: actions against a real SQLite store."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from rasa_sdk.events import SlotSet

from actions.status_form import ActionStatusResult, ValidateStatusForm
from saudi_locale.clock import riyadh_today
from status_store import DEMO_APPLICATIONS
from tests.actions.conftest import make_tracker, responses

form = ValidateStatusForm()
UNDER_REVIEW, ELIGIBLE, INELIGIBLE = DEMO_APPLICATIONS


def _registered(demo):
    return riyadh_today() - timedelta(days=demo.registered_days_ago)


def _extract(text, asked=None, intent="inform"):
    slots = {"requested_slot": asked} if asked else {}
    tracker = make_tracker(slots=slots, text=text, intent=intent, active_loop="status_form")
    events = asyncio.run(form.get_extraction_events(None, tracker, {}))
    return {event["name"]: event["value"] for event in events}


def _run_form(text, dispatcher, domain, asked="national_id", sender="s", intent="inform"):
    """One validation turn as Rasa runs it: extraction, then validation of what was set."""
    slots = {"requested_slot": asked}
    if asked:
        slots[asked] = text  # the from_text mapping of the asked slot
    tracker = make_tracker(slots=slots, text=text, intent=intent, active_loop="status_form", sender_id=sender)
    tracker.events.extend(SlotSet(k, v) for k, v in slots.items() if k != "requested_slot")
    events = asyncio.run(form.run(dispatcher, tracker, domain))
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def _result(dispatcher, domain, slots, sender):
    tracker = make_tracker(slots=slots, active_loop=None, sender_id=sender)
    asyncio.run(ActionStatusResult().run(dispatcher, tracker, domain))
    return [m for m in dispatcher.messages if m.get("custom")][-1]


@pytest.mark.parametrize(
    "text",
    [
        "رقم هويتي 1012345672 وتاريخ ميلادي 12/4/1985",
        "١٠١٢٣٤٥٦٧٢ مواليد ١٤٠٥/٧/٢٢ هـ",
        "1012 345 672 - 12 ابريل 1985",
        "ابي اعرف حالة طلبي هويتي 1012-345-672 وميلادي 1985-04-12",
    ],
)
def test_one_message_gives_id_and_birth_date(text):
    found = _extract(text)
    assert found["national_id"] == "1012345672"
    assert found["birth_date"] == "1985-04-12"


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("3/2024", "2024-03-01", "2024-03-31"),
        ("مارس ٢٠٢٤", "2024-03-01", "2024-03-31"),
        ("سجلت في شهر 3 سنة 2024", "2024-03-01", "2024-03-31"),
        ("١٥/٣/٢٠٢٤", "2024-03-01", "2024-03-31"),
        ("رمضان 1445", "2024-03-11", "2024-04-09"),
        ("9/1445 هـ", "2024-03-11", "2024-04-09"),
    ],
)
def test_registration_month_is_read_in_gregorian_or_hijri(text, first, last, dispatcher):
    assert form.validate_registration_date(text, dispatcher, make_tracker(active_loop="status_form"), {}) == {
        "registration_date": f"{first}/{last}",
        "lookup_failures": 0,
    }


# "ما اذكر" is not here: it gets where to find the date (tests/actions/test_status_way_out.py).
@pytest.mark.parametrize("text", ["من زمان", "قبل فترة", "13/2024", "1/2099"])
def test_unreadable_registration_month_says_how_to_write_it(text, dispatcher):
    result = form.validate_registration_date(text, dispatcher, make_tracker(active_loop="status_form"), {})
    assert result == {"registration_date": None, "lookup_failures": 1}
    assert responses(dispatcher) == ["utter_wrong_registration_date"]


def test_all_three_answers_in_one_message_fill_the_form(dispatcher, domain, status_db):
    text = "هويتي 1012345672 ميلادي 12/4/1985 وسجلت 5/2024"
    slots = _run_form(text, dispatcher, domain, asked="national_id")
    assert slots["national_id"] == "1*******72"
    assert slots["birth_date"] == "1985-04-12"
    assert slots["registration_date"] == "2024-05-01/2024-05-31"
    assert "1012345672" not in str(slots)
    assert responses(dispatcher) == []


def test_birth_date_sent_when_id_asked_does_not_read_as_a_wrong_id(dispatcher, domain, status_db):
    slots = _run_form("12/4/1985", dispatcher, domain, asked="national_id")
    assert slots["birth_date"] == "1985-04-12"
    assert slots["national_id"] is None
    assert responses(dispatcher) == []  # the form just asks for the ID again


def test_answers_are_not_read_from_a_question(dispatcher, domain):
    assert _extract("ليش تبي تاريخ الميلاد 12/4/1985؟", intent="ask_why") == {}


def _slots_for(demo, birth=None, registered=None):
    from status_store import hash_national_id

    month = registered or _registered(demo)
    first = month.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return {
        "national_id_hash": hash_national_id(demo.national_id),
        "birth_date": (birth or demo.birth_date).isoformat(),
        "registration_date": f"{first.isoformat()}/{last.isoformat()}",
    }


@pytest.mark.parametrize("demo", DEMO_APPLICATIONS, ids=lambda d: d.status)
def test_right_three_factors_give_the_status(dispatcher, domain, status_db, demo):
    message = _result(dispatcher, domain, _slots_for(demo), "owner")
    assert message["custom"]["application_status"]["status"] == demo.status


def test_wrong_registration_month_reads_like_an_unknown_id(dispatcher, domain, status_db):
    wrong_month = _result(
        dispatcher, domain, _slots_for(ELIGIBLE, registered=_registered(ELIGIBLE) - timedelta(days=62)), "a"
    )
    unknown = _result(dispatcher, domain, {**_slots_for(ELIGIBLE), "national_id_hash": "0" * 64}, "b")
    assert wrong_month["custom"] == unknown["custom"]
    assert wrong_month["response"] == unknown["response"] == "utter_status_not_found"


def test_sender_switching_probe_is_refused(dispatcher, domain, status_db):
    """Five wrong birth dates from three senders on two channels' id styles lock the ID:
    a sixth sender with the right answers gets the same reply as a wrong guess."""
    senders = ["rest-a", "rest-b", "socketio-sid-c", "rest-a", "socketio-sid-c"]
    for number, sender in enumerate(senders):
        guess = _slots_for(INELIGIBLE, birth=INELIGIBLE.birth_date + timedelta(days=number + 1))
        assert _result(dispatcher, domain, guess, sender)["response"] == "utter_status_not_found"
    refused = _result(dispatcher, domain, _slots_for(INELIGIBLE), "966551234567")
    assert refused["response"] == "utter_status_not_found"
    assert refused["custom"]["application_status"] == {
        "status": "not_found",
        "decision_expected_by": None,
        "reason": None,
    }
    # Other IDs are not affected.
    assert _result(dispatcher, domain, _slots_for(ELIGIBLE), "rest-a")["response"] == "utter_status_eligible"


def test_ineligible_reply_gives_the_reason_category_only(dispatcher, domain, status_db):
    message = _result(dispatcher, domain, _slots_for(INELIGIBLE), "owner")
    assert message["custom"]["application_status"]["reason"] == "الدخل أعلى من الحد"


def test_under_review_names_the_day_the_result_comes_out(dispatcher, domain, status_db):
    # The review's end and the monthly results day are two dates; the reply gives both
    # and the day the applicant can see the result (new-user probe: "28th" and "27th").
    from datetime import date

    import eligibility

    message = _result(dispatcher, domain, _slots_for(UNDER_REVIEW), "owner")
    status = message["custom"]["application_status"]
    review_ends = date.fromisoformat(status["decision_expected_by"])
    announced = date.fromisoformat(status["results_expected_on"])
    assert announced >= review_ends and announced.day == eligibility.parameters_on().results_day
    assert message["results_expected_on"] == status["results_expected_on"]
