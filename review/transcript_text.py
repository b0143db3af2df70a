"""A conversation as plain text lines for the terminal (`python -m review show`)."""

from __future__ import annotations

from typing import TextIO

from review import outcomes as oc
from review.model import Conversation, Turn
from review.texts import SPEAKER_LABELS, TRANSCRIPT_HEADER, channel_label, outcome_label


def _display_text():
    try:
        from arabic_text import display_text
    except ImportError:
        from arabic_text.terminal import display_text
    return display_text


def _turn_line(turn: Turn) -> str:
    line = f"{turn.time:%Y-%m-%d %H:%M:%S}  {SPEAKER_LABELS[turn.speaker]}: {turn.shown_text}"
    if turn.speaker == "user":
        intent = turn.understood_intent or "?"
        score = "?" if turn.confidence is None else f"{turn.confidence:.2f}"
        line += f"  [{intent} {score}]"
    return line


def transcript_lines(conversation: Conversation, found_outcomes: set[str] | None = None) -> list[str]:
    """Logical-order lines: a header, then one line per message with intent and confidence."""
    reached = found_outcomes if found_outcomes is not None else oc.outcomes(conversation)
    outcome_text = "، ".join(outcome_label(o) for o in sorted(reached)) or outcome_label("none")
    header = TRANSCRIPT_HEADER.format(
        display_id=conversation.display_id, channel=channel_label(oc.channel(conversation)), outcomes=outcome_text
    )
    return [header] + [_turn_line(turn) for turn in oc.turns(conversation)]


def render_transcript(
    conversation: Conversation,
    shape: str = "auto",
    stream: TextIO | None = None,
    found_outcomes: set[str] | None = None,
) -> str:
    """The transcript ready to print on `stream`; shaping as arabic_text.display_text decides."""
    display_text = _display_text()
    lines = transcript_lines(conversation, found_outcomes)
    return "\n".join(display_text(line, shape=shape, stream=stream) for line in lines)
