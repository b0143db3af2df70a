"""Cost of PII masking per message: microseconds at the median on a 500-character message.

    .venv/bin/python -m bench.pii_mask_bench [--runs 2000] [--json bench/results/pii_mask.json]

Three figures, each over the same 500-character Arabic message that holds a grouped
national ID, a phone, an IBAN, an e-mail, amounts and a date (the worst realistic
case: every detector finds something), and over a 500-character message with no
personal data (the common case):
- `mask_pii(text)`: the text alone, what logs and the review tool pay;
- `masked_events(...)` on one user turn (UserUttered with parse_data and entities,
  SlotSet, BotUttered): what the tracker store pays per message;
- the browser's `maskPii` (webchat/static/pii_mask.js) under Node, when node exists.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WITH_PII = (
    "السلام عليكم، ابي اعرف حالة طلبي في الضمان المطور. رقم هويتي ١٠١٢٬٣٤٥٬٦٧٢ وجوالي +966 55 123 4567 "
    "وايميلي ahmad.ali@example.com والايبان SA03 8000 0000 6080 1016 7519. دخلي الشهري 1,320 ريال "
    "من الراتب و ٨ ٠٠٠ ريال مكافأة سنوية، وعندي 3 عيال في المدرسة. سجلت في 2024-03-01 ولين الحين ما جاني رد. "
)
_WITHOUT_PII = (
    "السلام عليكم، ابي اعرف وش شروط الضمان الاجتماعي المطور وكم المبلغ المرجعي للأسرة اللي عندها 3 تابعين. "
    "دخلي الشهري 1,320 ريال من الراتب و ٨ ٠٠٠ ريال مكافأة سنوية، والبيت ملك والسيارة وحدة. متى ينزل الصرف؟ "
    "وهل يحسب دخل الزوجة؟ سمعت انه زاد 20% من 2023-11-01 بس ما ادري. "
)


def _message(seed: str, length: int = 500) -> str:
    return (seed * (length // len(seed) + 1))[:length]


def _median_us(function: Callable[[], object], runs: int) -> dict[str, float]:
    for _ in range(min(200, runs)):  # warm-up: regex caches, allocator
        function()
    samples: list[int] = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        function()
        samples.append(time.perf_counter_ns() - start)
    samples.sort()
    return {
        "median_us": round(statistics.median(samples) / 1000, 1),
        "p95_us": round(samples[int(len(samples) * 0.95)] / 1000, 1),
    }


def _turn(text: str) -> list:
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

    intent = {"name": "inform", "confidence": 0.9}
    entities = [{"entity": "number", "value": "1320", "start": 10, "end": 15}]
    return [
        ActionExecuted("action_listen", timestamp=1.0),
        UserUttered(
            text,
            intent,
            entities,
            {"intent": intent, "entities": entities, "text": text, "intent_ranking": [intent]},
            timestamp=2.0,
        ),
        SlotSet("earned_income", 1320, timestamp=2.1),
        BotUttered("شكرا، وصلت المعلومات", timestamp=2.2),
    ]


def _node_median_us(text: str, runs: int) -> dict[str, float]:
    node = shutil.which("node")
    if not node:
        return {}
    script = f"""
import("{(ROOT / "webchat/static/pii_mask.js").as_uri()}").then(({{ maskPii }}) => {{
  const text = {json.dumps(text)}; const runs = {runs}; const t = [];
  for (let i = 0; i < 200; i++) maskPii(text);
  for (let i = 0; i < runs; i++) {{
    const s = process.hrtime.bigint(); maskPii(text); t.push(Number(process.hrtime.bigint() - s));
  }}
  t.sort((a, b) => a - b);
  const us = (ns) => Math.round(ns / 100) / 10;
  console.log(JSON.stringify({{ median_us: us(t[Math.floor(runs / 2)]), p95_us: us(t[Math.floor(runs * 0.95)]) }}));
}});"""
    result = subprocess.run(
        [node, "--no-warnings", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=300
    )
    return json.loads(result.stdout) if result.returncode == 0 else {"error": result.stderr[-300:]}


def run(runs: int) -> dict[str, dict[str, dict[str, float]]]:
    from arabic_text.pii import mask_pii
    from rasa_extensions.event_masking import masked_events

    results = {}
    for name, seed in (("with_pii", _WITH_PII), ("without_pii", _WITHOUT_PII)):
        text = _message(seed)
        assert len(text) == 500
        turn = _turn(text)
        results[name] = {
            # Default arguments bind this iteration's values (the lambdas run before the next one anyway).
            "mask_pii_text": _median_us(lambda text=text: mask_pii(text), runs),
            "tracker_store_turn": _median_us(lambda turn=turn: masked_events(turn, 1), runs),
            "browser_maskPii_node": _node_median_us(text, runs),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    results = run(args.runs)
    print(f"500-character message, {args.runs} runs each (microseconds)")
    for name, figures in results.items():
        for what, figure in figures.items():
            print(
                f"  {name:12s} {what:22s} median {figure.get('median_us', '-'):>7}  p95 {figure.get('p95_us', '-'):>7}"
            )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"runs": args.runs, "message_chars": 500, **results}, indent=1) + "\n")


if __name__ == "__main__":
    main()
