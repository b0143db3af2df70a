"""Staff pages: list with filters and Arabic search, transcript, tags, notes, corrections, handoffs, report."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3

import pytest
import yaml
from review_scenarios import MARKUP_TEXT
from review_web_helpers import STAFF_NAME, make_app, page_token, run, sign_in


def _get_pages(data, staff_db, *paths, **app_options):
    async def scenario(client):
        await sign_in(client)
        pages = []
        for path in paths:
            response = await client.get(path)
            pages.append((response.status, await response.text()))
        return pages

    return run(make_app(data, staff_db, **app_options), scenario)


def _listed(html: str) -> set:
    names = {"web-eligible", "web-ineligible", "web-handoff", "cli-fallback", "web-faq", "web-store-only"}
    return {name for name in names if f'?id={name}"' in html}


def test_list_page_is_arabic_rtl_and_shows_every_conversation(review_data, staff_db):
    [(status, html)] = _get_pages(review_data, staff_db, "/")
    assert status == 200
    assert '<html dir="rtl" lang="ar">' in html
    assert _listed(html) == {
        "web-eligible",
        "web-ineligible",
        "web-handoff",
        "cli-fallback",
        "web-faq",
        "web-store-only",
    }
    assert "عدد المحادثات: 7" in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("channel=rest", {"web-ineligible", "web-faq"}),
        ("outcome=handoff", {"web-handoff", "web-store-only"}),
        ("fallback=1", {"cli-fallback"}),
        ("low=1&below=0.5", {"web-ineligible", "cli-fallback"}),
        ("since=2024-03-12&until=2024-03-12", {"cli-fallback", "web-faq"}),
        ("q=%D8%A7%D8%B3%D8%AA%D8%B9%D9%84%D8%A7%D9%85", {"web-faq"}),  # استعلام finds إستعلام
        (
            "channel=not-a-channel",
            {"web-eligible", "web-ineligible", "web-handoff", "cli-fallback", "web-faq", "web-store-only"},
        ),
    ],
)
def test_list_page_filters(review_data, staff_db, query, expected):
    [(status, html)] = _get_pages(review_data, staff_db, "/?" + query)
    assert status == 200 and _listed(html) == expected


def test_transcript_page_shows_intents_confidences_and_escapes_user_text(review_data, staff_db):
    [(status, html)] = _get_pages(review_data, staff_db, "/conversation?id=web-store-only")
    assert status == 200
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "out_of_scope" in html and "0.70" in html
    assert "مؤهل" in html and "تحويل إلى موظف" in html


def test_unknown_transcript_is_a_polite_404(review_data, staff_db):
    [(status, html)] = _get_pages(review_data, staff_db, "/conversation?id=nope")
    assert status == 404 and "لا توجد محادثة بهذا الرقم" in html


def test_staff_tag_and_note_a_conversation_and_filter_by_tag(review_data, staff_db):
    async def scenario(client):
        await sign_in(client)
        token = await page_token(client, "/conversation?id=cli-fallback")
        await client.post("/conversation/tag", data={"id": "cli-fallback", "tag": "يحتاج تدريب", "csrf_token": token})
        await client.post(
            "/conversation/note", data={"id": "cli-fallback", "note": "السائل ترك رقمه 0551234567", "csrf_token": token}
        )
        page = await (await client.get("/conversation?id=cli-fallback")).text()
        listed = await (await client.get("/?tag=يحتاج تدريب")).text()
        return page, listed

    page, listed = run(make_app(review_data, staff_db), scenario)
    assert "يحتاج تدريب" in page
    assert "السائل ترك رقمه 05******67" in page and "0551234567" not in page
    assert f"— {STAFF_NAME}" in page
    assert _listed(listed) == {"cli-fallback"}


def test_marking_the_right_intent_feeds_the_corrections_download(review_data, staff_db):
    from review.annotations import corrections
    from review.outcomes import user_turns
    from review.queries import load_conversation, tracker_engine
    from review.review_db import review_engine

    conversation = load_conversation(tracker_engine(review_data.tracker_url), "cli-fallback")
    first_user_message = user_turns(conversation)[0]

    async def scenario(client):
        await sign_in(client)
        token = await page_token(client, "/conversation?id=cli-fallback")
        marked = await client.post(
            "/conversation/intent",
            allow_redirects=False,
            data={
                "id": "cli-fallback",
                "event_id": str(first_user_message.row_id),
                "intent": "out_of_scope",
                "csrf_token": token,
                "text": "نص مختلق لا يجوز أن يُحفظ",
            },
        )
        refused = await client.post(
            "/conversation/intent",
            allow_redirects=False,
            data={
                "id": "cli-fallback",
                "event_id": str(first_user_message.row_id),
                "intent": "made_up",
                "csrf_token": token,
            },
        )
        download = await client.get("/corrections.yml")
        return marked.status, refused.headers["Location"], download.headers, await download.text()

    status, refused_location, headers, text = run(make_app(review_data, staff_db), scenario)
    assert status == 303 and "error=" in refused_location
    assert "attachment" in headers["Content-Disposition"]
    nlu = yaml.safe_load(text)
    assert nlu["version"] == "3.1"
    assert nlu["nlu"] == [{"intent": "out_of_scope", "examples": "- كم سعر البنزين\n"}]
    assert [c.text for c in corrections(review_engine(staff_db))] == ["كم سعر البنزين"]


@pytest.fixture
def status_copy(review_data, tmp_path):
    """The handoff test closes a request, so it works on a copy of the status store."""
    copy = tmp_path / "status-copy.db"
    shutil.copy(review_data.status_url.replace("sqlite:///", ""), copy)
    return f"sqlite:///{copy}"


def test_handoff_queue_lists_open_requests_and_staff_can_close_one(review_data, staff_db, status_copy):
    async def scenario(client):
        await sign_in(client)
        before = await (await client.get("/handoffs")).text()
        token = await page_token(client, "/handoffs")
        closed = await client.post("/handoffs/1/handled", data={"csrf_token": token}, allow_redirects=False)
        after = await (await client.get("/handoffs")).text()
        missing = await client.post("/handoffs/999/handled", data={"csrf_token": token}, allow_redirects=False)
        return before, closed.status, after, missing.status

    before, closed, after, missing = run(make_app(review_data, staff_db, status_url=status_copy), scenario)
    assert "أبي موظف بخصوص طلبي" in before and "/handoffs/1/handled" in before
    assert "05******67" in before and "0551234567" not in before
    assert closed == 303 and missing == 404
    assert "/handoffs/1/handled" not in after and "/handoffs/2/handled" in after
    with sqlite3.connect(status_copy.replace("sqlite:///", "")) as connection:
        assert connection.execute("SELECT handled, handled_by FROM handoff_requests WHERE id=1").fetchone() == (
            1,
            STAFF_NAME,
        )


def test_handoff_page_falls_back_to_transcripts_without_a_status_store(review_data, staff_db, tmp_path):
    [(status, html)] = _get_pages(review_data, staff_db, "/handoffs", status_url=f"sqlite:///{tmp_path / 'none.db'}")
    assert status == 200 and "قاعدة بيانات الحالات غير متاحة" in html
    assert "?id=web-handoff" in html


def test_report_page_shows_figures_and_chart_images(review_data, staff_db):
    async def scenario(client):
        await sign_in(client)
        page = await (await client.get("/report")).text()
        chart = await client.get("/report/outcomes.png?channel=rest")
        missing = await client.get("/report/nothing.png")
        return page, chart.status, chart.content_type, await chart.read(), missing.status

    page, status, content_type, png, missing = run(make_app(review_data, staff_db), scenario)
    for name in ("conversations_per_day", "outcomes", "top_intents", "faq_topics"):
        assert f'src="/report/{name}.png"' in page
    assert "وسيط عدد رسائل المستخدم حتى نتيجة الأهلية" in page and "4.0" in page
    assert (status, content_type) == (200, "image/png") and png[:4] == b"\x89PNG"
    assert missing == 404


def test_export_download_uses_the_list_filters(review_data, staff_db):
    async def scenario(client):
        await sign_in(client)
        response = await client.get("/export.csv?channel=cmdline")
        return response.headers["Content-Disposition"], (await response.read()).decode("utf-8-sig")

    disposition, body = run(make_app(review_data, staff_db), scenario)
    assert 'filename="conversations.csv"' in disposition
    rows = list(csv.DictReader(io.StringIO(body)))
    assert {r["conversation"] for r in rows} == {"cli-fallback"} and len(rows) == 4


def test_markup_typed_by_a_user_never_reaches_the_list_or_exports_as_markup(review_data, staff_db):
    [(_, html)] = _get_pages(review_data, staff_db, "/export.html?outcome=eligible")
    assert MARKUP_TEXT not in html and "&lt;script&gt;" in html
