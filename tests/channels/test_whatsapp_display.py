"""WhatsApp text in the assistant's one digit style, dates isolated, links left plain."""

from __future__ import annotations

import pytest

from arabic_text.display import FSI, PDI
from channels.whatsapp_messages import interactive_messages, text_messages

BODY = "الحد 3,300 ريال من 2023-11-01، اتصل 19911 أو ادخل https://sbis.hrsd.gov.sa/a1"


@pytest.mark.parametrize(
    "style, amount, date, phone", [("arab", "٣٬٣٠٠", "٢٠٢٣-١١-٠١", "١٩٩١١"), ("latn", "3,300", "2023-11-01", "19911")]
)
def test_text_uses_the_display_digits_with_isolated_dates_and_plain_links(monkeypatch, style, amount, date, phone):
    monkeypatch.setenv("DISPLAY_DIGITS", style)
    body = text_messages("966500000000", BODY)[0]["text"]["body"]

    assert amount in body and f"{FSI}{date}{PDI}" in body and phone in body
    assert "https://sbis.hrsd.gov.sa/a1" in body  # WhatsApp links it itself


def test_button_bodies_and_titles_follow_the_same_style(monkeypatch):
    monkeypatch.setenv("DISPLAY_DIGITS", "arab")
    message = interactive_messages(
        "966500000000",
        "عندك 3 تابعين؟",
        [{"title": "نعم 3", "payload": "/affirm"}, {"title": "لا", "payload": "/deny"}],
    )[-1]

    assert message["interactive"]["body"]["text"] == "عندك ٣ تابعين؟"
    assert message["interactive"]["action"]["buttons"][0]["reply"] == {"id": "/affirm", "title": "نعم ٣"}
