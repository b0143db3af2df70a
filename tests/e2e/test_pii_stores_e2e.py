"""No store, log or browser storage keeps a personal number readable, whatever its grouping.

Every grouped form below is sent, one message each, through the three public ways in:
REST, the web widget's socket.io (typed into the real page in Chromium) and WhatsApp
(signed webhooks; the Graph API is the fake one). A status lookup is also answered
over REST, birth date included. Then these are searched for each number's digits
with the separators removed, in Latin, Arabic-Indic and Persian digits and as JSON
escapes (\\u0661...):
- every cell of every table of every SQLite database of the stack (tracker store,
  status store, WhatsApp dedup), also after JSON-decoding cells that hold JSON;
- the raw bytes of every file in the stack's directory (databases, -wal/-shm, logs);
- every log of every process (Rasa server with its channels, action server, web chat server);
- the browser's localStorage and sessionStorage after the conversation;
- the review tool's CSV, JSONL and HTML exports and its transcript view;
- Rasa's HTTP API transcript.
Amounts ("1,320") must still be stored as typed, and the masked forms must be there:
a search that finds nothing because nothing was written would prove nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from runner.stack import ROOT
from tests.fakes.whatsapp_user import WhatsAppUser
from tests.webchat import chat_page as chat
from tests.webchat.servers import CHROMIUM, CHROMIUM_ARGS, DESKTOP

pytestmark = pytest.mark.e2e

ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

NATIONAL_ID = "1012345672"  # the demo applicant's (seed-demo): the lookup below finds it
IQAMA = "2087654325"
MOBILE = "551234567"  # subscriber digits: every Saudi form (05…, +966…, 00966…) contains them
IBAN = "0380000000608010167519"
EMAIL = "ahmad.ali.e2e@example.com"
BIRTH_DATE_DIGITS = ("1985", "19850412", "14050722")


def _grouped(digits: str, sizes: list[int], sep: str, script: Any = None) -> str:
    parts, cursor = [], 0
    for size in sizes:
        parts.append(digits[cursor : cursor + size])
        cursor += size
    text = sep.join(parts)
    return text.translate(script) if script else text


GROUPED_FORMS = [
    _grouped(NATIONAL_ID, [4, 3, 3], ","),
    _grouped(NATIONAL_ID, [4, 3, 3], "٬", ARABIC),
    _grouped(NATIONAL_ID, [4, 3, 3], "، "),
    _grouped(NATIONAL_ID, [4, 3, 3], "."),
    _grouped(NATIONAL_ID, [4, 3, 3], "_", PERSIAN),
    _grouped(NATIONAL_ID, [3, 3, 4], "-"),
    _grouped(NATIONAL_ID, [4, 3, 3], "\u00a0"),
    _grouped(NATIONAL_ID, [4, 3, 3], "\u2009", ARABIC),
    _grouped(NATIONAL_ID, [4, 3, 3], "\u202f"),
    _grouped(NATIONAL_ID, [4, 3, 3], "\u200f"),
    "\u2066" + _grouped(NATIONAL_ID, [4, 3, 3], "\u200e \u200e") + "\u2069",
    _grouped(NATIONAL_ID, [4, 3, 3], "\u061c", ARABIC),
    "1٠1۲ ٣45 ۶7٢",  # digits of three scripts in one number
    _grouped(IQAMA, [1, 3, 3, 3], " "),
    "+966 " + _grouped(MOBILE, [2, 3, 4], " "),
    "00966-" + _grouped(MOBILE, [2, 3, 4], "-"),
    ("0" + _grouped(MOBILE, [2, 3, 4], " ")).translate(ARABIC),
    "966." + _grouped(MOBILE, [2, 3, 4], "."),
    "SA" + _grouped(IBAN, [2, 4, 4, 4, 4, 4], " "),
    "sa" + _grouped(IBAN, [2, 4, 4, 4, 4, 4], "-", ARABIC),
    EMAIL,
]
SPLIT_OVER_LINES = (
    "هويتي:\n" + _grouped(NATIONAL_ID, [4, 3, 3], "\n") + "\nوالايبان\nSA" + _grouped(IBAN, [2, 4, 4, 4, 4, 4], "\n")
)
AMOUNT_TEXT = "دخلي 1,320 ريال وعندي 3 عيال"


def _forms_of(digits: str) -> list[str]:
    """`digits` as the stores could hold them: three digit scripts, raw and as JSON escapes."""
    forms = {digits, digits.translate(ARABIC), digits.translate(PERSIAN)}
    forms |= {json.dumps(form)[1:-1] for form in list(forms)}
    return sorted(forms)


FORBIDDEN = sorted(
    {form for secret in (NATIONAL_ID, IQAMA, MOBILE, IBAN) for form in _forms_of(secret)}
    | {EMAIL, EMAIL.split("@")[0] + "@"}
)


def _leaks(text: str, forbidden: list[str] = FORBIDDEN) -> list[str]:
    return [form for form in forbidden if form in text]


@pytest.fixture(scope="module")
def browser_page(rasa_stack, tmp_path_factory) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path_factory.mktemp("pii_profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=DESKTOP,
            locale="ar-SA",
        )
        context.set_default_timeout(60_000)
        yield context.pages[0] if context.pages else context.new_page()
        context.close()


def _lookup_answers() -> dict[str, str]:
    """The demo applicant's answers to the status lookup, as a person types them."""
    from status_store.demo import DEMO_APPLICATIONS

    demo = next(app for app in DEMO_APPLICATIONS if app.national_id == NATIONAL_ID)
    return {
        "national_id": _grouped(NATIONAL_ID, [4, 3, 3], "٬", ARABIC),
        "birth_date": "١٢/٤/١٩٨٥",
        "registration_date": demo.registration_month(),
    }


def _answer_status_lookup_over_rest(rasa_stack) -> dict[str, Any]:
    """Starts the lookup of the demo application and answers what the form asks, over several turns."""
    sender, asked, replies = f"pii-lookup-{random.randrange(10**9)}", [], []
    answers = _lookup_answers()
    rasa_stack.say(sender, "ابي اعرف حالة طلبي")
    for _ in range(4):
        slot = (rasa_stack.tracker(sender).get("slots") or {}).get("requested_slot")
        if slot not in answers or slot in asked:
            break
        asked.append(slot)
        replies = rasa_stack.say(sender, answers[slot])
    statuses = [(m.get("custom") or {}).get("application_status") for m in replies]
    return {"sender": sender, "asked": asked, "status": next((s for s in statuses if s), None)}


def _hand_back_if_paused(rasa_stack, sender: str) -> None:
    """A message with a phone number can be a request for a person, which pauses the bot in
    staff hours (the e2e stack is always in them); hand it back, as staff would, so the
    next message is answered."""
    if rasa_stack.tracker(sender).get("paused"):
        httpx.post(
            f"{rasa_stack.rasa_url}/conversations/{sender}/tracker/events",
            params={"token": rasa_stack.token},
            json=[{"event": "resume"}, {"event": "action", "name": "action_listen"}],
            timeout=30,
        ).raise_for_status()


@pytest.fixture(scope="module")
def sent_everywhere(rasa_stack, browser_page) -> dict[str, Any]:
    """Sends every form through REST, WhatsApp and the widget; returns what the browser kept."""
    messages = [f"رقمي {form}" for form in GROUPED_FORMS] + [SPLIT_OVER_LINES, AMOUNT_TEXT]
    for index, text in enumerate(messages):
        rasa_stack.say(f"pii-rest-{index}", text)
    lookup = _answer_status_lookup_over_rest(rasa_stack)

    env = rasa_stack.env
    wa_number = "9665" + "".join(random.choice("0123456789") for _ in range(8))
    user = WhatsAppUser(
        f"{rasa_stack.rasa_url}/webhooks/whatsapp/webhook",
        env["WHATSAPP_APP_SECRET"],
        rasa_stack.fake_graph,
        wa_number,
        env["WHATSAPP_PHONE_NUMBER_ID"],
        timeout=90,
    )
    from arabic_text.pseudonyms import phone_pseudonym

    for text in messages:
        user.say(text)
        _hand_back_if_paused(rasa_stack, phone_pseudonym(wa_number))

    page = browser_page
    chat.open_chat(page, rasa_stack.webchat_url)
    chat.wait_for_greeting(page)
    # A bare ID opens the status lookup, so what follows answers its questions and is
    # kept with every digit hidden; the amount is sent once the lookup is over.
    for text in messages:
        if text != AMOUNT_TEXT:
            chat.send_and_wait_for_reply(page, text)
            _hand_back_if_paused(rasa_stack, chat.session_id(page))
    # The status lookup in the widget too, one answer per question: the browser must
    # keep these answers as the tracker store does, with no digit readable.
    chat.send_and_wait_for_reply(page, "ابي اعرف حالة طلبي")
    answers, widget_asked = _lookup_answers(), []
    for _ in range(4):
        slot = (rasa_stack.tracker(chat.session_id(page)).get("slots") or {}).get("requested_slot")
        if slot not in answers or slot in widget_asked:
            break
        widget_asked.append(slot)
        chat.send_and_wait_for_reply(page, answers[slot])
    chat.send_and_wait_for_reply(page, AMOUNT_TEXT)
    page.reload()
    chat.wait_until_ready(page)
    storage = page.evaluate("""() => {
        const dump = {};
        for (const area of [window.localStorage, window.sessionStorage])
            for (let i = 0; i < area.length; i++) dump[area.key(i)] = area.getItem(area.key(i));
        return dump;
    }""")
    time.sleep(1.0)  # let the servers flush their last log lines and SQLite its WAL
    return {
        "messages": messages,
        "storage": storage,
        "wa_number": wa_number,
        "lookup": lookup,
        "widget_asked": widget_asked,
    }


def _stack_dir(rasa_stack) -> Path:
    return Path(rasa_stack.tracker_db_url.removeprefix("sqlite:///")).parent


def _databases(rasa_stack) -> list[Path]:
    found = []
    for path in sorted(_stack_dir(rasa_stack).iterdir()):
        if path.is_file():
            with open(path, "rb") as handle:
                if handle.read(16) == b"SQLite format 3\x00":
                    found.append(path)
    return found


def _all_cells(database: Path) -> str:
    texts = []
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    cell = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
                    texts.append(cell)
                    if cell[:1] in "{[":
                        with contextlib.suppress(ValueError):
                            texts.append(json.dumps(json.loads(cell), ensure_ascii=False))
    return "\n".join(texts)


def test_every_table_of_every_database_holds_only_masked_numbers(rasa_stack, sent_everywhere):
    databases = _databases(rasa_stack)
    assert {p.name for p in databases} >= {"tracker.db", "status.db", "whatsapp_dedup.db"}
    for database in databases:
        cells = _all_cells(database)
        assert not _leaks(cells), f"{database.name}: {_leaks(cells)}"
    tracker_cells = _all_cells(_stack_dir(rasa_stack) / "tracker.db")
    assert "1,320" in tracker_cells, "amounts must still be stored as numbers"
    assert "1***,***,*72" in tracker_cells and "١***٬***٬*٧٢" in tracker_cells, "the messages were stored, masked"
    assert "SA** **** **** **** **** **19" in tracker_cells and "a************@*******.com" in tracker_cells
    assert not _leaks(tracker_cells, _forms_of(sent_everywhere["wa_number"][3:])), "the WhatsApp number is kept"


def test_raw_bytes_of_every_file_hold_no_number(rasa_stack, sent_everywhere):
    files = [p for p in _stack_dir(rasa_stack).rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files) and any(p.name == "tracker.db" for p in files)
    wa_forms = _forms_of(sent_everywhere["wa_number"][3:])
    for path in files:
        raw = path.read_bytes()
        leaked = [form for form in FORBIDDEN + wa_forms if form.encode("utf-8") in raw]
        assert not leaked, f"{path.name} holds {leaked}"


def test_logs_of_every_process_hold_no_number(rasa_stack, sent_everywhere):
    logs = sorted(rasa_stack.stack.config.log_dir.glob("*.log"))
    assert {p.stem for p in logs} >= {"rasa", "actions", "webchat"}
    for log in logs:
        text = log.read_text(encoding="utf-8", errors="replace")
        assert not _leaks(text), f"{log.name}: {_leaks(text)}"


def test_browser_storage_holds_only_masked_numbers(sent_everywhere):
    dumped = json.dumps(sent_everywhere["storage"], ensure_ascii=False)
    assert not _leaks(dumped) and not _leaks(json.dumps(sent_everywhere["storage"]))
    assert "1***,***,*72" in dumped and "1,320" in dumped, "the transcript was kept, masked"
    # The lookup's answers typed in the widget: kept, with every digit hidden.
    assert {"birth_date", "registration_date"} <= set(sent_everywhere["widget_asked"]), sent_everywhere["widget_asked"]
    assert "**/*/****" in dumped, "the birth date answer was kept, masked"
    for digits in BIRTH_DATE_DIGITS:
        for form in {digits, digits.translate(ARABIC), digits.translate(PERSIAN)}:
            assert not re.search(rf"(?<![0-9.]){form}(?![0-9])", dumped), form
    assert _lookup_answers()["registration_date"] not in dumped


def test_status_lookup_answers_are_kept_without_the_birth_date(rasa_stack, sent_everywhere):
    lookup = sent_everywhere["lookup"]
    assert "birth_date" in lookup["asked"] and "registration_date" in lookup["asked"], lookup
    # The answers were asked over three turns, so the lookup itself proves the form
    # read its masked-in-store answers back (sealed values, rasa_extensions/sealed_slots.py).
    assert (lookup["status"] or {}).get("status") == "under_review", lookup
    with sqlite3.connect(_stack_dir(rasa_stack) / "tracker.db") as connection:
        rows = [
            json.dumps(json.loads(r[0]), ensure_ascii=False)
            for r in connection.execute("SELECT data FROM events WHERE sender_id = ?", (lookup["sender"],))
        ]
    stored = "\n".join(rows)
    assert len(rows) > 10 and "**/*/****" in stored
    for digits in BIRTH_DATE_DIGITS:
        for form in {digits, digits.translate(ARABIC), digits.translate(PERSIAN)}:
            # Whole numbers only: "1985" inside a float score (0.0197948...) is not a date.
            assert not re.search(rf"(?<![0-9.]){form}(?![0-9])", stored), form
    for log in rasa_stack.stack.config.log_dir.glob("*.log"):
        assert not _leaks(log.read_text(encoding="utf-8", errors="replace"), ["١٢/٤/١٩٨٥", "1985-04-12"])


@pytest.mark.parametrize("command", [["export", "--format", fmt] for fmt in ("csv", "jsonl", "html")])
def test_review_exports_hold_only_masked_numbers(rasa_stack, sent_everywhere, tmp_path, command):
    out = tmp_path / ("export." + command[-1])
    env = {**os.environ, **rasa_stack.env, "REVIEW_DB_URL": f"sqlite:///{tmp_path / 'review.db'}"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "review",
            "--db",
            rasa_stack.tracker_db_url,
            "--status-db",
            rasa_stack.status_db_url,
            *command,
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    exported = out.read_text(encoding="utf-8-sig")
    assert "1***,***,*72" in exported, "the conversations were exported, masked"
    assert not _leaks(exported)


def test_review_transcript_view_holds_only_masked_numbers(rasa_stack, sent_everywhere):
    shown = subprocess.run(
        [
            sys.executable,
            "-m",
            "review",
            "--db",
            rasa_stack.tracker_db_url,
            "--status-db",
            rasa_stack.status_db_url,
            "show",
            "pii-rest-0",
            "--shape",
            "never",
        ],
        cwd=ROOT,
        env={**os.environ, **rasa_stack.env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert shown.returncode == 0, shown.stderr
    assert "1***,***,*72" in shown.stdout and not _leaks(shown.stdout)


def test_rasa_http_api_serves_the_masked_transcript(rasa_stack, sent_everywhere):
    response = httpx.get(
        f"{rasa_stack.rasa_url}/conversations/pii-rest-1/tracker", params={"token": rasa_stack.token}, timeout=30
    )
    assert response.status_code == 200
    assert not _leaks(response.text) and not _leaks(json.dumps(response.json(), ensure_ascii=False))


def test_review_web_pages_show_only_masked_numbers(rasa_stack, sent_everywhere, tmp_path):
    """The staff pages (list, each transcript) read the same store: nothing readable there either."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from aiohttp.test_utils import TestClient, TestServer

    from review.accounts import add_staff
    from review.review_db import dispose_review_engine, review_engine
    from review.web.app import ReviewConfig, create_app

    review_url = f"sqlite:///{tmp_path / 'review.db'}"
    add_staff(review_engine(review_url), "e2e-staff", "Sabr-wa-Amal-2024")
    token = re.compile(r'name="csrf_token" value="([^"]+)"')
    conversations = ["pii-rest-0", "pii-rest-1", "pii-rest-18", sent_everywhere["lookup"]["sender"]]

    async def pages() -> list[str]:
        app = create_app(ReviewConfig(rasa_stack.tracker_db_url, rasa_stack.status_db_url, review_url))
        async with TestClient(TestServer(app)) as client:
            login = await (await client.get("/login")).text()
            await client.post(
                "/login",
                data={
                    "username": "e2e-staff",
                    "password": "Sabr-wa-Amal-2024",
                    "csrf_token": token.search(login).group(1),
                },
            )
            shown = []
            for path in ["/"] + [f"/conversation?id={name}" for name in conversations]:
                response = await client.get(path)
                assert response.status == 200, path
                shown.append(await response.text())
            return shown

    try:
        # Its own thread: Playwright's event loop (the browser fixture) runs in this one.
        with ThreadPoolExecutor(max_workers=1) as pool:
            shown = pool.submit(lambda: asyncio.run(pages())).result(timeout=300)
    finally:
        dispose_review_engine(review_url)
    assert "pii-rest-0" in shown[0]
    assert "1***,***,*72" in shown[1] and "SA** **** **** **** **** **19" in shown[3]
    for html in shown:
        assert not _leaks(html) and "1985-04-12" not in html and "١٢/٤/١٩٨٥" not in html
