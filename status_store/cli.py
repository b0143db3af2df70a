"""Staff command line: `python -m status_store COMMAND`.

Commands: migrate, import-csv FILE, seed-demo, handoffs [--all], handoff-done ID --by NAME.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from saudi_locale.clock import riyadh_today
from status_store.errors import HandoffNotFound, MissingHmacKey, StatusStoreUnavailable
from status_store.texts import CLI_MESSAGES

EXIT_OK, EXIT_REJECTED, EXIT_BROKEN = 0, 1, 2


def _show(text: str) -> str:
    """Shape Arabic for terminals that cannot, when the project's helper is there."""
    try:
        from arabic_text import display_text
    except ImportError:
        return text
    return display_text(text, stream=sys.stdout)


def _say(text: str = "") -> None:
    print(_show(text))


def cmd_migrate(args: argparse.Namespace) -> int:
    from status_store.migrate import current_revision, upgrade_to_head

    upgrade_to_head(args.url)
    _say(f"Schema is at revision {current_revision(args.url)}.")
    return EXIT_OK


def cmd_import_csv(args: argparse.Namespace) -> int:
    from status_store.csv_import import import_csv
    from status_store.engine import get_engine

    if not Path(args.file).is_file():
        _say(CLI_MESSAGES["file_not_found"].format(path=args.file))
        return EXIT_REJECTED
    report = import_csv(Path(args.file), engine=get_engine(args.url))
    if not report.ok:
        for problem in report.problems:
            _say(str(problem))
        count = len(report.problems)
        _say(CLI_MESSAGES["nothing_imported"].format(count=count))
        return EXIT_REJECTED
    for line, masked, status in report.rows:
        _say(f"line {line}: {masked} {status}")
    _say(CLI_MESSAGES["imported"].format(created=report.created, updated=report.updated))
    return EXIT_OK


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from status_store.demo import DEMO_APPLICATIONS, seed_demo
    from status_store.engine import get_engine

    today = riyadh_today()
    created, updated = seed_demo(engine=get_engine(args.url), today=today)
    _say(f"Demo applications: {created} new, {updated} refreshed (fake IDs, safe to share):")
    for demo in DEMO_APPLICATIONS:
        registered = today - timedelta(days=demo.registered_days_ago)
        _say(
            f"  {demo.national_id}  birth {demo.birth_date.isoformat()}  "
            f"registered {registered.month}/{registered.year}  {demo.status}"
        )
    return EXIT_OK


def cmd_handoffs(args: argparse.Namespace) -> int:
    from status_store.engine import get_engine
    from status_store.handoffs import list_handoffs

    handoffs = list_handoffs(None if args.all else False, engine=get_engine(args.url))
    if not handoffs:
        _say(CLI_MESSAGES["no_handoffs"])
    for item in handoffs:
        state = "open"
        if item.handled:
            state = f"done by {item.handled_by} at {item.handled_at:%Y-%m-%d %H:%M}"
        when = f"{item.created_at:%Y-%m-%d %H:%M} UTC"
        _say(f"#{item.id} {when} [{item.channel}] {item.conversation_id} ({state})")
        _say(f"    {item.topic}")
    return EXIT_OK


def cmd_handoff_done(args: argparse.Namespace) -> int:
    from status_store.engine import get_engine
    from status_store.handoffs import mark_handoff_handled

    try:
        item = mark_handoff_handled(args.id, args.by, engine=get_engine(args.url))
    except HandoffNotFound:
        _say(CLI_MESSAGES["handoff_not_found"].format(id=args.id))
        return EXIT_REJECTED
    _say(f"#{item.id} handled by {item.handled_by}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m status_store", description=__doc__)
    parser.add_argument("--url", help="database URL (default: STATUS_DB_URL, else sqlite:///var/status.db)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="upgrade the schema to the newest revision")
    importer = commands.add_parser("import-csv", help="import or update application statuses")
    importer.add_argument("file", help="CSV: national_id,birth_date,registration_date,status,decision_date,reason")
    commands.add_parser("seed-demo", help="create the demo applications (idempotent)")
    lister = commands.add_parser("handoffs", help="list open handoff requests")
    lister.add_argument("--all", action="store_true", help="include handled requests")
    done = commands.add_parser("handoff-done", help="mark a handoff request as handled")
    done.add_argument("id", type=int)
    done.add_argument("--by", required=True, help="staff name")
    return parser


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "migrate": cmd_migrate,
    "import-csv": cmd_import_csv,
    "seed-demo": cmd_seed_demo,
    "handoffs": cmd_handoffs,
    "handoff-done": cmd_handoff_done,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (MissingHmacKey, StatusStoreUnavailable) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BROKEN
