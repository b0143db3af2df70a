"""The staff review tool at real volume: list, search and report over HTTP.

Seeds (once) 10,000 conversations through the project's own writers
(bench.review_seed), indexes them into the review DB, starts the real review
web app (`python -m review serve`) as its own process, signs in as staff and
times pages with an HTTP client. Results: bench/results/review_volume.json/.md.

    PYTHONPATH=. .venv/bin/python -m bench.review_volume            # seed if needed, then measure
    PYTHONPATH=. .venv/bin/python -m bench.review_volume --conversations 500 --out /tmp/x   # a quick run

Targets (issue 13): list page p95 <= 300 ms, search p95 <= 500 ms, report <= 2 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp
import sqlalchemy as sa

from bench.stats import percentile

ROOT = Path(__file__).resolve().parent.parent
TARGETS_MS = {"list_page": 300, "search": 500, "report": 2000}
STAFF, PASSWORD = "bench-staff", "Bench-Review-2026!"
SEARCHES = [
    "الضمان",
    "موظف",
    "البطاقة الرقمية",
    "اعترض",
    "دخلنا",
    "سعر البنزين",
    "هويتي",
    "اسرة",
    "برا",
    "كلمة غير موجودة",
    "الشروط",
    "ايوه",
]
LIST_FILTERS = [
    "",
    "channel=whatsapp",
    "outcome=handoff",
    "outcome=none",
    "fallback=1",
    "low=1&below=0.5",
    "since=2026-09-10&until=2026-09-20",
    "channel=socketio&outcome=eligible",
    "tag=متابعة",
]
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _count(url: str, query: str) -> int:
    engine = sa.create_engine(url, future=True)
    try:
        with engine.connect() as connection:
            return int(connection.exec_driver_sql(query).scalar() or 0)
    except sa.exc.OperationalError:
        return 0
    finally:
        engine.dispose()


def _figures(samples: list[float]) -> dict[str, Any]:
    return {
        "requests": len(samples),
        "p50_ms": round(percentile(samples, 50), 1),
        "p95_ms": round(percentile(samples, 95), 1),
        "max_ms": round(max(samples), 1),
    }


async def _timed(session: aiohttp.ClientSession, url: str) -> float:
    started = time.perf_counter()
    async with session.get(url) as response:
        await response.read()
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
    return (time.perf_counter() - started) * 1000


async def _measure(base: str, requests: int, rng: random.Random) -> dict[str, Any]:
    # unsafe=True: keep cookies from an IP address (127.0.0.1); aiohttp drops them by default.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        async with session.get(f"{base}/login") as response:
            token = _TOKEN.search(await response.text()).group(1)
        async with session.post(
            f"{base}/login", data={"username": STAFF, "password": PASSWORD, "csrf_token": token}, allow_redirects=False
        ) as response:
            if response.status != 303:
                raise RuntimeError(f"sign-in failed with {response.status}")
        first_visit = await _timed(session, f"{base}/")  # indexes anything the last run did not
        pages = max(1, (await _count_total(session, base)) // 50)
        lists = []
        for i in range(requests):
            query = LIST_FILTERS[i % len(LIST_FILTERS)]
            page = 1 if i % 3 == 0 else rng.randint(1, pages if not query else 5)
            lists.append(await _timed(session, f"{base}/?{query}&page={page}"))
        searches = [await _timed(session, f"{base}/?q={word}") for word in SEARCHES for _ in range(3)]
        reports, report_pages = [], []
        for _ in range(5):
            started = time.perf_counter()
            report_pages.append(await _timed(session, f"{base}/report"))
            for chart in ("conversations_per_day", "outcomes", "top_intents", "faq_topics"):
                await _timed(session, f"{base}/report/{chart}.png")
            reports.append((time.perf_counter() - started) * 1000)
    return {
        "first_list_visit_ms": round(first_visit, 1),
        "list_page": _figures(lists),
        "search": _figures(searches),
        "report_page_only": _figures(report_pages),
        "report": _figures(reports),
    }


async def _count_total(session: aiohttp.ClientSession, base: str) -> int:
    async with session.get(f"{base}/") as response:
        found = re.search(r"عدد المحادثات: (\d+)", await response.text())
    return int(found.group(1)) if found else 0


def _serve(env: dict[str, str], urls: dict[str, str], port: int) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "review",
        "--db",
        urls["tracker"],
        "--status-db",
        urls["status"],
        "--review-db",
        urls["review"],
        "serve",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 180
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError as err:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode()) from err
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError("review server did not start")


def run(args: argparse.Namespace) -> dict[str, Any]:
    from bench.review_seed import BENCH_HMAC_KEY, seed

    os.environ.setdefault("NATIONAL_ID_HMAC_KEY", BENCH_HMAC_KEY)
    urls = {"tracker": args.tracker_db, "status": args.status_db, "review": args.review_db}
    result: dict[str, Any] = {
        "command": " ".join(["python -m bench.review_volume", *sys.argv[1:]]),
        "cpus": os.cpu_count(),
        "load_average_before": os.getloadavg(),
    }
    have = _count(urls["tracker"], "SELECT count(DISTINCT sender_id) FROM events")
    if have < args.conversations:
        result["seeding"] = seed(urls["tracker"], urls["status"], args.conversations - have, seed_value=have + 13)
    result["conversations"] = _count(urls["tracker"], "SELECT count(DISTINCT sender_id) FROM events")
    result["events"] = _count(urls["tracker"], "SELECT count(*) FROM events")

    from review.accounts import add_staff
    from review.indexer import index_tracker
    from review.queries import tracker_engine
    from review.review_db import review_engine
    from review.status_index import index_status

    review_file = Path(sa.engine.make_url(urls["review"]).database or "")
    if not args.keep_index and review_file.exists():
        review_file.unlink()  # measure the first, full indexing too
    review = review_engine(urls["review"])
    add_staff(review, STAFF, PASSWORD, replace=True)
    started = time.perf_counter()
    index_tracker(tracker_engine(urls["tracker"]), review)
    index_status(review, urls["status"])
    result["full_index_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    index_tracker(tracker_engine(urls["tracker"]), review)
    index_status(review, urls["status"])
    result["index_when_nothing_is_new_ms"] = round((time.perf_counter() - started) * 1000, 1)

    port = _free_port()
    server = _serve({**os.environ, "PYTHONPATH": str(ROOT)}, urls, port)
    try:
        result.update(asyncio.run(_measure(f"http://127.0.0.1:{port}", args.requests, random.Random(13))))
    finally:
        server.terminate()
        server.wait(30)
    result["load_average_after"] = os.getloadavg()
    result["targets_ms"] = TARGETS_MS
    result["met"] = {name: result[name]["p95_ms"] <= limit for name, limit in TARGETS_MS.items()}
    return result


def markdown(result: dict[str, Any]) -> str:
    rows = [
        f"| {name.replace('_', ' ')} | {result[name]['requests']} | {result[name]['p50_ms']} | "
        f"{result[name]['p95_ms']} | {result[name]['max_ms']} "
        f"| {'≤ ' + str(TARGETS_MS[name]) if name in TARGETS_MS else '—'}"
        f" | {('yes' if result['met'][name] else 'NO') if name in TARGETS_MS else ''} |"
        for name in ("list_page", "search", "report_page_only", "report")
    ]
    return "\n".join(
        [
            "# Review tool at volume",
            "",
            f"`{result['command']}` (PYTHONPATH=. .venv/bin/python -m ...), {result['conversations']} conversations, "
            f"{result['events']} events, {result['cpus']} CPUs shared with other work "
            f"(load average before: {', '.join(f'{x:.1f}' for x in result['load_average_before'])}).",
            "",
            "Over HTTP against `python -m review serve` (its own process, SQLite files), signed in as staff. "
            '"report" is the report page and its four PNG charts, one after another; its first run '
            "computes the figures and draws the charts (the max column), later runs reuse both until "
            "something new is indexed or tagged.",
            "",
            "| measure | requests | p50 ms | p95 ms | max ms | target ms | met |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            f"- first indexing of every event into the review DB: {result['full_index_s']} s "
            "(once; later runs read only new events)",
            f"- indexing when nothing is new: {result['index_when_nothing_is_new_ms']} ms "
            "(runs on every list, report and export request)",
            f"- first list visit after the server started: {result['first_list_visit_ms']} ms",
            *([f"- seeding: {result['seeding']}"] if "seeding" in result else []),
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--tracker-db", default=f"sqlite:///{ROOT / 'var/bench/review_tracker.db'}")
    parser.add_argument("--status-db", default=f"sqlite:///{ROOT / 'var/bench/review_status.db'}")
    parser.add_argument("--review-db", default=f"sqlite:///{ROOT / 'var/bench/review_review.db'}")
    parser.add_argument("--requests", type=int, default=200, help="list-page requests")
    parser.add_argument("--keep-index", action="store_true", help="do not rebuild the review DB's index first")
    parser.add_argument("--out", default=str(ROOT / "bench/results/review_volume"))
    parser.add_argument("--markdown-only", action="store_true", help="rewrite the .md from the .json")
    args = parser.parse_args()
    if args.markdown_only:
        result = json.loads(Path(args.out + ".json").read_text(encoding="utf-8"))
        Path(args.out + ".md").write_text(markdown(result), encoding="utf-8")
        return
    result = run(args)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out + ".json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    Path(args.out + ".md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))


if __name__ == "__main__":
    main()
