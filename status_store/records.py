"""Writing application records: the one place where rows in `applications` are created or changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from status_store.clock import utc_naive
from status_store.engine import session_scope
from status_store.models import Application


@dataclass(frozen=True)
class ApplicationRecord:
    """One application as staff supply it, already hashed and masked: no raw ID in here."""

    national_id_hash: str
    national_id_masked: str
    birth_date: date
    registration_date: date
    status: str
    decision_date: date | None = None
    reason: str | None = None


def apply_record(session: Session, record: ApplicationRecord) -> bool:
    """Insert or update one record inside the caller's transaction; True when it was new."""
    row = session.execute(
        select(Application).where(Application.national_id_hash == record.national_id_hash)
    ).scalar_one_or_none()
    created = row is None
    if created:
        row = Application(national_id_hash=record.national_id_hash)
        session.add(row)
    row.national_id_masked = record.national_id_masked
    row.birth_date = record.birth_date
    row.registration_date = record.registration_date
    row.status = record.status
    row.decision_date = record.decision_date
    row.reason = record.reason
    row.updated_at = utc_naive()
    # Flush per row so a constraint problem surfaces here, still inside the
    # transaction that will be rolled back as a whole.
    session.flush()
    return created


def upsert_applications(records: Iterable[ApplicationRecord], *, engine: Engine | None = None) -> tuple[int, int]:
    """Write all records in one transaction (all or none); returns (created, updated)."""
    created = updated = 0
    with session_scope(engine) as session:
        for record in records:
            if apply_record(session, record):
                created += 1
            else:
                updated += 1
    return created, updated
