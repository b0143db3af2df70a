"""The eligibility answer slots hold typed values only (issue 15: "slots hold typed
values"). The form's validation action is run whole, as Rasa calls it after a reply,
and every SlotSet it returns for an answer slot carries a bool, a number or None."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher

import eligibility
from actions.answer_check import CHECK_SLOT
from actions.eligibility_form import ValidateEligibilityForm
from tests.actions.conftest import ROOT, make_tracker

form = ValidateEligibilityForm()
READ_SLOTS = (*eligibility.ANSWER_SLOTS, CHECK_SLOT)

# Replies as people type them, readable or not, to each question.
REPLIES = ["ايوه", "لا والله", "عندي ٣ عيال", "راتبي ١٥٠٠", "ما ادري", "👍", "/affirm", "بس الزوجة", "٨ ٠٠٠ ريال"]


# Typed answers of a family that is asked every question but the age (some wealth).
HOUSEHOLD: dict[str, Any] = {
    "is_saudi": True, "nationality_exception": False, "resides_in_ksa": True, "dependents_count": 3,
    "age": 40, "earned_income": 1000, "other_income": 0, "has_high_value_assets": True,
    "assets_value": 1200, "has_bank_account": True, "lives_in_care_facility": False,
    "has_children": True, "meets_education_health": True, "has_able_to_work_members": True,
    "accepts_rehabilitation": True,
}  # fmt: skip


def _answers_before(slot: str) -> dict[str, Any]:
    """The typed answers given before the form asks `slot`, in the order it asks them
    (the age is asked only of a person applying alone, the nationality exception only of
    a non-Saudi, whether anyone can work only of a household without earned income)."""
    variants = (
        HOUSEHOLD,
        {**HOUSEHOLD, "dependents_count": 0},
        {**HOUSEHOLD, "is_saudi": False, "nationality_exception": True},
        {**HOUSEHOLD, "earned_income": 0, "other_income": 1000},
    )
    for household in variants:
        answers: dict[str, Any] = {}
        for _ in range(len(READ_SLOTS) + 1):
            upcoming = eligibility.next_question(answers) or CHECK_SLOT
            if upcoming == slot:
                return answers
            if upcoming == CHECK_SLOT:
                break
            answers[upcoming] = household[upcoming]
    raise AssertionError(f"the form never asks {slot}")


def _run(slot: str, text: str, intent: str = "inform", domain: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    slots = {**_answers_before(slot), "requested_slot": slot}
    tracker = make_tracker(slots=slots, text=text, intent=intent)
    return asyncio.run(form.run(CollectingDispatcher(), tracker, domain or _domain()))


def _domain() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "domain.yml").read_text())


def test_no_answer_slot_is_mapped_from_raw_text() -> None:
    slots = _domain()["slots"]
    for name in READ_SLOTS:
        assert slots[name]["type"] in ("bool", "float"), name
        assert [m["type"] for m in slots[name]["mappings"]] == ["custom"], name


@pytest.mark.parametrize("slot", READ_SLOTS)
@pytest.mark.parametrize("text", REPLIES)
def test_a_reply_sets_its_slot_to_a_typed_value_or_nothing(slot: str, text: str) -> None:
    domain = _domain()
    try:
        events = _run(slot, text, domain=domain)
    except Exception as rejected:  # the form may reject a reply it cannot use at all
        assert type(rejected).__name__ == "ActionExecutionRejection"
        return
    assert events, "the form's run returned nothing"
    for event in events:
        if event.get("event") == "slot" and event["name"] in READ_SLOTS:
            assert not isinstance(event["value"], str), (slot, text, event)
            kind = domain["slots"][event["name"]]["type"]
            allowed = (bool,) if kind == "bool" else (int, float)
            assert event["value"] is None or isinstance(event["value"], allowed), (slot, text, event)


def test_a_readable_reply_is_read_in_the_same_run() -> None:
    events = _run("is_saudi", "ايوه سعودي")
    assert {"event": "slot", "name": "is_saudi", "value": True} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]
    counts = [e["value"] for e in _run("dependents_count", "الزوجة وثلاث عيال") if e.get("name") == "dependents_count"]
    assert counts == [4]


@pytest.mark.parametrize("intent", ["faq", "ask_why", "start_over", "human_handoff", "check_status"])
def test_a_question_in_the_middle_is_not_taken_as_the_answer(intent: str) -> None:
    events = _run("earned_income", "كم مبلغ الدعم ٣٠٠٠", intent=intent)
    assert not [e for e in events if e.get("event") == "slot" and e["name"] in READ_SLOTS]


def test_text_left_by_a_validator_never_leaves_the_action(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ValidateEligibilityForm, "validate_is_saudi", lambda self, value, *rest: {"is_saudi": value})
    events = _run("is_saudi", "ايوه")
    assert [e["value"] for e in events if e.get("name") == "is_saudi"] == [None]
