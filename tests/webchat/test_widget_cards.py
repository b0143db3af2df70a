"""Result cards for the eligibility and status payloads, and what the browser stores."""

from __future__ import annotations

import json
import re

import pytest

from tests.webchat import chat_page as chat

INELIGIBLE = {
    "eligible": False,
    "failed_conditions": ["monthly_income", "has_bank_account"],
    "threshold_sar": 3300,
    "counted_income_sar": 4150,
    "estimated_support_sar": 0,
    "rules_version": "2023-11-01",
}
ELIGIBLE = {
    "eligible": True,
    "failed_conditions": [],
    "threshold_sar": 2640,
    "counted_income_sar": 1075,
    "estimated_support_sar": 1565,
    "rules_version": "2023-11-01",
}
# The same refusal with issue 10's additions.
INELIGIBLE_EXPLAINED = dict(
    INELIGIBLE,
    failed_reasons=[
        {
            "condition": "monthly_income",
            "explanation_ar": "دخلك المحتسب 4,150 ريال أعلى من حد أسرتك",
            "remedy_ar": "إذا نقص دخل الأسرة فأعد الفحص",
        },
        {
            "condition": "has_bank_account",
            "explanation_ar": "لا يوجد حساب بنكي باسمك",
            "remedy_ar": "افتح حسابًا بنكيًا ثم قدّم",
        },
    ],
    income_by_source={
        "earned_income_sar": 5000,
        "counted_earned_sar": 4000,
        "other_income_sar": 150,
        "assets_value_sar": 0,
        "wealth_monthly_sar": 0,
        "counted_sar": 4150,
    },
    summary_ar="غير مؤهل: الدخل أعلى من الحد",
)
FAILED_LABELS = {
    "monthly_income": "أن يكون الدخل الشهري ضمن المبلغ المرجعي",
    "has_bank_account": "وجود حساب بنكي باسمك لاستلام الدعم",
}
ZERO_AMOUNT = re.compile(r"(?<![0-9٠-٩٬,])[0٠] ريال")


def grouped(amount: int) -> str:
    return chat.shown(f"{amount:,}")


def show_payload(page, bot, webchat_url, custom: dict, wrapper: str = "as_is") -> None:  # type: ignore[no-untyped-def]
    bot.set_reply("النتيجة", [{"text": "هذه نتيجة التحقق:", "custom": custom}], custom_wrapper=wrapper)
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send(page, "النتيجة")
    page.wait_for_selector("#messages .card", timeout=chat.TIMEOUT_MS)


def field(page, name: str) -> str:  # type: ignore[no-untyped-def]
    return page.inner_text(f"#messages .card [data-field='{name}']").strip()


@pytest.mark.parametrize("wrapper", ["as_is", "custom"])
def test_eligible_card_shows_the_estimate_marked_as_an_estimate(page, bot, webchat_url, wrapper) -> None:
    show_payload(page, bot, webchat_url, {"eligibility_result": ELIGIBLE}, wrapper)

    assert page.locator("#messages .card--eligibility.card--ok").count() == 1
    badge = page.locator("#messages .card [data-field='eligible']")
    assert (badge.get_attribute("data-value"), badge.inner_text()) == ("true", "مؤهل مبدئيًا")
    support = field(page, "estimated_support_sar")
    assert grouped(ELIGIBLE["estimated_support_sar"]) in support and "تقديري" in support
    assert grouped(ELIGIBLE["threshold_sar"]) in field(page, "threshold_sar")
    assert grouped(ELIGIBLE["counted_income_sar"]) in field(page, "counted_income_sar")
    assert field(page, "rules_version") == chat.shown(ELIGIBLE["rules_version"])
    assert page.locator("#messages .card__failed li").count() == 0


@pytest.mark.parametrize("payload", [INELIGIBLE, INELIGIBLE_EXPLAINED], ids=["contract-only", "with-reasons"])
def test_ineligible_card_lists_each_failed_condition_with_what_to_do_and_never_a_zero(
    page, bot, webchat_url, payload
) -> None:
    show_payload(page, bot, webchat_url, {"eligibility_result": payload})

    card = page.locator("#messages .card--eligibility.card--not-ok")
    assert card.count() == 1
    assert page.inner_text("#messages .card [data-field='eligible']") == "غير مؤهل حسب إجاباتك"
    assert page.locator("#messages .card [data-field='estimated_support_sar']").count() == 0
    assert not ZERO_AMOUNT.search(card.inner_text())
    items = page.locator("#messages .card__failed li")
    assert [items.nth(i).get_attribute("data-slot") for i in range(items.count())] == payload["failed_conditions"]
    whats = page.locator("#messages .card__failed-what").all_inner_texts()
    if "failed_reasons" in payload:
        assert whats == [chat.shown(r["explanation_ar"]) for r in payload["failed_reasons"]]
        remedies = page.locator("#messages .card__remedy").all_inner_texts()
        assert [r["remedy_ar"] in text for r, text in zip(payload["failed_reasons"], remedies, strict=False)] == [
            True,
            True,
        ]
        assert grouped(5000) in card.locator(".card__details").text_content()  # income by source, folded
    else:
        assert whats == [FAILED_LABELS[s] for s in payload["failed_conditions"]]
        assert page.locator("#messages .card__remedy").count() == 2


def test_each_state_has_its_own_colour(page, bot, webchat_url) -> None:
    bot.set_reply(
        "الكل",
        [
            {"custom": {"eligibility_result": ELIGIBLE}},
            {"custom": {"eligibility_result": INELIGIBLE}},
            {"custom": {"application_status": {"status": "under_review", "decision_expected_by": "2026-12-21"}}},
        ],
    )
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send(page, "الكل")
    chat.wait_for_count(page, "#messages .card", 3)

    colours = page.eval_on_selector_all(
        "#messages .card__badge", "nodes => nodes.map(n => getComputedStyle(n).backgroundColor)"
    )
    assert len(set(colours)) == 3, colours


def test_unknown_failed_condition_is_still_listed_by_its_name(page, bot, webchat_url) -> None:
    payload = dict(INELIGIBLE, failed_conditions=["follows_ministry_rules"])
    show_payload(page, bot, webchat_url, {"eligibility_result": payload})

    assert page.locator("#messages .card__failed-what").all_inner_texts() == ["follows_ministry_rules"]


@pytest.mark.parametrize(
    "status, label, expected_by, hijri, reason",
    [
        ("under_review", "قيد الدراسة", "2024-03-21", "1445-09-11", None),
        ("ineligible", "غير مستحق", None, None, "الدخل أعلى من المبلغ المرجعي"),
        ("not_found", "لم نجد طلبًا بهذه البيانات", None, None, None),
    ],
)
def test_status_card_shows_status_expected_date_with_hijri_and_reason(
    page, bot, webchat_url, status, label, expected_by, hijri, reason
) -> None:
    show_payload(
        page,
        bot,
        webchat_url,
        {"application_status": {"status": status, "decision_expected_by": expected_by, "reason": reason}},
    )

    assert page.locator(f"#messages .card--status.card--status-{status}").count() == 1
    assert field(page, "status") == label
    dates = page.locator("#messages .card [data-field='decision_expected_by'] bdi[dir='ltr']").all_inner_texts()
    assert dates == ([chat.shown(expected_by), chat.shown(hijri)] if expected_by else [])
    reasons = page.locator("#messages .card [data-field='reason']")
    assert reasons.all_inner_texts() == ([reason] if reason else [])


def test_status_card_shows_the_day_results_come_out(page, bot, webchat_url) -> None:
    # The review ends on the 28th; results come out on the next 27th, a month later.
    status = {"status": "under_review", "decision_expected_by": "2026-12-28", "results_expected_on": "2027-01-27"}
    show_payload(page, bot, webchat_url, {"application_status": status})

    dates = page.locator("#messages .card [data-field='results_expected_on'] bdi[dir='ltr']").all_inner_texts()
    assert dates[0] == chat.shown("2027-01-27") and len(dates) == 2  # with its Hijri date


def test_cards_survive_a_reload(page, bot, webchat_url) -> None:
    show_payload(page, bot, webchat_url, {"eligibility_result": ELIGIBLE})
    page.reload()
    chat.wait_until_ready(page)

    assert page.locator("#messages .card--eligibility").count() == 1
    assert grouped(ELIGIBLE["estimated_support_sar"]) in field(page, "estimated_support_sar")


def test_national_id_and_phone_are_masked_in_browser_storage(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send_and_wait_for_reply(page, "رقم هويتي ١٠٠٠٠٠٠٠٠٨ وجوالي 055 123 4567")

    stored = chat.stored(page, "dhaman.webchat.transcript.v1")
    assert "1000000008" not in stored and "١٠٠٠٠٠٠٠٠٨" not in stored and "4567" not in stored
    user_texts = [e["text"] for e in json.loads(stored) if e["who"] == "user"]
    # webchat/static/pii_mask.js: digits keep their script and grouping (tests/pii_vectors.json).
    assert user_texts == ["رقم هويتي ١*******٠٨ وجوالي 05* *** **67"]
    # What the bot received is what the person typed: masking is for storage only.
    assert bot.user_messages()[-1]["message"] == "رقم هويتي ١٠٠٠٠٠٠٠٠٨ وجوالي 055 123 4567"


def test_masked_id_keeps_the_display_digits_after_a_reload(page, bot, webchat_url) -> None:
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send_and_wait_for_reply(page, "رقم هويتي ١٠٠٠٠٠٠٠٠٨")
    page.reload()
    chat.wait_until_ready(page)

    assert chat.texts(page, chat.USER_BUBBLES) == [chat.shown("رقم هويتي 1*******08")]


@pytest.mark.parametrize("text", ["دخلي 1,100 ريال", "عمري 45 وعندي 3 عيال", "التاريخ 2023-11-01"])
def test_amounts_ages_and_dates_are_not_masked(page, webchat_url, text) -> None:
    page.goto(webchat_url)
    masked = page.evaluate("text => import('/static/storage.js').then(m => m.maskPii(text))", text)

    assert masked == text
