"""Conversations that show what staff must read correctly: faq guesses on non-faq
messages, button presses, multi-line bot answers, and a phone number in the first message.

Saved through MaskingSQLTrackerStore like review_scenarios (same Script helper).
"""

from __future__ import annotations

import asyncio

from review_scenarios import DOMAIN, Script, at

YES_NO = [{"title": "نعم", "payload": "/affirm"}, {"title": "لا", "payload": "/deny"}]
MENU = [
    {"title": "أفحص أهليتي", "payload": "/check_eligibility"},
    {"title": "شروط الضمان", "payload": "ما هي شروط الضمان المطور؟"},
]
TWO_LINES = "السطر الأول من الجواب\nالسطر الثاني من الجواب"


def reading_scripts() -> list[Script]:
    # The response selector runs on every message: "ايوه" and "بس الزوجة" carry faq guesses.
    guesses = (
        Script("guesses", "socketio", at(20, 9))
        .user("ابي اعرف الشروط", "faq", 0.93, "faq/conditions")
        .bot(TWO_LINES, utter="utter_faq/conditions")
        .listen()
        .user("ايوه", "affirm", 1.0, "faq/objection")
        .listen()
        .user("بس الزوجة", "stop", 0.97, "faq/multiple_families")
        .listen()
    )
    buttons = (
        Script("buttons", "socketio", at(20, 10))
        .user("مرحبا", "greet", 0.99)
        .bot("أهلًا، اختر:", utter="utter_greet", buttons=MENU)
        .listen()
        .user("/check_eligibility", "check_eligibility", 1.0)
        .action("eligibility_form")
        .bot("هل أنت سعودي الجنسية؟", utter="utter_ask_is_saudi", buttons=YES_NO)
        .listen()
        .user("/affirm", "affirm", 1.0, "faq/objection")
        .slot("is_saudi", True)
        .listen()
        .bot("شروط الضمان كثيرة", buttons=MENU)
        .listen()
        .user("ما هي شروط الضمان المطور؟", "faq", 0.99, "faq/conditions")
        .listen()
    )
    phone_first = (
        Script("phone-first", "rest", at(21, 8))
        .user("جوالي 0551234567 ابي احد يتصل علي", "human_handoff", 0.9)
        .action("action_human_handoff")
        .bot("سأحوّلك إلى موظف", utter="utter_human_handoff")
        .listen()
    )
    return [guesses, buttons, phone_first]


def save_reading_trackers(url: str) -> None:
    from rasa_extensions.masking_tracker_store import MaskingSQLTrackerStore

    store = MaskingSQLTrackerStore(domain=DOMAIN, url=url)
    for script in reading_scripts():
        asyncio.run(store.save(script.tracker()))
    store.engine.dispose()
