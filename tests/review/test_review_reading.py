"""What staff read: intents (faq guesses only for faq messages), button presses, line breaks,
Arabic labels, Riyadh times, timed notes, and exports that carry tags and notes."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from datetime import timedelta, timezone

import pytest
from reading_scenarios import TWO_LINES
from review_web_helpers import STAFF_NAME, make_app, page_token, run, sign_in

from review import outcomes as oc
from review.queries import load_conversation, tracker_engine


def _pages(data, staff_db, *paths):
    async def scenario(client):
        await sign_in(client)
        return [await (await client.get(path)).text() for path in paths]

    return run(make_app(data, staff_db), scenario)


def _message_block(html: str, text: str) -> str:
    """The transcript box of the message whose text is `text`."""
    start = html.rindex('<div class="msg', 0, html.index(text))
    end = html.find('<div class="msg', start + 10)
    return html[start : end if end != -1 else len(html)]


@pytest.mark.parametrize(
    "parse_data, expected",
    [
        (
            {
                "intent": {"name": "affirm"},
                "response_selector": {"faq": {"response": {"intent_response_key": "faq/objection"}}},
            },
            None,
        ),
        (
            {
                "intent": {"name": "stop"},
                "response_selector": {"faq": {"response": {"intent_response_key": "faq/multiple_families"}}},
            },
            None,
        ),
        (
            {
                "intent": {"name": "nlu_fallback"},
                "response_selector": {"faq": {"response": {"intent_response_key": "faq/x"}}},
            },
            None,
        ),
        (
            {
                "intent": {"name": "faq"},
                "response_selector": {"faq": {"response": {"intent_response_key": "faq/objection"}}},
            },
            "faq/objection",
        ),
        ({"intent": {"name": "faq/payment_date"}}, "faq/payment_date"),
        ({"intent": {"name": "faq"}}, None),
        ({}, None),
    ],
)
def test_faq_key_uses_the_selector_only_when_the_intent_was_faq(parse_data, expected):
    assert oc.faq_key(parse_data) == expected


def test_affirm_and_stop_with_a_faq_guess_keep_their_own_intent(reading_data):
    conversation = load_conversation(tracker_engine(reading_data.tracker_url), "guesses")
    understood = [(t.text, t.understood_intent) for t in oc.user_turns(conversation)]
    assert understood == [("ابي اعرف الشروط", "faq/conditions"), ("ايوه", "affirm"), ("بس الزوجة", "stop")]


def test_transcript_page_labels_and_preselects_the_real_intent(reading_data, staff_db):
    [html] = _pages(reading_data, staff_db, "/conversation?id=guesses")
    for text, label, value in [
        ("ايوه", "موافقة (نعم)", "affirm"),
        ("بس الزوجة", "إيقاف", "stop"),
        ("ابي اعرف الشروط", "سؤال شائع: الشروط", "faq/conditions"),
    ]:
        block = _message_block(html, text)
        assert f'<span class="intent">{label}</span>' in block
        assert re.search(rf'<option value="{re.escape(value)}" selected>', block), text
        shown = block[: block.index("<form")]
        assert not any(guess in shown for guess in ("objection", "multiple_families", "الاعتراض", "إعالة"))


def test_report_and_faq_chart_count_only_faq_messages(reading_data, staff_db, tmp_path):
    from review.listing import refresh
    from review.report import build_report
    from review.review_db import review_engine

    refresh(tracker_engine(reading_data.tracker_url), review_engine(staff_db), reading_data.status_url)
    report = build_report(review_engine(staff_db))
    assert dict(report["faq_topics"]) == {"faq/conditions": 2}
    assert dict(report["top_intents"])["affirm"] == 2 and dict(report["top_intents"])["stop"] == 1


def test_csv_export_gives_no_faq_topic_to_affirm_or_stop(reading_data, staff_db):
    async def scenario(client):
        await sign_in(client)
        return (await (await client.get("/export.csv")).read()).decode("utf-8-sig")

    rows = list(csv.DictReader(io.StringIO(run(make_app(reading_data, staff_db), scenario))))
    by_text = {r["text"]: r for r in rows if r["speaker"] == "user"}
    assert (by_text["ايوه"]["faq_topic"], by_text["ايوه"]["intent_label"]) == ("", "موافقة (نعم)")
    assert (by_text["بس الزوجة"]["faq_topic"], by_text["بس الزوجة"]["intent_label"]) == ("", "إيقاف")
    assert by_text["ابي اعرف الشروط"]["faq_topic"] == "faq/conditions"


def test_button_press_shows_the_offered_title_and_the_buttons_offered(reading_data, staff_db):
    [html] = _pages(reading_data, staff_db, "/conversation?id=buttons")
    assert "ضغط الزر: «أفحص أهليتي»" in html and "ضغط الزر: «نعم»" in html
    assert ">/affirm<" not in html and ">/check_eligibility<" not in html
    offered = _message_block(html, "هل أنت سعودي الجنسية؟")
    assert '<span class="button">نعم</span><span class="button">لا</span>' in offered
    # A payload that is itself Arabic text is still a press of that button.
    assert "ضغط الزر: «شروط الضمان»" in html


def test_bot_line_breaks_are_kept_on_the_page_and_in_the_html_export(reading_data, staff_db):
    first, second = TWO_LINES.split("\n")
    page, export = _pages(reading_data, staff_db, "/conversation?id=guesses", "/export.html")
    assert f"{first}<br>{second}" in page and f"{first}<br>{second}" in export


def test_list_shows_a_masked_first_message_preview_and_riyadh_times(reading_data, staff_db):
    [html] = _pages(reading_data, staff_db, "/")
    assert "جوالي 05******67 ابي احد يتصل علي" in html and "0551234567" not in html
    assert '<td class="preview">مرحبا</td>' in html
    # "guesses" started 2024-03-20 09:00 Riyadh time (06:00 UTC).
    assert "2024-03-20 09:00" in html


def test_handoff_queue_times_are_riyadh_time(reading_data, staff_db):
    with sqlite3.connect(reading_data.status_url.replace("sqlite:///", "")) as connection:
        stored = connection.execute("SELECT created_at FROM handoff_requests WHERE id = 1").fetchone()[0]
    from datetime import datetime

    utc = datetime.fromisoformat(stored).replace(tzinfo=timezone.utc)
    riyadh = (utc + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M")
    [html] = _pages(reading_data, staff_db, "/handoffs")
    assert riyadh in html and "UTC" not in html


def test_notes_show_when_they_were_written_in_riyadh_time(reading_data, staff_db):
    async def scenario(client):
        await sign_in(client)
        token = await page_token(client, "/conversation?id=guesses")
        await client.post("/conversation/note", data={"id": "guesses", "note": "راجعت المحادثة", "csrf_token": token})
        return await (await client.get("/conversation?id=guesses")).text()

    html = run(make_app(reading_data, staff_db), scenario)
    from review.annotations import notes_for
    from review.clock import format_riyadh
    from review.review_db import review_engine

    [note] = notes_for(review_engine(staff_db), "guesses")
    assert note.time.utcoffset() == timedelta(hours=3)
    assert f'— {STAFF_NAME} — <bdi class="ltr">{format_riyadh(note.created_at)}</bdi>' in html


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "html"])
def test_every_export_carries_tags_and_timed_notes(reading_data, staff_db, fmt):
    async def scenario(client):
        await sign_in(client)
        token = await page_token(client, "/conversation?id=buttons")
        await client.post("/conversation/tag", data={"id": "buttons", "tag": "أزرار", "csrf_token": token})
        await client.post("/conversation/note", data={"id": "buttons", "note": "اتصل 0551234567", "csrf_token": token})
        return (await (await client.get(f"/export.{fmt}?q=مرحبا")).read()).decode("utf-8-sig")

    body = run(make_app(reading_data, staff_db), scenario)
    assert "0551234567" not in body and "اتصل 05******67" in body
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(body)))
        assert {r["tags"] for r in rows} == {"أزرار"}
        assert all(re.match(rf"^\d{{4}}-\d\d-\d\d \d\d:\d\d {STAFF_NAME}: اتصل 05\*+67$", r["notes"]) for r in rows)
    elif fmt == "jsonl":
        [line] = [json.loads(x) for x in body.splitlines()]
        assert line["tags"] == ["أزرار"]
        assert line["notes"][0]["staff"] == STAFF_NAME and line["notes"][0]["time"].endswith("+03:00")
    else:
        assert '<span class="tag">أزرار</span>' in body and "ملاحظات الموظفين" in body
