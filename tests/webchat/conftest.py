"""Fixtures for the widget's browser tests: a fake Rasa socket.io server, the real
webchat static server (as a subprocess, the way the run command starts it) and a
fresh Chromium profile per test."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from tests.webchat.fake_rasa import FakeRasa

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run", "--disable-component-update", "--disable-sync"]
ARTIFACTS = REPO / "test-artifacts"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen, timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"webchat server exited early: {process.stderr.read() if process.stderr else ''}")
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"webchat server did not answer at {url}")


def start_webchat_server(rasa_public_url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ, WEBCHAT_PORT=str(port), RASA_PUBLIC_URL=rasa_public_url,
               PYTHONPATH=str(REPO))
    process = subprocess.Popen([sys.executable, "-m", "webchat.serve"], cwd=REPO, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    wait_until_serving(url + "/healthz", process)
    return process, url


@pytest.fixture(scope="session")
def fake_rasa() -> Iterator[FakeRasa]:
    server = FakeRasa().start()
    yield server
    server.stop()


@pytest.fixture
def bot(fake_rasa: FakeRasa) -> FakeRasa:
    fake_rasa.reset()
    return fake_rasa


@pytest.fixture(scope="session")
def webchat_url(fake_rasa: FakeRasa) -> Iterator[str]:
    process, url = start_webchat_server(fake_rasa.url)
    yield url
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `scripts/setup.sh --test` (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture
def browser_context(playwright_driver, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh Chromium profile, so localStorage starts empty in every test."""
    context = playwright_driver.chromium.launch_persistent_context(
        user_data_dir=str(tmp_path / "chromium-profile"), executable_path=CHROMIUM,
        headless=True, args=CHROMIUM_ARGS, viewport=DESKTOP, locale="ar-SA")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):  # type: ignore[no-untyped-def]
    return browser_context.pages[0] if browser_context.pages else browser_context.new_page()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
