"""One SQLAlchemy engine per database URL, and sessions that report outages clearly."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from status_store.errors import StatusStoreUnavailable
from status_store.settings import database_url

_engines: dict[str, Engine] = {}
_lock = threading.Lock()

# Seconds to wait for PostgreSQL before calling the store unavailable: the bot
# should answer "try later" quickly rather than leave the user waiting.
PG_CONNECT_TIMEOUT = 5
# Seconds SQLite waits for another writer (action server and a staff import
# may write at the same time).
SQLITE_BUSY_TIMEOUT = 15


def _new_engine(url: str) -> Engine:
    # hide_parameters keeps bound values (hashes, conversation ids) out of
    # exception messages, which end up in logs.
    if url.startswith("sqlite"):
        return create_engine(
            url,
            future=True,
            hide_parameters=True,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT, "check_same_thread": False},
        )
    connect_args = {"connect_timeout": PG_CONNECT_TIMEOUT} if url.startswith("postgresql") else {}
    return create_engine(url, future=True, hide_parameters=True, pool_pre_ping=True, connect_args=connect_args)


def get_engine(url: str | None = None) -> Engine:
    """The shared engine for `url` (default: STATUS_DB_URL, else var/status.db)."""
    resolved = database_url(url)
    with _lock:
        engine = _engines.get(resolved)
        if engine is None:
            engine = _engines[resolved] = _new_engine(resolved)
        return engine


def dispose_engine(url: str | None = None) -> None:
    """Close and forget the engine for `url` (tests and CLI use this to release files)."""
    resolved = database_url(url)
    with _lock:
        engine = _engines.pop(resolved, None)
    if engine is not None:
        engine.dispose()


def _unavailable(error: exc.DBAPIError) -> StatusStoreUnavailable:
    original = type(error.orig).__name__ if error.orig is not None else type(error).__name__
    text = str(error.orig or error).lower()
    hint = ""
    if "no such table" in text or ("relation" in text and "does not exist" in text):
        hint = " The schema is missing: run `python -m status_store migrate`."
    return StatusStoreUnavailable(f"The status database cannot be used right now ({original}).{hint}")


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session in one transaction: committed on success, rolled back on any error.

    Database failures other than integrity violations come out as
    StatusStoreUnavailable, one type the bot can turn into a polite reply.
    """
    session = Session(engine or get_engine(), future=True, expire_on_commit=False)
    try:
        with session.begin():
            yield session
    except exc.IntegrityError:
        raise
    except exc.DBAPIError as error:
        raise _unavailable(error) from error
    except exc.TimeoutError as error:  # every pooled connection busy for too long
        raise StatusStoreUnavailable("The status database is overloaded right now (pool timeout).") from error
    finally:
        session.close()
