"""The moments of a conversation the screen and accessibility tests look at, each
brought about through the fake Rasa server as a person would (typing, pressing)."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from tests.webchat import chat_page as chat
from tests.webchat.fake_rasa import GREETING, FakeRasa
from tests.webchat.test_widget_cards import ELIGIBLE, INELIGIBLE_EXPLAINED

YES_NO = [{"title": "نعم", "payload": "/affirm"}, {"title": "لا", "payload": "/deny"}]
FAQ_TEXT = (
    "أهم شروط الضمان المطور: أن تكون سعوديًا مقيمًا في المملكة، وأن يكون دخل أسرتك المحتسب "
    "أقل من المبلغ المرجعي (1,100 ريال لرب الأسرة).\nللتقديم: sbis.hrsd.gov.sa أو اتصل على 19911."
)
FAQ_BUTTONS = [
    {"title": "الشروط بالتفصيل", "payload": '/faq{"faq_topic":"conditions_detail"}'},
    {"title": "كيف أقدّم", "payload": '/faq{"faq_topic":"apply_steps"}'},
    {"title": "أفحص أهليتي", "payload": "/check_eligibility"},
]
STATUS = {"status": "under_review", "decision_expected_by": "2026-12-21", "reason": ""}


def _script(bot: FakeRasa) -> None:
    bot.set_reply("الشروط", [{"text": FAQ_TEXT, "buttons": FAQ_BUTTONS}])
    bot.set_reply("/check_eligibility", [{"text": "هل أنت سعودي الجنسية؟", "buttons": YES_NO}])
    bot.set_reply(
        "مؤهل", [{"text": "مؤهل مبدئيًا، الدعم التقديري 1,565 ريال شهريًا", "custom": {"eligibility_result": ELIGIBLE}}]
    )
    bot.set_reply(
        "غير مؤهل",
        [{"text": INELIGIBLE_EXPLAINED["summary_ar"], "custom": {"eligibility_result": INELIGIBLE_EXPLAINED}}],
    )
    bot.set_reply(
        "حالتي", [{"text": "طلبك قيد الدراسة، والقرار المتوقع 2026-12-21.", "custom": {"application_status": STATUS}}]
    )


def empty(page: Page, bot: FakeRasa, url: str) -> None:
    bot.set_reply("/greet", [{"text": GREETING}], delay_s=4)
    chat.open_chat(page, url)


def greeting(page: Page, bot: FakeRasa, url: str) -> None:
    _script(bot)
    chat.open_chat(page, url)
    chat.wait_for_greeting(page)


def faq(page: Page, bot: FakeRasa, url: str) -> None:
    greeting(page, bot, url)
    chat.send_and_wait_for_reply(page, "الشروط")
    page.get_by_role("button", name="الشروط بالتفصيل").wait_for()


def form_question(page: Page, bot: FakeRasa, url: str) -> None:
    greeting(page, bot, url)
    page.get_by_role("button", name="تحقق من أهليتي").click()
    page.get_by_role("button", name="نعم").wait_for()


def _card(message: str) -> Callable[[Page, FakeRasa, str], None]:
    def scene(page: Page, bot: FakeRasa, url: str) -> None:
        form_question(page, bot, url)
        chat.send(page, message)
        page.wait_for_selector("#messages .card", timeout=chat.TIMEOUT_MS)

    return scene


def long_conversation(page: Page, bot: FakeRasa, url: str) -> None:
    """Enough messages to overflow the list many times over (the page grew to ~3,800 px)."""
    faq(page, bot, url)
    for n in range(12):
        chat.send_and_wait_for_reply(page, f"سؤال رقم {n} عن الشروط والدخل والتقديم")
    chat.send(page, "غير مؤهل")
    page.wait_for_selector("#messages .card", timeout=chat.TIMEOUT_MS)


SCENES: dict[str, Callable[[Page, FakeRasa, str], None]] = {
    "empty": empty,
    "greeting": greeting,
    "faq": faq,
    "question_with_buttons": form_question,
    "eligible_card": _card("مؤهل"),
    "ineligible_card": _card("غير مؤهل"),
    "status_answer": _card("حالتي"),
    "long_conversation": long_conversation,
}
