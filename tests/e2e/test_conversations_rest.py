"""Whole conversations over the REST channel against the real servers."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

import eligibility
from status_store import DEMO_APPLICATIONS
from tests.e2e.conversation_driver import (
    ELIGIBLE_ANSWERS,
    ELIGIBLE_APPLICANT,
    payload_of,
    requested_slot,
    run_check,
    texts,
)


def new_sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:10]}"


def test_conditions_question_is_answered_with_current_amounts(rasa_stack):
    replies = rasa_stack.say(new_sender(), "وش شروط الضمان المطور؟")
    answer = texts(replies)
    assert eligibility.facts()["reference_amount_sar"] in answer
    assert "{" not in answer, "a placeholder was left unfilled"


def test_greeting_offers_buttons(rasa_stack):
    replies = rasa_stack.say(new_sender(), "السلام عليكم")
    assert any(m.get("buttons") for m in replies)


def test_eligible_applicant_gets_result_with_payload_and_check_is_recorded(rasa_stack):
    sender = new_sender()
    outcome = run_check(rasa_stack, sender, ELIGIBLE_APPLICANT)
    result = outcome["result"]
    assert result is not None, texts(outcome["replies"])
    contract_keys = {
        "eligible",
        "failed_conditions",
        "threshold_sar",
        "counted_income_sar",
        "estimated_support_sar",
        "rules_version",
    }
    assert contract_keys <= set(result)
    assert result == eligibility.assess(ELIGIBLE_ANSWERS).to_payload()
    assert outcome["asked"][-1] == "answers_confirmed"
    assert "تقديري" in texts(outcome["replies"])
    engine = sa.create_engine(rasa_stack.status_db_url, future=True)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("select decision from eligibility_checks where conversation_id = :c"), {"c": sender}
        ).all()
    assert [r.decision for r in rows] == ["eligible"]


def test_non_saudi_without_exception_is_not_asked_about_income(rasa_stack):
    answers = {**ELIGIBLE_APPLICANT, "is_saudi": "لا", "nationality_exception": "لا والله"}
    outcome = run_check(rasa_stack, new_sender(), answers)
    # Only the check of what was understood comes before the refusal.
    assert outcome["asked"] == ["is_saudi", "nationality_exception", "answers_confirmed"]
    assert outcome["result"]["eligible"] is False
    assert outcome["result"]["failed_conditions"] == ["is_saudi"]


def test_unreadable_answer_is_asked_again_with_an_example(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اشيك على اهليتي")
    rasa_stack.say(sender, "ايوه")  # is_saudi
    rasa_stack.say(sender, "ايوه")  # resides
    assert requested_slot(rasa_stack, sender) == "dependents_count"
    replies = rasa_stack.say(sender, "العدد كبير شوي")
    assert requested_slot(rasa_stack, sender) == "dependents_count"
    assert "مثل" in texts(replies)


def test_faq_in_the_middle_is_answered_then_the_question_repeats(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف هل انا مستحق")
    rasa_stack.say(sender, "نعم")
    rasa_stack.say(sender, "نعم")
    before = requested_slot(rasa_stack, sender)
    replies = rasa_stack.say(sender, "كم الحد الأعلى للدخل؟")
    assert eligibility.facts()["dependent_amount_sar"] in texts(replies)
    assert requested_slot(rasa_stack, sender) == before


def test_correction_changes_an_earlier_answer(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف هل انا مستحق")
    for answer in ("ايوه", "ايوه", "عندي ٣ عيال"):
        rasa_stack.say(sender, answer)
    assert requested_slot(rasa_stack, sender) == "earned_income"
    rasa_stack.say(sender, "غلطت، عندي ٤ تابعين")
    tracker = rasa_stack.tracker(sender)
    assert tracker["slots"]["dependents_count"] == 4
    assert tracker["slots"]["requested_slot"] == "earned_income"


def test_stop_asks_for_confirmation_then_ends_the_form(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف هل انا مستحق")
    rasa_stack.say(sender, "ايوه")
    rasa_stack.say(sender, "وقف")
    assert (rasa_stack.tracker(sender).get("active_loop") or {}).get("name") == "eligibility_form"
    rasa_stack.say(sender, "لا")
    assert not (rasa_stack.tracker(sender).get("active_loop") or {}).get("name")


@pytest.mark.parametrize("yes", ["نعم، أكمل", "ايوه", "/affirm"])
def test_continuing_after_stop_asks_the_question_again_and_reads_the_next_answer(rasa_stack, yes):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف هل انا مستحق")
    rasa_stack.say(sender, "ايوه")
    asked = requested_slot(rasa_stack, sender)
    rasa_stack.say(sender, "وقف")
    replies = texts(rasa_stack.say(sender, yes))
    domain = yaml.safe_load(Path("domain.yml").read_text(encoding="utf-8"))["responses"]
    assert domain["utter_continue_check"][0]["text"] in replies
    assert domain[f"utter_ask_{asked}"][0]["text"] in replies  # asked again, not "didn't understand"
    assert domain["utter_ask_rephrase"][0]["text"] not in replies
    tracker = rasa_stack.tracker(sender)
    assert tracker["slots"][asked] is None  # the yes to "continue?" is not the answer
    rasa_stack.say(sender, "نعم")
    assert rasa_stack.tracker(sender)["slots"][asked] is True


@pytest.mark.parametrize("demo_index, status", [(0, "under_review"), (1, "eligible"), (2, "ineligible")])
def test_status_lookup_of_demo_applications(rasa_stack, demo_index, status):
    demo = DEMO_APPLICATIONS[demo_index]
    sender = new_sender()
    rasa_stack.say(sender, "وين وصل طلبي؟")
    rasa_stack.say(sender, demo.national_id)
    rasa_stack.say(sender, demo.birth_date.strftime("%d-%m-%Y"))
    replies = rasa_stack.say(sender, demo.registration_month())
    payload = payload_of(replies, "application_status")
    assert payload is not None, texts(replies)
    assert payload["status"] == status
    assert (payload["decision_expected_by"] is not None) == (status == "under_review")
    assert (payload.get("results_expected_on") is not None) == (status == "under_review")


def test_wrong_birth_date_and_unknown_id_get_the_same_reply(rasa_stack):
    demo = DEMO_APPLICATIONS[1]
    answers = []
    for national_id, born in ((demo.national_id, "01-01-1950"), ("1000000008", demo.birth_date.isoformat())):
        sender = new_sender()
        rasa_stack.say(sender, "ابي اعرف حالة طلبي")
        rasa_stack.say(sender, national_id)
        rasa_stack.say(sender, born)
        answers.append(texts(rasa_stack.say(sender, demo.registration_month())))
    assert answers[0] == answers[1]


def test_invalid_national_id_says_what_is_wrong(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف حالة طلبي")
    replies = rasa_stack.say(sender, "1000000000")
    assert "خطأ" in texts(replies) or "تحقق" in texts(replies)
    assert requested_slot(rasa_stack, sender) == "national_id"


def test_lookups_are_refused_after_five_failures(rasa_stack):
    sender = new_sender()
    for _ in range(5):
        rasa_stack.say(sender, "ابي اعرف حالة طلبي")
        rasa_stack.say(sender, "1000000008")
        rasa_stack.say(sender, "1980-01-01")
        rasa_stack.say(sender, "3/2024")
    rasa_stack.say(sender, "ابي اعرف حالة طلبي")
    replies = rasa_stack.say(sender, "1000000008")
    assert "تجاوزت" in texts(replies)


def test_national_id_is_not_stored_in_clear_text(rasa_stack):
    demo = DEMO_APPLICATIONS[0]
    sender = new_sender()
    rasa_stack.say(sender, "حالة طلبي")
    rasa_stack.say(sender, demo.national_id)
    rasa_stack.say(sender, demo.birth_date.isoformat())
    rasa_stack.say(sender, demo.registration_month())
    for url in (rasa_stack.status_db_url, rasa_stack.tracker_db_url):
        path = url.split("sqlite:///", 1)[1]
        with open(path, "rb") as database:
            assert demo.national_id.encode() not in database.read()


@pytest.mark.parametrize("message", ["", "   ", "😀😀😀", "ا" * 5000, "مرحبا " * 1000])
def test_bad_input_gets_a_clear_arabic_reply(rasa_stack, message):
    replies = rasa_stack.say(new_sender(), message)
    assert replies, "no reply at all"
    assert any(any("\u0600" <= ch <= "\u06ff" for ch in (m.get("text") or "")) for m in replies)


def test_why_do_you_ask_explains_then_asks_the_same_question(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف هل انا مستحق")
    rasa_stack.say(sender, "ايوه")
    before = requested_slot(rasa_stack, sender)
    replies = rasa_stack.say(sender, "ليش تسأل؟")
    explanation = yaml.safe_load(Path("domain.yml").read_text(encoding="utf-8"))["responses"][
        f"utter_explain_{before}"
    ][0]["text"]
    assert explanation in texts(replies)
    assert requested_slot(rasa_stack, sender) == before


@pytest.mark.parametrize("confused", ["ما فهمت وش تقصد", "مش فاهم يعني ايه"])
def test_not_understanding_the_question_explains_it_and_records_nothing(rasa_stack, confused):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف هل انا مستحق")
    before = requested_slot(rasa_stack, sender)
    replies = rasa_stack.say(sender, confused)
    explanation = yaml.safe_load(Path("domain.yml").read_text(encoding="utf-8"))["responses"][
        f"utter_explain_{before}"
    ][0]["text"]
    assert explanation in texts(replies)
    assert requested_slot(rasa_stack, sender) == before
    assert rasa_stack.tracker(sender)["slots"][before] is None  # not read as a "no"


def test_start_over_clears_answers_and_asks_the_first_question(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف هل انا مستحق")
    rasa_stack.say(sender, "ايوه")
    rasa_stack.say(sender, "ايوه")
    rasa_stack.say(sender, "ابدأ من جديد")
    tracker = rasa_stack.tracker(sender)
    assert tracker["slots"]["is_saudi"] is None
    assert tracker["slots"]["requested_slot"] == "is_saudi"


def test_three_unreadable_answers_offer_a_human(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف هل انا مستحق")
    rasa_stack.say(sender, "ايوه")
    rasa_stack.say(sender, "ايوه")
    replies = []
    for _ in range(3):
        replies = rasa_stack.say(sender, "العدد كبير شوي")
    assert any(b.get("payload") == "/human_handoff" for m in replies for b in m.get("buttons") or [])


@pytest.mark.parametrize("body", ['["a", "b"]', '"just a string"', "42", '{"sender": "u", "message": 5}', "{not json"])
def test_unusable_rest_body_gets_400_not_500(rasa_stack, body):
    import httpx

    response = httpx.post(
        f"{rasa_stack.rasa_url}/webhooks/rest/webhook",
        content=body.encode(),
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400


def test_restart_command_gets_a_reply(rasa_stack):
    replies = rasa_stack.say(new_sender(), "/restart")
    assert texts(replies).strip()


def test_message_not_understood_outside_a_form_gets_one_reply(rasa_stack):
    replies = rasa_stack.say(new_sender(), "ايوه")
    assert 1 <= len([m for m in replies if m.get("text")]) <= 2
