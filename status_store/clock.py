"""Times as the store keeps them: naive UTC, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timezone


def utc_naive(moment: datetime | None = None) -> datetime:
    """`moment` (default now) as naive UTC; aware datetimes are converted, naive ones taken as UTC."""
    if moment is None:
        return datetime.now(timezone.utc).replace(tzinfo=None)
    if moment.tzinfo is not None:
        return moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment
