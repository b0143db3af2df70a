"""Direction, font, keyboard use, phone layout, screenshots and page weight."""

from __future__ import annotations

import json

from tests.webchat import chat_page as chat
from tests.webchat.servers import DESKTOP, PHONE
from tests.webchat.test_widget_cards import INELIGIBLE

# A budget, not a measurement: well above today's size, low enough to catch a
# bundler or a second library sneaking in.
JS_BUDGET_BYTES = 120_000
LOAD_BUDGET_MS = 3_000
LONG_WORD = "الضمان" * 40
LINK = "https://sbis.hrsd.gov.sa/" + "x" * 120


def fill_conversation(page, bot, webchat_url) -> None:  # type: ignore[no-untyped-def]
    """A conversation with every kind of content the widget draws, ending on a
    question with buttons."""
    yes_no = [{"title": "نعم", "payload": "/affirm"}, {"title": "لا", "payload": "/deny"}]
    bot.set_reply("/check_eligibility", [{"text": "هل أنت سعودي الجنسية؟", "buttons": yes_no}])
    bot.set_reply("طويل", [{"text": f"كلمة طويلة: {LONG_WORD}\nرابط: {LINK}"}])
    bot.set_reply(
        "النتيجة",
        [
            {"text": "هذه نتيجة التحقق المبدئي:", "custom": {"eligibility_result": INELIGIBLE}},
            {"text": "هل أقدر أساعدك في شيء آخر؟", "buttons": yes_no},
        ],
    )
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    page.get_by_role("button", name="تحقق من أهليتي").click()
    page.get_by_role("button", name="نعم").click()
    chat.wait_for_count(page, chat.BOT_BUBBLES, 3)
    chat.send_and_wait_for_reply(page, "طويل")
    chat.send(page, "النتيجة")
    page.get_by_role("button", name="نعم").wait_for()


def test_page_is_arabic_right_to_left(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)

    assert page.get_attribute("html", "lang") == "ar"
    assert page.get_attribute("html", "dir") == "rtl"
    for selector in ("body", "#messages", "#input"):
        assert page.eval_on_selector(selector, "n => getComputedStyle(n).direction") == "rtl", selector


def test_arabic_web_font_is_loaded_from_this_server_and_applied(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    page.evaluate("document.fonts.ready")

    family = page.eval_on_selector(chat.BOT_BUBBLES, "n => getComputedStyle(n).fontFamily")
    assert family.startswith('"Noto Sans Arabic"')
    assert page.evaluate(
        "[...document.fonts].some(f => f.family.includes('Noto Sans Arabic') && f.status === 'loaded')"
    )
    fonts = page.evaluate("performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.woff2'))")
    assert any(name.startswith(webchat_url + "/vendor/noto-sans-arabic/files/") for name in fonts)


def test_message_list_and_controls_have_accessible_names(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)

    log = page.locator("#messages")
    # The list is not live itself: #announcer reads each new bot message once.
    assert (log.get_attribute("role"), log.get_attribute("aria-live")) == ("log", "off")
    assert page.get_attribute("#announcer", "aria-live") == "polite"
    assert page.get_by_label("اكتب رسالتك إلى المساعد").count() == 1
    assert page.get_by_role("button", name="إرسال الرسالة").count() == 1
    assert page.get_by_role("button", name="محادثة جديدة").count() == 1


def test_tab_reaches_quick_replies_with_a_visible_focus_and_enter_presses_them(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    page.locator("body").focus()

    reached = False
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('quick-replies__button')"):
            reached = True
            break
    assert reached, "Tab never reached a quick-reply button"
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline[0] != "none" and outline[1] >= 2
    payload = page.evaluate("document.activeElement.dataset.payload")

    page.keyboard.press("Enter")
    bot.wait_for(lambda b: b.user_messages()[-1]["message"] == payload)
    # Focus moves back to the input, so the next answer can be typed at once.
    assert page.evaluate("document.activeElement.id") == "input"


def test_phone_width_has_no_horizontal_scroll(page, bot, webchat_url, artifacts_dir) -> None:
    page.set_viewport_size(PHONE)
    fill_conversation(page, bot, webchat_url)

    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate(
        "(() => { const m = document.querySelector('#messages'); return m.scrollWidth <= m.clientWidth; })()"
    )
    for selector in ("#messages .card", "#send", "#new-conversation", "#messages .quick-replies__button"):
        box = page.locator(selector).first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], selector
    page.screenshot(path=str(artifacts_dir / "webchat_phone.png"))


def test_desktop_screenshot_and_page_weight(page, bot, webchat_url, artifacts_dir) -> None:
    page.set_viewport_size(DESKTOP)
    fill_conversation(page, bot, webchat_url)
    page.screenshot(path=str(artifacts_dir / "webchat_desktop.png"))

    metrics = page.evaluate("""(() => {
        const scripts = performance.getEntriesByType('resource')
            .filter(e => new URL(e.name).pathname.endsWith('.js'));
        const nav = performance.getEntriesByType('navigation')[0];
        const ready = performance.getEntriesByName('webchat:session-confirmed')[0];
        return {
            js_files: scripts.length,
            js_transfer_bytes: scripts.reduce((sum, e) => sum + e.transferSize, 0),
            js_encoded_body_bytes: scripts.reduce((sum, e) => sum + e.encodedBodySize, 0),
            dom_content_loaded_ms: Math.round(nav.domContentLoadedEventEnd),
            load_event_ms: Math.round(nav.loadEventEnd),
            session_confirmed_ms: ready ? Math.round(ready.startTime) : null,
        };
    })()""")
    (artifacts_dir / "webchat_metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")

    assert metrics["js_files"] >= 8  # config.js, socket.io and the widget's six modules
    assert 0 < metrics["js_transfer_bytes"] <= JS_BUDGET_BYTES
    assert 0 < metrics["load_event_ms"] <= LOAD_BUDGET_MS
    assert metrics["session_confirmed_ms"] is not None
