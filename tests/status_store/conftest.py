"""Fixtures for the status store tests: a migrated database on SQLite and on PostgreSQL.

Each test gets its own database, copied from a template migrated once per session
(an SQLite file copy, or PostgreSQL's CREATE DATABASE ... TEMPLATE), so the
schema always comes from the Alembic migrations and tests stay fast.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from status_store.engine import dispose_engine, get_engine
from status_store.migrate import upgrade_to_head
from tests.support.postgres import PostgresServer, start_for_pytest

TEST_HMAC_KEY = "test-only-hmac-key-not-a-secret"
_database_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def hmac_key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("NATIONAL_ID_HMAC_KEY", TEST_HMAC_KEY)
    monkeypatch.delenv("STATUS_DB_URL", raising=False)
    return TEST_HMAC_KEY


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = start_for_pytest()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server: PostgresServer) -> str:
    url = pg_server.create_database("status_template")
    upgrade_to_head(url)
    dispose_engine(url)  # a template database must have no open connections
    return "status_template"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite-template") / "status.db"
    url = f"sqlite:///{path}"
    upgrade_to_head(url)
    dispose_engine(url)
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A freshly migrated, empty status database on each backend."""
    if request.param == "sqlite":
        path = tmp_path / "status.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
    else:
        template = request.getfixturevalue("pg_template")
        server: PostgresServer = request.getfixturevalue("pg_server")
        url = server.create_database(f"status_test_{next(_database_numbers)}", template=template)
    yield url
    dispose_engine(url)


@pytest.fixture
def engine(store_url: str) -> Engine:
    return get_engine(store_url)
