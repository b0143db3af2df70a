""" "مقيم" on its own is residence in the Kingdom; a household that is all old, sick or
unable, or where nobody can work, has no member able to work (tester's faults)."""

from __future__ import annotations

import pytest

from arabic_text import extract_answers, parse_not_applicable


@pytest.mark.parametrize(
    "text",
    ["سعودية ومقيمة", "سعودي مقيم", "انا سعودي ومقيم", "مواطنة سعودية مقيمة", "احنا سعوديين مقيمين", "مقيم بالرياض"],
)
def test_resident_without_a_place(text):
    assert extract_answers(text).get("resides_in_ksa") is True


@pytest.mark.parametrize(
    ("text", "resides"),
    [("انا سعودي مقيم في دبي", None), ("مقيم بدبي", None), ("ساكن في مصر", False), ("سعودي بس مو مقيم", False)],
)
def test_resident_somewhere_else_or_denied(text, resides):
    assert extract_answers(text).get("resides_in_ksa") is resides


@pytest.mark.parametrize(
    "text",
    [
        "انا وزوجتي كبار في السن وما احد يشتغل",  # Saudi
        "انا وزوجتي كبار في السن",
        "انا وحرمتي شيبان",  # Gulf
        "انا وجوزي عواجيز ومفيش حد بيشتغل",  # Egyptian
        "انا ومرتي ختيارية وما في حدا يقدر يشتغل",  # Levantine
        "نحن كبار في السن ولا أحد منا يستطيع العمل",  # MSA
        "محد يشتغل عندنا",
        "احنا الاثنين مرضى",
    ],
)
def test_nobody_able_to_work(text):
    assert extract_answers(text).get("has_able_to_work_members") is False, text
    assert parse_not_applicable(text), text


@pytest.mark.parametrize(
    "text",
    ["عيالي كبار", "ما احد يشتغل غيري", "انا وزوجتي مو كبار", "ولدي يقدر يشتغل", "زوجتي كبيرة وانا اشتغل"],
)
def test_not_a_household_unable_to_work(text):
    assert extract_answers(text).get("has_able_to_work_members") is not False, text
