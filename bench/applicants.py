"""Simulated applicants: one conversation each, driven one message at a time.

An applicant decides its next message from the bot's replies, so both load shapes
can drive it: the closed loop runs a conversation back to back, the open loop sends
one turn of some idle conversation at each arrival.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench import dialect
from bench.client import BotClient
from bench.replies import QuestionReader, payload_of

MAX_TURNS = 30
_ids = itertools.count(1)


@dataclass
class Outcomes:
    """How the simulated conversations ended (a benchmark that silently stalls lies)."""

    counts: Counter = field(default_factory=Counter)

    def add(self, name: str) -> None:
        self.counts[name] += 1

    def as_dict(self) -> dict[str, int]:
        return dict(sorted(self.counts.items()))


class Applicant:
    kind = "base"

    def __init__(self, rng: random.Random, reader: QuestionReader, outcomes: Outcomes, run_tag: str) -> None:
        self.rng = rng
        self.reader = reader
        self.outcomes = outcomes
        self.sender = f"bench-{run_tag}-{self.kind}-{next(_ids)}"
        self.turns = 0
        self.pending: str | None = self.first_message()

    @property
    def done(self) -> bool:
        return self.pending is None

    def first_message(self) -> str:
        raise NotImplementedError

    async def reply_to(self, replies: list[dict[str, Any]], client: BotClient) -> str | None:
        raise NotImplementedError

    async def next_turn(self, client: BotClient, phase: str, base_url: str | None = None) -> bool:
        """Send the pending message; returns True while the conversation goes on."""
        if self.pending is None:
            return False
        replies = await client.say(
            self.sender, self.pending, phase=phase, scenario=self.kind, position=self.turns, base_url=base_url
        )
        self.turns += 1
        if replies is None:
            self.outcomes.add(f"{self.kind}_error")
            self.pending = None
        elif self.turns >= MAX_TURNS:
            self.outcomes.add(f"{self.kind}_too_long")
            self.pending = None
        else:
            self.pending = await self.reply_to(replies, client)
        return self.pending is not None

    async def _answer_asked(
        self, replies: list[dict[str, Any]], client: BotClient, answer: Callable[[str], str]
    ) -> str | None:
        if self.reader.asks_confirmation(replies):
            return dialect.confirm()
        slot = self.reader.asked_slot(replies)
        if slot is None:
            slot = await client.requested_slot(self.sender)
        if slot is None:
            self.outcomes.add(f"{self.kind}_stuck")
            return None
        return answer(slot)


class FaqApplicant(Applicant):
    """Greets, asks one to three questions, thanks."""

    kind = "faq"

    def first_message(self) -> str:
        questions = dialect.faq_questions(self.rng, self.rng.randint(1, 3))
        self._script = [*questions, self.rng.choice(dialect.THANKS)]
        return self.rng.choice(dialect.GREETINGS)

    async def reply_to(self, replies: list[dict[str, Any]], client: BotClient) -> str | None:
        if not self._script:
            self.outcomes.add("faq_done")
            return None
        return self._script.pop(0)


class EligibilityApplicant(Applicant):
    """Runs the whole eligibility check, answering each question in dialect."""

    kind = "eligibility"

    def first_message(self) -> str:
        self._thanked = False
        return self.rng.choice(dialect.START_ELIGIBILITY)

    async def reply_to(self, replies: list[dict[str, Any]], client: BotClient) -> str | None:
        if self._thanked:
            return None
        if payload_of(replies, "eligibility_result") is not None:
            self.outcomes.add("eligibility_result")
            self._thanked = True
            return self.rng.choice(dialect.THANKS)
        return await self._answer_asked(replies, client, lambda slot: dialect.answer_for(slot, self.rng))


class StatusApplicant(Applicant):
    """Asks where the application is, with a seeded demo ID and birth date."""

    kind = "status"

    def first_message(self) -> str:
        self._national_id, self._born = dialect.status_inputs(self.rng)
        return self.rng.choice(dialect.START_STATUS)

    def _answer(self, slot: str) -> str:
        if slot == "registration_date":
            return dialect.registration_month(self._national_id)
        return self._born if slot == "birth_date" else self._national_id

    async def reply_to(self, replies: list[dict[str, Any]], client: BotClient) -> str | None:
        status = payload_of(replies, "application_status")
        if status is not None:
            self.outcomes.add(f"status_{status.get('status')}")
            return None
        return await self._answer_asked(replies, client, self._answer)


KINDS = {cls.kind: cls for cls in (FaqApplicant, EligibilityApplicant, StatusApplicant)}
DEFAULT_MIX = {"faq": 0.4, "eligibility": 0.4, "status": 0.2}


@dataclass
class ApplicantFactory:
    """Creates applicants in the configured mix, reproducibly from one seed."""

    mix: dict[str, float]
    seed: int
    run_tag: str
    reader: QuestionReader = field(default_factory=QuestionReader.from_domain)
    outcomes: Outcomes = field(default_factory=Outcomes)

    def __post_init__(self) -> None:
        unknown = set(self.mix) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown applicant kinds: {', '.join(sorted(unknown))}")
        self._rng = random.Random(self.seed)

    def new(self, kind: str | None = None) -> Applicant:
        chosen = kind or self._rng.choices(list(self.mix), weights=list(self.mix.values()))[0]
        return KINDS[chosen](random.Random(self._rng.random()), self.reader, self.outcomes, self.run_tag)


def parse_mix(text: str) -> dict[str, float]:
    """ "faq=0.4,eligibility=0.4,status=0.2" -> {"faq": 0.4, ...}"""
    mix: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, weight = part.partition("=")
        mix[name.strip()] = float(weight or 1)
    if not mix or sum(mix.values()) <= 0:
        raise ValueError("the mix needs at least one kind with a positive weight")
    return mix
