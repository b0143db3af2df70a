"""Alembic environment for the review DB: runs on a connection handed over by
review.review_db, or on REVIEW_DB_URL when Alembic is called directly."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from review.review_db import metadata
from review.settings import review_db_url

config = context.config
target_metadata = metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = sa.create_engine(review_db_url(config.attributes.get("url")), future=True)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported; run them against a database.")
run_migrations_online()
