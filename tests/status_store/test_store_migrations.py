"""The schema comes from Alembic, matches the models, and lives where the settings say."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from status_store.cli import main
from status_store.engine import dispose_engine, get_engine
from status_store.migrate import alembic_config, current_revision
from status_store.models import Base
from status_store.settings import REPO_ROOT, database_url

TABLES = {"applications", "eligibility_checks", "handoff_requests", "status_lookups"}


def test_migrated_schema_matches_the_models(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_drift_check_would_notice_a_column_missing_from_the_migrations(engine):
    from sqlalchemy import Column, Integer, MetaData, Table

    drifted = MetaData()
    for table in Base.metadata.sorted_tables:
        table.to_metadata(drifted)
    Table("applications", drifted, Column("extra", Integer), extend_existing=True)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), drifted) != []


def test_database_is_at_the_newest_revision(store_url):
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert current_revision(store_url) == head


def test_migrate_command_creates_every_table_in_an_empty_database(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    try:
        assert main(["--url", url, "migrate"]) == 0
        assert main(["--url", url, "migrate"]) == 0  # running it again changes nothing
        assert set(inspect(get_engine(url)).get_table_names()) >= TABLES
    finally:
        dispose_engine(url)


def test_migrate_command_creates_every_table_on_postgresql(pg_server):
    url = pg_server.create_database("fresh_migrate")
    try:
        assert main(["--url", url, "migrate"]) == 0
        assert set(inspect(get_engine(url)).get_table_names()) >= TABLES
    finally:
        dispose_engine(url)


def test_relative_sqlite_path_is_taken_from_the_repository_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STATUS_DB_URL", "sqlite:///var/status-test-path.db")
    assert database_url() == f"sqlite:///{REPO_ROOT / 'var' / 'status-test-path.db'}"


def test_default_database_is_var_status_db_under_the_repository(monkeypatch):
    monkeypatch.delenv("STATUS_DB_URL", raising=False)
    assert database_url() == f"sqlite:///{REPO_ROOT / 'var' / 'status.db'}"


def test_missing_directory_for_sqlite_file_is_created(tmp_path):
    target = tmp_path / "not" / "yet"
    database_url(f"sqlite:///{target / 'status.db'}")
    assert target.is_dir()


def test_postgresql_url_from_environment_is_used_unchanged(monkeypatch):
    url = "postgresql+psycopg2://bot@db.internal:5432/status"
    monkeypatch.setenv("STATUS_DB_URL", url)
    assert database_url() == url


def test_one_engine_is_shared_per_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    try:
        assert get_engine(url) is get_engine(url)
        assert get_engine(url) is not get_engine(f"sqlite:///{tmp_path / 'other.db'}")
    finally:
        dispose_engine(url)
        dispose_engine(f"sqlite:///{tmp_path / 'other.db'}")
