"""Demo applications for local runs, the README and tests. The IDs are fake but pass the Luhn check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.engine import Engine

from arabic_text.national_id import mask_national_id
from saudi_locale.clock import riyadh_today
from status_store.crypto import hash_national_id
from status_store.records import ApplicationRecord, upsert_applications


@dataclass(frozen=True)
class DemoApplication:
    national_id: str
    birth_date: date
    status: str
    # Dates are relative to the day of seeding, so the under-review demo stays
    # inside the review period whenever the demo is (re)seeded.
    registered_days_ago: int
    decided_days_ago: int | None = None
    reason: str | None = None

    def registered_on(self, today: date | None = None) -> date:
        """The registration date when seeded on `today` (default: today)."""
        return (today or riyadh_today()) - timedelta(days=self.registered_days_ago)

    def registration_month(self, today: date | None = None) -> str:
        """The answer to "when did you register?" as people type it: "M/YYYY"."""
        registered = self.registered_on(today)
        return f"{registered.month}/{registered.year}"


DEMO_APPLICATIONS: list[DemoApplication] = [
    DemoApplication("1012345672", date(1985, 4, 12), "under_review", registered_days_ago=3),
    DemoApplication("1045678909", date(1978, 9, 30), "eligible", registered_days_ago=60, decided_days_ago=33),
    DemoApplication(
        "1098765439",
        date(1990, 1, 15),
        "ineligible",
        registered_days_ago=70,
        decided_days_ago=40,
        reason="دخل الأسرة الشهري أعلى من المبلغ المرجعي للبرنامج.",
    ),
]


def demo_records(today: date) -> list[ApplicationRecord]:
    records = []
    for demo in DEMO_APPLICATIONS:
        decided = None if demo.decided_days_ago is None else today - timedelta(days=demo.decided_days_ago)
        records.append(
            ApplicationRecord(
                national_id_hash=hash_national_id(demo.national_id),
                national_id_masked=mask_national_id(demo.national_id),
                birth_date=demo.birth_date,
                registration_date=demo.registered_on(today),
                status=demo.status,
                decision_date=decided,
                reason=demo.reason,
            )
        )
    return records


def seed_demo(*, engine: Engine | None = None, today: date | None = None) -> tuple[int, int]:
    """Create or refresh the demo applications (safe to run again); returns (created, updated)."""
    return upsert_applications(demo_records(today or riyadh_today()), engine=engine)
