"""A throwaway PostgreSQL server for tests: initdb + pg_ctl in a temporary directory.

Usage:
    server = PostgresServer.start()      # raises PostgresUnavailable with a fix-it message
    url = server.create_database("t1")   # postgresql+psycopg2://postgres@127.0.0.1:PORT/t1
    server.stop()

It listens on 127.0.0.1 on a free port with trust authentication, and is owned
by the `postgres` OS user when the tests run as root (PostgreSQL refuses to run
as root). Durability settings are off: the data is thrown away anyway.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SETUP_HINT = "Install PostgreSQL with `scripts/setup.sh --test` (or set STATUS_TESTS_SKIP_PG=1 to skip these tests)."


class PostgresUnavailable(RuntimeError):
    """PostgreSQL binaries are missing or the server would not start."""


def find_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin holding initdb and pg_ctl, if any."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name or 0), reverse=True
    )
    for candidate in candidates:
        if os.access(Path(candidate) / "initdb", os.X_OK) and os.access(Path(candidate) / "pg_ctl", os.X_OK):
            return Path(candidate)
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path and shutil.which("initdb") else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class PostgresServer:
    bin_dir: Path
    base_dir: Path
    port: int
    run_as: str | None

    @property
    def data_dir(self) -> Path:
        return self.base_dir / "data"

    @property
    def log_file(self) -> Path:
        return self.base_dir / "server.log"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/{database}"

    @classmethod
    def start(cls) -> PostgresServer:
        bin_dir = find_bin_dir()
        if bin_dir is None:
            raise PostgresUnavailable(f"PostgreSQL (initdb, pg_ctl) was not found. {SETUP_HINT}")
        run_as = "postgres" if os.geteuid() == 0 else None
        base_dir = Path(tempfile.mkdtemp(prefix="pgtest-"))
        if run_as:
            try:
                user = pwd.getpwnam(run_as)
            except KeyError as error:
                shutil.rmtree(base_dir, ignore_errors=True)
                raise PostgresUnavailable(f"Running as root needs the `postgres` user. {SETUP_HINT}") from error
            os.chown(base_dir, user.pw_uid, user.pw_gid)
        server = cls(bin_dir, base_dir, _free_port(), run_as)
        try:
            server._init_and_start()
        except (subprocess.CalledProcessError, OSError) as error:
            log = server.log_file.read_text(errors="replace")[-2000:] if server.log_file.exists() else ""
            server.stop()
            raise PostgresUnavailable(f"PostgreSQL did not start: {error}\n{log}") from error
        return server

    def _run(self, args: list[str]) -> None:
        prefix = ["runuser", "-u", self.run_as, "--"] if self.run_as else []
        subprocess.run(prefix + args, check=True, capture_output=True, timeout=120)

    def _init_and_start(self) -> None:
        self._run(
            [
                str(self.bin_dir / "initdb"),
                "-D",
                str(self.data_dir),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ]
        )
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.base_dir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            [
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data_dir),
                "-l",
                str(self.log_file),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ]
        )

    def execute(self, sql: str, database: str = "postgres") -> None:
        """Run one statement with autocommit (CREATE DATABASE cannot run in a transaction)."""
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=database)
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(sql)
        finally:
            connection.close()

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create database `name` (optionally copied from `template`) and return its URL."""
        suffix = f" TEMPLATE {template}" if template else ""
        self.execute(f'CREATE DATABASE "{name}"{suffix}')
        return self.url(name)

    def stop(self) -> None:
        if self.data_dir.exists():
            # Not running (start failed half-way): the directory goes anyway.
            with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
                self._run([str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(self.base_dir, ignore_errors=True)


def start_for_pytest(skip_env: str = "STATUS_TESTS_SKIP_PG") -> PostgresServer:
    """Start a server inside a pytest fixture: skip only when `skip_env`=1, otherwise fail loudly.

    Missing PostgreSQL must not silently skip the tests that prove the
    production database works.
    """
    import pytest

    if os.environ.get(skip_env) == "1":
        pytest.skip(f"PostgreSQL tests skipped because {skip_env}=1")
    try:
        return PostgresServer.start()
    except PostgresUnavailable as error:
        problem = str(error)
    pytest.fail(problem, pytrace=False)
