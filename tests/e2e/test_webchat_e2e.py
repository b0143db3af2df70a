"""The web chat page against the real assistant: a whole eligibility check in
Chromium, clicking the bot's buttons and typing dialect answers.

Each turn waits for the bot to finish (its tracker ends on action_listen and the
page shows at least as many bot messages as the tracker holds), never for a
fixed time. The question asked is read from the page and from the tracker's
requested_slot, and answered the way a person would.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import eligibility
from tests.e2e.conversation_driver import ELIGIBLE_APPLICANT
from tests.webchat import chat_page as chat
from tests.webchat.servers import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE

pytestmark = pytest.mark.e2e

# Yes/no questions are answered with the bot's buttons; the others are typed.
# "answers_confirmed" is the check before the verdict ("صحيح" is /affirm).
BUTTON_ANSWERS = {
    "is_saudi": True,
    "nationality_exception": False,
    "resides_in_ksa": True,
    "has_high_value_assets": False,
    "has_bank_account": True,
    "lives_in_care_facility": False,
    "has_children": True,
    "meets_education_health": True,
    "has_able_to_work_members": True,
    "accepts_rehabilitation": True,
    "answers_confirmed": True,
}
TYPED_VALUES = {"age": 45, "dependents_count": 3, "earned_income": 1100, "other_income": 0}
# "عندي ٣ عيال" also says that the dependents are the applicant's children.
IMPLIED = {"dependents_count": {"has_children": True}}
TURN_TIMEOUT_S = 60


@pytest.fixture
def page(rasa_stack, tmp_path: Path) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    if not rasa_stack.webchat_url:
        pytest.fail("The stack was started without the web chat server.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=DESKTOP,
            locale="ar-SA",
        )
        context.set_default_timeout(TURN_TIMEOUT_S * 1000)
        yield context.pages[0] if context.pages else context.new_page()
        context.close()


def wait_for_bot_turn(rasa_stack, page, session_id: str, user_turns: int) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Return the tracker once the bot has answered the user's `user_turns`-th message."""
    deadline = time.monotonic() + TURN_TIMEOUT_S
    while time.monotonic() < deadline:
        tracker = rasa_stack.tracker(session_id)
        events = tracker.get("events", [])
        users = sum(1 for e in events if e.get("event") == "user")
        finished = bool(events) and events[-1].get("event") == "action" and events[-1].get("name") == "action_listen"
        if users >= user_turns and finished:
            bots = sum(1 for e in events if e.get("event") == "bot")
            chat.wait_for_count(page, "#messages .msg--bot", bots)
            return tracker
        page.wait_for_timeout(200)  # polling interval for the tracker API, not a guess at timing
    raise AssertionError(f"the bot did not finish turn {user_turns} within {TURN_TIMEOUT_S} s")


def requested_slot(tracker: dict[str, Any]) -> str | None:
    if not (tracker.get("active_loop") or {}).get("name"):
        return None
    return tracker.get("slots", {}).get("requested_slot")


def click_yes_or_no(page, yes: bool) -> None:  # type: ignore[no-untyped-def]
    payload = "/affirm" if yes else "/deny"
    page.locator(f"#messages .quick-replies__button[data-payload='{payload}']").last.click()


def test_whole_eligibility_check_in_the_web_chat_survives_a_reload(rasa_stack, page) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    chat.open_chat(page, rasa_stack.webchat_url)
    session_id = chat.session_id(page)
    turns = 1  # the widget greets a new session by itself
    wait_for_bot_turn(rasa_stack, page, session_id, turns)
    assert chat.texts(page, chat.BOT_BUBBLES), "the bot did not greet"

    chat.send(page, "السلام عليكم")
    turns += 1
    wait_for_bot_turn(rasa_stack, page, session_id, turns)
    page.locator("#messages .quick-replies__button[data-payload='/check_eligibility']").last.click()
    turns += 1

    answered: dict[str, Any] = {}
    for _ in range(len(BUTTON_ANSWERS) + len(TYPED_VALUES) + 3):
        tracker = wait_for_bot_turn(rasa_stack, page, session_id, turns)
        slot = requested_slot(tracker)
        if slot is None:
            break
        question = chat.texts(page, chat.BOT_BUBBLES)[-1]
        assert question and "{" not in question, f"unreadable question for {slot}: {question!r}"
        if slot in BUTTON_ANSWERS:
            click_yes_or_no(page, BUTTON_ANSWERS[slot])
            answered[slot] = BUTTON_ANSWERS[slot]
        else:
            chat.send(page, ELIGIBLE_APPLICANT[slot])
            answered[slot] = TYPED_VALUES[slot]
            answered.update(IMPLIED.get(slot, {}))
        turns += 1

    page.wait_for_selector("#messages .card--eligibility")
    answered.pop("answers_confirmed", None)
    expected = eligibility.assess(answered).to_payload()
    card = page.locator("#messages .card--eligibility").last
    assert card.locator("[data-field='eligible']").get_attribute("data-value") == str(expected["eligible"]).lower()
    shown_fields = ["threshold_sar", "counted_income_sar"] + (["estimated_support_sar"] if expected["eligible"] else [])
    for name in shown_fields:
        assert chat.shown(f"{expected[name]:,}") in card.locator(f"[data-field='{name}']").inner_text(), name
    if expected["eligible"]:
        assert "تقديري" in card.locator("[data-field='estimated_support_sar']").inner_text()
    assert card.locator("[data-field='rules_version']").inner_text().strip() == chat.shown(expected["rules_period"])
    # Nothing on the page is wider than the screen, and the page is one screen tall.
    page.mouse.wheel(0, 5000)
    assert page.evaluate("document.documentElement.scrollHeight") == DESKTOP["height"]
    page.screenshot(path=str(ARTIFACTS / "webchat_e2e_desktop.png"))

    bot_before, user_before = chat.texts(page, chat.BOT_BUBBLES), chat.texts(page, chat.USER_BUBBLES)
    page.reload()
    chat.wait_until_ready(page)
    assert chat.session_id(page) == session_id
    assert chat.texts(page, chat.BOT_BUBBLES) == bot_before
    assert chat.texts(page, chat.USER_BUBBLES) == user_before
    assert page.locator("#messages .card--eligibility").count() == 1

    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(ARTIFACTS / "webchat_e2e_phone.png"))
