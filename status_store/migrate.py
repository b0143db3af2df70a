"""Bring a database's schema to the newest Alembic revision (the only way tables are created)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import exc

from status_store.engine import get_engine
from status_store.errors import StatusStoreUnavailable
from status_store.settings import ALEMBIC_INI


def alembic_config() -> Config:
    return Config(str(ALEMBIC_INI))


def upgrade_to_head(url: str | None = None) -> None:
    """Apply every pending migration to `url` (default: STATUS_DB_URL or var/status.db)."""
    config = alembic_config()
    try:
        with get_engine(url).begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except exc.DBAPIError as error:
        raise StatusStoreUnavailable(f"Could not migrate the status database ({type(error.orig).__name__}).") from error


def current_revision(url: str | None = None) -> str | None:
    """The revision the database is at, or None before the first migration."""
    from alembic.migration import MigrationContext

    with get_engine(url).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
