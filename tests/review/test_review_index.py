"""The summary index: incremental, equal to reading the events, cheap when nothing is new,
and the only thing pages read; the review DB's schema comes from Alembic."""

from __future__ import annotations

import asyncio
import shutil

import pytest
import sqlalchemy as sa
from review_scenarios import DOMAIN, HMAC_KEY, Script, at
from review_web_helpers import make_app, run, sign_in

from review.indexer import LostRace, claim, index_tracker
from review.listing import ConversationFilter, find_conversations, summarize
from review.queries import load_all, tracker_engine
from review.review_db import INDEX_STATE, dispose_review_engine, review_engine


@pytest.fixture
def tracker_copy(review_data, tmp_path):
    copy = tmp_path / "tracker.db"
    shutil.copy(review_data.tracker_url.replace("sqlite:///", ""), copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def fresh_review(tmp_path):
    url = f"sqlite:///{tmp_path / 'review-index.db'}"
    yield review_engine(url)
    dispose_review_engine(url)


def _comparable(summary):
    return (
        summary.sender_id,
        summary.channel,
        summary.started_at,
        summary.ended_at,
        summary.first_message,
        summary.outcomes,
        summary.had_fallback,
        summary.lowest_confidence,
        summary.user_messages,
        summary.turns_to_result,
    )


def _indexed(tracker, review, status_url=None):
    return {s.sender_id: s for s in find_conversations(tracker, ConversationFilter(), status_url, review)}


@pytest.mark.parametrize("batch", [1, 3, 5000])
def test_indexed_summaries_equal_summaries_read_from_the_events(review_data, fresh_review, batch, tmp_path):
    tracker = tracker_engine(review_data.tracker_url)
    index_tracker(tracker, fresh_review, batch=batch)
    indexed = _indexed(tracker, fresh_review, f"sqlite:///{tmp_path / 'no-status.db'}")
    for conversation in load_all(tracker):
        assert _comparable(indexed[conversation.sender_id]) == _comparable(summarize(conversation))


def test_new_events_are_folded_in_and_only_they_are_read(tracker_copy, fresh_review, monkeypatch):
    from rasa_extensions.masking_tracker_store import MaskingSQLTrackerStore

    monkeypatch.setenv("NATIONAL_ID_HMAC_KEY", HMAC_KEY)
    tracker = tracker_engine(tracker_copy)
    first = index_tracker(tracker, fresh_review)
    assert first > 0 and index_tracker(tracker, fresh_review) == 0
    store = MaskingSQLTrackerStore(domain=DOMAIN, url=tracker_copy)
    later = (
        Script("late-arrival", "whatsapp", at(14, 9))
        .user("ابي اكلم موظف", "human_handoff", 0.9)
        .action("action_human_handoff")
        .bot("سأحوّلك", utter="utter_human_handoff")
        .listen()
    )
    asyncio.run(store.save(later.tracker()))
    store.engine.dispose()
    assert index_tracker(tracker, fresh_review) == len(later.events)
    summary = _indexed(tracker, fresh_review)["late-arrival"]
    assert (summary.first_message, summary.outcomes, summary.channel) == ("ابي اكلم موظف", {"handoff"}, "whatsapp")


def _tracker_statements(engine):
    seen = []
    sa.event.listen(engine, "before_cursor_execute", lambda conn, cursor, statement, *rest: seen.append(statement))
    return seen


def test_list_search_and_report_pages_never_read_event_rows(review_data, staff_db):
    app = make_app(review_data, staff_db)
    from review.web.keys import TRACKER_ENGINE

    async def scenario(client):
        await sign_in(client)
        await client.get("/")  # the first visit indexes what is there
        seen = _tracker_statements(app[TRACKER_ENGINE])
        for path in (
            "/",
            "/?page=2",
            "/?q=%D8%AF%D8%AE%D9%84%D9%8A",
            "/?outcome=eligible&fallback=1",
            "/report",
            "/report/faq_topics.png",
        ):
            assert (await client.get(path)).status == 200, path
        return seen

    seen = run(app, scenario)
    assert seen, "each page still asks the tracker whether there is anything new"
    assert all("max(events.id)" in statement for statement in seen), seen


def test_pointing_the_review_db_at_another_tracker_rebuilds_the_summaries(review_data, reading_data, fresh_review):
    index_tracker(tracker_engine(review_data.tracker_url), fresh_review)
    reading = tracker_engine(reading_data.tracker_url)
    assert set(_indexed(reading, fresh_review)) == {"guesses", "buttons", "phone-first"}


def test_an_indexer_that_lost_the_race_writes_nothing(review_data, fresh_review):
    tracker = tracker_engine(review_data.tracker_url)
    index_tracker(tracker, fresh_review)
    with fresh_review.connect() as connection:
        state = connection.execute(sa.select(INDEX_STATE).where(INDEX_STATE.c.source == "tracker")).one()
    with pytest.raises(LostRace), fresh_review.begin() as connection:
        claim(connection, "tracker", state.source_key, state.last_id - 1, state.last_id + 5)


def test_list_pages_through_the_conversations_newest_first(review_data, staff_db, monkeypatch):
    import review.web.pages as pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 3)

    async def scenario(client):
        await sign_in(client)
        return [await (await client.get(f"/?page={n}")).text() for n in ("1", "2", "3", "99", "x")]

    first, second, third, beyond, bad = run(make_app(review_data, staff_db), scenario)
    order = ["web-store-only", "web-faq", "cli-fallback", "web-handoff"]
    assert all(f'?id={name}"' in first for name in order[:3]) and '?id=web-handoff"' not in first
    assert '?id=web-handoff"' in second and "الصفحة 2 من 3" in second
    assert 'rel="prev" href="/?page=1"' in second and 'rel="next" href="/?page=3"' in second
    assert '?id=web-eligible"' in third and 'rel="next"' not in third
    assert beyond == third and "الصفحة 1 من 3" in bad


def test_review_db_is_made_by_alembic_and_an_older_db_is_upgraded_in_place(tmp_path):
    from alembic.config import Config
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from review.review_db import ALEMBIC_INI

    head = ScriptDirectory.from_config(Config(str(ALEMBIC_INI))).get_current_head()
    legacy = tmp_path / "legacy.db"
    engine = sa.create_engine(f"sqlite:///{legacy}", future=True)
    with engine.begin() as connection:  # what the create_all() code used to leave behind
        connection.exec_driver_sql(
            "CREATE TABLE staff (id INTEGER PRIMARY KEY, username VARCHAR(64) NOT NULL UNIQUE,"
            " password_hash VARCHAR(255) NOT NULL, created_at FLOAT NOT NULL)"
        )
        connection.exec_driver_sql("INSERT INTO staff VALUES (1, 'old-hand', 'scrypt$x', 0)")
    engine.dispose()
    for url in (f"sqlite:///{legacy}", f"sqlite:///{tmp_path / 'new.db'}"):
        migrated = review_engine(url)
        with migrated.connect() as connection:
            assert MigrationContext.configure(connection).get_current_revision() == head
            assert "conversation_summaries" in sa.inspect(connection).get_table_names()
        dispose_review_engine(url)
    with sa.create_engine(f"sqlite:///{legacy}").connect() as connection:
        assert connection.exec_driver_sql("SELECT username FROM staff").scalar() == "old-hand"


def test_a_handoff_recorded_later_in_the_status_store_reaches_the_outcomes(
    review_data, fresh_review, tmp_path, monkeypatch
):
    from status_store.engine import dispose_engine, get_engine
    from status_store.handoffs import record_handoff

    monkeypatch.setenv("NATIONAL_ID_HMAC_KEY", HMAC_KEY)
    status_copy = tmp_path / "status.db"
    shutil.copy(review_data.status_url.replace("sqlite:///", ""), status_copy)
    status_url = f"sqlite:///{status_copy}"
    tracker = tracker_engine(review_data.tracker_url)
    assert "handoff" not in _indexed(tracker, fresh_review, status_url)["web-faq"].outcomes
    record_handoff("web-faq", "rest", "ابي موظف", engine=get_engine(status_url))
    dispose_engine(status_url)
    assert "handoff" in _indexed(tracker, fresh_review, status_url)["web-faq"].outcomes
    # Without a status store, only what the transcript shows remains.
    assert "handoff" not in _indexed(tracker, fresh_review, f"sqlite:///{tmp_path / 'none.db'}")["web-faq"].outcomes


def test_cli_migrate_and_index_fill_a_new_review_db(review_data, tmp_path, capsys):
    from review.cli import main

    url = f"sqlite:///{tmp_path / 'cli-review.db'}"
    assert main(["--review-db", url, "migrate"]) == 0
    assert (
        main(["--db", review_data.tracker_url, "--status-db", review_data.status_url, "--review-db", url, "index"]) == 0
    )
    assert (
        main(["--db", review_data.tracker_url, "--status-db", review_data.status_url, "--review-db", url, "index"]) == 0
    )
    first, second = [line for line in capsys.readouterr().err.splitlines() if line.startswith("indexed")]
    assert not first.startswith("indexed 0 ") and second.startswith("indexed 0 new event(s) and 0 status row(s)")
    dispose_review_engine(url)
