"""What a person does with the widget, written once for the browser tests.

Waits are on the page's own state (data-connection, the number of messages),
never fixed sleeps.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

BOT_BUBBLES = "#messages .msg--bot .bubble"
USER_BUBBLES = "#messages .msg--user .bubble"
QUICK_REPLIES = "#messages .quick-replies__button"
TIMEOUT_MS = 15_000


def open_chat(page: Page, url: str) -> None:
    page.goto(url)
    wait_until_ready(page)


def wait_until_ready(page: Page) -> None:
    page.wait_for_selector("#chat[data-connection='ready']", timeout=TIMEOUT_MS)


def session_id(page: Page) -> str:
    value = page.get_attribute("#chat", "data-session-id")
    assert value, "the widget has no confirmed session id"
    return value


def count(page: Page, selector: str) -> int:
    return page.locator(selector).count()


def wait_for_count(page: Page, selector: str, at_least: int) -> None:
    page.wait_for_function(
        "([selector, n]) => document.querySelectorAll(selector).length >= n",
        arg=[selector, at_least],
        timeout=TIMEOUT_MS,
    )


def texts(page: Page, selector: str) -> list[str]:
    """Visible text of each bubble, without the screen-reader speaker prefix."""
    return page.eval_on_selector_all(
        selector,
        """nodes => nodes.map(node => {
        const copy = node.cloneNode(true);
        copy.querySelectorAll('.sr-only').forEach(prefix => prefix.remove());
        return copy.textContent.trim();
    })""",
    )


def wait_for_greeting(page: Page) -> None:
    wait_for_count(page, BOT_BUBBLES, 1)


def send(page: Page, text: str) -> None:
    """Type into the box and press Enter, as a person does."""
    page.fill("#input", text)
    page.press("#input", "Enter")


def send_and_wait_for_reply(page: Page, text: str) -> None:
    before = count(page, "#messages .msg--bot")
    send(page, text)
    wait_for_count(page, "#messages .msg--bot", before + 1)


def stored(page: Page, key: str) -> Any:
    return page.evaluate("key => window.localStorage.getItem(key)", key)


def shown(text: str, style: str = "arab") -> str:
    """`text` as the widget shows it: digits in the display style (DISPLAY_DIGITS,
    Arabic-Indic by default), by the same rules as arabic_text.display."""
    from arabic_text.display import display_digits

    return display_digits(text, style)
