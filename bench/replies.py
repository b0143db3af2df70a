"""Reads the bot's replies the way an applicant does: which question was asked, and
whether the conversation has reached its result.

Question texts come from domain.yml, so the benchmark follows the domain when the
wording changes. When a reply matches no known question, the caller can fall back to
the tracker's `requested_slot`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
_ASK_PREFIX = "utter_ask_"
CONFIRM_RESPONSE = "utter_confirm_surprising_answer"
# Wordings of one slot's question chosen by the actions (actions/eligibility_actions.py):
# utter_ask_<slot>_only, utter_ask_<slot>_with_duty ask for <slot>.
_WORDING_SUFFIXES = ("_only", "_with_duty")


def _slot_of(response: str) -> str:
    slot = response[len(_ASK_PREFIX) :]
    for suffix in _WORDING_SUFFIXES:
        if slot.endswith(suffix):
            return slot[: -len(suffix)]
    return slot


def _template_head(text: str) -> str:
    """The fixed start of a response text, up to its first {placeholder}."""
    return text.split("{", 1)[0].strip()


@dataclass(frozen=True)
class QuestionReader:
    """Maps reply texts to the slot they ask for."""

    question_texts: Mapping[str, str]  # full text -> slot
    confirm_heads: tuple

    @classmethod
    def from_domain(cls, domain_path: Path = ROOT / "domain.yml") -> QuestionReader:
        responses: dict[str, list[dict[str, Any]]] = (
            yaml.safe_load(domain_path.read_text(encoding="utf-8")).get("responses") or {}
        )
        questions: dict[str, str] = {}
        for name, variants in responses.items():
            if name.startswith(_ASK_PREFIX) and name != "utter_ask_continue" and name != "utter_ask_rephrase":
                for variant in variants or []:
                    if variant.get("text"):
                        questions[variant["text"].strip()] = _slot_of(name)
        heads = tuple(
            _template_head(variant["text"]) for variant in responses.get(CONFIRM_RESPONSE) or [] if variant.get("text")
        )
        return cls(questions, heads)

    def asked_slot(self, messages: Iterable[Mapping[str, Any]]) -> str | None:
        """The slot the last question in `messages` asks for, if any."""
        slot = None
        for message in messages:
            text = (message.get("text") or "").strip()
            if text in self.question_texts:
                slot = self.question_texts[text]
        return slot

    def asks_confirmation(self, messages: Iterable[Mapping[str, Any]]) -> bool:
        return any(
            head and (message.get("text") or "").startswith(head) for message in messages for head in self.confirm_heads
        )


def payload_of(messages: Iterable[Mapping[str, Any]], key: str) -> dict[str, Any] | None:
    """The machine-readable payload `key` (eligibility_result, application_status) if sent."""
    for message in messages:
        custom = message.get("custom") or {}
        if isinstance(custom, dict) and key in custom:
            return custom[key]
    return None
