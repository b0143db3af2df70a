"""The patches do not depend on the tracker store: with Rasa's plain SQLTrackerStore in
endpoints.yml, the Rasa server started by rasa_extensions.run_rasa logs its patches and
still tells the user when the action server is down. The auth token comes from
RASA_TOKEN, never from the command line, even when it starts with "-"."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "current.tar.gz"

pytestmark = pytest.mark.e2e


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def plain_store_rasa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, subprocess.Popen, Path]]:
    if not MODEL.exists():
        pytest.fail("No trained model: run scripts/train_if_needed.sh (make test does it).")
    work = tmp_path_factory.mktemp("plain_store")
    endpoints = work / "endpoints.yml"
    endpoints.write_text(
        yaml.safe_dump(
            {
                # Nothing listens here: every custom action fails as if the action server were down.
                "action_endpoint": {"url": f"http://127.0.0.1:{_free_port()}/webhook"},
                "tracker_store": {"type": "sql", "dialect": "sqlite", "db": str(work / "tracker.db")},
            }
        )
    )
    port = _free_port()
    token = "-" + secrets.token_hex(12)  # the `=` form must keep a leading "-" a value
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        RASA_TOKEN=token,
        RASA_TELEMETRY_ENABLED="false",
        ACTION_SERVER_TIMEOUT_SECONDS="5",
        NATIONAL_ID_HMAC_KEY="plain-store-test",
        WHATSAPP_DEDUP_DB=str(work / "dedup.db"),
    )
    for name in ("WHATSAPP_VERIFY_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"):
        env.setdefault(name, "")
    env.setdefault("WHATSAPP_GRAPH_BASE_URL", "http://127.0.0.1:9")
    log_path = work / "rasa.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "rasa_extensions.run_rasa",
                "run",
                "--model",
                str(MODEL),
                "--enable-api",
                "--interface",
                "127.0.0.1",
                "--port",
                str(port),
                "--endpoints",
                str(endpoints),
                "--credentials",
                "credentials.yml",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            if process.poll() is not None:
                pytest.fail(f"rasa exited {process.returncode}: {log_path.read_text(errors='replace')[-4000:]}")
            try:
                response = httpx.get(f"{url}/status", params={"token": token}, timeout=2)
                if response.status_code == 200 and response.json().get("model_file"):
                    break
            except (httpx.HTTPError, ValueError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"rasa did not start: {log_path.read_text(errors='replace')[-4000:]}")
            time.sleep(1)
        yield url, token, process, log_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def test_the_server_logs_its_patches_at_start(plain_store_rasa) -> None:
    _, _, _, log_path = plain_store_rasa
    text = log_path.read_text(errors="replace")
    assert (
        "Rasa 3.6.21: patches active for the rasa server: pii_log_filter, action_server_guard, "
        "action_response_schema" in text
    )


def test_the_token_is_not_on_the_command_line_but_is_required(plain_store_rasa) -> None:
    url, token, process, _ = plain_store_rasa
    cmdline = Path(f"/proc/{process.pid}/cmdline").read_bytes().decode(errors="replace")
    assert "rasa_extensions.run_rasa" in cmdline
    assert token not in cmdline and "auth-token" not in cmdline
    assert httpx.get(f"{url}/status", timeout=10).status_code in (401, 403)
    assert httpx.get(f"{url}/status", params={"token": token}, timeout=10).status_code == 200


def test_the_guard_answers_when_the_action_server_is_down(plain_store_rasa) -> None:
    url, _, _, _ = plain_store_rasa
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    notice = domain["responses"]["utter_temporarily_unavailable"][0]["text"]
    response = httpx.post(
        f"{url}/webhooks/rest/webhook", json={"sender": "plain-store-user", "message": "ابي افحص اهليتي"}, timeout=60
    )
    assert response.status_code == 200
    assert notice in [message.get("text") for message in response.json()], response.json()
