"""Writing conversations to CSV (one row per message), JSONL (one conversation per line) or HTML."""
from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, Iterable, List

from review import outcomes as oc
from review.listing import ConversationSummary
from review.model import Turn
from review.settings import RIYADH
from review.templating import render

FORMATS = ("csv", "jsonl", "html")
CSV_COLUMNS = ("conversation", "channel", "outcomes", "time", "speaker", "text", "intent", "confidence", "faq_topic")


def _turn_dict(turn: Turn) -> Dict[str, Any]:
    return {
        "time": turn.time.isoformat(),
        "speaker": turn.speaker,
        "text": turn.text,
        "intent": turn.intent,
        "confidence": turn.confidence,
        "faq_topic": turn.faq_key,
        "payload": turn.payload,
    }


def conversation_dict(summary: ConversationSummary) -> Dict[str, Any]:
    started = summary.started_at
    return {
        "conversation": summary.conversation.display_id,
        "channel": summary.channel,
        "outcomes": sorted(summary.outcomes),
        "had_fallback": summary.had_fallback,
        "lowest_confidence": summary.lowest_confidence,
        "started_at": started.isoformat() if started else None,
        "turns": [_turn_dict(t) for t in oc.turns(summary.conversation)],
    }


def write_csv(summaries: Iterable[ConversationSummary], path: Path) -> int:
    """Rows written. UTF-8 with a BOM, so spreadsheet programs show the Arabic correctly."""
    rows = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for summary in summaries:
            base = {"conversation": summary.conversation.display_id, "channel": summary.channel,
                    "outcomes": " ".join(sorted(summary.outcomes))}
            for turn in oc.turns(summary.conversation):
                item = _turn_dict(turn)
                writer.writerow({**base, **{k: item[k] for k in CSV_COLUMNS if k in item}})
                rows += 1
    return rows


def write_jsonl(summaries: Iterable[ConversationSummary], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as handle:
        for summary in summaries:
            handle.write(json.dumps(conversation_dict(summary), ensure_ascii=False) + "\n")
            count += 1
    return count


def html_document(summaries: List[ConversationSummary]) -> str:
    return render(
        "export.html",
        conversations=[conversation_dict(s) for s in summaries],
        generated_at=datetime.now(tz=RIYADH).strftime("%Y-%m-%d %H:%M"),
    )


def write_html(summaries: Iterable[ConversationSummary], path: Path) -> int:
    chosen = list(summaries)
    Path(path).write_text(html_document(chosen), encoding="utf-8")
    return len(chosen)


def write_export(summaries: Iterable[ConversationSummary], path: Path, fmt: str) -> int:
    writers = {"csv": write_csv, "jsonl": write_jsonl, "html": write_html}
    if fmt not in writers:
        raise ValueError(f"Unknown export format {fmt!r}; use one of {', '.join(FORMATS)}.")
    return writers[fmt](summaries, Path(path))
