"""Where the status store lives: the database URL, resolved against the repository root."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "sqlite:///var/status.db"
ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else STATUS_DB_URL, else SQLite under var/.

    Relative SQLite paths are taken from the repository root rather than the
    current directory, so the bot, the action server and staff commands started
    from different directories all share one file.
    """
    return resolve_sqlite_url(url or os.environ.get("STATUS_DB_URL") or DEFAULT_URL)


def resolve_sqlite_url(url: str, *, create_dir: bool = True) -> str:
    """`url` with a relative SQLite file path made absolute under the repository root.

    The one resolver for every SQLite database of the project (status store, review
    tool, tracker store as the review tool reads it): the bot, the action server and
    staff commands started from different directories then share one file. Other
    back-ends, in-memory and ``file:`` URIs are returned unchanged. With `create_dir`,
    the file's directory is created.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return url
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return url
    path = Path(database)
    if not path.is_absolute():
        path = REPO_ROOT / path
    if create_dir:
        path.parent.mkdir(parents=True, exist_ok=True)
    return str(parsed.set(database=str(path)))
