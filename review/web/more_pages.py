"""Handoff queue, report with charts, and downloads (exports, corrections YAML)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from aiohttp import web

from review import annotations as notes_db
from review.charts import CHART_NAMES, draw_chart
from review.corrections_yaml import corrections_yaml
from review.export import FORMATS, write_export
from review.listing import ConversationFilter, find_conversations, refresh
from review.report import cached_report
from review.status_link import handoff_queue, status_engine
from review.texts import PAGE_MESSAGES, PAGE_TITLES
from review.web.auth import see_other
from review.web.keys import CONFIG, REVIEW_ENGINE, TRACKER_ENGINE
from review.web.pages import filter_from_query, find_for_request, run_blocking
from review.web.render import render_page

_CONTENT_TYPES = {"csv": "text/csv", "jsonl": "application/x-ndjson", "html": "text/html"}


async def handoffs_page(request: web.Request) -> web.Response:
    config = request.app[CONFIG]
    queue = await run_blocking(handoff_queue, config.status_db_url, False)
    fallback = []
    if queue is None:
        # No status store: show conversations whose events ended in a handoff, read-only.
        found = await run_blocking(
            find_conversations,
            request.app[TRACKER_ENGINE],
            ConversationFilter(outcome="handoff"),
            config.status_db_url,
            request.app[REVIEW_ENGINE],
        )
        fallback = list(reversed(found))
    return render_page(
        request,
        "handoffs.html",
        title=PAGE_TITLES["handoffs"],
        queue=queue,
        fallback=fallback,
        done=request.query.get("done"),
    )


async def handoff_handled(request: web.Request) -> web.Response:
    """Close a request from the list: the inbox's close, which first hands a paused
    conversation back to the bot (review.web.inbox_pages.end_request)."""
    from review.texts import INBOX_ERRORS
    from review.web.inbox_pages import end_request
    from status_store.errors import HandoffNotFound
    from status_store.handoffs import get_handoff

    try:
        handoff_id = int(request.match_info["handoff_id"])
    except ValueError:
        raise web.HTTPBadRequest(text=PAGE_MESSAGES["bad_handoff_id"]) from None
    engine = status_engine(request.app[CONFIG].status_db_url)
    try:
        handoff = await run_blocking(lambda: get_handoff(handoff_id, engine=engine)) if engine else None
    except HandoffNotFound:
        handoff = None
    if handoff is None:
        raise web.HTTPNotFound(text=PAGE_MESSAGES["handoff_not_found"])
    error = await end_request(request, handoff, "closed")
    if error:
        return render_page(
            request, "message.html", status=503, title=PAGE_TITLES["not_closed"], message=INBOX_ERRORS[error]
        )
    return see_other(f"/handoffs?done={handoff_id}")


def _indexed_report(tracker, review, status_url, chosen):
    refresh(tracker, review, status_url)
    return cached_report(review, chosen)


async def _report_data(request: web.Request):
    return await run_blocking(
        _indexed_report,
        request.app[TRACKER_ENGINE],
        request.app[REVIEW_ENGINE],
        request.app[CONFIG].status_db_url,
        filter_from_query(request.query),
    )


async def report_page(request: web.Request) -> web.Response:
    data = await _report_data(request)
    return render_page(
        request,
        "report.html",
        title=PAGE_TITLES["report"],
        report=data,
        charts=CHART_NAMES,
        query_string=request.query_string,
    )


async def report_chart(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    if name not in CHART_NAMES:
        raise web.HTTPNotFound()
    png = await run_blocking(draw_chart, await _report_data(request), name)
    return web.Response(body=png, content_type="image/png", headers={"Cache-Control": "no-store"})


async def corrections_download(request: web.Request) -> web.Response:
    text = corrections_yaml(notes_db.corrections(request.app[REVIEW_ENGINE]))
    return web.Response(
        text=text,
        content_type="application/x-yaml",
        charset="utf-8",
        headers={"Content-Disposition": 'attachment; filename="corrections.yml"'},
    )


async def export_download(request: web.Request) -> web.Response:
    fmt = request.match_info["fmt"]
    if fmt not in FORMATS:
        raise web.HTTPNotFound()
    _, summaries = await find_for_request(request)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"conversations.{fmt}"
        await run_blocking(write_export, summaries, path, fmt, request.app[TRACKER_ENGINE], request.app[REVIEW_ENGINE])
        body = path.read_bytes()
    return web.Response(
        body=body,
        content_type=_CONTENT_TYPES[fmt],
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="conversations.{fmt}"'},
    )
