"""A database that cannot be reached or is not migrated gives one clear exception type."""

import socket
from datetime import date

import pytest

from status_store.applications import lookup_application
from status_store.cli import main
from status_store.engine import dispose_engine, get_engine
from status_store.errors import StatusStoreUnavailable
from status_store.handoffs import record_handoff
from status_store.lockout import record_lookup


@pytest.fixture
def unreachable_pg_url():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg2://postgres@127.0.0.1:{port}/status"
    yield url
    dispose_engine(url)


@pytest.fixture
def unmigrated_sqlite_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    yield url
    dispose_engine(url)


def test_unreachable_server_raises_status_store_unavailable(unreachable_pg_url):
    with pytest.raises(StatusStoreUnavailable):
        lookup_application(
            "1000000008",
            date(1990, 1, 1),
            on=date(2024, 1, 1),
            review_period_days=25,
            engine=get_engine(unreachable_pg_url),
        )


def test_writes_to_unreachable_server_raise_status_store_unavailable(unreachable_pg_url):
    with pytest.raises(StatusStoreUnavailable):
        record_lookup("c1", False, engine=get_engine(unreachable_pg_url))


def test_database_without_schema_says_to_run_migrate(unmigrated_sqlite_url):
    with pytest.raises(StatusStoreUnavailable, match="python -m status_store migrate"):
        record_handoff("c1", "rest", "سؤال", engine=get_engine(unmigrated_sqlite_url))


def test_postgresql_without_schema_says_to_run_migrate(pg_server):
    url = pg_server.create_database("never_migrated")
    try:
        with pytest.raises(StatusStoreUnavailable, match="python -m status_store migrate"):
            record_handoff("c1", "rest", "سؤال", engine=get_engine(url))
    finally:
        dispose_engine(url)


def test_outage_message_does_not_echo_the_looked_up_values(unmigrated_sqlite_url):
    with pytest.raises(StatusStoreUnavailable) as caught:
        record_handoff("conversation-secret-xyz", "rest", "سؤال", engine=get_engine(unmigrated_sqlite_url))
    assert "conversation-secret-xyz" not in str(caught.value)
    assert "conversation-secret-xyz" not in str(caught.value.__cause__)


def test_staff_command_reports_outage_and_exits_two(unreachable_pg_url, capsys):
    assert main(["--url", unreachable_pg_url, "handoffs"]) == 2
    assert "cannot be used" in capsys.readouterr().err


def test_staff_import_without_hmac_key_exits_two_with_instructions(tmp_path, monkeypatch, capsys, store_url):
    monkeypatch.delenv("NATIONAL_ID_HMAC_KEY")
    csv_file = tmp_path / "in.csv"
    csv_file.write_text(
        "national_id,birth_date,registration_date,status,decision_date,reason\n"
        "1000000008,1990-01-01,2024-01-01,under_review,,\n",
        encoding="utf-8",
    )
    assert main(["--url", store_url, "import-csv", str(csv_file)]) == 2
    assert "NATIONAL_ID_HMAC_KEY" in capsys.readouterr().err
