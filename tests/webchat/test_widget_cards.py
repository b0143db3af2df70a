"""Result cards for the eligibility and status payloads, and what the browser stores."""
from __future__ import annotations

import json

import pytest

from tests.webchat import chat_page as chat

INELIGIBLE = {"eligible": False, "failed_conditions": ["monthly_income", "has_bank_account"],
              "threshold_sar": 3300, "counted_income_sar": 4150, "estimated_support_sar": 0,
              "rules_version": "2023-11-01"}
ELIGIBLE = {"eligible": True, "failed_conditions": [], "threshold_sar": 2640,
            "counted_income_sar": 1075, "estimated_support_sar": 1565, "rules_version": "2023-11-01"}
FAILED_LABELS = {"monthly_income": "أن يكون الدخل الشهري ضمن المبلغ المرجعي",
                 "has_bank_account": "وجود حساب بنكي باسمك لاستلام الدعم"}


def grouped(amount: int) -> str:
    return f"{amount:,}"


def show_payload(page, bot, webchat_url, custom: dict, wrapper: str = "as_is") -> None:  # type: ignore[no-untyped-def]
    bot.set_reply("النتيجة", [{"text": "هذه نتيجة التحقق:", "custom": custom}], custom_wrapper=wrapper)
    chat.open_chat(page, webchat_url)
    chat.wait_for_greeting(page)
    chat.send(page, "النتيجة")
    page.wait_for_selector("#messages .card", timeout=chat.TIMEOUT_MS)


def field(page, name: str) -> str:  # type: ignore[no-untyped-def]
    return page.inner_text(f"#messages .card [data-field='{name}']").strip()


@pytest.mark.parametrize("wrapper", ["as_is", "custom"])
@pytest.mark.parametrize("payload", [INELIGIBLE, ELIGIBLE], ids=["ineligible", "eligible"])
def test_eligibility_card_shows_every_field_of_the_payload(page, bot, webchat_url, payload, wrapper) -> None:
    show_payload(page, bot, webchat_url, {"eligibility_result": payload}, wrapper)

    assert page.locator("#messages .card--eligibility").count() == 1
    badge = page.locator("#messages .card [data-field='eligible']")
    assert badge.get_attribute("data-value") == str(payload["eligible"]).lower()
    assert badge.inner_text() == ("مؤهل مبدئيًا" if payload["eligible"] else "غير مؤهل حسب إجاباتك")
    assert grouped(payload["threshold_sar"]) in field(page, "threshold_sar")
    assert grouped(payload["counted_income_sar"]) in field(page, "counted_income_sar")
    support = field(page, "estimated_support_sar")
    assert grouped(payload["estimated_support_sar"]) in support and "تقديري" in support
    assert field(page, "rules_version") == payload["rules_version"]
    failed = page.locator("#messages .card__failed li")
    assert failed.all_inner_texts() == [FAILED_LABELS[s] for s in payload["failed_conditions"]]
    assert [failed.nth(i).get_attribute("data-slot") for i in range(failed.count())] == payload["failed_conditions"]


def test_unknown_failed_condition_is_still_listed_by_its_name(page, bot, webchat_url) -> None:
    payload = dict(INELIGIBLE, failed_conditions=["follows_ministry_rules"])
    show_payload(page, bot, webchat_url, {"eligibility_result": payload})

    assert page.locator("#messages .card__failed li").all_inner_texts() == ["follows_ministry_rules"]


@pytest.mark.parametrize("status, label, expected_by, reason", [
    ("under_review", "قيد الدراسة", "2024-03-21", None),
    ("ineligible", "غير مستحق", None, "الدخل أعلى من المبلغ المرجعي"),
    ("not_found", "لم نجد طلبًا بهذه البيانات", None, None),
])
def test_status_card_shows_status_expected_date_and_reason(page, bot, webchat_url, status, label,
                                                           expected_by, reason) -> None:
    show_payload(page, bot, webchat_url, {"application_status": {
        "status": status, "decision_expected_by": expected_by, "reason": reason}})

    assert page.locator("#messages .card--status").count() == 1
    assert field(page, "status") == label
    dates = page.locator("#messages .card [data-field='decision_expected_by']")
    assert dates.all_inner_texts() == ([expected_by] if expected_by else [])
    reasons = page.locator("#messages .card [data-field='reason']")
    assert reasons.all_inner_texts() == ([reason] if reason else [])


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


@pytest.mark.parametrize("text", ["دخلي 1,100 ريال", "عمري 45 وعندي 3 عيال", "التاريخ 2023-11-01"])
def test_amounts_ages_and_dates_are_not_masked(page, webchat_url, text) -> None:
    page.goto(webchat_url)
    masked = page.evaluate("text => import('/static/storage.js').then(m => m.maskPii(text))", text)

    assert masked == text
