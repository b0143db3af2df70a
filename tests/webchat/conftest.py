"""Fixtures for the widget's browser tests: a fake Rasa socket.io server, the real
webchat static server (as a subprocess, the way the run command starts it) and a
fresh Chromium profile per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.webchat.fake_rasa import FakeRasa
from tests.webchat.servers import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, DESKTOP, start_webchat_server


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


# Module scope, not session: while Playwright's sync API is started, the thread has a
# running asyncio loop, and every later test of the same process that calls
# asyncio.run() fails. Under pytest-xdist (make check) a worker runs other packages'
# files after these, so the driver must be stopped at the end of each module.
@pytest.fixture(scope="module")
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
        user_data_dir=str(tmp_path / "chromium-profile"),
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport=DESKTOP,
        locale="ar-SA",
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def audit_page(playwright_driver, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A page whose context lets a test inject axe-core: the widget's CSP allows only
    its own scripts, so the audit script is let in by Playwright, not by the server."""
    context = playwright_driver.chromium.launch_persistent_context(
        user_data_dir=str(tmp_path / "chromium-audit"),
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport=DESKTOP,
        locale="ar-SA",
        bypass_csp=True,
    )
    context.set_default_timeout(10_000)
    yield context.pages[0] if context.pages else context.new_page()
    context.close()


@pytest.fixture
def page(browser_context):  # type: ignore[no-untyped-def]
    return browser_context.pages[0] if browser_context.pages else browser_context.new_page()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
