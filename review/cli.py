"""`python -m review`: list, show and export transcripts; staff accounts; corrections; report; web."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import date
from pathlib import Path

from review import outcomes as oc
from review.listing import DEFAULT_LOW_CONFIDENCE, ConversationFilter, find_conversations, summarize
from review.queries import load_conversation, tracker_engine
from review.settings import status_db_url, tracker_db_url
from review.texts import PASSWORD_PROMPTS


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"expected a date like 2024-01-31, got {text!r}") from err


def _confidence(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("confidence is between 0 and 1")
    return value


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=_date, help="first day (YYYY-MM-DD, Riyadh time)")
    parser.add_argument("--until", type=_date, help="last day, included")
    parser.add_argument("--channel", choices=(*oc.CHANNELS, "unknown"))
    parser.add_argument("--outcome", choices=(*oc.OUTCOMES, "none"))
    parser.add_argument("--fallback", action="store_true", help="only conversations that had a fallback")
    parser.add_argument(
        "--low-confidence", action="store_true", help="only conversations with a user message scored below --below"
    )
    parser.add_argument("--below", type=_confidence, default=DEFAULT_LOW_CONFIDENCE)
    parser.add_argument("--search", default="", help="words to find (spelling variants match)")
    parser.add_argument("--tag", default="", help="only conversations staff tagged with this tag")


def _filter(args: argparse.Namespace) -> ConversationFilter:
    return ConversationFilter(
        args.since,
        args.until,
        args.channel,
        args.outcome,
        args.fallback,
        args.low_confidence,
        args.below,
        args.search,
        args.tag,
    )


def _review(args: argparse.Namespace):
    from review.review_db import review_engine

    return review_engine(args.review_db)


def _find(args: argparse.Namespace):
    return find_conversations(
        tracker_engine(tracker_db_url(args.db)), _filter(args), status_db_url(args.status_db), _review(args)
    )


def cmd_list(args: argparse.Namespace) -> int:
    summaries = _find(args)
    for s in summaries:
        row = {
            "conversation": s.display_id,
            "started_at": s.started_at.isoformat(timespec="seconds"),
            "first_message": s.first_message,
            "channel": s.channel,
            "outcomes": sorted(s.outcomes),
            "had_fallback": s.had_fallback,
            "lowest_confidence": s.lowest_confidence,
            "user_messages": s.user_messages,
        }
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            lowest = "-" if s.lowest_confidence is None else f"{s.lowest_confidence:.2f}"
            print(
                f"{row['conversation']}\t{row['started_at']}\t{s.channel}\t"
                f"{','.join(row['outcomes']) or '-'}\t{'fallback' if s.had_fallback else '-'}\t{lowest}"
            )
    print(f"{len(summaries)} conversation(s)", file=sys.stderr)
    return 0


def _pseudonym(conversation_id: str) -> str | None:
    """A WhatsApp number typed by staff → the id it is stored under."""
    try:
        from status_store.crypto import pseudonymous_conversation_id

        return pseudonymous_conversation_id(conversation_id)
    except Exception:  # no status_store or no key: nothing else to try
        return None


def cmd_show(args: argparse.Namespace) -> int:
    from review.status_link import status_facts
    from review.transcript_text import render_transcript

    engine = tracker_engine(tracker_db_url(args.db))
    conversation = load_conversation(engine, args.conversation)
    if conversation is None and (alias := _pseudonym(args.conversation)) not in (None, args.conversation):
        conversation = load_conversation(engine, alias)
    if conversation is None:
        print(f"No conversation {args.conversation!r} in the tracker store.", file=sys.stderr)
        return 1
    facts = status_facts([conversation.sender_id], status_db_url(args.status_db)).get(conversation.sender_id)
    print(render_transcript(conversation, args.shape, sys.stdout, summarize(conversation, facts).outcomes))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from review.export import write_export

    count = write_export(
        _find(args), Path(args.out), args.format, tracker_engine(tracker_db_url(args.db)), _review(args)
    )
    print(f"wrote {count} {'rows' if args.format == 'csv' else 'conversation(s)'} to {args.out}", file=sys.stderr)
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(PASSWORD_PROMPTS["enter"])
    if getpass.getpass(PASSWORD_PROMPTS["repeat"]) != first:
        raise ValueError(PASSWORD_PROMPTS["mismatch"])
    return first


def cmd_add_staff(args: argparse.Namespace) -> int:
    from review.accounts import add_staff
    from review.review_db import review_engine

    try:
        staff = add_staff(
            review_engine(args.review_db), args.name, _read_password(args), replace=args.replace, role=args.role
        )
    except ValueError as error:  # WeakPassword, AccountError, mismatch
        print(str(error), file=sys.stderr)
        return 2
    print(f"staff account {staff.username!r} saved ({staff.role})", file=sys.stderr)
    return 0


def cmd_set_role(args: argparse.Namespace) -> int:
    """Make an account an agent or a supervisor (the live inbox's two roles)."""
    from review.accounts import AccountError, set_role
    from review.review_db import review_engine

    try:
        staff = set_role(review_engine(args.review_db), args.name, args.role)
    except AccountError as error:
        print(str(error), file=sys.stderr)
        return 2
    print(f"staff account {staff.username!r} is now {staff.role}", file=sys.stderr)
    return 0


def cmd_export_corrections(args: argparse.Namespace) -> int:
    from review.annotations import corrections
    from review.corrections_yaml import write_corrections
    from review.review_db import review_engine

    count = write_corrections(corrections(review_engine(args.review_db)), Path(args.out))
    print(f"wrote {count} corrected example(s) to {args.out}", file=sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from review.listing import refresh
    from review.report import write_report

    review = _review(args)
    refresh(tracker_engine(tracker_db_url(args.db)), review, status_db_url(args.status_db))
    for path in write_report(review, _filter(args), Path(args.out)):
        print(path)
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    """Fold new tracker events and status-store rows into the review DB's summaries."""
    import time

    from review.indexer import index_tracker
    from review.status_index import index_status

    started = time.perf_counter()
    review = _review(args)
    events = index_tracker(tracker_engine(tracker_db_url(args.db)), review)
    rows = index_status(review, status_db_url(args.status_db))
    print(
        f"indexed {events} new event(s) and {rows} status row(s) in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    """Bring the review DB to the newest Alembic revision (also done on first use)."""
    _review(args)
    print("review DB is at the newest revision", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from review.web.app import ReviewConfig, run

    run(
        ReviewConfig(
            tracker_db_url(args.db), status_db_url(args.status_db), args.review_db, secure_cookies=args.secure_cookies
        ),
        args.host,
        args.port,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m review", description=__doc__)
    parser.add_argument("--db", help="tracker store SQLAlchemy URL (default TRACKER_DB_URL or var/tracker.db)")
    parser.add_argument("--status-db", help="status store URL (default STATUS_DB_URL or var/status.db)")
    parser.add_argument("--review-db", help="review DB URL (default REVIEW_DB_URL or var/review.db)")
    commands = parser.add_subparsers(dest="command", required=True)

    listing = commands.add_parser("list", help="conversations matching the filters")
    _add_filters(listing)
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(handler=cmd_list)

    show = commands.add_parser("show", help="one transcript with intents and confidences")
    show.add_argument("conversation")
    show.add_argument(
        "--shape",
        choices=("auto", "always", "never"),
        default="auto",
        help="shape Arabic for terminals that cannot (auto: only such a terminal; never when piped)",
    )
    show.set_defaults(handler=cmd_show)

    export = commands.add_parser("export", help="write matching conversations to a file")
    _add_filters(export)
    export.add_argument("--format", choices=("csv", "jsonl", "html"), required=True)
    export.add_argument("--out", required=True)
    export.set_defaults(handler=cmd_export)

    staff = commands.add_parser("add-staff", help="create a staff account (password is prompted)")
    staff.add_argument("name")
    staff.add_argument("--password-stdin", action="store_true", help="read the password from one line of stdin")
    staff.add_argument("--replace", action="store_true", help="set a new password for an existing account")
    staff.add_argument(
        "--role",
        choices=("agent", "supervisor"),
        help="inbox role: an agent sees the queue and their own conversations, a supervisor all "
        "(default for a new account: agent)",
    )
    staff.set_defaults(handler=cmd_add_staff)

    role = commands.add_parser("set-role", help="make a staff account an agent or a supervisor")
    role.add_argument("name")
    role.add_argument("role", choices=("agent", "supervisor"))
    role.set_defaults(handler=cmd_set_role)

    corrections = commands.add_parser("export-corrections", help="marked examples as Rasa NLU YAML")
    corrections.add_argument("--out", required=True)
    corrections.set_defaults(handler=cmd_export_corrections)

    report = commands.add_parser("report", help="report.json and PNG charts")
    _add_filters(report)
    report.add_argument("--out", required=True)
    report.set_defaults(handler=cmd_report)

    index = commands.add_parser("index", help="update the review DB's conversation summaries from new events")
    index.set_defaults(handler=cmd_index)

    migrate = commands.add_parser("migrate", help="bring the review DB's schema to the newest Alembic revision")
    migrate.set_defaults(handler=cmd_migrate)

    serve = commands.add_parser("serve", help="the staff web page")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8090)
    serve.add_argument(
        "--secure-cookies", action="store_true", help="mark cookies Secure (set this when served over https)"
    )
    serve.set_defaults(handler=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)
