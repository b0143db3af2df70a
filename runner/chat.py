"""Terminal chat with the running assistant, like `rasa shell` but over REST, with
Arabic shaped for terminals that cannot shape it (--shape always|never|auto).

Buttons are listed with numbers; typing the number sends the button's payload.
Each logical line is wrapped to the terminal's width and then reordered for display
(arabic_text.terminal.display_rows); result cards print as short lines, never JSON;
digits follow DISPLAY_DIGITS (arabic_text.display).

Messages are recorded with input channel `cmdline`, the name `rasa shell` uses: Rasa's
REST channel takes the channel name from the request's `input_channel` field.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import uuid
from typing import Any

import httpx

from arabic_text.card_text import card_lines
from arabic_text.display import display_digits, isolate_dates
from arabic_text.terminal import display_rows
from runner.texts import CHAT_CONNECTION_FAILED, CHAT_PROMPT

INPUT_CHANNEL = "cmdline"  # rasa.core.channels.console.CmdlineInput.name()
QUIT_COMMANDS = ("/quit", "/exit")
PROMPT = CHAT_PROMPT
BOT = "🤖 "
INDENT = "   "


class Printer:
    """Prints text as rows that fit `width` columns, shaped as `shape` decides."""

    def __init__(self, shape: str, width: int, style: str | None = None) -> None:
        self.shape, self.width, self.style = shape, width, style

    def rows(self, text: str) -> list[str]:
        text = isolate_dates(display_digits(text, self.style))
        return display_rows(text, self.width, shape=self.shape, stream=sys.stdout)

    def show(self, text: str) -> None:
        for row in self.rows(text):
            print(row, flush=True)


def render(messages: list[dict[str, Any]], printer: Printer) -> list[dict[str, str]]:
    """Print the bot's messages; return the buttons, numbered in the order shown."""
    buttons: list[dict[str, str]] = []
    for message in messages:
        if message.get("text"):
            printer.show(BOT + message["text"])
        for line in card_lines(message.get("custom"), printer.style):
            printer.show(INDENT + line)
        for button in message.get("buttons") or []:
            buttons.append(button)
            printer.show(f"{INDENT}[{len(buttons)}] {button.get('title', '')}")
    return buttons


def chosen_button(line: str, buttons: list[dict[str, str]]) -> dict[str, str] | None:
    """The button whose number was typed, in either digit style ("2" or "٢")."""
    digits = display_digits(line, "latn")
    if digits.isdigit() and 0 < int(digits) <= len(buttons):
        return buttons[int(digits) - 1]
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:5005", help="Rasa server base URL")
    parser.add_argument("--shape", choices=("auto", "always", "never"), default="auto")
    parser.add_argument("--width", type=int, default=0, help="columns (default: the terminal's)")
    parser.add_argument("--sender", default=f"shell-{uuid.uuid4().hex[:8]}")
    args = parser.parse_args(argv)
    width = args.width if args.width > 0 else shutil.get_terminal_size((80, 24)).columns
    printer = Printer(args.shape, width)
    webhook = f"{args.url.rstrip('/')}/webhooks/rest/webhook"
    printer.show(PROMPT)
    buttons: list[dict[str, str]] = []
    with httpx.Client(timeout=60) as client:
        while True:
            try:
                line = input("> ").strip()
            except (EOFError, KeyboardInterrupt):
                print()
                return 0
            if line in QUIT_COMMANDS:
                return 0
            button = chosen_button(line, buttons)
            if button is not None:
                line = button.get("payload") or button.get("title", "")
            body = {"sender": args.sender, "message": line, "input_channel": INPUT_CHANNEL}
            try:
                response = client.post(webhook, json=body)
                response.raise_for_status()
            except httpx.HTTPError as error:
                printer.show(CHAT_CONNECTION_FAILED.format(error=error.__class__.__name__))
                continue
            buttons = render(response.json(), printer)


if __name__ == "__main__":
    sys.exit(main())
