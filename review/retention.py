"""Retention: remove conversations nobody has written to for N days (default 90).

    python -m review.retention [--days N] [--anonymise] [--dry-run] [--db URL] [--review-db URL]

A conversation is old when its LAST event is older than N days (Riyadh time is
irrelevant here: event timestamps are epoch seconds). For each old conversation:
- tracker store (Rasa's SQL tracker store, table `events`): its events are deleted,
  or with --anonymise kept for statistics under a random id, with every text,
  entity value and slot value dropped (intents and actions stay);
- review database (tables `tags`, `notes`, `corrections`, and the indexer's
  `conversation_summaries` and `conversation_outcomes`): its rows are deleted in both
  modes, since notes, corrections and summaries quote the conversation.
It prints what it removed, per conversation (masked id) and per table. Each
database is changed in one transaction. The default comes from RETENTION_DAYS.

Settings: RETENTION_DAYS (default 90), TRACKER_DB_URL, REVIEW_DB_URL (see README).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arabic_text.pii import mask_pii
from review.queries import EVENTS
from review.review_db import CORRECTIONS, NOTES, OUTCOME_ROWS, SUMMARIES, TAGS, migrate
from review.settings import review_db_url, tracker_db_url

DEFAULT_DAYS = 90
DAYS_ENV = "RETENTION_DAYS"
# Review tables and the column that names the conversation in each.
REVIEW_TABLES = (
    (TAGS, "conversation_id"),
    (NOTES, "conversation_id"),
    (CORRECTIONS, "conversation_id"),
    (SUMMARIES, "sender_id"),
    (OUTCOME_ROWS, "sender_id"),
)
_CHUNK = 500  # SQLite's limit on bound parameters in one IN (...)
# Event fields that may hold what a person typed or was told; dropped when anonymising.
_TEXT_KEYS = ("text", "value", "sealed_value", "metadata", "input_channel", "message_id")


@dataclass
class RetentionReport:
    """What was (or, on a dry run, would be) removed. Counts are rows."""

    cutoff: float  # epoch seconds: conversations last active before this are old
    conversations: list[dict[str, Any]] = field(default_factory=list)  # masked id, last event, events
    removed: dict[str, int] = field(default_factory=dict)  # table -> rows deleted
    anonymised: dict[str, int] = field(default_factory=dict)  # table -> rows rewritten


def default_days() -> int:
    """RETENTION_DAYS, else 90. Raises ValueError for a value that is not a positive integer."""
    raw = os.environ.get(DAYS_ENV, "").strip()
    days = int(raw) if raw else DEFAULT_DAYS
    if days < 1:
        raise ValueError(f"{DAYS_ENV} must be 1 or more days, not {raw}")
    return days


def old_conversations(tracker: Engine, cutoff: float) -> list[dict[str, Any]]:
    """[{sender_id, last_event, events}] of conversations whose last event is before `cutoff`."""
    last = sa.func.max(EVENTS.c.timestamp)
    query = (
        sa.select(EVENTS.c.sender_id, last.label("last_event"), sa.func.count(EVENTS.c.id).label("events"))
        .group_by(EVENTS.c.sender_id)
        .having(last < cutoff)
        .order_by(last)
    )
    with tracker.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def _chunks(values: Sequence[str]) -> list[Sequence[str]]:
    return [values[i : i + _CHUNK] for i in range(0, len(values), _CHUNK)]


def _scrub(data: Any) -> Any:
    """The event JSON with every free text and value removed, names kept."""
    if isinstance(data, dict):
        kept = {}
        for key, value in data.items():
            if key in _TEXT_KEYS:
                kept[key] = None
            elif key == "parse_data" and isinstance(value, dict):
                kept[key] = {
                    "intent": value.get("intent"),
                    "entities": [
                        {"entity": e.get("entity")} for e in value.get("entities") or [] if isinstance(e, dict)
                    ],
                }
            elif key in ("entities",):
                kept[key] = [{"entity": e.get("entity")} for e in value or [] if isinstance(e, dict)]
            else:
                kept[key] = _scrub(value)
        return kept
    if isinstance(data, list):
        return [_scrub(item) for item in data]
    return data


def _anonymise_events(connection: sa.engine.Connection, sender_id: str) -> int:
    new_id = "anon:" + secrets.token_hex(12)
    rows = connection.execute(sa.select(EVENTS.c.id, EVENTS.c.data).where(EVENTS.c.sender_id == sender_id)).all()
    for row in rows:
        try:
            data = json.loads(row.data or "{}")
        except ValueError:
            data = {}
        data = _scrub(data)
        if isinstance(data, dict) and "sender_id" in data:
            data["sender_id"] = new_id
        connection.execute(
            EVENTS.update()
            .where(EVENTS.c.id == row.id)
            .values(sender_id=new_id, data=json.dumps(data, ensure_ascii=False))
        )
    return len(rows)


def apply_retention(
    tracker: Engine,
    review: Engine | None,
    *,
    days: int,
    anonymise: bool = False,
    dry_run: bool = False,
    now: float | None = None,
) -> RetentionReport:
    """Delete (or anonymise) conversations last active more than `days` days before `now`."""
    if days < 1:
        raise ValueError("days must be 1 or more")
    report = RetentionReport(cutoff=(now if now is not None else time.time()) - days * 86400)
    found = old_conversations(tracker, report.cutoff)
    ids = [row["sender_id"] for row in found]
    report.conversations = [
        {
            "conversation": mask_pii(row["sender_id"] or ""),
            "last_event": row["last_event"],
            "events": int(row["events"]),
        }
        for row in found
    ]
    events = sum(int(row["events"]) for row in found)
    (report.anonymised if anonymise else report.removed)["events"] = events
    if review is not None:
        with review.connect() as connection:
            for table, column in REVIEW_TABLES:
                report.removed[table.name] = sum(
                    connection.execute(
                        sa.select(sa.func.count()).select_from(table).where(table.c[column].in_(chunk))
                    ).scalar_one()
                    for chunk in _chunks(ids)
                )
    if dry_run or not ids:
        return report
    with tracker.begin() as connection:
        for chunk in _chunks(ids):
            if anonymise:
                for sender_id in chunk:
                    _anonymise_events(connection, sender_id)
            else:
                connection.execute(EVENTS.delete().where(EVENTS.c.sender_id.in_(chunk)))
    if review is not None:
        with review.begin() as connection:
            for table, column in REVIEW_TABLES:
                for chunk in _chunks(ids):
                    connection.execute(table.delete().where(table.c[column].in_(chunk)))
    return report


def _print(report: RetentionReport, days: int, anonymise: bool, dry_run: bool) -> None:
    cutoff = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(report.cutoff))
    verb = "would be" if dry_run else "were"
    action = "anonymised" if anonymise else "deleted"
    print(f"Conversations last active before {cutoff} ({days} days): {len(report.conversations)} {verb} {action}.")
    for item in report.conversations:
        when = time.strftime("%Y-%m-%d", time.gmtime(item["last_event"]))
        print(f"  {item['conversation']}  last active {when}  {item['events']} events")
    for table, count in report.removed.items():
        print(f"  {table}: {count} rows {'to delete' if dry_run else 'deleted'}")
    for table, count in report.anonymised.items():
        print(f"  {table}: {count} rows {'to anonymise' if dry_run else 'anonymised'}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m review.retention", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--days", type=int, default=None, help=f"age in days (default: {DAYS_ENV}, else {DEFAULT_DAYS})"
    )
    parser.add_argument("--anonymise", action="store_true", help="keep the events without texts under a random id")
    parser.add_argument("--dry-run", action="store_true", help="only print what would be removed")
    parser.add_argument("--db", help="tracker store URL (default: TRACKER_DB_URL, else var/tracker.db)")
    parser.add_argument("--review-db", help="review database URL (default: REVIEW_DB_URL, else var/review.db)")
    parser.add_argument("--no-review-db", action="store_true", help="leave the review database alone")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        days = args.days if args.days is not None else default_days()
        if days < 1:
            raise ValueError("--days must be 1 or more")
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    tracker = sa.create_engine(tracker_db_url(args.db), future=True, hide_parameters=True)
    review = None
    if not args.no_review_db:
        review = sa.create_engine(review_db_url(args.review_db), future=True, hide_parameters=True)
        # The review database may not exist yet, or be older: migrate it as the review tool does.
        migrate(review)
    try:
        report = apply_retention(tracker, review, days=days, anonymise=args.anonymise, dry_run=args.dry_run)
    except sa.exc.DBAPIError as error:
        print(f"error: the database cannot be used ({type(error.orig).__name__})", file=sys.stderr)
        return 2
    finally:
        tracker.dispose()
        if review is not None:
            review.dispose()
    _print(report, days, args.anonymise, args.dry_run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
