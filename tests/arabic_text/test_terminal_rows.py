"""The terminal chat's rows: wrapped to the width first, then reordered; cards as lines."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from arabic_text.card_text import card_lines
from arabic_text.display import FSI, PDI, display_digits, for_plain_text, format_date
from arabic_text.terminal import display_rows, shape_line, text_width
from runner.chat import PROMPT, Printer, chosen_button, render

LONG_ANSWERS = [
    "طريقة التقديم: ادخل منصة الدعم والحماية الاجتماعية sbis.hrsd.gov.sa ثم سجل الدخول عبر "
    "النفاذ الوطني الموحد واختر تقديم طلب الضمان الاجتماعي المطور وعبئ بيانات الأسرة بدقة.",
    "الحد المرجعي للدخل الشهري من 2023-11-01 هو 1,100 ريال لرب الأسرة، ويضاف 550 ريال عن كل "
    "تابع، ويحسب 80٪ من دخل العمل وكامل الدخل الآخر، وللتواصل اتصل على 19911.",
    "كلمةطويلةجدابدونمسافاتتتجاوزعرضالشاشةكلهاولاتنتهيبسرعةأبداأبداأبدا ثم كلام عادي بعدها.",
    "اكتب رسالتك، أو /quit للخروج، وإذا أردت البدء من جديد اكتب /restart في أي وقت تريده.",
]


def _words(text: str) -> list[str]:
    return [w for w in text.replace("\n", " ").split(" ") if w]


@pytest.mark.parametrize("width", [40, 80])
@pytest.mark.parametrize("answer", LONG_ANSWERS)
def test_every_printed_row_fits_the_width_and_rows_keep_the_sentence_order(answer, width):
    logical = display_rows(answer, width, shape="never")
    shaped = display_rows(answer, width, shape="always")

    assert len(logical) == len(shaped)
    for row in logical + shaped:
        assert text_width(row) <= width, row
    # Wrapping came first: each shaped row is exactly its logical row reordered, so the
    # first half of the sentence is on the first row and no word is split at a space.
    assert shaped == [shape_line(row) for row in logical]
    assert " ".join(logical).split() == [w for w in answer.split() if len(w) <= width] or "".join(logical).replace(
        " ", ""
    ) == answer.replace(" ", "")
    if all(len(word) <= width for word in _words(answer)):
        assert [w for row in logical for w in row.split()] == _words(answer)


@pytest.mark.parametrize("width", [40, 80])
def test_commands_and_links_come_out_whole_and_left_to_right(width):
    rows = display_rows(PROMPT + " sbis.hrsd.gov.sa", width, shape="always")
    joined = "\n".join(rows)
    assert "/quit" in joined and "quit/" not in joined
    assert "sbis.hrsd.gov.sa" in joined
    assert not any(ch in joined for ch in "\u2066\u2068\u2069\u200e")


def test_dates_stay_in_year_month_day_order_after_reordering():
    row = display_rows(for_plain_text("القرار المتوقع 2026-12-21 إن شاء الله", "latn"), 80, shape="always")[0]
    assert "2026-12-21" in row


@pytest.mark.parametrize(
    "style,typed,shown",
    [
        ("arab", "4", "٤"),
        ("arab", "٤", "٤"),
        ("latn", "٤", "4"),
        ("latn", "4", "4"),
        ("arab", "3,300 ريال", "٣٬٣٠٠ ريال"),
        ("latn", "۱۲۳", "123"),
    ],
)
def test_digits_follow_the_one_style_whatever_was_typed(style, typed, shown):
    assert display_digits(typed, style) == shown


def test_links_and_commands_keep_latin_digits():
    assert (
        display_digits("https://x.sa/a1 /step2 sbis2.hrsd.gov.sa", "arab") == "https://x.sa/a1 /step2 sbis2.hrsd.gov.sa"
    )


def test_plain_text_dates_are_wrapped_in_unicode_isolates():
    text = for_plain_text("ولدت 12-5-1980 وسجلت ١٤٤٥/٠٣/٠١", "latn")
    assert f"{FSI}12-5-1980{PDI}" in text and f"{FSI}1445/03/01{PDI}" in text
    assert for_plain_text(text, "latn") == text  # isolating twice changes nothing


def test_hijri_date_is_shown_next_to_the_gregorian():
    shown = format_date(dt.date(2026, 12, 21), "latn", with_hijri=True)
    assert "2026-12-21" in shown and "1448-" in shown and "هـ" in shown


INELIGIBLE = {
    "eligibility_result": {
        "eligible": False,
        "failed_conditions": ["monthly_income"],
        "threshold_sar": 2420,
        "counted_income_sar": 5000,
        "estimated_support_sar": 0,
        "rules_version": "2023-11-01",
        "failed_reasons": [
            {
                "condition": "monthly_income",
                "explanation_ar": "الدخل المحتسب أعلى من حد أسرتك",
                "remedy_ar": "إذا نقص دخلك فأعد الفحص",
            }
        ],
    }
}
ELIGIBLE = {
    "eligibility_result": {
        "eligible": True,
        "failed_conditions": [],
        "threshold_sar": 2420,
        "counted_income_sar": 900,
        "estimated_support_sar": 1520,
        "rules_version": "2023-11-01",
    }
}


@pytest.mark.parametrize("width", [40, 80])
def test_result_cards_print_as_short_lines_never_json(width, capsys):
    printer = Printer("never", width, style="arab")
    render(
        [
            {"text": "هذه نتيجتك"},
            {"custom": INELIGIBLE},
            {"custom": ELIGIBLE},
            {
                "custom": {
                    "application_status": {"status": "under_review", "decision_expected_by": "2026-12-21", "reason": ""}
                }
            },
        ],
        printer,
    )
    out = capsys.readouterr().out
    assert "{" not in out and "eligibility_result" not in out
    assert "غير مؤهل" in out and "الدخل المحتسب أعلى من حد أسرتك" in out and "أعد الفحص" in out
    assert not re.search(r"(?<![٠-٩٬])٠ ريال", out)  # a refusal never shows a zero amount
    assert "١٬٥٢٠ ريال" in out and "(تقديري)" in out
    assert "قيد الدراسة" in out and "هـ" in out
    for row in out.splitlines():
        assert text_width(row) <= width, row


def test_ineligible_card_without_failed_reasons_lists_condition_names():
    lines = card_lines({"eligibility_result": {"eligible": False, "failed_conditions": ["has_bank_account"]}})
    assert any("حساب بنكي" in line for line in lines)


@pytest.mark.parametrize("typed,index", [("1", 0), ("٢", 1), ("3", None), ("0", None), ("نعم", None)])
def test_buttons_are_chosen_by_number_in_either_digit_style(typed, index):
    buttons = [{"title": "نعم", "payload": "/affirm"}, {"title": "لا", "payload": "/deny"}]
    chosen = chosen_button(typed, buttons)
    assert chosen == (buttons[index] if index is not None else None)


def test_arabic_indic_dates_keep_their_order_and_brackets_stay_mirrored():
    row = display_rows(for_plain_text("القرار المتوقع 2026-12-21 (تقديري)", "arab"), 80, shape="always")[0]
    assert "٢٠٢٦-١٢-٢١" in row
    assert row.index("(") < row.index(")")  # the pair reads (…) on screen
