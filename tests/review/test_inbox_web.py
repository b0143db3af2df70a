"""The live inbox in the review web app: queue, take, reply, hand back, close, reassign;
roles, CSRF and the action limit on every new endpoint; Rasa reached through its HTTP API
(a fake here, the real one in tests/e2e/test_inbox_e2e.py)."""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from inbox_helpers import NOW, post, run_inbox, signed_in
from review_scenarios import HMAC_KEY, WHATSAPP_NUMBER
from review_web_helpers import STAFF_NAME, STAFF_PASSWORD

from review.accounts import add_staff
from review.review_db import review_engine
from status_store.handoff_desk import take_handoff
from status_store.handoffs import get_handoff, record_handoff
from status_store.migrate import upgrade_to_head

AGENT_2, SUPERVISOR = "omar", "huda"
QUEUED_AT = datetime.fromtimestamp(NOW, tz=timezone.utc) - timedelta(minutes=12)


@pytest.fixture
def accounts(staff_db):
    """noura and omar are agents, huda a supervisor."""
    add_staff(review_engine(staff_db), AGENT_2, STAFF_PASSWORD)
    add_staff(review_engine(staff_db), SUPERVISOR, STAFF_PASSWORD, role="supervisor")
    return staff_db


@pytest.fixture
def queue(env, tmp_path, monkeypatch):
    """A fresh status store: three requests queued in staff hours and one from a REST client."""
    monkeypatch.setenv("NATIONAL_ID_HMAC_KEY", HMAC_KEY)
    url = f"sqlite:///{tmp_path / 'status.db'}"
    upgrade_to_head(url)
    from status_store.engine import get_engine

    engine = get_engine(url)
    ids = {
        "web": record_handoff(
            "web-eligible",
            "socketio",
            "check_eligibility,faq/payment_date",
            in_staff_hours=True,
            now=QUEUED_AT,
            engine=engine,
        ),
        "whatsapp": record_handoff(
            WHATSAPP_NUMBER,
            "whatsapp",
            "check_status",
            in_staff_hours=True,
            now=QUEUED_AT + timedelta(minutes=1),
            engine=engine,
        ),
        "rest": record_handoff(
            "web-ineligible",
            "rest",
            "general",
            in_staff_hours=True,
            now=QUEUED_AT + timedelta(minutes=2),
            engine=engine,
        ),
        "night": record_handoff(
            "web-faq",
            "socketio",
            "faq/payment_date",
            in_staff_hours=False,
            now=QUEUED_AT + timedelta(minutes=3),
            engine=engine,
        ),
    }
    yield url, ids, engine
    from status_store.engine import dispose_engine

    dispose_engine(url)


def test_the_queue_shows_wait_channel_topic_and_a_masked_preview(env, accounts, queue):
    url, ids, _ = queue

    async def scenario(new_client, rasa):
        client = await signed_in(new_client, STAFF_NAME)
        page = await (await client.get("/inbox")).text()
        fragment = await (await client.get("/inbox/queue")).text()
        return page, fragment

    page, fragment = run_inbox(env, accounts, url, scenario)
    assert '<script src="/static/inbox.js"></script>' in page and "<script>" not in page
    assert "12 دقيقة" in fragment  # queued 12 minutes before the clock
    assert "فحص الأهلية" in fragment and "سؤال شائع" in fragment and "حالة الطلب" in fragment
    assert "واتساب" in fragment and "محادثة الموقع" in fragment
    # The WhatsApp conversation's last message held an ID and a phone number: masked.
    assert "1000000008" not in fragment and "0551234567" not in fragment and "05******67" in fragment
    assert f"/inbox/{ids['web']}/take" in fragment


def test_taking_pauses_the_bot_tells_the_applicant_and_a_second_taker_is_refused(env, accounts, queue):
    url, ids, engine = queue

    async def scenario(new_client, rasa):
        noura, omar = await signed_in(new_client, STAFF_NAME), await signed_in(new_client, AGENT_2)
        first = await post(noura, f"/inbox/{ids['web']}/take")
        second = await post(omar, f"/inbox/{ids['web']}/take")
        return first.headers["Location"], second.headers["Location"], rasa.calls

    first, second, calls = run_inbox(env, accounts, url, scenario)
    assert first == f"/inbox/{ids['web']}?notice=taken" and second.endswith("error=conflict")
    [call] = calls
    assert call["conversation"] == "web-eligible" and call["deliver"] and call["output_channel"] == "latest"
    assert [e["event"] for e in call["events"]] == ["pause", "bot"]
    assert "استلم محادثتك موظف" in call["events"][1]["text"]
    held = get_handoff(ids["web"], engine=engine)
    assert (held.state, held.assigned_to) == ("taken", STAFF_NAME)


def test_a_reply_reaches_rasa_as_a_staff_message_for_the_applicants_channel(env, accounts, queue):
    url, ids, engine = queue
    take_handoff(ids["web"], STAFF_NAME, engine=engine)

    async def scenario(new_client, rasa):
        noura = await signed_in(new_client, STAFF_NAME)
        sent = await post(noura, f"/inbox/{ids['web']}/reply", {"text": "  أهلاً، معك نورة من فريق الدعم  "})
        empty = await post(noura, f"/inbox/{ids['web']}/reply", {"text": "   "})
        too_long = await post(noura, f"/inbox/{ids['web']}/reply", {"text": "ا" * 2001})
        rasa.fail_delivery = True
        lost = await post(noura, f"/inbox/{ids['web']}/reply", {"text": "هل وصلك؟"})
        page = await (await noura.get(lost.headers["Location"])).text()
        return [r.headers["Location"] for r in (sent, empty, too_long, lost)], rasa.calls, page

    locations, calls, page = run_inbox(env, accounts, url, scenario)
    assert [loc.split("?")[1] for loc in locations] == [
        "notice=sent",
        "error=empty",
        "error=too_long",
        "error=not_delivered",
    ]
    [call] = calls
    assert call["deliver"] and call["output_channel"] == "latest"
    assert call["events"] == [
        {"event": "pause"},
        {
            "event": "bot",
            "text": "أهلاً، معك نورة من فريق الدعم",
            "data": {},
            "metadata": {"staff_reply": True, "staff": STAFF_NAME},
        },
    ]
    assert "لم تصل الرسالة" in page


def test_the_conversation_page_shows_the_understood_facts_and_the_result(env, accounts, queue):
    url, ids, engine = queue
    take_handoff(ids["web"], STAFF_NAME, engine=engine)

    async def scenario(new_client, rasa):
        noura = await signed_in(new_client, STAFF_NAME)
        page = await (await noura.get(f"/inbox/{ids['web']}")).text()
        everything = await (await noura.get(f"/inbox/{ids['web']}/messages?after=0")).json()
        nothing_new = await (await noura.get(f"/inbox/{ids['web']}/messages?after={everything['last_id']}")).json()
        return page, everything, nothing_new

    page, everything, nothing_new = run_inbox(env, accounts, url, scenario)
    facts = dict(re.findall(r"<tr><th>([^<]+)</th><td>([^<]+)</td></tr>", page))
    assert facts["عدد التابعين"] == "3" and facts["دخل الأسرة من العمل (ريال شهرياً)"] == "1,100"
    assert facts["سعودي الجنسية"] == "نعم" and facts["النتيجة"] == "مستحق مبدئياً"
    assert facts["الدعم التقديري (ريال)"] == "1,520"
    assert 'name="text"' in page and f"/inbox/{ids['web']}/handback" in page
    assert "أبغى أعرف هل أنا مستحق للضمان" in everything["html"] and everything["state"] == "taken"
    assert nothing_new["html"] == "" and nothing_new["last_id"] == everything["last_id"]


def test_an_agent_sees_the_queue_and_their_own_but_not_anothers_conversation(env, accounts, queue):
    url, ids, engine = queue
    take_handoff(ids["web"], STAFF_NAME, engine=engine)

    async def scenario(new_client, rasa):
        omar, huda = await signed_in(new_client, AGENT_2), await signed_in(new_client, SUPERVISOR)
        omar_queue = await (await omar.get("/inbox/queue")).text()
        huda_queue = await (await huda.get("/inbox/queue")).text()
        page = await omar.get(f"/inbox/{ids['web']}")
        messages = await omar.get(f"/inbox/{ids['web']}/messages")
        replied = await post(omar, f"/inbox/{ids['web']}/reply", {"text": "مرحبا"})
        handed = await post(omar, f"/inbox/{ids['web']}/handback")
        closed = await post(omar, f"/inbox/{ids['web']}/close")
        reassigned = await post(omar, f"/inbox/{ids['web']}/reassign", {"to": AGENT_2})
        supervisor_page = await huda.get(f"/inbox/{ids['web']}")
        return (
            omar_queue,
            huda_queue,
            [r.status for r in (page, messages, replied, handed, closed, reassigned)],
            supervisor_page.status,
            rasa.calls,
        )

    omar_queue, huda_queue, statuses, supervisor_status, calls = run_inbox(env, accounts, url, scenario)
    assert f'/inbox/{ids["web"]}"' not in omar_queue and f"/inbox/{ids['whatsapp']}/take" in omar_queue
    assert f'href="/inbox/{ids["web"]}"' in huda_queue and STAFF_NAME in huda_queue
    assert statuses == [403] * 6 and supervisor_status == 200
    assert calls == []
    assert get_handoff(ids["web"], engine=engine).assigned_to == STAFF_NAME


def test_a_supervisor_reassigns_and_the_new_holder_replies(env, accounts, queue):
    url, ids, engine = queue

    async def scenario(new_client, rasa):
        huda, omar = await signed_in(new_client, SUPERVISOR), await signed_in(new_client, AGENT_2)
        nobody = await post(huda, f"/inbox/{ids['whatsapp']}/reassign", {"to": "ghost"})
        moved = await post(huda, f"/inbox/{ids['whatsapp']}/reassign", {"to": AGENT_2})
        replied = await post(omar, f"/inbox/{ids['whatsapp']}/reply", {"text": "معك عمر"})
        return nobody.headers["Location"], moved.headers["Location"], replied.headers["Location"], rasa.calls

    nobody, moved, replied, calls = run_inbox(env, accounts, url, scenario)
    assert nobody.endswith("error=no_staff") and "notice=reassigned" in moved and replied.endswith("notice=sent")
    held = get_handoff(ids["whatsapp"], engine=engine)
    assert (held.state, held.assigned_to) == ("taken", AGENT_2)
    # A waiting request given to someone is paused like a take; the WhatsApp id is the stored pseudonym.
    assert [[e["event"] for e in c["events"]] for c in calls] == [["pause", "bot"], ["pause", "bot"]]
    assert all(c["conversation"] == held.conversation_id != WHATSAPP_NUMBER for c in calls)


def test_hand_back_resumes_the_bot_and_close_of_an_unpaused_request_needs_no_rasa(env, accounts, queue):
    url, ids, engine = queue
    take_handoff(ids["web"], STAFF_NAME, engine=engine)

    async def scenario(new_client, rasa):
        noura = await signed_in(new_client, STAFF_NAME)
        handed = await post(noura, f"/inbox/{ids['web']}/handback")
        closed = await post(noura, f"/inbox/{ids['night']}/close")
        return handed.headers["Location"], closed.headers["Location"], rasa.calls

    handed, closed, calls = run_inbox(env, accounts, url, scenario)
    assert handed == closed == "/inbox"
    [call] = calls  # the night request was never paused: nothing to resume
    assert [e["event"] for e in call["events"]] == ["bot", "resume", "action"]
    assert call["events"][-1]["name"] == "action_listen" and "عاد المساعد الآلي" in call["events"][0]["text"]
    assert get_handoff(ids["web"], engine=engine).state == "returned"
    assert get_handoff(ids["night"], engine=engine).state == "closed"


def test_when_rasa_is_down_nothing_changes_in_the_store(env, accounts, queue):
    url, ids, engine = queue
    take_handoff(ids["whatsapp"], STAFF_NAME, engine=engine)

    async def scenario(new_client, rasa):
        rasa.down = True
        noura = await signed_in(new_client, STAFF_NAME)
        taken = await post(noura, f"/inbox/{ids['web']}/take")
        handed = await post(noura, f"/inbox/{ids['whatsapp']}/handback")
        return taken.headers["Location"], handed.headers["Location"]

    taken, handed = run_inbox(env, accounts, url, scenario)
    assert taken.endswith("error=rasa") and handed.endswith("error=rasa")
    assert get_handoff(ids["web"], engine=engine).state == "waiting"  # the take was undone
    assert get_handoff(ids["whatsapp"], engine=engine).state == "taken"


def test_a_rest_conversation_can_be_taken_but_not_written_to(env, accounts, queue):
    url, ids, _engine = queue

    async def scenario(new_client, rasa):
        noura = await signed_in(new_client, STAFF_NAME)
        await post(noura, f"/inbox/{ids['rest']}/take")
        replied = await post(noura, f"/inbox/{ids['rest']}/reply", {"text": "مرحبا"})
        page = await (await noura.get(f"/inbox/{ids['rest']}")).text()
        return replied.headers["Location"], page, rasa.calls

    replied, page, calls = run_inbox(env, accounts, url, scenario)
    assert replied.endswith("error=channel") and 'name="text"' not in page
    assert [[e["event"] for e in c["events"]] for c in calls] == [["pause"]]


NEW_POSTS = ["take", "reply", "handback", "close", "reassign"]


@pytest.mark.parametrize("action", NEW_POSTS)
def test_every_inbox_post_needs_a_session_and_a_csrf_token(env, accounts, queue, action):
    url, ids, engine = queue
    path = f"/inbox/{ids['web']}/{action}"

    async def scenario(new_client, rasa):
        anonymous = await new_client()
        without_session = await anonymous.post(path, data={"text": "x", "to": AGENT_2}, allow_redirects=False)
        huda = await signed_in(new_client, SUPERVISOR)
        without_token = await huda.post(path, data={"text": "x", "to": AGENT_2}, allow_redirects=False)
        wrong_token = await huda.post(
            path, data={"text": "x", "to": AGENT_2, "csrf_token": "forged"}, allow_redirects=False
        )
        return without_session.status, without_token.status, wrong_token.status, rasa.calls

    assert run_inbox(env, accounts, url, scenario) == (401, 403, 403, [])
    assert get_handoff(ids["web"], engine=engine).state == "waiting"


@pytest.mark.parametrize("path", ["/inbox", "/inbox/queue", "/inbox/1", "/inbox/1/messages"])
def test_inbox_pages_need_a_session(env, accounts, queue, path):
    url, _, _ = queue

    async def scenario(new_client, rasa):
        response = await (await new_client()).get(path, allow_redirects=False)
        return response.status, response.headers.get("Location")

    assert run_inbox(env, accounts, url, scenario) == (303, "/login")


def test_inbox_actions_are_rate_limited_per_staff_member(env, accounts, queue):
    url, ids, _ = queue

    async def scenario(new_client, rasa):
        noura = await signed_in(new_client, STAFF_NAME)
        statuses = []
        for _ in range(3):
            statuses.append((await post(noura, f"/inbox/{ids['web']}/take")).status)
        omar = await signed_in(new_client, AGENT_2)
        statuses.append((await post(omar, f"/inbox/{ids['whatsapp']}/take")).status)
        return statuses

    assert run_inbox(env, accounts, url, scenario, max_inbox_actions=2) == [303, 303, 429, 303]


def test_the_old_handoff_list_closes_through_the_inbox(env, accounts, queue):
    url, ids, engine = queue
    take_handoff(ids["web"], AGENT_2, engine=engine)

    async def scenario(new_client, rasa):
        noura = await signed_in(new_client, STAFF_NAME)
        others = await post(noura, f"/handoffs/{ids['web']}/handled", token_page="/handoffs")
        paused = await post(noura, f"/handoffs/{ids['whatsapp']}/handled", token_page="/handoffs")
        return others.status, paused.status, rasa.calls

    others, paused, calls = run_inbox(env, accounts, url, scenario)
    assert (others, paused) == (403, 303)
    assert [[e["event"] for e in c["events"]] for c in calls] == [["bot", "resume", "action"]]


def test_a_wrong_rasa_token_changes_nothing(env, accounts, queue):
    url, ids, engine = queue

    async def scenario(new_client, rasa):
        noura = await signed_in(new_client, STAFF_NAME)
        return (await post(noura, f"/inbox/{ids['web']}/take")).headers["Location"], rasa.calls

    location, calls = run_inbox(env, accounts, url, scenario, rasa_token="not-the-token")
    assert location.endswith("error=rasa") and calls == []
    assert get_handoff(ids["web"], engine=engine).state == "waiting"


def test_staff_roles_migrate_and_accounts_default_to_agent(staff_db, tmp_path):
    engine = review_engine(staff_db)
    with engine.connect() as connection:
        roles = dict(connection.exec_driver_sql("SELECT username, role FROM staff").fetchall())
    assert roles == {STAFF_NAME: "agent"}
    copy = tmp_path / "copy.db"
    shutil.copy(staff_db.replace("sqlite:///", ""), copy)
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT count(*) FROM staff_actions").fetchone() == (0,)


def test_a_long_queue_shows_the_oldest_rows_and_counts_the_rest(env, accounts, queue, monkeypatch):
    from review.web import inbox_pages

    url, ids, engine = queue
    monkeypatch.setattr(inbox_pages, "QUEUE_ROWS", 2)
    take_handoff(ids["night"], STAFF_NAME, engine=engine)

    async def scenario(new_client, rasa):
        noura = await signed_in(new_client, STAFF_NAME)
        return await (await noura.get("/inbox/queue")).text()

    fragment = run_inbox(env, accounts, url, scenario)
    shown = re.findall(r'data-handoff="(\d+)"', fragment)
    assert shown == [str(ids["night"]), str(ids["web"])]  # their own first, then the oldest waiting
    assert "وفي الانتظار غيرها: 2" in fragment


def test_an_applicant_who_went_back_to_the_bot_is_marked_in_the_queue(env, accounts, queue, tmp_path):
    import asyncio
    from dataclasses import replace

    from review_scenarios import DOMAIN, Script, at

    from rasa_extensions.masking_tracker_store import MaskingSQLTrackerStore

    url, _, engine = queue
    tracker_url = f"sqlite:///{tmp_path / 'tracker.db'}"
    store = MaskingSQLTrackerStore(domain=DOMAIN, url=tracker_url)
    script = (
        Script("went-back", "socketio", at(14, 10))
        .user("ابي موظف", "human_handoff", 0.95)
        .action("action_human_handoff")
        .bot("حوّلت محادثتك إلى فريق الدعم")
        .user("/restart", "restart", 1.0)
    )
    asyncio.run(store.save(script.tracker()))
    store.engine.dispose()
    asked_at = datetime.fromtimestamp(at(14, 10) + 10, tz=timezone.utc)  # between the request and the button
    request = record_handoff("went-back", "socketio", "general", in_staff_hours=True, now=asked_at, engine=engine)

    async def scenario(new_client, rasa):
        noura = await signed_in(new_client, STAFF_NAME)
        return (await (await noura.get("/inbox/queue")).text(), await (await noura.get(f"/inbox/{request}")).text())

    fragment, page = run_inbox(replace(env, tracker_url=tracker_url), accounts, url, scenario)
    row = fragment[fragment.index(f'data-handoff="{request}"') :]
    row = row[: row.index("</tr>")]
    assert "ترك الانتظار وعاد للمساعد" in row and "/restart" not in row
    assert "ضغط المستخدم «أرجع للمساعد الآلي»" in page
