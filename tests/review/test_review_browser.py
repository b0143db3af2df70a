"""A real browser (Debian's Chromium via Playwright) signs in, opens a transcript and checks RTL layout."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from aiohttp import web
from review_web_helpers import STAFF_NAME, STAFF_PASSWORD, make_app

from review.settings import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO_ROOT / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed")


class _ServerThread:
    """The review app on a free loopback port, served from its own event loop."""

    def __init__(self, app: web.Application) -> None:
        self.app, self.port = app, 0
        self._ready = threading.Event()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._runner = web.AppRunner(self.app)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    def __enter__(self) -> _ServerThread:
        self._thread.start()
        assert self._ready.wait(15), "review server did not start"
        return self

    def __exit__(self, *exc) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(15)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(15)


def test_staff_signs_in_and_reads_a_transcript_laid_out_right_to_left(review_data, staff_db, tmp_path):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with _ServerThread(make_app(review_data, staff_db)) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=LAUNCH_ARGS,
            viewport={"width": 1200, "height": 900},
            locale="ar-SA",
        )
        try:
            page = browser.new_page()
            base = f"http://127.0.0.1:{server.port}"
            page.goto(f"{base}/")
            assert page.url.endswith("/login")
            page.fill("input[name=username]", STAFF_NAME)
            page.fill("input[name=password]", STAFF_PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(f"{base}/")
            assert page.locator("header .who").inner_text() == STAFF_NAME

            page.click('a[href="/conversation?id=web-eligible"]')
            page.wait_for_selector("#transcript .msg.user")
            direction = page.evaluate("getComputedStyle(document.body).direction")
            message_direction = page.evaluate(
                "getComputedStyle(document.querySelector('#transcript .msg .text')).direction"
            )
            assert (direction, message_direction) == ("rtl", "rtl")
            assert page.evaluate("document.documentElement.lang") == "ar"
            # Right to left: the first message box hugs the right edge of the page.
            box = page.locator("#transcript .msg").first.bounding_box()
            assert box["x"] + box["width"] > 1200 - 60 and box["x"] > 100
            assert "أبغى أعرف هل أنا مستحق للضمان" in page.locator("#transcript").inner_text()
            page.screenshot(path=str(ARTIFACTS / "review-transcript.png"), full_page=True)
        finally:
            browser.close()
    assert (ARTIFACTS / "review-transcript.png").stat().st_size > 10_000


def test_staff_see_line_breaks_button_titles_and_offered_buttons_in_chromium(reading_data, staff_db, tmp_path):
    from playwright.sync_api import sync_playwright
    from reading_scenarios import TWO_LINES

    with _ServerThread(make_app(reading_data, staff_db)) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=LAUNCH_ARGS,
            viewport={"width": 1200, "height": 900},
            locale="ar-SA",
        )
        try:
            page = browser.new_page()
            base = f"http://127.0.0.1:{server.port}"
            page.goto(f"{base}/login")
            page.fill("input[name=username]", STAFF_NAME)
            page.fill("input[name=password]", STAFF_PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(f"{base}/")
            previews = page.locator("td.preview").all_inner_texts()
            assert "جوالي 05******67 ابي احد يتصل علي" in previews and "مرحبا" in previews

            page.goto(f"{base}/conversation?id=guesses")
            # Two rendered lines, not one run-on line.
            assert page.locator("#transcript .msg.bot .text").first.inner_text() == TWO_LINES

            page.goto(f"{base}/conversation?id=buttons")
            pressed = page.locator("#transcript .msg.user .text").all_inner_texts()
            assert "ضغط الزر: «نعم»" in pressed and not any("/affirm" in text for text in pressed)
            offered = page.locator("#transcript .msg.bot .buttons .button").all_inner_texts()
            assert offered[:2] == ["أفحص أهليتي", "شروط الضمان"] and "نعم" in offered
            page.screenshot(path=str(ARTIFACTS / "review-buttons.png"), full_page=True)
        finally:
            browser.close()
