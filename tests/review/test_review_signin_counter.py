"""The sign-in failure counter lives in the review DB: it holds across processes and restarts."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import sqlalchemy as sa
from review_web_helpers import STAFF_NAME, Clock, make_app, run, sign_in

from review.review_db import SIGNIN_FAILURES, review_engine
from review.settings import REPO_ROOT


def _statuses(app, attempts):
    async def scenario(client):
        return [(await sign_in(client, password=password)).status for password in attempts]

    return run(app, scenario)


def test_failures_in_one_app_process_block_sign_in_in_another(review_data, staff_db):
    clock = Clock()
    first, second = make_app(review_data, staff_db, clock=clock), make_app(review_data, staff_db, clock=clock)
    assert _statuses(first, [f"wrong-{i}-password" for i in range(5)]) == [401] * 5
    assert _statuses(second, ["Sabr-wa-Amal-2024"]) == [429]


def test_failures_survive_a_restart_of_the_app(review_data, staff_db):
    from review.review_db import dispose_review_engine

    clock = Clock()
    assert _statuses(make_app(review_data, staff_db, clock=clock), ["nope-nope-nope"] * 5) == [401] * 5
    dispose_review_engine(staff_db)  # as if the process ended: no engine, no memory kept
    assert _statuses(make_app(review_data, staff_db, clock=clock), ["Sabr-wa-Amal-2024"]) == [429]
    clock.now += 15 * 60 + 1
    assert _statuses(make_app(review_data, staff_db, clock=clock), ["Sabr-wa-Amal-2024"]) == [303]


def test_failures_recorded_by_a_separate_os_process_are_counted(review_data, staff_db):
    script = (
        "import sys; from review.review_db import review_engine; from review.web.ratelimit import FailureLimiter;"
        "limiter = FailureLimiter(review_engine(sys.argv[1]));"
        f"[limiter.record_failure(['user:{STAFF_NAME}']) for _ in range(5)]"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    subprocess.run([sys.executable, "-c", script, staff_db], check=True, cwd=REPO_ROOT, env=env, timeout=120)
    assert _statuses(make_app(review_data, staff_db, clock=Clock(time.time())), ["Sabr-wa-Amal-2024"]) == [429]


def test_a_right_password_clears_the_user_counter_but_keeps_no_names_or_addresses(review_data, staff_db):
    clock = Clock()
    app = make_app(review_data, staff_db, clock=clock)
    assert _statuses(app, ["wrong-password-1", "wrong-password-2", "Sabr-wa-Amal-2024"]) == [401, 401, 303]
    with review_engine(staff_db).connect() as connection:
        keys = [row.key_hash for row in connection.execute(sa.select(SIGNIN_FAILURES))]
    # Only the address's two failures stay; the user's were cleared by the good sign-in.
    assert len(keys) == 2 and len(set(keys)) == 1
    assert all(STAFF_NAME not in key and "127.0.0.1" not in key for key in keys)
