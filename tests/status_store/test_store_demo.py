"""Demo applications: valid fake IDs, one per status, safe to seed again."""

from datetime import date, timedelta

from sqlalchemy import func, select

from arabic_text.national_id import is_valid_national_id
from saudi_locale.clock import riyadh_today
from status_store.applications import lookup_application
from status_store.cli import main
from status_store.demo import DEMO_APPLICATIONS, seed_demo
from status_store.engine import session_scope
from status_store.models import Application

REVIEW_DAYS = 25


def test_demo_ids_pass_the_national_id_check():
    assert all(is_valid_national_id(demo.national_id) for demo in DEMO_APPLICATIONS)


def test_demo_covers_each_status_once():
    assert sorted(demo.status for demo in DEMO_APPLICATIONS) == ["eligible", "ineligible", "under_review"]


def test_seeded_demos_answer_with_their_status_today(engine):
    today = riyadh_today()
    seed_demo(engine=engine, today=today)
    for demo in DEMO_APPLICATIONS:
        answer = lookup_application(
            demo.national_id, demo.birth_date, on=today, review_period_days=REVIEW_DAYS, engine=engine
        )
        assert answer.status == demo.status
        if demo.status == "under_review":
            assert answer.decision_expected_by > today  # still inside the review period
        if demo.status == "ineligible":
            assert answer.reason


def test_seeding_twice_keeps_one_row_per_demo(store_url, engine, capsys):
    assert main(["--url", store_url, "seed-demo"]) == 0
    assert main(["--url", store_url, "seed-demo"]) == 0
    with session_scope(engine) as session:
        assert session.execute(select(func.count(Application.id))).scalar_one() == len(DEMO_APPLICATIONS)
    output = capsys.readouterr().out
    assert all(demo.national_id in output for demo in DEMO_APPLICATIONS)


def test_reseeding_later_moves_the_under_review_demo_forward(engine):
    seed_demo(engine=engine, today=date(2024, 1, 1))
    later = date(2024, 3, 1)
    seed_demo(engine=engine, today=later)
    demo = next(d for d in DEMO_APPLICATIONS if d.status == "under_review")
    answer = lookup_application(
        demo.national_id, demo.birth_date, on=later, review_period_days=REVIEW_DAYS, engine=engine
    )
    registered = later - timedelta(days=demo.registered_days_ago)
    assert answer.decision_expected_by == registered + timedelta(days=REVIEW_DAYS)
