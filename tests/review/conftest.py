"""Fixtures: the review tool's three databases, filled once per test session."""

from __future__ import annotations

import pytest
from review_scenarios import HMAC_KEY, ReviewData, fill_status_store, save_trackers


@pytest.fixture(scope="session")
def review_data(tmp_path_factory) -> ReviewData:
    tmp = tmp_path_factory.mktemp("review")
    data = ReviewData(
        f"sqlite:///{tmp / 'tracker.db'}", f"sqlite:///{tmp / 'status.db'}", f"sqlite:///{tmp / 'review.db'}", tmp
    )
    # The key is needed only while saving (WhatsApp ids are hashed); other suites must not see it.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NATIONAL_ID_HMAC_KEY", HMAC_KEY)
        save_trackers(data.tracker_url)
        fill_status_store(data.status_url)
    return data


@pytest.fixture
def env(review_data, monkeypatch):
    """The review tool's environment: its three databases and the HMAC key."""
    monkeypatch.setenv("NATIONAL_ID_HMAC_KEY", HMAC_KEY)
    monkeypatch.setenv("TRACKER_DB_URL", review_data.tracker_url)
    monkeypatch.setenv("STATUS_DB_URL", review_data.status_url)
    monkeypatch.setenv("REVIEW_DB_URL", review_data.review_url)
    return review_data


@pytest.fixture
def staff_db(tmp_path):
    """A fresh review DB with one staff account (review_web_helpers.STAFF_NAME / STAFF_PASSWORD)."""
    from review_web_helpers import STAFF_NAME, STAFF_PASSWORD

    from review.accounts import add_staff
    from review.review_db import dispose_review_engine, review_engine

    url = f"sqlite:///{tmp_path / 'review.db'}"
    add_staff(review_engine(url), STAFF_NAME, STAFF_PASSWORD)
    yield url
    dispose_review_engine(url)


@pytest.fixture(scope="session")
def reading_data(tmp_path_factory) -> ReviewData:
    """A second tracker store: faq guesses on affirm/stop, button presses, multi-line answers."""
    from reading_scenarios import save_reading_trackers

    tmp = tmp_path_factory.mktemp("reading")
    data = ReviewData(
        f"sqlite:///{tmp / 'tracker.db'}", f"sqlite:///{tmp / 'status.db'}", f"sqlite:///{tmp / 'review.db'}", tmp
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NATIONAL_ID_HMAC_KEY", HMAC_KEY)
        save_reading_trackers(data.tracker_url)
        fill_status_store(data.status_url)
    return data
