"""SQLite tracker store without an fsync per message: WAL journal, synchronous=NORMAL.

With SQLite's defaults (rollback journal, synchronous=FULL) every tracker save waits
for fsync, inside Rasa's event loop, so every other conversation waits too. In WAL
mode with synchronous=NORMAL a commit is an append to the WAL file; a power cut can
lose the last commits but never corrupts the database. PostgreSQL deployments are
not affected by this patch.
"""
from __future__ import annotations

from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import event

_ORIGINAL_INIT = SQLTrackerStore.__init__


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _init(self: SQLTrackerStore, *args: Any, **kwargs: Any) -> None:
    _ORIGINAL_INIT(self, *args, **kwargs)
    if self.engine.dialect.name == "sqlite":
        event.listen(self.engine, "connect", _set_pragmas)
        self.engine.dispose()  # pooled connections were opened before the listener


def install() -> None:
    SQLTrackerStore.__init__ = _init  # type: ignore[assignment]


def uninstall() -> None:
    SQLTrackerStore.__init__ = _ORIGINAL_INIT  # type: ignore[assignment]
