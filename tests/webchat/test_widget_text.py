"""What the widget does with the text it shows: one digit style, dates isolated from
the bidi algorithm, links and tel: links, one announcement per bot message, and a
new conversation only after the person confirms."""

from __future__ import annotations

import pytest

from tests.webchat import chat_page as chat
from tests.webchat.fake_rasa import GREETING
from tests.webchat.test_widget_cards import ELIGIBLE

ANNOUNCED = "#announcer p"


@pytest.mark.parametrize("typed", ["4", "٤", "۴"])
def test_what_the_person_typed_is_echoed_in_the_display_digit_style(page, bot, webchat_url, typed) -> None:
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send_and_wait_for_reply(page, f"عندي {typed} عيال")

    assert chat.texts(page, chat.USER_BUBBLES) == ["عندي ٤ عيال"]
    assert bot.user_messages()[-1]["message"] == f"عندي {typed} عيال"  # sent as typed


def test_bot_numbers_and_dates_share_one_style_and_dates_are_isolated(page, bot, webchat_url) -> None:
    bot.set_reply("تاريخ", [{"text": "اكتب رقم الهوية (١٠ أرقام)، الحد 3,300 ريال، ولدت 21-12-1990 و1410/06/03"}])
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send_and_wait_for_reply(page, "تاريخ")

    text = chat.texts(page, chat.BOT_BUBBLES)[-1]
    assert not any("0" <= ch <= "9" for ch in text), text
    assert "٣٬٣٠٠" in text
    dates = page.locator("#messages .msg--bot bdi[dir='ltr']").all_inner_texts()
    assert dates == ["٢١-١٢-١٩٩٠", "١٤١٠/٠٦/٠٣"]


def test_phone_numbers_are_tel_links_and_addresses_are_links(page, bot, webchat_url) -> None:
    bot.set_reply(
        "تواصل",
        [
            {
                "text": "اتصل على 19911 أو 0551234567، أو ادخل sbis.hrsd.gov.sa أو "
                "https://hrsd.gov.sa/ar/services. رقم هويتك 1*******08، والمبلغ 19950 ريال."
            }
        ],
    )
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send_and_wait_for_reply(page, "تواصل")

    links = page.eval_on_selector_all(
        "#messages .msg--bot a", "ns => ns.map(n => [n.getAttribute('href'), n.textContent])"
    )
    assert links == [
        ["tel:19911", "١٩٩١١"],
        ["tel:0551234567", "٠٥٥١٢٣٤٥٦٧"],
        ["https://sbis.hrsd.gov.sa", "sbis.hrsd.gov.sa"],
        ["https://hrsd.gov.sa/ar/services", "https://hrsd.gov.sa/ar/services"],
    ]


def test_each_new_bot_message_is_announced_once_and_a_reload_announces_nothing(page, bot, webchat_url) -> None:
    bot.set_reply("النتيجة", [{"text": "هذه نتيجتك"}, {"custom": {"eligibility_result": ELIGIBLE}}])
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send(page, "النتيجة")
    page.wait_for_selector("#messages .card")

    announced = page.locator(ANNOUNCED).all_inner_texts()
    assert len(announced) == 3  # greeting, text, card: once each, the user's own words never
    assert announced[0].endswith(GREETING) and announced[1].endswith("هذه نتيجتك")
    assert "مؤهل مبدئيًا" in announced[2]
    page.reload()
    chat.wait_until_ready(page)
    page.wait_for_selector("#messages .card")
    assert page.locator(ANNOUNCED).count() == 0


def test_new_conversation_asks_first_and_cancel_keeps_everything(page, bot, webchat_url) -> None:
    bot.set_reply("النتيجة", [{"custom": {"eligibility_result": ELIGIBLE}}])
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send(page, "النتيجة")
    page.wait_for_selector("#messages .card")
    sid = chat.session_id(page)

    page.get_by_role("button", name="محادثة جديدة").click()
    dialog = page.get_by_role("dialog", name="بدء محادثة جديدة؟")
    dialog.wait_for()
    # The old conversation stays readable behind the question.
    assert page.locator("#messages .card").is_visible()
    page.get_by_role("button", name="لا، أبقِ المحادثة").click()
    assert dialog.is_hidden()
    page.keyboard.press("Escape")
    assert page.locator("#messages .card").count() == 1 and chat.session_id(page) == sid
    assert page.evaluate("document.activeElement.id") == "new-conversation"

    page.get_by_role("button", name="محادثة جديدة").click()
    page.keyboard.press("Escape")
    assert page.locator("#messages .card").count() == 1 and chat.session_id(page) == sid


def test_confirmed_new_conversation_keeps_its_notice_after_the_greeting(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    page.get_by_role("button", name="محادثة جديدة").click()
    page.get_by_role("button", name="نعم، ابدأ محادثة جديدة").click()
    chat.wait_until_ready(page)
    chat.wait_for_greeting(page)
    page.wait_for_timeout(500)

    assert "بدأت محادثة جديدة" in page.inner_text("#status")
    chat.send_and_wait_for_reply(page, "مرحبا")
    assert page.is_hidden("#status")


def test_addresses_and_numbers_the_person_typed_are_not_made_links(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send_and_wait_for_reply(page, "جوالي 0551234567 وموقعي https://example.com/x")

    assert page.locator("#messages .msg--user a").count() == 0
    assert chat.texts(page, chat.USER_BUBBLES) == ["جوالي ٠٥٥١٢٣٤٥٦٧ وموقعي https://example.com/x"]
