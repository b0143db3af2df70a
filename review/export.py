"""Writing conversations to CSV (one row per message), JSONL (one conversation per line) or HTML.

Every format carries the staff's tags and notes (each note with its Riyadh time
and author) beside the transcript. Transcripts are read from the tracker store
only for the conversations exported, a few hundred at a time.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from review import outcomes as oc
from review.annotations import Note, notes_for_many, tags_for
from review.clock import format_riyadh, riyadh_now
from review.listing import ConversationSummary
from review.model import Conversation, Turn
from review.queries import load_conversations
from review.templating import render
from review.texts import intent_label

FORMATS = ("csv", "jsonl", "html")
CSV_COLUMNS = (
    "conversation",
    "channel",
    "outcomes",
    "time",
    "speaker",
    "text",
    "intent",
    "intent_label",
    "confidence",
    "faq_topic",
    "button_payload",
    "buttons_offered",
    "tags",
    "notes",
)
_CHUNK = 200


def _turn_dict(turn: Turn) -> dict[str, Any]:
    understood = turn.understood_intent if turn.speaker == "user" else None
    return {
        "time": turn.time.isoformat(),
        "speaker": turn.speaker,
        "text": turn.shown_text,
        "button_payload": turn.text if turn.button_title else None,
        "buttons_offered": [title for title, _ in turn.buttons],
        "intent": turn.intent,
        "intent_label": intent_label(understood) if understood else None,
        "confidence": turn.confidence,
        "faq_topic": turn.faq_key,
        "payload": turn.payload,
    }


def _note_dict(note: Note) -> dict[str, str]:
    return {"time": note.time.isoformat(), "staff": note.staff, "text": note.text}


def conversation_dict(
    summary: ConversationSummary, conversation: Conversation, tags: list[str], notes: list[Note]
) -> dict[str, Any]:
    started = summary.started_at
    return {
        "conversation": summary.display_id,
        "channel": summary.channel,
        "outcomes": sorted(summary.outcomes),
        "had_fallback": summary.had_fallback,
        "lowest_confidence": summary.lowest_confidence,
        "started_at": started.isoformat() if started else None,
        "tags": list(tags),
        "notes": [_note_dict(n) for n in notes],
        "turns": [_turn_dict(t) for t in oc.turns(conversation)],
    }


def _with_transcripts(
    summaries: Iterable[ConversationSummary], tracker: Engine, review: Engine
) -> Iterator[tuple[ConversationSummary, dict[str, Any]]]:
    chosen = list(summaries)
    for start in range(0, len(chosen), _CHUNK):
        chunk = chosen[start : start + _CHUNK]
        ids = [s.sender_id for s in chunk]
        loaded = {c.sender_id: c for c in load_conversations(tracker, ids)}
        tags, notes = tags_for(review, ids), notes_for_many(review, ids)
        for summary in chunk:
            conversation = loaded.get(summary.sender_id, Conversation(summary.sender_id))
            yield (
                summary,
                conversation_dict(
                    summary, conversation, tags.get(summary.sender_id, []), notes.get(summary.sender_id, [])
                ),
            )


def write_csv(items: Iterable[tuple[ConversationSummary, dict[str, Any]]], path: Path) -> int:
    """Rows written. UTF-8 with a BOM, so spreadsheet programs show the Arabic correctly."""
    rows = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for _, item in items:
            base = {
                "conversation": item["conversation"],
                "channel": item["channel"],
                "outcomes": " ".join(item["outcomes"]),
                "tags": " | ".join(item["tags"]),
                "notes": " | ".join(
                    f"{n['time'][:16].replace('T', ' ')} {n['staff']}: {n['text']}" for n in item["notes"]
                ),
            }
            for turn in item["turns"]:
                row = {**base, **{k: turn[k] for k in CSV_COLUMNS if k in turn}}
                row["buttons_offered"] = " | ".join(turn["buttons_offered"])
                writer.writerow(row)
                rows += 1
    return rows


def write_jsonl(items: Iterable[tuple[ConversationSummary, dict[str, Any]]], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as handle:
        for _, item in items:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_html(items: Iterable[tuple[ConversationSummary, dict[str, Any]]], path: Path) -> int:
    conversations = [item for _, item in items]
    html = render("export.html", conversations=conversations, generated_at=format_riyadh(riyadh_now()))
    Path(path).write_text(html, encoding="utf-8")
    return len(conversations)


def write_export(
    summaries: Iterable[ConversationSummary], path: Path, fmt: str, tracker: Engine, review: Engine
) -> int:
    """Write `summaries` with their transcripts, tags and notes; returns rows (CSV) or conversations."""
    writers = {"csv": write_csv, "jsonl": write_jsonl, "html": write_html}
    if fmt not in writers:
        raise ValueError(f"Unknown export format {fmt!r}; use one of {', '.join(FORMATS)}.")
    return writers[fmt](_with_transcripts(summaries, tracker, review), Path(path))
