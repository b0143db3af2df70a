"""The widget in a real Chromium against a fake Rasa socket.io channel."""

from __future__ import annotations

from tests.webchat import chat_page as chat
from tests.webchat.fake_rasa import FALLBACK_REPLY, GREETING, GREETING_BUTTONS


def test_new_visitor_is_greeted_by_the_bot_with_its_buttons(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)

    assert chat.texts(page, chat.BOT_BUBBLES) == [GREETING]
    assert chat.texts(page, chat.QUICK_REPLIES) == [b["title"] for b in GREETING_BUTTONS]
    # A first visit asks for a new session and greets it once, silently.
    assert bot.session_requests()[0] == {"session_id": None}
    assert [m["message"] for m in bot.user_messages()] == ["/greet"]
    assert bot.user_messages()[0]["session_id"] == chat.session_id(page)
    assert chat.count(page, chat.USER_BUBBLES) == 0


def test_typed_message_is_sent_with_the_session_id_and_the_reply_is_shown(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send_and_wait_for_reply(page, "وش شروط الضمان؟")

    assert chat.texts(page, chat.USER_BUBBLES) == ["وش شروط الضمان؟"]
    assert chat.texts(page, chat.BOT_BUBBLES)[-1] == FALLBACK_REPLY
    assert bot.user_messages()[-1] == {"message": "وش شروط الضمان؟", "session_id": chat.session_id(page)}
    assert page.input_value("#input") == ""


def test_clicking_a_quick_reply_sends_its_payload_and_shows_its_title(page, bot, webchat_url) -> None:
    bot.set_reply(
        "/check_eligibility",
        [
            {
                "text": "هل أنت سعودي الجنسية؟",
                "buttons": [{"title": "نعم", "payload": "/affirm"}, {"title": "لا", "payload": "/deny"}],
            }
        ],
    )
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    page.get_by_role("button", name="تحقق من أهليتي").click()
    chat.wait_for_count(page, chat.BOT_BUBBLES, 2)

    assert bot.user_messages()[-1]["message"] == "/check_eligibility"
    assert chat.texts(page, chat.USER_BUBBLES) == ["تحقق من أهليتي"]
    # The greeting's buttons are gone; only the new question's remain.
    assert chat.texts(page, chat.QUICK_REPLIES) == ["نعم", "لا"]


def test_typing_indicator_shows_until_the_bot_answers(page, bot, webchat_url) -> None:
    bot.set_reply("بطيء", [{"text": "هذا رد متأخر قليلًا."}], delay_s=1.5)
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    assert page.is_hidden("#typing")

    chat.send(page, "بطيء")
    page.wait_for_selector("#typing", state="visible", timeout=1000)
    page.wait_for_selector("#typing", state="hidden", timeout=chat.TIMEOUT_MS)

    assert chat.texts(page, chat.BOT_BUBBLES)[-1] == "هذا رد متأخر قليلًا."


def test_typing_indicator_gives_up_after_its_timeout_and_says_so(page, bot, webchat_url) -> None:
    bot.set_reply("صمت", [])
    page.route(
        "**/config.js",
        lambda route: route.fulfill(
            content_type="text/javascript",
            body=f"window.WEBCHAT_CONFIG = {{socketUrl: '{bot.url}', socketPath: '/socket.io', "
            "transports: ['websocket'], initPayload: '', typingTimeoutMs: 1500, maxLength: 1000};",
        ),
    )
    chat.open_chat(page, webchat_url)
    chat.send(page, "صمت")
    page.wait_for_selector("#typing", state="visible", timeout=1000)
    page.wait_for_selector("#typing", state="hidden", timeout=5000)

    assert "تأخر رد المساعد" in page.inner_text("#status")


def test_reload_keeps_the_history_and_the_session(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send_and_wait_for_reply(page, "السلام عليكم")
    before_bot, before_user, sid = (
        chat.texts(page, chat.BOT_BUBBLES),
        chat.texts(page, chat.USER_BUBBLES),
        chat.session_id(page),
    )

    page.reload()
    chat.wait_until_ready(page)

    assert chat.texts(page, chat.BOT_BUBBLES) == before_bot
    assert chat.texts(page, chat.USER_BUBBLES) == before_user
    assert chat.session_id(page) == sid
    assert bot.session_requests()[-1] == {"session_id": sid}
    # The restored conversation is not greeted a second time.
    assert [m["message"] for m in bot.user_messages()].count("/greet") == 1


def test_new_conversation_button_clears_history_and_gets_a_new_session(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send_and_wait_for_reply(page, "السلام عليكم")
    old_sid = chat.session_id(page)

    page.get_by_role("button", name="محادثة جديدة").click()
    page.get_by_role("button", name="نعم، ابدأ محادثة جديدة").click()
    page.wait_for_function(
        "old => { const id = document.querySelector('#chat').dataset.sessionId; return id && id !== old; }", arg=old_sid
    )
    chat.wait_for_greeting(page)

    new_sid = chat.session_id(page)
    assert chat.texts(page, chat.USER_BUBBLES) == []
    assert chat.texts(page, chat.BOT_BUBBLES) == [GREETING]
    assert bot.session_requests()[-1] == {"session_id": None}
    assert bot.user_messages()[-1] == {"message": "/greet", "session_id": new_sid}
    assert "السلام عليكم" not in (chat.stored(page, "dhaman.webchat.transcript.v1") or "")
    page.reload()
    chat.wait_until_ready(page)
    assert chat.session_id(page) == new_sid


def test_enter_sends_but_empty_input_and_shift_enter_do_not(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    sent_before = len(bot.user_messages())

    page.focus("#input")
    page.keyboard.press("Enter")
    page.keyboard.type("   ")
    page.keyboard.press("Enter")
    assert chat.count(page, chat.USER_BUBBLES) == 0

    page.keyboard.type("سطر أول")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("سطر ثاني")
    assert chat.count(page, chat.USER_BUBBLES) == 0
    page.keyboard.press("Enter")
    bot.wait_for(lambda b: len(b.user_messages()) == sent_before + 1)

    assert bot.user_messages()[-1]["message"] == "سطر أول\nسطر ثاني"
    assert page.inner_text(chat.USER_BUBBLES).endswith("سطر أول\nسطر ثاني")


def test_bot_text_is_shown_as_text_with_its_line_breaks(page, bot, webchat_url) -> None:
    hostile = '<img src=x onerror="window.__pwned = 1"><b>عريض</b>'
    bot.set_reply("html", [{"text": hostile + "\nالسطر الثاني"}])
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send_and_wait_for_reply(page, "html")

    assert chat.texts(page, chat.BOT_BUBBLES)[-1] == chat.shown(hostile + "\nالسطر الثاني")
    assert page.locator("#messages img, #messages b").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_long_input_is_cut_at_the_limit_with_a_visible_counter_and_note(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)
    assert page.is_hidden("#limit-note")
    page.focus("#input")
    page.keyboard.insert_text("ا" * 1200)

    assert len(page.input_value("#input")) == 1000
    assert page.inner_text("#counter") == chat.shown("1000 من 1000")
    assert page.is_visible("#limit-note")
    page.fill("#input", "")
    page.keyboard.insert_text("مرحبا")
    assert page.inner_text("#counter") == chat.shown("5 من 1000")
    assert page.is_hidden("#limit-note")


def test_lost_connection_shows_reconnecting_message_and_recovers(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    sid = chat.session_id(page)

    bot.call(bot.disconnect_all)
    page.wait_for_selector("#chat[data-connection='disconnected']", timeout=5000)
    assert page.inner_text("#status") == "انقطع الاتصال، نحاول إعادة الاتصال…"

    chat.wait_until_ready(page)
    assert page.is_hidden("#status")
    assert bot.session_requests()[-1] == {"session_id": sid}
    chat.send_and_wait_for_reply(page, "رجعت")
    assert chat.texts(page, chat.BOT_BUBBLES)[-1] == FALLBACK_REPLY
