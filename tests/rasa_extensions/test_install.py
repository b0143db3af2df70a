"""rasa_extensions.install: one explicit, idempotent entry point, refused on an unchecked Rasa."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from rasa.core.actions.action import RemoteAction

import rasa_extensions
from rasa_extensions import action_response_schema, action_server_guard
from rasa_extensions.run_rasa import rasa_argv

ROOT = Path(__file__).resolve().parents[2]

# Runs `code` after making importlib.metadata report Rasa 9.9.9 (a version nobody checked).
_FAKE_VERSION = (
    "import importlib.metadata as m\n"
    "_real = m.version\n"
    "m.version = lambda name: '9.9.9' if name == 'rasa' else _real(name)\n"
)


def _python(code: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


def test_installed_rasa_is_a_checked_version() -> None:
    assert rasa_extensions.check_rasa_version() in rasa_extensions.CHECKED_RASA_VERSIONS


def test_importing_the_package_and_the_tracker_store_patches_nothing() -> None:
    code = (
        "import logging\n"
        "factory = logging.getLogRecordFactory()\n"
        "import rasa_extensions.masking_tracker_store, rasa_extensions.action_server_guard\n"
        "import rasa_extensions.action_response_schema as schema\n"
        "print(rasa_extensions.action_server_guard.is_installed(), schema.is_installed(),\n"
        "      logging.getLogRecordFactory() is factory)\n"
    )
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True"]


def test_install_is_idempotent_and_installs_every_patch(caplog: pytest.LogCaptureFixture) -> None:
    names = rasa_extensions.install("rasa")
    run_after_first = RemoteAction.run
    factory_after_first = logging.getLogRecordFactory()
    assert rasa_extensions.install("rasa") == names
    assert set(names) == {"pii_log_filter", "action_server_guard", "action_response_schema"}
    assert RemoteAction.run is run_after_first  # not wrapped twice
    assert logging.getLogRecordFactory() is factory_after_first
    assert action_server_guard.is_installed() and action_response_schema.is_installed()
    original = RemoteAction.run._daman_original_run
    assert not hasattr(original, "_daman_original_run")  # the wrapped run is Rasa's own
    assert "rasa" in rasa_extensions.installed_patches()


def test_install_logs_one_line_with_the_version_once() -> None:
    code = "import rasa_extensions\nrasa_extensions.install('rasa'); rasa_extensions.install('rasa')\n"
    result = _python(code)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "patches active" in line]
    assert len(lines) == 1, result.stderr
    assert "Rasa 3.6.21" in lines[0] and "action_server_guard" in lines[0]


def test_unknown_server_name_is_refused() -> None:
    with pytest.raises(ValueError):
        rasa_extensions.install("nlu")


def test_unchecked_rasa_version_is_refused_before_anything_is_patched() -> None:
    code = _FAKE_VERSION + (
        "import rasa_extensions\n"
        "from rasa_extensions import action_server_guard\n"
        "try:\n"
        "    rasa_extensions.install('rasa')\n"
        "except rasa_extensions.UncheckedRasaVersion as error:\n"
        "    print('refused', action_server_guard.is_installed(), error)\n"
    )
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("refused False"), result.stdout
    assert "9.9.9" in result.stdout and "3.6.21" in result.stdout


def test_rasa_launcher_refuses_to_start_on_an_unchecked_version() -> None:
    code = _FAKE_VERSION + "import sys\nfrom rasa_extensions.run_rasa import main\nmain(sys.argv[1:])\n"
    result = _python(code, "run", "--model", "models/current.tar.gz")
    assert result.returncode == 2
    assert "refusing to start" in result.stderr and "9.9.9" in result.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_action_server_logs_its_patches_and_refuses_an_unchecked_version(tmp_path: Path) -> None:
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), STATUS_DB_URL=f"sqlite:///{tmp_path}/s.db")
    log_path = tmp_path / "actions.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "scripts/action_server.py", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(timeout=30)
    text = log_path.read_text(errors="replace")
    assert "Rasa 3.6.21: patches active for the actions server: pii_log_filter" in text, text

    code = _FAKE_VERSION + (
        "import runpy, sys\n"
        "sys.argv = ['action_server.py']\n"
        "runpy.run_path('scripts/action_server.py', run_name='__main__')\n"
    )
    result = _python(code)
    assert result.returncode == 2
    assert "refusing to start" in result.stderr


def test_launcher_passes_the_token_inside_the_process_in_the_equals_form() -> None:
    env = {"RASA_TOKEN": "-starts-with-a-dash"}
    assert rasa_argv(["run", "--enable-api", "models/m.tar.gz"], env) == [
        "run",
        "--auth-token=-starts-with-a-dash",
        "--enable-api",
        "models/m.tar.gz",
    ]
    # An explicit token wins; other sub-commands and an empty token are left alone.
    assert rasa_argv(["run", "--auth-token=x"], env) == ["run", "--auth-token=x"]
    assert rasa_argv(["train", "--fixed-model-name", "m"], env) == ["train", "--fixed-model-name", "m"]
    assert rasa_argv(["run"], {"RASA_TOKEN": ""}) == ["run"]
