"""Where the review tool finds its databases."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url

from status_store.settings import resolve_sqlite_url

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRACKER_DB_URL = "sqlite:///var/tracker.db"
DEFAULT_REVIEW_DB_URL = "sqlite:///var/review.db"


def tracker_db_url(url: str | None = None) -> str:
    """--db, else TRACKER_DB_URL, else var/tracker.db."""
    return resolve_sqlite_url(url or os.environ.get("TRACKER_DB_URL") or DEFAULT_TRACKER_DB_URL, create_dir=False)


def review_db_url(url: str | None = None) -> str:
    """--review-db, else REVIEW_DB_URL, else var/review.db."""
    return resolve_sqlite_url(url or os.environ.get("REVIEW_DB_URL") or DEFAULT_REVIEW_DB_URL)


def status_db_url(url: str | None = None) -> str | None:
    """--status-db, else STATUS_DB_URL, else None (the status store's own default applies)."""
    return url or os.environ.get("STATUS_DB_URL") or None


def rasa_api_url(environ: dict | None = None) -> str:
    """Where the inbox reaches Rasa's HTTP API: RASA_URL, else 127.0.0.1 on RASA_PORT (default 5005).

    The API must be enabled with a token (`rasa run --enable-api --auth-token`), as
    scripts/run.sh and runner/stack.py start it; the token is RASA_TOKEN.
    """
    env = os.environ if environ is None else environ
    return (env.get("RASA_URL") or f"http://127.0.0.1:{env.get('RASA_PORT') or 5005}").rstrip("/")


def rasa_api_token(environ: dict | None = None) -> str:
    """RASA_TOKEN (empty when unset: the inbox then says it cannot reach the bot)."""
    return ((os.environ if environ is None else environ).get("RASA_TOKEN") or "").strip()


def engine_options(url: str) -> dict:
    """create_engine options: SQLite files keep a small pool of open connections.

    SQLAlchemy 1.4 opens a new SQLite connection for every checkout (NullPool);
    a page makes several queries, and reopening the file each time was a large part
    of a list page's time. A pooled connection is used by one thread at a time.
    """
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return {}
    from sqlalchemy.pool import QueuePool

    return {"poolclass": QueuePool, "pool_size": 4, "max_overflow": 4, "connect_args": {"check_same_thread": False}}
