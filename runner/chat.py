"""Terminal chat with the running assistant, like `rasa shell` but over REST, with
Arabic shaped for terminals that cannot shape it (--shape always|never|auto).

Buttons are listed with numbers; typing the number sends the button's payload.
"""
from __future__ import annotations

import argparse
import json
import sys
import uuid
from typing import Any, Dict, List

import httpx

from arabic_text import display_text


def _show(text: str, shape: str) -> None:
    print(display_text(text, shape=shape, stream=sys.stdout), flush=True)


def _render(messages: List[Dict[str, Any]], shape: str) -> List[Dict[str, str]]:
    buttons: List[Dict[str, str]] = []
    for message in messages:
        if message.get("text"):
            _show("🤖 " + message["text"], shape)
        for button in message.get("buttons") or []:
            buttons.append(button)
            _show(f"   [{len(buttons)}] {button.get('title', '')}", shape)
        if message.get("custom"):
            print("   " + json.dumps(message["custom"], ensure_ascii=False), flush=True)
    return buttons


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:5005", help="Rasa server base URL")
    parser.add_argument("--shape", choices=("auto", "always", "never"), default="auto")
    parser.add_argument("--sender", default=f"shell-{uuid.uuid4().hex[:8]}")
    args = parser.parse_args()
    webhook = f"{args.url.rstrip('/')}/webhooks/rest/webhook"
    _show("اكتب رسالتك (أو /quit للخروج):", args.shape)
    buttons: List[Dict[str, str]] = []
    with httpx.Client(timeout=60) as client:
        while True:
            try:
                line = input("> ").strip()
            except (EOFError, KeyboardInterrupt):
                print()
                return 0
            if line in ("/quit", "/exit"):
                return 0
            if line.isdigit() and 0 < int(line) <= len(buttons):
                line = buttons[int(line) - 1]["payload"]
            try:
                response = client.post(webhook, json={"sender": args.sender, "message": line})
                response.raise_for_status()
            except httpx.HTTPError as error:
                _show(f"تعذر الاتصال بالمساعد ({error.__class__.__name__}). هل هو يعمل؟ شغّله بـ make run", args.shape)
                continue
            buttons = _render(response.json(), args.shape)


if __name__ == "__main__":
    sys.exit(main())
