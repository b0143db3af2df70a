"""A simulated WhatsApp user: sends signed webhooks to a bot, reads its replies from the fake Graph API.

Works with any process that runs the channel (a real `rasa run`), because it only
speaks HTTP: Meta's webhook format in, the fake Graph API's records out.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx

from tests.fakes import meta_webhook as meta
from tests.fakes.fake_graph_api import FakeGraphApi


@dataclass
class BotMessage:
    """One message the bot sent, reduced to what a user sees."""

    text: str
    choices: list[dict[str, str]]  # [{"id": payload, "title": shown title}] for buttons and list rows

    @classmethod
    def from_graph(cls, message: dict[str, Any]) -> BotMessage:
        if message.get("type") == "text":
            return cls(message["text"]["body"], [])
        if message.get("type") == "interactive":
            interactive = message["interactive"]
            action = interactive.get("action", {})
            choices = [b["reply"] for b in action.get("buttons", [])]
            choices += [row for section in action.get("sections", []) for row in section.get("rows", [])]
            return cls(
                interactive.get("body", {}).get("text", ""), [{"id": c["id"], "title": c["title"]} for c in choices]
            )
        return cls("", [])

    def choice(self, *titles_or_ids: str) -> dict[str, str] | None:
        """The first choice whose id equals, or whose title starts with, one of the arguments."""
        for wanted in titles_or_ids:
            for choice in self.choices:
                if choice["id"] == wanted or choice["title"].startswith(wanted):
                    return choice
        return None


class WhatsAppUser:
    def __init__(
        self,
        webhook_url: str,
        app_secret: str,
        graph: FakeGraphApi,
        number: str,
        phone_number_id: str,
        timeout: float = 60.0,
    ) -> None:
        self.webhook_url = webhook_url
        self.app_secret = app_secret
        self.graph = graph
        self.number = number
        self.phone_number_id = phone_number_id
        self.timeout = timeout
        self.transcript: list[str] = []

    def _seen(self) -> int:
        return len(self.graph.sent_messages(self.number))

    def _deliver(self, message: dict[str, Any], shown: str) -> list[BotMessage]:
        before = self._seen()
        body, headers = meta.signed(meta.webhook([message], phone_number_id=self.phone_number_id), self.app_secret)
        self.transcript.append(f"USER: {shown}")
        response = httpx.post(self.webhook_url, content=body, headers=headers, timeout=self.timeout)
        assert response.status_code == 200, f"webhook answered {response.status_code}: {response.text}"
        # The channel answers after the bot has replied; waiting until the count stops
        # growing also covers a channel that replies in the background.
        self.graph.wait_for(lambda sent: len([m for m in sent if m.get("to") == self.number]) > before, self.timeout)
        count = -1
        while count != self._seen():
            count = self._seen()
            time.sleep(0.3)
        replies = [BotMessage.from_graph(m) for m in self.graph.sent_messages(self.number)[before:]]
        self.transcript.extend(f"BOT: {r.text} {[c['title'] for c in r.choices] or ''}" for r in replies)
        return replies

    def say(self, text: str) -> list[BotMessage]:
        return self._deliver(meta.text_message(self.number, text), text)

    def tap(self, choice: dict[str, str], as_list: bool = False) -> list[BotMessage]:
        builder = meta.list_reply if as_list else meta.button_reply
        return self._deliver(builder(self.number, choice["id"], choice["title"]), f"[{choice['title']}]")
