"""The sender-switching probe, end to end: a real Rasa server and action server, the
REST channel and the WhatsApp webhook (signed like Meta), one status database.

Five wrong birth dates for one ID, spread over three senders on two channels, lock
that ID for everyone: a fresh sender with every answer right then gets exactly the
reply a wrong guess gets, on both channels.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest

from arabic_text.national_id import luhn_is_valid, mask_national_id
from saudi_locale.clock import riyadh_today
from status_store import DEMO_APPLICATIONS
from status_store.crypto import hash_national_id
from status_store.demo import DemoApplication
from status_store.engine import get_engine
from status_store.records import ApplicationRecord, upsert_applications
from tests.fakes.whatsapp_user import WhatsAppUser

pytestmark = pytest.mark.e2e

OTHER = DEMO_APPLICATIONS[0]


def _fresh_id() -> str:
    while True:
        digits = "1" + "".join(random.choice("0123456789") for _ in range(9))
        if luhn_is_valid(digits):
            return digits


@pytest.fixture
def target(rasa_stack) -> DemoApplication:
    """An eligible application only this test uses: the test locks its ID for 24 hours
    in the session's status database, which the other end-to-end tests share."""
    demo = DemoApplication(_fresh_id(), date(1979, 11, 3), "eligible", registered_days_ago=50, decided_days_ago=20)
    record = ApplicationRecord(
        hash_national_id(demo.national_id, rasa_stack.env["NATIONAL_ID_HMAC_KEY"]),
        mask_national_id(demo.national_id),
        demo.birth_date,
        demo.registered_on(),
        demo.status,
        riyadh_today() - timedelta(days=20),
    )
    upsert_applications([record], engine=get_engine(rasa_stack.status_db_url))
    return demo


def _month(demo) -> str:
    return demo.registration_month()


def _answers(demo, birth: date) -> str:
    return f"رقم هويتي {demo.national_id} وتاريخ ميلادي {birth:%d/%m/%Y} وسجلت {_month(demo)}"


def _status(messages: list[dict[str, Any]]) -> dict[str, Any]:
    for message in messages:
        if "application_status" in (message.get("custom") or {}):
            return message["custom"]["application_status"]
    raise AssertionError(f"no status payload in {messages}")


def _rest_lookup(stack, sender: str, demo, birth: date) -> list[dict[str, Any]]:
    stack.say(sender, "ابي اعرف حالة طلبي")
    return stack.say(sender, _answers(demo, birth))


def _whatsapp_user(stack) -> WhatsAppUser:
    number = "9665" + "".join(random.choice("0123456789") for _ in range(8))
    return WhatsAppUser(
        f"{stack.rasa_url}/webhooks/whatsapp/webhook",
        stack.env["WHATSAPP_APP_SECRET"],
        stack.fake_graph,
        number,
        stack.env["WHATSAPP_PHONE_NUMBER_ID"],
        timeout=90,
    )


def _whatsapp_lookup(user: WhatsAppUser, demo, birth: date) -> str:
    user.say("ابي اعرف حالة طلبي")
    return "\n".join(reply.text for reply in user.say(_answers(demo, birth)))


def test_five_failures_over_three_senders_and_two_channels_lock_the_id_for_everyone(rasa_stack, target) -> None:
    TARGET = target
    run = random.randrange(10**6)
    # Before any failure, the owner gets the status.
    assert _status(_rest_lookup(rasa_stack, f"owner-before-{run}", TARGET, TARGET.birth_date))["status"] == "eligible"
    wrong = [TARGET.birth_date + timedelta(days=n) for n in range(1, 6)]
    whatsapp = _whatsapp_user(rasa_stack)

    guesses = [
        _status(_rest_lookup(rasa_stack, f"probe-a-{run}", TARGET, wrong[0])),
        _status(_rest_lookup(rasa_stack, f"probe-b-{run}", TARGET, wrong[1])),
        _status(_rest_lookup(rasa_stack, f"probe-a-{run}", TARGET, wrong[2])),
        _status(_rest_lookup(rasa_stack, f"probe-b-{run}", TARGET, wrong[3])),
    ]
    assert all(g["status"] == "not_found" for g in guesses), guesses
    wrong_guess_text = _whatsapp_lookup(whatsapp, TARGET, wrong[4])  # the fifth failure, on WhatsApp
    assert "sbis.hrsd.gov.sa" in wrong_guess_text

    # A brand-new REST sender with every answer right: refused, and it reads like a wrong guess.
    refused = _status(_rest_lookup(rasa_stack, f"owner-{run}", TARGET, TARGET.birth_date))
    assert refused == guesses[0]
    # The WhatsApp sender with the right answers: the same text as its wrong guess.
    assert _whatsapp_lookup(whatsapp, TARGET, TARGET.birth_date) == wrong_guess_text
    # Another person's lookup is untouched by the lock.
    other = _status(_rest_lookup(rasa_stack, f"probe-a-{run}", OTHER, OTHER.birth_date))
    assert other["status"] == OTHER.status


def test_one_message_with_all_three_answers_gives_the_status(rasa_stack) -> None:
    sender = f"all-in-one-{random.randrange(10**6)}"
    demo = DEMO_APPLICATIONS[2]  # ineligible
    messages = _rest_lookup(rasa_stack, sender, demo, demo.birth_date)
    status = _status(messages)
    assert status == {"status": "ineligible", "decision_expected_by": None, "reason": "الدخل أعلى من الحد"}
    tracker = rasa_stack.tracker(sender)
    assert demo.national_id not in str(tracker["slots"])


def test_registration_month_is_asked_and_a_wrong_one_reads_like_any_failure(rasa_stack) -> None:
    sender = f"three-questions-{random.randrange(10**6)}"
    demo = DEMO_APPLICATIONS[0]
    rasa_stack.say(sender, "وين وصل طلبي")
    rasa_stack.say(sender, demo.national_id)
    asked = rasa_stack.say(sender, demo.birth_date.strftime("%d/%m/%Y"))
    assert rasa_stack.tracker(sender)["slots"]["requested_slot"] == "registration_date", asked
    wrong_month = riyadh_today() - timedelta(days=demo.registered_days_ago + 70)
    status = _status(rasa_stack.say(sender, f"{wrong_month.month}/{wrong_month.year}"))
    assert status == {"status": "not_found", "decision_expected_by": None, "reason": None}


def test_opening_message_with_the_answers_needs_no_more_questions(rasa_stack) -> None:
    sender = f"opening-{random.randrange(10**6)}"
    demo = DEMO_APPLICATIONS[1]
    messages = rasa_stack.say(sender, f"ابي اعرف حالة طلبي، {_answers(demo, demo.birth_date)}")
    assert _status(messages)["status"] == "eligible"
